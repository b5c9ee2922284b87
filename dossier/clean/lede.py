"""The standfirst (chapô) of a plain-text page: which line under the headline, if any, summarises it.

A copied page may put its standfirst right under the headline, above or below the byline/date
block, or show none at all; the line under the headline may instead be a photo's caption (a credit
follows it), a pull-quote that the body repeats, a promotion, or the first body paragraph. Each
candidate (the lines of running text under the headline, down to the first line of the prose) is
scored with weak signals, and so is the choice of no standfirst; the signals' weights are learned
from the annotated pages of the repository (benchmarks/train_head.py writes them to the `lede:`
section of dossier/data/head.yml), not tuned by hand.
"""
from __future__ import annotations

import re

from .head import CREDIT, META, load_weights, meta_follows
from .lines import WORD, Line, is_sentence
from .profiles import Rules, matches

LEDE_FEATURES = ("under_title", "above_meta", "opens_after_meta", "meta_follows", "chars_150_300",
                 "chars_over_450", "title_in_prose", "plain_opener", "none")
# The choice of no standfirst, scored as one more candidate with its own weight.
LEDE_NONE = {name: 0.0 for name in LEDE_FEATURES} | {"none": 1.0}
# Candidates are looked for among this many lines of running text under the headline.
LEDE_CANDIDATES = 4
# Reasons other steps give a caption's credit line.
CREDIT_REASONS = ("crédit photo",)
# A photo credit alone on its line: "(Reed Saxon / Associated Press)", "Nathan Alliard / Photononstop / AFP".
SLASH_CREDIT = re.compile(r"\(?[^()/.!?]{2,60}(/[^()/.!?]{2,60})+\)?")
NOT_LETTERS = re.compile(r"[\W_]+")


def load_lede_weights() -> dict[str, float]:
    return load_weights("lede")


def lede_candidates(lines: list[Line], title: int, start: int, rules: Rules) -> list[int]:
    """Lines of running text under the headline, down to the first line of the prose: a label, a
    kicker or a credit is passed over, a dateline ("BAMAKO, 29 mai (AFP) - …") opens the body and
    ends the search, as does a line that introduces what follows (":")."""
    datelines = rules.metadata.get("dateline", [])
    found: list[int] = []
    below: list[tuple[int, str]] = []   # the kept lines under the headline, squashed once (linear)
    for i in range(title + 1, len(lines)):
        line = lines[i]
        if line.removed or not WORD.search(line.text):
            continue
        if not is_sentence(line.text, rules):
            if i >= start:
                break
            continue
        if matches(datelines, line.text) or line.text.rstrip().endswith(":"):
            break
        if not below:
            below = [(j, squash(lines[j].text)) for j in range(title + 1, len(lines)) if not lines[j].removed]
        if not is_caption(lines, i, below, rules):
            found.append(i)
        if i >= start or len(found) == LEDE_CANDIDATES:
            break
    return found


def lede_features(lines: list[Line], title: int, i: int, start: int, rules: Rules) -> dict[str, float]:
    """The weak signals of line i as the standfirst under the headline at line `title`."""
    text = lines[i].text
    between = [j for j in range(title + 1, i) if WORD.search(lines[j].text)]
    meta_between = any(lines[j].removed in META for j in between)
    return {
        # the line right under the headline (nothing between, not even furniture)
        "under_title": float(not between),
        # a standfirst above the prose sits between the headline and the byline/date block; below
        # that block, it is the line that opens the prose
        "above_meta": float(i < start and not meta_between),
        "opens_after_meta": float(i >= start and meta_between),
        "meta_follows": float(meta_follows(lines, i)),
        # a standfirst has one to three sentences; the first body paragraph is often longer
        "chars_150_300": float(150 <= len(text) < 300),
        "chars_over_450": float(len(text) >= 450),
        # a clean copy: headline, standfirst, body, the headline inside the run of prose
        "title_in_prose": float(title >= start),
        # the line that opens the prose with nothing to set it apart: not under the headline, no
        # byline/date block above it or just after it
        "plain_opener": float(i >= start and title < start and bool(between) and not meta_between
                              and not meta_follows(lines, i)),
        "none": 0.0,
    }


def is_caption(lines: list[Line], i: int, below: list[tuple[int, str]], rules: Rules) -> bool:
    """Line i is no standfirst but a caption, a pull-quote or a button: its photo's credit
    follows it, the body repeats it (`below`: the kept lines under the headline, squashed), or it
    is shorter than settings.lede_min_chars."""
    after = next((line for line in lines[i + 1:] if WORD.search(line.text)), None)
    return (len(lines[i].text) < rules.settings.lede_min_chars or is_credit(after, rules)
            or repeated_below(i, below))


def is_credit(line: Line | None, rules: Rules) -> bool:
    """A bare photo credit line (so read by the metadata step, or in a credit's form), not a
    caption that ends with its credit: a photo's caption may well follow the standfirst."""
    return (line is not None and len(WORD.findall(line.text)) <= rules.settings.credit_max_words
            and (line.removed in CREDIT_REASONS or bool(CREDIT.search(line.text))
                 or bool(SLASH_CREDIT.fullmatch(line.text.strip()))))


def squash(text: str) -> str:
    return NOT_LETTERS.sub("", text.casefold())


def repeated_below(i: int, below: list[tuple[int, str]]) -> bool:
    """Line i's letters and digits open a later kept line (spacing and punctuation aside: "61%"
    and "61 %"): a pull-quote or a caption that the body repeats."""
    mine = next((text for j, text in below if j == i), "")
    return bool(mine) and any(j > i and text.startswith(mine) for j, text in below)


def lede_score(values: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in values.items())


def find_lede(lines: list[Line], title: int, start: int, rules: Rules) -> int | None:
    """The best-scoring standfirst candidate, or None when no standfirst outscores having none."""
    weights = load_lede_weights()
    found = lede_candidates(lines, title, start, rules)
    if not found or not weights:
        return None
    scored = [(lede_score(lede_features(lines, title, i, start, rules), weights), -i, i) for i in found]
    best_score, _, best = max(scored)
    return best if best_score > lede_score(LEDE_NONE, weights) else None
