"""`dossier new`: a folder that builds as it is, about its own subject — nothing of the Mali dossier."""
import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from dossier.cli import main
from dossier.new import UNKNOWN_SOURCE, create

TITLE = "Réforme des retraites : « le débat »"


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


class TagBlind(yaml.SafeLoader):
    pass


TagBlind.add_multi_constructor("!", lambda *_: None)


@pytest.fixture
def fresh(tmp_path):
    folder = tmp_path / "retraites"
    code, out, _ = run("new", str(folder), "--title", TITLE, "--description", "La réforme de 2023.")
    assert code == 0 and f"new dossier in {folder}" in out
    return folder


def test_the_new_folder_has_what_a_dossier_needs(fresh, root):
    names = {p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file()}
    assert {"mkdocs.yml", "README.md", "requirements.txt", ".gitignore", "seeds/.gitkeep", "content/index.md",
            "content/assets/dossier.css", "editorial/actors.yml", "editorial/topics.yml", "editorial/outlets.yml",
            ".github/workflows/pages.yml", "site_templates/pages/home.md.j2",
            "site_templates/overrides/main.html"} <= names
    config = yaml.load((fresh / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagBlind)
    assert config["site_name"] == TITLE and config["site_description"] == "La réforme de 2023."
    ours = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagBlind)
    for key in ("theme", "plugins", "nav", "markdown_extensions", "validation"):
        assert config[key] == ours[key], key
    assert "# Réforme des retraites : « le débat »" in (fresh / "content/index.md").read_text(encoding="utf-8")
    for name in ("actors.yml", "topics.yml"):     # the repository's header, and nothing else
        lines = (root / "editorial" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        header = "".join(line for line in lines[:next(i for i, l in enumerate(lines) if not l.startswith("#"))])
        text = (fresh / "editorial" / name).read_text(encoding="utf-8")
        assert text.startswith(header)
        data = yaml.safe_load(text)
        assert not any(data.values())
    assert yaml.safe_load((fresh / "editorial/outlets.yml").read_text(encoding="utf-8")) == {"generic": {}, "outlets": {}}
    assert (fresh / "requirements.txt").read_text(encoding="utf-8").endswith(UNKNOWN_SOURCE)


def test_nothing_of_the_mali_dossier(fresh):
    for path in fresh.rglob("*"):
        if path.is_file():
            assert not re.search(r"\bmali|wagner|russie", path.read_text(encoding="utf-8"), re.IGNORECASE), path


def test_a_folder_with_anything_in_it_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    code, _, err = run("new", str(tmp_path), "--title", "X")
    assert code == 2 and err == f"dossier: {tmp_path} is not empty: give a new or empty folder for the new dossier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    with pytest.raises(ValueError, match="title"):
        create(tmp_path / "other", "  ")


def test_the_dossier_source_line_is_given_to_ci(tmp_path):
    create(tmp_path / "d", "T", source="dossier @ git+https://github.com/someone/dossier@v1")
    assert (tmp_path / "d/requirements.txt").read_text(encoding="utf-8").endswith(
        "\ndossier @ git+https://github.com/someone/dossier@v1\n")


@pytest.mark.slow
def test_it_builds_empty_then_with_one_article(tmp_path, nlp, seeds_dir, monkeypatch):
    folder = tmp_path / "d"
    create(folder, TITLE)
    monkeypatch.chdir(folder)
    code, _, err = run("build", "--quiet")
    assert code == 0, err
    home = (folder / "site/index.html").read_text(encoding="utf-8")
    assert "<title>" in home and "Réforme des retraites" in home and "Aucun article" in home
    (folder / "article.txt").write_text("Les syndicats appellent à la grève\n\nLa CGT et la CFDT ont appelé "
                                        "jeudi à une nouvelle journée de grève contre la réforme, a déclaré "
                                        "Laurent Berger à Paris.\n", encoding="utf-8")
    code, out, _ = run("add", "article.txt")
    assert code == 0 and "added as les-syndicats-appellent-a-la-greve.txt" in out
    code, _, err = run("build", "--quiet")
    assert code == 0, err
    data = json.loads((folder / "site/dossier.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in data["articles"]] == ["Les syndicats appellent à la grève"]
    home = (folder / "site/index.html").read_text(encoding="utf-8")
    assert "Réforme des retraites" in home and "Mali" not in home
    # the exports, the feed and the Nouveautés page of the second build
    site = folder / "site"
    assert {p.name for p in (site / "exports").iterdir()} == {
        "actors.csv", "aliases.csv", "quotes.csv", "events.csv", "graph.gexf", "entities.ftm.json"}
    assert 'type="application/atom+xml"' in home and 'href="feed.xml"' in home
    entries = ET.parse(site / "feed.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    news = (site / "nouveautes/index.html").read_text(encoding="utf-8")
    assert "Les syndicats appellent à la grève" in news and "Première construction" not in news
    assert 'href="../exports/entities.ftm.json"' in news


def test_the_new_dossiers_workflow_matches_githubs_schema(fresh):
    import subprocess
    import sys

    workflow = fresh / ".github/workflows/pages.yml"
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [step.get("run", "") for step in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]]
    assert "python -m pip install --quiet -r requirements.txt" in steps and "dossier build --quiet" in steps
