"""One date expression placed in time: the day, month or year it names, as precise as it says.

"le 11 novembre 2021" → 2021-11-11, "en juin" → YYYY-06, "fin 2014" → 2014. A range or a list
gives one date per item ("du 2 au 8 novembre" → its two ends). An expression without its year
takes it from, in order: its weekday ("mercredi 6 octobre" is a Wednesday only in some years),
"dernier"/"prochain" or a verb in the future counted from the day of writing, the full date
just before it in the same section (a narrative moves forward: "Début février 2019 … Le 11
octobre" is 2019-10-11), the day of writing (the nearest occurrence), the dossier's year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..text import fold
from .tense import PAST
from .words import folded, item_patterns, month_number, words

# The kinds of dates an expression gives, as Event.kind.
ON, START, END, SINCE = "on", "start", "end", "since"
MULTI = ("between", "range", "days", "months", "monthspan")
# How far from the year of reference a weekday is looked for ("mercredi 6 octobre": the
# nearest year in which 6 October is a Wednesday; one comes back every 6 to 11 years).
WEEKDAY_YEARS = 6


@dataclass
class Found:
    """A date expression in a sentence, before its resolution."""
    match: re.Match
    block: int
    sentence: tuple[int, int]        # character span of its sentence in the block
    tense: str = ""                  # of the verb it hangs on: "past" | "present" | "future" | ""
    future: bool = False             # to come: the verb is in the future, or "d'ici jeudi"
    since: bool = False              # "depuis 2013", "depuis le 19 janvier"
    anchor: str | None = None        # the full date said just before it in its section

    @property
    def kind(self) -> str:
        return self.match.lastgroup

    @property
    def relative(self) -> bool:
        """Needs the day of writing, not just a year."""
        return self.kind in ("weekday", "relday", "ago", "relyear", "relmonth")

    def group(self, name: str) -> str | None:
        return self.match.group(name)


@dataclass(frozen=True)
class Context:
    ref: date | None                 # the day of writing
    year: int | None                 # the dossier's year, for an article without a date


def _qualifier(found: Found, name: str) -> int:
    """-1 for "dernier", +1 for "prochain", 0 for neither."""
    value = found.group(name)
    if not value:
        return 0
    return -1 if fold(value) in folded("past") else 1


def resolve_all(found: Found, context: Context) -> list[tuple[str, str]]:
    """The dates an expression names, each with its kind (ON, START, END, SINCE)."""
    if found.kind == "yearspan":
        return _years(found)
    if found.kind in MULTI:
        return _items(found, context)
    when = resolve(found, context)
    if when is None:
        return []
    return [(when, SINCE if found.since else ON)]


def resolve(found: Found, context: Context) -> str | None:
    """The date a one-date expression names, or None if it cannot be placed."""
    g = found.group
    kind = found.kind
    if kind == "iso":
        return _day(int(g("iyear")), int(g("imonth")), int(g("iday")))
    if kind == "numeric":
        return _day(_full_year(g("nyear")), int(g("nmonth")), int(g("nday")))
    if kind == "date":
        day = 1 if fold(g("dday")) == "1er" else int(g("dday"))
        yearless = _Yearless(month_number(g("dmonth")), day, _qualifier(found, "qual"), g("dweekday"))
        return yearless.place(found, context, g("dyear"))
    if kind == "month":
        return _month(found, context)
    if kind == "year":
        return g("yyear")
    if kind == "yearspan":
        return next(iter(_years(found)), (None,))[0]
    if kind in MULTI:
        dates = _items(found, context)
        return dates[0][0] if dates else None
    if context.ref is None:
        return None
    return _relative(found, context.ref)


def _full_year(text: str) -> int:
    """A year as written; two digits are read as strptime's %y does ("23" → 2023, "98" → 1998)."""
    year = int(text)
    return year if len(text) == 4 else year + (2000 if year < 69 else 1900)


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


