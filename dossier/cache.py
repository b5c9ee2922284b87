"""The build cache in .dossier-cache/: what a stage made, kept for the next build.

Each entry is a JSON file named by its key, a hash of everything the entry depends on, so an
entry is either exactly right or never looked up; nothing has to be invalidated by hand. Entries
are written atomically (a temporary file, then a rename): a build killed mid-write leaves either
no entry or a whole one. An entry that cannot be read, or that was made for another key, is
ignored and made again — the cache is never trusted over the inputs. JSON rather than pickle: a
cache restored from elsewhere (a CI cache) must not be able to run code.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

log = logging.getLogger("mkdocs.plugins.dossier")

PACKAGE = Path(__file__).resolve().parent


def fingerprint(*parts: str | bytes) -> str:
    """A key from the parts, in order (a separator keeps "ab","c" apart from "a","bc")."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def code_version() -> str:
    """dossier's own code and built-in data: a new version makes new entries for the stages it
    runs (the model's analysis has its own key, see analyse.py, and survives upgrades). Every
    .py and .yml file of the package, subpackages included (the benchmark tools live outside it)."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yml") and p.is_file())
    return fingerprint(*(part for p in files for part in (str(p.relative_to(PACKAGE)), p.read_bytes())))


def tree_fingerprint(folder: Path | None, recursive: bool = True) -> str:
    """Every file in a folder, by relative name and content ("" when there is no folder)."""
    if folder is None or not folder.is_dir():
        return ""
    files = sorted(p for p in (folder.rglob("*") if recursive else folder.iterdir()) if p.is_file())
    return fingerprint(*(part for p in files for part in (str(p.relative_to(folder)), file_digest(p))))


def file_digest(path: Path) -> str:
    """The file's hash, read in chunks (a seeds folder may hold a file far larger than an article);
    a file that cannot be read is told apart by its error, and ingest reports it."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


class Store:
    """The entries of one kind ("analysis", "clean", …) under the cache folder; no folder, no cache."""

    def __init__(self, root: Path | None, kind: str):
        self.folder = root / kind if root is not None else None

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The value stored under the key, or None (absent, unreadable or made for another key)."""
        if self.folder is None:
            return None
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("key") != key:
                raise ValueError("made for another key")
            return data["value"]
        except (OSError, ValueError, KeyError) as error:
            log.info("dossier: cache entry %s not used (%s); made again", path, error)
            return None

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # One write of the whole text: json.dump's many small writes through the temporary
            # file's wrapper cost more than encoding.
            text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".tmp-",
                                             suffix=".json", delete=False) as temporary:
                temporary.write(text)
            os.replace(temporary.name, path)
        except OSError as error:   # a full disk or a read-only cache slows the next build, no more
            log.warning("dossier: cannot write the cache entry %s: %s", path, error)


class LatestFolder:
    """A whole folder of files as one entry (the generated site: its pages and its data), only the
    latest kept. An entry is filled in a temporary folder and renamed into place once complete: a
    build killed meanwhile leaves no entry. Without a usable cache folder, the entry is a temporary
    folder, removed when the process ends."""

    def __init__(self, root: Path | None, kind: str):
        self.folder = root / kind if root is not None else None

    def get(self, key: str) -> Path | None:
        """The complete folder of the key, or None."""
        if self.folder is None or not (self.folder / key).is_dir():
            return None
        return self.folder / key

    def latest(self) -> Path | None:
        """The entry kept, whatever its key (a folder being filled is not one), or None."""
        if self.folder is None or not self.folder.is_dir():
            return None
        return next((entry for entry in sorted(self.folder.iterdir())
                     if entry.is_dir() and not entry.name.startswith(".tmp-")), None)

    def put(self, key: str, fill: Callable[[Path], T]) -> tuple[Path, T]:
        """Call `fill` on an empty folder, then make that folder the key's entry (the others are
        removed); return where the entry is, and what `fill` returned."""
        staging = self._staging()
        try:
            made = fill(staging)
            if self.folder is None or staging.parent != self.folder:
                return staging, made
            shutil.rmtree(self.folder / key, ignore_errors=True)
            staging.rename(self.folder / key)
        finally:
            if staging.parent == self.folder:
                shutil.rmtree(staging, ignore_errors=True)   # left only if `fill` failed
        for other in self.folder.iterdir():
            if other.name != key:
                shutil.rmtree(other, ignore_errors=True)
        return self.folder / key, made

    def _staging(self) -> Path:
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                return Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            except OSError as error:   # a read-only cache: this build's files go elsewhere
                log.warning("dossier: cannot write into the cache %s: %s", self.folder, error)
        staging = Path(tempfile.mkdtemp(prefix="dossier-"))
        atexit.register(shutil.rmtree, staging, ignore_errors=True)
        return staging
