"""The pipeline, in one place: ingest → clean → dedupe → language → analyse → actors → quotes → dates → topics.

Each stage is a module with one job; this function only passes their data along.
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from logging.handlers import QueueHandler, QueueListener
from pathlib import Path

from . import actors, analyse, clean, dates, dedupe, export, exports, ingest, language, news, quotes, topics, warm
from .cache import LatestFolder, code_version, fingerprint, tree_fingerprint
from .model import DEFAULT, models_key, release_model
from .models import Article, BuildStats, Dossier, Problem
from .render import Renderer
from .runtime import Stopwatch, WarningsKept, collector_spared, give_back_memory

log = logging.getLogger("mkdocs.plugins.dossier")


# A one-off build of a dossier of this many articles or more runs the pipeline in a process of its
# own (see build_site_apart). Measured: a whole build of 100 articles peaks at 95 MB in one process.
APART_FROM = 300


@dataclass
class Settings:
    seeds: Path                      # folder of input articles
    editorial: Path | None = None    # folder of the user's YAML: actors.yml, outlets.yml, topics.yml
    cache: Path | None = None        # analysis cache; None disables it
    use_registry: bool = True        # False: ignore editorial/actors.yml (to measure the machine alone)
    progress: bool = False           # a progress bar for the analysis (shown on a terminal only)
    keep_model: bool = True          # False: let go of the spaCy model after the analysis (one-off builds)
    warm_minutes: float = 0.0        # > 0: the model reads in a background process kept warm that long (warm.py)
    model: str = DEFAULT             # the spaCy model that reads the articles (the plugin's `model:`)
    models: dict[str, str] | None = None   # language → spaCy model; None: {fr: model} (language.py)

    @property
    def language_models(self) -> dict[str, str]:
        """Each language's model: `models:`, or `model:` for the default language."""
        return self.models or {language.DEFAULT_LANGUAGE: self.model}

    def editorial_file(self, name: str) -> Path | None:
        if self.editorial is None:
            return None
        path = self.editorial / name
        return path if path.is_file() else None


def build_dossier(settings: Settings) -> Dossier:
    clock = Stopwatch()
    detector = language_model_ahead()
    raws, problems = ingest.read_seeds(settings.seeds)
    clock.lap("ingest")
    articles = clean.clean_articles(raws, settings.editorial_file("outlets.yml"), settings.cache)
    clock.lap("clean")
    articles, empty = without_text(articles)
    articles, copies = dedupe.drop_duplicates(articles)
    problems += empty + copies
    for problem in problems:
        log.warning("dossier: %s: %s", problem.path, problem.message)
    clock.lap("dedupe")
    # each article is read by its language's model; one no installed model reads is built, not analysed
    detector.join()
    models = language.models_of(articles, settings.language_models, settings.cache)
    analysable = [article for article in articles if article.id in models]
    analyses = analyse.analyse_articles(analysable, settings.cache, settings.progress, reader(settings), models)
    # without those of a model that could not be loaded: built as pages, not analysed
    analysable = [article for article in analysable if article.id in analyses]
    if not settings.keep_model:
        release_model()
        give_back_memory()
    clock.lap("analyse")
    with collector_spared():
        registry = settings.editorial_file("actors.yml") if settings.use_registry else None
        found_actors, suspected = actors.resolve_actors(analysable, analyses, registry, settings.model)
        clock.lap("actors")
        found_quotes = quotes.find_quotes(analysable, analyses, found_actors)
        clock.lap("quotes")
        events = dates.find_events(analysable, analyses, found_actors)
        dates.date_articles(articles, events)
        clock.lap("dates")
        found_topics = topics.gather_topics(articles, found_quotes, settings.editorial_file("topics.yml"))
        clock.lap("topics")
    stats = BuildStats(analysed=sum(not a.cached for a in analyses.values()),
                       tokens=sum(len(b.tokens) for a in analyses.values() if not a.cached for b in a.blocks),
                       seconds=clock.laps)
    return Dossier(articles, found_actors, found_quotes, events, found_topics, suspected, problems, stats)


