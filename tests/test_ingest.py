"""Ingest: every supported file read with its metadata; bad files become problems, not crashes."""
from pathlib import Path

from dossier.clean import clean_articles
from dossier.ingest import read_seeds
from dossier.text import neutral_bidi

BODY = "Le ministre a déclaré jeudi que son pays poursuivrait la coopération militaire.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_reads_txt_md_and_html_sorted_by_id(tmp_path):
    write(tmp_path, "b.md", f"---\ntitle: Titre\ndate: 2021-11-11\n---\n{BODY}")
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "c.html", f"<html><body><p>{BODY}</p></body></html>")
    write(tmp_path, "notes.pdf", "not an article")
    raws, problems = read_seeds(tmp_path)
    assert [(r.id, r.format) for r in raws] == [("a", "txt"), ("b", "md"), ("c", "html")]
    assert [p.path for p in problems] == ["notes.pdf"]       # named, not read
    md = raws[1]
    assert md.meta == {"title": "Titre", "date": "2021-11-11"}  # YAML dates stay text
    assert md.text.strip() == BODY.strip()
    assert "<p>" in raws[2].html


def test_sidecar_yaml_is_metadata(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "a.yml", "source: RFI\nurl: https://example.org/a\n")
    raws, _ = read_seeds(tmp_path)
    assert raws[0].meta == {"source": "RFI", "url": "https://example.org/a"}


def test_bad_files_are_named_problems_and_the_rest_goes_on(tmp_path):
    write(tmp_path, "empty.txt", "  \n")
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nbody\n")
    write(tmp_path, "list.md", "---\n- a\n- b\n---\nbody\n")
    write(tmp_path, "good.txt", BODY)
    raws, problems = read_seeds(tmp_path)
    assert [r.id for r in raws] == ["good"]
    messages = {Path(p.path).name: p.message for p in problems}
    assert "empty" in messages["empty.txt"]
    assert "YAML" in messages["bad.md"]
    assert "mapping" in messages["list.md"]


def test_non_utf8_text_is_decoded(tmp_path):
    write(tmp_path, "latin.txt", ("Le ministre des Affaires étrangères a déclaré à la presse que la "
                                  "coopération continuerait.\n").encode("latin-1"))
    raws, problems = read_seeds(tmp_path)
    assert "étrangères" in raws[0].text
    assert [(p.path, p.message) for p in problems] == [("latin.txt", "is not UTF-8; read as cp1252 (detected)")]


def test_html_declared_charset_is_used(tmp_path):
    page = "<html><head><meta charset='iso-8859-1'></head><body><p>Français à l’été</p></body></html>"
    write(tmp_path, "p.html", page.replace("’", "'").encode("latin-1"))
    raws, _ = read_seeds(tmp_path)
    assert "Français à l'été" in raws[0].html


def test_input_files_are_not_modified(tmp_path):
    path = write(tmp_path, "a.md", f"---\ntitle: T\n---\n{BODY}")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_seeds(tmp_path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_hostile_or_odd_files_are_problems_not_crashes(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = write(tmp_path, "secret.txt", "mot de passe")
    (seeds / "link.txt").symlink_to(secret)
    write(seeds, "rot.html", b'<meta charset="rot13"><p>Caf\xe9 au Mali.</p>')
    write(seeds, "list.md", "---\ntitle: [a, b]\n---\nTexte.\n")
    write(seeds, "huge.txt", b"a" * 5_000_001)
    write(seeds, "ok.txt", BODY)
    raws, problems = read_seeds(seeds)
    by_file = {p.path: p.message for p in problems}
    assert "outside the seeds folder" in by_file["link.txt"]
    assert "single value" in by_file["list.md"]
    assert "kept its first 500 KB" in by_file["huge.txt"]
    assert sorted(r.id for r in raws) == ["huge", "ok", "rot"]   # rot13 is no text encoding: guessed
    assert all("/" not in path for path in by_file)          # no builder's folder on the site


def test_file_names_become_safe_page_addresses(tmp_path):
    write(tmp_path, "a#b?c d.txt", BODY)
    write(tmp_path, "index.txt", BODY)
    write(tmp_path, "000_a3e8dfd74bd36d78.txt", BODY)
    ids = sorted(r.id for r in read_seeds(tmp_path)[0])
    assert ids == ["000_a3e8dfd74bd36d78", "a-b-c-d", "index-article"]


RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"


def test_bidirectional_controls_cannot_reorder_what_a_reader_sees():
    assert neutral_bidi(f"{RLO}cod.exe") == "cod.exe"                        # an override never stays
    assert neutral_bidi(f"facture {RLO}fdp{PDF}.exe") == "facture fdp.exe"   # closed or not
    arabic = f"le quotidien {RLI}الأهرام{PDI} écrit"                         # an isolate closed on its line stays
    assert neutral_bidi(arabic) == arabic
    assert neutral_bidi(f"ouvert {RLI}\nfermé {PDI} ailleurs") == "ouvert \nfermé  ailleurs"
    assert neutral_bidi(f"{RLI}a\u202bb{PDI}c{PDF}") == f"{RLI}ab{PDI}c"     # an isolate closes what it holds
    assert neutral_bidi("rien à faire") == "rien à faire"


def test_titles_and_texts_from_the_web_lose_their_reordering_controls(tmp_path):
    write(tmp_path, "page.html", f"<html><head><title>Grève &#x202E;reconduite</title></head><body>"
                                 f"<h1>Grève {RLO}reconduite</h1><p>{BODY} Un {RLO}texte{PDF} retourné.</p>"
                                 f"<p>Le journal {RLI}الأهرام{PDI} le dit, &#8238;vraiment.</p></body></html>")
    write(tmp_path, "note.txt", f"Titre {RLO}à l'envers\n\n{BODY}")
    write(tmp_path, "note.yml", f"source: Le {RLO}Journal\n")
    raws, _ = read_seeds(tmp_path)
    assert f"{RLI}الأهرام{PDI}" in raws[1].html                                 # a closed isolate is kept
    article, note = sorted(clean_articles(raws), key=lambda a: a.id != "page")
    assert article.title == "Grève reconduite" and note.title == "Titre à l'envers" and note.source == "Le Journal"
    texts = [article.title, article.lede, note.title, *(b.text for a in (article, note) for b in a.blocks)]
    assert "Un texte retourné." in article.lede and "le dit, vraiment." in article.blocks[0].text
    assert not any(control in text for text in texts for control in (RLO, PDF))
