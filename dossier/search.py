"""Search: index the built site with Pagefind (French stemming, offline, served by the site itself).

The index is a pure function of the site's HTML pages, so it is kept in the cache under their
fingerprint: a rebuild whose pages came out byte-identical copies the last index instead of running
Pagefind again. Only the latest index is kept.

Pagefind's indexer needs about 380 KB of memory per page whatever the page's size (1.5.2, upstream
issue #842), so a big site is indexed in parts of at most PAGES_PER_INDEX pages, one run after the
other: the first part is the bundle at pagefind/, the others go to pagefind/part-2/, part-3/…,
listed in pagefind/parts.json, and the search box merges them in the browser (Pagefind's
mergeIndex). Each part ranks its pages with its own word statistics, so the parts deal out the
sorted pages in turn (part k of n takes every n-th page from the k-th): each is a sample of the
whole site, whose statistics are close to the whole site's (contiguous slices would rank a theme
page against theme pages only). The order is fixed, so a build stays reproducible.

A live preview indexes in the background (`index_site_later`): the new page is served as soon as
it is written, with the last index in place, and the new index replaces it when Pagefind is done.
On 100 synthetic articles Pagefind took 9–13 s of the 30–40 s from a new article to its page.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

from .cache import LatestFolder, file_digest, fingerprint

log = logging.getLogger("mkdocs.plugins.dossier")

SEARCH_DIR = "pagefind"           # the search bundle, inside the built site
PARTS_FILE = "parts.json"         # in the bundle: the folders of the parts after the first
OPTIONS = ["--force-language", "fr"]
PAGES_PER_INDEX = 1500            # Pagefind then peaks under 500 MB, whatever the size of the site


def index_site(site_dir: Path, cache_dir: Path | None, pages_per_index: int = PAGES_PER_INDEX) -> int:
    """Write the search bundle into site_dir/pagefind (from the cache if the pages are unchanged);
    return the number of pages indexed."""
    bundle = site_dir / SEARCH_DIR
    shelf = LatestFolder(cache_dir, "search")
    key = pages_fingerprint(site_dir, pages_per_index) if cache_dir is not None else None
    kept = shelf.get(key) if key else None
    if kept is not None:
        shutil.copytree(kept, bundle)
    else:
        index_in_parts(site_dir, pages_per_index, bundle)
        if key:
            keep(shelf, key, bundle)
    return bundle_pages(bundle)


class Background:
    """A live preview's search index, being written in a thread. `stop` drops it: the next build
    needs the site folder, and the index would be out of date anyway (a writer dropping articles
    one after the other waits for no index of the ones before)."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.process: subprocess.Popen | None = None
        self.thread: threading.Thread | None = None

    def started(self, process: subprocess.Popen) -> None:
        self.process = process
        if self.stopped.is_set():
            process.kill()

    def stop(self) -> None:
        self.stopped.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.kill()
        if self.thread is not None:
            self.thread.join()


class Dropped(Exception):
    """The background index was stopped before its end."""


def index_site_later(site_dir: Path, cache_dir: Path | None, done: Callable[[int, float], None],
                     pages_per_index: int = PAGES_PER_INDEX) -> Background | None:
    """The live preview's indexing: from the cache if the pages are unchanged (then None, at once);
    else the last index goes in place now, and a thread writes the new one beside the site and puts
    it in place whole, then calls done(pages, seconds). Errors are logged, never raised: the
    preview goes on with the last index."""
    shelf = LatestFolder(cache_dir, "search")
    key = pages_fingerprint(site_dir, pages_per_index) if cache_dir is not None else None
    kept = shelf.get(key) if key else None
    if kept is not None:
        shutil.copytree(kept, site_dir / SEARCH_DIR)
        return None
    last = shelf.latest()
    if last is not None:
        shutil.copytree(last, site_dir / SEARCH_DIR)
    background = Background()

    def work() -> None:
        started = time.perf_counter()
        try:
            done(reindex(site_dir, shelf, key, pages_per_index, background), time.perf_counter() - started)
        except Dropped:
            log.info("dossier: search index of the preview dropped: a newer build started")
        except (PluginError, OSError, ValueError) as error:
            log.error("dossier: the search index of the preview was not updated: %s", error)

    background.thread = threading.Thread(target=work, name="dossier-search-index", daemon=True)
    background.thread.start()
    return background


