"""Clean: turn a raw article into title, lede, body blocks, metadata and the list of removed lines.

Editorial knowledge (what furniture looks like, per outlet) lives in YAML: dossier/data/outlets.yml,
extended by the user's editorial/outlets.yml. This module applies it, and adds generic evidence
that needs no profile: where the prose of the page is, which lines have no sentence structure,
which lines repeat across the articles of the dossier.

Saved web pages are first reduced to their main text by trafilatura; paragraphs trafilatura left
out inside that text, which the same cleaning finds in the page's visible text, go back in; the same
rules then apply.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
import datetime
from pathlib import Path

import yaml

from .cache import Store, code_version, fingerprint
from .models import Article, Block, RawArticle

log = logging.getLogger("mkdocs.plugins.dossier")

BUILTIN_PROFILES = Path(__file__).parent / "data" / "outlets.yml"
TITLE_MAX = 120
LEDE_MAX = 400
HEADING_MAX = 120
# Characters that carry nothing a reader sees: soft hyphen, zero-width spaces and joiners, BOM.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Control characters other than line breaks and tabs carry nothing either, and must not reach a page.
INVISIBLE.update(dict.fromkeys((c for c in range(32) if chr(c) not in "\n\r\t"), None))
INVISIBLE[0x7F] = None
# No-break spaces are typography and stay in the text; rules see them as plain spaces.
SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009"), " ")
SENTENCE_END = tuple(".!?…»\"”")
QUOTE_MARKS = {"«": "»", "\"": "\"", "“": "”"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Two fields glued when a page's text was copied: "…affaires étrangèresConférence de presse…".
GLUED = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Ý][a-zà-ÿ])")

# Weights of the search for the article's prose (see main_span): a sentence scores its word count
# less SENTENCE_COST (so that long paragraphs, not teasers, make an article); a line without
# sentence structure costs SHORT_COST, a line a rule removed REMOVED_COST, and a related-links
# heading SECTION_COST: the article rarely goes on after one.
SENTENCE_COST = 8
SHORT_COST = 4
REMOVED_COST = 12
# A run of removed lines is one piece of furniture (a newsletter box, a share row): after its first
# line, each further line of the run costs only RUN_COST.
RUN_COST = 6
SECTION_COST = 60
# A line that ends the article (comments, most read) counts only after this much prose.
CUT_AFTER_WORDS = 80
# Lines after the prose that may still close the article, when they read as sentences.
TAIL_LINES = 2
SECTION = "liens vers d'autres articles"
SECTION_HEADING = "titre d'une liste de liens"
INLINE_SECTION = "titre d'un encadré de liens dans le texte"
INLINE_PARAGRAPHS = 2
LINK_QUESTION_WORDS = 16
SUBHEADING_WORDS = 7
# A line above the first paragraph that shares this share of its content words with the page's
# title (and at least 3 of them) is the headline again; a headline has at most HEADLINE_WORDS words.
HEADLINE_OVERLAP = 0.6
HEADLINE_WORDS = 30
# The attribution under an embedded post: "— Name (@handle) February 17, 2020".
EMBED_CREDIT = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*\w+\s+\d{1,2},?\s+\d{4}|"
                          r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*\d{1,2}\s+\w+\s+\d{4}")
# A feed or agenda: at least DATED_RUN lines opened by a numeric date or a time, at most DATED_GAP
# lines apart ("9/11 Abandon du projet…", "17:37 Humbert, le grand huit !").
DATED = re.compile(r"(\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?|\d{1,2}[:h]\d{2})\s+\S")
# A line opened by a time or a full numeric date is a timestamp or a feed entry, not a headline.
WITH_AGENCY = re.compile(r"\s+(avec|with)\s+(l['’])?(afp|reuters|ap|agences?)\.?$", re.I)
STAMPED = re.compile(r"(\d{1,2}[:h]\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
DATED_RUN = 3
DATED_GAP = 1
DATED_LIST = "liste datée (fil d'actualité, agenda)"
# A line repeated in this many articles of the dossier is furniture, whatever it says.
REPEATED_IN = 2
PAGE_FIELDS = ("title", "date", "url", "author", "sitename")
# Only paragraphs inside trafilatura's range come back. Measured on the extraction bench, taking one
# more paragraph at each edge too (EDGE = 1) gives snippets 0.974 but full text 0.988 (from 0.994):
# the paragraph just outside is as often a standfirst or a byline the gold leaves out as body.
EDGE = 0
HTML_KINDS = {"head": "heading", "quote": "quote", "p": "paragraph", "list": "paragraph", "table": "paragraph"}
CUT_NOTICE = ("[Texte coupé : le fichier est bien plus long qu’un article ; seul son début est repris ici "
              "(voir la page Sources).]")


@dataclass
class Profile:
    name: str
    source: str | None = None
    names: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    lines: list[re.Pattern] = field(default_factory=list)
    sections: list[re.Pattern] = field(default_factory=list)
    cut_from: list[re.Pattern] = field(default_factory=list)
    ends: list[re.Pattern] = field(default_factory=list)


@dataclass
class Rules:
    """Everything the YAML says: the generic profile, the outlets, metadata patterns, words."""
    generic: Profile
    outlets: dict[str, Profile]
    metadata: dict[str, list[re.Pattern]]
    words: frozenset[str]


@dataclass
class Line:
    text: str
    hint: str | None = None          # block kind known from the markup (html, md)
    removed: str | None = None       # why the line was taken out, if it was


# ---------------------------------------------------------------- rules


def load_rules(user_file: Path | None = None) -> Rules:
    """The built-in profiles, extended or overridden by the user's editorial/outlets.yml; a user
    file that cannot be used is named in a warning and left aside."""
    if user_file and user_file.is_file():
        try:
            data = yaml.safe_load(BUILTIN_PROFILES.read_text(encoding="utf-8"))
            merge_user_rules(data, yaml.safe_load(user_file.read_text(encoding="utf-8")) or {})
            return make_rules(data)
        except (yaml.YAMLError, re.error, TypeError, AttributeError, KeyError, ValueError) as error:
            log.warning("dossier: %s cannot be used, the built-in profiles alone apply: %s",
                        user_file.name, error)
    return make_rules(yaml.safe_load(BUILTIN_PROFILES.read_text(encoding="utf-8")))


def make_rules(data: dict) -> Rules:
    generic = data["generic"]
    return Rules(
        generic=make_profile("generic", generic),
        outlets={name: make_profile(name, spec or {}) for name, spec in data["outlets"].items()},
        metadata={kind: compile_all(patterns) for kind, patterns in generic["metadata"].items()},
        words=frozenset(w for text in generic["words"].values() for w in text.split()),
    )


def merge_user_rules(data: dict, user: dict) -> None:
    data["outlets"].update(user.get("outlets") or {})
    for key, value in (user.get("generic") or {}).items():
        if isinstance(value, dict):
            for sub, items in value.items():
                data["generic"][key].setdefault(sub, [])
                data["generic"][key][sub] += items if isinstance(items, list) else [items]
        else:
            data["generic"].setdefault(key, [])
            data["generic"][key] += value


def compile_all(patterns: list[str] | None) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in patterns or []]


def make_profile(name: str, spec: dict) -> Profile:
    return Profile(
        name=name,
        source=spec.get("source"),
        names=[n.casefold() for n in [spec.get("source") or "", *(spec.get("names") or [])] if n],
        marks=[m.casefold() for m in spec.get("marks") or []],
        domains=[d.casefold() for d in spec.get("domains") or []],
        lines=compile_all(spec.get("lines")),
        sections=compile_all(spec.get("sections")),
        cut_from=compile_all(spec.get("cut_from")),
        ends=compile_all(spec.get("ends")),
    )


def matches(patterns: list[re.Pattern], text: str) -> re.Match | None:
    text = text.translate(SPACES)
    for pattern in patterns:
        found = pattern.fullmatch(text)
        if found:
            return found
    return None


# ---------------------------------------------------------------- entry point


def clean_articles(raws: list[RawArticle], outlets_file: Path | None = None,
                   cache_dir: Path | None = None) -> list[Article]:
    """Clean every article; lines repeated across the corpus are learned from all of them.
    `outlets_file` is the user's editorial/outlets.yml, if any. With a cache folder, an article
    whose input, rules and repeated lines are unchanged is not cleaned again."""
    rules = load_rules(outlets_file)
    documents = [cached_document(raw, Store(cache_dir, "documents")) for raw in raws]
    repeated = repeated_lines([lines for lines, _ in documents])
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


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    return re.sub(r"[ \t]+", " ", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_lines(text: str) -> list[Line]:
    return [Line(line.strip()) for line in normalise(text).split("\n") if line.strip()]


def markdown_lines(text: str) -> list[Line]:
    """Markdown: `#` lines are headings, `>` lines quotes; links and emphasis become plain text."""
    lines = []
    for line in text_lines(text):
        # A link's text or address, and an emphasis, cannot hold their own marks: each search then
        # stops at the next mark, and a long line of unclosed marks ("[[[[…") takes linear time.
        body = re.sub(r"!?\[([^\[\]]*)\]\([^()]*\)", r"\1", line.text)
        body = re.sub(r"(\*\*|\*)(\S(?:[^*]*?\S)?)\1|(__|_)(\S(?:[^_]*?\S)?)\3", r"\2\4", body)
        if body.startswith("# ") and not lines:
            lines.append(Line(body[2:].strip(), hint="title"))
        elif body.startswith("#"):
            lines.append(Line(body.lstrip("#").strip(), hint="heading"))
        elif body.startswith(">"):
            lines.append(Line(body.lstrip("> ").strip(), hint="quote"))
        else:
            lines.append(Line(re.sub(r"^([-*+]|\d+\.)\s+", "", body)))
    return [line for line in lines if line.text]


def html_lines(html: str) -> tuple[list[Line], dict]:
    """The main text of a saved page as trafilatura finds it, with block kinds and page metadata."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=True, include_images=False)
    if not xml:
        return [], {}
    doc = etree.fromstring(xml)
    page = {key: normalise(doc.get(key)).strip() for key in PAGE_FIELDS if doc.get(key)}
    lines = [Line(page["title"], hint="title")] if page.get("title") else []
    for element in doc.find("main"):
        kind = HTML_KINDS.get(element.tag, "paragraph")
        for text in element_texts(element):
            lines.append(Line(text, hint=kind))
    if len(lines) > 1 and lines[0].hint == "title" and line_key(lines[1].text) == line_key(lines[0].text):
        del lines[1]  # the page's <h1> repeats its title
    return lines, page


