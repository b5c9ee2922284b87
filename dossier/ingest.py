"""Ingest: read every article file in the seeds folder, with its metadata, as raw text.

Supported: `.txt` (visible text of a page), `.html` (a saved page), `.md` (Markdown with YAML
front matter). A sidecar `NAME.yml` beside a `.txt` or `.html` works like front matter.
"""
from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

import yaml

from .models import Problem, RawArticle

log = logging.getLogger("mkdocs.plugins.dossier")

FORMATS = ("txt", "html", "md")
META_FIELDS = ("title", "source", "url", "date", "author", "lang")


def read_seeds(seeds_dir: Path) -> tuple[list[RawArticle], list[Problem]]:
    """Read all articles in `seeds_dir`, sorted by id; bad files become problems, not crashes."""
    raws: list[RawArticle] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in sorted(seeds_dir.iterdir()):
        fmt = path.suffix.lstrip(".").lower()
        if not path.is_file() or fmt not in FORMATS or path.name.startswith("."):
            continue
        if path.stem in seen:
            problems.append(Problem(str(path), f"same article id as {seen[path.stem].name}; skipped"))
            continue
        try:
            raw = read_article(path)
        except ValueError as error:
            problems.append(Problem(str(path), str(error)))
            continue
        seen[path.stem] = path
        raws.append(raw)
    return raws, problems


def read_article(path: Path) -> RawArticle:
    text = decode(path.read_bytes(), path)
    fmt = path.suffix.lstrip(".").lower()
    if fmt == "md":
        meta, body = split_front_matter(text, path)
        return RawArticle(path.stem, path, "md", body, meta=meta)
    meta = read_sidecar(path)
    if fmt == "html":
        return RawArticle(path.stem, path, "html", "", html=text, meta=meta)
    return RawArticle(path.stem, path, "txt", text, meta=meta)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 first (with or without BOM); otherwise let charset-normalizer find the encoding."""
    if not data.strip():
        raise ValueError("the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        return data.decode(declared, errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot tell the text encoding (is it a text file?)")
    log.warning("dossier: %s is not UTF-8; read as %s", path, best.encoding)
    return str(best)


def declared_charset(data: bytes) -> str | None:
    """The encoding a saved page declares (<meta charset=…>), when Python knows it."""
    found = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:8192], re.IGNORECASE)
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ValueError("front matter opened with '---' is never closed")
    meta = parse_meta(parts[0][3:], path)
    return meta, parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""


def read_sidecar(path: Path) -> dict:
    for suffix in (".yml", ".yaml"):
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            return parse_meta(sidecar.read_text(encoding="utf-8"), sidecar)
    return {}


def parse_meta(text: str, path: Path) -> dict:
    try:
        meta = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"metadata is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError("metadata must be a YAML mapping such as 'title: …'")
    unknown = set(meta) - set(META_FIELDS)
    if unknown:
        log.warning("dossier: %s: unknown metadata fields ignored: %s", path, ", ".join(sorted(unknown)))
    # YAML reads 2021-11-11 as a date: keep every value as text.
    return {k: str(v) for k, v in meta.items() if k in META_FIELDS and v is not None}
