"""The site as a reader uses it, in headless Chromium: browse, search, and nothing leaves the site.

The built site is served on 127.0.0.1 twice: at the root, and under a project sub-path as on
GitHub Pages (/<repo>/), built with site_url set to it. Screenshots go to tests/screenshots/.
Every kind of page is checked with axe-core (from the npm registry, installed into tests/js/ by
`make test`), on a desktop and a phone screen: no serious or critical violation.
"""
from __future__ import annotations

import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from conftest import CHROMIUM

PREFIX = "/dossier-test/"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
AXE = Path(__file__).resolve().parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 390, "height": 844}}

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
    page.wait_for_selector("mark.dossier-found")   # the searched words marked on the page (accents aside)
    assert "gociation" in page.inner_text("mark.dossier-found >> nth=0")
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


def page_kinds(data: dict, site: Path) -> dict[str, str]:
    """One page of each kind, by its URL in the site ("search": the home page, searched)."""
    theme = sorted(p.parent.relative_to(site).as_posix() for p in (site / "themes").glob("*/index.html"))
    profile = max(data["actors"], key=lambda a: a["mentions"])["url"]
    kinds = {"home": "", "article": data["articles"][0]["url"], "profile": profile, "actors": "acteurs/",
             "articles": "articles/", "timeline": "chronologie/", "graph": "graphe/", "sources": "sources/",
             "statements": "declarations/", "search": ""}
    if theme:
        kinds["theme"] = theme[0] + "/"
    return kinds


def open_search(page, query: str) -> None:
    """Open the header's search as a reader does on this screen, and search."""
    if page.viewport_size["width"] >= 960:      # Material's wide header shows the box itself
        page.click(".md-search__input")
    else:
        page.click("label.md-header__button[for=__search]")
    first_result(page, query)


def serious_violations(page) -> dict[str, list]:
    # colours are measured as they settle: a tooltip caught mid-fade has a contrast of no colour
    # the reader is left with (seen once in a CI-like run: .md-tooltip__inner on mobile)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return {v["id"]: [n["target"] for n in v["nodes"][:5]] for v in result["violations"]
            if v["impact"] in ("serious", "critical")}


@pytest.mark.skipif(not AXE.exists(), reason="needs axe-core in tests/js/ (make test installs it)")
@pytest.mark.parametrize("screen, scheme", [("desktop", "light"), ("mobile", "light"), ("desktop", "dark"),
                                           ("mobile", "dark")])   # a phone shows what a desktop does not (the Sommaire)
def test_every_kind_of_page_is_accessible(browser, origin, data, built_site, screen, scheme):
    """The palette follows the system's light or dark setting: both are checked."""
    context = browser.new_context(viewport=VIEWPORTS[screen], locale="fr-FR", color_scheme=scheme)
    page = context.new_page()
    found = {}
    for kind, url in page_kinds(data, built_site).items():
        page.goto(f"{origin}/{url}")
        if kind == "search":
            open_search(page, "lavrov")
        for rule, nodes in serious_violations(page).items():
            found[f"{kind}: {rule}"] = nodes
    context.close()
    assert not found, found


def shows_results_of(page, query: str) -> None:
    """Wait until the search box lists the results of this query (search.js marks the list)."""
    page.wait_for_function("""query => {
        const list = document.querySelector(".md-search-result__list");
        return list.dataset.query === query && list.querySelector(".md-search-result__link") !== null;
    }""", arg=query)


