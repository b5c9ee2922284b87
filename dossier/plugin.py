"""The dossier MkDocs plugin: generates article and actor pages at build time, then indexes the
built site with Pagefind for the header's search box.

Listed in mkdocs.yml, so `mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` just work.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pagefind.index import IndexConfig, PagefindIndex

from . import export
from .models import Dossier
from .pipeline import Settings, build_dossier
from .render import Renderer

log = logging.getLogger("mkdocs.plugins.dossier")

HOME_MARKER = "<!-- dossier:accueil -->"
SEARCH_DIR = "pagefind"           # the search bundle, inside the built site


class DossierConfig(Config):
    seeds = opt.Type(str, default="seeds")
    editorial = opt.Type(str, default="editorial")
    templates = opt.Type(str, default="site_templates")
    cache = opt.Type(str, default=".dossier-cache")
    use_registry = opt.Type(bool, default=True)
    search = opt.Type(bool, default=True)      # index the built site with Pagefind


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self):
        self.dossier: Dossier | None = None
        self.renderer: Renderer | None = None
        self.root = Path.cwd()

    # Resolve the plugin's folders against the folder of mkdocs.yml
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        if not self.path(self.config.seeds).is_dir():
            raise PluginError(f"dossier: the seeds folder {self.path(self.config.seeds)} does not exist")
        return config

    # Run the pipeline and add the generated pages to the site's files, before other plugins
    # (which run at the default priority, 0) look at the files
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.dossier = build_dossier(self.settings())
        self.renderer = Renderer(self.path(self.config.templates), self.dossier, config.use_directory_urls)
        for src, content in self.renderer.pages().items():
            existing = files.get_file_from_path(src)
            if existing is not None:  # a hand-written page of the same name wins
                log.info("dossier: %s is written by hand; not generated", src)
                continue
            files.append(File.generated(config, src, content=content))
        log.info(
            "dossier: %d articles, %d actors, %d quotes, %d events",
            len(self.dossier.articles), len(self.dossier.actors),
            len(self.dossier.quotes), len(self.dossier.events),
        )
        return files

    # Put the generated overview into the home page, where its marker is (or at its end)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri != "index.md" or self.renderer is None:
            return markdown
        overview = self.renderer.home_overview()
        if HOME_MARKER in markdown:
            return markdown.replace(HOME_MARKER, overview)
        return markdown + "\n\n" + overview

    # Export the dossier beside the site, and index the site for the search box
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.dossier is not None:
            export.write_json(self.dossier, Path(config.site_dir), config.use_directory_urls)
        if self.config.search:
            count = index_for_search(Path(config.site_dir))
            log.info("dossier: search index of %d pages written to %s/", count, SEARCH_DIR)

    # Rebuild the preview when an article, the editorial data or a template changes
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for name in (self.config.seeds, self.config.editorial, self.config.templates):
            if self.path(name).exists():
                server.watch(str(self.path(name)))
        return server

    def settings(self) -> Settings:
        return Settings(
            seeds=self.path(self.config.seeds),
            editorial=self.path(self.config.editorial),
            cache=self.path(self.config.cache) if self.config.cache else None,
            use_registry=self.config.use_registry,
        )

    def path(self, name: str) -> Path:
        return (self.root / name).resolve()


def index_for_search(site_dir: Path) -> int:
    """Run Pagefind's async API on its own loop and thread, so that a build started from code that
    already runs an event loop (a notebook, a browser test) works too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, write_search_index(site_dir)).result()


async def write_search_index(site_dir: Path) -> int:
    """Index the built pages (their `data-pagefind-body`) in French, offline; return the page count."""
    config = IndexConfig(force_language="fr", output_path=str(site_dir / SEARCH_DIR))
    async with PagefindIndex(config) as index:
        indexed = await index.add_directory(str(site_dir))
    return indexed["page_count"]
