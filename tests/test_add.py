"""`dossier add`: web pages from a local server (redirect, 404, not a page, timeout), files, pasted
text; names from headlines, never overwriting, a second add of an address skipped."""
import contextlib
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from dossier.add import AddError, add_item, name_for, seeds_folder
from dossier.cli import main
from dossier.ingest import read_seeds

PAGE = ("<html><head><meta charset='utf-8'><title>Élections : le scrutin reporté à l’automne</title></head>"
        "<body><h1>Élections : le scrutin reporté à l’automne</h1><p>Le gouvernement a annoncé mardi que le "
        "scrutin aurait lieu en octobre.</p></body></html>")
SLOW = 3              # seconds the slow page takes; the tests' timeout is 1 s


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(SLOW)
        if self.path.startswith("/moved"):
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path in ("/page", "/other", "/slow"):
            body, kind = PAGE.replace("mardi", self.path).encode("utf-8"), "text/html; charset=utf-8"
        elif self.path == "/data.pdf":
            body, kind = b"%PDF-1.4 not a page", "application/pdf"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def add(url, seeds, timeout=1):
    return add_item(url, seeds, timeout=timeout, allow_private=True)


def test_a_page_is_saved_with_its_address_and_a_name_from_its_headline(server, tmp_path):
    said = add(f"{server}/page", tmp_path)
    assert said.endswith("added as elections-le-scrutin-reporte-a-lautomne.html")
    meta = yaml.safe_load((tmp_path / "elections-le-scrutin-reporte-a-lautomne.yml").read_text(encoding="utf-8"))
    assert meta["url"] == f"{server}/page" and len(str(meta["fetched"])) == 10
    raws, problems = read_seeds(tmp_path)          # ingest reads both, without a warning
    assert [r.meta["url"] for r in raws] == [f"{server}/page"] and not problems


def test_a_second_add_of_an_address_is_skipped_and_a_same_headline_is_not_overwritten(server, tmp_path):
    add(f"{server}/page", tmp_path)
    assert "already in the dossier as elections-le-scrutin-reporte-a-lautomne.html; skipped" in add(f"{server}/page", tmp_path)
    assert add(f"{server}/other", tmp_path).endswith("added as elections-le-scrutin-reporte-a-lautomne-2.html")
    assert len(list(tmp_path.glob("*.html"))) == 2


def test_a_redirect_is_followed_and_its_target_recorded(server, tmp_path):
    said = add(f"{server}/moved", tmp_path)
    assert f"(moved to {server}/page)" in said
    assert yaml.safe_load(next(tmp_path.glob("*.yml")).read_text(encoding="utf-8"))["url"] == f"{server}/page"
    assert "already in the dossier" in add(f"{server}/moved", tmp_path)     # the same page, by its new address


@pytest.mark.parametrize("path, message", [
    ("/missing", "not found (HTTP 404)"),
    ("/data.pdf", "not a web page (application/pdf)"),
])
def test_what_is_no_page_is_one_line_naming_the_address(server, tmp_path, path, message):
    with pytest.raises(AddError) as error:
        add(f"{server}{path}", tmp_path)
    assert str(error.value) == f"{server}{path}: {message}" or str(error.value).startswith(f"{server}{path}: {message}")
    assert not list(tmp_path.iterdir())


def test_a_server_too_slow_is_a_timeout(server, tmp_path):
    with pytest.raises(AddError, match=r"/slow: no answer within 1 s \(timeout\)"):
        add(f"{server}/slow", tmp_path)


def test_local_addresses_are_refused_unless_allowed(server, tmp_path):
    with pytest.raises(AddError, match="local or private address"):
        add_item(f"{server}/page", tmp_path, timeout=1)


def test_files_are_copied_in_under_their_headline_once(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir(), outside.mkdir()
    (outside / "a.txt").write_text("Le titre du texte\n\nUn paragraphe.\n", encoding="utf-8")
    (outside / "b.md").write_text("---\ntitle: Une note\n---\nTexte.\n", encoding="utf-8")
    (outside / "c.pdf").write_bytes(b"%PDF")
    assert add_item(str(outside / "a.txt"), seeds).endswith("added as le-titre-du-texte.txt")
    assert add_item(str(outside / "b.md"), seeds).endswith("added as une-note.md")
    assert "already in the dossier as le-titre-du-texte.txt" in add_item(str(outside / "a.txt"), seeds)
    with pytest.raises(AddError, match=r"c\.pdf: not an article format"):
        add_item(str(outside / "c.pdf"), seeds)
    with pytest.raises(AddError, match=r"nope\.txt: no such file"):
        add_item(str(outside / "nope.txt"), seeds)


def test_pasted_text_and_the_command(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, x]\nplugins:\n  - dossier:\n      seeds: seeds\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("Un texte collé\nSon paragraphe.\n"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["add", "-", "missing.html"])
    assert code == 1
    assert out.getvalue() == "-: added as un-texte-colle.txt\n"
    assert err.getvalue() == "dossier add: missing.html: no such file (nor a web address: those start with http:// or https://)\n"
    assert seeds_folder(tmp_path / "mkdocs.yml") == tmp_path / "seeds"


def test_names_are_bounded():
    assert len(name_for("mot " * 100, "")) <= 60
    assert name_for("", "https://example.org/2021/11/la-page.html") == "la-page"
    assert name_for("!!!", "") == "article"
