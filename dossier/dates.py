"""Dates: dated events in the text, for the timeline, and the date of undated articles.

Each sentence is read for French date expressions (words in dossier/data/date_words.yml), each
resolved with its precision: "le 11 novembre 2021" → 2021-11-11, "en juin" → YYYY-06,
"fin 2014" → 2014. An expression without its year takes it from the article's date, or else
from the dossier (the year most of its dates fall in); one relative to the day of writing
("jeudi", "hier", "il y a deux jours") needs the article's date, given or inferred.

dateparser is not used: it misses elisions ("d'août 2020"), "dernier"/"prochain" and the
weekday of the reference date, which are the commonest forms in news copy.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

from unidecode import unidecode

from .models import Actor, Analysis, Article, BlockAnalysis, Event, Token
from .cast import Cast
from .text import fold, load_data

INFERRED = "déduite du texte"
# Expressions that name a day by itself, not counted from the day of writing.
ABSOLUTE_DAYS = ("iso", "numeric", "date", "range")


def words() -> dict:
    return load_data("date_words.yml")


def _alternatives(items) -> str:
    """A regex alternation of words, accents optional, either apostrophe, longest first.

    The words are grouped by their first letter ("j(?:anvier|uillet|anv|uil)"): at each place
    the regex engine then tries one group, not every word. Words whose first letters differ
    (case aside: the pattern ignores it) cannot match at the same place, so the grouping keeps
    the only order that matters, the longest first among the words of one letter."""
    forms = {f for w in items for f in (w, unidecode(w))}
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        groups.setdefault(form[:1].lower(), []).append(form)
    return "|".join(_escaped(group[0][:1]) + "(?:" + "|".join(_escaped(f[1:]) for f in group) + ")"
                    for group in groups.values())


def _escaped(text: str) -> str:
    """A text as a regex, either apostrophe and any run of spaces matching its own."""
    return re.escape(text).replace("'", "['’]").replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    w = words()
    month = rf"(?P<{{}}>{_alternatives(w['months'])})\.?"
    day = r"(?P<{}>1er|[12]\d|3[01]|0?[1-9])"
    year = r"(?P<{}>(?:1[89]|20)\d\d)"
    qualifiers = _alternatives(w["past"] + w["future"])
    qualifier = rf"(?:\s+(?P<qual>{qualifiers}))?"
    weekday = rf"(?P<{{}}>{_alternatives(w['weekdays'])})"
    deictic = rf"(?P<{{}}>{_alternatives(w['deictic'])})\s+"
    forms = {
        # "la nuit du 4 au 5 janvier": the first day
        "range": rf"(?:(?:la\s+)?nuit\s+)?du\s+{day.format('rday')}(?:\s+{month.format('rmonth1')})?"
                 rf"\s+au\s+\d{{1,2}}\s+{month.format('rmonth')}(?:\s+{year.format('ryear')})?",
        "iso": r"(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})",
        "numeric": r"(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<nyear>\d{4})",
        "date": rf"(?:{deictic.format('ddeictic')})?(?:{weekday.format('dweekday')}\s+)?"
                rf"{day.format('dday')}\s+{month.format('dmonth')}(?:\s+{year.format('dyear')})?{qualifier}",
        "month": rf"(?:(?P<mword>{_alternatives(w['month_words'])})[\s-]*)?{month.format('mmonth')}"
                 rf"(?:\s+{year.format('myear')})?(?:\s+(?P<mqual>{qualifiers}))?",
        "year": rf"(?P<yword>{_alternatives(w['year_words'])})[\s-]+{year.format('yyear')}",
        "ago": rf"il\s+y\s+a\s+(?P<count>\d+|{_alternatives(w['numbers'])})"
               rf"\s+(?P<unit>{_alternatives(w['units'])})",
        "relyear": _alternatives(w["this_year"] + w["last_year"] + w["next_year"]),
        "relmonth": rf"(?:{_alternatives(w['last_month'] + w['next_month'])}"
                    rf"|(?:{_alternatives(w['this_month'])})(?!\s+(?:de\b|d['’])))",
        "relday": _alternatives(w["days_from_writing"]),
        # not "vendredi 20 et samedi 21 septembre": a weekday before a day number is no relative day
        # "dans la nuit de samedi à dimanche": the first day, as with "la nuit du 4 au 5"
        "weekday": rf"(?:{deictic.format('wdeictic')})?{weekday.format('wday')}(?!\s+\d)"
                   rf"(?:\s+(?:à|a|au)\s+(?:{_alternatives(w['weekdays'])})(?!\s+\d))?"
                   rf"(?:\s+(?:soir|matin|midi|après-midi|apres-midi))?"
                   rf"(?:\s+(?P<wqual>{qualifiers}))?",
    }
    body = "|".join(f"(?P<{kind}>{form})" for kind, form in forms.items())
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE)


# --- one date expression ------------------------------------------------------------------

@dataclass
class Found:
    """A date expression in a sentence, before its resolution."""
    match: re.Match
    block: int
    sentence: tuple[int, int]        # character span of its sentence in the block
    future: bool                     # the verb it hangs on is in the future tense

    @property
    def kind(self) -> str:
        return self.match.lastgroup

    @property
    def relative(self) -> bool:
        """Needs the day of writing, not just a year."""
        return self.kind in ("weekday", "relday", "ago", "relyear", "relmonth")

    def group(self, name: str) -> str | None:
        return self.match.group(name)


@lru_cache(maxsize=None)
def folded(kind: str) -> dict:
    """One kind of date_words.yml, its words folded: word → its value (None for a list's words)."""
    entries = words()[kind]
    return {fold(w): (entries[w] if isinstance(entries, dict) else None) for w in entries}


def month_number(name: str) -> int:
    return folded("months")[fold(name).rstrip(".")]


def _qualifier(found: Found, name: str) -> int:
    """-1 for "dernier", +1 for "prochain", 0 for neither."""
    value = found.group(name)
    if not value:
        return 0
    return -1 if fold(value) in folded("past") else 1


def resolve(found: Found, ref: date | None, year: int | None) -> str | None:
    """The date an expression names, as precise as it says, or None if it cannot be placed."""
    g = found.group
    kind = found.kind
    if kind == "iso":
        return _day(int(g("iyear")), int(g("imonth")), int(g("iday")))
    if kind == "numeric":
        return _day(int(g("nyear")), int(g("nmonth")), int(g("nday")))
    if kind == "range":
        return _day_without_year(found, g("rday"), g("rmonth1") or g("rmonth"), g("ryear"), 0, ref, year)
    if kind == "date":
        qualifier = _qualifier(found, "qual")
        return _day_without_year(found, g("dday"), g("dmonth"), g("dyear"), qualifier, ref, year)
    if kind == "month":
        return _month(found, ref, year)
    if kind == "year":
        return g("yyear")
    if ref is None:
        return None
    return _relative(found, ref)


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _day_without_year(found, day_text, month_text, year_text, qualifier, ref, year) -> str | None:
    day = 1 if fold(day_text) == "1er" else int(day_text)
    month = month_number(month_text)
    if year_text:
        return _day(int(year_text), month, day)
    if ref is None:
        return _day(year, month, day) if year else None
    candidates = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := _day(y, month, day))]
    return _pick(candidates, ref, qualifier, found.future)


