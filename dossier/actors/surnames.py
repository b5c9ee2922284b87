"""Surnames: give each mention of a bare surname ("Lavrov", "Macron") the person it names."""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import JaroWinkler

from .candidates import Candidate
from .forms import Form
from .merge import Resolution, is_full_name
from .rules import Rules


def is_bare_surname(form: Form, rules: Rules) -> bool:
    """"Lavrov", "Le Drian", "Macron" (even when the model says place): one name, no article,
    nothing in the context saying it is an organisation or an event."""
    given, surname = rules.names.person_parts(form.key)
    mostly_bare = sum(c.with_article for c in form.candidates) * 2 < len(form.candidates)
    return not given and bool(surname) and mostly_bare


def other_cue(candidate: Candidate) -> bool:
    """A cue says organisation or event: the mention joins a person only one its article names
    ("Écarté du groupe professionnel, Mbappé …" beside "Kylian Mbappé")."""
    return candidate.cue not in {None, "person"}


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
                candidate.cue = None if other_cue(candidate) else candidate.cue
            elif len(roots) == 1 and not (place_like and candidate.label == "place") and not other_cue(candidate):
                assigned[id(candidate)] = next(iter(roots))
        if any(id(c) not in assigned for c in form.candidates) and len(roots) > 1:
            res.suspected += [(i, r, "a surname alone, borne by several people")
                              for r in sorted(roots)]
    assign_likenesses(res, rules, persons, named_in, assigned)
    return assigned


def assign_likenesses(res: Resolution, rules: Rules, persons: dict[str, set[int]],
                      named_in: dict[tuple[str, int], list[Candidate]], assigned: dict[int, int]) -> None:
    """A one-word name that no person's surname spells, in an article that names exactly one
    person it fits: by given names ("Ousmane", "Marie-Pierre" beside "Ousmane Dembélé",
    "Marie-Pierre Dausse"), or by a surname spelled alike ("Tiani" beside "Abdourahamane Tchiani":
    Jaro-Winkler ≥ the rules' `surname_similarity`, and not one name beginning the other, as
    Martin and Martinez). Compared only with the few persons of the same article."""
    in_article: dict[str, list[int]] = defaultdict(list)     # article → person roots named there
    for article, root in named_in:
        in_article[article].append(root)
    parts = {root: rules.names.person_parts(res.forms[root].key) for roots in persons.values() for root in roots}
    for i, form in enumerate(res.forms):
        own = res.groups.find(i)
        if persons.get(rules.names.surname_key(form.key), set()) - {own} or res.types[i] not in {None, "person", "place"}:
            continue     # a surname borne by a person: assigned above
        words = form.key.split()
        for candidate in form.candidates:
            if id(candidate) in assigned or candidate.with_article or other_cue(candidate):
                continue
            # "le pape François", "le roi Charles": a title before a given name makes it a name of its own
            fits = [r for r in in_article.get(candidate.mention.article, [])
                    if r != own and r in parts and fits_person(words, parts[r], rules, candidate.role is None,
                                                               "person" in (candidate.cue, candidate.label))]
            if len(fits) == 1:
                assigned[id(candidate)] = fits[0]


def fits_person(words: list[str], parts: tuple[list[str], str], rules: Rules, by_given: bool,
                by_spelling: bool) -> bool:
    """By its given names (`by_given`: no title before it), or, read as a person's (`by_spelling`),
    by a surname spelled alike."""
    given, surname = parts
    if not given:
        return False
    names = rules.names
    if by_given and [names.translit(w) for w in words] == [names.translit(w) for w in given]:
        return True      # the given names alone
    if not by_spelling or len(words) != 1 or " " in surname:
        return False
    a, b = names.translit(words[0]), names.translit(surname)
    return (not (a.startswith(b) or b.startswith(a))
            and JaroWinkler.similarity(a, b) >= names.surname_similarity)


def nearest_before(candidate: Candidate, here: dict[int, list[Candidate]]) -> int:
    def distance(root: int) -> tuple[int, int]:
        before = [candidate.position - c.position for c in here[root] if c.position < candidate.position]
        return (0, min(before)) if before else (1, min(c.position for c in here[root]))
    return min(here, key=distance)

