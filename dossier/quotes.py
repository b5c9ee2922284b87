"""Quotes: find quoted statements in the cleaned blocks and attribute them to actors.

Two steps per block. `quoted_spans` reads the quotation marks as French typography uses them
(« … », “ … ”, "…", nested quotes, a closing mark whose opening one was lost, an opening mark
never closed). `Attributor` then names each statement's speaker, in order of confidence:

1. a speech verb next to the quote and its subject ("a déclaré X", "X poursuit : « … »",
   "a-t-il ajouté", "X a souligné que « … »"), the subject being a named actor, a pronoun
   (the person in focus), a relative pronoun (its antecedent) or a role ("le chef de la
   diplomatie russe", matched against the roles the dossier knows);
2. "selon X", "d'après X", "Pour X, « … »";
3. "Et d'ajouter : « … »": a speech verb without subject continues the last speaker;
4. a person named before the colon that introduces the quote ("la position de X : « … »");
5. a quote standing as its own block, followed by a caption naming its speaker;
6. otherwise the last speaker or the person in focus, when named in this block or the one before.

Rules are data where an editor may want to change them: dossier/data/speech_verbs.yml, roles.yml.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Iterator


from .models import Actor, Analysis, Article, BlockAnalysis, Quote, Token
from .text import fold, load_data


OPENERS = "«“‹‘"
CLOSERS = "»”›’"
STRAIGHT = '"'
# ‘ … ’: the closing mark is also the apostrophe, so it closes only an open ‘ and only where an
# apostrophe cannot stand (not before a letter: "l’ordre").
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
# Dialogue dashes (em and en dash, not the hyphen of bullet lists) opening a block: an answer in
# an interview ("— Chaque pays est libre…") or a line of dialogue ("— Nous partirons, répond-il.").
DIALOGUE_DASHES = "—–"
# Quoted runs of fewer words are scare quotes ("mercenaires", "instructeurs"), not statements.
MIN_WORDS = 4
# Below this length a quoted run must hold a verb to be a statement: "grand retour en Afrique"
# or "un partenaire stratégique et pragmatique" are phrases the writer borrows, not statements.
SHORT_WORDS = 8
# How far back (in blocks) the last speaker or the person in focus may be taken for a quote
# with no attribution of its own.
FOCUS_REACH = 1
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")  # "a-t-il expliqué": -il may be read nsubj:pass
# The speaker of an explicit attribution to someone the text does not name ("selon un diplomate",
# "a déclaré un officier"): no speaker, and no guess from the focus either.
NOBODY = "\0nobody"
# Determiners that bring in someone new, besides those the model marks Definite=Ind.
INDEFINITE = {"plusieurs", "certain", "quelque", "aucun", "nombreux"}
SENTENCE_END = re.compile(r"[.!?…:]\s+")
MARKS = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT) + "]")


def speech_rules() -> dict:
    return load_data("speech_verbs.yml")


def role_rules() -> dict:
    return load_data("roles.yml")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(fold(v) for v in speech_rules()["verbs"])


# --- finding quoted runs ------------------------------------------------------------------

@dataclass
class Span:
    start: int                       # character offsets of the quoted words (marks excluded)
    end: int


def quoted_spans(text: str, tokens: list[Token]) -> list[Span]:
    """The outermost quoted runs of a block, nested quotes left inside their statement."""
    spans: list[Span] = []
    stack: list[int] = []            # offsets of the opening marks still open
    floor = 0                        # a run cannot begin before the end of the previous one
    for mark in MARKS.finditer(text):
        pos, char = mark.start(), mark.group()
        if not _single_mark_counts(text, pos, stack):
            continue
        if _opens(text, pos, stack):
            if stack and text[stack[0]] == char and char != STRAIGHT:
                # A second « while one is open: the first was never closed.
                end = min(_incise_start(text, tokens, stack[0]), pos)
                spans.append(Span(stack[0] + 1, end))
                stack, floor = [], end
            stack.append(pos)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append(Span(start + 1, pos))
                floor = pos + 1
        else:
            # A closing mark whose opening one is missing: the quote began with its sentence.
            spans.append(Span(_sentence_start(text, floor, pos), pos))
            floor = pos + 1
    if stack:
        spans.append(Span(stack[0] + 1, _incise_start(text, tokens, stack[0])))
    spans = [part for span in spans for part in _split_at_incise(text, tokens, span)]
    return [trimmed for span in spans if (trimmed := _trim(text, span)).end > trimmed.start]


def _single_mark_counts(text: str, pos: int, stack: list[int]) -> bool:
    """‘ opens after a space or a bracket; ’ is a closing mark only for an open ‘ and when no
    letter follows it (else it is an apostrophe)."""
    char = text[pos]
    if char == SINGLE_OPEN:
        before = text[pos - 1] if pos else " "
        return before.isspace() or before in "([«“\"-—–"
    if char == SINGLE_CLOSE:
        after = text[pos + 1] if pos + 1 < len(text) else " "
        return bool(stack) and text[stack[-1]] == SINGLE_OPEN and not after.isalnum()
    return True


def dialogue_span(text: str, tokens: list[Token]) -> Span | None:
    """A block opened by a dialogue dash: its words up to an incise ("…, répond-il.")."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in DIALOGUE_DASHES:
        return None
    dash = len(text) - len(stripped)
    span = _trim(text, Span(dash + 1, _incise_start(text, tokens, dash)))
    return span if span.end > span.start else None


