"""The pipeline, composed in one place: ingest → clean → analyse → resolve → quotes → dates → topics.

Each stage is a module with one job; this function only passes their data along.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from . import actors, analyse, clean, dates, ingest, quotes, topics
from .models import Dossier

log = logging.getLogger("mkdocs.plugins.dossier")


@dataclass
class Settings:
    seeds: Path                      # folder of input articles
    editorial: Path | None = None    # folder of the user's YAML: actors.yml, outlets.yml, topics.yml
    cache: Path | None = None        # analysis cache; None disables it
    use_registry: bool = True        # False: ignore editorial/actors.yml (to measure the machine alone)

    def editorial_file(self, name: str) -> Path | None:
        if self.editorial is None:
            return None
        path = self.editorial / name
        return path if path.is_file() else None


def build_dossier(settings: Settings) -> Dossier:
    raws, problems = ingest.read_seeds(settings.seeds)
    for problem in problems:
        log.warning("dossier: %s: %s", problem.path, problem.message)
    articles = clean.clean_articles(raws, settings.editorial_file("outlets.yml"))
    analyses = analyse.analyse_articles(articles, settings.cache)
    registry = settings.editorial_file("actors.yml") if settings.use_registry else None
    found_actors, suspected = actors.resolve_actors(articles, analyses, registry)
    found_quotes = quotes.find_quotes(articles, analyses, found_actors)
    events = dates.find_events(articles, analyses, found_actors)
    dates.date_articles(articles, events)
    found_topics = topics.gather_topics(articles, found_quotes, settings.editorial_file("topics.yml"))
    return Dossier(articles, found_actors, found_quotes, events, found_topics, suspected, problems)
