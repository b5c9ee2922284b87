"""The "Nouveautés" page: what the latest build added to the dossier, compared with the build
before it — articles, new actors, statements, events — newest first; with the links to the
Atom feed and the exports.

Each build keeps the ids of what it held in its cache entry (IDS_FILE, beside dossier.json, in
`.dossier-cache/site/KEY/`); the next build reads the latest entry's before it replaces it. No
earlier build (a new dossier, a cleared cache): everything is new, and the page says so.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import jinja2

from . import exports
from .feed import FEED_FILE
from .models import Dossier, Event, Quote
from .paths import PAGES

log = logging.getLogger("mkdocs.plugins.dossier")

NEWS_PAGE = PAGES.news
NEWS_TEMPLATE = "news.md.j2"
IDS_FILE = "news-ids.json"
NEWS_SHOWN = 50                  # items listed per kind; the page counts the others
SITE_ENTRIES = "site"            # the cache's kind for the site's entries (pipeline.build_site)


def quote_key(quote: Quote) -> str:
    return f"{quote.article}:{digest(quote.text)}"


def event_key(event: Event) -> str:
    return f"{event.article}:{event.date}:{digest(event.text)}"


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def ids_of(dossier: Dossier) -> dict[str, list[str]]:
    return {"articles": [a.id for a in dossier.articles], "actors": [a.id for a in dossier.actors],
            "quotes": [quote_key(q) for q in dossier.quotes], "events": [event_key(e) for e in dossier.events]}


def previous_ids(cache: Path | None) -> dict[str, list[str]] | None:
    """The ids the latest build kept, if a build kept any."""
    if cache is None or not (cache / SITE_ENTRIES).is_dir():
        return None
    entries = [p / IDS_FILE for p in (cache / SITE_ENTRIES).iterdir() if not p.name.startswith(".")]
    for path in sorted((p for p in entries if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return None


def added(dossier: Dossier, previous: dict[str, list[str]] | None) -> dict[str, list]:
    """What `dossier` holds that `previous` did not, newest first (all of it with no previous)."""
    before = {kind: set(ids) for kind, ids in (previous or {}).items()}
    dates = {a.id: a.date or "" for a in dossier.articles}

    def new(kind: str, items, key) -> list:
        return [item for item in items if key(item) not in before.get(kind, ())]

    def latest(actor) -> str:
        return max((dates.get(a, "") for a in actor.articles), default="")

    return {
        "articles": sorted(new("articles", dossier.articles, lambda a: a.id), key=lambda a: (a.date or "", a.id),
                           reverse=True),
        "actors": sorted(new("actors", dossier.actors, lambda a: a.id), key=lambda a: (latest(a), a.name),
                         reverse=True),
        "quotes": sorted(new("quotes", dossier.quotes, quote_key), key=lambda q: dates.get(q.article, ""),
                         reverse=True),
        "events": sorted(new("events", dossier.events, event_key), key=lambda e: e.date, reverse=True),
    }


def write_news(folder: Path, dossier: Dossier, renderer, use_directory_urls: bool,
               cache: Path | None) -> dict[str, str]:
    """Keep this build's ids in `folder` (the site's cache entry being made) and render the page;
    return {source path: Markdown}, empty when the templates have no news page (a dossier made
    before it)."""
    previous = previous_ids(cache)
    (folder / IDS_FILE).write_text(json.dumps(ids_of(dossier), separators=(",", ":")), encoding="utf-8")
    up = "../" if use_directory_urls else ""       # from the page's folder to the site's top
    try:
        page = renderer.render(NEWS_TEMPLATE, NEWS_PAGE, new=added(dossier, previous), first=previous is None,
                               shown=NEWS_SHOWN, feed=up + FEED_FILE,
                               exports=[(up + f"{exports.EXPORTS_DIR}/{name}", name, what)
                                        for name, what in exports.listed()])
    except jinja2.TemplateNotFound:
        log.info("dossier: no %s template: no %s page", NEWS_TEMPLATE, NEWS_PAGE)
        return {}
    return {NEWS_PAGE: page}
