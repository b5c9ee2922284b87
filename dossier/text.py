"""Small text helpers shared by the stages: comparison keys and the built-in YAML data."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from unidecode import unidecode

DATA = Path(__file__).parent / "data"


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