def test_search_works_with_the_keyboard_alone(page, origin):
    page.goto(origin + "/")
    box = page.locator("[data-dossier-search]")
    assert box.get_attribute("role") == "dialog" and box.get_attribute("aria-label")
    assert page.get_attribute(".md-search-result__meta", "aria-live") == "polite"
    page.keyboard.press("/")
    page.keyboard.type("lavrov")
    shows_results_of(page, "lavrov")   # not those of "lav", still to be replaced
    assert re.fullmatch(r"\d+ résultats?", page.inner_text(".md-search-result__meta"))
    plain = page.eval_on_selector(".md-search-result__link >> nth=1", "e => getComputedStyle(e).backgroundColor")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    # the chosen result is highlighted (after the theme's transition of the background)
    page.wait_for_function("plain => getComputedStyle(document.querySelector('.md-search-result__link'))"
                           ".backgroundColor !== plain", arg=plain)
    page.keyboard.press("Tab")                   # Tab walks the results too
    assert page.evaluate("document.activeElement === document.querySelectorAll('.md-search-result__link')[1]")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")
    page.keyboard.press("Control+a")             # the last query is still in the box: empty it
    page.keyboard.press("Backspace")
    page.keyboard.type("lavrov")
    shows_results_of(page, "lavrov")             # the search of the retyped query has landed
    for _ in range(page.locator(".md-search-result__link").count() + 3):   # Tab past the last result
        page.keyboard.press("Tab")
    assert not page.is_checked("#__search")      # leaving the search closes it


def test_the_section_stays_marked_and_leads_back(page, origin, data, built_site):
    kinds = page_kinds(data, built_site)
    sections = {"article": "Articles", "profile": "Acteurs", "theme": "Thèmes"}
    for kind, section in sections.items():
        if kind not in kinds:
            continue
        page.goto(f"{origin}/{kinds[kind]}")
        assert page.inner_text(".md-tabs__item--active").strip() == section, kind
        assert section in page.inner_text(".dossier-back a"), kind


def test_no_left_navigation_lists_the_page_alone(page, origin):
    """The site's navigation is its tabs: on a wide screen, no sidebar repeats the page's own tab."""
    for url in ("chronologie/", "declarations/", "articles/"):
        page.goto(f"{origin}/{url}")
        assert not page.locator(".md-sidebar--primary").is_visible(), url
        assert page.locator(".md-tabs__item--active").count() == 1, url


def test_pages_describe_themselves(page, origin, data):
    page.goto(f"{origin}/{data['articles'][0]['url']}")
    description = page.get_attribute("meta[name=description]", "content")
    assert description and description == page.get_attribute("meta[property='og:description']", "content")
    assert description != page.get_attribute("meta[property='og:site_name']", "content")
    assert page.get_attribute("meta[property='og:title']", "content")


def test_search_works_after_an_instant_navigation(page, origin, subpath_site, data):
    """On the sub-path build, whose site_url is where it is served (Material's instant loading
    follows only the links of the site's sitemap)."""
    base = origin + PREFIX
    page.goto(base)
    page.evaluate("window.dossierStayed = true")
    page.locator(".md-tabs__link", has_text="Acteurs").click()
    page.wait_for_url(base + "acteurs/")
    page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Acteurs'")
    assert page.evaluate("window.dossierStayed === true")     # no full reload: Material's instant loading
    page.locator(".dossier-sortable a[href*='acteurs/']").first.click()
    page.wait_for_url(base + "acteurs/*/")
    page.locator(".dossier-graph a").first.click()             # an SVG link: a plain navigation
    page.wait_for_url(base + "acteurs/*/")
    assert first_result(page, "serguei lavrov") == PREFIX + expected_searches(data)["lavrov"]
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(base + expected_searches(data)["lavrov"])
    page.wait_for_function("document.querySelector('h1').textContent.includes('Lavrov')")
    assert_stayed_on_site(page, base)


MACHINE_TALK = [r"\w\*", "reconnu dans la page", "déduite du texte", r"\(s\)", "en-tête YAML", "page HTML"]


def test_pages_speak_plain_french(built_site):
    """No pattern, provenance note or plural in brackets written for the machine on a page."""
    found = {}
    for path in sorted(built_site.rglob("*.html")):
        main = re.search(r'<div data-pagefind-body>(.*?)</article>', path.read_text(encoding="utf-8"), re.S)
        text = re.sub(r"<[^>]+>", "", main.group(1)) if main else ""
        for pattern in MACHINE_TALK:
            if re.search(pattern, text):
                found.setdefault(pattern, []).append(path.relative_to(built_site).as_posix())
        for first, last in re.findall(r"cité du (.+?) au (.+?)[\s<·]", text):
            if first == last:
                found.setdefault("cité du X au X", []).append(path.relative_to(built_site).as_posix())
    assert not found, found


