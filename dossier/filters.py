"""The templates' filters on untrusted text: every piece of article text reaches Markdown only
through `md_escape`, which turns HTML characters into entities and backslash-escapes Markdown
punctuation; inside raw HTML (the SVG graphs, attributes) `html_escape` escapes it as HTML
instead. Also the French dates, plurals, outlets' names and the sentence helpers the pages show.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from unidecode import unidecode

from .clean.profiles import Profile, load_rules, outlet_name
from .models import Actor, Article, Mention, Quote

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
ASCII_PUNCTUATION = "!\"#$%'()*+,-./:;=?@[\\]^_`{|}~"
# md_escape's replacements, in an order where none undoes another: the backslash first (the
# others add backslashes), the entities last (their ";" must stay as it is), "&" first of them.
MD_REPLACEMENTS = [("\\", "\\\\")] + [(c, "\\" + c) for c in ASCII_PUNCTUATION if c != "\\"] + [
    *HTML_ENTITIES.items()]
MD_SPECIAL = re.compile("[" + re.escape(ASCII_PUNCTUATION + "".join(HTML_ENTITIES)) + "]")
SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'\\`]+")
# What a YAML document cannot hold raw (PyYAML's printable set), and what YAML reads as a line break.
YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]")


# How the cleaning says where a title, source or date came from, said for a reader (the Sources
# page, an article's date): the first pattern matching the whole note gives its phrase.
ORIGIN_PHRASES = [
    (re.compile(r"déduite du texte"), "tirée du texte"),
    (re.compile(r"fait à partir du texte"), "tiré du texte"),
    (re.compile(r"métadonnées de la page HTML"), "d’après la page web"),
    (re.compile(r"métadonnées \(en-tête YAML\)"), "d’après les informations jointes à l’article"),
    (re.compile(r"nom du site dans la page HTML"), "d’après le nom du site dans la page"),
    (re.compile(r"mention de copyright « (.+) »"), r"d’après la mention « \1 »"),
    (re.compile(r"signature « (.+) »"), r"d’après la signature « \1 »"),
]
WORD = re.compile(r"\w[\w’'-]*")


# The outlet profile that named the source, by its key in outlets.yml ('lemonde'): said with the
# outlet's own name ('Le Monde'), the key being no word for a reader
PROFILE_ORIGIN = re.compile(r"profil de site « (.+) » reconnu dans la page")


def origin_phrase(origin: str | None) -> str:
    """'déduite du texte' → 'tirée du texte': where a piece of metadata came from, in plain
    French (a note this list does not know is shown as it is)."""
    profile = PROFILE_ORIGIN.fullmatch(origin or "")
    if profile:
        outlet = outlet_profiles().get(profile.group(1))
        return f"d’après la présentation du site {outlet.source if outlet and outlet.source else profile.group(1)}"
    for pattern, phrase in ORIGIN_PHRASES:
        found = pattern.fullmatch(origin or "")
        if found:
            return found.expand(phrase)
    return origin or ""


def keyword_words(keywords: list[str], texts: list[str]) -> list[str]:
    """A theme's keywords as a reader reads them: a pattern with a trailing * ('retir*') shown as
    the word it most often matched in the theme's passages ('retirer'), or as its stem followed by
    '…' when it matched none; the other keywords as they are, each once."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in WORD.findall(text):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    shown: list[str] = []
    for keyword in keywords:
        word = keyword
        if keyword.endswith("*"):
            stem = unidecode(keyword[:-1].lower())
            matched = sorted((w for w in counts if unidecode(w).startswith(stem)), key=lambda w: (-counts[w], w))
            word = matched[0] if matched else keyword[:-1] + "…"
        if word not in shown:
            shown.append(word)
    return shown


QUOTE_MARKS = "\"“”«»„ \u00a0\u202f"


def quote_words(text: str | None) -> str:
    """A quote's words as shown between « and »: no quotation mark of its own left at either end,
    none left unmatched inside, and an ellipsis when the words start inside a sentence."""
    words = (text or "").strip(QUOTE_MARKS)
    if words.count("«") != words.count("»"):
        words = " ".join(words.replace("«", " ").replace("»", " ").split())
    if words.count("“") != words.count("”"):
        words = words.replace("“", "").replace("”", "")
    if words.count('"') % 2:
        words = words.replace('"', "")
    if words[:1].islower():
        words = "… " + words
    return words


@lru_cache(maxsize=1)
def outlet_profiles() -> dict[str, Profile]:
    """The outlet profiles of dossier/data/outlets.yml, by their key ('lemonde'), read once."""
    return load_rules().outlets


def source_name(article: Article | str | None, capital: bool = False) -> str:
    """The article's source (or a source's name) for a page, written as the outlet's profile
    writes it ('franceinfo', 'Le Monde', whatever the metadata said); or says it is unknown."""
    name = article if isinstance(article, str) or article is None else article.source
    if name:
        return md_escape(outlet_name(name))
    return "Source inconnue" if capital else "source inconnue"


