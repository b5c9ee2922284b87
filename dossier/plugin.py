"""The dossier MkDocs plugin: generates article and actor pages at build time, then indexes the
built site with Pagefind for the header's search box.

Listed in mkdocs.yml, so `mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` just work.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pathspec
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import search, warm
from .extras import publish_extras
from .kept import KeptPages
from .model import DEFAULT, against, load_model_ahead
from .paths import PAGES
from .pipeline import Settings, SiteOutput, build_site, build_site_apart
from .runtime import give_back_memory

log = logging.getLogger("mkdocs.plugins.dossier")

HOME_MARKER = "<!-- dossier:accueil -->"
UNDATED = "1970-01-01"            # the pages' date when no article has one


class DossierConfig(Config):
    seeds = opt.Type(str, default="seeds")
    editorial = opt.Type(str, default="editorial")
    templates = opt.Type(str, default="site_templates")
    cache = opt.Type(str, default=".dossier-cache")
    use_registry = opt.Type(bool, default=True)
    search = opt.Type(bool, default=True)      # index the built site with Pagefind
    progress = opt.Type(bool, default=True)    # a progress bar while the model reads (on a terminal)
    # Minutes the model stays loaded in a background process after a one-off build, for the next
    # one (0: loaded in each build that needs it; never kept in CI; see dossier/warm.py)
    keep_model_warm = opt.Type((int, float), default=30)
    model = opt.Type(str, default=DEFAULT)      # the spaCy model that reads the articles (installed apart)
    # The spaCy model of each language the analysis reads (default: French, read by `model`); an
    # article in another language is built as a page but not analysed (dossier/language.py)
    models = opt.Optional(opt.Type(dict))


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self):
        self.output: SiteOutput | None = None
        self.kept: KeptPages | None = None
        self.date: str | None = None
        self.root = Path.cwd()
        self.serving = True          # until told otherwise, keep the model between builds
        self.live = False            # a live preview (`mkdocs serve`), as MkDocs' command says
        self.indexing: search.Background | None = None   # a live preview's search index, being written

    # A one-off build (`mkdocs build`, `gh-deploy`, `dossier build`) lets go of the model once the
    # articles are analysed; a live preview keeps it for the next article dropped in
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = self.live = command == "serve"

    # A live preview's search index may still be written into the last build's site: drop it
    # before MkDocs empties the site folder for the next build, or removes it on the way out
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.drop_search()

    def on_shutdown(self) -> None:
        self.drop_search()

    # Resolve the plugin's folders against the folder of mkdocs.yml; keep the generated pages out
    # of the navigation (they are listed on index pages: it would not scale), besides any page
    # mkdocs.yml's own not_in_nav names
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        if not self.path(self.config.seeds).is_dir():
            raise PluginError(f"dossier: the seeds folder {self.path(self.config.seeds)} does not exist")
        generated = pathspec.gitignore.GitIgnoreSpec.from_lines(PAGES.not_in_nav())
        config.not_in_nav = generated + config.not_in_nav if config.not_in_nav else generated
        return config

    # Run the pipeline (or reuse its last result if nothing changed) and add the generated pages to
    # the site's files, before other plugins (which run at the default priority, 0) look at them
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = build_site if self.serving else build_site_apart   # a live preview keeps its model
        self.output = build(self.settings(), self.path(self.config.templates), config.use_directory_urls)
        self.date = pages_date(self.output.newest)
        give_back_memory()   # what the pipeline used, before MkDocs renders every page
        generated = []
        for src, path in self.output.pages.items():
            existing = files.get_file_from_path(src)
            if existing is not None:  # a hand-written page of the same name wins
                log.info("dossier: %s is written by hand; not generated", src)
                continue
            generated.append(File.generated(config, src, abs_src_path=str(path)))
            files.append(generated[-1])
        if self.kept is not None:     # a live preview's last build, if it failed before its end
            self.kept.close()
        self.kept = KeptPages(self.settings().cache, config, files, generated, owner=self)
        return files

    # Date every page by the dossier, not the clock: MkDocs writes the page's date into the sitemap
    # (<lastmod>) and the newest one into sitemap.xml.gz's header, so the same inputs give the same site
    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.date is not None:
            page.update_date = self.date
        return page

    # Put the generated overview into the home page, where its marker is (or at its end)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri != "index.md" or self.output is None:
            return markdown
        overview = self.output.home
        if HOME_MARKER in markdown:
            return markdown.replace(HOME_MARKER, overview)
        return markdown + "\n\n" + overview

    # MkDocs reads and renders every page before it writes any, and keeps each page's Markdown and
    # HTML to the end of the build: with thousands of pages, most of its memory. Nothing reads the
    # Markdown once it is rendered, nor the HTML once the page is written (the title is kept
    # apart), so let go of them — last, after any other plugin's hook
    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.kept is not None:   # but first keep what the conversion gave, for the next build
            self.kept.keep(page, html)
        page.markdown = ""
        return html

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = ""
        return output

    # Export the dossier beside the site, and index the site for the search box
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.output is None:
            return
        shutil.copyfile(self.output.data, Path(config.site_dir) / "dossier.json")
        publish_extras(self.output.data.parent, Path(config.site_dir), config)   # exports, feed.xml (issue 21)
        if self.config.search:
            give_back_memory()   # Pagefind's indexer runs beside this process
            self.index_search(Path(config.site_dir))
        if self.kept is not None:
            self.kept.forget_others()
            log.info("dossier: %d of %d generated pages as converted in the last build",
                     self.kept.reused, len(self.output.pages))
        log.info("dossier: %s", summary(self.output))

    # Rebuild the preview when an article, the editorial data or a template changes; have the
    # model ready for the first new article
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for name in (self.config.seeds, self.config.editorial, self.config.templates):
            if self.path(name).exists():
                server.watch(str(self.path(name)))
        load_model_ahead(against(self.config.model, self.root))
        return server

    def index_search(self, site_dir: Path) -> None:
        """Index the built site for the search box; a live preview does it in the background, so
        that the new page is served at once (with the last index until the new one is written)."""
        started = time.perf_counter()
        if self.live:    # only a preview MkDocs says it serves: a build called in code ends with its index
            self.indexing = search.index_site_later(site_dir, self.settings().cache, indexed)
        else:
            indexed(search.index_site(site_dir, self.settings().cache), time.perf_counter() - started)
        if self.indexing is None:
            self.output.stats.seconds["search index"] = time.perf_counter() - started

    def drop_search(self) -> None:
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None

    def settings(self) -> Settings:
        return Settings(
            seeds=self.path(self.config.seeds),
            editorial=self.path(self.config.editorial),
            cache=self.path(self.config.cache) if self.config.cache else None,
            use_registry=self.config.use_registry,
            progress=self.config.progress,
            keep_model=self.serving,
            # a live preview keeps the model in its own process
            warm_minutes=0.0 if self.serving else warm.idle_minutes(self.config.keep_model_warm),
            # a model's folder is relative to mkdocs.yml's, as the other paths are
            model=against(self.config.model, self.root),
            models={lang: against(str(name), self.root) for lang, name in self.config.models.items()}
            if self.config.models else None,
        )

    def path(self, name: str) -> Path:
        return (self.root / name).resolve()


def indexed(pages: int, seconds: float) -> None:
    log.info("dossier: search index of %d pages written to %s/ in %.1f s", pages, search.SEARCH_DIR, seconds)


def pages_date(newest_article: str | None) -> str | None:
    """The date of the site's pages: None if SOURCE_DATE_EPOCH is set (MkDocs then takes it), else
    the newest article's (the dossier is as of its latest news), else a fixed one; never today's,
    which would make two builds of the same inputs on two days differ."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return None
    return newest_article or UNDATED


def summary(output: SiteOutput) -> str:
    """One line: what the site holds, what the model read, and where the time went."""
    counts = ", ".join(f"{n} {name}" for name, n in output.counts.items())
    if output.cached:
        read = "nothing changed since the last build"
    else:
        cached = output.counts["articles"] - output.stats.analysed
        read = f"{output.stats.analysed} articles analysed ({output.stats.tokens} tokens), {cached} from the cache"
    stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in output.stats.seconds.items())
    return f"{counts}; {read}; {stages}"
