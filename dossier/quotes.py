"""Quotes: find quoted statements in the cleaned blocks and attribute them to actors."""
from __future__ import annotations

import re

from .models import Actor, Analysis, Article, Quote

QUOTED = re.compile(r"«\s*(?P<a>[^»]+?)\s*»|“(?P<b>[^”]+)”|\"(?P<c>[^\"]+)\"")
MIN_WORDS = 4  # shorter quoted runs are scare quotes ("mercenaires"), not statements


def find_quotes(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Quote]:
    quotes: list[Quote] = []
    for article in articles:
        for b, block in enumerate(article.blocks):
            for match in QUOTED.finditer(block.text):
                group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
                words = match.group(group)
                if len(words.split()) < MIN_WORDS:
                    continue
                quotes.append(
                    Quote(article.id, b, words, None, match.start(group), match.end(group), block.text)
                )
    return quotes
