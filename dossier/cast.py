"""The actor index that quotes and dates share: where each actor is named in each block, the
persons' known roles and genders, read through indexes built on first use.

`Cast` is built from the resolved actors (and, for attribution, the articles and their
analyses: names the model missed, places read as persons, persons' genders). Quotes use it to
name speakers, dates to list the actors named beside a date. Role rules are data:
dossier/data/roles.yml.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Iterator

from .models import Actor, Analysis, Article, Token
from .text import fold, load_data

# A surname this short or shorter is not looked for alone where the model missed a name: too
# likely another word, or part of one.
SHORT_SURNAME = 3
# Words of a name or role kept for comparing them, gender and number aside: organisations'
# names ("armées"/"armée"), roles ("malien"/"malienne").
ORG_STEM_LENGTH = 8
ROLE_STEM_LENGTH = 6
# How many words before or after a name are read for the role beside it ("la ministre
# française, X", "X, ancienne Première ministre du Sénégal,").
PHRASE_REACH = 8
# How many words after "X," are read for a role that makes a name typed as a place a person
# ("X, porte-parole du …").
APPOSITION_WORDS = 2
# Votes for a person's gender from one mention: a title before the name (Mme, M.) says it
# more surely than a role beside it (la ministre).
TITLE_VOTE = 3
ROLE_VOTE = 2


def role_rules() -> dict:
    return load_data("roles.yml")


def tokens_within(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens of a block that begin at an offset in [start, end), found by bisection: a
    block's tokens are in the order of the text."""
    return tokens[bisect_left(tokens, start, key=_offset):bisect_left(tokens, end, key=_offset)]


_offset = attrgetter("idx")


# --- actors, mentions and roles --------------------------------------------------------

@dataclass
class Place:
    """A mention of an actor in a block."""
    actor: str
    start: int
    end: int


