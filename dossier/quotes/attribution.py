"""Attribution: name the speaker of each quoted statement, by the rules the package's
docstring lists in order of confidence, following who the text is about from sentence to
sentence (`Focus`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..cast import Cast, phrase_gender, role_nouns, stem, tokens_within
from ..models import Actor, Analysis, Article, BlockAnalysis, Quote, Token
from ..text import fold
from .spans import (CLOSERS, OPENERS, STRAIGHT, Span, _is_dash_question, _starts_incise,
                    dialogue_span, is_speech_verb, is_statement, quoted_spans, speech_rules)

# How far back (in blocks) the last speaker or the person in focus may be taken for a quote
# with no attribution of its own.
FOCUS_REACH = 1
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")  # "a-t-il expliqué": -il may be read nsubj:pass
# The speaker of an explicit attribution to someone the text does not name ("selon un diplomate",
# "a déclaré un officier"): no speaker, and no guess from the focus either.
NOBODY = "\0nobody"
# Determiners that bring in someone new, besides those the model marks Definite=Ind.
INDEFINITE = {"plusieurs", "certain", "quelque", "aucun", "nombreux"}
PRONOUN_GENDERS = {"elle": "Fem", "elle-meme": "Fem", "il": "Masc", "lui": "Masc", "lui-meme": "Masc"}
# How many blocks back, besides its own, a pronoun or role may find the person it refers to
# among those named.
NAMED_BEFORE_REACH = 2
# A quote standing as its own block fills at least this share of the block's text (marks aside).
CAPTIONED_SHARE = 0.9
# The caption after such a quote names its speaker within its first characters.
CAPTION_NAME_WITHIN = 2


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
        words = {stem(t.text) for t in phrase if t.pos in ("NOUN", "ADJ", "PROPN")}
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
        for block in range(max(0, b - NAMED_BEFORE_REACH), b + 1):
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
        if span.end - span.start < CAPTIONED_SHARE * whole or reading.index + 1 >= len(blocks):
            return None
        if blocks[reading.index + 1].kind not in ("caption", "paragraph"):
            return None
        named = self.cast.named(reading.article.id, reading.index + 1, 0, CAPTION_NAME_WITHIN)
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