def reindex(site_dir: Path, shelf: LatestFolder, key: str | None, pages_per_index: int,
            background: Background) -> int:
    """Index the pages into a folder beside the site, keep it in the cache, and swap it in for the
    site's bundle (two renames: a search in between finds no index for an instant, never half one)."""
    work = Path(tempfile.mkdtemp(prefix=".pagefind-new-", dir=site_dir.parent))
    try:
        fresh = work / SEARCH_DIR
        index_in_parts(site_dir, pages_per_index, fresh, background)
        if key:
            keep(shelf, key, fresh)
        bundle, old = site_dir / SEARCH_DIR, work / "old"
        if bundle.exists():
            bundle.rename(old)
        fresh.rename(bundle)
        return bundle_pages(bundle)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bundle_pages(bundle: Path) -> int:
    """The pages a bundle indexes, all its parts together."""
    parts = json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8"))
    return sum(page_count(bundle / part) for part in ["", *parts])


def html_pages(site_dir: Path) -> list[str]:
    """The site's HTML pages, as sorted paths relative to it: what Pagefind indexes, in a fixed order."""
    return sorted(page.relative_to(site_dir).as_posix() for page in site_dir.rglob("*.html"))


def pages_fingerprint(site_dir: Path, pages_per_index: int) -> str:
    """What the index depends on: Pagefind's version and options, the part size, and every HTML page."""
    return fingerprint(version("pagefind"), *OPTIONS, str(pages_per_index),
                       *(part for page in html_pages(site_dir) for part in (page, file_digest(site_dir / page))))


def page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def index_in_parts(site_dir: Path, pages_per_index: int, bundle: Path,
                   background: Background | None = None) -> None:
    """Index the pages part by part, each in a folder beside the site that mirrors that part's pages
    (hard links, so nothing is copied), and move each part's bundle into the site's; write the list
    of parts. A site of at most pages_per_index pages is one part: the bundle of a single run."""
    pages = html_pages(site_dir)
    count = max(-(-len(pages) // pages_per_index), 1)
    parts = [pages[first::count] for first in range(count)]
    work = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
    try:
        for number, part in enumerate(parts, start=1):
            folder = work / f"part-{number}"
            mirror(site_dir, part, folder)
            run_pagefind(folder, background)
            (folder / SEARCH_DIR).rename(bundle / f"part-{number}" if number > 1 else bundle)
            log.debug("dossier: search index part %d/%d (%d pages) written", number, len(parts), len(part))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    others = [f"part-{number}/" for number in range(2, len(parts) + 1)]
    (bundle / PARTS_FILE).write_text(json.dumps(others), encoding="utf-8")


def mirror(site_dir: Path, pages: list[str], folder: Path) -> None:
    """Make folder hold these pages at their paths in the site: hard links (a copy where the file
    system has none)."""
    folder.mkdir()
    for page in pages:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / page, folder / page)
        except OSError:
            shutil.copyfile(site_dir / page, folder / page)


def run_pagefind(site_dir: Path, background: Background | None = None) -> None:
    """Index the HTML pages of site_dir (a part's mirror) into site_dir/pagefind. Pagefind's command,
    not its Python API: the API stops its indexing process (SIGTERM) as soon as it answers that the
    files are written, while the last writes can still be under way, so that about one build in ten
    had a truncated or empty search file (pagefind 1.5.2). The command exits when its files are
    written. It runs in the folder of the pages, so that no pagefind.yml of the project changes the
    index. In the background, the run can be stopped (Dropped)."""
    executable = get_executable()
    if executable is None:
        raise PluginError("dossier: the pagefind program is not installed (pip install 'pagefind[extended]')")
    command = [str(executable), "--site", ".", "--output-subdir", SEARCH_DIR, *OPTIONS, "--quiet"]
    process = subprocess.Popen(command, cwd=site_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if background is not None:
        background.started(process)
    out, err = process.communicate()
    if background is not None and background.stopped.is_set():
        raise Dropped()
    if process.returncode != 0:
        raise PluginError(f"dossier: Pagefind failed: {err.strip() or out.strip()}")


def keep(shelf: LatestFolder, key: str, bundle: Path) -> None:
    """Copy the bundle into the cache as its only index (whole or not at all)."""
    try:
        shelf.put(key, lambda staging: shutil.copytree(bundle, staging, dirs_exist_ok=True))
    except OSError as error:   # no cache only means Pagefind runs again next time
        log.warning("dossier: cannot keep the search index in the cache %s: %s", shelf.folder, error)
