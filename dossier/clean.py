"""Clean: turn a raw article into title, lede, body blocks and the list of removed lines.

Editorial knowledge lives in YAML (dossier/data/outlets.yml, extended by the user's
editorial/outlets.yml); this module only applies it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .models import Article, Block, RawArticle

BUILTIN_PROFILES = Path(__file__).parent / "data" / "outlets.yml"
TITLE_MAX = 120
# Characters that carry nothing a reader sees: soft hyphen, zero-width spaces and joiners, BOM.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
SENTENCE_END = tuple(".!?…»\"”:")
QUOTE_OPENERS = tuple("«\"“")


@dataclass
class Profile:
    name: str
    source: str | None = None
    detect: list[str] = field(default_factory=list)
    cut_from: list[str] = field(default_factory=list)
    lines: list[re.Pattern] = field(default_factory=list)


def load_profiles(editorial_dir: Path | None = None) -> tuple[Profile, dict[str, Profile]]:
    """The generic profile and the outlet profiles, the user's file overriding the built-in one."""
    data = yaml.safe_load(BUILTIN_PROFILES.read_text(encoding="utf-8"))
    user_file = editorial_dir / "outlets.yml" if editorial_dir else None
    if user_file and user_file.is_file():
        user = yaml.safe_load(user_file.read_text(encoding="utf-8")) or {}
        data["outlets"].update(user.get("outlets") or {})
        for key in ("cut_from", "lines"):
            data["generic"][key] += (user.get("generic") or {}).get(key) or []
    generic = _profile("generic", data["generic"])
    outlets = {name: _profile(name, spec) for name, spec in data["outlets"].items()}
    return generic, outlets


def _profile(name: str, spec: dict) -> Profile:
    return Profile(
        name=name,
        source=spec.get("source"),
        detect=[d.lower() for d in spec.get("detect") or []],
        cut_from=[c.casefold() for c in spec.get("cut_from") or []],
        lines=[re.compile(p) for p in spec.get("lines") or []],
    )


def clean_articles(raws: list[RawArticle], editorial_dir: Path | None = None) -> list[Article]:
    generic, outlets = load_profiles(editorial_dir)
    return [clean_article(raw, generic, outlets) for raw in raws]


def clean_article(raw: RawArticle, generic: Profile, outlets: dict[str, Profile]) -> Article:
    text = normalise(raw.text)
    outlet = detect_outlet(text, outlets)
    profiles = [generic] + ([outlet] if outlet else [])
    lines = [line.strip() for line in text.split("\n")]
    body, removed = remove_boilerplate(lines, profiles)
    article = structure(raw.id, body)
    article.removed = removed
    article.path = raw.path.name
    if outlet and outlet.source:
        article.source = outlet.source
        article.origins["source"] = f"profil {outlet.name}"
    apply_meta(article, raw.meta)
    return article


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def detect_outlet(text: str, outlets: dict[str, Profile]) -> Profile | None:
    lowered = text.lower()
    for profile in outlets.values():
        if any(marker in lowered for marker in profile.detect):
            return profile
    return None


def remove_boilerplate(lines: list[str], profiles: list[Profile]) -> tuple[list[str], list[str]]:
    """Split lines into body and removed; empty lines are kept in the body as separators."""
    body: list[str] = []
    removed: list[str] = []
    cut = False
    for line in lines:
        if line and not cut:
            cut = any(line.casefold() in p.cut_from for p in profiles)
        if cut or (line and any(rx.fullmatch(line) for p in profiles for rx in p.lines)):
            if line:
                removed.append(line)
            continue
        body.append(line)
    return body, removed


def structure(article_id: str, lines: list[str]) -> Article:
    """Title, lede and typed blocks from the body lines."""
    paragraphs = [line for line in lines if line]
    title, made = None, False
    if paragraphs and is_title(paragraphs[0]):
        title = paragraphs.pop(0)
    lede = None
    if title and len(paragraphs) > 1 and len(paragraphs[0]) <= 300:
        lede = paragraphs.pop(0)
    blocks: list[Block] = []
    for i, line in enumerate(paragraphs):
        blocks.append(Block(block_kind(line, paragraphs, i, blocks), line))
    if title is None:
        title, made = make_title(paragraphs), True
    article = Article(article_id, title, blocks, lede=lede, title_made=made)
    article.origins["title"] = "fait à partir du texte" if made else "première ligne"
    return article


def is_title(line: str) -> bool:
    return len(line) <= 200 and not line.endswith((".", "!", ":", ";"))


def block_kind(line: str, lines: list[str], i: int, done: list[Block]) -> str:
    if line.startswith(QUOTE_OPENERS) and line.endswith(("»", "\"", "”")):
        return "quote"
    if done and done[-1].kind == "quote" and len(line) <= 200 and not line.endswith("."):
        return "caption"
    if len(line) <= 80 and not line.endswith(SENTENCE_END) and i + 1 < len(lines):
        return "heading"
    return "paragraph"


def make_title(paragraphs: list[str]) -> str:
    """The first sentence of the text, cut at a word boundary to at most TITLE_MAX characters."""
    first = paragraphs[0] if paragraphs else ""
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def apply_meta(article: Article, meta: dict) -> None:
    """Front matter and sidecar metadata win over anything inferred."""
    for key in ("title", "source", "url", "date", "author"):
        if meta.get(key):
            setattr(article, key, meta[key])
            article.origins[key] = "métadonnées"
    if meta.get("title"):
        article.title_made = False
