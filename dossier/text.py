"""Small text helpers shared by the stages: comparison keys, where a sentence ends, bidirectional
controls made harmless, and the built-in YAML data."""
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


# Unicode's bidirectional controls (UAX #9): embeddings (LRE, RLE) and overrides (LRO, RLO) are
# closed by PDF, isolates (LRI, RLI, FSI) by PDI. An override shows letters in the order it forces
# ("‮txt.exe" reads "exe.txt": the "Trojan Source" trick), and a control left open reorders what
# follows it on the page (a title in a list, the next words of a paragraph).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
EMBEDDINGS, OVERRIDES, POP_DIRECTIONAL = "\u202a\u202b", "\u202d\u202e", "\u202c"
ISOLATES, POP_ISOLATE = "\u2066\u2067\u2068", "\u2069"


def neutral_bidi(text: str) -> str:
    """The text with its bidirectional controls made harmless: an override is taken out (with the
    PDF that closes it), and so is any control not closed on its own line; an embedding or an
    isolate closed on its line stays (Arabic or Hebrew words set in French text need them)."""
    if not BIDI_CONTROLS.search(text):
        return text
    return "\n".join(map(_neutral_line, text.split("\n")))


def _neutral_line(line: str) -> str:
    kept: set[int] = set()               # where the controls that stay are
    opened: list[tuple[int, str]] = []   # the controls still open: where, which
    for match in BIDI_CONTROLS.finditer(line):
        where, control = match.start(), match.group()
        if control == POP_DIRECTIONAL:   # closes the last embedding or override, unless an isolate is open
            if opened and opened[-1][1] not in ISOLATES:
                start, opener = opened.pop()
                if opener in EMBEDDINGS:
                    kept.update((start, where))
        elif control == POP_ISOLATE:     # closes the last isolate, and whatever was left open in it
            last = next((n for n in reversed(range(len(opened))) if opened[n][1] in ISOLATES), None)
            if last is not None:
                kept.update((opened[last][0], where))
                del opened[last:]
        else:
            opened.append((where, control))
    return BIDI_CONTROLS.sub(lambda m: m.group() if m.start() in kept else "", line)
