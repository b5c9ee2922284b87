"""The pipeline, in one place: ingest → clean → dedupe → analyse → resolve → quotes → dates → topics.

Each stage is a module with one job; this function only passes their data along.
"""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from . import actors, analyse, clean, dates, dedupe, export, ingest, quotes, topics
from .cache import Store, code_version, fingerprint, tree_fingerprint
from .models import BuildStats, Dossier
from .render import Renderer

log = logging.getLogger("mkdocs.plugins.dossier")


@dataclass
class Settings:
    seeds: Path                      # folder of input articles
    editorial: Path | None = None    # folder of the user's YAML: actors.yml, outlets.yml, topics.yml
    cache: Path | None = None        # analysis cache; None disables it
    use_registry: bool = True        # False: ignore editorial/actors.yml (to measure the machine alone)
    progress: bool = False           # a progress bar for the analysis (shown on a terminal only)

    def editorial_file(self, name: str) -> Path | None:
        if self.editorial is None:
            return None
        path = self.editorial / name
        return path if path.is_file() else None


def build_dossier(settings: Settings) -> Dossier:
    clock = Stopwatch()
    raws, problems = ingest.read_seeds(settings.seeds)
    clock.lap("ingest")
    articles = clean.clean_articles(raws, settings.editorial_file("outlets.yml"), settings.cache)
    clock.lap("clean")
    articles, copies = dedupe.drop_duplicates(articles)
    problems += copies
    for problem in problems:
        log.warning("dossier: %s: %s", problem.path, problem.message)
    clock.lap("dedupe")
    analyses = analyse.analyse_articles(articles, settings.cache, progress=settings.progress)
    clock.lap("analyse")
    with collector_spared():
        registry = settings.editorial_file("actors.yml") if settings.use_registry else None
        found_actors, suspected = actors.resolve_actors(articles, analyses, registry)
        clock.lap("actors")
        found_quotes = quotes.find_quotes(articles, analyses, found_actors)
        clock.lap("quotes")
        events = dates.find_events(articles, analyses, found_actors)
        dates.date_articles(articles, events)
        clock.lap("dates")
        found_topics = topics.gather_topics(articles, found_quotes, settings.editorial_file("topics.yml"))
        clock.lap("topics")
    stats = BuildStats(analysed=sum(not a.cached for a in analyses.values()),
                       tokens=sum(len(b.tokens) for a in analyses.values() if not a.cached for b in a.blocks),
                       seconds=clock.laps)
    return Dossier(articles, found_actors, found_quotes, events, found_topics, suspected, problems, stats)


@dataclass
class SiteOutput:
    """What the dossier adds to the site: its generated pages (source path → Markdown), the home
    page's overview, the data of dossier.json, the warnings the inputs gave, and how it went."""
    pages: dict[str, str]
    home: str
    export: dict
    warnings: list[str]
    stats: BuildStats
    cached: bool = False

    @property
    def counts(self) -> dict[str, int]:
        """What the site holds, as dossier.json lists it."""
        return {name: len(self.export[name]) for name in ("articles", "actors", "quotes", "events")}


def build_site(settings: Settings, templates: Path, use_directory_urls: bool) -> SiteOutput:
    """The pipeline and the rendering, or their result kept from the last build when no input,
    editorial file, template or line of dossier has changed since (the warnings are given again)."""
    started = time.perf_counter()
    store = Store(settings.cache, "site")
    key = site_key(settings, templates, use_directory_urls)
    kept = store.get(key)
    if kept is not None:
        for message in kept["warnings"]:
            log.warning(message)
        stats = BuildStats(seconds={"unchanged: kept from the last build": time.perf_counter() - started})
        return SiteOutput(**kept, stats=stats, cached=True)
    with WarningsKept() as warnings:
        dossier = build_dossier(settings)
        render_started = time.perf_counter()
        renderer = Renderer(templates, dossier, use_directory_urls)
        output = SiteOutput(renderer.pages(), renderer.home_overview(),
                            export.to_json_data(dossier, use_directory_urls), warnings.messages,
                            dossier.stats)
    output.stats.seconds["render"] = time.perf_counter() - render_started
    store.put(key, {name: value for name, value in asdict(output).items() if name not in ("stats", "cached")})
    return output


def site_key(settings: Settings, templates: Path, use_directory_urls: bool) -> str:
    return fingerprint(code_version(), str(settings.use_registry), str(use_directory_urls),
                       tree_fingerprint(settings.seeds, recursive=False), tree_fingerprint(settings.editorial),
                       tree_fingerprint(templates))


class WarningsKept(logging.Handler):
    """Keeps the warnings (and errors) logged under a logger while in use: dossier's, to give them
    again when a result is reused; MkDocs' and dossier's, for `dossier build`'s summary."""

    def __init__(self, logger: logging.Logger = log):
        super().__init__(logging.WARNING)
        self.logger = logger
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> WarningsKept:
        self.logger.addHandler(self)
        return self

    def __exit__(self, *error) -> None:
        self.logger.removeHandler(self)


@contextmanager
def collector_spared():
    """The analyses are millions of objects that live until the end of the build: keep Python's
    garbage collector from walking them again and again (about 15% of the later stages' time)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Stopwatch:
    """Seconds spent in each stage, in the order they ran."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self.start
        self.start = now