class Cast:
    """What the dossier knows of its actors, indexed for attribution.

    `places`, `roles` and `genders` are the data; `last_seen`, `by_role`, `has_role` and
    `named_in` read them through indexes built on first use. Add a place with `add_place` (or
    call `changed()` after editing `places`, `roles` or `genders` in place): the indexes are
    then rebuilt on their next use."""

    def __init__(self, actors: list[Actor], articles: list[Article] | None = None,
                 analyses: dict[str, Analysis] | None = None):
        self.types = {a.id: a.type for a in actors}
        self.org_names = {a.id: {stem(w) for n in [a.name, *a.aliases] for w in re.findall(r"[\w-]+", n)}
                          for a in actors if a.type == "organization"}
        self.places: dict[tuple[str, int], list[Place]] = {}
        self.changed()
        for actor in actors:
            for m in actor.mentions:
                if m.part == "block":
                    self.add_place(m.article, m.block, Place(actor.id, m.start, m.end))
        if articles:
            self._add_unlinked_names(actors, articles)
        for places in self.places.values():
            places.sort(key=lambda p: p.start)
        self.roles = [(a.id, set(role_words(r.text))) for a in actors if a.type == "person" for r in a.roles]
        # the roles each article itself gives its persons ("le chef de l'État, Emmanuel Macron"):
        # the only evidence on which a nominal speaker is taken for a person (`bound_role`)
        self.article_roles: dict[str, list[tuple[str, set[str]]]] = {}
        for a in actors:
            if a.type == "person":
                for r in a.roles:
                    self.article_roles.setdefault(r.article, []).append((a.id, set(role_words(r.text))))
        self.changed()
        self.genders: dict[str, str] = {}
        if articles and analyses:
            for actor in persons_by_apposition(actors, self, articles, analyses):
                self.types[actor] = "person"
            self.genders = person_genders(actors, self, articles, analyses)

    def _add_unlinked_names(self, actors: list[Actor], articles: list[Article]) -> None:
        """Where the model missed a person's name in an article that names them elsewhere
        ("…, a affirmé Ouhoumoudou Mahamadou"), the name written out is a mention too: its
        full forms, and its surname when no other person of the article bears it."""
        in_article: dict[str, list[Actor]] = {}   # article → the persons it mentions, in order
        for actor in actors:
            if actor.type == "person":
                for article_id in dict.fromkeys(m.article for m in actor.mentions):
                    in_article.setdefault(article_id, []).append(actor)
        for article in articles:
            here = in_article.get(article.id, [])
            surnames = Counter(a.name.split()[-1] for a in here)
            for actor in here:
                last = actor.name.split()[-1]
                surname = [last] if len(last) > SHORT_SURNAME and surnames[last] == 1 else []
                forms = frozenset([actor.name, *actor.aliases, *surname])
                for b, block in enumerate(article.blocks):
                    self._add_written_name(article.id, b, block.text, actor.id, forms)

    def _add_written_name(self, article: str, block: int, text: str, actor: str,
                          forms: frozenset[str]) -> None:
        """The places where one of the forms is written as a word, outside the known mentions."""
        taken = self.places.setdefault((article, block), [])
        # The pattern matches only where a form is written, and drops what overlaps a known
        # mention: when every form written is in one (the usual case), its search is spared.
        if all(_overlaps(taken, start, end) for start, end in _written(text, forms)):
            return
        for m in _name_pattern(forms).finditer(text):
            if not _overlaps(taken, m.start(), m.end()):
                self.add_place(article, block, Place(actor, m.start(), m.end()))

    def add_place(self, article: str, block: int, place: Place) -> None:
        self.places.setdefault((article, block), []).append(place)
        self._seen = None

    def changed(self) -> None:
        """Drop the indexes after `places`, `roles` or `genders` were edited other than by `add_place`."""
        self._seen: _Seen | None = None
        self._roles: _Roles | None = None

    def gender(self, actor: str | None) -> str | None:
        return self.genders.get(actor) if actor else None

    def named(self, article: str, block: int, start: int, end: int) -> list[Place]:
        return [p for p in self.places.get((article, block), []) if p.start < end and p.end > start]

    def named_in(self, article: str) -> list[str]:
        """The actors named anywhere in the article."""
        return self._seen_index().actors.get(article, [])

    def has_role(self, actor: str) -> bool:
        return actor in self._role_index().of_actor

    def is_person(self, actor: str | None) -> bool:
        return actor is not None and self.types.get(actor) == "person"

    def last_seen(self, actor: str, article: str, before: tuple[int, int]) -> tuple[int, int]:
        """Position of the actor's last mention before `before` in the article, for recency."""
        positions = self._seen_index().positions.get((article, actor), ())
        n = bisect_left(positions, before)
        return positions[n - 1] if n else (-1, -1)

    def by_role(self, phrase: str, article: str, before: tuple[int, int],
                gender: str | None = None) -> str | None:
        """The person whose known role best matches a nominal reference, the latest named on
        ties; of the reference's gender when it shows one ("la ministre")."""
        ordered = role_words(phrase)
        if not ordered:
            return None
        roles, words, head = self._role_index(), frozenset(ordered), ordered[0]
        # someone named in this article before comes first: "la ministre" of an article on
        # Niamey is not the "ministre" of another article. Only those named in the article
        # need looking at here; the best of the others does not depend on the article.
        scores = [roles.score(actor, role, words, gender, seen)
                  for actor in self.named_in(article) for role in roles.of_actor.get(actor, ())
                  if roles.fits(actor, role, head, gender)
                  and (seen := self.last_seen(actor, article, before)) != (-1, -1)]
        if scores:
            return max(scores)[-1]
        return roles.best_unseen(head, words, gender)

    def bind(self, article: str, actor: str, phrase: str) -> None:
        """The article gives the person this role (read from its text by attribution)."""
        self.article_roles.setdefault(article, []).append((actor, set(role_words(phrase))))

    def bound_role(self, phrase: str, article: str, before: tuple[int, int],
                   gender: str | None = None) -> str | None:
        """The person this article itself gives the role of a nominal reference ("le chef de
        l'État" after "le chef de l'État, Emmanuel Macron"), named before the reference; None
        when no person, or two equally good, fit: then the article does not say who it is."""
        ordered = role_words(phrase)
        if not ordered:
            return None
        roles, words, head = self._role_index(), frozenset(ordered), ordered[0]
        scores = [roles.score(actor, role, words, gender, seen)[:4] + (actor,)
                  for actor, role in self.article_roles.get(article, ())
                  if roles.fits(actor, role, head, gender)
                  and (seen := self.last_seen(actor, article, before)) != (-1, -1)]
        best = {}
        for score in scores:
            best[score[-1]] = max(best.get(score[-1], score), score)
        ranked = sorted(best.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][:4] == ranked[1][:4]):
            return None
        return ranked[0][-1]

    def _seen_index(self) -> _Seen:
        if self._seen is None or self._seen.places is not self.places:
            self._seen = _Seen(self.places)
        return self._seen

    def _role_index(self) -> _Roles:
        kept = self._roles
        if kept is None or kept.roles is not self.roles or kept.genders is not self.genders:
            self._roles = _Roles(self.roles, self.genders)
        return self._roles


