"""Ingest: read every article file in the seeds folder, with its metadata, as raw text.

Supported: `.txt` (visible text of a page), `.html` (a saved page), `.md` (Markdown with YAML
front matter). A sidecar `NAME.yml` beside a `.txt` or `.html` works like front matter.

Bad input never stops the build and input files are only ever read: each file that cannot be used,
or that was read with a guess or in part, becomes a Problem that names it, says what is wrong and
what dossier did; the other articles are built.
"""
from __future__ import annotations

import codecs
import datetime
import errno
import logging
import re
import stat
from pathlib import Path

import yaml
from slugify import slugify

from .models import Problem, RawArticle
from .text import SENTENCE_ENDS, neutral_bidi, sentence_breaks

log = logging.getLogger("mkdocs.plugins.dossier")

FORMATS = ("txt", "html", "md")
SIDECARS = ("yml", "yaml")
META_FIELDS = ("title", "source", "url", "date", "author", "lang",
               "fetched")             # the day `dossier add` saved the page (dossier/add.py)
MAX_META_CHARS = 2_000
MAX_SIDECAR_BYTES = 100_000
# A long read is 10-50 KB of text; the longest features (20,000 words) about 130 KB. A file far
# longer is not one article (a book, a log, a pasted thread), and the work of every later stage
# grows with its text: the analysis takes about a minute of CPU per MB. So only the first MAX_TEXT
# bytes of a .txt or .md file, and the first MAX_TEXT characters of a saved page's text, are kept:
# nearly 4 times the longest feature. Measured, a build of the seeds and a 20 MB article: 57 s of
# CPU and 661 MB at the peak, against 19 s and 643 MB for the seeds alone.
MAX_TEXT = 500_000
# A saved page is mostly markup: 0.1-3 MB, tens of MB when saved "complete" with its images inlined
# before the article. Reading a 48 MB one takes 1 s and 300 MB at the peak (measured); beyond
# MAX_PAGE, only the start of the page is read.
MAX_PAGE = 50_000_000
# A paragraph is rarely over 3,000 characters (the longest of the extraction benchmark: 2,700). A
# longer line is text whose line breaks were lost (copied from a PDF, saved on one line): it is cut
# at sentence ends into paragraphs of at most LONG_LINE characters, for the reader and for the later
# stages, whose work on one paragraph grows faster than its length. Measured on a 500 KB line: the
# quotes took 33 s, 1 s once cut; the build's peak memory is 820 MB (1,040 MB with 5,000 here).
LONG_LINE = 3_000
# Cut after any of the sentence ends but the straight quote mark, which opens a quotation as often as
# it closes one (text.SENTENCE_ENDS less '"', as ingest always cut).
SENTENCE_END = sentence_breaks(SENTENCE_ENDS.replace('"', ""))
# Inline images, fonts or scripts over this size carry no text, and lxml's default parser (which
# trafilatura uses) silently stops reading a page at a value over 10 MB: they are emptied.
MAX_PAYLOAD = 1_000_000
# Stray control characters happen in copied text (clean drops them); a binary file has them throughout.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
MAX_CONTROLS = 0.01
# Files that a system, an editor or a tool leaves beside the articles: passed over without a word.
IGNORED = re.compile(r"^\.|~$|\.(swp|swo|swx|bak|tmp|part|crdownload)$|^#.*#$|^(thumbs\.db|desktop\.ini)$",
                     re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Browsers read these declared charsets as windows-1252 (WHATWG Encoding Standard): pages that say
# "iso-8859-1" use its curly quotes (0x92 ’) all the time.
AS_WINDOWS_1252 = {"iso8859-1", "ascii"}
NO_TEXT = ("script", "style")
# lxml (under trafilatura, and the visible text's reading) stops at 256 nested elements and drops
# the page with a mere log line: a page nested deeper (generated markup, a broken editor) is read
# flattened, the tags of elements nested deeper than MAX_DEPTH taken out (their text stays).
# Real pages nest 20-40 elements deep.
MAX_DEPTH = 200
# Elements that a page must close (<p>, <li>, <td>… close themselves and are not counted).
CLOSED = ("div|span|section|article|main|aside|header|footer|nav|figure|form|table|tbody|ul|ol|dl|blockquote"
          "|font|a|b|i|u|em|strong|small|big|center|label|button")
TAG = re.compile(rf"<(/?)({CLOSED})\b[^>]*>", re.IGNORECASE)
BLANK = "the file is empty (only blank space); skipped"
# A bidirectional control written as a character reference (&#x202E;, &#8238;): made a character,
# then harmless with the others (text.neutral_bidi), before a page or Markdown gives it back
BIDI_REFERENCE = re.compile(r"&#(?:[xX]0*(202[a-eA-E]|206[6-9])|0*(823[4-8]|829[4-7]))(?![0-9a-fA-F]);?")


def read_seeds(seeds_dir: Path) -> tuple[list[RawArticle], list[Problem]]:
    """Read all articles in `seeds_dir`, sorted by file name, each with its own page address."""
    raws: list[RawArticle] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    paths = sorted(path for path in seeds_dir.iterdir() if not IGNORED.search(path.name))
    described = {p.stem for p in paths if p.suffix.lstrip(".").lower() in ("txt", "html")}
    for path in paths:
        try:
            if not is_article(path, seeds_dir, described):
                continue
            raw, notes = read_file(path)
        except ValueError as error:
            problems.append(Problem(shown(path), str(error)))
            continue
        except OSError as error:
            problems.append(Problem(shown(path), f"could not be read ({error.strerror or error}); skipped"))
            continue
        raw.id = unique_id(raw.id, taken)
        problems += [Problem(shown(path), note) for note in notes]
        raws.append(raw)
    if not raws:
        problems.append(Problem(f"{shown(seeds_dir)}/", "no article to build (no .txt, .html or .md file "
                                                        "could be read); the site is built without articles"))
    return raws, problems


def is_article(path: Path, seeds_dir: Path, described: set[str]) -> bool:
    """Whether `path` is an article file to read; False for a metadata file that goes with one.
    Anything else raises ValueError with what is wrong."""
    check_file(path, seeds_dir)
    if path.is_dir():
        raise ValueError("is a folder: articles in sub-folders are not read; skipped")
    fmt = path.suffix.lstrip(".").lower()
    if fmt in SIDECARS:
        if path.stem in described:
            return False
        raise ValueError("is a metadata file with no .txt or .html article of the same name; ignored")
    if fmt not in FORMATS:
        raise ValueError("is not an article format; skipped (dossier reads .txt, .html and .md files)")
    if not stat.S_ISREG(path.stat().st_mode):
        raise ValueError("is not a regular file (a device, a pipe or a socket); skipped")
    return True


def check_file(path: Path, seeds_dir: Path) -> None:
    if path.is_symlink():
        try:
            path.stat()
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise ValueError(f"is a link loop ({link_chain(path)}): it leads to no file; skipped") from None
            if error.errno not in (errno.ENOENT, errno.ENOTDIR):
                raise
            raise ValueError("is a link to a file that does not exist; skipped") from None
    # A link could publish any file of the machine that builds the site (e.g. /etc/passwd).
    if not path.resolve().is_relative_to(seeds_dir.resolve()):
        raise ValueError("is a link to a file outside the seeds folder; skipped")


def link_chain(path: Path, most: int = 8) -> str:
    """The names a chain of links goes through, until one comes back ("a.txt → b.txt → a.txt").
    Names only: a page must not show the folders of the machine that built it."""
    names, seen = [shown(Path(path.name))], {path.absolute()}
    for _ in range(most):
        try:
            path = path.parent / path.readlink()
        except OSError:
            break
        names.append(shown(Path(path.name)))
        if path.absolute() in seen:
            return " → ".join(names)
        seen.add(path.absolute())
    return " → ".join(names + ["…"])


def shown(path: Path) -> str:
    """The file's name as a page and a log can show it: bytes that are not UTF-8 and control
    characters (a name may hold a line break) become �."""
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub(r"[\x00-\x1f\x7f]", "\ufffd", name)


def article_id(path: Path) -> str:
    """The file name without extension, made safe as a page address ("index" is the list's)."""
    stem = slugify(Path(shown(path)).stem, regex_pattern=r"[^-a-zA-Z0-9_]+", lowercase=False) or "article"
    return f"{stem}-article" if stem.casefold() == "index" else stem


def unique_id(aid: str, taken: set[str]) -> str:
    """`aid`, or `aid-2`, `aid-3`… when another file's name made the same address. Case is ignored:
    `A` and `a` would be one folder on macOS and Windows."""
    unique, n = aid, 1
    while unique.casefold() in taken:
        n += 1
        unique = f"{aid}-{n}"
    taken.add(unique.casefold())
    return unique


def read_article(path: Path) -> RawArticle:
    return read_file(path)[0]


def read_file(path: Path) -> tuple[RawArticle, list[str]]:
    """The article in `path`, and notes on what was guessed or cut on the way (ValueError if the
    file cannot be an article). Its bidirectional controls are made harmless here, before the
    cleaning finds its title and text: none reorders what a reader sees (text.neutral_bidi)."""
    fmt = path.suffix.lstrip(".").lower()
    data, size = read_start(path, MAX_PAGE if fmt == "html" else MAX_TEXT)
    cut = size > len(data)
    text, notes = decode(data, cut)
    text = neutral_bidi(BIDI_REFERENCE.sub(lambda m: chr(int(m[1], 16) if m[1] else int(m[2])), text))
    if cut:
        text = cut_at_break(text)
        notes.append(cut_note(fmt, size))
    aid = article_id(path)
    if fmt != "html":
        text = break_long_lines(text)
    if fmt == "md":
        meta, body = split_front_matter(text, path)
        return RawArticle(aid, path, "md", body, meta=meta, cut=cut), notes
    meta = read_sidecar(path)
    if fmt == "html":
        html, text_size = fit_page(flatten(text))
        if text_size:
            notes.append(f"holds {amount(text_size)} of text, far longer than an article: kept its first "
                         f"{amount(MAX_TEXT)} (the page says the text was cut)")
        return RawArticle(aid, path, "html", "", html=html, meta=meta, cut=cut or bool(text_size)), notes
    return RawArticle(aid, path, "txt", text, meta=meta, cut=cut), notes


def cut_note(fmt: str, size: int) -> str:
    if fmt == "html":
        return (f"is {amount(size)}, larger than any saved page: read its first {amount(MAX_PAGE)} only "
                "(the page says the text was cut)")
    return (f"is {amount(size)}, far longer than an article: kept its first {amount(MAX_TEXT)} "
            "(the page says the text was cut)")


def amount(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def read_start(path: Path, limit: int) -> tuple[bytes, int]:
    """The first `limit` bytes of the file, and its size: memory stays bounded whatever the file."""
    with path.open("rb") as file:
        return file.read(limit), path.stat().st_size


def cut_at_break(text: str) -> str:
    """A cut text ends at its last paragraph or line break (else its last space), not in mid-word."""
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, len(text) // 2)
        if at > 0:
            return text[:at]
    return text


def break_long_lines(text: str) -> str:
    lines = text.split("\n")
    if all(len(line) <= LONG_LINE for line in lines):  # the usual case: the text as it is
        return text
    return "\n".join(paragraph for line in lines for paragraph in paragraphs_of(line))


def paragraphs_of(line: str) -> list[str]:
    """A line as paragraphs of at most LONG_LINE characters, cut after a sentence where one ends,
    else between words."""
    if len(line) <= LONG_LINE:
        return [line]
    pieces = [word for sentence in SENTENCE_END.split(line)
              for word in (sentence.split(" ") if len(sentence) > LONG_LINE else [sentence])]
    paragraphs, current = [], ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > LONG_LINE:
            paragraphs.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    return paragraphs + [current]


def decode(data: bytes, cut: bool = False) -> tuple[str, list[str]]:
    """The text of a file's bytes, with newlines as \\n: by its byte order mark, as UTF-8, in the
    charset a saved page declares, or else in the encoding chardet finds (noted, as a
    guess). A binary file raises ValueError. When the bytes are the start of a longer file (`cut`),
    a character cut in two at their end is left out."""
    if not data or data.isspace():
        raise ValueError("the file is empty; skipped" if not data else BLANK)
    notes: list[str] = []
    encoding = bom_encoding(data) or utf8(data, cut) or declared_charset(data, cut)
    if encoding is None:
        encoding = detected_encoding(data)
        notes.append(f"is not UTF-8; read as {encoding} (detected)")
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=not cut)
    if not text.strip():
        raise ValueError(BLANK)
    sample = text[:100_000]  # a binary file is binary throughout
    controls = len(CONTROL.findall(sample))
    if controls > max(8, MAX_CONTROLS * len(sample)):
        raise ValueError(f"does not read as text ({controls / len(sample):.0%} control characters): "
                         "a binary file; skipped")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def utf8(data: bytes, cut: bool) -> str | None:
    return "utf-8" if fits(data, "utf-8", cut) else None


def declared_charset(data: bytes, cut: bool) -> str | None:
    """The encoding a saved page declares (<meta charset=…>), when Python knows it and it fits."""
    found = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:8192], re.IGNORECASE)
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    name = "cp1252" if name in AS_WINDOWS_1252 else name
    return name if fits(data, name, cut) else None


