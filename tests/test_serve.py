"""The live preview as a writer uses it: with `dossier serve` running and the articles list open in
headless Chromium, an article dropped into seeds/ rebuilds the site and reloads the page by itself.

One server (a real `python -m dossier serve` subprocess, on a copy of the project with the analysis
cache of the session's build), one browser page. The server's log is in the temp folder
(serve.log) and its timings are printed (pytest -s shows them).
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project
from benchmarks.scale import answers, free_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium; .ci/run does it)"),
]

TITLE = "Tombouctou : le préfet Boubacar Sangaré reçoit des instructeurs russes"
PERSON = "Boubacar Sangaré"
ARTICLE = f"""{TITLE}

Le préfet de Tombouctou, Boubacar Sangaré, a reçu mardi une délégation d'instructeurs russes arrivés à Bamako la semaine dernière.

« Nous voulons d'abord la sécurité pour nos populations », a déclaré Boubacar Sangaré devant la presse locale, ajoutant que les patrouilles conjointes commenceraient avant la fin de l'année.
"""
STARTUP_S = 180        # the first build: cache warm, but Pagefind runs (the serve address is in the pages)
RELOAD_S = 120         # from the new file to the page showing it: the server loads the model for it
                       # (10-45 s on a busy 2-core machine), the rest takes a few seconds


def stop(server: subprocess.Popen) -> None:
    """Ctrl-C first (MkDocs then removes its temp site folder), then terminate, then kill; and
    whatever the server started (Pagefind) with it, as they share its own process group."""
    for send, wait in ((signal.SIGINT, 15), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if server.poll() is not None:
            break
        server.send_signal(send)
        try:
            server.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(server.pid, signal.SIGKILL)   # its own group (start_new_session): only its children
    except ProcessLookupError:
        pass


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def served(built_site, tmp_path):
    """`dossier serve` on a copy of the project (warm cache), on a free port of 127.0.0.1."""
    project = copy_project(tmp_path / "project", built_site.parent / ".dossier-cache")
    temp = tmp_path / "tmp"          # MkDocs builds the preview in a temp folder: keep it here
    temp.mkdir()
    log = tmp_path / "serve.log"
    address = f"127.0.0.1:{free_port()}"
    origin = f"http://{address}"
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
    env.pop("SITE_URL", None)
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "dossier", "-v", "-f", str(project / "mkdocs.yml"), "serve",
             "--dev-addr", address],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            # Ctrl-C must reach it even when the tests run as a background job, whose SIGINT is ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        started = time.monotonic()
        while not answers(origin + "/articles/"):
            assert server.poll() is None, f"dossier serve stopped ({server.returncode}):\n{log.read_text()}"
            assert time.monotonic() - started < STARTUP_S, f"dossier serve did not answer:\n{log.read_text()}"
            time.sleep(0.25)
        print(f"\nserve: first build answered in {time.monotonic() - started:.1f} s")
        yield origin, project, log
    finally:
        stop(server)
        assert server.poll() is not None, "dossier serve still running"
        assert not group_alive(server.pid), "processes of dossier serve left running"
        assert list(temp.iterdir()) == [], "dossier serve left its temp site folder"


@pytest.fixture
def page():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
            tab.set_default_timeout(15_000)
            tab.requests, tab.loads = [], []
            tab.on("request", lambda request: tab.requests.append(request.url))
            tab.on("load", lambda _: tab.loads.append(time.monotonic()))
            yield tab
        finally:
            browser.close()


def lists_title(page) -> bool:
    """Whether the page (reloaded: the marker set before is gone) lists the new article."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("""title => !window.__beforeReload
            && [...document.querySelectorAll(".md-content a")].some(a => a.textContent.includes(title))""",
                             TITLE)
    except Error:            # the page is being replaced: its script context went away
        return False


def test_an_article_dropped_into_seeds_appears_in_the_open_page(served, page):
    origin, project, log = served
    page.goto(origin + "/articles/")
    assert page.locator(".md-content a[href]").count() >= 5          # the seeds are listed
    assert TITLE not in page.inner_text(".md-content")
    page.evaluate("window.__beforeReload = true")
    page.wait_for_timeout(500)        # let the live-reload script start polling (on "load")
    loads_before = len(page.loads)

    (project / "seeds" / "900_sangare.txt").write_text(ARTICLE, encoding="utf-8")
    written = time.monotonic()
    while not lists_title(page):
        assert time.monotonic() - written < RELOAD_S, \
            f"the page did not show the new article in {RELOAD_S} s:\n{log.read_text()}"
        page.wait_for_timeout(100)
    shown = time.monotonic() - written
    page.wait_for_load_state("load")      # the new document's "load" event, seen by the listener
    while len(page.loads) == loads_before and time.monotonic() - written < RELOAD_S + 10:
        page.wait_for_timeout(100)
    assert len(page.loads) > loads_before, "the page shows the article without having been reloaded"
    report_timings(log.read_text(), shown, len(page.loads) - loads_before)

    # Instant navigation changes the address before the page (and Pagefind may be indexing beside
    # it): after each click, wait for the new page's own heading
    page.locator(".md-content a", has_text=TITLE).first.click()
    page.wait_for_url("**/articles/*/")
    shows_heading(page, TITLE)
    article_url = page.url
    surname = PERSON.split()[-1]
    page.locator(".md-content a[href*='acteurs/']", has_text=surname).first.click()
    page.wait_for_url("**/acteurs/*/")
    shows_heading(page, PERSON)           # the profile's: the article's headline names the person too
    assert page.evaluate("url => [...document.querySelectorAll('.md-content a')].some(a => a.href === url)",
                         article_url), "the new actor's profile does not link to the new article"
    # the search index follows in the background, a few seconds after the page (search.py)
    path = article_url.removeprefix(origin)
    while not search_finds(page, origin, surname, path):
        assert time.monotonic() - written < RELOAD_S + 60, f"the search never found the new article:\n{log.read_text()}"
    assert "search index of" in log.read_text()[log.read_text().rfind("Detected file changes"):]
    outside = [url for url in page.requests if not url.startswith(origin + "/")]
    assert not outside, f"requests left 127.0.0.1: {outside}"


def shows_heading(page, heading: str) -> None:
    """Wait until the page's main heading is `heading` (fails after the page's default timeout)."""
    page.wait_for_function("text => document.querySelector('.md-content h1')?.textContent.trim() === text",
                           arg=heading)


def search_finds(page, origin: str, words: str, path: str) -> bool:
    """Whether the header's search box, on a freshly loaded page, lists a result linking to path."""
    from playwright.sync_api import TimeoutError

    page.goto(origin + "/")
    page.keyboard.press("/")
    page.keyboard.type(words)
    try:
        page.wait_for_selector(f".md-search-result__link[href$='{path}']", timeout=3_000)
        return True
    except TimeoutError:
        return False


def report_timings(log: str, shown: float, loads: int) -> None:
    """What the server's log says of the rebuild: the model's loading and the stages."""
    rebuild = log[log.rfind("Detected file changes"):]
    summary = re.findall(r"dossier: (\d+ articles.*)", rebuild)
    print(f"serve: new file → page showing it: {shown:.1f} s ({loads} page load(s))")
    print(f"serve: model loaded for the new article: {'loading spaCy model' in rebuild}")
    for line in summary:
        print(f"serve: rebuild: {line}")
