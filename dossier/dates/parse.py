"""The one reader of date expressions that name a day by themselves, shared by the timeline and
by cleaning's date lines (issue 16: one date parser instead of two).

`own_date` places an expression found in a sentence without any reference: only its own words
count, so "le 11 novembre 2021" gives 2021-11-11 and "le 11 novembre" nothing. `parse_day` reads a
date line or a byline's date ("vendredi 1er septembre 2023", "14.09.2020", "09/08/23") with the
same regex and the same resolution. A date line in another language ("Nov 19, 2019" on an English
page) has no French words for that regex: dateparser, the well-kept library, reads those.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .resolve import Context, Found, resolve
from .words import pattern

# The kinds of expressions that can name a day with its year (a month or a year alone is no day).
DAY_KINDS = ("iso", "numeric", "date")
# What a date line needs before dateparser is asked: a year, or a numeric date. "aujourd'hui",
# "hier", "il y a 2 heures" are relative to a day the line does not give.
DATED = re.compile(r"\b\d{4}\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def own_date(found: Found) -> str | None:
    """The date an expression names by itself, year included; None if its year is not said."""
    return resolve(replace(found, anchor=None), Context(None, None))


def parse_day(text: str | None) -> str | None:
    """The day (YYYY-MM-DD) the first full date of `text` names; None if it names none."""
    if not text:
        return None
    for match in pattern().finditer(text):
        if match.lastgroup in DAY_KINDS:
            when = own_date(Found(match, 0, (0, len(text))))
            if when:
                return when
    return _other_language(text) if DATED.search(text) else None


def _other_language(text: str) -> str | None:
    import dateparser  # imported here: a heavy library, only for the rare date line not in French

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text.strip(" ,|•-"), languages=["fr", "en"], settings=settings)
    return parsed.strftime("%Y-%m-%d") if parsed else None
