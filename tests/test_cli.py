"""The command line: build any folder of articles into any folder; bad input is named, not fatal,
except with --strict."""
import contextlib
import io
import json
import re
import shutil
from types import SimpleNamespace

import pytest

from dossier.cli import main


@pytest.fixture(scope="module")
def bad_input_build(root, seeds_dir, tmp_path_factory, nlp):
    """`dossier build` of a folder with one good article, an empty file and bad front matter."""
    folder = tmp_path_factory.mktemp("cli")
    seeds = folder / "articles"
    seeds.mkdir()
    shutil.copy(next(seeds_dir.glob("004_*.txt")), seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "broken.md").write_text("---\ntitle: [oops\n---\nTexte.\n", encoding="utf-8")
    inputs = {p.name: p.read_bytes() for p in seeds.iterdir()}
    site = folder / "out"
    code, err = build(root, "--seeds", str(seeds), "--site", str(site))
    return SimpleNamespace(seeds=seeds, inputs=inputs, site=site, code=code, err=err)


def build(root, *args: str) -> tuple[int, str]:
    """Run `dossier build`; return its exit code and what it wrote to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["-f", str(root / "mkdocs.yml"), "build", *args])
    return code, err.getvalue()


def test_build_from_another_folder_with_a_bad_file(bad_input_build):
    run = bad_input_build
    assert run.code == 0
    data = json.loads((run.site / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["004_064c069a962b0c83"]
    assert {p.name: p.read_bytes() for p in run.seeds.iterdir()} == run.inputs   # inputs untouched
    sources = (run.site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in sources and "broken.md" in sources                     # named on the site


def test_the_warnings_are_listed_again_at_the_end(bad_input_build):
    count, listed = re.search(r"dossier: (\d+) warning\(s\):\n((?:  - .*\n)+)", bad_input_build.err).groups()
    lines = listed.splitlines()
    assert len(lines) == int(count)
    assert any("empty.txt: the file is empty" in line for line in lines)          # each names its file
    assert any("broken.md: metadata is not valid YAML" in line for line in lines)
    assert bad_input_build.err.endswith(listed)                                   # after the build's log


def test_strict_fails_on_a_warning_and_keeps_the_previous_site(root, bad_input_build):
    site = bad_input_build.site
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    code, err = build(root, "--seeds", str(bad_input_build.seeds), "--site", str(site), "--strict")
    assert code == 1
    assert "empty.txt: the file is empty" in err
    assert f"with --strict: the new build is discarded; the site in {site} was left as it was" in err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["articles", "out"]   # no build left aside


def test_missing_seeds_folder_is_a_clear_error(root, tmp_path, capsys):
    code = main(["-f", str(root / "mkdocs.yml"), "build", "--seeds", str(tmp_path / "nope")])
    assert code == 2
    assert "nope" in capsys.readouterr().err
