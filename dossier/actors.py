"""Resolve: group the model's entity mentions into actors (one profile per real actor)."""
from __future__ import annotations

from pathlib import Path

from slugify import slugify
from unidecode import unidecode

from .models import Actor, Analysis, Article, Mention, SuspectedMerge

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


def resolve_actors(
    articles: list[Article], analyses: dict[str, Analysis], registry_path: Path | None
) -> tuple[list[Actor], list[SuspectedMerge]]:
    by_key: dict[str, Actor] = {}
    for article in articles:
        for b, block in enumerate(analyses[article.id].blocks):
            text = article.blocks[b].text
            for ent in block.entities:
                if ent.label not in TYPES:
                    continue
                key = unidecode(ent.text).casefold()
                actor = by_key.setdefault(key, Actor(slugify(ent.text), ent.text, TYPES[ent.label]))
                if ent.text not in actor.aliases and ent.text != actor.name:
                    actor.aliases.append(ent.text)
                sentence = _sentence(text, block, ent.token_start)
                actor.mentions.append(Mention(article.id, b, ent.start, ent.end, ent.text, sentence))
    return sorted(by_key.values(), key=lambda a: a.id), []


def _sentence(text, block, token_index) -> str:
    for start, end in block.sentences:
        if start <= token_index < end:
            first, last = block.tokens[start], block.tokens[end - 1]
            return text[first.idx : last.idx + len(last.text)]
    return text
