"""Topics: user-defined subjects (YAML), gathering the statements and paragraphs about each.

editorial/topics.yml:

    topics:
      - name: Contrat avec Wagner
        keywords: [contrat, accord]          # the block must name one of these…
        with: [Wagner, mercenaire*]          # …and, if given, one of these too

A keyword matches a whole word, case and accents ignored, plural included ("contrat" finds
"contrats"); a trailing * matches any ending ("retir*" finds "retirer", "retiré").

A topic gathers, for each article (by date, then outlet), the statements in the blocks on it,
with their speakers, and those paragraphs that are on it beyond their quotes.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from slugify import slugify

from .models import Article, Quote, Topic, TopicEntry
from .text import fold

log = logging.getLogger("mkdocs.plugins.dossier")

class Matcher:
    """Whether a text is on a topic: one of its keywords and, if any, one of its `with` words."""

    def __init__(self, keywords: list[str], required: list[str]):
        self.keywords = _word_pattern(keywords)
        self.required = _word_pattern(required) if required else None

    def __call__(self, text: str) -> bool:
        return self.matches(fold(text))

    def matches(self, folded: str) -> bool:
        """The same, for a text already folded."""
        return bool(self.keywords and self.keywords.search(folded)) and (
            self.required is None or bool(self.required.search(folded)))


def _word_pattern(words: list[str]) -> re.Pattern | None:
    forms = []
    for word in words:
        folded = re.escape(fold(word).rstrip("*")).replace(r"\ ", r"\s+")
        forms.append(folded + (r"\w*" if word.endswith("*") else r"(?:s|x|es)?"))
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)") if forms else None


def load_topics(path: Path | None) -> list[tuple[Topic, Matcher]]:
    """The user's topics; a topic the file describes badly is skipped with a warning."""
    if path is None or not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        specs = (data.get("topics") or []) if isinstance(data, dict) else None
    except yaml.YAMLError as error:
        log.warning("dossier: %s is not valid YAML, no topic read: %s", path.name, error)
        return []
    if not isinstance(specs, list):
        log.warning("dossier: %s: expected 'topics:' followed by a list of topics", path.name)
        return []
    topics, ids = [], set()
    for number, spec in enumerate(specs, 1):
        if not isinstance(spec, dict) or not str(spec.get("name") or "").strip():
            log.warning("dossier: %s: topic %d has no name; skipped", path.name, number)
            continue
        name = str(spec["name"]).strip()
        keywords = [str(k) for k in spec.get("keywords") or []]
        required = [str(k) for k in spec.get("with") or []]
        topics.append((Topic(unique_id(slugify(name) or "theme", ids), name, keywords),
                       Matcher(keywords, required)))
    return topics


def unique_id(slug: str, taken: set[str]) -> str:
    """The slug, or the slug with a number when another topic already has it."""
    candidate, n = slug, 1
    while candidate in taken or candidate == "index":
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def gather_topics(articles: list[Article], quotes: list[Quote], path: Path | None) -> list[Topic]:
    loaded = load_topics(path)
    if not loaded:
        return []
    ordered = sorted(articles, key=lambda a: (a.date or "9999", a.source or "", a.id))
    by_block: dict[tuple[str, int], list[Quote]] = {}
    for quote in quotes:
        by_block.setdefault((quote.article, quote.block), []).append(quote)
    # the content blocks in the topics' order, each folded once for all the topics
    blocks = [(article.id, b, block.text, fold(block.text))
              for article in ordered for b, block in enumerate(article.blocks) if block.kind != "heading"]
    topics = []
    for topic, on_topic in loaded:
        for article_id, b, text, folded in blocks:
            if on_topic.matches(folded):
                topic.entries += _entries(article_id, b, text, by_block.get((article_id, b), []), on_topic)
        topics.append(topic)
    return topics


def _entries(article: str, block: int, text: str, quotes: list[Quote], on_topic: Matcher) -> list[TopicEntry]:
    """A block on the topic: its statements with their speakers, then the paragraph itself if
    what it says outside those statements is on the topic too."""
    entries = [TopicEntry(article, block, q.text, q.speaker, kind="quote", source_text=q.source_text)
               for q in quotes]
    rest = text
    for quote in quotes:
        rest = rest[:quote.start] + " " * (quote.end - quote.start) + rest[quote.end:]
    if not quotes or on_topic(rest):
        entries.append(TopicEntry(article, block, text))
    return entries
