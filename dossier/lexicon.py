"""The French dictionary of the model's lemmatizer: is a capitalised word a common French word?

Reading it takes most of a second (spaCy's import for its string hashes, then 200,000 entries), so
the analysis looks up each capitalised word of an article once, as it reads the article, and keeps
the answers in the article's cache entry; resolving actors then reads the answers, and opens the
dictionary only for a word the analysis did not see.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from .model import DEFAULT, lemmatizer_tables

log = logging.getLogger("mkdocs.plugins.dossier")

# What the dictionary says of a lower-case word, as bits
CONJUGATED = 1      # a form of a verb other than itself: "distinguons" (distinguer)
COMMON = 2          # it or one of its lemmas is a noun, adjective, verb or adverb: "sages" (sage)


@dataclass
class Lexicon:
    words: set[str] = field(default_factory=set)      # lemmas of common words
    verbs: set[str] = field(default_factory=set)
    forms: dict = field(default_factory=dict)         # key of an inflected form → lemmas
    key: Callable[[str], object] = str                # a form's key in `forms`

    def lemmas(self, word: str) -> set[str]:
        found = self.forms.get(self.key(word)) or []
        return {word, *([found] if isinstance(found, str) else found)}

    def code(self, word: str) -> int:
        """CONJUGATED and COMMON, as they hold for the lower-case `word`."""
        lemmas = self.lemmas(word)
        return ((CONJUGATED if any(lemma in self.verbs and lemma != word for lemma in lemmas) else 0)
                | (COMMON if lemmas & self.words else 0))


class Answers(dict):
    """The analysis' answers by lower-case word; a word it never saw is looked up in `model`'s
    dictionary when first asked for (`answers[word]`), and the answer kept."""

    def __init__(self, answers: dict[str, int], model: str = DEFAULT):
        super().__init__(answers)
        self.model = model

    def __missing__(self, word: str) -> int:
        code = self[word] = french_lexicon(self.model).code(word)
        return code


def capitalised_words(texts, model: str = DEFAULT) -> dict[str, int]:
    """The dictionary's answer for each capitalised word among `texts`, by its lower-case form."""
    lexicon = french_lexicon(model)
    return {word: lexicon.code(word) for word in {text.lower() for text in texts if text[:1].isupper()}}


def french_lexicon(model: str = DEFAULT) -> Lexicon:
    """The model's dictionary, read once per process (the name given or not: one cache entry)."""
    return read_lexicon(model)


@lru_cache(maxsize=None)
def read_lexicon(model: str) -> Lexicon:
    """The dictionary of the tagger's lemmatizer (lemma_index, lemma_lookup), read from the
    installed model (model.py); empty, and the dictionary test off, if it cannot be read."""
    try:
        tables, string_id = lemmatizer_tables(model)
        index = {name: tables["lemma_index"].get(string_id(name)) for name in ("noun", "adj", "verb", "adv")}
        words = {w for lemmas in index.values() if lemmas is not None for w in lemmas}
        return Lexicon(words, set(index["verb"] or ()), tables["lemma_lookup"], string_id)
    except Exception as error:      # noqa: BLE001 — any failure only turns the test off
        log.debug("dossier: no French dictionary for actors: %s", error)
        return Lexicon()