def fits(data: bytes, encoding: str, cut: bool) -> bool:
    """Whether the bytes decode in this text encoding without an error."""
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(data, final=not cut)
    except (LookupError, UnicodeDecodeError, TypeError):  # TypeError, or bytes: no text encoding ("rot13")
        return False
    return isinstance(text, str)


def detected_encoding(data: bytes) -> str:
    """chardet's reading of bytes that are not UTF-8. Measured on the seeds' paragraphs cut to 60 to
    2,000 bytes, in cp1252 and latin-1: chardet 7.7 read all 470 right, charset-normalizer 3.5 got
    133 wrong (cp1250 for French: "très" became "trčs"). It also knows binary files by their first
    bytes (PNG, PDF, ZIP…) or their control bytes; `prefer_superset` reads latin-1 as cp1252."""
    import chardet

    found = chardet.detect(data, prefer_superset=True, compat_names=False)
    if found["encoding"] is None:
        raise ValueError(f"is a binary file ({found['mime_type']}), not text; skipped")
    return found["encoding"]


def flatten(html: str) -> str:
    """The page with the tags of elements nested deeper than MAX_DEPTH taken out, their text kept in
    place: the usual page, nested less, comes back as it is."""
    if html.count("<") <= MAX_DEPTH:
        return html
    depth, deepest, pieces, at = 0, 0, [], 0
    for tag in TAG.finditer(html):
        closing = tag.group(1) == "/"
        depth -= closing
        if depth >= MAX_DEPTH:
            pieces += [html[at:tag.start()], " "]
            at = tag.end()
        depth = max(depth + (not closing), 0)
        deepest = max(deepest, depth)
    return html if deepest <= MAX_DEPTH else "".join(pieces) + html[at:]