def front_matter_title(text: str) -> str:
    """A page title for the YAML front matter, already HTML-escaped: the theme prints
    `page.meta.title` into the page header and <title> without escaping it. A JSON string is a
    YAML string once the characters YAML cannot hold raw are \\u-escaped: a C1 control or U+FFFE
    makes the front matter unreadable, and MkDocs then renders it as Markdown (a live link, image,
    attribute list); U+0085, U+2028, U+2029 would be read as line breaks. Other non-ASCII stays
    literal (a JSON surrogate pair for an emoji is not valid YAML)."""
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(html_escape(text), ensure_ascii=False))


DESCRIPTION_CHARS = 200   # a page's description (meta, Open Graph): what a link preview shows


def front_matter_description(text: str | None) -> str:
    """A page's description for its front matter: the text's first DESCRIPTION_CHARS characters,
    cut at a word with an ellipsis, on one line, escaped as front_matter_title escapes a title."""
    text = " ".join((text or "").split())
    if len(text) > DESCRIPTION_CHARS:
        text = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return front_matter_title(text)


def md_escape(text: str | None) -> str:
    """Make untrusted text inert in Markdown (needs the pymdownx.escapeall extension)."""
    if not text:
        return ""
    if not MD_SPECIAL.search(text):
        return text
    # One str.replace per character that needs it: each is a C loop, several times faster than
    # looking at the characters one by one in Python.
    for char, escaped in MD_REPLACEMENTS:
        if char in text:
            text = text.replace(char, escaped)
    return text


def html_escape(text: str | None) -> str:
    """Make untrusted text inert inside raw HTML, attributes included."""
    return html.escape(text or "", quote=True)


def safe_url(url: str | None) -> str:
    """The article's original address if it is a plain http(s) address, else nothing."""
    return url if url and SAFE_URL.fullmatch(url) else ""


@lru_cache(maxsize=4096)   # a dossier has few dates, each shown on many pages
def french_date(value: str | None) -> str:
    """'2021-11-11' → '11 novembre 2021'; '2021-11' → 'novembre 2021'; '2021' stays."""
    if not value:
        return "date inconnue"
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2])} {month}" if len(parts) == 3 and parts[2].isdigit() else month
    return value


# How a timeline shows what its date is to the event (models.Event.kind and tense)
EVENT_KINDS = {"since": "depuis {}", "start": "{} (début)", "end": "{} (fin)"}


def event_date(event) -> str:
    """'11 novembre 2021'; 'depuis 2013' for a state that began then ("depuis 2013" is no event of
    2013); '(début)' and '(fin)' for the ends of a range; '(prévu)' for what the article announces."""
    shown = EVENT_KINDS.get(getattr(event, "kind", "on"), "{}").format(french_date(event.date))
    return f"{shown} (prévu)" if getattr(event, "tense", "") == "future" else shown


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 phrase', '12 mentions' (French: 0 and 1 take the singular)."""
    return f"{count} {word if count <= 1 else words or word + 's'}"


def date_span(first: str | None, last: str | None) -> str:
    """'le 11 novembre 2021' for one day, else 'du 25 septembre 2021 au 11 novembre 2021'."""
    if first == last:
        return ("en " if first and len(first) < 10 else "le ") + french_date(first)
    return f"du {french_date(first)} au {french_date(last)}"


def search_forms(actor: Actor) -> list[str]:
    """The name and aliases in ASCII when they differ ('Maïga' → 'Maiga'), for the search index."""
    names = [actor.name, *actor.aliases]
    return sorted({unidecode(n) for n in names} - set(names))


def in_context(quote: Quote) -> tuple[str, str, str]:
    """The quote's sentence split around the quoted words (or the words alone): before, words, after."""
    at = quote.context.find(quote.text) if quote.text else -1
    if at < 0:
        return "", quote.text, ""
    return quote.context[:at], quote.text, quote.context[at + len(quote.text):]


def emphasise(sentence: str, name: str) -> str:
    """The sentence, escaped, with the first occurrence of the name in bold."""
    at = sentence.find(name) if name else -1
    if at < 0:
        return md_escape(sentence)
    return f"{md_escape(sentence[:at])}**{md_escape(name)}**{md_escape(sentence[at + len(name):])}"


def distinct_sentences(mentions: list[Mention], limit: int, shown: set[str] | frozenset = frozenset()) -> list[Mention]:
    """The first mentions whose sentences differ, case aside (as Jinja's `unique` filter compares),
    and differ from the sentences `shown` already on the page (lower case): a quote's sentence, the
    actor's description."""
    seen: set[str] = set(shown)
    found = []
    for mention in mentions:
        sentence = mention.sentence.lower()
        if sentence not in seen:
            seen.add(sentence)
            found.append(mention)
            if len(found) == limit:
                break
    return found