def element_texts(element) -> list[str]:
    """The lines of one block of trafilatura's XML: <lb/> and list items break lines."""
    if element.tag in ("list", "table"):
        return [t for child in element for t in element_texts(child)]
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    text = normalise("".join(parts))
    return [line.strip() for line in text.split("\n") if line.strip()]


BLOCK_TAGS = ("p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "li", "ul", "ol",
              "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table", "tr", "td",
              "th", "dd", "dt", "dl", "br", "hr", "form", "pre", "address")


def visible_text(html: str) -> str:
    """The text a reader sees on a saved page, one block per line (what "select all, copy" gives)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # an unparsable page: no second opinion, trafilatura's text stands
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template|//svg|//head|//figure|//figcaption"
                              "|//*[contains(@class, 'caption')]"):
        element.drop_tree()
    # A block whose whole text is a link is a teaser ("How likely is …?", a promo card), not prose.
    for element in list(tree.iter(*BLOCK_TAGS, "a")):
        text = element.text_content().strip()
        links = "".join(a.text_content() for a in element.iter("a")).strip()
        if text and (element.tag == "a" and element.find(".//p") is not None or element.tag != "a"
                     and squash_key(links) == squash_key(text)):
            element.drop_tree()
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return tree.text_content()


def merge_visible_paragraphs(html: str, lines: list[Line], page: dict, rules: Rules,
                             profiles: list[Profile]) -> list[Line]:
    """trafilatura sometimes drops a paragraph of the article (a box of key facts, an intro set
    above the byline). The page's visible text, cleaned as a .txt article is, gives a second
    opinion: its running paragraphs that trafilatura left out, inside trafilatura's range or just
    next to it, go back in at their place."""
    seen = [Line(line.text) for line in text_lines(visible_text(html))]
    if not seen:
        return lines
    read_metadata(seen, rules, [])
    mark_furniture(seen, profiles, rules, set())
    mark_dated_lists(seen, rules.words)
    keep_main_span(seen, rules.words)
    kept = [line for line in seen if not line.removed]
    keys = [squash_key(line.text) for line in lines]

    def where(text: str) -> int | None:
        key = squash_key(text)
        for j, other in enumerate(keys):
            if len(other) >= 20 and (key in other or other in key) or key == other:
                return j
        return None

    places = [where(line.text) for line in kept]
    matched = [i for i, j in enumerate(places) if j is not None and lines[j].hint != "title"]
    if not matched:
        return lines
    inserts: dict[int, list[Line]] = {}
    for i in range(max(matched[0] - EDGE, 0), min(matched[-1] + 1 + EDGE, len(kept))):
        if places[i] is not None or not is_paragraph(kept[i].text, rules.words):
            continue
        before = [places[k] for k in range(i) if places[k] is not None]
        at = before[-1] + 1 if before else places[matched[0]]
        inserts.setdefault(at, []).append(Line(kept[i].text, hint="paragraph"))
    if not inserts:
        return lines
    merged: list[Line] = []
    for j in range(len(lines) + 1):
        merged += inserts.get(j, [])
        if j < len(lines):
            merged.append(lines[j])
    return merged


def squash_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def repeated_lines(documents: list[list[Line]]) -> set[str]:
    """Lines found in several articles: site furniture the corpus itself reveals."""
    if len(documents) < REPEATED_IN:
        return set()
    counts = Counter(key for lines in documents for key in {line_key(line.text) for line in lines})
    # Bare numbers ("19", a minute mark "19'") meet across pages by chance: no evidence.
    return {key for key, n in counts.items() if n >= REPEATED_IN and WORD.search(key)}


def line_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def clean_article(raw: RawArticle, lines: list[Line], page: dict, rules: Rules,
                  repeated: set[str]) -> Article:
    outlets = detect_outlets(lines, page, rules)
    profiles = [rules.generic, *outlets]
    if raw.format == "html":  # paragraphs trafilatura left out come back from the visible text
        lines = merge_visible_paragraphs(raw.html or "", lines, page, rules, profiles)
    found = read_metadata(lines, rules, outlets)
    mark_furniture(lines, profiles, rules, repeated)
    mark_dated_lists(lines, rules.words)
    if page.get("title"):
        drop_repeated_headline(lines, page, rules.words)
    # A saved page's article was found by trafilatura; a Markdown file is the user's own text.
    if raw.format == "txt":
        keep_main_span(lines, rules.words)
    article = structure(raw.id, lines, rules.words, rules.metadata.get("dateline"))
    if raw.cut:  # ingest kept only the start of a file far longer than an article: the page says so
        article.blocks.append(Block("paragraph", CUT_NOTICE))
    article.removed = [line.text for line in lines if line.removed]
    article.path = raw.path.name
    apply_found(article, found, page, outlets)
    apply_meta(article, raw.meta)
    return article


# ---------------------------------------------------------------- outlets and metadata


def detect_outlets(lines: list[Line], page: dict, rules: Rules) -> list[Profile]:
    """Outlets whose marks, bylines or web address the page carries (not a mere body mention)."""
    text = "\n".join(line.text for line in lines).casefold()
    bylines = {byline_name(line.text, rules) for line in lines} - {None}
    url = (page.get("url") or "").casefold()
    found = []
    for profile in rules.outlets.values():
        if (any(mark in text for mark in profile.marks)
                or bylines & set(profile.names)
                or (url and any(domain in url for domain in profile.domains))):
            found.append(profile)
    return found


def byline_name(text: str, rules: Rules) -> str | None:
    found = matches(rules.metadata.get("byline", []), text) if len(text) <= 80 else None
    return found.group("source").strip().casefold() if found else None


def read_metadata(lines: list[Line], rules: Rules, outlets: list[Profile]) -> dict[str, tuple[str, str]]:
    """Parse metadata lines (dates, bylines, credits), mark them removed; return field → (value, origin)."""
    found: dict[str, tuple[str, str]] = {}
    names = outlet_names(rules)
    for i, line in enumerate(lines):
        if len(line.text) > 200 or line.removed:
            continue
        if read_published(line, rules, found) or read_byline(line, rules, names, found):
            continue
        if matches(rules.metadata.get("byline_label", []), line.text):
            # "Texte par :" / "Article rédigé par" alone: the name is on the next line
            line.removed = "signature"
            following = lines[i + 1] if i + 1 < len(lines) else None
            if following and len(following.text) <= 80:
                read_byline(following, rules, names, found, text=f"Par {following.text}")
            continue
        if matches(rules.metadata.get("credit", []), line.text):
            line.removed = "crédit photo"
        else:
            read_copyright(line, rules, names, found)
    for line in lines:
        read_dateline(line, rules, found)
    return found


def outlet_names(rules: Rules) -> dict[str, Profile]:
    """Every name an outlet goes by (casefolded) → its profile."""
    return {name: p for p in rules.outlets.values() for name in p.names}


def read_copyright(line: Line, rules: Rules, names: dict[str, Profile], found: dict) -> None:
    """"© 2021 Sahel Tribune. Tous droits réservés.": the site's own name, a last resort for the
    source. Only a dated or rights-reserving notice counts: a bare "© AFP" is a photo's credit."""
    match = matches(rules.metadata.get("copyright", []), line.text)
    if not match or "site" in found or not re.search(r"\d{4}|droits réservés|rights reserved", line.text, re.I):
        return
    who = re.sub(r"\s*(tous droits réservés|all rights reserved)\s*$", "", match.group("source"), flags=re.I).strip()
    outlet = names.get(who.casefold())
    if outlet and outlet.source:
        who = outlet.source
    if who and len(WORD.findall(who)) <= 5:
        found["site"] = (who, f"mention de copyright « {shorten(line.text)} »")