def language_model_ahead() -> threading.Thread:
    """Start reading the language detector's model (language.py) beside the reading and cleaning
    of the articles, which need no detector; the pipeline joins the thread before it detects.
    Reading it is a 4.5 MB LZMA file decompressed to 68 MB: 0.65 s of CPU in every build that runs
    the pipeline, plus 0.2 s to import numpy (measured, 104 articles, all analyses cached: the
    analyse stage took 0.45 s of CPU before language detection, 2.1 s after, medians of five). The
    decompression, most of it, lets go of Python's lock: on a second core it runs beside the
    cleaning instead of after it. A failure here is left to the detection itself, which then
    reads the model again and reports it."""
    def read() -> None:
        try:
            import py3langid   # imported here, as language.py does: numpy and the model only when detecting

            py3langid.classify("")    # its first call reads the model; nothing else in the build calls it yet
        except Exception:   # noqa: BLE001 — any failure comes again, and is reported, in language.detect
            pass

    thread = threading.Thread(target=read, name="dossier-language-model", daemon=True)
    thread.start()
    return thread


def without_text(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Articles that the cleaning left without text are named, as an empty file is. One whose lines
    were all taken for web furniture keeps its page, which lists them (the user can check them);
    one where nothing was found at all (a saved page of scripts only) is not built."""
    kept, problems = [], []
    for article in articles:
        if article.blocks or article.lede:
            kept.append(article)
            continue
        name = ingest.shown(Path(article.path))
        if article.removed:
            article.title = article.title or name
            lines = f"{len(article.removed)} lines" if len(article.removed) > 1 else "its one line"
            problems.append(Problem(name, f"no article text left once web furniture was taken out (all "
                                          f"{lines}: menus, links, notices…); built as a page that lists them"))
            kept.append(article)
        else:
            what = "a saved page of scripts or markup only?" if name.lower().endswith("html") else "a title only?"
            problems.append(Problem(name, f"no article text found in it ({what}); skipped"))
    return kept, problems


def reader(settings: Settings) -> analyse.Reader | None:
    """What reads the articles missing from the cache: a model kept warm in the background, given
    `warm_minutes` (it needs the cache folder: that is how it hands its analyses over), else the
    analysis' own (the model loaded in this process)."""
    if settings.warm_minutes > 0 and settings.cache is not None:
        return warm.reader(settings.warm_minutes)
    return None


@dataclass
class SiteOutput:
    """What the dossier adds to the site: its generated pages (source path → the file holding its
    Markdown), the home page's overview, dossier.json (a file, as it is written into the site), what
    the site holds and the date of its newest article, the warnings the inputs gave, and how it went.
    The files are the cache's latest entry: the next build of the same dossier replaces them."""
    pages: dict[str, Path]
    home: str
    data: Path
    counts: dict[str, int]
    newest: str | None
    warnings: list[str]
    stats: BuildStats
    cached: bool = False


def build_site(settings: Settings, templates: Path, use_directory_urls: bool) -> SiteOutput:
    """The pipeline and the rendering, or their result kept from the last build when no input,
    editorial file, template or line of dossier has changed since (the warnings are given again).
    Pages are written to files as they are rendered, not held: thousands of them would hold
    hundreds of MB, and MkDocs reads each once."""
    started = time.perf_counter()
    kept = kept_site(settings, templates, use_directory_urls, started)
    if kept is not None:
        return kept
    shelf = LatestFolder(settings.cache, "site")
    key = site_key(settings, templates, use_directory_urls)
    with WarningsKept() as warnings:
        dossier = build_dossier(settings)
        render_started = time.perf_counter()
        folder, output = shelf.put(key, lambda staging: write_site(staging, dossier, templates, use_directory_urls,
                                                                   warnings.messages, settings.cache))
    output.pages = {src: folder / relative for src, relative in output.pages.items()}
    output.data = folder / output.data
    output.stats = dossier.stats
    output.stats.seconds["render"] = time.perf_counter() - render_started
    return output


def build_site_apart(settings: Settings, templates: Path, use_directory_urls: bool) -> SiteOutput:
    """build_site in a process of its own, for a one-off build: all the memory the pipeline used
    (the model, the analyses, and Python's heap, which a process keeps fragmented) goes back to the
    system before MkDocs reads the pages, so that the two peaks do not add up. Its messages are
    logged here as they come. An unchanged dossier is read here, without a process; so is a small
    one (its pipeline holds a few tens of MB, and starting a process costs half a second); without a
    cache folder the pages would not outlive the process, so the pipeline runs here too."""
    if settings.cache is None or article_files(settings.seeds) < APART_FROM:
        return build_site(settings, templates, use_directory_urls)
    started = time.perf_counter()
    kept = kept_site(settings, templates, use_directory_urls, started)
    if kept is not None:
        return kept
    spawn = multiprocessing.get_context("spawn")     # not fork: MkDocs may run threads
    messages = spawn.Queue()
    relay = QueueListener(messages, Relay())
    relay.start()
    try:
        with ProcessPoolExecutor(1, mp_context=spawn, initializer=log_into,
                                 initargs=(messages, log.getEffectiveLevel())) as pool:
            output = pool.submit(build_site, settings, templates, use_directory_urls).result()
    finally:
        relay.stop()
    output.stats.seconds["pipeline process"] = time.perf_counter() - started - sum(output.stats.seconds.values())
    return output


def article_files(seeds: Path) -> int:
    return sum(1 for path in seeds.iterdir() if path.suffix.lstrip(".").lower() in ingest.FORMATS)


def kept_site(settings: Settings, templates: Path, use_directory_urls: bool, started: float) -> SiteOutput | None:
    """The site kept from the last build if nothing changed since, its warnings given again."""
    kept = read_site(LatestFolder(settings.cache, "site").get(site_key(settings, templates, use_directory_urls)))
    if kept is not None:
        for message in kept.warnings:
            log.warning(message)
        kept.stats.seconds["unchanged: kept from the last build"] = time.perf_counter() - started
    return kept


def log_into(messages, level: int) -> None:
    """In the pipeline's process: send every message to the build's process, through `messages`."""
    root = logging.getLogger()
    root.handlers[:] = [QueueHandler(messages)]
    log.setLevel(level)


class Relay(logging.Handler):
    """In the build's process: log each message of the pipeline's process under its own logger."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


PAGES = "pages"                  # the generated pages, in the site's cache entry
DATA = "dossier.json"            # the dossier's data, copied into the site as it is
SUMMARY = "site.json"            # the rest of the entry: page list, home overview, counts, warnings


def write_site(folder: Path, dossier: Dossier, templates: Path, use_directory_urls: bool,
               warnings: list[str], cache: Path | None = None) -> SiteOutput:
    """Render the pages into `folder` one by one; return the site, its pages relative to `folder`."""
    renderer = Renderer(templates, dossier, use_directory_urls, cache)
    pages: dict[str, Path] = {}
    for src, markdown in renderer.iter_pages():
        path = folder / PAGES / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        pages[src] = path.relative_to(folder)
    # issue 21: the exports (copied into the site by the plugin) and the Nouveautés page
    exports.write_exports(folder / exports.EXPORTS_DIR, dossier, use_directory_urls)
    for src, markdown in news.write_news(folder, dossier, renderer, use_directory_urls, cache).items():
        (folder / PAGES / src).write_text(markdown, encoding="utf-8")
        pages[src] = Path(PAGES) / src
    data = export.to_json_data(dossier, use_directory_urls)
    export.write_json(data, folder)
    output = SiteOutput(pages, renderer.home_overview(), Path(DATA),
                        {name: len(data[name]) for name in ("articles", "actors", "quotes", "events")},
                        max((article["date"] for article in data["articles"] if article["date"]), default=None),
                        warnings, BuildStats())
    summary = {"pages": list(pages), "home": output.home, "counts": output.counts, "newest": output.newest,
               "warnings": warnings}
    (folder / SUMMARY).write_text(json.dumps(summary, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return output


def read_site(folder: Path | None) -> SiteOutput | None:
    """The site kept in the cache entry `folder`, if it is whole."""
    if folder is None:
        return None
    try:
        data = json.loads((folder / SUMMARY).read_text(encoding="utf-8"))
        pages = {src: folder / PAGES / src for src in data["pages"]}
        if not all(path.is_file() for path in [*pages.values(), folder / DATA]):
            raise ValueError("a page is missing")
        return SiteOutput(pages, data["home"], folder / DATA, data["counts"], data["newest"], data["warnings"],
                          BuildStats(), cached=True)
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.info("dossier: cache entry %s not used (%s); made again", folder, error)
        return None


def site_key(settings: Settings, templates: Path, use_directory_urls: bool) -> str:
    return fingerprint(code_version(), settings.model, str(settings.models),    # and whether each model is installed, which
                       models_key(settings.language_models.values()),   # version (model.py)
                       str(settings.use_registry), str(use_directory_urls),
                       tree_fingerprint(settings.seeds, recursive=False), tree_fingerprint(settings.editorial),
                       tree_fingerprint(templates))