def test_statements_filter_and_indexes_sort(page, origin, data):
    page.goto(origin + "/declarations/")
    every = page.locator(".dossier-statement").count()
    assert every == len(data["quotes"]) and every > 1
    speaker = page.locator(".dossier-filter select").first
    speaker.select_option(index=1)
    shown = page.locator(".dossier-statement:visible").count()
    assert 0 < shown < every
    assert page.inner_text(".dossier-filter__count").startswith(str(shown))
    page.goto(origin + "/articles/")
    page.locator("button.dossier-sort", has_text="Date").click()     # oldest first
    dates = [d for d in data["articles"] if d.get("date")]
    first = min(dates, key=lambda a: a["date"])
    assert first["title"] in page.locator("tbody tr").first.inner_text()


def test_graph_filters_by_type_and_zooms(page, origin):
    page.goto(origin + "/graphe/")
    nodes = page.locator(".dossier-network--whole .dossier-graph__node")
    before = nodes.count()
    page.locator(".dossier-graph-controls input[value=place]").uncheck()
    assert 0 < page.locator(".dossier-network--whole .dossier-graph__node:visible").count() < before
    box = page.get_attribute(".dossier-network--whole svg", "viewBox")
    page.get_by_role("button", name="Zoomer", exact=True).click()
    assert page.get_attribute(".dossier-network--whole svg", "viewBox") != box


def test_timeline_filters_by_actor_and_type(page, origin):
    page.goto(origin + "/chronologie/")
    every = page.locator(".dossier-timeline li").count()
    assert every > 1 and page.inner_text(".dossier-filter__count").startswith(str(every))
    page.locator(".dossier-filter select").nth(1).select_option("person")
    persons = page.locator(".dossier-timeline li:visible").count()
    assert 0 < persons <= every
    assert all(item.locator(".dossier-actor--person").count() for item in page.locator(".dossier-timeline li:visible").all())
    page.locator(".dossier-filter select").nth(1).select_option("")
    page.locator(".dossier-filter select").first.select_option(index=1)
    assert 0 < page.locator(".dossier-timeline li:visible").count() <= every


def phone(browser, **options):
    """A page on a phone's screen (390 × 844), as a reader's phone opens it."""
    context = browser.new_context(viewport=VIEWPORTS["mobile"], is_mobile=True, has_touch=True,
                                  **{"locale": "fr-FR", **options})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return context, tab


def test_a_long_profile_has_a_sommaire_on_a_phone(browser, origin, data):
    """Material hides its table of contents on a narrow screen: a long profile shows its own."""
    actors = sorted(data["actors"], key=lambda a: a["mentions"])
    context, tab = phone(browser)
    tab.goto(f"{origin}/{actors[-1]['url']}")
    sommaire = tab.locator("nav.dossier-toc")
    assert sommaire.is_visible() and not tab.locator(".md-sidebar--secondary").is_visible()
    sections = tab.locator(".md-content h2").all_inner_texts()
    assert sommaire.locator("a").all_inner_texts() == sections and len(sections) >= 3
    sommaire.locator("a", has_text="Articles").click()
    tab.wait_for_function("location.hash === '#articles'")
    top = tab.eval_on_selector("h2#articles", "e => e.getBoundingClientRect().top")
    assert 0 <= top < VIEWPORTS["mobile"]["height"] / 2          # the section is on screen
    tab.goto(f"{origin}/{actors[0]['url']}")                      # a thin profile: no sommaire
    assert tab.locator("nav.dossier-toc").count() == 0
    context.close()


def test_the_sommaire_is_material_s_own_on_a_wide_screen(page, origin, data):
    page.goto(f"{origin}/{max(data['actors'], key=lambda a: a['mentions'])['url']}")
    assert page.locator("nav.dossier-toc").count() == 1 and not page.locator("nav.dossier-toc").is_visible()
    assert page.locator(".md-sidebar--secondary").is_visible()


def shown_label_sizes(tab) -> list[float]:
    """Each graph label's size on the screen, in CSS pixels: its font size in the drawing's units
    scaled as the drawing is shown."""
    return tab.eval_on_selector_all(
        ".dossier-graph text",
        "texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")


