"""Reading an article's date expressions: each with its sentence, the tense of its verb, the cue
words around it, and the full date said just before it in its section.

Declined here, as no event: a day counted from writing used as a figure of speech ("ni
aujourd'hui ni demain", "le monde de demain"), or inside quotation marks (a speaker's "demain"
is rhetoric more often than a date), and a feast day named without its year ("les célébrations
du 14 juillet"), and a weekday said as a habit ("chaque jeudi", "le marché du samedi").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Analysis, Article, BlockAnalysis
from ..text import fold
from .parse import own_date
from .resolve import Found
from .tense import FUTURE, PAST, tense_at
from .words import _alternatives, cue, pattern, words

# Days counted from writing that are declined inside a quotation.
RHETORICAL = ("relday", "relyear", "relmonth")
# The kinds of expressions that carry their year, and so can date what follows them.
# (Not a span of years: "entre 2005 et 2017" is background, and "Le 11 octobre" after it is the
# narrative's year, not 2005.)
WITH_YEAR = ("iso", "numeric", "date", "month", "year", "between", "range", "days", "months", "monthspan")
# How far back a full date still sets the year of a date without one: its own block or the one
# before (in regards.fr's list of affairs, a section's dates run over two paragraphs; a date
# four paragraphs further on is the day of writing's again).
ANCHOR_BLOCKS = 1
# The block number of an expression read in the lede (as a Mention's block for the lede).
LEDE = -1
# How a sentence ends: a stop, or a closing quotation mark or bracket after one.
SENTENCE_END = re.compile(r"[.!?…:;]\W*$|[»”\")]$")
QUOTES = re.compile(r"«[^»]*»|“[^”]*”")


def find_expressions(article: Article, analysis: Analysis) -> list[Found]:
    """The article's date expressions in reading order: the lede's first (a news lede often
    carries the day of the main event: "a reçu en audience, le jeudi 31 août 2023, …"), then
    each block's."""
    texts = [(b, block.text, reading) for b, (block, reading) in enumerate(zip(article.blocks, analysis.blocks))]
    if article.lede and analysis.lede:
        texts.insert(0, (LEDE, article.lede, analysis.lede))
    found: list[Found] = []
    for b, text, reading in texts:
        quoted = [m.span() for m in QUOTES.finditer(text)]
        for start, end in _sentence_spans(text, reading):
            for match in pattern().finditer(text, start, end):
                if _declined(match, text, quoted) or _quantity(match, reading):
                    continue
                found.append(_read(match, b, (start, end), text, reading))
    _same_weekdays(found)
    _set_anchors(found, article)
    return found


def _quantity(match: re.Match, reading: BlockAnalysis) -> bool:
    """A span of years that is a span of numbers ("entre 1800 et 2000 euros"): its last number
    counts a noun, the parser's `nummod` or the word right after it (the parser often hangs
    "2000 personnes" otherwise)."""
    if match.lastgroup != "yearspan":
        return False
    last = match.end() - 4
    tokens = reading.tokens
    at = next((i for i, t in enumerate(tokens) if t.idx == last), None)
    if at is None:
        return False
    return tokens[at].dep == "nummod" or (at + 1 < len(tokens) and tokens[at + 1].pos == "NOUN")


def _same_weekdays(found: list[Found]) -> None:
    """A weekday whose tense nothing tells ("le sommet de jeudi doit décider") is the day the same
    weekday names where a verb or a cue gives its direction ("se réuniront jeudi"): one article's
    "jeudi" is one day."""
    told = {fold(f.group("wday")): f.future for f in found if f.kind == "weekday" and f.tense and not f.group("wqual")}
    for f in found:
        if f.kind == "weekday" and not f.tense and not f.future and not f.group("wqual") and not f.group("wdeictic"):
            f.future = told.get(fold(f.group("wday")), False)


def block_text(article: Article, block: int) -> str:
    """The text of an expression's block: LEDE is the article's lede."""
    return article.lede or "" if block == LEDE else article.blocks[block].text


