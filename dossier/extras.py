"""What the plugin adds to a built site beside dossier.json (issue 21): the exports the pipeline
wrote into the site's cache entry (exports.py), and the Atom feed, made here because it needs the
site's address (feed.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

from .exports import EXPORTS_DIR
from .feed import write_feed


def publish_extras(entry: Path, site_dir: Path, config) -> None:
    """Copy `entry`'s exports into the site and write its feed; `config` is MkDocs' (site_name,
    site_url, site_description)."""
    if (entry / EXPORTS_DIR).is_dir():
        shutil.copytree(entry / EXPORTS_DIR, site_dir / EXPORTS_DIR, dirs_exist_ok=True)
    write_feed(entry / "dossier.json", site_dir, config.site_name, config.site_url, config.site_description)