def test_graph_labels_are_readable_on_a_phone(browser, origin, data):
    context, tab = phone(browser)
    profile = max(data["actors"], key=lambda a: a["mentions"])["url"]
    for url in (profile, "graphe/"):
        tab.goto(f"{origin}/{url}")
        sizes = shown_label_sizes(tab)
        assert sizes and min(sizes) >= 11, (url, min(sizes))
        figure = tab.locator(".dossier-network").first
        # wider than the screen, the graph scrolls sideways, opened on its actor (or its middle)
        assert figure.evaluate("f => f.scrollWidth <= f.clientWidth || f.scrollLeft > 0"), url
    context.close()


def shown_label_boxes(tab) -> tuple[list, list]:
    """Each graph name a reader sees (its node shown, the name not hidden) with its box on screen,
    its halo included; and each shown actor's dot, with its name."""
    return tab.evaluate("""() => {
        const box = (b, pad) => ({left: b.left - pad, top: b.top - pad, right: b.right + pad, bottom: b.bottom + pad});
        const nodes = Array.from(document.querySelectorAll(".dossier-graph__node")).filter(n => n.style.display !== "none");
        const labels = nodes.map(n => n.querySelector("text")).filter(t => getComputedStyle(t).visibility === "visible")
            .map(t => [t.textContent, box(t.getBoundingClientRect(), 1.5 * t.getScreenCTM().a)]);
        const dots = nodes.map(n => [n.querySelector("text").textContent, box(n.querySelector("circle").getBoundingClientRect(), 0)]);
        return [labels, dots];
    }""")


def meets(one: dict, two: dict) -> bool:
    return (one["left"] < two["right"] and two["left"] < one["right"]
            and one["top"] < two["bottom"] and two["top"] < one["bottom"])


def covering_labels(labels: list, dots: list) -> list[tuple[str, str]]:
    """The pairs (name, what it covers: another name, or another actor's dot)."""
    names = [(a, b) for k, (a, one) in enumerate(labels) for b, two in labels[k + 1:] if meets(one, two)]
    return names + [(a, f"dot of {b}") for a, one in labels for b, dot in dots if a != b and meets(one, dot)]


@pytest.mark.parametrize("screen", ["desktop", "mobile"])
def test_graph_labels_do_not_overlap(browser, origin, data, screen):
    """On the whole graph and on the hub’s profile (the most crowded), no name covers another name
    or another actor’s dot;
    nearly all names are shown, and the graph's filter frees room without bringing overlaps back."""
    context = browser.new_context(viewport=VIEWPORTS[screen], locale="fr-FR")
    tab = context.new_page()
    profile = max(data["actors"], key=lambda a: a["mentions"])["url"]
    for url in (profile, "graphe/"):
        tab.goto(f"{origin}/{url}")
        labels, dots = shown_label_boxes(tab)
        assert not covering_labels(labels, dots), (url, covering_labels(labels, dots))
        assert len(labels) >= 0.8 * len(dots), (url, len(labels), len(dots))
    tab.locator(".dossier-graph-controls input[value=place]").uncheck()
    labels, dots = shown_label_boxes(tab)
    assert labels and not covering_labels(labels, dots)
    context.close()


def test_statement_dates_are_french_in_a_browser_of_another_language(browser, origin, data):
    """An <input type=date> shows the browser's format (12/31/2021 in English): the filter's days
    are written in French whatever the browser's language, and filter by their ISO value."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-US")
    tab = context.new_page()
    tab.goto(origin + "/declarations/")
    assert tab.locator(".dossier-filter input[type=date]").count() == 0
    since = tab.locator(".dossier-filter select").nth(2)
    days = since.locator("option").all_inner_texts()[1:]
    assert days and all(re.fullmatch(r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre"
                                     r"|octobre|novembre|décembre) \d{4}", day) for day in days), days
    dated = sorted({articles["date"] for articles in data["articles"] if articles.get("date")})
    since.select_option(dated[-1])                               # from the last day on
    shown = tab.eval_on_selector_all(".dossier-statement:not([hidden])", "items => items.map(i => i.dataset.date)")
    assert shown and all(date >= dated[-1] for date in shown)
    assert tab.locator(".dossier-statement").count() > len(shown)
    context.close()
