"""The words of French date expressions (dossier/data/date_words.yml) and the one regex that
finds them in a sentence.

Each alternative of the regex is a kind of expression, named by its group: a day ("le 11
novembre 2021"), a range or a list of days or months ("entre le 27 et le 31 mars 2022", "les
25/11, 30/11 et 02/12"), a month, a year, or a day counted from the day of writing ("jeudi",
"hier", "il y a deux jours").
"""
from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from ..text import fold, load_data


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


# Unnamed parts, for the lists and ranges whose items are read again by ITEMS.
DAY = r"(?<!\d)(?:1er|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
NUMERIC_DAY = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?!\d)"


def month_words() -> str:
    return rf"(?:{_alternatives(words()['months'])})\.?"


@lru_cache(maxsize=1)
def item_patterns() -> dict[str, re.Pattern]:
    """The items of a list or range, read one by one from its text: days with their month and
    year where given, numeric days ("25/11"), months."""
    month = month_words()
    return {
        "day": re.compile(rf"(?P<d>{DAY})(?:\s+(?P<m>{month}))?(?:\s+(?P<y>{YEAR}))?", re.IGNORECASE),
        "numeric": re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?(?!\d)"),
        "month": re.compile(rf"(?P<m>{month})(?:\s+(?P<y>{YEAR}))?", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    w = words()
    month = rf"(?P<{{}}>{_alternatives(w['months'])})\.?"
    day = r"(?P<{}>1er|[12]\d|3[01]|0?[1-9])"
    year = r"(?P<{}>(?:1[89]|20)\d\d)"
    any_month = month_words()
    qualifiers = _alternatives(w["past"] + w["future"])
    qualifier = rf"(?:\s+(?P<qual>{qualifiers}))?"
    weekday = rf"(?P<{{}}>{_alternatives(w['weekdays'])})"
    deictic = rf"(?P<{{}}>{_alternatives(w['deictic'])})\s+"
    a_day = rf"{DAY}(?:\s+{any_month}(?:\s+{YEAR})?)?"       # a day, its month and year if said
    a_weekday = rf"(?:(?:{_alternatives(w['weekdays'])})\s+)?"   # "du lundi 3 au vendredi 7 juin"
    forms = {
        # "entre le 21 juin et le 15 novembre 2019", "entre le 27 et le 31 mars 2022"
        "between": rf"entre\s+(?:le\s+)?{a_weekday}{a_day}\s+et\s+(?:le\s+)?{a_weekday}{DAY}\s+{any_month}(?:\s+{YEAR})?",
        # "du 2 au 8 novembre", "du lundi 3 au vendredi 7 juin"; "la nuit du 4 au 5 janvier" is the first day only
        "range": rf"(?P<night>(?:la\s+)?nuit\s+)?du\s+{a_weekday}{a_day}\s+au\s+{a_weekday}{DAY}\s+{any_month}(?:\s+{YEAR})?",
        # "entre juin et septembre 2019", "de janvier à mars 2021": a start and an end
        "monthspan": rf"(?:entre\s+{any_month}\s+et|(?:de|d['’])\s*{any_month}\s+à)\s+{any_month}\s+{YEAR}",
        # "les 27 et 28 juillet 2023", "les 25/11, 30/11 et 02/12 prochains"
        "days": rf"les\s+(?:{DAY}(?:\s*,\s*{DAY})*\s+et\s+{DAY}\s+{any_month}(?:\s+{YEAR})?"
                rf"|{NUMERIC_DAY}(?:\s*,\s*{NUMERIC_DAY})*\s+et\s+{NUMERIC_DAY})"
                rf"(?:\s+(?P<lqual>{qualifiers}))?",
        # "en février et mai 2018", "en mars puis en juin 2019"
        "months": rf"(?:en|de|d['’])\s*{any_month}(?:\s*,\s*(?:en\s+)?{any_month})*"
                  rf"\s+(?:{_alternatives(w['month_list_joiners'])})\s+(?:en\s+)?{any_month}\s+{YEAR}",
        # "entre 1998 et 2004", "de 1998 à 2012" (reading.py declines "entre 1800 et 2000 euros")
        "yearspan": rf"(?:entre\s+{YEAR}\s+et|de\s+{YEAR}\s+à)\s+{YEAR}",
        "iso": r"(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})",
        # "11/11/2021", "14.09.2020"; a year of two digits only with slashes ("09/08/23"): "3.10.12"
        # is a version number more often than a date
        "numeric": r"(?P<nday>\d{1,2})(?P<nsep>[/.])(?P<nmonth>\d{1,2})(?P=nsep)(?P<nyear>\d{4}|(?<=/)\d\d)",
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


@lru_cache(maxsize=None)
def folded(kind: str) -> dict:
    """One kind of date_words.yml, its words folded: word → its value (None for a list's words)."""
    entries = words()[kind]
    return {fold(w): (entries[w] if isinstance(entries, dict) else None) for w in entries}


def month_number(name: str) -> int:
    name = fold(name).rstrip(".")
    return int(name) if name.isdigit() else folded("months")[name]


@lru_cache(maxsize=None)
def cue(kind: str) -> re.Pattern:
    """Words of `kind` right before an expression ("d'ici", "depuis le"), read at its start."""
    return re.compile(rf"(?<![\w'’-])(?:{_alternatives(words()[kind])})\s*(?:(?:le|l['’])\s+)?$", re.IGNORECASE)