def _split_at_incise(text: str, tokens: list[Token], span: Span) -> list[Span]:
    """A quote broken by its attribution inside one pair of marks ("« Ce n'est pas un échec,
    a-t-il poursuivi, c'est une transformation »", "« Absurde, explique X, toxicologue. … »"):
    the two parts, the incise left outside so that its verb and subject are read."""
    inside = tokens_within(tokens, span.start, span.end)
    for n, token in enumerate(inside[:-1]):
        if token.text != "," or not _starts_incise(inside[n + 1:], tokens):
            continue
        end = _incise_end(inside, n + 1)
        if end is None:
            continue
        rest = Span(end, span.end)
        return [Span(span.start, token.idx)] + _split_at_incise(text, tokens, rest)
    return [span]


def _incise_end(inside: list[Token], first: int) -> int | None:
    """Where the words after an incise begin: after its closing comma, or after the apposition
    that follows the speaker's name ("explique X, toxicologue, ancien de l'Anses.")."""
    for m in range(first, len(inside)):
        token = inside[m]
        if token.text in ".;!?…":
            return token.idx + 1
        if token.text == "," and m > first + 1:
            after = inside[m + 1:]
            clause_end = next((k for k, t in enumerate(after) if t.text in ".;!?…"), len(after))
            if after[:clause_end] and not any(t.pos in ("VERB", "AUX") for t in after[:clause_end]) \
                    and after[0].pos in ("NOUN", "ADJ"):
                if clause_end < len(after):
                    return after[clause_end].idx + 1
            return token.idx + 1
    return None


