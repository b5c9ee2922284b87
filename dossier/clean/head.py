"""The head of a plain-text page: which line is the headline and which the standfirst (chapô).

A copied web page puts menus, kickers, bylines, dates, share rows, captions and audio players
around the headline, and the article's prose below it. The headline is not the first line, nor the
line just above the prose: it is the best candidate above the byline/date block and the first body
paragraph. Each candidate is scored with weak signals (its length, its last character, whether it
reads as a sentence, the content words it shares with the prose, whether the page repeats it as a
breadcrumb or a sticky header does, how far it stands above the prose, whether a byline or a date
follows it); the signals' weights are learned from the annotated pages of the repository
(benchmarks/train_head.py writes them to dossier/data/head.yml), not tuned by hand.

The standfirst under the headline is found by clean/lede.py, the same way.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .lines import WORD, Line, is_paragraph, is_sentence, line_key
from .profiles import Rules

WEIGHTS = Path(__file__).parent.parent / "data" / "head.yml"
# The reasons read_metadata gives the lines of the byline/date block.
META = ("signature", "date de publication")
# A credit closing a caption: "— ORTN / AFP", "© Reuters", "Photo : X", "(AFP)".
CREDIT = re.compile(r"(©|\bphotos?\s*:|/\s*(?-i:[A-Z][A-Za-z]+)\s*$|\((?-i:[A-Z]{2,})\)\s*$|[—–]\s*(?-i:[A-Z]{2,}))",
                    re.IGNORECASE)
# Clock times, numeric dates: a timestamp, a live feed's beat, a date line.
STAMP = re.compile(r"\d{1,2}[:h]\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
FEATURES = ("bias", "words_3_7", "words_8_16", "words_17_25", "words_over", "full_stop", "paragraph", "sentence", "body_share",
            "next_share", "repeated", "near", "meta_below", "colon_end", "kicker", "stamp", "credit",
            "capitals", "in_span", "question", "first", "prev_share", "none")


@dataclass
class Context:
    """What every candidate is compared with: the prose's words, the page's line counts."""
    body_words: Counter          # content word -> how many lines of the prose have it
    counts: Counter
    start: int
    end: int


@lru_cache(maxsize=1)
def head_data(path: Path = WEIGHTS) -> dict:
    """data/head.yml, read once: the headline's weights and the standfirst's (clean/lede.py)."""
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def load_weights(section: str = "weights") -> dict[str, float]:
    """One section of data/head.yml as signal → weight: "weights" (the headline's) or "lede"."""
    return {name: float(value) for name, value in (head_data().get(section) or {}).items()}


def content(text: str, rules: Rules) -> set[str]:
    return {token for token in WORD.findall(text.casefold()) if token not in rules.words and len(token) > 2}


def context(lines: list[Line], start: int, end: int, rules: Rules) -> Context:
    """The content words of the prose (its first 60 lines: the top of the article weighs most)."""
    words: Counter = Counter()
    for line in lines[start:min(end, start + 60)]:
        if not line.removed:
            words.update(content(line.text, rules))
    return Context(words, Counter(line_key(line.text) for line in lines), start, min(end, start + 60))


def candidates(lines: list[Line], start: int, rules: Rules) -> list[int]:
    """Lines that may be the headline: not taken out by a rule, up to settings.head_window lines
    above the prose, and the top of the prose up to its first paragraph (a long headline that
    reads as a sentence may open the run of prose)."""
    settings = rules.settings
    found = [i for i in range(max(0, start - settings.head_window), start)
             if not lines[i].removed and WORD.search(lines[i].text)]
    for i in range(start, min(len(lines), start + settings.head_into_span)):
        if lines[i].removed:
            continue
        if is_paragraph(lines[i].text, rules) and len(WORD.findall(lines[i].text)) > settings.headline_words:
            break
        found.append(i)
    return found


def features(lines: list[Line], i: int, ctx: Context, rules: Rules) -> dict[str, float]:
    """The weak signals of line i as the headline."""
    text = lines[i].text
    words = WORD.findall(text)
    mine = content(text, rules)
    nxt = next((line.text for line in lines[i + 1:i + 4] if not line.removed and is_sentence(line.text, rules)), "")
    prev = next((line.text for line in reversed(lines[max(0, i - 3):i]) if not line.removed), "")
    below = lines[i + 1:max(ctx.start, i + 1) + 2]
    letters = [c for c in text if c.isalpha()]
    own = int(ctx.start <= i < ctx.end)  # a candidate inside the prose is not its own evidence
    shared = sum(ctx.body_words[word] > own for word in mine)
    return {
        "bias": 1.0,
        # a headline has 3–25 words, most often 8–16; a standfirst is longer
        "words_3_7": float(3 <= len(words) <= 7),
        "words_8_16": float(8 <= len(words) <= 16),
        "words_17_25": float(17 <= len(words) <= 25),
        "words_over": float(len(words) > 25),
        "full_stop": float(text.rstrip().endswith(".")),
        "paragraph": float(is_paragraph(text, rules)),
        "sentence": float(is_sentence(text, rules)),
        "body_share": shared / len(mine) if mine else 0.0,
        "next_share": len(mine & content(nxt, rules)) / len(mine) if mine and nxt else 0.0,
        "repeated": float(ctx.counts[line_key(text)] > 1),
        "near": 1.0 / (1 + abs(ctx.start - i)),
        "meta_below": float(any(line.removed in META for line in below)),
        "colon_end": float(text.rstrip().endswith((":", "|", "»", ">"))),
        "kicker": float(len(words) <= 2),
        "stamp": float(bool(STAMP.search(text))),
        "credit": float(bool(CREDIT.search(text))),
        "capitals": sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        "in_span": float(i >= ctx.start),
        "question": float(text.rstrip().endswith("?")),
        "first": float(not any(not line.removed and WORD.search(line.text) for line in lines[:i])),
        "prev_share": len(mine & content(prev, rules)) / len(mine) if mine and prev else 0.0,
        "none": 0.0,
    }


# The choice of no headline at all (the text has none: a title is made from its first sentence),
# scored as one more candidate with its own weight.
NONE = {name: 0.0 for name in FEATURES} | {"none": 1.0}


def score(values: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in values.items())


def find_headline(lines: list[Line], start: int, end: int, rules: Rules) -> int | None:
    """The index of the best-scoring headline candidate, or None when there is none."""
    weights = load_weights()
    found = candidates(lines, start, rules)
    if not found or not weights:
        return None
    ctx = context(lines, start, end, rules)
    best = max(found, key=lambda i: (score(features(lines, i, ctx, rules), weights), -abs(start - i)))
    if score(features(lines, best, ctx, rules), weights) <= score(NONE, weights):
        return None
    return unglued(lines, headline_above(lines, best, found, rules), found)


def unglued(lines: list[Line], best: int, found: list[int]) -> int:
    """A breadcrumb trail copied onto one line ends with the headline ("Accueil à la une Parité
    hommes-femmes en Tunisie : …"): when another candidate is that line's end, of three words or
    more, the headline is that candidate."""
    key = line_key(lines[best].text)
    tails = [i for i in found if i != best and len(WORD.findall(lines[i].text)) >= 3
             and key.endswith(" " + line_key(lines[i].text))]
    return min(tails, key=lambda i: abs(best - i)) if tails else best


def headline_above(lines: list[Line], best: int, found: list[int], rules: Rules) -> int:
    """A standfirst that outscored its headline: the line just above it is a headline of the same
    story (3 to 25 words, at least half as many as the best line's, unlike a kicker; no full stop;
    settings.headline_shared - 1 content words in common, or the best line reads as running text and
    the line above does not)."""
    above = next((i for i in range(best - 1, -1, -1) if not lines[i].removed and WORD.search(lines[i].text)), None)
    if above is None or above not in found:
        return best
    text = lines[above].text.rstrip()
    shared = content(text, rules) & content(lines[best].text, rules)
    size = len(WORD.findall(text))
    if not 3 <= size <= 25 or text.endswith("."):
        return best
    # shared words (and not a short kicker over a long line), or a standfirst that reads as running
    # text under a line that does not
    same_story = len(shared) >= rules.settings.headline_shared - 1 and 2 * size >= len(WORD.findall(lines[best].text))
    standfirst = (is_paragraph(lines[best].text, rules) and not is_sentence(text, rules)
                  and size >= rules.settings.headline_over_standfirst_words)
    return above if same_story or standfirst else best


def meta_follows(lines: list[Line], i: int, reach: int = 3) -> bool:
    """A byline or date line comes within `reach` lines after line i (a caption may sit between)."""
    return any(line.removed in META for line in lines[i + 1:i + 1 + reach])