def fit_page(html: str) -> tuple[str, int]:
    """A saved page as the later stages can read it: inline payloads over MAX_PAYLOAD emptied and the
    text cut after MAX_TEXT characters. Returns the page, and the length of its text if it was cut."""
    if len(html) <= MAX_TEXT:  # neither its text nor a payload can be too long: the usual case
        return html, 0
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
    try:
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing lxml can read: trafilatura will say so
        return html, 0
    emptied = empty_payloads(tree)
    text_size = cut_text(tree)
    if not emptied and not text_size:
        return html, 0
    return lxml.html.tostring(tree, encoding="unicode"), text_size


def empty_payloads(tree) -> bool:
    from lxml import etree

    found = False
    for element in tree.iter(etree.Element):
        for name, value in element.attrib.items():
            if len(value) > MAX_PAYLOAD:
                element.set(name, "")
                found = True
        if element.tag in NO_TEXT and len(element.text or "") > MAX_PAYLOAD:
            element.text = ""
            found = True
    return found


def cut_text(tree) -> int:
    """Cut the page after MAX_TEXT characters of text (scripts and styles aside); return the length
    of its text if it was cut, else 0."""
    from lxml import etree

    total, cut_at = 0, None
    for element in tree.iter(etree.Element):
        size = len(element.tail or "") + (0 if element.tag in NO_TEXT else len(element.text or ""))
        if cut_at is None and total + size > MAX_TEXT:
            cut_at = (element, MAX_TEXT - total)
        total += size
    if cut_at is None:
        return 0
    keep_up_to(*cut_at)
    return total


