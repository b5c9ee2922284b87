"""Merge: join the forms of one actor — the user's registry, persons (same surname, same given
name across spellings), short forms in brackets, acronyms and their expansions — and note what
looks alike but is not joined as a suspected merge."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from ..names import name_key
from .forms import Form, user_keys
from .registry import Registry
from .rules import Rules

# A name that another begins with and lacks only one last word in lower case is the model's cut when
# it holds at least this many content words ("Organisation du traité de l'Atlantique [nord]").
CUT_NAME_MIN_CONTENT_WORDS = 3
# "de", "du", "d'", "des" folded: a place's name after them adds the body's seat to its name.
SEAT_LINKS = {"de", "du", "d", "des"}
# Shorter names that begin longer ones are suspected merges from this many words on.
PREFIX_MIN_WORDS = 2


class Groups:
    """Union-find over forms that refuses to join what the user keeps apart."""

    def __init__(self, forms: list[Form], apart: list[set[str]]):
        self.parent = list(range(len(forms)))
        # root → {apart group index → the member key of that group it holds}
        self.tags: dict[int, dict[int, str]] = defaultdict(dict)
        for i, form in enumerate(forms):
            for g, keys in enumerate(apart):
                if form.key in keys:
                    self.tags[i][g] = form.key

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def kept_apart(self, i: int, j: int) -> bool:
        a, b = self.tags[self.find(i)], self.tags[self.find(j)]
        return any(g in b and b[g] != key for g, key in a.items())

    def join(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.kept_apart(a, b):
            return a == b
        self.parent[b] = a
        self.tags[a].update(self.tags.pop(b, {}))
        return True


@dataclass
class Resolution:
    forms: list[Form]
    groups: Groups
    suspected: list[tuple[int, int, str]] = field(default_factory=list)   # form indexes, reason
    types: list[str | None] = field(init=False)     # each form's guessed type: its mentions no longer change

    def __post_init__(self):
        self.types = [form.guessed_type() for form in self.forms]


def join_registry(res: Resolution, registry: Registry, rules: Rules) -> None:
    """The user's actors and merges, and the bodies known by their seat (actor_rules.yml:
    Palais-Bourbon = Assemblée nationale): every form named in one entry or group is one actor."""
    index = {form.key: i for i, form in enumerate(res.forms)}
    for names in [e.names for e in registry.entries] + registry.merge + rules.same_bodies:
        present = [index[k] for k in {k for n in names for k in user_keys(n, rules)} if k in index]
        for other in present[1:]:
            res.groups.join(present[0], other)


def is_full_name(res: Resolution, i: int, rules: Rules) -> bool:
    return res.types[i] == "person" and bool(rules.names.person_parts(res.forms[i].key)[0])


def join_persons(res: Resolution, rules: Rules) -> None:
    """Same surname and same first given name (across spellings and initials) is one person;
    a close given name (Vladimir / Wladimir) is only suspected."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(res.forms):
        if is_full_name(res, i, rules):
            by_surname[rules.names.surname_key(form.key)].append(i)
    for members in by_surname.values():
        # Spelled-out given names first, so that an initial joins a person and not a chain.
        members.sort(key=lambda i: -len(res.forms[i].key))
        given = {i: rules.names.person_parts(res.forms[i].key)[0] for i in members}
        for n, i in enumerate(members):
            matches = [j for j in members[:n] if rules.names.given_names_match(given[i], given[j])]
            roots = {res.groups.find(j) for j in matches}
            if len(roots) == 1:
                res.groups.join(matches[0], i)
            for j in members[:n]:
                if j not in matches and rules.names.given_names_close(given[i], given[j]):
                    res.suspected.append((j, i, "same surname, close given names"))


def join_definitions(res: Resolution) -> None:
    """A short form given in brackets after a name is that name: "… au Mali (Minusma)"."""
    form_of = {id(c): i for i, f in enumerate(res.forms) for c in f.candidates}
    for i, form in enumerate(res.forms):
        for c in form.candidates:
            if c.defined_by is not None and id(c.defined_by) in form_of:
                res.groups.join(form_of[id(c.defined_by)], i)


def join_acronyms(res: Resolution, rules: Rules) -> None:
    """An acronym and its expansion are one actor (CEDEAO, ONU = Nations unies), and so are
    longer names that differ only by them ("Assemblée générale de l'ONU" / "… des Nations unies").
    A leading word is taken as implied (ONU = Nations unies) only for an acronym that no name
    spells out in full: the OMS is the "Organisation mondiale de la santé", not "Management
    Science"."""
    names = rules.names
    others = [i for i, kind in enumerate(res.types) if kind != "person"]
    written = {i: res.forms[i].candidates[0].mention.text for i in others}
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i in others:
        by_initials[names.initials(written[i])].append(i)
    expansions: dict[str, str] = {}
    for i in others:
        acronym = written[i]
        if not names.is_acronym(acronym):
            continue
        # Only the names whose initials the acronym holds in order can spell it out.
        letters = name_key(acronym).replace(" ", "")
        may_spell = sorted({j for held in held_initials(letters) for j in by_initials.get(held, []) if j != i})
        spelled = [j for j in may_spell if names.expands(acronym, written[j], implied=False)]
        for j in spelled or [j for j in may_spell if names.expands(acronym, written[j])]:
            if res.groups.join(i, j):
                expansions[names.content_key(written[j])] = name_key(acronym)
    join_same_content(res, [(i, names.content_key(written[i])) for i in others], expansions)


