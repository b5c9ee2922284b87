"""Small text helpers shared by the stages: comparison keys, where a sentence ends, and the built-in
YAML data."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from unidecode import unidecode

DATA = Path(__file__).parent / "data"
# Where a sentence ends: the stops end it proper; an ellipsis, or a guillemet or quote mark closing
# a quotation after its stop ("… a-t-il dit. »"), ends it too. This is the one definition: a stage
# that needs a narrower set derives it from these, and says why.
STOPS = ".!?"
SENTENCE_ENDS = STOPS + "…»\"”"
_SENTENCE_END_MARKS = tuple(SENTENCE_ENDS)


class _FoldedChars(dict):
    """Character code → its folded form, each worked out on first sight. unidecode transliterates
    one character at a time into ASCII, so folding character by character through this table
    gives what `unidecode(text).casefold()` gives, without unidecode's Python loop per call."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = unidecode(chr(code)).casefold()
        return folded


_FOLDED_CHARS = _FoldedChars({ord("’"): "'"})


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a text, for comparing words."""
    if text.isascii():
        return text.lower()          # what casefold does to ASCII, faster
    return text.translate(_FOLDED_CHARS)


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A built-in data file of dossier/data/, read once per process."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def ends_sentence(text: str, also: tuple[str, ...] = ()) -> bool:
    """Whether the text ends as a sentence does (or with one of the characters `also` adds)."""
    return text.endswith(_SENTENCE_END_MARKS + also)


def sentence_breaks(ends: str = SENTENCE_ENDS) -> re.Pattern:
    """The spaces just after a sentence's end (one of `ends`): where a text splits into sentences."""
    return re.compile(rf"(?<=[{re.escape(ends)}])\s+")
