"""Evaluate a build against a gold file (format of shared/gold/seeds.yml): one line per figure,
then the misses. Works on `dossier.json` data, so it scores any build, ours or not.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text import fold as text_fold


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form used for every gold comparison."""
    return re.sub(r"\s+", " ", text_fold(text)).strip()


def same_form(text: str) -> str:
    """A line as the build writes it: composed Unicode (NFC). A copied page may spell "ê" as "e"
    and a combining circumflex; the cleaning composes it, and the two are one line."""
    return unicodedata.normalize("NFC", text).strip()


def squash(text: str) -> str:
    """Only the letters and digits: a line is kept even if cleaning split it into fields
    (a glued caption "…étrangèresConférence…" shown as "…étrangères — Conférence…"). Composed
    first: a combining accent is no letter, and dropping it would make "être" and "etre" differ."""
    return re.sub(r"[\W_]+", "", same_form(text))


@dataclass
class Figure:
    name: str
    hits: int
    total: int
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def line(self) -> str:
        return f"{self.name:<26} {self.ratio:6.1%}  ({self.hits}/{self.total})"


@dataclass
class Count:
    name: str
    items: list[str]

    def line(self) -> str:
        return f"{self.name:<26} {len(self.items):>6}"

    @property
    def misses(self) -> list[str]:
        return self.items


def evaluate(data: dict, gold: dict, seeds_dir: Path) -> list[Figure | Count]:
    articles = {a["id"]: a for a in data["articles"]}
    gold_articles = gold.get("articles") or {}
    matcher = ActorMatcher(gold.get("actors") or {})
    figures: list[Figure | Count] = [
        *cleaning_figures(articles, gold_articles, seeds_dir),
        *actor_figures(data["actors"], gold_articles, matcher, gold.get("never") or []),
        *quote_figures(data["quotes"], data["actors"], gold_articles, matcher),
        date_figure(data["events"], gold_articles),
        article_date_figure(articles, gold_articles),
    ]
    return figures


def report(figures: list[Figure | Count]) -> str:
    lines = [f.line() for f in figures]
    for figure in figures:
        if figure.misses:
            lines.append(f"\n{figure.name} — misses:")
            lines += [f"  - {miss}" for miss in figure.misses]
    return "\n".join(lines)


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- cleaning --------------------------------------------------------------------------

def page_lines(article: dict) -> list[str]:
    lines = [article["title"], article.get("lede") or ""]
    return [line for line in lines + [b["text"] for b in article["blocks"]] if line]


def cleaning_figures(articles: dict, gold_articles: dict, seeds_dir: Path) -> list[Figure]:
    removed = Figure("boilerplate removed", 0, 0)
    kept = Figure("lines kept", 0, 0)
    body = Figure("body kept", 0, 0)
    titles, ledes, headings = Figure("titles", 0, 0), Figure("ledes", 0, 0), Figure("headings", 0, 0)
    for aid, expected in gold_articles.items():
        article = articles.get(aid)
        if article is None:
            removed.misses.append(f"{aid}: article missing from the build")
            continue
        lines = page_lines(article)
        exact = {same_form(line) for line in lines}
        whole = squash("\n".join(lines))
        raw_path = seeds_dir / f"{aid}.txt"
        # the headline and standfirst repeated in the furniture (a sticky header, a share box) are
        # shown once as title and lede: they cannot count as furniture left in
        shown = {(expected.get("title") or "").strip(), (expected.get("lede") or "").strip()}
        boilerplate = [line for line in gold_boilerplate(expected, raw_path) if line not in shown]
        tally(removed, aid, [(line, same_form(line) not in exact) for line in boilerplate])
        tally(kept, aid, [(line, squash(line) in whole) for line in expected.get("keep") or []])
        body_lines = article_lines(raw_path, expected, exclude=boilerplate)
        tally(body, aid, [(line, squash(line) in whole) for line in body_lines])
        score_title(titles, aid, expected.get("title"), article["title"])
        tally(ledes, aid, [(f"{expected.get('lede')!r} ≠ {article.get('lede')!r}",
                            fold(expected.get("lede") or "") == fold(article.get("lede") or ""))])
        ours = [b["text"] for b in article["blocks"] if b["kind"] == "heading"]
        tally(headings, aid, [(f"{expected.get('headings') or []} ≠ {ours}",
                               [fold(h) for h in expected.get("headings") or []] == [fold(h) for h in ours])])
    return [removed, kept, body, titles, ledes, headings]


def tally(figure: Figure, aid: str, checks: list[tuple[str, bool]]) -> None:
    for what, ok in checks:
        figure.total += 1
        figure.hits += ok
        if not ok:
            figure.misses.append(f"{aid}: {what[:160]}")


def score_title(figure: Figure, aid: str, expected: str | None, ours: str) -> None:
    if expected is None:  # the text has none: a title must be made, at most 120 characters
        tally(figure, aid, [(f"made title {ours!r}", 0 < len(ours) <= 120)])
    else:
        tally(figure, aid, [(f"{expected!r} ≠ {ours!r}", fold(expected) == fold(ours))])


def gold_boilerplate(expected: dict, raw_path: Path) -> list[str]:
    lines = list(expected.get("boilerplate") or [])
    start = expected.get("boilerplate_from")
    if start and raw_path.is_file():
        raw = [line.strip() for line in raw_path.read_text(encoding="utf-8").splitlines()]
        if start in raw:
            lines += [line for line in raw[raw.index(start):] if line]
    return list(dict.fromkeys(lines))


