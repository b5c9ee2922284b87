"""Kept pages: what MkDocs made of a generated page, reused while the page's Markdown is unchanged.

MkDocs converts every page's Markdown on every build, and that conversion is three quarters of
its time (profiled on a dossier of 588 pages: 23.4 of 31.2 s). When an article is added, its page,
its actors' and the indexes change; the thousands of other pages come out the same. So the plugin
keeps what the conversion gave for each generated page (its HTML body, table of contents, title
and anchors) in the cache, under a key of everything that conversion depends on: the page's
Markdown and address, the Markdown extensions and their settings, the versions of MkDocs,
Python-Markdown, PyMdown Extensions and Material, and the hand-written pages (links resolve
against them). The theme still renders every page around its body, so a change to the
navigation, the theme or its templates shows on every page.

An actor's network graph shows its neighbours' mention counts, so an article about Mali changes
the graph on the page of everyone named beside Mali, and nothing else there. The graphs are raw
SVG, which the conversion passes through as it is: they are left out of the key, kept as a
placeholder in the entry, and put back from the page's Markdown when the entry is used.

Only the entries of the latest build are kept. A page whose conversion gave a warning is not
kept, so that the warning, which fails a strict build, comes again. Its links to other pages'
anchors are kept, and checked again, as MkDocs checks them after every build. Another plugin
with page hooks could make a page depend on anything (a date, another file): with one in the
site, every page is converted again.
"""
from __future__ import annotations

import logging
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from .cache import Store, fingerprint

log = logging.getLogger("mkdocs.plugins.dossier")

KIND = "pages"                       # the entries' folder in the cache
ENTRY_FORMAT = "2"                   # in the key: entries of another shape are never looked up
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
GRAPH = re.compile(r'<svg class="dossier-graph".*?</svg>', re.S)   # see graph.py


class KeptPages:
    """The generated pages of one build, each taking its conversion from the last build's entry
    when there is one, and the warnings logged while they are made."""

    def __init__(self, cache_dir: Path | None, config: MkDocsConfig, files: Files, generated: list[File],
                 owner: object):
        self.store = Store(cache_dir, KIND)
        self.pages: list[KeptPage] = []
        self.context = ""                     # what the conversion depends on besides the page
        self.warnings = WarningCount()
        self.warnings_before = 0              # the count when the last page was converted
        if self.store.folder is None:
            return
        others = other_page_plugins(config, owner)
        if others:
            log.info("dossier: every page converted again: the plugin(s) %s change pages", ", ".join(others))
            return
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.context = conversion_context(config, files, generated)
        titles = nav_titles(config.nav)
        # MkDocs uses these pages for the files; the nav's titles as MkDocs gives them
        self.pages = [KeptPage(titles.get(file.src_uri), file, config, self) for file in generated]

    @property
    def reused(self) -> int:
        """How many pages were taken from the last build."""
        return sum(page.reused for page in self.pages)

    def keep(self, page: Page, html: str) -> None:
        """After a page is converted: write its entry (a page taken from one already has it)."""
        # Pages are made one after the other: the warnings since the last one are this one's
        warned, self.warnings_before = self.warnings.count > self.warnings_before, self.warnings.count
        if not isinstance(page, KeptPage) or page.owner is not self or page.reused or warned:
            return
        graphs = GRAPH.findall(page.markdown)
        if any(graph not in html for graph in graphs):   # not passed through as it is: not kept
            return
        for number, graph in enumerate(graphs):
            html = html.replace(graph, placeholder(number), 1)
        self.store.put(page.key, {"content": html, "toc": toc_tokens(page.toc), "title": page._title_from_render,
                                  "anchors": sorted(page.present_anchor_ids or ()), "graphs": len(graphs),
                                  "links": {file.src_uri: links
                                            for file, links in (page.links_to_anchors or {}).items()}})

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def forget_others(self) -> None:
        """Remove the entries this build did not use: only the latest build's are kept."""
        self.close()
        if not self.pages or not self.store.folder.is_dir():
            return
        wanted = {f"{page.key}.json" for page in self.pages}
        for entry in self.store.folder.glob("*/*.json"):
            if entry.name not in wanted:
                entry.unlink(missing_ok=True)


