"""`dossier add URL… | FILE… | -`: feed a dossier's seeds folder.

- a web address is fetched with trafilatura's fetcher and saved as it came (`NAME.html`), with a
  sidecar `NAME.yml` holding its address and the fetch date (ingest reads both);
- a file (.txt, .html, .md) is copied in;
- `-` reads pasted text from standard input into a `.txt`.

NAME is the headline, slugified and bounded; no file is ever overwritten (NAME-2, NAME-3…), and
an address or a text already in the folder is said so and skipped. Each failure is one line that
names its address or file; the others are added all the same.
"""
from __future__ import annotations

import datetime
import logging
import re
import sys
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from slugify import slugify

FORMATS = (".txt", ".html", ".md")
SIDECAR = ".yml"
NAME_LENGTH = 60                  # characters of the headline kept in a file name
TIMEOUT = 30                      # seconds a server has to answer (trafilatura's default)
HTML_TYPES = ("text/html", "application/xhtml+xml")
FALLBACK_NAME = "article"
CONFIG_FILE = "mkdocs.yml"


class AddError(Exception):
    """What went wrong with one item: its message names the item."""


@dataclass
class Fetched:
    url: str                     # where the page was in the end (after redirects)
    data: bytes                  # the page as the server sent it
    html: str                    # decoded, to read its headline


# ---------------------------------------------------------------- the command


def register(commands) -> None:
    """The `add` subcommand, on the `dossier` command's parser."""
    add = commands.add_parser("add", help="add web pages, files or pasted text to the dossier's articles")
    add.add_argument("items", nargs="+", metavar="URL|FILE|-",
                     help="web addresses, .txt/.html/.md files, or - for text on standard input")
    add.add_argument("--seeds", type=Path, help="folder of articles (default: the dossier's, from mkdocs.yml)")
    add.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds a server has to answer")
    add.add_argument("--allow-private", action="store_true",
                     help="also fetch from local and private addresses (refused by default)")
    add.set_defaults(run=run)


def run(args) -> int:
    seeds = args.seeds or seeds_folder(Path(args.config_file))
    if not seeds.is_dir():
        raise NotADirectoryError(f"no seeds folder {seeds}: run dossier add in a dossier's folder, or give --seeds DIR")
    failed = 0
    for item in args.items:
        try:
            print(add_item(item, seeds, args.timeout, args.allow_private))
        except AddError as error:
            print(f"dossier add: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def seeds_folder(config_file: Path) -> Path:
    """The `seeds` option of the dossier plugin in mkdocs.yml (`seeds` beside it if unset). MkDocs'
    own tags (!ENV, !relative) are read as nothing: only the plugin's options matter here."""
    root = config_file.resolve().parent
    if not config_file.is_file():
        return root / "seeds"
    loader = type("TagBlind", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=loader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("dossier"), dict):
            return root / str(plugin["dossier"].get("seeds") or "seeds")
    return root / "seeds"


def add_item(item: str, seeds: Path, timeout: int = TIMEOUT, allow_private: bool = False) -> str:
    """Add one URL, file or `-`; return what was done, in one line. RAISES AddError."""
    if item == "-":
        return add_text(sys.stdin.read(), seeds)
    if urlsplit(item).scheme in ("http", "https"):
        return add_url(item, seeds, timeout, allow_private)
    return add_file(Path(item), seeds)


# ---------------------------------------------------------------- web pages


def add_url(url: str, seeds: Path, timeout: int = TIMEOUT, allow_private: bool = False) -> str:
    known = known_urls(seeds)
    if url in known:
        return f"{url}: already in the dossier as {known[url].name}; skipped"
    page = fetch(url, timeout, allow_private)
    if page.url in known:
        return f"{url}: already in the dossier as {known[page.url].name} (it moved to {page.url}); skipped"
    path = write_new(seeds, name_for(headline(page.html, page.url), page.url), ".html", page.data)
    sidecar = {"url": page.url, "fetched": datetime.date.today().isoformat()}
    write_new(seeds, path.stem, SIDECAR, yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=False).encode("utf-8"),
              exact=True)
    moved = f" (moved to {page.url})" if page.url != url else ""
    return f"{url}{moved}: added as {path.name}"