def article_lines(raw_path: Path, expected: dict, exclude: list[str]) -> list[str]:
    """The body lines a build must keep: the text's lines from the article's start (`body_from`,
    else the headline's first line, else the top) to the trailing furniture (`boilerplate_from`),
    less the furniture listed line by line. A web page's menus above its headline are furniture
    that no gold lists one by one."""
    if not raw_path.is_file():
        return []
    lines = [line.strip() for line in raw_path.read_text(encoding="utf-8").splitlines()]
    start, end = expected.get("body_from") or expected.get("title"), expected.get("boilerplate_from")
    lines = lines[lines.index(start):] if start in lines else lines
    lines = lines[:lines.index(end)] if end in lines else lines
    skip = set(exclude)
    return [line for line in lines if line and line not in skip]


# --- actors ----------------------------------------------------------------------------

class ActorMatcher:
    """Maps produced actors to gold actors: equal name or alias, case- and accent-insensitive."""

    def __init__(self, gold_actors: dict):
        self.types = {gid: as_list(spec.get("type")) for gid, spec in gold_actors.items()}
        self.by_name: dict[str, str] = {}
        for gid, spec in gold_actors.items():
            for name in spec.get("names") or []:
                self.by_name.setdefault(fold(name), gid)

    def gold_ids(self, actor: dict) -> set[str]:
        names = [actor["name"], *actor.get("aliases", [])]
        return {self.by_name[fold(n)] for n in names if fold(n) in self.by_name}


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def actor_figures(actors: list[dict], gold_articles: dict, matcher: ActorMatcher, never: list[str]):
    recall, precision = Figure("actor recall", 0, 0), Figure("actor precision", 0, 0)
    for aid, expected in gold_articles.items():
        here = [a for a in actors if aid in a["articles"]]
        found = set().union(*(matcher.gold_ids(a) for a in here)) if here else set()
        allowed = set(expected.get("must") or []) | set(expected.get("ok") or [])
        allowed -= set(expected.get("never_here") or [])
        tally(recall, aid, [(gid, gid in found) for gid in expected.get("must") or []])
        tally(precision, aid, [(a["name"], bool(matcher.gold_ids(a) & allowed)) for a in here])
    split, merged, types = split_and_merged(actors, matcher)
    never_folded = {fold(n) for n in never}
    noise = [a["name"] for a in actors
             if any(fold(n) in never_folded for n in [a["name"], *a.get("aliases", [])])]
    return [recall, precision, Count("aliases split", split), Count("distinct actors merged", merged),
            types, Count("never-actors produced", noise)]


def split_and_merged(actors: list[dict], matcher: ActorMatcher):
    produced_for: dict[str, list[str]] = {}
    merged: list[str] = []
    types = Figure("type accuracy", 0, 0)
    for actor in actors:
        gids = matcher.gold_ids(actor)
        for gid in gids:
            produced_for.setdefault(gid, []).append(actor["name"])
        if len(gids) > 1:
            merged.append(f"{actor['name']} = {', '.join(sorted(gids))}")
        elif gids:
            gid = next(iter(gids))
            ok = actor["type"] in matcher.types[gid]
            tally(types, actor["name"], [(f"{actor['type']}, gold {matcher.types[gid]}", ok)])
    split = [f"{gid}: {', '.join(names)}" for gid, names in produced_for.items() if len(names) > 1]
    return split, merged, types


# --- quotes and dates ------------------------------------------------------------------

def quote_figures(quotes: list[dict], actors: list[dict], gold_articles: dict, matcher: ActorMatcher):
    """Quotes found (by their first words), speaker right (no speaker is right where the gold has
    none), speaker wrong among the quotes found (a speaker given that is not the gold's: the error
    a reader quotes on), and the statements that match no gold quote."""
    recall, speakers = Figure("quote recall", 0, 0), Figure("speaker accuracy", 0, 0)
    wrong = Figure("speaker wrong (of found)", 0, 0)
    unmatched: list[str] = []
    gold_ids_of = {a["id"]: matcher.gold_ids(a) for a in actors}
    for aid, expected in gold_articles.items():
        ours = [q for q in quotes if q["article"] == aid]
        starts = [fold(g["starts"]) for g in expected.get("quotes") or []]
        for gold_quote, start in zip(expected.get("quotes") or [], starts):
            match = next((q for q in ours if start in fold(q["text"])), None)
            tally(recall, aid, [(gold_quote["starts"], match is not None)])
            speaker = match["speaker"] if match else None
            said = gold_ids_of.get(speaker, set())
            right = (speaker is None) if gold_quote["speaker"] is None else gold_quote["speaker"] in said
            what = f"{gold_quote['starts']} — said by {speaker}, gold {gold_quote['speaker']}"
            tally(speakers, aid, [(what, match is not None and right)])
            if match is not None:
                tally(wrong, aid, [(what, speaker is None or right)])   # its misses: the wrong ones
        unmatched += [f"{aid}: {q['text'][:80]}" for q in ours
                      if not any(start in fold(q["text"]) for start in starts)]
    wrong.hits = wrong.total - wrong.hits   # shown as the share of wrong speakers: lower is better
    return [recall, speakers, wrong, Count("statements not in gold", unmatched)]


def date_figure(events: list[dict], gold_articles: dict) -> Figure:
    dates = Figure("event dates", 0, 0)
    for aid, expected in gold_articles.items():
        ours = {e["date"] for e in events if e["article"] == aid}
        tally(dates, aid, [(d, d in ours) for d in expected.get("dates") or []])
    return dates


def article_date_figure(articles: dict, gold_articles: dict) -> Figure:
    """The article's own date (its byline or date line), where the gold gives one."""
    dates = Figure("article dates", 0, 0)
    for aid, expected in gold_articles.items():
        if expected.get("date") and aid in articles:
            ours = articles[aid].get("date")
            tally(dates, aid, [(f"{ours} ≠ {expected['date']}", str(ours) == str(expected["date"]))])
    return dates