class KeptPage(Page):
    """A generated page that takes its conversion from the last build's entry, under a key made
    from its Markdown as MkDocs read it; converted as usual when there is none, or it is unreadable."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, owner: KeptPages):
        super().__init__(title, file, config)
        self.owner = owner
        self.key = ""                # known once the Markdown is read
        self.reused = False

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.key = fingerprint(self.owner.context, self.file.src_uri, self.file.url,
                               GRAPH.sub(placeholder(0), self.markdown))
        entry = self.owner.store.get(self.key)
        try:
            content, toc, title, anchors = entry["content"], entry["toc"], entry["title"], entry["anchors"]
            graphs = GRAPH.findall(self.markdown)
            if entry["graphs"] != len(graphs):
                raise ValueError("made for another page")
            links = {files.get_file_from_path(src): found for src, found in entry["links"].items()}
            if None in links:
                raise ValueError("a page it links to is gone")
            for number, graph in enumerate(graphs):
                content = content.replace(placeholder(number), graph, 1)
            self.toc = get_toc(toc)
        except (TypeError, KeyError, ValueError) as error:
            if entry is not None:
                log.info("dossier: kept page %s not used (%s); converted again", self.file.src_uri, error)
            super().render(config, files)
            return
        self.content, self._title_from_render = content, title
        self.present_anchor_ids, self.links_to_anchors = set(anchors), links
        self.reused = True


class WarningCount(logging.Handler):
    """Counts the warnings (and errors) MkDocs and its plugins log."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def placeholder(number: int) -> str:
    """Where a graph goes (a comment: no text from an article can make one, its `<` is escaped)."""
    return f"<!-- dossier:graph {number} -->"


def other_page_plugins(config: MkDocsConfig, owner: object) -> list[str]:
    """The plugins other than `owner` that take part in making pages."""
    names = {id(plugin): name for name, plugin in config.plugins.items()}
    return sorted({names.get(id(method.__self__), repr(method)) for event in PAGE_EVENTS
                   for method in config.plugins.events.get(event, [])
                   if getattr(method, "__self__", None) is not owner})


def conversion_context(config: MkDocsConfig, files: Files, generated: list[File]) -> str:
    """What every page's conversion depends on besides the page itself."""
    ours = {file.src_uri for file in generated}
    hand_written = sorted(file.src_uri for file in files.documentation_pages() if file.src_uri not in ours)
    return fingerprint(ENTRY_FORMAT, *map(package_version, PACKAGES), described(config["markdown_extensions"]),
                       described(config["mdx_configs"]), str(config.use_directory_urls), *hand_written)


def nav_titles(nav, title: str | None = None) -> dict[str, str | None]:
    """The pages named in the `nav` setting, with the title it gives each (None: the page's own)."""
    if isinstance(nav, str):
        return {nav.lstrip("/"): title}
    if isinstance(nav, dict):
        return {path: found for key, value in nav.items() for path, found in nav_titles(value, key).items()}
    if isinstance(nav, list):
        return {path: found for item in nav for path, found in nav_titles(item).items()}
    return {}


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def described(value: object) -> str:
    """A stable text for a setting: a function (an emoji index, a slug function) by its name, not
    by its address, which changes with every process."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key!r}:{described(value[key])}" for key in sorted(value, key=str)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(described(item) for item in value) + "]"
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return repr(value)


def toc_tokens(toc) -> list[dict]:
    """The table of contents as Python-Markdown's tokens, which get_toc reads back."""
    def token(link: AnchorLink) -> dict:
        return {"level": link.level, "id": link.id, "name": link.title,
                "children": [token(child) for child in link.children]}
    return [token(link) for link in toc]
