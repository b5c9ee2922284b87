"""Clean: turn a raw article into title, lede, body blocks, metadata and the list of removed lines.

Editorial knowledge (what furniture looks like, per outlet) lives in YAML: dossier/data/outlets.yml,
extended by the user's editorial/outlets.yml. This module applies it, and adds generic evidence
that needs no profile: where the prose of the page is, which lines have no sentence structure,
which lines repeat across the articles of the dossier.

Saved web pages are first reduced to their main text by trafilatura; paragraphs trafilatura left
out inside that text, which the same cleaning finds in the page's visible text, go back in; the same
rules then apply.

The package's modules, each one step: settings (the tuning knobs), profiles (the YAML rules), lines
(reading text and Markdown, and how a line reads), pages (saved web pages), metadata, furniture,
span (where the article is), structure (title, lede, blocks). This module runs them in turn.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from ..cache import Store, code_version, fingerprint
from ..models import Article, Block, RawArticle
from .furniture import drop_repeated_headline, mark_dated_lists, mark_furniture
from .lines import Line, is_sentence, line_key, markdown_lines, repeated_lines, text_lines
from .metadata import apply_found, apply_meta, choose_date, detect_outlets, read_datelines, read_metadata
from .pages import html_lines, merge_visible_paragraphs, visible_text
from .profiles import Profile, Rules, load_rules
from .settings import CleanSettings
from .span import keep_main_span
from .structure import structure

__all__ = ["CUT_NOTICE", "CleanSettings", "Line", "Profile", "Rules", "clean_article", "clean_articles",
           "load_rules", "markdown_lines", "read_document", "visible_text"]

CUT_NOTICE = ("[Texte coupé : le fichier est bien plus long qu’un article ; seul son début est repris ici "
              "(voir la page Sources).]")


# ---------------------------------------------------------------- entry point


def clean_articles(raws: list[RawArticle], outlets_file: Path | None = None,
                   cache_dir: Path | None = None) -> list[Article]:
    """Clean every article; lines repeated across the corpus are learned from all of them.
    `outlets_file` is the user's editorial/outlets.yml, if any. With a cache folder, an article
    whose input, rules and repeated lines are unchanged is not cleaned again."""
    rules = load_rules(outlets_file)
    documents = [cached_document(raw, Store(cache_dir, "documents")) for raw in raws]
    repeated = repeated_lines([lines for lines, _ in documents], rules.settings)
    store = Store(cache_dir, "clean")
    user_rules = outlets_file.read_bytes() if outlets_file and outlets_file.is_file() else b""
    return [cached_article(raw, lines, page, rules, repeated, store, user_rules)
            for raw, (lines, page) in zip(raws, documents)]


def cached_document(raw: RawArticle, store: Store) -> tuple[list[Line], dict]:
    """read_document, kept: trafilatura takes tens of milliseconds per saved page."""
    key = fingerprint(code_version(), raw.format, raw.html if raw.format == "html" else raw.text)
    found = store.get(key)
    if found is not None:
        return [Line(*line) for line in found["lines"]], found["page"]
    lines, page = read_document(raw)
    store.put(key, {"lines": [[line.text, line.hint, line.removed] for line in lines], "page": page})
    return lines, page


def cached_article(raw: RawArticle, lines: list[Line], page: dict, rules: Rules, repeated: set[str],
                   store: Store, user_rules: bytes) -> Article:
    """clean_article, kept under a key of all it reads: the input, the rules, and which of the
    article's lines the corpus repeats (a new article can make a line of an old one repeated)."""
    mine = sorted({line_key(line.text) for line in lines} & repeated)
    key = fingerprint(code_version(), user_rules, raw.id, raw.path.name, raw.format, raw.text,
                      raw.html or "", json.dumps(raw.meta, sort_keys=True), str(raw.cut), *mine)
    found = store.get(key)
    if found is not None:
        return Article(**{**found, "blocks": [Block(**block) for block in found["blocks"]]})
    article = clean_article(raw, lines, page, rules, repeated)
    store.put(key, asdict(article))
    return article


def read_document(raw: RawArticle) -> tuple[list[Line], dict]:
    """The article's lines, and what a saved page's own metadata says (for html inputs)."""
    if raw.format == "html":
        return html_lines(raw.html or "")
    if raw.format == "md":
        return markdown_lines(raw.text), {}
    return text_lines(raw.text), {}


def clean_article(raw: RawArticle, lines: list[Line], page: dict, rules: Rules,
                  repeated: set[str]) -> Article:
    outlets = detect_outlets(lines, page, rules)
    profiles = [rules.generic, *outlets]
    if raw.format == "html":  # paragraphs trafilatura left out come back from the visible text
        lines = merge_visible_paragraphs(raw.html or "", lines, page, rules, profiles)
    found = read_metadata(lines, rules, outlets)
    mark_furniture(lines, profiles, rules, repeated)
    mark_dated_lists(lines, rules)
    if page.get("title"):
        drop_repeated_headline(lines, page, rules)
    # A saved page's article was found by trafilatura; a Markdown file is the user's own text.
    head_found = raw.format == "txt" and keep_main_span(lines, rules)
    choose_date(lines, found)
    read_datelines(lines, rules, found)
    article = structure(raw.id, lines, rules, rules.metadata.get("dateline"), head_found)
    if raw.cut:  # ingest kept only the start of a file far longer than an article: the page says so
        article.blocks.append(Block("paragraph", CUT_NOTICE))
    article.removed = [line.text for line in lines if line.removed]
    article.path = raw.path.name
    apply_found(article, found, page, outlets)
    first_line = None if article.title_made else article.title
    apply_meta(article, raw.meta)
    keep_first_line(article, first_line, rules)
    return article


def keep_first_line(article: Article, first_line: str | None, rules: Rules) -> None:
    """The first line was taken as the title. If the metadata's title replaced it and it says
    something else, it is the text's own (a paragraph without a final stop, another headline); if
    it was the only line and reads as a sentence, it is the text itself. Either way it goes back in
    front of the text rather than out of sight."""
    if not first_line:
        return
    sentence = is_sentence(first_line, rules)
    if line_key(first_line) != line_key(article.title) or sentence and not (article.blocks or article.lede):
        article.blocks.insert(0, Block("paragraph" if sentence else "heading", first_line))

