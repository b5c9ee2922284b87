"""What attribution reads a block with: the block and its quoted runs (`BlockReading`), who the
text is about so far (`Focus`), and the sources it points at without naming them (`Unnamed`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..cast import Cast, tokens_within
from ..models import Article, BlockAnalysis, Quote, Token
from .spans import Span

# How far back (in blocks) the last speaker or the person in focus may be taken for a quote
# with no attribution of its own.
FOCUS_REACH = 1
# How many blocks back, besides its own, a pronoun finds the person in focus it refers to.
PRONOUN_REACH = 2


@dataclass(frozen=True)
class Unnamed:
    """A source the article points at without naming it, in the article's words: anonymous
    ("un proche de l'Élysée"), a thing ("le communiqué"), a role the article binds to nobody
    ("le chef de l'État"), a place ("le Niger"). It ends as `speaker: None` plus `source_text`,
    and is never replaced by a guess from the focus."""
    words: str
    kind: str   # "anonymous" | "nominal" | "role" | "place" | "publication" | "name" | "pronoun" (words "")
    gender: str | None = None


@dataclass
class Focus:
    """Who the text is about so far in an article, and where that was last said. A source the
    text leaves unnamed ("un chiraquien s'est souvenu …") is in focus too: the "-t-il" that
    follows refers to it, not to the last person named."""
    speaker: str | Unnamed | None = None      # the last actor quoted or reported speaking
    speaker_at: tuple[int, int] = (-1, -1)
    person: str | Unnamed | None = None       # the last person named as a subject or speaker
    person_at: tuple[int, int] = (-1, -1)
    answerer: str | None = None      # in an interview, who answers the questions
    people: list = field(default_factory=list)   # persons in focus so far, latest last
    seen_at: dict = field(default_factory=dict)   # where each person in focus was last seen
    learned: dict = field(default_factory=dict)   # genders the pronouns taught, for the dossier's ungendered
    sentence: int = 0                # how many sentences of the article were read so far
    subject: str | None = None       # the last named person who was a subject or a speaker,
    subject_sentence: int = -2       # in which sentence,
    subject_at: tuple[int, int] = (-1, -1)   # and where
    # the last sentence whose main verb has no subject the parser could read ("…",un chiraquien
    # s'est souvenu …" glued into one word): who "il" is next is not known
    lost_sentence: int = -2

    def spoke(self, actor: str | Unnamed, at: tuple[int, int], cast: Cast, anchor: bool = True) -> None:
        """`at`: where they were last named or, for a quote, where it ends: the names inside a
        speaker's own quote ("« J'ai vu mon ami Lavrov », dit X") bring no one in. The sentence's
        subject, read after its quotes, does not move it back."""
        if actor == self.speaker:
            at = max(at, self.speaker_at)
        self.speaker, self.speaker_at = actor, at
        if isinstance(actor, Unnamed) or cast.is_person(actor):
            self.see(actor, at, anchor)

    def see(self, actor: str | Unnamed, at: tuple[int, int], anchor: bool = True) -> None:
        """`anchor`: a main clause's subject, which a role just after may refer back to; the
        subject of a relative clause ("devant le PS de X, qui subit un revers") is not."""
        self.person, self.person_at = actor, at
        self.seen_at[actor] = at
        if isinstance(actor, str) and anchor:
            at = max(at, self.subject_at) if actor == self.subject else at
            self.subject, self.subject_sentence, self.subject_at = actor, self.sentence, at
        if actor in self.people:
            self.people.remove(actor)
        self.people.append(actor)

    def kept(self, gender: str | None, cast: Cast) -> None:
        """A pronoun subject of the gender of the last named subject, still the person in focus,
        refers to them: the chain of subjects goes on ("X … Joint par téléphone, il s'est
        refusé …"). Read only, nothing learned: that is for the pronouns of attributions."""
        who = self.subject
        if who is not None and who == self.person and gender and \
                self.learned.get(who, cast.gender(who)) in (None, gender):
            self.subject_sentence = self.sentence

    def impersonal(self) -> None:
        """A sentence whose subject is an impersonal "il" ("Il lui est reproché …") names no one:
        the last named subject, still the person in focus, stays the subject."""
        if self.subject is not None and self.subject == self.person:
            self.subject_sentence = self.sentence

    def person_of(self, gender: str | None, cast: Cast, named: list[str], block: int):
        """The person a pronoun refers to: the latest in focus whose gender is not another
        one, else the latest named so; seen in this block or the `PRONOUN_REACH` before (a
        person of paragraphs ago is not "elle")."""
        if gender is None:
            return self.person
        recent = [a for a in self.people if block - self.seen_at.get(a, (-99, 0))[0] <= PRONOUN_REACH]
        for pool in (recent, named):
            for actor in reversed(pool):
                if self.learned.get(actor, gender_of(actor, cast)) in (None, gender):
                    # "écrit-elle" said it: a later "il" is someone else
                    self.learned.setdefault(actor, gender)
                    return actor
        return None

    def recent(self, block: int, at: int, cast: Cast, reading: "BlockReading") -> str | Unnamed | None:
        """For a quote no words attribute: the last speaker (quoted, or the subject of a
        sentence that says they spoke), when in this block or the one before and no other
        person was named since: the next quote of a speech goes on."""
        who, (b, offset) = self.speaker, self.speaker_at
        if who is None or block - b > FOCUS_REACH:
            return None
        for n in range(b, block + 1):
            since = cast.named(reading.article.id, n, offset if n == b else 0, at if n == block else 10 ** 9)
            if any(p.actor != who and cast.is_person(p.actor) for p in since):
                return None
        return who


def named_next(quotes: list[Quote], cast: Cast) -> None:
    """A quote of a block that nothing attributes, not even to a source left unnamed, takes the
    speaker of the block's next quote when that speaker is the first person the block names
    after it ("… jamais pris au sérieux : « A ». En revanche, … « B », détaille Mme X"): the
    writer names once, after the first quote, who speaks. Never across another person named."""
    for quote, following in zip(quotes, quotes[1:]):
        if quote.speaker or quote.source_text or quote.evidence or following.block != quote.block \
                or not cast.is_person(following.speaker) or not following.evidence.startswith(("verb", "source")):
            continue
        after = sorted(cast.named(quote.article, quote.block, quote.end, 10 ** 9), key=lambda p: p.start)
        people = [p.actor for p in after if cast.is_person(p.actor)]
        if people and people[0] == following.speaker:
            quote.speaker, quote.evidence = following.speaker, "named next"


def gender_of(who, cast: Cast) -> str | None:
    return who.gender if isinstance(who, Unnamed) else cast.gender(who)


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
