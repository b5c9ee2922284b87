"""The built site, read as files: every page there, every link resolving, nothing from elsewhere,
and the search index made for French readers."""
from __future__ import annotations

import html as html_module
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from unidecode import unidecode


class Links(HTMLParser):
    """The URLs a page links to or loads: href, src, and SVG links."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []      # (tag, url)

    def handle_starttag(self, tag, attrs):
        if tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate"):
            return    # an address, not something the browser loads
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append((tag, value))


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def page_links(page: Path) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


def resolves(site: Path, page: Path, url: str) -> bool:
    path = urldefrag(url)[0]
    target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target.is_file() and site.resolve() in target.parents


def test_every_section_is_built(built_site):
    for folder in ("articles", "acteurs", "themes", "chronologie", "sources", "graphe"):
        assert (built_site / folder / "index.html").is_file(), folder


def test_every_internal_link_and_asset_resolves(built_site):
    broken = []
    for page in pages(built_site):
        if page.name == "404.html":
            continue   # served at any address, so mkdocs writes it with links from site_url's path
        for tag, url in page_links(page):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("#"):
                continue
            assert not url.startswith("/"), f"{page}: absolute link {url} breaks under a sub-path"
            if not resolves(built_site, page, url):
                broken.append((str(page.relative_to(built_site)), url))
    assert not broken, broken[:20]


def test_nothing_is_loaded_from_another_site(built_site):
    for page in pages(built_site):
        for tag, url in page_links(page):
            if tag in ("script", "img", "link", "iframe", "source"):
                assert not urlsplit(url).netloc, f"{page}: loads {url}"
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert not (built_site / "search" / "search_index.json").exists()      # lunr is off


def test_pagefind_indexes_the_content_in_french(built_site):
    bundle = built_site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "fr" in entry["languages"]
    assert entry["languages"]["fr"]["page_count"] >= 10
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in home and "assets/search.js" in home


def test_actor_profiles_carry_the_ascii_forms_of_their_names(built_site):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    accented = [a for a in data["actors"] if unidecode(a["name"]) not in [a["name"], *a["aliases"]]]
    assert accented
    for actor in accented:
        html = (built_site / actor["url"] / "index.html").read_text(encoding="utf-8")
        terms = re.search(r'class="dossier-search-terms"[^>]*>(.*?)</p>', html, re.S)
        assert terms and unidecode(actor["name"]) in html_module.unescape(terms.group(1)), actor["name"]


def test_graphs_are_drawn_in_the_pages(built_site):
    whole = (built_site / "graphe" / "index.html").read_text(encoding="utf-8")
    assert whole.count('class="dossier-graph__node') >= 10
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    busiest = max(data["actors"], key=lambda a: a["mentions"])
    profile = (built_site / busiest["url"] / "index.html").read_text(encoding="utf-8")
    assert "<svg" in profile and "dossier-graph__node--center" in profile
