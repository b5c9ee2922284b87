"""A big site's search index is made in parts (Pagefind's memory grows with the pages of a run),
and the header search box merges them: the seeds' site indexed 10 pages per part stands for it."""
from __future__ import annotations

import http.server
import json
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CHROMIUM, files_of
from dossier import search

PAGES_PER_PART = 10
PREFIX = "/dossier-test/"          # the parted site served again under a project sub-path
NO_LIST = "/sans-liste/"           # the one-part site without its parts.json


@pytest.fixture(scope="module")
def parted(built_site, tmp_path_factory) -> tuple[Path, int]:
    """A copy of the built site, its search index made again in parts of PAGES_PER_PART pages;
    and the number of pages indexed."""
    site = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / search.SEARCH_DIR)
    return site, search.index_site(site, None, pages_per_index=PAGES_PER_PART)


@pytest.fixture(scope="module")
def parted_site(parted) -> Path:
    return parted[0]


def test_a_site_bigger_than_a_part_is_indexed_in_parts(built_site, parted):
    parted_site, count = parted
    bundle = parted_site / search.SEARCH_DIR
    parts = json.loads((bundle / search.PARTS_FILE).read_text(encoding="utf-8"))
    pages = search.html_pages(parted_site)
    assert len(parts) == -(-len(pages) // PAGES_PER_PART) - 1 >= 3
    assert parts == [f"part-{number}/" for number in range(2, len(parts) + 2)]
    for folder in [bundle, *(bundle / part for part in parts)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["fr"] and 0 < entry["languages"]["fr"]["page_count"] <= PAGES_PER_PART
        meta = folder / f"pagefind.{entry['languages']['fr']['hash']}.pf_meta"
        assert meta.is_file() and any((folder / "index").glob("fr_*.pf_index"))
    # the parts together index the pages of one run over the whole site, and no temp folder is left
    assert count == search.page_count(built_site / search.SEARCH_DIR) == len(pages) - 1  # 404.html
    assert not list(parted_site.parent.glob(".pagefind-*"))


def test_a_site_of_one_part_lists_no_other(built_site):
    assert json.loads((built_site / search.SEARCH_DIR / search.PARTS_FILE).read_text(encoding="utf-8")) == []
    assert not list((built_site / search.SEARCH_DIR).glob("part-*"))


def test_the_parts_are_the_same_from_one_run_to_the_next(parted_site, tmp_path):
    again = tmp_path / "site"
    shutil.copytree(parted_site, again)
    shutil.rmtree(again / search.SEARCH_DIR)
    search.index_site(again, None, pages_per_index=PAGES_PER_PART)
    assert files_of(again / search.SEARCH_DIR) == files_of(parted_site / search.SEARCH_DIR)


# --- In the browser ---------------------------------------------------------------------------

class IndexedText(HTMLParser):
    """The text Pagefind indexes in a page: inside data-pagefind-body, outside data-pagefind-ignore."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []       # "body", "ignore" or "" for each open element
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in self.VOID:
            names = dict(attrs)
            self.stack.append("ignore" if "data-pagefind-ignore" in names or tag in ("script", "style")
                              else "body" if "data-pagefind-body" in names else "")

    def handle_endtag(self, tag) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data) -> None:
        if "body" in self.stack and "ignore" not in self.stack:
            self.text.append(data)


def indexed_words(html: str) -> list[str]:
    parser = IndexedText()
    parser.feed(html)
    tokens = (token.strip(".,;:!?()«»\"") for token in " ".join(parser.text).lower().split())
    return [token for token in tokens if re.fullmatch(r"[a-z]{7,}", token)]   # not l’original


def rare_word(site: Path, pages: list[str], others: list[str]) -> tuple[str, str]:
    """A word indexed in one of these pages and written in the fewest others (so that the page is
    among the results shown); and that page."""
    elsewhere = [(site / other).read_text(encoding="utf-8").lower() for other in others]
    found = {(word, page) for page in pages for word in indexed_words((site / page).read_text(encoding="utf-8"))}
    seen, word, page = min((sum(word in html for html in elsewhere), word, page) for word, page in found)
    assert seen < 5, f"no rare word in {pages}"
    return word, page


def url_of(page: str) -> str:
    return "/" + page.removesuffix("index.html")


class PartsHandler(http.server.SimpleHTTPRequestHandler):
    """Serves each site of `roots` under its prefix."""
    roots: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        prefix = max((p for p in self.roots if path.startswith(p)), key=len)
        self.directory = str(self.roots[prefix])
        return super().translate_path("/" + path[len(prefix):])

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def origin(parted_site, built_site, tmp_path_factory):
    one_part = tmp_path_factory.mktemp("no-list") / "site"
    shutil.copytree(built_site, one_part)
    (one_part / search.SEARCH_DIR / search.PARTS_FILE).unlink()
    PartsHandler.roots = {"/": parted_site, PREFIX: parted_site, NO_LIST: one_part}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartsHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


def results(page, query: str) -> list[str]:
    """Type the query in the header's search box; the links of the results."""
    from test_browser import first_result

    first_result(page, query)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map((a) => a.getAttribute('href'))")


browser_test = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


@pytest.mark.slow
@browser_test
@pytest.mark.parametrize("prefix", ["/", PREFIX])
def test_the_search_box_finds_pages_of_the_first_and_the_last_part(page, origin, parted_site, prefix):
    pages = search.html_pages(parted_site)
    count = -(-len(pages) // PAGES_PER_PART)
    first, last = pages[0::count], pages[count - 1::count]     # part k takes every count-th page
    page.goto(origin + prefix)
    for pages_of_part in (last, first):
        word, found = rare_word(parted_site, pages_of_part, [p for p in pages if p not in pages_of_part])
        assert prefix.rstrip("/") + url_of(found) in results(page, word), word
    assert not page.failures


@pytest.mark.slow
@browser_test
def test_the_search_box_works_without_a_list_of_parts(page, origin, built_site):
    pages = search.html_pages(built_site)
    word, found = rare_word(built_site, pages[-PAGES_PER_PART:], pages[:-PAGES_PER_PART])
    page.goto(origin + NO_LIST)
    assert NO_LIST.rstrip("/") + url_of(found) in results(page, word), word
    assert page.failures == [origin + NO_LIST + "pagefind/parts.json"]