def _pick(candidates: list[str], ref: date, qualifier: int, future: bool) -> str | None:
    """The occurrence meant: before the reference for "dernier", after for "prochain",
    else the nearest, in the future only when the verb is."""
    ref_text = ref.isoformat()[:len(candidates[0])] if candidates else ""
    if qualifier < 0:
        before = [c for c in candidates if c <= ref_text]
        return before[-1] if before else None
    if qualifier > 0 or future:
        after = [c for c in candidates if c >= ref_text]
        return after[0] if after else None
    return min(candidates, key=lambda c: abs(_distance(c, ref)), default=None)


def _distance(text: str, ref: date) -> int:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return (date(parts[0], parts[1], parts[2]) - ref).days


def _month(found: Found, ref: date | None, year: int | None) -> str | None:
    g = found.group
    if not (g("mword") or g("myear") or g("mqual")):
        return None  # a month name alone ("mars") is too often something else
    if g("mmonth")[0].isupper() and found.match.start() > found.sentence[0]:
        return None  # French months take no capital: "la mission Mars 2020"
    month = month_number(g("mmonth"))
    if g("myear"):
        return f"{g('myear')}-{month:02d}"
    if ref is None:
        return f"{year}-{month:02d}" if year else None
    candidates = [f"{y}-{month:02d}" for y in (ref.year - 1, ref.year, ref.year + 1)]
    return _pick(candidates, ref, _qualifier(found, "mqual"), found.future)


