"""Helpers shared by the quote tests: actors mentioned wherever their names are written, so that
attribution is tested apart from actor resolution, and the one quote a text gives."""
from __future__ import annotations

import re

from dossier.models import Actor, Article, Mention


def mention_names(actor: Actor, article: Article, names: list[str]) -> Actor:
    """Give `actor` a mention at each place one of `names` (longest first) is written in `article`;
    a shorter name inside a longer one already taken is not mentioned twice."""
    for b, block in enumerate(article.blocks):
        taken: list[tuple[int, int]] = []
        for name in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", block.text):
                if not any(s <= m.start() < e for s, e in taken):
                    taken.append(m.span())
                    actor.mentions.append(Mention(article.id, b, m.start(), m.end(), name, ""))
    return actor


def only(quotes):
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]