def read_published(line: Line, rules: Rules, found: dict) -> bool:
    match = matches(rules.metadata.get("published", []), line.text)
    if not match:
        return False
    line.removed = "date de publication"
    date = parse_date(match.groupdict().get("date"))
    if date and "date" not in found:
        found["date"] = (date, f"ligne « {shorten(line.text)} »")
    return True


def read_byline(line: Line, rules: Rules, names: dict[str, Profile], found: dict, text: str | None = None) -> bool:
    match = matches(rules.metadata.get("byline", []), text or line.text)
    if not match or len(WORD.findall(match.group("source"))) > 6:
        return False
    line.removed = "signature"
    origin = f"signature « {shorten(line.text)} »"
    # "Pierre Lefèvre - franceinfo Afrique", "Jeanne Martin, Le Monde": a person and an outlet
    for who in re.split(r"\s+[-–—|]\s+|,\s+", match.group("source").strip()):
        # "Le Figaro avec AFP": the outlet that signs, helped by an agency
        who = WITH_AGENCY.sub("", who).strip() or who
        outlet = names.get(who.casefold())
        if outlet and outlet.source and "source" not in found:
            found["source"] = (outlet.source, origin)
        elif not outlet and "author" not in found and not matches(rules.metadata.get("desk", []), who):
            found["author"] = (who, origin)
    return True