def fetch(url: str, timeout: int = TIMEOUT, allow_private: bool = False) -> Fetched:
    """The page at `url`, through trafilatura's fetcher (its user agent, size cap, redirects and
    retries). RAISES AddError saying why there is no page: no answer, not found, not a page."""
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["DOWNLOAD_TIMEOUT"] = str(timeout)
    config["DEFAULT"]["SSRF_PROTECTION"] = "off" if allow_private else "on"
    with LogKept("trafilatura") as said:
        response = fetch_response(url, decode=True, config=config)
    if response is None:
        raise AddError(f"{url}: {download_failure(said.messages, timeout)}")
    if response.status != 200:
        reason = "not found" if response.status in (404, 410) else "the server refused it"
        raise AddError(f"{url}: {reason} (HTTP {response.status})")
    kind = (response.headers or {}).get("content-type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES and (kind or not (response.html or "").lstrip().startswith("<")):
        raise AddError(f"{url}: not a web page ({kind or 'no content type'}); "
                       "download it and add the text as a .txt file")
    if not response.html or not response.html.strip():
        raise AddError(f"{url}: the page is empty")
    return Fetched(response.url or url, response.data, response.html)


def download_failure(messages: list[str], timeout: int) -> str:
    """trafilatura says why a download failed in its log only: its words, made short."""
    said = " ".join(messages)
    if re.search(r"timed? ?out", said, re.IGNORECASE):
        return f"no answer within {timeout} s (timeout)"
    if "SSRF" in said or "non-public address" in said:
        return "a local or private address: not fetched (--allow-private fetches it)"
    if "redirect" in said.lower():
        return "too many redirects"
    if re.search(r"refused|resolve|Name or service|getaddrinfo|NewConnectionError", said):
        return "the server could not be reached"
    return f"download failed ({said.strip() or 'no reason given'})"


class LogKept(logging.Handler):
    """The messages a logger gives while in use (not shown)."""

    def __init__(self, name: str):
        super().__init__(logging.DEBUG)
        self.logger = logging.getLogger(name)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> LogKept:
        self.propagate, self.logger.propagate = self.logger.propagate, False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *error) -> None:
        self.logger.removeHandler(self)
        self.logger.propagate = self.propagate


def known_urls(seeds: Path) -> dict[str, Path]:
    """The addresses the seeds' sidecars give, with the sidecar that gives each."""
    found = {}
    for path in sorted(seeds.glob("*.y*ml")):
        try:
            meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(meta, dict) and isinstance(meta.get("url"), str):
            found.setdefault(meta["url"].strip(), article_beside(path))
    return found


def article_beside(sidecar: Path) -> Path:
    """The article a sidecar describes (same name, an article format), to name it to the user;
    the sidecar itself if its article is gone."""
    for suffix in sorted(FORMATS):
        if (article := sidecar.with_suffix(suffix)).is_file():
            return article
    return sidecar


def headline(html: str, url: str) -> str:
    """The page's headline as its metadata gives it (og:title, <title>…), else ""."""
    from trafilatura import extract_metadata

    try:
        return (extract_metadata(html, default_url=url).title or "").strip()
    except Exception:  # trafilatura on hostile markup: the name comes from the address instead
        return ""


# ---------------------------------------------------------------- files and pasted text


def add_file(path: Path, seeds: Path) -> str:
    if not path.is_file():
        raise AddError(f"{path}: no such file (nor a web address: those start with http:// or https://)")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise AddError(f"{path}: not an article format (dossier reads .txt, .html and .md)")
    data = path.read_bytes()
    if not data.strip():
        raise AddError(f"{path}: the file is empty")
    same = same_content(seeds, data)
    if same is not None:
        return f"{path}: already in the dossier as {same.name}; skipped"
    text = data.decode("utf-8", errors="replace")
    title = headline(text, "") if suffix == ".html" else first_line(text)
    written = write_new(seeds, name_for(title, path.stem), suffix, data)
    return f"{path}: added as {written.name}"


def add_text(text: str, seeds: Path) -> str:
    if not text.strip():
        raise AddError("-: no text on standard input")
    data = text.encode("utf-8")
    same = same_content(seeds, data)
    if same is not None:
        return f"-: already in the dossier as {same.name}; skipped"
    written = write_new(seeds, name_for(first_line(text), ""), ".txt", data)
    return f"-: added as {written.name}"


def first_line(text: str) -> str:
    """The first line with words, past any front matter: a text's headline."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text.lstrip("\ufeff"), flags=re.DOTALL)
    title = re.search(r"^title:\s*(.+)$", text[: len(text) - len(body)], re.MULTILINE)
    if title:
        return title.group(1).strip("'\" ")
    return next((line.lstrip("# ").strip() for line in body.splitlines() if re.search(r"\w", line)), "")


def same_content(seeds: Path, data: bytes) -> Path | None:
    """An article of the folder with exactly these bytes."""
    return next((p for p in sorted(seeds.iterdir()) if p.suffix.lower() in FORMATS and p.is_file()
                 and p.stat().st_size == len(data) and p.read_bytes() == data), None)


# ---------------------------------------------------------------- names


def name_for(title: str, fallback: str) -> str:
    """A file name (without extension) from a headline; from `fallback` (an address's or a file's
    last word) when there is none."""
    if urlsplit(fallback).scheme:
        fallback = urlsplit(fallback).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for text in (title, fallback):
        name = slugify(text or "", max_length=NAME_LENGTH, word_boundary=True, save_order=True)
        if name:
            return name
    return FALLBACK_NAME


def write_new(seeds: Path, stem: str, suffix: str, data: bytes, exact: bool = False) -> Path:
    """Write `data` into a file named after `stem` that no file of the folder uses (whatever its
    extension: NAME.txt and NAME.html would share NAME.yml); `exact`: that very name. Never
    overwrites: the file is created exclusively."""
    number = 1
    while True:
        name = stem if number == 1 else f"{stem}-{number}"
        taken = not exact and any(seeds.glob(f"{glob_escape(name)}.*"))
        if not taken:
            path = seeds / f"{name}{suffix}"
            try:
                with path.open("xb") as file:
                    file.write(data)
                return path
            except FileExistsError:
                if exact:
                    raise AddError(f"{path} already exists; not overwritten") from None
        number += 1


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