def _relative(found: Found, ref: date) -> str | None:
    g = found.group
    kind = found.kind
    if kind == "relday":
        shift = folded("days_from_writing")[fold(g("relday"))]
        return (ref + timedelta(days=shift)).isoformat()
    if kind == "ago":
        return _ago(g("count"), g("unit"), ref)
    if kind == "relyear":
        said = fold(g("relyear"))
        shift = -1 if said in folded("last_year") else 1 if said in folded("next_year") else 0
        return str(ref.year + shift)
    if kind == "relmonth":
        said = " ".join(fold(g("relmonth")).split())
        shift = (-1 if said in folded("last_month") else 0 if said in folded("this_month") else 1)
        month = ref.month - 1 + shift
        return f"{ref.year + month // 12}-{month % 12 + 1:02d}"
    return _weekday(found, ref)


def _ago(count: str, unit: str, ref: date) -> str:
    n = int(count) if count.isdigit() else folded("numbers")[fold(count)]
    unit = folded("units")[fold(unit)]
    if unit in ("day", "week"):
        return (ref - timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        month = ref.month - 1 - n
        return f"{ref.year + month // 12}-{month % 12 + 1:02d}"
    return str(ref.year - n)


def _weekday(found: Found, ref: date) -> str:
    """"jeudi" is the latest Thursday up to the day of writing (that day itself if it is a
    Thursday), or the next one when the verb is in the future; "jeudi dernier" and "jeudi
    prochain" exclude the day of writing; "ce jeudi" is the Thursday of that week."""
    weekdays = [fold(d) for d in words()["weekdays"]]
    target = weekdays.index(fold(found.group("wday")))
    back = (ref.weekday() - target) % 7
    qualifier = _qualifier(found, "wqual")
    if found.group("wdeictic") and not qualifier:
        return (ref + timedelta(days=target - ref.weekday())).isoformat()
    if qualifier < 0:
        return (ref - timedelta(days=back or 7)).isoformat()
    if qualifier > 0 or found.future:
        ahead = (target - ref.weekday()) % 7
        return (ref + timedelta(days=ahead or (7 if qualifier else 0))).isoformat()
    return (ref - timedelta(days=back)).isoformat()


# --- reading the articles -----------------------------------------------------------------

def find_expressions(article: Article, analysis: Analysis) -> list[Found]:
    found: list[Found] = []
    for b, (block, reading) in enumerate(zip(article.blocks, analysis.blocks)):
        for start, end in _sentence_spans(reading):
            for match in pattern().finditer(block.text, start, end):
                future = _in_future(reading.tokens, match.start())
                found.append(Found(match, b, (start, end), future))
    return found


def _sentence_spans(reading: BlockAnalysis) -> list[tuple[int, int]]:
    spans = []
    for first, last in reading.sentences:
        end_token = reading.tokens[last - 1]
        spans.append((reading.tokens[first].idx, end_token.idx + len(end_token.text)))
    return spans


def _in_future(tokens: list[Token], offset: int) -> bool:
    """Whether the verb governing the word at `offset` is in the future ("se tiendra jeudi",
    "va se rendre jeudi")."""
    first = bisect_left(tokens, offset, key=attrgetter("idx"))   # the first token from the offset on
    token = tokens[first] if first < len(tokens) else None
    seen = set()
    while token is not None and token.i not in seen and token.pos not in ("VERB", "AUX"):
        seen.add(token.i)
        token = tokens[token.head] if token.head != token.i else None
    if token is None:
        return False
    verbs = [token] + [t for t in tokens if t.head == token.i and t.dep.startswith("aux")]
    return any("Tense=Fut" in t.morph for t in verbs) or any(
        t.lemma == "aller" and "Tense=Pres" in t.morph for t in verbs if t.i != token.i)


def dossier_year(articles: list[Article], found: dict[str, list[Found]]) -> int | None:
    """The year most of the dossier's known dates fall in: articles' dates and full dates."""
    years = Counter(int(a.date[:4]) for a in articles if a.date)
    for expressions in found.values():
        for f in expressions:
            # Only dates that carry their year: resolving without a reference keeps just those.
            if f.kind in ABSOLUTE_DAYS and (when := resolve(f, None, None)):
                years[int(when[:4])] += 1
    return years.most_common(1)[0][0] if years else None


def find_events(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Event]:
    cast = Cast(actors)
    found = {a.id: find_expressions(a, analyses[a.id]) for a in articles if a.id in analyses}
    year = dossier_year(articles, found)
    events: list[Event] = []
    for article in articles:
        expressions = found.get(article.id, [])
        ref = date.fromisoformat(article.date) if article.date else None
        placed = _events(article, [f for f in expressions if not f.relative], ref, year, cast)
        if ref is None and (guess := writing_day(placed)):
            ref = date.fromisoformat(guess)
        placed += _events(article, [f for f in expressions if f.relative], ref, year, cast)
        events += _unique(placed)
    return sorted(events, key=lambda e: e.date)


def _events(article: Article, expressions: list[Found], ref, year, cast: Cast) -> list[Event]:
    events = []
    for f in expressions:
        when = resolve(f, ref, year)
        if when is None:
            continue
        start, end = f.sentence
        text = article.blocks[f.block].text
        named = list(dict.fromkeys(p.actor for p in cast.named(article.id, f.block, start, end)))
        events.append(Event(when, article.id, text[start:end], named, f.match.group(0)))
    return events


def _unique(events: list[Event]) -> list[Event]:
    seen, kept = set(), []
    for event in events:
        key = (event.date, event.text)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def writing_day(events: list[Event]) -> str | None:
    """The day an article was most likely written, from its own dates: one said to be "ce"
    day ("ce 25 septembre"), else the latest day it names that is not announced as to come."""
    days = [e for e in events if len(e.date) == 10 and _kind(e.expression) in ABSOLUTE_DAYS]
    deictic, future = folded("deictic"), folded("future")
    today = [e.date for e in days if fold(e.expression).split()[0] in deictic]
    if today:
        return max(today)
    past = [e.date for e in days if not any(word in future for word in fold(e.expression).split())]
    return max(past, default=None)


def _kind(expression: str) -> str | None:
    match = pattern().fullmatch(expression)
    return match.lastgroup if match else None


def date_articles(articles: list[Article], events: list[Event]) -> None:
    """Give an undated article the day its text says it was written, marked as inferred."""
    of_article: dict[str, list[Event]] = {}
    for event in events:
        of_article.setdefault(event.article, []).append(event)
    for article in articles:
        if article.date:
            continue
        inferred = writing_day(of_article.get(article.id, []))
        if inferred:
            article.date = inferred
            article.origins["date"] = INFERRED