def keep_up_to(element, room: int) -> None:
    """Keep `room` characters of the element's text; drop its children and all that follows it."""
    element.text = (element.text or "")[:room]
    for child in list(element):
        element.remove(child)
    while element is not None:
        element.tail = None
        for sibling in list(element.itersiblings()):
            element.getparent().remove(sibling)
        element = element.getparent()


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ValueError("front matter opened with '---' is never closed (no second '---' line); skipped")
    meta = parse_meta(parts[0][3:], path)
    return meta, parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""


def read_sidecar(path: Path) -> dict:
    for suffix in SIDECARS:
        sidecar = path.with_suffix(f".{suffix}")
        if has_file(sidecar):
            try:
                check_file(sidecar, path.parent)
                data, size = read_start(sidecar, MAX_SIDECAR_BYTES)
                if size > len(data):
                    raise ValueError(f"is larger than {MAX_SIDECAR_BYTES // 1000} KB")
                return parse_meta(neutral_bidi(data.decode("utf-8")), sidecar)
            except UnicodeDecodeError:
                raise ValueError(f"its metadata file {shown(sidecar)} is not UTF-8 text; skipped") from None
            except ValueError as error:
                raise ValueError(f"its metadata file {shown(sidecar)}: {error}") from None
    return {}


def has_file(path: Path) -> bool:
    """Whether the file exists: False for a name too long to be one (a .txt whose name takes the 255
    bytes a file system allows has no room for a .yaml beside it), where is_file would raise."""
    try:
        return path.is_file()
    except OSError:
        return False