def _written(text: str, forms: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of the forms in the text, word boundaries aside."""
    for form in forms:
        start = text.find(form)
        while start != -1:
            yield start, start + len(form)
            start = text.find(form, start + 1)


def _overlaps(places: list[Place], start: int, end: int) -> bool:
    return any(p.start < end and p.end > start for p in places)


@lru_cache(maxsize=1024)   # a person has the same forms in most of the articles naming them
def _name_pattern(forms: frozenset[str]) -> re.Pattern:
    """Any of the forms of a name as a whole word, the longest first."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")


class _Seen:
    """Where each actor is named: the positions (block, offset) of its mentions in each article,
    in order, and the actors each article names."""

    def __init__(self, places: dict[tuple[str, int], list[Place]]):
        self.places = places
        self.positions: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.actors: dict[str, list[str]] = {}
        for (article, block), here in places.items():
            for p in here:
                if (article, p.actor) not in self.positions:
                    self.actors.setdefault(article, []).append(p.actor)
                self.positions.setdefault((article, p.actor), []).append((block, p.start))
        for positions in self.positions.values():
            positions.sort()


class _Roles:
    """The persons' known roles, by person and by word, for `Cast.by_role`."""

    def __init__(self, roles: list[tuple[str, set[str]]], genders: dict[str, str]):
        self.roles, self.genders = roles, genders
        self.of_actor: dict[str, list[set[str]]] = {}
        self.by_word: dict[str, list[tuple[str, set[str]]]] = {}
        for actor, role in roles:
            self.of_actor.setdefault(actor, []).append(role)
            for word in role:
                self.by_word.setdefault(word, []).append((actor, role))
        self._unseen: dict[tuple, str | None] = {}

    def fits(self, actor: str, role: set[str], head: str, gender: str | None) -> bool:
        """The role's words hold the reference's head noun (a "chef" is not a "ministre"), and
        its holder is of the reference's gender, or of none known."""
        return head in role and not (gender and self.genders.get(actor) not in (None, gender))

    def score(self, actor: str, role: set[str], words: frozenset[str], gender: str | None,
              seen: tuple[int, int]) -> tuple:
        """How well a role matches, highest best: named before in the article, share of the
        reference's words in the role, same gender, share of the role's words in the reference,
        named latest."""
        shared = len(words & role)
        same_gender = gender is not None and self.genders.get(actor) == gender
        return seen != (-1, -1), shared / len(words), same_gender, shared / len(role), seen, actor

    def best_unseen(self, head: str, words: frozenset[str], gender: str | None) -> str | None:
        """The best match among all the persons, none named before in the article: the same for
        every article, so worked out once per reference."""
        key = (head, words, gender)
        if key not in self._unseen:
            scores = [self.score(actor, role, words, gender, (-1, -1))
                      for actor, role in self.by_word.get(head, ()) if self.fits(actor, role, head, gender)]
            self._unseen[key] = max(scores)[-1] if scores else None
        return self._unseen[key]


