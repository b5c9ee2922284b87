"""Elsewhere: name in headings and titles the actors found in the ledes and bodies."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator

from ..models import Actor, Article, Mention
from ..names import name_key
from .rules import Rules

WORD_CHAR = re.compile(r"\w")


def attach_elsewhere(actors: list[Actor], articles: list[Article], rules: Rules) -> None:
    """Name in headings and titles the actors found in the ledes and bodies (the model does not
    read titles; headings alone would bring in noise such as "Coopération militaire")."""
    owners = written_forms(actors, rules)
    if not owners:
        return
    finder = NameFinder(owners)
    for article in articles:
        places = [(b, "block", block.text) for b, block in enumerate(article.blocks)
                  if block.kind == "heading"]
        if article.title and not article.title_made:
            places.append((-1, "title", article.title))
        for b, part, text in places:
            for start, end in finder.find(text):
                name = text[start:end]
                known = {(m.article, m.block, m.part, m.start) for m in owners[name].mentions}
                if (article.id, b, part, start) not in known:     # a person named in full in a heading is one already
                    owners[name].mentions.append(Mention(article.id, b, start, end, name, text, part))


def written_forms(actors: list[Actor], rules: Rules) -> dict[str, Actor]:
    """Capitalised names and aliases, each owned by one actor only, plus persons' surnames."""
    owners: dict[str, set[int]] = defaultdict(set)
    by_index = {i: a for i, a in enumerate(actors)}
    for i, actor in by_index.items():
        forms = [actor.name, *actor.aliases]
        if actor.type == "person":
            forms += [n.split()[-1] for n in forms]
        for form in forms:
            if form[:1].isupper() and name_key(form) not in rules.generic:
                owners[form].add(i)
    return {form: by_index[next(iter(ids))] for form, ids in owners.items() if len(ids) == 1}


class NameFinder:
    """Finds names in a text as one regex alternation of them would (longest first, none inside
    a longer word): whole words, the longest name at each place, left to right. Such a regex
    tries every name at every character, thousands of names for a large dossier; here a place is
    tried only where a word starts with the first character of some name, and only with the
    lengths of those names."""

    def __init__(self, names: Iterable[str]):
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in names:
            lengths[name[0]].add(len(name))
        self.names = set(names)
        self.lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        self.starts = re.compile(rf"(?<!\w)[{''.join(map(re.escape, lengths))}]")

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name found."""
        end = 0
        for start in (match.start() for match in self.starts.finditer(text)):
            if start < end:
                continue      # inside the name just found
            for length in self.lengths[text[start]]:
                stop = start + length
                if stop <= len(text) and text[start:stop] in self.names and not WORD_CHAR.match(text, stop):
                    yield start, stop
                    end = stop
                    break

