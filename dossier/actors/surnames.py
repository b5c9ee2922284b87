"""Surnames: give each mention of a bare surname ("Lavrov", "Macron") the person it names."""
from __future__ import annotations

from collections import defaultdict

from .candidates import Candidate
from .forms import Form
from .merge import Resolution, is_full_name
from .rules import Rules


def is_bare_surname(form: Form, rules: Rules) -> bool:
    """"Lavrov", "Le Drian", "Macron" (even when the model says place): one name, no article,
    nothing in the context saying it is an organisation or an event."""
    given, surname = rules.names.person_parts(form.key)
    cues = form.votes("cue")
    no_other_cue = all(kind == "person" for kind in cues)
    mostly_bare = sum(c.with_article for c in form.candidates) * 2 < len(form.candidates)
    return not given and bool(surname) and no_other_cue and mostly_bare


def assign_surnames(res: Resolution, rules: Rules) -> dict[int, int]:
    """Give each bare-surname mention its person: the one of that surname named in the same
    article (the nearest before it when there are several), else the only one in the dossier.
    Returns candidate id → form index of the person; unresolved ambiguities are suspected."""
    persons: dict[str, set[int]] = defaultdict(set)        # surname key → roots
    named_in: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    for i, form in enumerate(res.forms):
        if is_full_name(res, i, rules):
            root = res.groups.find(i)
            persons[rules.names.surname_key(form.key)].add(root)
            for c in form.candidates:
                named_in[(c.mention.article, root)].append(c)
    assigned: dict[int, int] = {}
    for i, form in enumerate(res.forms):
        roots = persons.get(rules.names.surname_key(form.key))
        if not roots or not is_bare_surname(form, rules):
            continue
        # Written somewhere as places are ("la France", "en France"), the name is a place's
        # wherever the model reads it as one, unless the article names the person.
        place_like = any(c.with_article for c in form.candidates)
        for candidate in form.candidates:
            if candidate.with_article:
                continue         # "la France", "en France": not David France
            here = {r: named_in[(candidate.mention.article, r)] for r in roots
                    if named_in[(candidate.mention.article, r)]}
            if here:
                assigned[id(candidate)] = nearest_before(candidate, here)
            elif len(roots) == 1 and not (place_like and candidate.label == "place"):
                assigned[id(candidate)] = next(iter(roots))
        if any(id(c) not in assigned for c in form.candidates) and len(roots) > 1:
            res.suspected += [(i, r, "a surname alone, borne by several people")
                              for r in sorted(roots)]
    return assigned


def nearest_before(candidate: Candidate, here: dict[int, list[Candidate]]) -> int:
    def distance(root: int) -> tuple[int, int]:
        before = [candidate.position - c.position for c in here[root] if c.position < candidate.position]
        return (0, min(before)) if before else (1, min(c.position for c in here[root]))
    return min(here, key=distance)