def stem(word: str) -> str:
    """A word folded, without the marks of number and gender: "armées"/"armée", "maliennes"."""
    return fold(word).rstrip("s").removesuffix("ne").removesuffix("e")[:ORG_STEM_LENGTH]


def role_words(text: str) -> list[str]:
    """Content words of a role, synonyms rewritten, each cut to a stem that ignores gender and
    number ("malien"/"malienne", "étrangère"/"étrangères")."""
    folded = fold(text)
    synonyms, stop = _role_word_rules()
    for phrase, canonical in synonyms:
        folded = folded.replace(phrase, canonical)
    return [w[:ROLE_STEM_LENGTH] for w in re.findall(r"\w+", folded) if w not in stop]


@lru_cache(maxsize=1)
def _role_word_rules() -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """roles.yml's synonyms (folded, in order) and stopwords (folded), for `role_words`."""
    rules = role_rules()
    return (tuple((fold(p), fold(c)) for p, c in rules["synonyms"].items()),
            frozenset(fold(w) for w in rules["stopwords"]))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    return frozenset(fold(n) for n in role_rules()["role_nouns"])


@lru_cache(maxsize=1)
def gendered_words() -> dict[str, str]:
    """Folded word → "Fem" | "Masc", from roles.yml: titles ("Mme", "M.") and role nouns whose
    form shows the gender ("présidente", "directeur")."""
    rules = role_rules()
    found = {}
    for gender, key in (("Fem", "feminine"), ("Masc", "masculine")):
        for word in rules.get(key) or []:
            found[fold(word)] = gender
    return found


@lru_cache(maxsize=1)
def role_and_gendered_nouns() -> frozenset[str]:
    return role_nouns() | frozenset(gendered_words())


def morph_gender(token: Token) -> str | None:
    match = re.search(r"Gender=(Fem|Masc)", token.morph)
    return match.group(1) if match else None


def phrase_gender(tokens: list[Token], head: Token) -> str | None:
    """The gender a noun phrase shows: its singular determiner or adjectives ("la ministre",
    "l'ancienne ministre", "le Premier ministre"), else the form of its noun ("présidente")."""
    votes = Counter()
    for token in tokens:
        if token.head == head.i and token.i != head.i and token.dep in ("det", "amod") \
                and "Number=Plur" not in token.morph and (gender := morph_gender(token)):
            votes[gender] += 1
    if votes and votes["Fem"] != votes["Masc"]:
        return votes.most_common(1)[0][0]
    return gendered_words().get(fold(head.text))


NP_POS = ("NOUN", "ADJ", "DET", "ADP", "PROPN", "NUM")


def _in_noun_phrase(token: Token) -> bool:
    """A word that can sit in a noun phrase, a past participle included ("chargé des …")."""
    return token.pos in NP_POS or (token.pos == "VERB" and "VerbForm=Part" in token.morph)


def _role_beside(tokens: list[Token], first: int, last: int, places: set[int]) -> Token | None:
    """A role noun in the phrase right before a name ("la ministre française, X") or in the
    apposition right after it ("X, ancienne Première ministre du Sénégal,")."""
    nouns = role_and_gendered_nouns()
    phrases = []
    i = first - 1
    if i >= 0 and tokens[i].text == ",":
        i -= 1
    left = []
    while i >= 0 and len(left) < PHRASE_REACH and _in_noun_phrase(tokens[i]) and i not in places:
        left.insert(0, tokens[i])
        i -= 1
    phrases.append(left)
    j = last + 1
    if j < len(tokens) and tokens[j].text == ",":
        right = []
        j += 1
        while j < len(tokens) and len(right) < PHRASE_REACH and tokens[j].pos in NP_POS and j not in places:
            right.append(tokens[j])
            j += 1
        phrases.append(right)
    for phrase in phrases:
        roles = [t for t in phrase if fold(t.lemma) in nouns or fold(t.text) in nouns]
        if roles:
            return min(roles, key=lambda t: (t.pos != "NOUN", t.i))
    return None


