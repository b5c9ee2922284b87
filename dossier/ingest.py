"""Ingest: read every article file in the seeds folder, with its metadata, as raw text.

Supported: `.txt` (visible text of a page), `.html` (a saved page), `.md` (Markdown with YAML
front matter). A sidecar `NAME.yml` beside a `.txt` or `.html` works like front matter.
"""
from __future__ import annotations

import codecs
import datetime
import logging
import re
from pathlib import Path

import yaml
from slugify import slugify

from .models import Problem, RawArticle

log = logging.getLogger("mkdocs.plugins.dossier")

FORMATS = ("txt", "html", "md")
META_FIELDS = ("title", "source", "url", "date", "author", "lang")
MAX_BYTES = 5_000_000        # a saved news page is rarely above 2 MB
MAX_META_CHARS = 2_000


def read_seeds(seeds_dir: Path) -> tuple[list[RawArticle], list[Problem]]:
    """Read all articles in `seeds_dir`, sorted by id; bad files become problems, not crashes."""
    raws: list[RawArticle] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in sorted(seeds_dir.iterdir()):
        fmt = path.suffix.lstrip(".").lower()
        if fmt not in FORMATS or path.name.startswith(".") or not path.is_file():
            continue
        try:
            check_file(path, seeds_dir)
            raw = read_article(path)
        except (ValueError, LookupError, OSError) as error:
            problems.append(Problem(path.name, str(error)))
            continue
        if raw.id in seen:
            problems.append(Problem(path.name, f"same article id as {seen[raw.id].name}; skipped"))
            continue
        seen[raw.id] = path
        raws.append(raw)
    return raws, problems


def check_file(path: Path, seeds_dir: Path) -> None:
    # A link could publish any file of the machine that builds the site (e.g. /etc/passwd).
    if not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise ValueError("is a link to a file outside the seeds folder; skipped")
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"is larger than {MAX_BYTES // 1_000_000} MB; is it an article?")


def article_id(path: Path) -> str:
    """The file name without extension, made safe as a page address ("index" is the list's)."""
    stem = slugify(path.stem, regex_pattern=r"[^-a-zA-Z0-9_]+", lowercase=False) or "article"
    return f"{stem}-article" if stem == "index" else stem


def read_article(path: Path) -> RawArticle:
    text = decode(path.read_bytes(), path)
    fmt = path.suffix.lstrip(".").lower()
    aid = article_id(path)
    if fmt == "md":
        meta, body = split_front_matter(text, path)
        return RawArticle(aid, path, "md", body, meta=meta)
    meta = read_sidecar(path)
    if fmt == "html":
        return RawArticle(aid, path, "html", "", html=text, meta=meta)
    return RawArticle(aid, path, "txt", text, meta=meta)


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
        try:
            return data.decode(declared, errors="replace")
        except LookupError:  # a codec that is not a text encoding ("rot13", "base64")
            pass
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
            try:
                return parse_meta(sidecar.read_text(encoding="utf-8"), sidecar)
            except (ValueError, UnicodeDecodeError) as error:
                raise ValueError(f"its metadata file {sidecar.name}: {error}") from None
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
    return {k: meta_text(k, v, path) for k, v in meta.items() if k in META_FIELDS and v is not None}


def meta_text(key: str, value, path: Path) -> str:
    """A metadata value as text: YAML reads 2021-11-11 as a date, 2021 as a number."""
    if not isinstance(value, (str, int, float, datetime.date)):
        raise ValueError(f"metadata field '{key}' must be a single value, not a list or mapping")
    text = str(value).strip()
    if len(text) > MAX_META_CHARS:
        raise ValueError(f"metadata field '{key}' is longer than {MAX_META_CHARS} characters")
    return text
