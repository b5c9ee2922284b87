"""Hostile text, proved inert in a real browser.

tests/fixtures/payloads/ holds articles in the three input formats (.txt with a sidecar .yml, .md
with front matter, saved .html pages, one with a sidecar), an empty file and a broken sidecar (both
named on the Sources page), and an editorial folder whose registry and topics carry payloads too.
Each payload is numbered (P01…P95) and, if it ever ran, would show: it calls alert(), sets
window.__pwned, or asks http://evil.example/… for something. Jinja and Markdown payloads show by
their rendered value ({{ 777*1001 }} would print 777777) or by the markup they would make.

The suite is built once into a temp folder, served on 127.0.0.1, and every HTML page of the site
is opened in one headless Chromium context (and the search box is used on payload words). The test
fails on any dialog, any write of window.__pwned, any request that leaves 127.0.0.1, any failed
request or script error, any live markup made from a payload (on* attributes, javascript:/data:
addresses, injected iframes, forms, bases, styles…), and when a payload's literal text is not
visible where it belongs. dossier.json must hold the payloads as plain data.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "payloads"
RENDERED_JINJA = "777777"          # {{ 777*1001 }}, were it ever evaluated

pytestmark = pytest.mark.slow
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                                  "(apt-get install chromium; .ci/run does it)")

# The cases, by file (each payload's number is in its text):
#  p01-texte.txt + .yml  title with </title><script> and {{ }} (P01), source with <img onerror> (P02),
#      javascript: url (P03), author with <a href=javascript:> (P04); in the text: <script> (P05),
#      <img onerror> (P06), Markdown link to javascript: and external image (P07, P08), reference
#      link and autolink (P09), a reference definition line (P10), an unclosed <!--, </textarea> and
#      </script> breakouts (P11, P12), Jinja {{ }} {% include %} {{ config }} {# #}, an admonition
#      line !!! (P13), an attr_list {: onclick } (P14), a raw HTML block <details ontoggle> (P15),
#      <svg onload> (P16), <iframe srcdoc> (P17), data:text/html links (P18), <style>@import (P19),
#      <meta http-equiv=refresh> (P20), <base href> (P21), <form action> + autofocus onfocus (P22),
#      entities &lt;script&gt; that must stay entities (P23), external <img>, window.__pwned,
#      <link rel=stylesheet> (P24-P26), <object>/<embed> (P27), furniture lines that go to the
#      removed text (P28, P29), and sentences naming the registry's hostile actor (a quote, a date).
#  p02-markdown.md       front matter: title with {{ }} {% include %} <svg onload> (P30), source as
#      a Markdown javascript: link (P31), data: url (P32), author with attr_list (P33); body: a
#      ## heading with <img onerror> (P34), a quote with <script> (P35), a > blockquote (P36), a
#      dated sentence with <svg onload> (P37), Markdown link and image (P38, P39), macros syntax,
#      {% raw %}, ${…} (P40), an indented !!! note admonition (P41), a {: onclick } line (P42).
#  p03-page.html         a saved page: <title> with entities decoding to <img onerror> (P50), meta
#      author, og:url javascript:, og:site_name (P51-P53), meta refresh, <base>, <style>@import,
#      <script>, <body onload> (P54-P58), <h2> with entities (P59), entity-encoded <script> (P60),
#      <a href=javascript:> (P61), <img onerror> (P62), <iframe srcdoc> (P63), <form> (P64), inline
#      <svg onload> (P65), double-encoded &amp;lt;b&amp;gt;, &lt;!--, encoded {{ }}.
#  p04-sidecar.html + .yml  title opening <!--, source with </script><script> (P70), an http url
#      full of Markdown characters (P71, a link), author with {% include %}, a lede with
#      <img onerror> and {: onclick } (P74), entity-encoded <marquee onstart> (P73).
#  p05 {{ 777*1001 }} [vide] & {% raw %}.txt  an empty file, named on the Sources page.
#  p06-yaml.txt + .yml   a broken sidecar whose text carries payloads (P75, P76).
#  p07-controle.txt + .yml  a title with a U+0081 that YAML cannot hold raw, then a Markdown
#      external image, an image with an attr_list onerror, and a javascript: link (P93-P95).
#  editorial/actors.yml  a person named "Iván <img onerror> Petrov {{ }}" (P80), with a description
#      (P82) and an alias (P81, never met in the texts) that carry payloads: he speaks in p01, is
#      dated in p01, named in p03 and p04, so his name reaches actor pages, article chips, quotes,
#      the graph's SVG, the timeline, the topic, search results and dossier.json.
#  editorial/topics.yml  a topic named with <img onerror> and {{ }} (P85), a <script> keyword (P86).

# Where each payload must be seen as the literal text it is: page (its URL in the site) → texts.
# Titles also reach <title> and the header (checked in test_titles_are_text_in_head_and_header).
P01_TITLE = "</title><script>alert('P01')</script> Bamako {{ 777*1001 }}"
P02_SOURCE = "<img src=x onerror=alert('P02')>Le Matin"
P30_TITLE = "{{ 777*1001 }} {% include 'base.html' %} <svg onload=alert('P30')> Le sommet"
P31_SOURCE = "[Le Journal](javascript:alert('P31'))"
P50_TITLE = "<img src=x onerror=alert('P50')> Wagner au Mali"
P53_SOURCE = "<Img Src=X Onerror=Alert('P53')>Evil Times"     # the page's site name, as trafilatura reads it
P70_SOURCE = "</script><script>alert('P70')</script>"
COMMENT_TITLE = "<!-- Le titre qui ouvre un commentaire"
# After a U+0081 that YAML cannot read raw: it must not make MkDocs drop the page's front matter.
CONTROL_TITLE = "Titre ![P93](http://evil.example/P93.png) ![x](x){: onerror=alert(/P94/.source) } " \
                "[clic](javascript:alert(/P95/.source))"
P71_URL = "http://evil.example/P71/{{7*7}}/*a*_b_~c"   # an http address with Markdown characters
P55_URL = "http://evil.example/P55/"     # p03's <base href>, which trafilatura reads as the page's address
ACTOR = "Iván <img src=x onerror=alert('P80')> Petrov {{ 777*1001 }}"   # from the registry
ACTOR_ASCII = "Ivan <img src=x onerror=alert('P80')> Petrov {{ 777*1001 }}"   # its search form
ACTOR_URL = "acteurs/ivan-img-src-x-onerror-alert-p80-petrov-777-1001/"
TOPIC = "<img src=x onerror=alert('P85')> Coopération {{ 777*1001 }}"
TOPIC_URL = "themes/img-src-x-onerror-alert-p85-cooperation-777-1001/"

VISIBLE = {
    "articles/p01-texte/": [
        P01_TITLE, P02_SOURCE,
        "<a href=\"javascript:alert('P04')\">Jean Auteur</a>",
        "pour parler de <script>alert('P05')</script> et de la coopération",
        "un message contenant <img src=x onerror=alert('P06')> a circulé",
        "[cliquer ici](javascript:alert('P07')) avec ![une carte](http://evil.example/P08.png)",
        "une note [voir la source][ref] qui renvoyait",
        "l'adresse <http://evil.example/P09> recopiée",
        "[ref]: javascript:alert('P10') \"Une note de bas de page",
        "la mention <!-- a été distribué",
        "a écrit </textarea><script>alert('P11')</script> puis </script><script>alert('P12')</script> dans",
        "que {{ 777*1001 }} et {% include \"base.html\" %} ainsi que {{ config.site_name }} ou {# commentaire #} n'avaient",
        "!!! warning \"<img src=x onerror=alert('P13')>\"",
        "a cité **la junte**{: onclick=\"alert('P14')\" } à plusieurs",
        "<details open ontoggle=alert('P15')><summary>Le ministre malien",
        "illustré par <svg onload=alert('P16')> et par <iframe srcdoc=\"<script>parent.alert('P17')</script>\"></iframe> selon",
        "<a href=\"data:text/html,<script>alert('P18')</script>\">le rapport</a> et "
        "[la note](data:text/html;base64,PHNjcmlwdD5hbGVydCgnUDE4Jyk8L3NjcmlwdD4=)",
        "trouvé <style>@import url(http://evil.example/P19.css);</style> et "
        "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/P20\"> dans",
        "relevé <base href=\"http://evil.example/P21/\"> et "
        "<form action=\"http://evil.example/P22\"><input autofocus onfocus=alert('P22')></form> dans",
        "Le texte &lt;script&gt;alert('P23')&lt;/script&gt; figurait",
        "chargeait <img src=\"http://evil.example/P24.png\"> et <img src=x onerror=\"window.__pwned='P25'\"> "
        "ainsi que <link rel=\"stylesheet\" href=\"http://evil.example/P26.css\"> à",
        "aussi <object data=\"http://evil.example/P27\"></object> et <embed src=\"http://evil.example/P27\"> selon",
        ACTOR,                                          # the actor chips and the quote's speaker
        "Partager <svg onload=alert('P28')>",           # furniture lines, in "Texte retiré"
        "Connectez-vous <img src=x onerror=alert('P29')> pour commenter",
    ],
    "articles/p02-markdown/": [
        P30_TITLE, P31_SOURCE,
        "Auteur {: onclick=alert('P33') } *penché*",
        "<img src=x onerror=alert('P34')> Le sommet de Bamako",              # a heading (and the toc)
        "« Nous refusons <script>alert('P35')</script> et toute ingérence",
        "<img src=x onerror=alert('P36')> La Russie aidera le Mali",         # a blockquote
        "européens <svg onload=alert('P37')> pour discuter",
        # P38, P39: Markdown links and images of a .md article may be read as its markup and kept
        # as their text (clean.markdown_lines), or kept whole: either way, as text (any one of these).
        ("Un lien [ici](javascript:alert('P38')) et", "Un lien ici) et", "Un lien ici et"),
        ("une image carte figuraient", "une image ![carte](http://evil.example/P39.png) figuraient"),
        "cité {{ macros_info() }} et {% raw %}{{ page.title }}{% endraw %} ainsi que ${alert('P40')} dans",
        "!!! note \"Avertissement <script>alert('P41')</script>\"",
        "{: onclick=\"alert('P42')\" .evil }",
    ],
    "articles/p03-page/": [
        P50_TITLE, P53_SOURCE,
        "<svg onload=alert('P59')> Les négociations",
        "le texte <script>alert('P60')</script> circulait",
        "a publié le communiqué officiel sur son site",                      # P61: the link's text only
        "a écrit &lt;b&gt;gras&lt;/b&gt; dans son message",
        "a ouvert <!-- sans jamais le fermer",
        "a annoncé {{ 777*1001 }} et {% include 'base.html' %} devant",
    ],
    "articles/p04-sidecar/": [
        COMMENT_TITLE, P70_SOURCE,
        "{% include 'partials/header.html' %}",
        "discuter <img src=x onerror=alert('P74')> des livraisons",          # the lede
        "un communiqué {: onclick=alert('P74') }",
        "partenaires, <marquee onstart=alert('P73')> selon",
    ],
    "articles/p07-controle/": [CONTROL_TITLE],
    "articles/": [CONTROL_TITLE, P01_TITLE, P02_SOURCE, P30_TITLE, P31_SOURCE, P50_TITLE, P53_SOURCE, COMMENT_TITLE, P70_SOURCE],
    "sources/": [
        P01_TITLE, P02_SOURCE, P30_TITLE, P31_SOURCE, COMMENT_TITLE, P70_SOURCE,
        "p05 {{ 777*1001 }} [vide] & {% raw %}.txt",                        # an empty file's name
        "p06-yaml.txt",                     # its broken sidecar (P75, P76): the error is named, not quoted
    ],
    "": [P02_SOURCE, P31_SOURCE, P70_SOURCE, COMMENT_TITLE, P30_TITLE, ACTOR, TOPIC],
    "chronologie/": [
        "pour parler de <script>alert('P05')</script> et",
        "européens <svg onload=alert('P37')> pour discuter",
        "a annoncé {{ 777*1001 }} et {% include 'base.html' %} devant",
        P01_TITLE, P30_TITLE, P50_TITLE, ACTOR,
    ],
    ACTOR_URL: [
        ACTOR,
        "<script>alert('P82')</script> [x](javascript:alert('P82')) {: onclick=alert('P82') }",
        "Nous livrerons des hélicoptères au Mali",
        P01_TITLE, COMMENT_TITLE, P70_SOURCE,
    ],
    "acteurs/": [ACTOR],
    "acteurs/assimi-goita/": ["Nous refusons <script>alert('P35')</script> et toute ingérence", P30_TITLE, P31_SOURCE],
    "acteurs/serguei-lavrov/": ["pour parler de <script>alert('P05')</script> et", P01_TITLE],
    "graphe/": [ACTOR],
    TOPIC_URL: [TOPIC, "<script>alert('P86')</script>", ACTOR, P02_SOURCE, P31_SOURCE],
    "themes/": [TOPIC],
}
# What a search for these words must list, as text: (query, texts in the results).
SEARCHES = [
    ("Petrov", [ACTOR]),
    ("onerror", ["<img src=x onerror=alert("]),
    ("ingérence", ["<script>alert('P35')</script>"]),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory, nlp) -> Path:
    """The payload suite built into a temp project, with its own editorial folder and cache."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = tmp_path_factory.mktemp("payloads")
    for name in ("mkdocs.yml", "content", "site_templates"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    shutil.copytree(FIXTURES / "editorial", project / "editorial")
    (project / "seeds").mkdir()
    for path in FIXTURES.iterdir():
        if path.is_file():
            shutil.copy(path, project / "seeds" / path.name)
    # Not strict: the empty file and the broken sidecar are warned about, on purpose.
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return project / "site"


@pytest.fixture(scope="module")
def origin(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


# Runs first in every page and frame: a write to window.__pwned reaches the test at once.
TRAP = """
Object.defineProperty(window, "__pwned", { set: (v) => window.__payloadRan("window.__pwned = " + v) });
"""

# Live markup that only a payload could have made; returns what it finds.
LIVE_MARKUP = r"""
(allowedLinks) => {
  const found = [];
  const bad = /^\s*(javascript|data|vbscript):/i;
  const marker = /P\d\d|evil\.example|alert\(|__pwned/;     // slugs (p01-texte) are lower case
  const urlAttrs = ["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "content",
                    "background", "poster", "style", "srcset"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(`<${tag} ${name}=${attr.value}>`);
      if (urlAttrs.includes(name) && bad.test(attr.value)) found.push(`<${tag} ${name}=${attr.value}>`);
      // A page's description and Open Graph title are text (an article's lede, an actor's name),
      // shown as text by whatever reads them: a payload there is inert, as in the page's <title>
      const described = tag === "meta" && name === "content"
        && /^(description|og:title|og:description)$/.test(el.getAttribute("name") || el.getAttribute("property") || "");
      if (urlAttrs.includes(name) && marker.test(attr.value) && !described
          && !(tag === "a" && name === "href" && allowedLinks.includes(attr.value))) {
        found.push(`<${tag} ${name}=${attr.value}>`);
      }
    }
    if (["iframe", "object", "embed", "base", "marquee", "textarea", "frame", "frameset"].includes(tag)) found.push(`<${tag}>`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push(`<meta http-equiv=${el.getAttribute("http-equiv")}>`);
    if (tag === "form" && el.hasAttribute("action")) found.push(`<form action=${el.getAttribute("action")}>`);
    if ((tag === "script" || tag === "style") && marker.test(el.textContent)) found.push(`<${tag}>${el.textContent.slice(0, 60)}`);
  }
  return found;
}
"""

# What the page shows, read in one go after autofocus and timers had a moment to fire; collapsed
# <details> (the removed lines) are opened first, so that their text counts as visible.
READ_PAGE = """
async (allowedLinks) => {
  await new Promise((done) => setTimeout(done, 100));
  const text = (selector) => { const el = document.querySelector(selector); return el ? el.innerText : ""; };
  const live = (LIVE_MARKUP)(allowedLinks);
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  return {
    text: document.body.innerText,
    title: document.title,
    header: text("[data-md-component=header-topic]"),
    toc: text(".md-sidebar--secondary"),
    hidden: Array.from(document.querySelectorAll(".dossier-search-terms"), (e) => e.textContent).join(" "),
    live,
    links: Array.from(document.querySelectorAll("a[href^='http']"), (a) => a.getAttribute("href")),
  };
}
""".replace("LIVE_MARKUP", LIVE_MARKUP)


class Watch:
    """What the payloads did, if anything: dialogs, trapped globals, requests off the site,
    failed requests and script errors, each with the page it happened on."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.at = ""
        self.ran: list[str] = []
        self.left: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.expected = origin
        context.expose_binding("__payloadRan", lambda source, what: self.ran.append(f"{self.at}: {what}"))
        context.add_init_script(TRAP)
        context.route("**/*", self.route)

    def route(self, route) -> None:
        if self.leaving(route.request):
            route.abort()
        else:
            route.continue_()

    def leaving(self, request) -> bool:
        """Whether the request goes off the site (data: and blob: addresses stay in the page)."""
        address = urlsplit(request.url)
        if address.scheme in ("data", "blob") or address.hostname == "127.0.0.1":
            return False
        line = f"{self.at}: {request.url}"
        if line not in self.left:
            self.left.append(line)
        return True

    def attach(self, page) -> None:
        page.on("dialog", self.dialog)
        page.on("framenavigated", lambda frame: frame == page.main_frame and frame.url != self.expected
                and self.ran.append(f"{self.at}: navigated to {frame.url}"))
        page.on("request", self.leaving)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{self.at}: {r.status} {r.url}"))
        page.on("pageerror", lambda e: self.errors.append(f"{self.at}: {e}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{self.at}: {m.text}"))

    def dialog(self, dialog) -> None:
        self.ran.append(f"{self.at}: {dialog.type}({dialog.message})")
        try:
            dialog.dismiss()
        except Exception:   # the page that opened it is gone (it navigated)
            pass

    def payloads_ran(self) -> set[str]:
        found = set()
        for line in self.ran + self.left:
            found.update(re.findall(r"P\d\d", line) or [line])
        return found


def read_page(tab, url: str, allowed: list[str]) -> dict:
    """Open the page, give autofocus and timers a moment, and read what a reader would see."""
    tab.goto(url, wait_until="load")
    return tab.evaluate(READ_PAGE, allowed)


@pytest.fixture(scope="module")
def browsed(site, origin):
    """Every page of the site opened once, and the searches typed: what was seen and what ran."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.relative_to(site).parts[0] in ("assets", "pagefind"))
    urls = [p[: -len("index.html")] if p.endswith("index.html") else p for p in pages]
    allowed = [P71_URL, P55_URL]      # http original addresses: their articles' "Lire l'original" links
    seen: dict[str, dict] = {}
    started = time.monotonic()
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        watch = Watch(context, origin)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        watch.attach(tab)
        for url in urls:
            watch.at, watch.expected = url or "/", origin + url
            try:
                seen[url] = read_page(tab, origin + url, allowed)
            except playwright_api.Error as error:    # a payload navigated away, or broke the page
                watch.ran.append(f"{watch.at}: the page could not be read: {error.message.splitlines()[0]}")
        results = {}
        watch.at = watch.expected = origin
        tab.goto(origin)
        for query, _ in SEARCHES:
            watch.at = f"search {query!r}"
            tab.fill(".md-search__input", query)
            tab.wait_for_function("q => document.querySelector('.md-search__input').value === q"
                                  " && document.querySelector('.md-search-result__link')", arg=query)
            tab.wait_for_timeout(300)
            results[query] = {"text": tab.inner_text(".md-search-result__list"),
                              "live": tab.evaluate(LIVE_MARKUP, allowed)}
        context.close()
        browser.close()
    return {"pages": seen, "search": results, "watch": watch, "seconds": time.monotonic() - started}


@needs_chromium
def test_every_page_was_opened(browsed, site):
    pages = browsed["pages"]
    assert len(pages) >= 25
    for url in ["", "articles/", "acteurs/", "chronologie/", "graphe/", "themes/", "sources/", ACTOR_URL, TOPIC_URL,
                "articles/p01-texte/", "articles/p02-markdown/", "articles/p03-page/", "articles/p04-sidecar/",
                "articles/p07-controle/"]:
        assert url in pages, url


@needs_chromium
def test_no_payload_ran(browsed):
    watch = browsed["watch"]
    ran = sorted(browsed["watch"].payloads_ran())
    print(f"\npayloads that ran: {len(ran)} {ran}; pages browsed in {browsed['seconds']:.1f} s")
    assert watch.ran == [], f"dialogs or trapped globals: {watch.ran}"
    assert watch.left == [], f"requests that left the site: {watch.left}"
    assert ran == []


@needs_chromium
def test_no_failed_request_or_script_error(browsed):
    watch = browsed["watch"]
    assert watch.failed == [], watch.failed
    assert watch.errors == [], watch.errors


@needs_chromium
def test_no_live_markup_from_a_payload(browsed):
    live = {url: seen["live"] for url, seen in browsed["pages"].items() if seen["live"]}
    live.update({f"search {q!r}": r["live"] for q, r in browsed["search"].items() if r["live"]})
    assert live == {}


@needs_chromium
def test_payloads_are_shown_as_literal_text(browsed):
    pages = browsed["pages"]
    def shown(text: str | tuple, page: str) -> bool:
        return any(t in page for t in text) if isinstance(text, tuple) else text in page

    missing = {url: [t for t in texts if not shown(t, pages[url]["text"])] for url, texts in VISIBLE.items()}
    assert {url: texts for url, texts in missing.items() if texts} == {}


@needs_chromium
def test_hidden_search_terms_are_text(browsed):
    """The actor's name in ASCII, for the search index, goes through the `h` filter into raw HTML."""
    assert browsed["pages"][ACTOR_URL]["hidden"].strip() == ACTOR_ASCII


def test_template_syntax_is_never_evaluated(site):
    pages = [page for page in site.rglob("*") if page.suffix in (".html", ".json", ".xml")]
    assert [page for page in pages if RENDERED_JINJA in page.read_text(encoding="utf-8")] == []


def test_no_live_markup_in_the_built_files(site):
    """The same check as test_hostile's, on the payload suite's files, without a browser."""
    from test_hostile import LiveMarkup

    found = {}
    for page in site.rglob("*.html"):
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[page.relative_to(site).as_posix()] = parser.found
    assert found == {}


@needs_chromium
def test_titles_are_text_in_head_and_header(browsed):
    pages = browsed["pages"]
    for url, title in [("articles/p01-texte/", P01_TITLE), ("articles/p02-markdown/", P30_TITLE),
                       ("articles/p03-page/", P50_TITLE), ("articles/p04-sidecar/", COMMENT_TITLE),
                       (ACTOR_URL, ACTOR), (TOPIC_URL, TOPIC)]:
        assert pages[url]["title"].startswith(title + " - "), (url, pages[url]["title"])
        assert pages[url]["header"].strip() == title, (url, pages[url]["header"])
    control = pages["articles/p07-controle/"]
    assert CONTROL_TITLE + " - " in control["title"] and control["header"].strip().endswith(CONTROL_TITLE)


@needs_chromium
def test_headings_are_text_in_the_table_of_contents(browsed):
    pages = browsed["pages"]
    for url, heading in [("articles/p01-texte/", "!!! warning \"<img src=x onerror=alert('P13')>\""),
                         ("articles/p02-markdown/", "<img src=x onerror=alert('P34')> Le sommet de Bamako"),
                         ("articles/p03-page/", "<svg onload=alert('P59')> Les négociations"),
                         (ACTOR_URL, P01_TITLE), (ACTOR_URL, COMMENT_TITLE), (TOPIC_URL, P31_SOURCE)]:
        assert heading in pages[url]["toc"], (url, pages[url]["toc"])


@needs_chromium
def test_only_http_original_addresses_become_links(browsed):
    """javascript: (P03), data: (P32) and the page's own javascript: og:url (P52) make no link;
    p04's http address, Markdown characters and all, is its 'Lire l'original' link, unchanged, as
    is the address p03 declares in its <base href> (a link; the page itself never loads it)."""
    pages = browsed["pages"]
    outside = {url: [h for h in seen["links"] if not h.startswith("http://127.0.0.1")]
               for url, seen in pages.items()}
    assert {url: links for url, links in outside.items() if links} == {
        "articles/p03-page/": [P55_URL], "articles/p04-sidecar/": [P71_URL]}


@needs_chromium
def test_search_results_show_payloads_as_text(browsed):
    for query, texts in SEARCHES:
        shown = browsed["search"][query]["text"]
        assert all(text in shown for text in texts), (query, shown)


def test_dossier_json_holds_the_payloads_as_data(site):
    """dossier.json is data: the texts exactly as read, neither escaped nor evaluated."""
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in data["articles"]}
    assert [articles[i]["title"] for i in ("p01-texte", "p02-markdown", "p03-page", "p04-sidecar")] == [
        P01_TITLE, P30_TITLE, P50_TITLE, COMMENT_TITLE]
    assert [articles[i]["source"] for i in ("p01-texte", "p02-markdown", "p03-page", "p04-sidecar")] == [
        P02_SOURCE, P31_SOURCE, P53_SOURCE, P70_SOURCE]
    texts = {i: " ".join(b["text"] for b in a["blocks"]) for i, a in articles.items()}
    assert "pour parler de <script>alert('P05')</script> et" in texts["p01-texte"]
    assert "Le texte &lt;script&gt;alert('P23')&lt;/script&gt; figurait" in texts["p01-texte"]   # not decoded
    assert "le texte <script>alert('P60')</script> circulait" in texts["p03-page"]   # the page's entities, read
    assert "{{ 777*1001 }} et {% include 'base.html' %}" in texts["p03-page"]
    assert "discuter <img src=x onerror=alert('P74')> des livraisons" in articles["p04-sidecar"]["lede"]
    assert "Partager <svg onload=alert('P28')>" in articles["p01-texte"]["removed"]
    actors = {a["id"]: a for a in data["actors"]}
    assert actors[ACTOR_URL.split("/")[1]]["name"] == ACTOR
    assert {"speaker": "assimi-goita", "article": "p02-markdown",
            "text": "Nous refusons <script>alert('P35')</script> et toute ingérence étrangère dans nos affaires"} \
        in [{key: q[key] for key in ("speaker", "article", "text")} for q in data["quotes"]]
    assert any(q["speaker"] == ACTOR_URL.split("/")[1] for q in data["quotes"])
    assert any("<svg onload=alert('P37')>" in e["text"] for e in data["events"])