def read_dateline(line: Line, rules: Rules, found: dict) -> None:
    """A dateline opens a body paragraph: the paragraph stays, the date is read from it."""
    if line.removed or "date" in found:
        return
    match = matches(rules.metadata.get("dateline", []), line.text)
    date = parse_date(match.group("date")) if match else None
    if date:
        found["date"] = (date, f"lieu et date en tête de paragraphe « {shorten(match.group('date'))} »")


def parse_date(text: str | None) -> str | None:
    # "aujourd’hui", "hier", "il y a 2 heures" are relative to a day the text does not give
    if not text or not re.search(r"\b\d{4}\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
        return None
    import dateparser  # imported here: only articles with a date line pay for it

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text.strip(" ,|•-"), languages=["fr", "en"], settings=settings)
    return parsed.strftime("%Y-%m-%d") if parsed else None


def metadata_date(value: str, path: str) -> str | None:
    """A date the user wrote, as YYYY-MM-DD; a date that is not a day is ignored, with a warning."""
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        parsed = parse_date(value)
    if parsed is None:
        log.warning("dossier: %s: metadata date %r is not a day (expected YYYY-MM-DD); ignored", path, value)
    return parsed


def shorten(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


# ---------------------------------------------------------------- furniture


def mark_furniture(lines: list[Line], profiles: list[Profile], rules: Rules, repeated: set[str]) -> None:
    """Mark the lines profiles and the corpus know as furniture: lines, sections, tails."""
    prose_words = 0
    names = {line_key(name) for name in outlet_names(rules)}
    for i, line in enumerate(lines):
        if line.removed:
            continue
        # A "Comments" line near the top is a link to them, not the start of the thread.
        if prose_words >= CUT_AFTER_WORDS and any(matches(p.cut_from, line.text) for p in profiles):
            cut_rest(lines, i, "fin de l'article")
            return
        if any(matches(p.sections, line.text) for p in profiles):
            remove_section(lines, i, rules.words, [e for p in profiles for e in p.ends])
        elif any(matches(p.lines, line.text) for p in profiles):
            line.removed = "habillage du site"
        elif line_key(line.text) in names:
            line.removed = "nom d'un média (logo, signature)"
        elif line_key(line.text) in repeated and not is_sentence(line.text, rules.words):
            line.removed = "ligne répétée dans plusieurs articles"
        elif is_paragraph(line.text, rules.words):
            prose_words += len(WORD.findall(line.text))


def mark_dated_lists(lines: list[Line], words: frozenset[str]) -> None:
    """A run of lines opened by a numeric date or a time ("9/11 …", "18:30 …") is a feed of teasers
    or an agenda, not the article: when most of them read as headlines rather than sentences.
    A line between two dated ones (a teaser's second line) goes with them."""
    run: list[int] = []
    for i, line in enumerate([*lines, Line("")]):
        if i < len(lines) and line.removed:
            continue
        if i < len(lines) and DATED.match(line.text):
            if run and i - run[-1] > DATED_GAP + 1:
                remove_dated_run(lines, run, words)
                run = []
            run.append(i)
        elif run and (i >= len(lines) or i - run[-1] > DATED_GAP):
            remove_dated_run(lines, run, words)
            run = []


def remove_dated_run(lines: list[Line], run: list[int], words: frozenset[str]) -> None:
    headlines = sum(not is_paragraph(lines[i].text, words) for i in run)
    if len(run) < DATED_RUN or headlines * 2 <= len(run):
        return
    for line in lines[run[0]:run[-1] + 1]:
        line.removed = line.removed or DATED_LIST


def cut_rest(lines: list[Line], start: int, reason: str) -> None:
    for line in lines[start:]:
        line.removed = line.removed or reason


def remove_section(lines: list[Line], start: int, words: frozenset[str],
                   ends: list[re.Pattern] | None = None) -> None:
    """A related-links heading and the headline-like lines under it, up to the next paragraph
    (a headline put as a short question, "Mali : qui est le colonel Goïta ?", is still a link), or
    up to a line that closes the box ("Fin de Article recommandé"). When INLINE_PARAGRAPHS running
    paragraphs follow the links, the box sat inside the article ("À lire aussi" between two
    paragraphs): its heading then weighs as any removed line, not as the end of the article, and
    a short line just above the paragraphs, unlike the headlines, is the next part's subheading."""
    lines[start].removed = SECTION_HEADING
    links: list[Line] = []
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.removed:
            continue
        if ends and matches(ends, line.text):
            line.removed = SECTION
            lines[start].removed = INLINE_SECTION
            return
        if (is_paragraph(line.text, words) and not is_linked_headline(line.text)) or line.hint == "heading":
            after = [other for other in lines[i:i + INLINE_PARAGRAPHS]]
            if len(after) == INLINE_PARAGRAPHS and all(
                    not other.removed and is_paragraph(other.text, words) for other in after):
                lines[start].removed = INLINE_SECTION
                if len(links) >= 2 and lines[i - 1] is links[-1] and is_subheading(links[-1].text, links[:-1]):
                    links[-1].removed = None
            return
        line.removed = SECTION
        links.append(line)


def is_linked_headline(text: str) -> bool:
    """A headline as a question ("Mali : qui est … ?"): short, with no sentence before the "?"."""
    return (text.endswith("?") and len(WORD.findall(text)) <= LINK_QUESTION_WORDS
            and not re.search(r"[.!?…]\s", text))


def is_subheading(text: str, links: list[Line]) -> bool:
    """A line much shorter than the headlines listed above it, with no "Place :" or "?"."""
    size = len(WORD.findall(text))
    return (size <= SUBHEADING_WORDS and not re.search(r"[:?|]", text)
            and all(len(WORD.findall(link.text)) > size for link in links))


def is_paragraph(text: str, words: frozenset[str]) -> bool:
    """A sentence long or finished enough to be running text rather than a headline."""
    return is_sentence(text, words) and (text.endswith(SENTENCE_END) or len(WORD.findall(text)) >= 25)


def drop_repeated_headline(lines: list[Line], page: dict, words: frozenset[str]) -> None:
    """Above the first paragraph, lines that repeat the page's headline (its <h1>, or its <title>
    with the site's name appended) are the title, not the body. The displayed headline becomes the
    title: a page's <title> often carries the site's name or a rewritten headline.
    """
    title = page["title"]
    shown = None
    for line in lines:
        if line.removed or line.hint == "title":
            continue
        if is_paragraph(line.text, words) or len(WORD.findall(line.text)) > HEADLINE_WORDS:
            break
        if same_headline(line.text, title, words):
            line.removed = "titre répété"
            if shown is None and (line.hint == "heading" or line_key(title).startswith(line_key(line.text))):
                shown = line.text
    if shown:
        page["title"] = shown
        for line in lines:
            if line.hint == "title":
                line.text = shown


def same_headline(text: str, title: str, words: frozenset[str]) -> bool:
    """Two wordings of one headline: most content words of the shorter one are in the other."""
    ours, theirs = content_words(text, words), content_words(title, words)
    shared = len(ours & theirs)
    return shared >= 3 and shared >= HEADLINE_OVERLAP * min(len(ours), len(theirs))


def content_words(text: str, words: frozenset[str]) -> set[str]:
    return {token for token in WORD.findall(text.casefold()) if token not in words}


# ---------------------------------------------------------------- where the article is


def is_sentence(text: str, words: frozenset[str]) -> bool:
    """A line with sentence structure: enough words, and enough function words among them."""
    tokens = WORD.findall(text.casefold())
    if len(tokens) < 4:
        return False
    ratio = function_ratio(text, words)
    if len(tokens) >= 12:
        return ratio >= 0.15
    return ratio >= 0.2 and text.endswith(SENTENCE_END + (":", ")"))


def function_ratio(text: str, words: frozenset[str]) -> float:
    """The share of function words ("le", "de", "the", elided "l’…") among the line's words."""
    tokens = WORD.findall(text.casefold())
    if len(tokens) < 4:
        return 0.0
    return sum(token in words or "'" in token or "’" in token for token in tokens) / len(tokens)


def line_score(line: Line, words: frozenset[str]) -> int:
    if line.removed:
        return -SECTION_COST if line.removed == SECTION_HEADING else -REMOVED_COST
    if is_sentence(line.text, words):
        return len(WORD.findall(line.text)) - SENTENCE_COST
    if not WORD.search(line.text):
        return 0  # no word at all ("14'", "3."): no evidence either way
    return -SHORT_COST


def main_span(lines: list[Line], words: frozenset[str]) -> tuple[int, int]:
    """The run of lines where prose outweighs furniture most (maximum-sum segment, Kadane)."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0, i
        in_run = line.removed and i and lines[i - 1].removed and line.removed != SECTION_HEADING
        total += -RUN_COST if in_run else line_score(line, words)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def keep_main_span(lines: list[Line], words: frozenset[str]) -> None:
    """Lines before and after the article's prose are furniture, except the title and lede above it."""
    start, end = main_span(lines, words)
    end = extend_tail(lines, end, words)
    head = head_lines(lines, start)
    for i, line in enumerate(lines):
        if line.removed or line.hint == "title" or start <= i < end or any(line is h for h in head):
            continue
        line.removed = "en tête de page" if i < start else "en pied de page"


def extend_tail(lines: list[Line], end: int, words: frozenset[str]) -> int:
    """A closing sentence too short to weigh in the search still belongs to the article; so does
    the attribution line of an embedded post. Lines without a word (a live feed's minute marks
    "7'", numbering) are passed over on the way to such a sentence, not counted."""
    for _ in range(TAIL_LINES):
        after = end
        while after < len(lines) and after - end < TAIL_LINES and not lines[after].removed \
                and not WORD.search(lines[after].text):
            after += 1
        if after < len(lines) and not lines[after].removed and (
                function_ratio(lines[after].text, words) >= 0.3 or EMBED_CREDIT.fullmatch(lines[after].text)):
            end = after + 1
        else:
            break
    return end


def head_lines(lines: list[Line], start: int) -> list[Line]:
    """Title and lede just above the prose: up to two headline-like lines, furniture skipped."""
    found: list[Line] = []
    for line in reversed(lines[:start]):
        if line.removed or not WORD.search(line.text):
            continue  # furniture, or no word at all ("0" comments): no evidence either way
        if not is_headline(line.text) or len(found) == 2:
            break
        found.append(line)
    return found


def is_headline(text: str) -> bool:
    """A line that may be the title or the lede: not a timestamp ("21:17 18.11.2019 …")."""
    tokens = WORD.findall(text)
    return (3 <= len(tokens) and len(text) <= 250 and not text.endswith((":", "|", "•"))
            and not STAMPED.match(text))


# ---------------------------------------------------------------- structure


def structure(article_id: str, lines: list[Line], words: frozenset[str],
              datelines: list[re.Pattern] | None = None) -> Article:
    """Title, lede and typed blocks from the kept lines. A paragraph opened by a dateline
    ("BAMAKO, 29 mai 2021 (AFP) - …") is where the story starts: never the lede."""
    kept = [line for line in lines if not line.removed]
    title, made = None, False
    if kept and (kept[0].hint == "title" or kept[0].hint != "paragraph" and is_title(kept[0].text)):
        title = kept.pop(0).text
    lede = None
    if title and len(kept) > 1 and is_lede(kept[0]) and not matches(datelines or [], kept[0].text):
        lede = kept.pop(0).text
    blocks = typed_blocks(kept, words)
    if title is None:
        title, made = make_title([b.text for b in blocks if b.kind == "paragraph"] or [""]), True
    article = Article(article_id, title, blocks, lede=lede, title_made=made)
    article.origins["title"] = "fait à partir du texte" if made else "première ligne du texte"
    return article


def is_title(text: str) -> bool:
    return len(text) <= 250 and not text.endswith((".", ":", ";", ",")) and len(WORD.findall(text)) >= 2


def is_lede(line: Line) -> bool:
    return line.hint in (None, "paragraph") and len(line.text) <= LEDE_MAX


def typed_blocks(lines: list[Line], words: frozenset[str]) -> list[Block]:
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        kind = block_kind(line, following, blocks[-1] if blocks else None, words)
        text = " — ".join(GLUED.split(line.text)) if kind == "caption" else line.text
        blocks.append(Block(kind, text))
    return blocks


def block_kind(line: Line, following: Line | None, previous: Block | None, words: frozenset[str]) -> str:
    if line.hint in ("heading", "quote", "caption"):
        return line.hint
    text = line.text
    if text[:1] in QUOTE_MARKS and text.endswith(QUOTE_MARKS[text[0]]) and len(text) > 2:
        return "quote"
    if previous and previous.kind == "quote" and len(text) <= 200 and not text.endswith("."):
        return "caption"
    if (following is not None and len(text) <= HEADING_MAX and not text.endswith(SENTENCE_END[:1] + (",", ";", ":"))
            and not is_sentence(text, words) or line.hint is None and following is not None
            and len(text) <= 60 and text.endswith("?") and len(following.text) > len(text)):
        return "heading"
    return "paragraph"


def make_title(paragraphs: list[str]) -> str:
    """The first sentence of the text, cut at a word boundary to at most TITLE_MAX characters."""
    sentence = re.split(r"(?<=[.!?])\s", paragraphs[0], maxsplit=1)[0].rstrip(".")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


# ---------------------------------------------------------------- metadata


def apply_found(article: Article, found: dict, page: dict, outlets: list[Profile]) -> None:
    """Metadata inferred from the text and the page; the page's own metadata comes first."""
    for key in ("title", "date", "url", "author"):
        if page.get(key):
            setattr(article, key, page[key])
            article.origins[key] = "métadonnées de la page HTML"
    for key, (value, origin) in found.items():
        if key != "site" and not getattr(article, key, None):
            setattr(article, key, value)
            article.origins[key] = origin
    outlet = next((p for p in outlets if p.source), None)
    if not article.source and outlet:
        article.source = outlet.source
        article.origins["source"] = f"profil de site « {outlet.name} » reconnu dans la page"
    elif not article.source and page.get("sitename"):
        article.source = page["sitename"]
        article.origins["source"] = "nom du site dans la page HTML"
    elif not article.source and found.get("site"):
        article.source, article.origins["source"] = found["site"]


def apply_meta(article: Article, meta: dict) -> None:
    """Front matter and sidecar metadata win over anything inferred."""
    meta = dict(meta)
    if meta.get("date"):
        meta["date"] = metadata_date(meta["date"], article.path)
    for key in ("title", "source", "url", "date", "author"):
        if meta.get(key):
            setattr(article, key, meta[key])
            article.origins[key] = "métadonnées (en-tête YAML)"
    if meta.get("title"):
        article.title_made = False
