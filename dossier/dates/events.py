"""The dossier's events: each date expression of an article placed in time, with its sentence,
its actors, its kind (a day, an end of a range, a start that lasts) and its verb's tense.

An expression without its year takes it from its context (resolve.py); one relative to the day
of writing ("jeudi", "hier") needs the article's date, given or inferred from the dates the
article carries. The same sentence at the same date in two articles (a wire copy) is one event.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Callable

from ..cast import Cast
from ..models import Actor, Analysis, Article, Event
from ..text import fold, load_data
from .parse import own_date
from .reading import LEDE, block_text, find_expressions
from .resolve import SINCE, Context, Found, resolve_all
from .tense import FUTURE
from .words import folded, pattern

INFERRED = "déduite du texte"
# Expressions that name a day by themselves, not counted from the day of writing.
ABSOLUTE_DAYS = ("iso", "numeric", "date", "between", "range", "days")


def settings() -> dict:
    return load_data("date_words.yml")["events"]


def dossier_year(articles: list[Article], found: dict[str, list[Found]]) -> int | None:
    """The year most of the dossier's known dates fall in: articles' dates and full dates."""
    years = Counter(int(a.date[:4]) for a in articles if a.date)
    for expressions in found.values():
        for f in expressions:
            # Only dates that carry their year: resolving without a reference keeps just those.
            if f.kind in ABSOLUTE_DAYS and not f.anchor and (when := own_date(f)):
                years[int(when[:4])] += 1
    return years.most_common(1)[0][0] if years else None


def find_events(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Event]:
    named = _namer(actors)
    found = {a.id: find_expressions(a, analyses[a.id]) for a in articles if a.id in analyses}
    year = dossier_year(articles, found)
    events: list[Event] = []
    for article in articles:
        expressions = found.get(article.id, [])
        ref = date.fromisoformat(article.date) if article.date else _writing_day(article, expressions, year)
        events += _unique(_events(article, expressions, Context(ref, year), named))
    return _once(sorted(events, key=lambda e: e.date))


def _writing_day(article: Article, expressions: list[Found], year: int | None) -> date | None:
    """The day an undated article was most likely written: from the dates that carry their year
    (or weekday) first, else from those the dossier's year places."""
    absolute = [f for f in expressions if not f.relative]
    own = [f for f in absolute if carries_year(f)]
    for chosen in (own, absolute):
        guess = writing_day(_events(article, chosen, Context(None, year), None))
        if guess:
            return date.fromisoformat(guess)
    return None


def carries_year(found: Found) -> bool:
    """Whether an expression places itself without a reference: its year is said, or its
    weekday gives it ("mercredi 6 octobre")."""
    if found.kind == "date" and found.group("dweekday"):
        return True
    return own_date(found) is not None


def _events(article: Article, expressions: list[Found], context: Context,
            named: Callable[[str, Found], list[str]] | None) -> list[Event]:
    events = []
    for f in expressions:
        placed = resolve_all(f, context)
        if not placed:
            continue
        text = _sentence(block_text(article, f.block), f)
        if text is None:
            continue
        who = [] if named is None else named(article.id, f)
        events += [Event(when, article.id, text, who, f.match.group(0), kind, f.tense) for when, kind in placed]
    return events


def _namer(actors: list[Actor]) -> Callable[[str, Found], list[str]]:
    """The actors named in an expression's sentence, in order: from the cast's places in a
    block, from the actors' mentions in the lede (the cast indexes blocks only)."""
    cast = Cast(actors)
    ledes: dict[str, list[tuple[str, int, int]]] = {}
    for actor in actors:
        for m in actor.mentions:
            if m.part == "lede":
                ledes.setdefault(m.article, []).append((actor.id, m.start, m.end))

    def named(article: str, found: Found) -> list[str]:
        start, end = found.sentence
        if found.block == LEDE:
            places = sorted((s, who) for who, s, e in ledes.get(article, []) if s < end and e > start)
            return list(dict.fromkeys(who for _, who in places))
        return list(dict.fromkeys(p.actor for p in cast.named(article, found.block, start, end)))
    return named


def _sentence(text: str, found: Found) -> str | None:
    """The event's text: its sentence, or with the sentence after it when it is a fragment
    ("Mai 2017.", "Mardi,"); None for a fragment alone in its block (a heading's date)."""
    start, end = found.sentence
    rest = text[start:end].replace(found.match.group(0), " ")
    if len(re.findall(r"\w+", rest)) >= settings()["fragment_words"]:
        return text[start:end]
    more = text[end:].strip()
    if len(re.findall(r"\w+", more)) < settings()["fragment_words"]:
        return None
    return text[start:].strip() if len(more) < 400 else text[start:end] + " " + more[:400].rsplit(" ", 1)[0] + "…"


def _unique(events: list[Event]) -> list[Event]:
    seen, kept = set(), []
    for event in events:
        key = (event.date, event.text)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _once(events: list[Event]) -> list[Event]:
    """One event for the same date and nearly the same sentence (the share of words in common,
    settings' `same_sentence`), in several articles (a wire copy) or twice in one (a lede the
    body repeats): the first one's."""
    kept: list[Event] = []
    of_date: dict[str, list[set[str]]] = {}      # date → the words of its kept events
    threshold = settings()["same_sentence"]
    for event in events:
        words = set(re.findall(r"\w+", fold(event.text)))
        same_day = of_date.setdefault(event.date, [])
        if not any(_overlap(words, other) >= threshold for other in same_day):
            kept.append(event)
            same_day.append(words)
    return kept


def _overlap(first: set[str], second: set[str]) -> float:
    return len(first & second) / max(1, len(first | second))


def writing_day(events: list[Event]) -> str | None:
    """The day an article was most likely written, from its own dates: one said to be "ce"
    day ("ce 25 septembre"), else the latest day it names that is not announced as to come."""
    days = [e for e in events if len(e.date) == 10 and _kind(e.expression) in ABSOLUTE_DAYS
            and e.tense != FUTURE and e.kind != SINCE]
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