def persons_by_apposition(actors: list[Actor], cast: Cast, articles: list[Article],
                          analyses: dict[str, Analysis]) -> set[str]:
    """Names typed as places that the text sets in apposition to a person's role, between
    commas ("Le chef de la mission, El-Ghassim Wane, a …", "X, porte-parole du …,"): for
    attribution these are persons (a place is never "le chef de …, Bamako,")."""
    found = set()
    nouns = role_nouns()
    for actor in actors:
        if actor.type != "place":
            continue
        for m in actor.mentions:
            if m.part != "block" or m.article not in analyses or m.block >= len(analyses[m.article].blocks):
                continue
            tokens = analyses[m.article].blocks[m.block].tokens
            inside = tokens_within(tokens, m.start, m.end)
            if not inside:
                continue
            first, last = inside[0].i, inside[-1].i
            phrases = []
            if first and tokens[first - 1].text == ",":   # "le chef de la mission, X"
                i, phrase = first - 2, []
                while i >= 0 and len(phrase) < PHRASE_REACH and _in_noun_phrase(tokens[i]):
                    phrase.insert(0, tokens[i])
                    i -= 1
                phrases.append(phrase)
            if last + 1 < len(tokens) and tokens[last + 1].text == ",":   # "X, porte-parole du …"
                phrases.append([t for t in tokens[last + 2:last + 2 + APPOSITION_WORDS] if _in_noun_phrase(t)])
            if any(fold(t.lemma) in nouns or fold(t.text) in nouns for ph in phrases for t in ph):
                found.add(actor.id)
                break
    return found


def person_genders(actors: list[Actor], cast: Cast, articles: list[Article],
                   analyses: dict[str, Analysis]) -> dict[str, str]:
    """Each person's gender, by a vote over all their mentions in the dossier: the title before
    the name (Mme, M.) and the role beside it (la ministre, le Premier ministre). The model's
    gender for first names is not used: it is wrong too often ("Alexandre" Fem, "Muriel" Masc)."""
    titles = gendered_words()
    blocks = {(a.id, b): (block.text, analyses[a.id].blocks[b].tokens)
              for a in articles if a.id in analyses for b, block in enumerate(a.blocks)
              if b < len(analyses[a.id].blocks)}
    persons = {a.id for a in actors if cast.is_person(a.id)}
    votes_of: dict[str, Counter] = {}
    for (aid, b), places in cast.places.items():
        if (aid, b) not in blocks or not any(p.actor in persons for p in places):
            continue
        text, tokens = blocks[aid, b]
        # the tokens of every person's name in the block (a role may hold a place: "le chef de la Minusma")
        taken = {t.i for p in places if p.actor in persons for t in tokens_within(tokens, p.start, p.end)}
        for place in places:
            if place.actor not in persons:
                continue
            votes = votes_of.setdefault(place.actor, Counter())
            inside = tokens_within(tokens, place.start, place.end)
            if not inside:
                continue
            first, last = inside[0].i, inside[-1].i
            before = tokens[first - 1] if first else None
            if before is not None and fold(before.text).rstrip(".") in titles and before.pos != "NOUN":
                votes[titles[fold(before.text).rstrip(".")]] += TITLE_VOTE
            role = _role_beside(tokens, first, last, taken)
            if role is not None and (gender := phrase_gender(tokens, role)):
                votes[gender] += ROLE_VOTE
    genders = {}
    for actor in actors:
        votes = votes_of.get(actor.id) if actor.id in persons else None
        if votes and votes["Fem"] != votes["Masc"]:
            genders[actor.id] = votes.most_common(1)[0][0]
    return genders

