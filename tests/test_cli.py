"""The command line: build any folder of articles into any folder; bad input is named, not fatal."""
import json
import shutil

from dossier.cli import main


def test_build_from_another_folder_with_a_bad_file(root, seeds_dir, tmp_path, nlp, caplog):
    seeds = tmp_path / "articles"
    seeds.mkdir()
    shutil.copy(next(seeds_dir.glob("004_*.txt")), seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "broken.md").write_text("---\ntitle: [oops\n---\nTexte.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    site = tmp_path / "out"
    assert main(["-f", str(root / "mkdocs.yml"), "build", "--seeds", str(seeds), "--site", str(site)]) == 0
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["004_064c069a962b0c83"]
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before   # inputs untouched
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in sources and "broken.md" in sources             # named on the site
    assert "empty.txt: the file is empty" in caplog.text                  # and in the log
    assert "broken.md: metadata is not valid YAML" in caplog.text


def test_missing_seeds_folder_is_a_clear_error(root, tmp_path, capsys):
    code = main(["-f", str(root / "mkdocs.yml"), "build", "--seeds", str(tmp_path / "nope")])
    assert code == 2
    assert "nope" in capsys.readouterr().err
