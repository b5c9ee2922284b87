"""The data that flows between pipeline stages: plain dataclasses, JSON-friendly.

ingest → RawArticle · clean → Article · analyse → Analysis · resolve → Actor
· quotes → Quote · dates → Event · topics → Topic · all together → Dossier
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RawArticle:
    """An input file as read from seeds/, before any cleaning."""
    id: str
    path: Path
    format: str                      # "txt" | "html" | "md"
    text: str                        # visible text (txt, md body) or "" for html
    html: str | None = None          # the saved page, for html inputs
    meta: dict = field(default_factory=dict)   # front matter / sidecar YAML, wins over inference
    cut: bool = False                # only the start of a file far longer than an article was kept


@dataclass
class Block:
    kind: str                        # "paragraph" | "heading" | "quote" | "caption"
    text: str
    # Kept on weak evidence: the cleaning was unsure whether the line is the article's or the
    # page's (a lost paragraph is worse than a leaked caption); the page marks it discreetly.
    doubtful: bool = False


@dataclass
class Article:
    """A cleaned article: structure, metadata and what was taken out."""
    id: str
    title: str
    blocks: list[Block]
    removed: list[str] = field(default_factory=list)
    lede: str | None = None
    source: str | None = None
    date: str | None = None          # "YYYY-MM-DD"
    url: str | None = None           # the original web address, when known
    author: str | None = None
    title_made: bool = False         # True when the title was made from the text
    origins: dict[str, str] = field(default_factory=dict)   # field → where its value came from
    path: str = ""                   # input file, relative to the seeds folder


@dataclass(slots=True)
class Token:
    i: int                           # index in its block
    text: str
    idx: int                         # character offset in the block's text
    lemma: str
    pos: str
    dep: str
    head: int                        # index of the syntactic head in the block
    morph: str = ""


@dataclass(slots=True)
class Entity:
    """A named-entity span found by the model in one block."""
    text: str
    label: str                       # spaCy label: PER, ORG, LOC, MISC
    start: int                       # character offsets in the block's text
    end: int
    token_start: int
    token_end: int


@dataclass(slots=True)
class BlockAnalysis:
    tokens: list[Token]
    sentences: list[tuple[int, int]]   # token ranges [start, end)
    entities: list[Entity]


@dataclass
class Analysis:
    """spaCy's reading of an article, one entry per block of the cleaned article, and its lede."""
    article_id: str
    blocks: list[BlockAnalysis]
    lede: BlockAnalysis | None = None
    # What the lemmatizer's dictionary says of each capitalised word, by its lower-case form
    # (lexicon.py: CONJUGATED, COMMON bits)
    dictionary: dict[str, int] = field(default_factory=dict)
    cached: bool = False             # read from the cache, not by the model in this build


@dataclass
class Mention:
    """Where an actor is named: article, block, character span, and its sentence."""
    article: str
    block: int
    start: int
    end: int
    text: str
    sentence: str
    # Where the name is: "block" (article.blocks[block]); "title" or "lede" (block is -1 and
    # start/end are offsets in article.title / article.lede).
    part: str = "block"


@dataclass
class Role:
    text: str                        # e.g. "ministre russe des Affaires étrangères"
    article: str


@dataclass
class Actor:
    id: str                          # slug, stable across rebuilds
    name: str
    type: str                        # "person" | "organization" | "place" | "event"
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    description: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})


@dataclass
class SuspectedMerge:
    """Two actors that may be one, left apart for the user to confirm in the registry."""
    first: str
    second: str
    reason: str


@dataclass
class Quote:
    article: str
    block: int
    text: str                        # the quoted words, without quotation marks
    speaker: str | None              # actor id
    start: int = 0                   # character offsets of the quoted words in the block
    end: int = 0
    context: str = ""                # the sentence around the quote
    # A source the article describes without naming ("un proche de l'Élysée", "le communiqué"),
    # in its own words: then `speaker` is None and the page says "source non identifiée : …".
    source_text: str | None = None
    # Which evidence named the speaker (or declined to): "verb", "source", "colon", "caption",
    # "dialogue", "continued", "focus"; "" when nothing in the text attributes the quote.
    evidence: str = ""


@dataclass
class Event:
    date: str                        # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    article: str
    text: str                        # the sentence that carries the date
    actors: list[str] = field(default_factory=list)
    expression: str = ""             # the words that gave the date, e.g. "ce 25 septembre"
    # What the date is to the event: "on" (it happened or happens then), "start" / "end" (an end
    # of a range: "du 2 au 8 novembre" gives two events), "since" ("depuis 2013": a state that
    # began then and lasts, not an event of 2013)
    kind: str = "on"
    tense: str = ""                  # of the verb the date hangs on: "past" | "present" | "future" | ""


@dataclass
class TopicEntry:
    article: str
    block: int
    text: str
    speaker: str | None = None
    kind: str = "paragraph"          # "paragraph" | "quote": a statement, even when its speaker is unknown
    source_text: str | None = None   # an unidentified statement's source, in the article's words


@dataclass
class Topic:
    id: str
    name: str
    keywords: list[str]
    entries: list[TopicEntry] = field(default_factory=list)


@dataclass
class Problem:
    """Bad input: the file, what is wrong. The build goes on with the rest."""
    path: str
    message: str


@dataclass
class BuildStats:
    """What a build did: articles the model read (the others came from the cache), their
    tokens, and the seconds each stage took."""
    analysed: int = 0
    tokens: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Dossier:
    articles: list[Article]
    actors: list[Actor]
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    suspected_merges: list[SuspectedMerge] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stats: BuildStats = field(default_factory=BuildStats)