def _is_dash_question(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped[0] in DIALOGUE_DASHES and stripped.endswith("?")


def _opens(text: str, pos: int, stack: list[int]) -> bool:
    char = text[pos]
    if char != STRAIGHT:
        return char in OPENERS
    if stack and text[stack[-1]] == STRAIGHT:
        return False
    # A straight mark opens after a space, a bracket or an elision (d'"instructeurs").
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([’'-") and not after.isspace()


def _sentence_start(text: str, floor: int, pos: int) -> int:
    starts = [m.end() for m in SENTENCE_END.finditer(text, floor, pos)]
    return starts[-1] if starts else floor


def _incise_start(text: str, tokens: list[Token], opening: int) -> int:
    """Where a quote left open ends: before an inverted attribution ("…. a-t-il ajouté",
    "…, a déclaré X"), else at the end of the block (a quote running over paragraphs)."""
    after = [t for t in tokens if t.idx > opening]
    for n, token in enumerate(after):
        if token.pos == "PUNCT" and token.text in ",.;!?…" and _starts_incise(after[n + 1:], tokens):
            return token.idx
    return len(text)


def _starts_incise(tokens: list[Token], block_tokens: list[Token]) -> bool:
    for token in tokens[:4]:
        if is_speech_verb(token, block_tokens):
            return True
        if not (token.pos in ("AUX", "ADV") or token.text.startswith("-")):
            return False
    return False


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in OPENERS + ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSERS + STRAIGHT + ","):
        end -= 1
    return Span(start, end)


def is_statement(text: str, tokens: list[Token], span: Span) -> bool:
    words = text[span.start:span.end].split()
    if len(words) < MIN_WORDS:
        return False
    if len(words) >= SHORT_WORDS:
        return True
    return any(t.pos in ("VERB", "AUX") for t in tokens_within(tokens, span.start, span.end))


# Endings of the -er verbs, for the forms the model mislemmatises or mistags ("estime",
# "juge", "note" read as nouns): il estime, ils estiment, estimé(e)(s), estimait, estimera…
ER_ENDINGS = ("e", "es", "ent", "a", "ait", "aient", "era", "erait", "ant", "é", "ée", "és", "ées")


@lru_cache(maxsize=1)
def speech_verb_forms() -> frozenset[str]:
    forms = set()
    for verb in speech_verbs():
        if verb.endswith("er"):
            stem = verb[:-2]
            forms.update(stem + ending for ending in ER_ENDINGS)
            if stem[-1] in "lt":  # rappeler → rappelle
                forms.update((stem + stem[-1] + "e", stem + stem[-1] + "ent"))
    return frozenset(forms)


def is_speech_verb(token: Token, tokens: list[Token] | None = None) -> bool:
    """A speech verb by its lemma, or, given the block's tokens, by its form where it stands
    as a verb does: after "», " ("», estime le ministre"), before "-t-il", "que" or a colon."""
    if token.text.startswith("-"):
        return False
    if token.pos in ("VERB", "AUX") and fold(token.lemma) in speech_verbs():
        return True
    if tokens is None or fold(token.text) not in speech_verb_forms():
        return False
    before = tokens[token.i - 1].text if token.i else ""
    after = tokens[token.i + 1].text if token.i + 1 < len(tokens) else ""
    after_quote = before != "" and before in "," + CLOSERS + STRAIGHT
    return after_quote or after.startswith("-") or fold(after) in ("que", "qu'", ":")


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
        self.org_names = {a.id: {_stem(w) for n in [a.name, *a.aliases] for w in re.findall(r"[\w-]+", n)}
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
                surname = [last] if len(last) > 3 and surnames[last] == 1 else []
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


def _stem(word: str) -> str:
    """A word folded, without the marks of number and gender: "armées"/"armée", "maliennes"."""
    return fold(word).rstrip("s").removesuffix("ne").removesuffix("e")[:8]


def role_words(text: str) -> list[str]:
    """Content words of a role, synonyms rewritten, each cut to a stem that ignores gender and
    number ("malien"/"malienne", "étrangère"/"étrangères")."""
    folded = fold(text)
    synonyms, stop = _role_word_rules()
    for phrase, canonical in synonyms:
        folded = folded.replace(phrase, canonical)
    return [w[:6] for w in re.findall(r"\w+", folded) if w not in stop]


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


PRONOUN_GENDERS = {"elle": "Fem", "elle-meme": "Fem", "il": "Masc", "lui": "Masc", "lui-meme": "Masc"}
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
    while i >= 0 and len(left) < 8 and _in_noun_phrase(tokens[i]) and i not in places:
        left.insert(0, tokens[i])
        i -= 1
    phrases.append(left)
    j = last + 1
    if j < len(tokens) and tokens[j].text == ",":
        right = []
        j += 1
        while j < len(tokens) and len(right) < 8 and tokens[j].pos in NP_POS and j not in places:
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
                while i >= 0 and len(phrase) < 8 and _in_noun_phrase(tokens[i]):
                    phrase.insert(0, tokens[i])
                    i -= 1
                phrases.append(phrase)
            if last + 1 < len(tokens) and tokens[last + 1].text == ",":   # "X, porte-parole du …"
                phrases.append([t for t in tokens[last + 2:last + 4] if _in_noun_phrase(t)])
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
                votes[titles[fold(before.text).rstrip(".")]] += 3
            role = _role_beside(tokens, first, last, taken)
            if role is not None and (gender := phrase_gender(tokens, role)):
                votes[gender] += 2
    genders = {}
    for actor in actors:
        votes = votes_of.get(actor.id) if actor.id in persons else None
        if votes and votes["Fem"] != votes["Masc"]:
            genders[actor.id] = votes.most_common(1)[0][0]
    return genders


# --- attribution -----------------------------------------------------------------------

@dataclass
class Focus:
    """Who the text is about so far in an article, and where that was last said."""
    speaker: str | None = None       # the last actor quoted or reported speaking
    speaker_at: tuple[int, int] = (-1, -1)
    person: str | None = None        # the last person named as a subject or speaker
    person_at: tuple[int, int] = (-1, -1)
    answerer: str | None = None      # in an interview, who answers the questions
    people: list[str] = field(default_factory=list)   # persons in focus so far, latest last

    def spoke(self, actor: str, at: tuple[int, int], cast: Cast) -> None:
        self.speaker, self.speaker_at = actor, at
        if cast.is_person(actor):
            self.see(actor, at)

    def see(self, actor: str, at: tuple[int, int]) -> None:
        self.person, self.person_at = actor, at
        if actor in self.people:
            self.people.remove(actor)
        self.people.append(actor)

    def person_of(self, gender: str | None, cast: Cast, named: list[str], strict: bool = False) -> str | None:
        """The person a pronoun or a role noun refers to: the latest in focus of its gender,
        else the latest named of its gender, else (not `strict`: for a pronoun) the latest in
        focus whose gender is unknown."""
        if gender is None:
            return self.person
        for pool in (self.people, named):
            for actor in reversed(pool):
                if cast.gender(actor) == gender:
                    return actor
        if strict:
            return None
        unknown = [a for a in self.people if cast.gender(a) is None]
        return unknown[-1] if unknown else (self.person if cast.gender(self.person) in (None, gender) else None)

    def recent(self, block: int) -> str | None:
        """The last speaker or person in focus, if named in this block or just before."""
        known = ((self.speaker, self.speaker_at), (self.person, self.person_at))
        candidates = [(at, who) for who, at in known
                      if who and block - at[0] <= FOCUS_REACH]
        return max(candidates)[1] if candidates else None


@dataclass
class BlockReading:
    """One block with its analysis and quoted runs, for the attribution rules."""
    article: Article
    index: int
    text: str
    analysis: BlockAnalysis
    spans: list[Span]
    quoted: set[int] = field(default_factory=set)   # token indices inside quotes

    def __post_init__(self):
        tokens = self.analysis.tokens
        self.quoted = {t.i for s in self.spans for t in tokens_within(tokens, s.start - 1, s.end + 1)}

    def token(self, i: int) -> Token:
        return self.analysis.tokens[i]

    def children(self, token: Token) -> list[Token]:
        return self._children.get(token.i, [])

    @cached_property
    def _children(self) -> dict[int, list[Token]]:
        """Token index → its dependents, in order: the rules ask for them many times a block."""
        found: dict[int, list[Token]] = {}
        for t in self.analysis.tokens:
            if t.head != t.i:
                found.setdefault(t.head, []).append(t)
        return found

    def subtree(self, token: Token) -> list[Token]:
        found, frontier = {token.i}, [token]
        while frontier:
            kids = [c for t in frontier for c in self.children(t) if c.i not in found]
            found.update(c.i for c in kids)
            frontier = kids
        return [self.analysis.tokens[i] for i in sorted(found)]

    def sentence_of(self, offset: int) -> int:
        """The first sentence ending after the offset, else the last one."""
        return min(bisect_right(self._sentence_ends, offset), len(self.analysis.sentences) - 1)

    @cached_property
    def _sentence_ends(self) -> list[int]:
        tokens = self.analysis.tokens
        return [tokens[end - 1].idx + len(tokens[end - 1].text) for _, end in self.analysis.sentences]

    def sentence_tokens(self, first: int, last: int) -> list[Token]:
        start, end = self.analysis.sentences[first][0], self.analysis.sentences[last][1]
        return self.analysis.tokens[start:end]

    def chars(self, tokens: list[Token]) -> tuple[int, int]:
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class Attributor:
    def __init__(self, cast: Cast):
        self.cast = cast
        rules = speech_rules()
        self.sources = [fold(s) for s in rules["sources"]]
        self.opening_sources = [fold(s) for s in rules["opening_sources"]]
        self.pronouns = {fold(p) for p in rules["pronouns"]}

    def article_quotes(self, article: Article, analysis: Analysis) -> list[Quote]:
        focus = Focus()
        quotes: list[Quote] = []
        # An interview: questions set off by dialogue dashes; the other dash lines are answers.
        interview = any(_is_dash_question(block.text) for block in article.blocks)
        for b, (block, reading_of) in enumerate(zip(article.blocks, analysis.blocks)):
            if block.kind == "heading" or not reading_of.tokens:
                continue
            spans = quoted_spans(block.text, reading_of.tokens)
            answer = None
            if not spans and (answer := dialogue_span(block.text, reading_of.tokens)):
                question = block.text[answer.start:answer.end].rstrip().endswith("?")
                incise = answer.end < len(block.text.rstrip(" .…!\u00a0"))
                answer = answer if not question and (interview or incise) else None
                spans = [answer] if answer else []
            reading = BlockReading(article, b, block.text, reading_of, spans)
            statements = [(reading.sentence_of(s.start), s) for s in spans
                          if is_statement(block.text, reading_of.tokens, s)]
            for n in range(len(reading_of.sentences)):
                for sentence, span in statements:
                    if sentence == n:
                        quotes.append(self.quote(reading, span, focus, article.blocks,
                                                 dialogue=span is answer))
                self.follow(reading, n, focus)
        return quotes

    def quote(self, reading: BlockReading, span: Span, focus: Focus, blocks, dialogue: bool = False) -> Quote:
        window = self.window(reading, span)
        speaker = (self.by_speech_verb(reading, span, window, focus)
                   or self.by_source(reading, window, focus)
                   or self.by_colon(reading, span, window)
                   or self.by_caption(reading, span, blocks))
        if dialogue:  # an answer without incise: the one who answered before, or the interviewee
            speaker = speaker or focus.answerer or focus.person
            focus.answerer = speaker if speaker != NOBODY else focus.answerer
        speaker = speaker or focus.recent(reading.index)
        if speaker == NOBODY:
            speaker = None
        if speaker:
            focus.spoke(speaker, (reading.index, span.start), self.cast)
        start, end = reading.chars(window)
        return Quote(reading.article.id, reading.index, reading.text[span.start:span.end], speaker,
                     span.start, span.end, reading.text[start:end].strip())

    def window(self, reading: BlockReading, span: Span) -> list[Token]:
        """The sentences holding the quote, and the next one if it opens with an incise
        ("« … . a-t-il ajouté.")."""
        first, last = reading.sentence_of(span.start), reading.sentence_of(max(span.end - 1, span.start))
        if last + 1 < len(reading.analysis.sentences):
            following = reading.sentence_tokens(last + 1, last + 1)
            opening = [t for t in following if t.i not in reading.quoted and t.pos != "PUNCT"]
            if _starts_incise(opening, reading.analysis.tokens):
                last += 1
        return reading.sentence_tokens(first, last)

    # -- rule 1 and 3: speech verbs --

    def by_speech_verb(self, reading: BlockReading, span: Span, window: list[Token], focus: Focus):
        tokens = reading.analysis.tokens
        verbs = [t for t in window if t.i not in reading.quoted and is_speech_verb(t, tokens)]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))
        subject = self.subject_of(reading, verb)
        if subject is not None:
            return self.resolve(reading, subject, focus)
        return self.inverted_subject(reading, verb, span, focus) or focus.speaker

    def subject_of(self, reading: BlockReading, verb: Token) -> Token | None:
        """The verb's subject, climbing coordinated and chained verbs ("X a déclaré … mais a
        souligné que …")."""
        token, seen = verb, set()
        while token.i not in seen:
            seen.add(token.i)
            subjects = [c for c in reading.children(token) if c.dep in SUBJECT_DEPS
                        and c.i not in reading.quoted  # the parser sometimes hangs a quote there
                        and (c.dep == "nsubj" or fold(c.lemma).lstrip("-") in self.pronouns)]
            if subjects:  # the parser may give two; the nearest is the right one more often
                return min(subjects, key=lambda c: abs(c.i - token.i))
            if token.dep not in ("conj", "xcomp") or token.head == token.i:
                return None
            token = reading.token(token.head)
        return None

    def inverted_subject(self, reading: BlockReading, verb: Token, span: Span, focus: Focus) -> str | None:
        """The subject after the verb of an incise: the first noun phrase after it, a name
        ("…», a déclaré Lavrov à Moscou.") or a role, which the parser often reads as the
        object ("», a dit la ministre.", "a déclaré le président de la République à l'Elysée")."""
        aid, b = reading.article.id, reading.index
        after = reading.analysis.tokens[verb.i + 1:]
        stop = next((t.idx for t in after if t.text in ",.;:" or t.i in reading.quoted), len(reading.text))
        for token in after:
            if token.idx >= stop:
                break
            if token.pos not in ("NOUN", "PROPN"):
                continue
            places = self.cast.named(aid, b, token.idx, token.idx + len(token.text))
            if places:
                return places[0].actor
            if token.pos == "NOUN" and verb.idx >= span.end and token.head == verb.i:
                found = self.resolve(reading, token, focus)
                if found == NOBODY or self.cast.is_person(found) or self.cast.types.get(found) == "organization":
                    return found
            break
        people = [p for p in self.cast.named(aid, b, verb.idx, stop) if self.cast.is_person(p.actor)]
        return people[0].actor if people else None

    def resolve(self, reading: BlockReading, subject: Token, focus: Focus) -> str | None:
        """The actor a subject refers to: named, pronoun, relative pronoun or role. NOBODY for
        a person the text leaves unnamed ("un diplomate européen", "des sources")."""
        aid, b = reading.article.id, reading.index
        own = self.cast.named(aid, b, subject.idx, subject.idx + len(subject.text))
        if own:
            return own[0].actor
        if "PronType=Rel" in subject.morph:
            before = self.cast.named(aid, b, reading.chars(reading.sentence_tokens(
                reading.sentence_of(subject.idx), reading.sentence_of(subject.idx)))[0], subject.idx)
            return before[-1].actor if before else None
        pronoun = fold(subject.text).lstrip("-").removeprefix("t-")
        if fold(subject.lemma).lstrip("-") in self.pronouns or pronoun in self.pronouns:
            return focus.person_of(PRONOUN_GENDERS.get(pronoun), self.cast, self.named_before(reading, subject))
        phrase = reading.subtree(subject)
        start, end = reading.chars(phrase)
        named = self.cast.named(aid, b, start, end)
        people = [p for p in named if self.cast.is_person(p.actor)]
        if people:
            return min(people, key=lambda p: abs(p.start - subject.idx)).actor
        if self.indefinite(reading, subject):
            return NOBODY
        gender = phrase_gender(reading.analysis.tokens, subject) if subject.pos == "NOUN" else None
        words = " ".join(t.text for t in phrase if t.dep not in ("acl:relcl", "punct"))
        by_role = self.cast.by_role(words, aid, (b, subject.idx), gender)
        is_role = fold(subject.lemma) in role_nouns() or fold(subject.text) in role_nouns()
        if by_role and is_role and self.cast.last_seen(by_role, aid, (b, subject.idx)) == (-1, -1):
            # "le chef de l'Etat" after "Emmanuel Macron a …": the person in focus, whose role the
            # dossier does not know, before a president of another article
            here = focus.person_of(gender, self.cast, self.named_before(reading, subject))
            if here and here != by_role and not self.cast.has_role(here):
                return here
        if by_role:
            return by_role
        if (org := self.organisation(reading, phrase)) is not None:
            return org
        if is_role:
            # a role no known role matches ("le diplomate"): the person in focus, if of its gender
            return focus.person_of(gender, self.cast, self.named_before(reading, subject), strict=True)
        return named[0].actor if named else None

    def organisation(self, reading: BlockReading, phrase: list[Token]) -> str | None:
        """An organisation of the article that a common-noun phrase names in other words:
        "l'armée malienne" for "Forces armées maliennes", all the phrase's words in its name."""
        words = {_stem(t.text) for t in phrase if t.pos in ("NOUN", "ADJ", "PROPN")}
        if not words:
            return None
        aid = reading.article.id
        found = [actor for actor in self.cast.named_in(aid) if actor in self.cast.org_names
                 and words <= self.cast.org_names[actor]
                 and self.cast.last_seen(actor, aid, (reading.index + 1, 0)) != (-1, -1)]
        return found[0] if len(found) == 1 else None

    def indefinite(self, reading: BlockReading, subject: Token) -> bool:
        """A noun phrase that brings in someone new: "un diplomate", "des sources", "plusieurs élus"."""
        if subject.pos not in ("NOUN",):
            return False
        dets = [c for c in reading.children(subject) if c.dep == "det"]
        return any("Definite=Ind" in d.morph or fold(d.lemma) in INDEFINITE for d in dets)

    def named_before(self, reading: BlockReading, token: Token) -> list[str]:
        """Persons named in this block before the token and in the two blocks before, in order."""
        aid, b = reading.article.id, reading.index
        found = []
        for block in range(max(0, b - 2), b + 1):
            end = token.idx if block == b else 10 ** 9
            found += [p.actor for p in self.cast.named(aid, block, 0, end) if self.cast.is_person(p.actor)]
        return found

    # -- rule 2: selon X --

    def by_source(self, reading: BlockReading, window: list[Token], focus: Focus) -> str | None:
        opening = {reading.analysis.tokens[start].i for start, _ in reading.analysis.sentences}
        for token in window:
            if token.i in reading.quoted:
                continue
            pair = fold(reading.token(token.i - 1).text + token.text) if token.i else ""
            if fold(token.text) in self.sources or pair in self.sources or (
                    token.i in opening and fold(token.text) in self.opening_sources):
                return self.resolve(reading, reading.token(token.head), focus) \
                    if token.head != token.i else None
        return None

    # -- rule 4: "la position de X est claire : « … »" --

    def by_colon(self, reading: BlockReading, span: Span, window: list[Token]) -> str | None:
        opening = reading.text[:span.start].rstrip(" \u00a0" + OPENERS + STRAIGHT)
        if not opening.endswith(":"):
            return None
        start = reading.chars(window)[0]
        people = [p for p in self.cast.named(reading.article.id, reading.index, start, len(opening))
                  if self.cast.is_person(p.actor)]
        if people:
            return people[-1].actor
        # "Un chercheur basé à Dakar se montre prudent : « … »": someone the text leaves unnamed
        subjects = [t for t in window if t.dep == "nsubj" and t.idx < len(opening) and t.i not in reading.quoted]
        return NOBODY if subjects and self.indefinite(reading, subjects[0]) else None

    # -- rule 5: a quote as a block of its own, with a caption naming the speaker --

    def by_caption(self, reading: BlockReading, span: Span, blocks) -> str | None:
        whole = len(reading.text.strip(" \u00a0" + OPENERS + CLOSERS + STRAIGHT))
        if span.end - span.start < 0.9 * whole or reading.index + 1 >= len(blocks):
            return None
        if blocks[reading.index + 1].kind not in ("caption", "paragraph"):
            return None
        named = self.cast.named(reading.article.id, reading.index + 1, 0, 2)
        return named[0].actor if named else None

    # -- focus --

    def follow(self, reading: BlockReading, n: int, focus: Focus) -> None:
        """After a sentence: a person subject becomes the focus; a speaker, the last speaker."""
        for token in reading.sentence_tokens(n, n):
            if token.dep != "nsubj" or token.i in reading.quoted or fold(token.lemma) in self.pronouns:
                continue
            actor = self.resolve(reading, token, focus)
            if not actor or actor == NOBODY:
                continue
            at = (reading.index, token.idx)
            if is_speech_verb(reading.token(token.head), reading.analysis.tokens):
                focus.spoke(actor, at, self.cast)
            elif self.cast.is_person(actor):
                focus.see(actor, at)


def find_quotes(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Quote]:
    attributor = Attributor(Cast(actors, articles, analyses))
    quotes: list[Quote] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is not None:
            quotes += attributor.article_quotes(article, analysis)
    return quotes
