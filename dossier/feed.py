"""The Atom feed of the articles, `feed.xml` at the top of the site (RFC 4287), newest first.

Made from dossier.json (the articles' titles, ledes, dates and page addresses) and the site's
settings, once the site is built. Dated by the articles, never by the clock: the same dossier
gives the same feed (an undated article takes the newest date, or UNDATED).
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from slugify import slugify

FEED_FILE = "feed.xml"
FEED_ENTRIES = 100               # the newest articles the feed holds (a reader wants what is new)
UNDATED = "1970-01-01"
ATOM = "http://www.w3.org/2005/Atom"


def write_feed(data_file: Path, site_dir: Path, site_name: str, site_url: str | None,
               description: str | None = None) -> Path:
    """Write the feed of the articles in `data_file` (dossier.json) into `site_dir`."""
    articles = json.loads(data_file.read_text(encoding="utf-8"))["articles"]
    path = site_dir / FEED_FILE
    path.write_text(atom(articles, site_name, site_url, description), encoding="utf-8")
    return path


def atom(articles: list[dict], site_name: str, site_url: str | None, description: str | None = None) -> str:
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    newest = max((a["date"] for a in articles if a.get("date")), default=UNDATED)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    add(feed, "id", base or f"urn:dossier:{slugify(site_name) or 'dossier'}")
    add(feed, "title", site_name)
    if description:
        add(feed, "subtitle", description)
    add(feed, "updated", timestamp(newest))
    if base:
        add(feed, "link", rel="self", href=base + FEED_FILE, type="application/atom+xml")
        add(feed, "link", rel="alternate", href=base, type="text/html")
    author = add(feed, "author")
    add(author, "name", site_name)
    add(feed, "generator", "dossier")
    shown = sorted(articles, key=lambda a: (a.get("date") or "", a["title"]), reverse=True)[:FEED_ENTRIES]
    for article in shown:
        entry = add(feed, "entry")
        link = base + article["url"]
        add(entry, "id", link if base else f"urn:dossier:{slugify(site_name) or 'dossier'}:{article['id']}")
        add(entry, "title", article["title"])
        add(entry, "link", rel="alternate", href=link, type="text/html")
        add(entry, "updated", timestamp(article.get("date") or newest))
        if article.get("date"):
            add(entry, "published", timestamp(article["date"]))
        if article.get("source"):
            add(add(entry, "author"), "name", article["source"])
        if article.get("lede"):
            add(entry, "summary", article["lede"])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def timestamp(date: str) -> str:
    """An RFC 3339 time from a dossier date ("2021-11", "2021" are the first day of the period)."""
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"