def parse_meta(text: str, path: Path) -> dict:
    # safe_load builds plain data only: a tag such as !!python/object/apply:os.system is an error,
    # never a call.
    try:
        meta = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"metadata is not valid YAML ({yaml_error(error)}); skipped") from None
    except ValueError as error:  # YAML reads 2021-13-45 as a date, and fails
        raise ValueError(f"metadata holds a date that is no day ({error}); skipped") from None
    if not isinstance(meta, dict):
        raise ValueError("metadata must be a YAML mapping such as 'title: …'; skipped")
    unknown = set(meta) - set(META_FIELDS)
    if unknown:
        log.warning("dossier: %s: unknown metadata fields ignored: %s", shown(path),
                    ", ".join(sorted(map(str, unknown))))
    return {k: meta_text(k, v) for k, v in meta.items() if k in META_FIELDS and v is not None}


def yaml_error(error: yaml.YAMLError) -> str:
    """One line for a page's table: where, and what ("tag !!python/object/apply:os.system is not allowed")."""
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}: " if mark else ""
    tag = re.search(r"constructor for the tag '([^']+)'", str(error))
    if tag:
        return f"{where}the tag {tag.group(1).replace('tag:yaml.org,2002:', '!!')} is not allowed"
    problem = getattr(error, "problem", None) or str(error)
    return where + " ".join(problem.split())


def meta_text(key: str, value) -> str:
    """A metadata value as text: YAML reads 2021-11-11 as a date, 2021 as a number."""
    if not isinstance(value, (str, int, float, datetime.date)):
        raise ValueError(f"metadata field '{key}' must be a single value, not a list or mapping; skipped")
    text = str(value).strip()
    if len(text) > MAX_META_CHARS:
        raise ValueError(f"metadata field '{key}' is longer than {MAX_META_CHARS} characters; skipped")
    return text
