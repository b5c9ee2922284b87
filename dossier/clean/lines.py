"""An article as lines: plain text and Markdown read into lines, the keys lines are compared by, and
how a line reads (a sentence, a paragraph of running text, or neither)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..text import ends_sentence
from .profiles import Rules
from .settings import CleanSettings

# Characters that carry nothing a reader sees: soft hyphen, zero-width space and non-joiner, word
# joiner, BOM. The zero-width joiner (ZWJ) is dropped apart (LOOSE_JOINER); variation selectors stay.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u2060\ufeff"), None)
# Control characters other than line breaks and tabs carry nothing either, and must not reach a page.
INVISIBLE.update(dict.fromkeys((c for c in range(32) if chr(c) not in "\n\r\t"), None))
INVISIBLE[0x7F] = None
# Pictographs (Unicode's Extended_Pictographic, by its blocks): a ZWJ between two of them, the first
# maybe with its emoji variation selector, makes one emoji of them ("👨‍👩‍👧‍👦", a family; "🏳️‍🌈"): it
# stays. Anywhere else a ZWJ shows nothing and is dropped.
PICTOGRAPHS = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u2300-\u23ff\u24c2\u25a0-\u27bf"
               "\u2934\u2935\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff")
LOOSE_JOINER = re.compile(rf"(?<![{PICTOGRAPHS}])(?<![{PICTOGRAPHS}]\ufe0f)\u200d|\u200d(?![{PICTOGRAPHS}])")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
NON_WORD = re.compile(r"\W+")


@dataclass
class Line:
    text: str
    hint: str | None = None          # block kind known from the markup (html, md)
    removed: str | None = None       # why the line was taken out, if it was
    doubtful: bool = False           # kept, but on weak evidence (models.Block.doubtful)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    if "\u200d" in text:
        text = LOOSE_JOINER.sub("", text)
    return re.sub(r"[ \t]+", " ", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_lines(text: str) -> list[Line]:
    return [Line(line.strip()) for line in normalise(text).split("\n") if line.strip()]


def markdown_lines(text: str) -> list[Line]:
    """Markdown: `#` lines are headings, `>` lines quotes; links and emphasis become plain text."""
    lines = []
    for line in text_lines(text):
        # A link's text or address, and an emphasis, cannot hold their own marks: each search then
        # stops at the next mark, and a long line of unclosed marks ("[[[[…") takes linear time.
        body = re.sub(r"!?\[([^\[\]]*)\]\([^()]*\)", r"\1", line.text)
        body = re.sub(r"(\*\*|\*)(\S(?:[^*]*?\S)?)\1|(__|_)(\S(?:[^_]*?\S)?)\3", r"\2\4", body)
        if body.startswith("# ") and not lines:
            lines.append(Line(body[2:].strip(), hint="title"))
        elif body.startswith("#"):
            lines.append(Line(body.lstrip("#").strip(), hint="heading"))
        elif body.startswith(">"):
            lines.append(Line(body.lstrip("> ").strip(), hint="quote"))
        else:
            lines.append(Line(re.sub(r"^([-*+]|\d+\.)\s+", "", body)))
    return [line for line in lines if line.text]


def squash_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def repeated_lines(documents: list[list[Line]], settings: CleanSettings) -> set[str]:
    """Lines found in several articles: site furniture the corpus itself reveals."""
    if len(documents) < settings.repeated_in:
        return set()
    counts = Counter(key for lines in documents for key in {line_key(line.text) for line in lines})
    # Bare numbers ("19", a minute mark "19'") meet across pages by chance: no evidence.
    return {key for key, n in counts.items() if n >= settings.repeated_in and WORD.search(key)}


@lru_cache(maxsize=1 << 16)
def line_key(text: str) -> str:
    """The form lines are compared by; kept per line, as every step asks it again."""
    return NON_WORD.sub(" ", text.casefold()).strip()


# ---------------------------------------------------------------- how a line reads


def is_paragraph(text: str, rules: Rules) -> bool:
    """A sentence long or finished enough to be running text rather than a headline."""
    return is_sentence(text, rules) and (ends_sentence(text)
                                         or len(WORD.findall(text)) >= rules.settings.paragraph_words)


def is_sentence(text: str, rules: Rules) -> bool:
    """A line with sentence structure: enough words, and enough function words among them."""
    settings = rules.settings
    tokens = WORD.findall(text.casefold())
    if len(tokens) < settings.sentence_min_words:
        return False
    ratio = share_of_function_words(tokens, rules)
    if len(tokens) >= settings.long_sentence_words:
        return ratio >= settings.long_sentence_ratio
    # A short sentence may also end by introducing what follows, or closing a parenthesis.
    return ratio >= settings.short_sentence_ratio and ends_sentence(text, also=(":", ")"))


def function_ratio(text: str, rules: Rules) -> float:
    """The share of function words ("le", "de", "the", elided "l’…") among the line's words."""
    tokens = WORD.findall(text.casefold())
    if len(tokens) < rules.settings.sentence_min_words:
        return 0.0
    return share_of_function_words(tokens, rules)


def share_of_function_words(tokens: list[str], rules: Rules) -> float:
    words = rules.words
    return sum(token in words or "'" in token or "’" in token for token in tokens) / len(tokens)
