"""Small text helpers shared by the stages: comparison keys and the built-in YAML data."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from unidecode import unidecode

DATA = Path(__file__).parent / "data"


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a text, for comparing words."""
    return unidecode(text.replace("’", "'")).casefold()


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A built-in data file of dossier/data/, read once per process."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
