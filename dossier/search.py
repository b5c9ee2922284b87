"""Search: index the built site with Pagefind (French stemming, offline, served by the site itself).

The index is a pure function of the site's HTML pages, so it is kept in the cache under their
fingerprint: a rebuild whose pages came out byte-identical copies the last index instead of running
Pagefind again. Only the latest index is kept.
"""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

from .cache import file_digest, fingerprint

log = logging.getLogger("mkdocs.plugins.dossier")

SEARCH_DIR = "pagefind"           # the search bundle, inside the built site
OPTIONS = ["--force-language", "fr"]


def index_site(site_dir: Path, cache_dir: Path | None) -> int:
    """Write the search bundle into site_dir/pagefind (from the cache if the pages are unchanged);
    return the number of pages indexed."""
    kept = cache_dir / "search" / pages_fingerprint(site_dir) if cache_dir is not None else None
    if kept is not None and kept.is_dir():
        shutil.copytree(kept, site_dir / SEARCH_DIR)
    else:
        run_pagefind(site_dir)
        if kept is not None:
            keep_only(site_dir / SEARCH_DIR, kept)
    entry = json.loads((site_dir / SEARCH_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def pages_fingerprint(site_dir: Path) -> str:
    """What the index depends on: Pagefind's version and options, and every HTML page."""
    pages = sorted(site_dir.rglob("*.html"))
    return fingerprint(version("pagefind"), *OPTIONS,
                       *(part for page in pages for part in (page.relative_to(site_dir).as_posix(), file_digest(page))))


def run_pagefind(site_dir: Path) -> None:
    """Pagefind's command, not its Python API: the API stops its indexing process (SIGTERM) as soon
    as it answers that the files are written, while the last writes can still be under way, so that
    about one build in ten had a truncated or empty search file (pagefind 1.5.2). The command exits
    when its files are written. It runs in the site folder, so that no pagefind.yml of the project
    changes the index."""
    executable = get_executable()
    if executable is None:
        raise PluginError("dossier: the pagefind program is not installed (pip install 'pagefind[extended]')")
    command = [str(executable), "--site", ".", "--output-subdir", SEARCH_DIR, *OPTIONS, "--quiet"]
    done = subprocess.run(command, cwd=site_dir, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"dossier: Pagefind failed: {done.stderr.strip() or done.stdout.strip()}")


def keep_only(bundle: Path, kept: Path) -> None:
    """Copy the bundle into the cache as its only index: copied aside, then renamed into place, so
    that a killed build leaves no half index to be copied later."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=kept.parent))
        shutil.copytree(bundle, staging, dirs_exist_ok=True)
        staging.rename(kept)
        for other in kept.parent.iterdir():
            if other != kept:
                shutil.rmtree(other, ignore_errors=True)
    except OSError as error:   # no cache only means Pagefind runs again next time
        log.warning("dossier: cannot keep the search index in the cache %s: %s", kept.parent, error)
