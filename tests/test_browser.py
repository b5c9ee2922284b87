"""The site as a reader uses it, in headless Chromium: browse, search, and nothing leaves the site.

The built site is served on 127.0.0.1 twice: at the root, and under a project sub-path as on
GitHub Pages (/<repo>/), built with site_url set to it. Screenshots go to tests/screenshots/.
"""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from conftest import CHROMIUM

PREFIX = "/dossier-test/"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium; .ci/run does it)"),
]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the root site at /, and the sub-path build under PREFIX (nothing else)."""
    roots: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        prefix = PREFIX if path.startswith(PREFIX) else "/"
        self.directory = str(self.roots[prefix])
        return super().translate_path("/" + path[len(prefix):])

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SiteHandler)
    SiteHandler.roots = {"/": built_site}
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def origin(server) -> str:
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def subpath_site(built_site, origin, tmp_path_factory) -> Path:
    """The project built again, with site_url under the sub-path, and served there."""
    from conftest import build_project_copy

    site = build_project_copy(tmp_path_factory.mktemp("subpath"), site_url=origin + PREFIX)
    SiteHandler.roots[PREFIX] = site
    return site


@pytest.fixture(scope="module")
def data(built_site) -> dict:
    return json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))


def expected_searches(data: dict) -> dict[str, str]:
    """What readers type, and the page (its URL in the site) they expect first."""
    def actor(word: str) -> str:
        found = [a for a in data["actors"] if any(word in n for n in [a["name"], *a["aliases"]])]
        assert found, f"no actor named {word!r} in the dossier"
        return max(found, key=lambda a: a["mentions"])["url"]

    def article(word: str) -> str:
        return next(a["url"] for a in data["articles"] if word in a["title"])

    return {
        "maiga": actor("Maïga"),
        "serguei lavrov": actor("Lavrov"),
        "Sergei Lavrov": actor("Lavrov"),
        "lavrov": actor("Lavrov"),
        "cedeao": actor("CEDEAO"),
        "Goita": actor("Goïta"),
        "Diop": actor("Diop"),
        "negociations": article("négociation"),
    }


def first_result(page, query: str) -> str:
    """Type the query in the header's search box; the first result's link. The box is emptied
    first, which clears the results at once: a link on screen is then an answer to this query (the
    box drops answers to a query no longer typed)."""
    page.fill(".md-search__input", "")
    page.fill(".md-search__input", query)
    page.wait_for_function(
        """query => document.querySelector(".md-search__input").value === query
                   && document.querySelector(".md-search-result__link")""",
        arg=query,
    )
    return page.get_attribute(".md-search-result__link >> nth=0", "href")


def assert_stayed_on_site(page, base: str) -> None:
    outside = [url for url in page.requests if not url.startswith(base)]
    assert not outside, f"requests left the site: {outside}"
    assert not page.failures, f"broken links or assets: {page.failures}"


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_reader_goes_from_home_to_a_profile_to_an_article_and_back(page, origin):
    page.goto(origin + "/")
    assert page.locator("h1").first.inner_text() != ""
    screenshot(page, "home")
    page.locator(".dossier-actors a").first.click()
    page.wait_for_url("**/acteurs/*/")
    profile = page.url
    assert page.locator(".dossier-badge").count() >= 1
    screenshot(page, "profile")
    page.locator("h3 a[href*='articles/']").first.click()
    page.wait_for_url("**/articles/*/")
    assert page.locator(".dossier-meta").count() == 1
    screenshot(page, "article")
    page.locator(".md-content p a[href*='acteurs/']").first.click()
    page.wait_for_url("**/acteurs/*/")
    page.goto(profile)
    assert_stayed_on_site(page, origin + "/")


def test_searches_find_the_right_page_first(page, origin, data):
    page.goto(origin + "/")
    misses = {}
    for query, url in expected_searches(data).items():
        found = first_result(page, query)
        if found != "/" + url:
            misses[query] = (found, "/" + url)
    assert not misses, misses
    page.keyboard.press("Enter")                # Enter opens the first result
    page.wait_for_url(f"{origin}/{expected_searches(data)['negociations']}")
    assert_stayed_on_site(page, origin + "/")


def test_search_results_show_text_not_html(page, origin):
    page.goto(origin + "/")
    first_result(page, "lavrov")
    html = page.inner_html(".md-search-result__list")
    assert "<script" not in html and "onerror" not in html
    assert page.locator(".md-search-result__list mark").count() >= 1   # Pagefind's highlights kept


def test_site_works_under_a_project_sub_path(page, origin, subpath_site, data):
    base = origin + PREFIX
    page.goto(base)
    page.locator(".dossier-actors a").first.click()
    page.wait_for_url(base + "acteurs/*/")
    page.locator(".dossier-graph a").first.click()          # the profile's network links too
    page.wait_for_url(base + "acteurs/*/")
    for tab in page.locator(".md-tabs__link").all():
        assert tab.get_attribute("href")
    page.goto(base + "graphe/")
    page.goto(base + "chronologie/")
    assert first_result(page, "serguei lavrov") == PREFIX + expected_searches(data)["lavrov"]
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(base + expected_searches(data)["lavrov"])
    assert_stayed_on_site(page, base)
