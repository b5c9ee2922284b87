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
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

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
        index_in_parts(site_dir, pages_per_index)
        if key:
            keep(shelf, key, bundle)
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


def index_in_parts(site_dir: Path, pages_per_index: int) -> None:
    """Index the pages part by part, each in a folder beside the site that mirrors that part's pages
    (hard links, so nothing is copied), and move each part's bundle into the site's; write the list
    of parts. A site of at most pages_per_index pages is one part: the bundle of a single run."""
    pages = html_pages(site_dir)
    count = max(-(-len(pages) // pages_per_index), 1)
    parts = [pages[first::count] for first in range(count)]
    bundle = site_dir / SEARCH_DIR
    work = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
    try:
        for number, part in enumerate(parts, start=1):
            folder = work / f"part-{number}"
            mirror(site_dir, part, folder)
            run_pagefind(folder)
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


def run_pagefind(site_dir: Path) -> None:
    """Index the HTML pages of site_dir (a part's mirror) into site_dir/pagefind. Pagefind's command,
    not its Python API: the API stops its indexing process (SIGTERM) as soon as it answers that the
    files are written, while the last writes can still be under way, so that about one build in ten
    had a truncated or empty search file (pagefind 1.5.2). The command exits when its files are
    written. It runs in the folder of the pages, so that no pagefind.yml of the project changes the
    index."""
    executable = get_executable()
    if executable is None:
        raise PluginError("dossier: the pagefind program is not installed (pip install 'pagefind[extended]')")
    command = [str(executable), "--site", ".", "--output-subdir", SEARCH_DIR, *OPTIONS, "--quiet"]
    done = subprocess.run(command, cwd=site_dir, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"dossier: Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")


def keep(shelf: LatestFolder, key: str, bundle: Path) -> None:
    """Copy the bundle into the cache as its only index (whole or not at all)."""
    try:
        shelf.put(key, lambda staging: shutil.copytree(bundle, staging, dirs_exist_ok=True))
    except OSError as error:   # no cache only means Pagefind runs again next time
        log.warning("dossier: cannot keep the search index in the cache %s: %s", shelf.folder, error)
