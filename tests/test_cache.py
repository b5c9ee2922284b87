"""Rebuilds do only the new work: a build whose inputs have not changed is reused whole, an
editorial change re-resolves without the model, a new article is the only one the model reads."""
from __future__ import annotations

import json
import logging
import shutil
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from conftest import ROOT
from dossier import analyse, clean, ingest, model, pipeline
from dossier.cache import LatestFolder, Store
from dossier.pipeline import Settings, build_site, build_site_apart
from dossier.plugin import DossierPlugin

TEMPLATES = ROOT / "site_templates"


@pytest.fixture
def project(tmp_path, seeds_dossier) -> Settings:
    """A copy of the seeds and editorial data, with a cache of its own."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "editorial", tmp_path / "editorial")
    return Settings(tmp_path / "seeds", tmp_path / "editorial", tmp_path / "cache")


def test_an_unchanged_dossier_is_reused_whole_with_its_warnings(project, monkeypatch, caplog):
    (project.seeds / "vide.txt").write_text("  \n", encoding="utf-8")
    first = build_site(project, TEMPLATES, True)
    assert not first.cached and first.stats.analysed == 5
    assert any("vide.txt" in message for message in first.warnings)
    dates = [article["date"] for article in json.loads(first.data.read_text())["articles"] if article["date"]]
    assert first.newest == max(dates) and first.counts["articles"] == 5
    monkeypatch.setattr("dossier.pipeline.build_dossier", lambda _: pytest.fail("the pipeline ran"))
    with caplog.at_level(logging.WARNING):
        again = build_site(project, TEMPLATES, True)
    assert again.cached
    assert (texts(again.pages), again.home, again.data.read_bytes(), again.counts, again.newest) == (
        texts(first.pages), first.home, first.data.read_bytes(), first.counts, first.newest)
    assert "vide.txt" in caplog.text       # a bad file is named on every build, not only the first


def test_a_registry_edit_re_resolves_actors_without_the_model(project, model_must_not_load_later):
    names = lambda output: {actor["name"] for actor in json.loads(output.data.read_text())["actors"]}  # noqa: E731
    assert "Moscou" in names(build_site(project, TEMPLATES, True))
    model_must_not_load_later()
    registry = project.editorial / "actors.yml"
    registry.write_text(registry.read_text(encoding="utf-8")
                        + "\nexclude:\n  - Moscou\n", encoding="utf-8")
    again = build_site(project, TEMPLATES, True)
    assert not again.cached and again.stats.analysed == 0
    assert "Moscou" not in names(again)


def test_a_new_article_is_the_only_one_the_model_reads(project):
    build_site(project, TEMPLATES, True)
    (project.seeds / "nouveau.txt").write_text(
        "Le Mali et la Russie signent un accord\n\nSergueï Lavrov a reçu Abdoulaye Diop à Moscou "
        "le 11 novembre 2021 pour parler de coopération militaire.\n", encoding="utf-8")
    again = build_site(project, TEMPLATES, True)
    assert again.stats.analysed == 1 and again.counts["articles"] == 6
    assert "articles/nouveau.md" in again.pages


def test_a_template_edit_renders_again(project, tmp_path):
    build_site(project, TEMPLATES, True)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "pages" / "article.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\nPied de page ajouté\n", encoding="utf-8")
    again = build_site(project, templates, True)
    assert not again.cached and again.stats.analysed == 0
    assert again.pages["articles/000_a3e8dfd74bd36d78.md"].read_text(encoding="utf-8").rstrip().endswith("Pied de page ajouté")


def test_cleaning_is_kept_and_made_again_when_the_outlet_rules_change(tmp_path):
    raws, _ = ingest.read_seeds(ROOT / "seeds")
    first = clean.clean_articles(raws, None, tmp_path)
    assert [asdict(a) for a in clean.clean_articles(raws, None, tmp_path)] == [asdict(a) for a in first]
    rules = tmp_path / "outlets.yml"
    rules.write_text("generic:\n  lines:\n    - 'Une très mauvaise nouvelle pour Emmanuel Macron\\..*'\n",
                     encoding="utf-8")
    changed = clean.clean_articles(raws, rules, tmp_path)
    removed = lambda articles: [line for a in articles for line in a.removed]  # noqa: E731
    assert [line for line in removed(changed) if line not in removed(first)] == [
        next(b.text for b in first[0].blocks if b.text.startswith("Une très mauvaise nouvelle"))]


def test_a_foreign_or_damaged_entry_is_made_again(tmp_path, caplog):
    store = Store(tmp_path, "clean")
    store.put("k" * 32, {"value": 1})
    store.path("k" * 32).write_text(json.dumps({"key": "other", "value": 2}), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        assert store.get("k" * 32) is None
    store.path("k" * 32).write_text('{"key": "kkk', encoding="utf-8")
    assert store.get("k" * 32) is None and "not used" in caplog.text
    assert Store(None, "clean").get("k" * 32) is None      # no cache folder, no cache


def texts(pages: dict[str, Path]) -> dict[str, str]:
    return {src: path.read_text(encoding="utf-8") for src, path in pages.items()}


@pytest.fixture
def model_must_not_load_later(monkeypatch):
    """Call it once the first build is done: from then on, loading the model fails the test."""
    def forbid():
        monkeypatch.setattr(analyse, "load_model", lambda *_: pytest.fail("the model was loaded"))
    return forbid


def test_the_cache_works_from_any_folder_name(project, tmp_path):
    """Keys hold no absolute path: a project moved elsewhere keeps its cache."""
    build_site(project, TEMPLATES, True)
    moved = tmp_path / "ailleurs"
    moved.mkdir()
    for name in ("seeds", "editorial", "cache"):
        shutil.move(str(Path(project.seeds.parent) / name), moved / name)
    again = build_site(Settings(moved / "seeds", moved / "editorial", moved / "cache"), TEMPLATES, True)
    assert again.cached


def tiny_site(folder: Path, text: str, pages: int = 1) -> Path:
    """A home page and `pages` pages a/, b/…, each saying text, as MkDocs would write them."""
    page = '<html lang="fr"><body><main data-pagefind-body><h1>{}</h1><p>{}</p></main></body></html>'
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(page.format("Accueil", "Le Mali et la Russie"), encoding="utf-8")
    for name in "abcdefgh"[:pages]:
        (folder / name).mkdir()
        (folder / name / "index.html").write_text(page.format("Wagner", text), encoding="utf-8")
    return folder


def test_the_search_index_is_reused_while_the_pages_are_unchanged(tmp_path, monkeypatch):
    from dossier import search

    def site(name: str, text: str) -> Path:
        return tiny_site(tmp_path / name, text)

    cache = tmp_path / "cache"
    first = site("first", "Sergueï Lavrov à Bamako")
    assert search.index_site(first, cache) == 2
    real_run = search.run_pagefind
    monkeypatch.setattr(search, "run_pagefind", lambda *_: pytest.fail("Pagefind ran again"))
    second = site("second", "Sergueï Lavrov à Bamako")
    assert search.index_site(second, cache) == 2
    files = lambda folder: {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}  # noqa: E731
    assert files(second / "pagefind") == files(first / "pagefind")
    ran = []
    monkeypatch.setattr(search, "run_pagefind", lambda folder, *rest: ran.append(folder) or real_run(folder, *rest))
    search.index_site(site("third", "Abdoulaye Diop à Moscou"), cache)
    assert len(ran) == 1 and len(list((cache / "search").iterdir())) == 1   # only the latest is kept


def test_a_one_off_build_lets_go_of_the_model(project, nlp, monkeypatch):
    monkeypatch.setattr(model, "_loaded", {model.DEFAULT: nlp})     # the session's model, given back afterwards
    output = build_site(replace(project, keep_model=False), TEMPLATES, True)
    assert output.stats.analysed == 5 and not model.model_loaded()


@pytest.mark.parametrize("command, keeps", [("serve", True), ("build", False), ("gh-deploy", False)])
def test_only_a_live_preview_keeps_the_model_between_builds(command, keeps):
    plugin = DossierPlugin()
    plugin.load_config({})
    assert plugin.settings().keep_model              # a build that MkDocs did not announce keeps it
    plugin.on_startup(command=command, dirty=False)
    assert plugin.settings().keep_model is keeps


def test_a_folder_entry_is_whole_or_absent_and_only_the_latest_is_kept(tmp_path):
    shelf = LatestFolder(tmp_path, "site")

    def fails(folder):
        (folder / "half.md").write_text("…", encoding="utf-8")
        raise RuntimeError("killed mid-write")
    with pytest.raises(RuntimeError):
        shelf.put("a" * 32, fails)
    assert shelf.get("a" * 32) is None and not any((tmp_path / "site").iterdir())   # nothing left
    first, _ = shelf.put("a" * 32, lambda folder: (folder / "p.md").write_text("A", encoding="utf-8"))
    second, made = shelf.put("b" * 32, lambda folder: (folder / "p.md").write_text("B", encoding="utf-8"))
    assert made == 1 and shelf.get("b" * 32) == second and (second / "p.md").read_text() == "B"
    assert shelf.get("a" * 32) is None and not first.exists()
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["b" * 32]


def test_without_a_cache_the_pages_live_in_a_temporary_folder(tmp_path, seeds_dossier):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    output = build_site(Settings(tmp_path / "seeds", ROOT / "editorial", None), TEMPLATES, True)
    assert not output.cached and "articles/index.md" in output.pages
    assert all(path.is_file() and tmp_path not in path.parents for path in output.pages.values())


def test_a_damaged_site_entry_is_made_again(project, caplog, model_must_not_load_later):
    first = build_site(project, TEMPLATES, True)
    model_must_not_load_later()
    (next(iter(first.pages.values()))).unlink()       # a page of the entry lost
    with caplog.at_level(logging.INFO):
        again = build_site(project, TEMPLATES, True)
    assert not again.cached and "a page is missing" in caplog.text
    assert texts(again.pages) == texts(build_site(project, TEMPLATES, True).pages)
    (next(iter(again.pages.values())).parents[2] / "site.json").write_text("{", encoding="utf-8")
    assert not build_site(project, TEMPLATES, True).cached


def test_a_one_off_build_runs_the_pipeline_in_a_process_of_its_own(project, caplog, monkeypatch):
    """Its memory goes back to the system before MkDocs runs; its messages still reach the build."""
    monkeypatch.setattr(pipeline, "APART_FROM", 5)            # the five seeds make a large dossier
    (project.seeds / "vide.txt").write_text("  \n", encoding="utf-8")
    here = texts(build_site(project, TEMPLATES, True).pages)       # the analyses cached, in this process
    registry = project.editorial / "actors.yml"                    # then a change, so that the pipeline runs
    registry.write_text(registry.read_text(encoding="utf-8") + "\n# une note\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        apart = build_site_apart(project, TEMPLATES, True)
    assert not apart.cached and "pipeline process" in apart.stats.seconds
    assert "vide.txt" in caplog.text and any("vide.txt" in message for message in apart.warnings)
    # the same pages, but for the Nouveautés page: it says what this build added to the previous one
    assert {**texts(apart.pages), "nouveautes.md": ""} == {**here, "nouveautes.md": ""}
    assert build_site_apart(project, TEMPLATES, True).cached       # and is kept like any build


def test_a_small_dossier_is_built_in_the_process_of_the_build(project):
    """Starting a process would cost more than the memory it gives back."""
    assert pipeline.article_files(project.seeds) < pipeline.APART_FROM
    output = build_site_apart(project, TEMPLATES, True)
    assert not output.cached and "pipeline process" not in output.stats.seconds


def test_a_live_preview_indexes_in_the_background_with_the_last_index_in_place(tmp_path):
    from dossier import search

    cache = tmp_path / "cache"
    assert search.index_site(tiny_site(tmp_path / "first", "Sergueï Lavrov"), cache) == 2
    site = tiny_site(tmp_path / "second", "Abdoulaye Diop", pages=2)
    done = []
    background = search.index_site_later(site, cache, lambda pages, seconds: done.append(pages))
    assert background is not None and search.bundle_pages(site / "pagefind") in (2, 3)  # the last, or the new
    background.thread.join()
    assert done == [3] and search.bundle_pages(site / "pagefind") == 3
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".pagefind")] == []   # no work folder left
    shutil.rmtree(site / "pagefind")        # MkDocs empties the site before the next build
    assert search.index_site_later(site, cache, lambda *_: pytest.fail("indexed again")) is None  # unchanged pages
    assert search.bundle_pages(site / "pagefind") == 3


def test_a_background_index_stopped_leaves_the_last_index(tmp_path):
    from dossier import search

    cache = tmp_path / "cache"
    search.index_site(tiny_site(tmp_path / "first", "Sergueï Lavrov"), cache)
    site = tiny_site(tmp_path / "second", "Abdoulaye Diop", pages=2)
    done = []
    search.index_site_later(site, cache, lambda pages, seconds: done.append(pages)).stop()
    assert done == [] and search.bundle_pages(site / "pagefind") == 2     # the last index, still whole
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".pagefind")] == []