def _sentence_spans(text: str, reading: BlockAnalysis) -> list[tuple[int, int]]:
    """The character spans of the block's sentences. A "sentence" with no final stop inside a
    paragraph, or one the next "sentence" continues (it opens in lower case, with a closing
    bracket, a comma), is the parser's cut inside a sentence ("… en libre | -service sans
    ancrage | ont enregistré 365 000 déplacements", "rue Las | Cases à Paris", "avec cette
    double (triple ! | ) casquette, Alexis Kohler a…"): the two are one, or the event's text
    would be a fragment."""
    spans: list[tuple[int, int]] = []
    for first, last in reading.sentences:
        end_token = reading.tokens[last - 1]
        start, end = reading.tokens[first].idx, end_token.idx + len(end_token.text)
        if spans and (_runs_on(text[start:start + 1]) or not SENTENCE_END.search(text[spans[-1][0]:spans[-1][1]])):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _runs_on(first: str) -> bool:
    """No sentence opens in lower case or with a closing bracket or a comma."""
    return first.islower() or first in ")],;:"


def _read(match: re.Match, block: int, sentence: tuple[int, int], text: str, reading: BlockAnalysis) -> Found:
    before = text[max(0, match.start() - 30):match.start()]
    tense = tense_at(reading.tokens, match.start())
    until = bool(cue("until_cues").search(before))
    if match.lastgroup == "weekday" and cue("of_a_noun").search(before) and not until:
        tense = ""                   # "la soirée électorale de dimanche restera": the noun's day, not the verb's
    said = match.group(0).split()[0].lower()
    since = bool(cue("since_cues").search(before)) or said in {w.lower() for w in words()["since_cues"]}
    # "depuis jeudi" starts before the day of writing, whatever the verb ("attend depuis jeudi")
    future = not since and (tense == FUTURE or bool(cue("future_cues").search(before)) or (tense != PAST and until))
    return Found(match, block, sentence, tense, future, since)


def _declined(match: re.Match, text: str, quoted: list[tuple[int, int]]) -> bool:
    kind = match.lastgroup
    before = text[max(0, match.start() - 30):match.start()]
    if kind in RHETORICAL:
        if any(s <= match.start() < e for s, e in quoted):
            return True
        after = text[match.end():match.end() + 5]
        if cue("figurative_before").search(before) or re.match(rf"\s*(?:{_alternatives(words()['figurative_after'])})\b",
                                                              after, re.IGNORECASE):
            return True
    if kind == "weekday" and _habitual(before):
        return True
    return kind == "date" and not match.group("dyear") and bool(_feast().search(before))


def _habitual(before: str) -> bool:
    """A weekday said as a habit ("chaque jeudi", "le marché du samedi", "ouvert le dimanche"),
    not in one day's part ("dans la nuit du samedi au dimanche")."""
    return bool(cue("habitual_before").search(before)) and not _one_day_part().search(before)


@lru_cache(maxsize=1)
def _one_day_part() -> re.Pattern:
    return re.compile(rf"(?<![\w'’-])(?:{_alternatives(words()['one_day_parts'])})\s+du\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _feast() -> re.Pattern:
    return re.compile(rf"(?<![\w'’-])(?:{_alternatives(words()['feast_words'])})\s+(?:du|de\s+la|de)\s*$",
                      re.IGNORECASE)


def _set_anchors(found: list[Found], article: Article) -> None:
    """Give each expression the last full date said before it, in its block or the block before
    (not across a heading): the year a narrative has reached."""
    last: tuple[int, str] | None = None
    for f in found:
        if last and (f.block - last[0] > ANCHOR_BLOCKS or _heading_between(article, last[0], f.block)):
            last = None
        f.anchor = last[1] if last else None
        if f.kind in WITH_YEAR and not f.since and not f.future and (when := own_date(f)):
            last = (f.block, when)


def _heading_between(article: Article, first: int, last: int) -> bool:
    return any(article.blocks[b].kind == "heading" for b in range(first + 1, last + 1))
