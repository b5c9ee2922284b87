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
            elif not (place_like and candidate.label == "place") and not other_cue(candidate):
                if (root := dominant(roots, res, rules)) is not None:
                    assigned[id(candidate)] = root
        if any(id(c) not in assigned for c in form.candidates) and len(roots) > 1:
            res.suspected += [(i, r, "a surname alone, borne by several people")
                              for r in sorted(roots)]
    assign_likenesses(res, rules, persons, named_in, assigned)
    return assigned


def dominant(roots: set[int], res: Resolution, rules: Rules) -> int | None:
    """The one person of the surname in the dossier, or among several the one named far more
    often than any other (`namesake_dominance`): "Macron" alone is Emmanuel, not Brigitte."""
    if len(roots) == 1:
        return next(iter(roots))
    counts: dict[int, int] = defaultdict(int)
    for i, form in enumerate(res.forms):
        root = res.groups.find(i)
        if root in roots:
            counts[root] += len(form.candidates)
    first, second = sorted(roots, key=lambda r: -counts[r])[:2]
    return first if counts[first] >= rules.namesake_dominance * counts[second] else None


def assign_likenesses(res: Resolution, rules: Rules, persons: dict[str, set[int]],
                      named_in: dict[tuple[str, int], list[Candidate]], assigned: dict[int, int]) -> None:
    """A name that no person's surname spells, in an article that names exactly one person it
    fits: by given names ("Ousmane", "Marie-Pierre" beside "Ousmane Dembélé", "Marie-Pierre
    Dausse"; not after a title: "le pape François"), or, read as a person's, by a one-word surname
    spelled alike ("Tiani" beside "Abdourahamane Tchiani": Jaro-Winkler ≥ the rules'
    `surname_similarity`, and not one name beginning the other, as Martin and Martinez). Looked
    up among the few persons of the same article."""
    t = rules.names.translit
    by_given: dict[tuple[str, tuple[str, ...]], set[int]] = defaultdict(set)  # (article, given names) → roots
    surnames: dict[str, list[tuple[str, int]]] = defaultdict(list)           # article → (surname, root)
    for article, root in named_in:
        given, surname = rules.names.person_parts(res.forms[root].key)
        if given:
            for names in given_forms(given, surname):
                by_given[(article, tuple(t(w) for w in names))].add(root)
            if " " not in surname:
                surnames[article].append((t(surname), root))
    if not by_given:
        return
    for i, form in enumerate(res.forms):
        if res.types[i] not in {None, "person", "place"}:
            continue
        own, words, borne = res.groups.find(i), None, None
        for candidate in form.candidates:
            if id(candidate) in assigned or candidate.with_article or other_cue(candidate):
                continue
            words = words or tuple(t(w) for w in form.key.split())
            article = candidate.mention.article
            fits = by_given.get((article, words), set()) - {own} if candidate.role is None else set()
            if not fits and len(words) == 1 and "person" in (candidate.cue, candidate.label):
                fits = {r for surname, r in surnames.get(article, []) if r != own and alike(words[0], surname, rules)}
            if len(fits) != 1:
                continue
            if borne is None:    # a surname borne by a person was assigned above (rarely asked)
                borne = bool(persons.get(rules.names.surname_key(form.key), set()) - {own})
            if not borne:
                assigned[id(candidate)] = next(iter(fits))


def given_forms(given: list[str], surname: str) -> list[list[str]]:
    """The ways an article may write a person's given names alone: as given ("Marie-Pierre"),
    without middle initials ("Marsha" for "Marsha P. Johnson"); and the person's initials
    ("A. H." for "Alexandre Hervaud", as a signature or a byline writes them), only for a
    given name spelled out (not "A. Hervaud" again)."""
    found = [given]
    spelled = [w for w in given if len(w) > 1]
    if spelled and len(spelled) < len(given):
        found.append(spelled)
    if len(given[0]) > 1:
        found.append([w[0] for w in given + surname.split()])
    return found


def alike(a: str, b: str, rules: Rules) -> bool:
    """Two surnames spelled alike, neither beginning the other."""
    return (not (a.startswith(b) or b.startswith(a))
            and JaroWinkler.similarity(a, b) >= rules.names.surname_similarity)


def nearest_before(candidate: Candidate, here: dict[int, list[Candidate]]) -> int:
    def distance(root: int) -> tuple[int, int]:
        before = [candidate.position - c.position for c in here[root] if c.position < candidate.position]
        return (0, min(before)) if before else (1, min(c.position for c in here[root]))
    return min(here, key=distance)