def join_party_articles(res: Resolution, rules: Rules) -> None:
    """"LR" and "des Républicains": a two-letter acronym opening with L spells a one-word name
    that is only ever written after a plural article (Les Républicains); joined when exactly one
    organisation's name fits."""
    for i, form in enumerate(res.forms):
        letters = name_key(form.candidates[0].mention.text).replace(" ", "")
        if len(letters) != 2 or letters[0] != "l" or not rules.names.is_acronym(form.candidates[0].mention.text):
            continue
        fits = [j for j, other in enumerate(res.forms)
                if j != i and " " not in other.key and other.key.startswith(letters[1]) and len(other.key) > 2
                and res.types[j] == "organization" and all(c.plural for c in other.candidates)]
        if len(fits) == 1:
            res.groups.join(i, fits[0])


def held_initials(letters: str) -> set[str]:
    """Every sequence of two letters or more that `letters` hold in order, side by side or not
    (247 for 8 letters)."""
    return {"".join(held) for n in range(2, len(letters) + 1) for held in combinations(letters, n)}


def join_same_content(res: Resolution, keys: list[tuple[int, str]], expansions: dict[str, str]) -> None:
    """Join the forms whose content keys are one once each expansion is replaced by its acronym.
    The replacements, in order, run only on the keys that hold an expansion: most hold none."""
    spelled_out = {tuple(expansion.split()) for expansion in expansions}
    longest = max(map(len, spelled_out), default=0)
    by_content: dict[str, int] = {}
    for i, key in keys:
        if holds_phrase(key.split(), spelled_out, longest):
            for expansion, acronym in expansions.items():
                key = re.sub(rf"\b{re.escape(expansion)}\b", acronym, key)
        if key in by_content:
            res.groups.join(by_content[key], i)
        else:
            by_content[key] = i


def holds_phrase(found: list[str], phrases: set[tuple[str, ...]], longest: int) -> bool:
    """Whether one of the phrases (tuples of words, none longer than `longest`) is in `found`,
    word for word and in a row."""
    return () in phrases or any(tuple(found[a:b]) in phrases for a in range(len(found))
                                for b in range(a + 1, min(len(found), a + longest) + 1))


def suspect_prefixes(res: Resolution, rules: Rules) -> None:
    """"Conseil de sécurité" and "Conseil de sécurité des Nations unies" may be one actor. A long
    name that lacks only its last word, in lower case, is the model's cut and is joined:
    "Organisation du traité de l'Atlantique [nord]"."""
    others = [i for i, kind in enumerate(res.types) if kind not in {None, "person"}]
    going_on = longer_names(res, others)
    places = {form.key for form, kind in zip(res.forms, res.types) if kind == "place"}
    for i in others:
        for j in going_on.get(res.forms[i].key, []):
            a, b = res.forms[i].key, res.forms[j].key
            if res.groups.find(i) != res.groups.find(j):
                shorter = res.forms[i].candidates[0].mention.text.split()
                rest = res.forms[j].candidates[0].mention.text.split()[len(shorter):]
                cut = (len(b.split()) == len(a.split()) + 1 and len(rest) == 1 and rest[0].islower()
                       and len(rules.names.content_key(a).split()) >= CUT_NAME_MIN_CONTENT_WORDS)
                if not ((cut or seat_added(res, i, j, places)) and res.groups.join(i, j)):
                    res.suspected.append((i, j, "one name begins with the other"))


def seat_added(res: Resolution, i: int, j: int, places: set[str]) -> bool:
    """"Paris-8" and "Paris-8 de Saint-Denis", "l'Église catholique" and "l'Église catholique de
    France" in one article: the longer name is the shorter one, then "de" and a place's name
    (a place of the dossier). Not "Conseil de sécurité des Nations unies": not a place."""
    short, long = res.forms[i].key.split(), res.forms[j].key.split()
    rest = long[len(short):]
    seat = rest[1:]
    while seat and seat[0] in {"la", "le", "l", "les"}:
        seat = seat[1:]          # "… de la Loire"
    if not seat or rest[0] not in SEAT_LINKS or " ".join(seat) not in places:
        return False
    return bool({c.mention.article for c in res.forms[i].candidates}
                & {c.mention.article for c in res.forms[j].candidates})


def longer_names(res: Resolution, forms: list[int]) -> dict[str, list[int]]:
    """Each name of two words or more that begins a longer one → the forms of those longer ones."""
    found: dict[str, list[int]] = defaultdict(list)
    for j in forms:
        key = res.forms[j].key.split()
        for n in range(PREFIX_MIN_WORDS, len(key)):
            found[" ".join(key[:n])].append(j)
    return found



def assign_heads(res: Resolution, assigned: dict[int, int]) -> None:
    """"l'Assemblée" beside "l'Assemblée nationale", "l'Autorité" beside "l'Autorité de la
    concurrence": an organisation's one-word name is the one longer organisation's name that it
    opens in the same article (another article may mean another: "l'Assemblée de Corse").
    Adds candidate id → form index to `assigned`."""
    longer: dict[tuple[str, str], set[int]] = defaultdict(set)    # (article, first word) → roots
    for j, form in enumerate(res.forms):
        words = form.key.split()
        if len(words) > 1 and res.types[j] == "organization":
            for c in form.candidates:
                longer[(c.mention.article, words[0])].add(res.groups.find(j))
    if not longer:
        return
    for i, form in enumerate(res.forms):
        if " " in form.key or res.types[i] != "organization" or form.key.upper() == form.candidates[0].mention.text:
            continue
        for c in form.candidates:
            roots = longer.get((c.mention.article, form.key), set()) - {res.groups.find(i)}
            if id(c) not in assigned and len(roots) == 1:
                assigned[id(c)] = next(iter(roots))
