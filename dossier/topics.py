"""Topics: user-defined subjects (YAML), gathering the statements and paragraphs about each."""
from __future__ import annotations

from pathlib import Path

import yaml
from slugify import slugify
from unidecode import unidecode

from .models import Article, Quote, Topic, TopicEntry


def load_topics(path: Path | None) -> list[Topic]:
    if path is None or not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        Topic(slugify(spec["name"]), spec["name"], list(spec.get("keywords") or []))
        for spec in data.get("topics") or []
    ]


def gather_topics(articles: list[Article], quotes: list[Quote], path: Path | None) -> list[Topic]:
    topics = load_topics(path)
    for topic in topics:
        keys = [_fold(k) for k in topic.keywords]
        for article in articles:
            for b, block in enumerate(article.blocks):
                if any(k in _fold(block.text) for k in keys):
                    topic.entries.append(TopicEntry(article.id, b, block.text))
    return topics


def _fold(text: str) -> str:
    return unidecode(text).casefold()
