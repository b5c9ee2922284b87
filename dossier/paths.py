"""Where the generated pages go in the site, named once: the renderer writes them there, the
templates link to them (the Jinja global `pages`), and the plugin keeps the generated folders out
of the navigation (MkDocs' `not_in_nav`). mkdocs.yml's `nav` names the index pages by these paths.
Then the links between pages: a page's source path, its URL, a relative link from one to another.
"""
from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass

# A page's file and folder are named by its id (an article's file name, an actor's name): a file
# system takes at most 255 bytes a name, and MkDocs adds to it. A longer id (a 300-letter token read
# as a name, a long file name) is cut to MAX_NAME bytes, ending in a short hash of the whole id: the
# address stays the same from build to build, and two ids cut alike stay apart.
MAX_NAME = 80
HASH_CHARS = 10


@dataclass(frozen=True)
class PagePaths:
    articles: str = "articles"              # a page per article
    actors: str = "acteurs"                 # a page per actor
    topics: str = "themes"                  # a page per theme
    timeline: str = "chronologie.md"        # the timeline, or the overview of its periods
    timeline_dir: str = "chronologie"       # a page per period, when the timeline is split
    graph: str = "graphe.md"
    sources: str = "sources.md"
    news: str = "nouveautes.md"            # what the latest build added, the feed and the exports
    statements: str = "declarations.md"     # every quote of the dossier, to filter

    @property
    def articles_index(self) -> str:
        return f"{self.articles}/index.md"

    @property
    def actors_index(self) -> str:
        return f"{self.actors}/index.md"

    @property
    def topics_index(self) -> str:
        return f"{self.topics}/index.md"

    def generated_folders(self) -> tuple[str, ...]:
        """The folders of generated pages: listed on their index pages, not in the navigation (it
        would not scale)."""
        return (self.articles, self.actors, self.topics, self.timeline_dir)

    def not_in_nav(self) -> list[str]:
        """MkDocs' not_in_nav patterns for the generated folders."""
        return [f"/{folder}/*.md" for folder in self.generated_folders()]


PAGES = PagePaths()


def page_name(page_id: str) -> str:
    """The id as a file name: itself when it is short enough (always, but for the odd one out),
    else cut at MAX_NAME bytes with a hash of the whole."""
    raw = page_id.encode("utf-8")
    if len(raw) <= MAX_NAME:
        return page_id
    digest = hashlib.sha256(raw).hexdigest()[:HASH_CHARS]
    head = raw[: MAX_NAME - HASH_CHARS - 1].decode("utf-8", "ignore").rstrip("-_.")
    return f"{head}-{digest}"


def article_src(article_id: str) -> str:
    return f"{PAGES.articles}/{page_name(article_id)}.md"


def actor_src(actor_id: str) -> str:
    return f"{PAGES.actors}/{page_name(actor_id)}.md"


def topic_src(topic_id: str) -> str:
    return f"{PAGES.topics}/{page_name(topic_id)}.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return f"{stem}.html"
    folder, name = posixpath.split(stem)
    if name == "index":
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def relpath(path: str, start: str) -> str:
    """posixpath.relpath(path, start) without its calls to os.getcwd, the most of its cost: when
    neither path is absolute nor climbs up (".."), the folder both are relative to cancels out."""
    if not path or "/" in (path[:1], start[:1]) or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def url_between(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """A relative URL from one built page to another, for raw HTML that mkdocs leaves alone."""
    here, there = page_url(from_src, use_directory_urls), page_url(to_src, use_directory_urls)
    folder = here.rstrip("/") if here.endswith("/") or not here else posixpath.dirname(here)
    target = relpath(there or ".", folder or ".")
    return target + "/" if there.endswith("/") and not target.endswith("/") else target