@dataclass
class _Yearless:
    """A day or a month whose year may be missing."""
    month: int
    day: int | None = None           # None: the month itself
    qualifier: int = 0
    weekday: str | None = None

    def text(self, y: int) -> str | None:
        if not 1 <= self.month <= 12:
            return None
        return _day(y, self.month, self.day) if self.day else f"{y}-{self.month:02d}"

    def place(self, found: Found, context: Context, year_text: str | None) -> str | None:
        if year_text:
            return self.text(int(year_text))
        ref, base = context.ref, (context.ref.year if context.ref else context.year)
        if self.weekday and self.day and base and (pinned := self._by_weekday(base, 1 if ref else WEEKDAY_YEARS)):
            return pinned
        if ref is not None and found.since and not self.qualifier:
            self.qualifier = -1          # "depuis le 5 décembre": the last one before writing
        if ref is not None and (self.qualifier or found.future):
            return self._pick(ref, found.future)
        if found.anchor:
            return self._after(found.anchor)
        if ref is not None:
            nearest = self._pick(ref, False)
            if found.tense == PAST and nearest and _distance(nearest, ref) > words()["events"]["past_ahead_days"]:
                self.qualifier = -1      # "a explosé le 14 mars", written in September: the March before
                return self._pick(ref, False)
            return nearest
        return self.text(base) if base else None

    def _candidates(self, around: int) -> list[str]:
        return [c for y in (around - 1, around, around + 1) if (c := self.text(y))]

    def _pick(self, ref: date, future: bool) -> str | None:
        """The occurrence meant: before the reference for "dernier", after for "prochain", else
        the nearest, in the future only when the verb is."""
        candidates = self._candidates(ref.year)
        ref_text = ref.isoformat()[:len(candidates[0])] if candidates else ""
        if self.qualifier < 0:
            before = [c for c in candidates if c <= ref_text]
            return before[-1] if before else None
        if self.qualifier > 0 or future:
            after = [c for c in candidates if c >= ref_text]
            return after[0] if after else None
        return min(candidates, key=lambda c: abs(_distance(c, ref)), default=None)

    def _after(self, anchor: str) -> str | None:
        """The first occurrence from the date said before it on."""
        candidates = self._candidates(int(anchor[:4]) + 1)
        after = [c for c in candidates if c >= anchor[:len(c)]]
        return after[0] if after else None

    def _by_weekday(self, base: int, reach: int) -> str | None:
        """The year nearest `base` (at most `reach` years off) in which the day falls on the
        weekday said. With a day of writing, a year next to its own: a weekday that fits
        none is a slip of the pen, and the date is placed as if it had none."""
        target = [fold(d) for d in words()["weekdays"]].index(fold(self.weekday))
        years = sorted(range(base - reach, base + reach + 1), key=lambda y: (abs(y - base), -y))
        for y in years:
            text = self.text(y)
            if text and date.fromisoformat(text).weekday() == target:
                return text
        return None


def _distance(text: str, ref: date) -> int:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return (date(parts[0], parts[1], parts[2]) - ref).days


def _month(found: Found, context: Context) -> str | None:
    g = found.group
    if not (g("mword") or g("myear") or g("mqual")):
        return None  # a month name alone ("mars") is too often something else
    if g("mmonth")[0].isupper() and found.match.start() > found.sentence[0]:
        return None  # French months take no capital: "la mission Mars 2020"
    return _Yearless(month_number(g("mmonth")), None, _qualifier(found, "mqual")).place(found, context, g("myear"))


def _items(found: Found, context: Context) -> list[tuple[str, str]]:
    """The dates of a range or list, each item taking the month and year of the items after it
    when it has none ("entre le 27 et le 31 mars 2022"), the last one placed as a lone date."""
    kind = found.kind
    text = found.match.group(0)
    reader = item_patterns()["month" if kind in ("months", "monthspan") else "numeric" if "/" in text else "day"]
    items = [(m.group("d") if "d" in m.re.groupindex else None, m.group("m"), m.group("y"))
             for m in reader.finditer(text)]
    month, year, placed = None, None, []
    for day_text, month_text, year_text in reversed(items):
        month = month_number(month_text) if month_text else month
        day = None if day_text is None else 1 if fold(day_text) == "1er" else int(day_text)
        if month is None:
            continue
        yearless = _Yearless(month, day, _qualifier(found, "lqual") if kind == "days" else 0)
        when = yearless.text(int(year_text)) if year_text else yearless.text(year) if year else None
        when = when or yearless.place(found, context, None)
        if when is None:
            continue
        if placed and when > placed[-1]:        # a range across the new year: "du 28 décembre au 3 janvier"
            when = yearless.text(int(when[:4]) - 1) or when
        year = int(when[:4])
        placed.append(when)
    placed.reverse()
    return _kinds(found, placed)


def _years(found: Found) -> list[tuple[str, str]]:
    """"entre 1998 et 2004": its first and last years, in that order, or nothing."""
    first, last = re.findall(r"\d{4}", found.match.group(0))
    return [(first, START), (last, END)] if first < last else []


def _kinds(found: Found, placed: list[str]) -> list[tuple[str, str]]:
    if found.kind == "range" and found.group("night"):
        return [(when, ON) for when in placed[:1]]
    if found.kind in ("between", "range", "monthspan") and len(placed) == 2:
        return [(placed[0], START), (placed[1], END)]
    return [(when, ON) for when in placed]


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
    Thursday), or the next one when it is to come; "jeudi dernier" and "jeudi prochain"
    exclude the day of writing; "ce jeudi" is the Thursday of that week."""
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
