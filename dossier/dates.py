"""Dates: dated events in the text, for the timeline."""
from __future__ import annotations

import re

from .models import Actor, Analysis, Article, Event

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
FULL_DATE = re.compile(r"\b(\d{1,2}|1er) (" + "|".join(MONTHS) + r") (\d{4})\b", re.IGNORECASE)


def find_events(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Event]:
    events: list[Event] = []
    for article in articles:
        for block in article.blocks:
            for match in FULL_DATE.finditer(block.text):
                day = 1 if match.group(1) == "1er" else int(match.group(1))
                month = MONTHS.index(match.group(2).lower()) + 1
                date = f"{match.group(3)}-{month:02d}-{day:02d}"
                events.append(Event(date, article.id, block.text, [], match.group(0)))
    return events


def date_articles(articles: list[Article], events: list[Event]) -> None:
    """Give an undated article the latest full date its text mentions, marked as inferred."""
    for article in articles:
        if article.date:
            continue
        found = sorted(e.date for e in events if e.article == article.id and len(e.date) == 10)
        if found:
            article.date = found[-1]
            article.origins["date"] = "déduite du texte"
