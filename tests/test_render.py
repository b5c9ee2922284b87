"""Rendering: untrusted text stays text; mentions link to profiles; quotes are highlighted."""
import re
from pathlib import Path

import markdown

from html.parser import HTMLParser

from dossier import graph, render
from dossier.models import (Actor, Article, Block, Dossier, Event, Mention, Quote, Role, Topic,
                            TopicEntry)
from dossier.render import (Renderer, french_date, md_escape, page_url, relpath, safe_url,
                            search_forms, url_between)

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.escapeall"]
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "**gras** _it_ `code` # titre",
    "{: onclick=alert(1) }",
    "&lt;script&gt;",
]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_escaped_text_renders_as_the_same_visible_text():
    import html
    import re

    for text in HOSTILE:
        rendered = to_html(md_escape(text))
        visible = html.unescape(re.sub(r"</?p>", "", rendered))
        assert visible == text


def test_escaped_text_makes_no_tag_link_or_image():
    for text in HOSTILE:
        rendered = to_html(md_escape(text))
        for tag in ("<script", "<img", "<a ", "<strong", "<em", "<code", "<h1"):
            assert tag not in rendered, (text, rendered)


def test_escaping_one_character_never_escapes_another_escape():
    punctuation = "!\"#$%'()*+,-./:;=?@[\\]^_`{|}~"
    assert md_escape(punctuation) == "".join("\\" + c for c in punctuation)
    assert md_escape("a<b>&c;") == "a&lt;b&gt;&amp;c\\;"
    assert md_escape("\\&lt;") == "\\\\&amp;lt\\;"
    assert md_escape("Sergueï Lavrov") == "Sergueï Lavrov" and md_escape(None) == ""


def test_page_urls_and_relative_links():
    assert page_url("articles/x.md") == "articles/x/"
    assert page_url("articles/index.md") == "articles/"
    assert page_url("articles/x.md", use_directory_urls=False) == "articles/x.html"
    assert page_url("articles/index.md", use_directory_urls=False) == "articles/index.html"
    assert page_url("articles/reindex.md") == "articles/reindex/"      # only a page named index
    assert page_url("index.md") == ""
    renderer = Renderer(ROOT / "site_templates", Dossier([], []))
    assert renderer.link("articles", "acteurs/b.md") == "../acteurs/b.md"
    assert renderer.link("", "acteurs/b.md") == "acteurs/b.md"


def test_relpath_is_posixpaths():
    import itertools
    import posixpath

    parts = ["a", "b", ".", "..", "/"]       # "a", "./a/", "/a", "a/../b", "..", "b//a", ...
    paths = ["".join(p) for n in range(1, 4) for p in itertools.product(parts, repeat=n)]
    for path, start in itertools.product(paths, paths + [""]):
        assert relpath(path, start) == posixpath.relpath(path, start), (path, start)


def small_dossier() -> Dossier:
    text = "Sergueï Lavrov a dit : « Nous fournissons des armes <b>au Mali</b> maintenant »."
    article = Article("a1", "Titre <script>", [Block("paragraph", text)], source="Test")
    lavrov = Actor("serguei-lavrov", "Sergueï Lavrov", "person",
                   mentions=[Mention("a1", 0, 0, 14, "Sergueï Lavrov", text)])
    start = text.index("Nous")
    quote = Quote("a1", 0, text[start:text.index(" »")], "serguei-lavrov", start, text.index(" »"), text)
    return Dossier([article], [lavrov], [quote])


def test_article_page_links_mentions_and_highlights_quotes():
    renderer = Renderer(ROOT / "site_templates", small_dossier())
    page = renderer.pages()["articles/a1.md"]
    html = to_html(page.split("---", 2)[2])
    assert '<a href="../acteurs/serguei-lavrov.md">Sergueï Lavrov</a>' in html
    assert '<mark class="dossier-quote">Nous fournissons' in html
    assert "<script" not in html and "<b>" not in html
    assert "&lt;b&gt;au Mali&lt;/b&gt;" in html


def test_actor_page_links_back_to_each_article():
    renderer = Renderer(ROOT / "site_templates", small_dossier())
    page = renderer.pages()["acteurs/serguei-lavrov.md"]
    assert "../articles/a1.md" in page


def test_raw_html_urls_and_dates():
    assert url_between("acteurs/a.md", "acteurs/b.md") == "../b/"
    assert url_between("graphe.md", "acteurs/b.md") == "../acteurs/b/"
    assert url_between("index.md", "acteurs/b.md") == "acteurs/b/"
    assert url_between("acteurs/a.md", "acteurs/b.md", use_directory_urls=False) == "b.html"
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert safe_url("javascript:alert(1)") == "" and safe_url('https://x.fr/"onclick=') == ""
    assert french_date("2021-11-11") == "11 novembre 2021" and french_date("2021-09") == "septembre 2021"
    assert french_date(None) == "date inconnue"


def test_search_forms_are_the_ascii_spellings_not_already_listed():
    maiga = Actor("choguel-maiga", "Choguel Maïga", "person", aliases=["Goïta", "Maiga"])
    assert search_forms(maiga) == ["Choguel Maiga", "Goita"]


class Tags(HTMLParser):
    """Every tag and attribute in a page, to check that none came from the untrusted text."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def hostile_dossier(evil: str) -> Dossier:
    """Every text field of every dataclass the site shows holds the hostile text."""
    text = f"{evil} Lavrov dit « {evil} » et {evil}."
    quote_start = text.index("« ") + 2
    quote_end = text.index(" »")
    article = Article("a1", evil, [Block("paragraph", text), Block("heading", evil), Block("quote", evil),
                                   Block("caption", evil)],
                      removed=[evil], lede=evil, source=evil, date="2021-11-11", url=evil, author=evil,
                      origins={"date": evil, "source": evil})
    other = Article("a2", evil, [Block("paragraph", text)], source=evil)
    at = text.index("Lavrov")
    mention = lambda art: Mention(art, 0, at, at + 6, "Lavrov", text)  # noqa: E731
    lavrov = Actor("lavrov", evil, "person", aliases=[evil, "Sergueï"], roles=[Role(evil, "a1")],
                   description=evil, mentions=[mention("a1"), mention("a2")])
    mali = Actor("mali", evil + "é", "place", mentions=[Mention("a1", 0, 0, 3, text[:3], text)])
    quote = Quote("a1", 0, text[quote_start:quote_end], "lavrov", quote_start, quote_end, text)
    event = Event("2021-11", "a1", evil, ["lavrov"], evil)
    topic = Topic("t", evil, [evil], [TopicEntry("a1", 0, evil, "lavrov"), TopicEntry("a2", 0, evil)])
    return Dossier([article, other], [lavrov, mali], [quote], [event], [topic])


def test_no_page_lets_hostile_text_become_markup():
    for evil in HOSTILE:
        renderer = Renderer(ROOT / "site_templates", hostile_dossier(evil))
        pages = renderer.pages()
        pages["index.md"] = "---\n---\n" + renderer.home_overview()
        for src, page in pages.items():
            html = to_html(page.split("---", 2)[2])
            for made in ("<strong>gras</strong>", "<em>it</em>", "<code>code</code>", "<h1>titre"):
                assert made not in html, (src, evil, made)
            parser = Tags()
            parser.feed(html)
            for tag, attrs in parser.found:
                assert tag not in ("script", "img", "b"), (src, evil, tag)
                assert not any(name.startswith("on") for name in attrs), (src, evil, attrs)
                assert not attrs.get("href", "").startswith("javascript"), (src, evil, attrs)
                assert "example.com" not in attrs.get("src", ""), (src, evil, attrs)


def test_graph_labels_are_escaped_svg_text():
    dossier = hostile_dossier("<script>alert(1)</script>")
    pairs = graph.cooccurrences(dossier.actors)
    svg = graph.to_svg(graph.whole_graph(dossier.actors, pairs), lambda i: f"../{i}/", "<b>x</b>")
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    parser = Tags()
    parser.feed(svg)
    assert {tag for tag, _ in parser.found} <= {"svg", "line", "title", "a", "circle", "text"}


def test_graph_names_cover_neither_each_other_nor_a_dot(monkeypatch):
    """Twelve actors crowded round one point: each name placed covers no other name and no other
    actor's dot; a name with no free place is left to pointing (None)."""
    actors = [Actor(f"a{k}", f"Acteur numéro {k}", "person", mentions=[Mention("a1", 0, 0, 5, "Acteur", "s")] * (k + 1))
              for k in range(12)]
    crowded = graph.Graph(actors, {})
    positions = {a.id: (300 + 9 * (k % 4), 200 + 9 * (k // 4)) for k, a in enumerate(actors)}
    radii = {a.id: 6.0 for a in actors}
    places = graph.label_places(crowded, positions, radii, 600, 400)
    boxes = {i: graph.label_box(x, y, anchor, len(next(a.name for a in actors if a.id == i)) * graph.LABEL_CHAR_WIDTH)
             for i, (x, y, anchor) in ((i, p) for i, p in places.items() if p)}
    assert 3 <= len(boxes) < len(actors)
    assert places["a11"] is not None                       # the most named is placed first
    dots = {i: (x - 6, y - 6, x + 6, y + 6) for i, (x, y) in positions.items()}
    for i, box in boxes.items():
        assert not any(graph.overlaps(box, other) for j, other in boxes.items() if j != i)
        assert not any(graph.overlaps(box, dot) for j, dot in dots.items() if j != i)
    monkeypatch.setattr(graph, "layout", lambda *args: positions)
    svg = graph.to_svg(crowded, lambda i: f"../{i}/", "Graphe")
    assert svg.count("dossier-graph__label--spare") >= len(actors) - len(boxes)   # its dots are larger


def test_a_long_timeline_is_a_page_per_month_linked_in_order(monkeypatch):
    dossier = hostile_dossier("Texte")
    dates = ["2021-11-03", "2013", "2021-11-20", "2021-12", "2022-01-05"]
    dossier.events = [Event(date, "a1", f"Événement numéro {n}", ["lavrov"]) for n, date in enumerate(dates)]
    monkeypatch.setattr(render, "TIMELINE_PAGE_EVENTS", len(dates) - 1)
    pages = Renderer(ROOT / "site_templates", dossier).pages()
    months = {src: page for src, page in pages.items() if src.startswith("chronologie/")}
    assert sorted(months) == ["chronologie/2013.md", "chronologie/2021-11.md", "chronologie/2021-12.md",
                              "chronologie/2022-01.md"]
    overview = pages["chronologie.md"]
    assert "5 événements, une page par mois" in overview and "Événement numéro" not in overview
    assert overview.index("[2013 (à l’année près)](chronologie/2013.md)") < overview.index(
        "[novembre 2021](chronologie/2021-11.md) — 2 événements") < overview.index("## 2022")
    november = months["chronologie/2021-11.md"]
    assert november.index("Événement numéro 0") < november.index("Événement numéro 2")
    assert "Événement numéro 3" not in november and "(../acteurs/lavrov.md)" in november
    assert "[← 2013 (à l’année près)](2013.md) · [décembre 2021 →](2021-12.md)" in november
    assert "title: \"Chronologie : novembre 2021\"" in november
    monkeypatch.setattr(render, "TIMELINE_PAGE_EVENTS", len(dates))
    assert not any(src.startswith("chronologie/") for src in Renderer(ROOT / "site_templates", dossier).pages())


def test_the_page_of_an_actor_in_many_articles_quotes_the_latest_and_lists_the_others(monkeypatch):
    dossier = hostile_dossier("Texte")
    dossier.articles[1].date = "2021-12-01"                  # a2 is the latest
    dossier.events.append(Event("2021-12-01", "a2", "Plus tard", ["lavrov"]))
    monkeypatch.setattr(render, "ACTOR_SHOWN", 1)
    page = Renderer(ROOT / "site_templates", dossier).pages()["acteurs/lavrov.md"]
    articles = page[page.index("## Articles"):]
    assert articles.index("### [Texte](../articles/a2.md)") < articles.index("### Autres articles") < articles.index(
        "- [Texte](../articles/a1.md) — Texte, 11 novembre 2021")
    assert "### [Texte](../articles/a1.md)" not in articles
    timeline = page[page.index("## Chronologie"):page.index("## Articles")]
    assert "1 événement plus ancien : voir la [chronologie](../chronologie.md)" in timeline
    assert "Plus tard" in timeline and "novembre 2021" not in timeline
    monkeypatch.setattr(render, "ACTOR_SHOWN", 2)
    page = Renderer(ROOT / "site_templates", dossier).pages()["acteurs/lavrov.md"]
    assert "Autres articles" not in page and "plus ancien" not in page
    assert page.index("### [Texte](../articles/a1.md)") < page.index("### [Texte](../articles/a2.md)")


def test_a_theme_page_quotes_each_outlets_latest_passages_and_links_the_earlier_articles(monkeypatch):
    dossier = hostile_dossier("Texte")
    dossier.articles[1].source, dossier.articles[1].date = "Texte", "2021-12-01"   # one outlet, a2 later
    dossier.topics[0].entries = [TopicEntry("a1", 0, "Premier passage"), TopicEntry("a1", 1, "Deuxième passage"),
                                 TopicEntry("a2", 0, "Dernier passage")]
    monkeypatch.setattr(render, "TOPIC_SHOWN", 1)
    page = Renderer(ROOT / "site_templates", dossier).pages()["themes/t.md"]
    assert "2 passages plus anciens : [11 novembre 2021](../articles/a1.md)</small>" in page
    assert "Dernier passage" in page and "Premier passage" not in page and "Deuxième passage" not in page
    monkeypatch.setattr(render, "TOPIC_SHOWN", 3)
    page = Renderer(ROOT / "site_templates", dossier).pages()["themes/t.md"]
    assert "plus ancien" not in page
    assert page.index("Premier passage") < page.index("Deuxième passage") < page.index("Dernier passage")


def heading_levels(page: str) -> list[int]:
    return [len(m.group(1)) for m in re.finditer(r"^(#+) ", page, re.M)]


def test_a_theme_page_skips_no_heading_level():
    """The outlets' sections are h2 under the page's h1 (axe's heading-order: no h3 straight under it)."""
    page = Renderer(ROOT / "site_templates", hostile_dossier("Texte")).pages()["themes/t.md"]
    levels = heading_levels(page)
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_a_theme_page_says_an_unknown_date_in_plain_text(monkeypatch):
    dossier = hostile_dossier("Texte")                     # a2 has no date
    monkeypatch.setattr(render, "TOPIC_SHOWN", 1)
    dossier.articles[1].source = "Texte"                    # one outlet: the other article is listed as earlier
    page = Renderer(ROOT / "site_templates", dossier).pages()["themes/t.md"]
    assert "[date inconnue]" not in page and "date inconnue" in page
    assert "[Texte](../articles/a2.md) (date inconnue)" in page
    dossier.articles[0].date = None                          # the earlier article's date unknown too
    page = Renderer(ROOT / "site_templates", dossier).pages()["themes/t.md"]
    assert "passage plus ancien : [Texte](../articles/a" in page and "[date inconnue]" not in page


def test_profiles_show_the_network_and_pages_list_topics_timeline_and_sources():
    renderer = Renderer(ROOT / "site_templates", hostile_dossier("Texte"))
    pages = renderer.pages()
    assert "dossier-graph__node--center" in pages["acteurs/lavrov.md"]
    assert 'href="../mali/"' in pages["acteurs/lavrov.md"]
    assert "(articles/a1.md)" in pages["chronologie.md"] and "novembre 2021" in pages["chronologie.md"]
    assert "../articles/a2.md" in pages["themes/t.md"] and "../acteurs/lavrov.md" in pages["themes/t.md"]
    assert "(articles/a1.md)" in pages["sources.md"]
    assert "Sergueï" in pages["acteurs/lavrov.md"] and "Serguei" in pages["acteurs/lavrov.md"]


def test_a_timeline_line_does_not_repeat_its_heading_s_year_or_month(monkeypatch):
    """Under "## 2014" a year-only date is not said again, nor a month-only date under its month;
    a date that says more ("depuis 2013") or a day is kept. A year's own page does the same."""
    dossier = hostile_dossier("Texte")
    events = [("2014", "on", "Un fait de 2014."), ("2013", "since", "Présente depuis 2013."),
              ("2021-11", "on", "Un fait de novembre."), ("2021-11-03", "on", "Un fait du 3.")]
    dossier.events = [Event(date, "a1", text, ["lavrov"], kind=kind) for date, kind, text in events]
    timeline = Renderer(ROOT / "site_templates", dossier).pages()["chronologie.md"]
    assert "## 2014\n\n- Un fait de 2014\\." in timeline and "**2014**" not in timeline
    assert "- **depuis 2013** — Présente depuis 2013\\." in timeline
    assert "## novembre 2021\n\n- Un fait de novembre\\." in timeline
    assert "- **3 novembre 2021** — Un fait du 3\\." in timeline
    monkeypatch.setattr(render, "TIMELINE_PAGE_EVENTS", 1)
    year = Renderer(ROOT / "site_templates", dossier).pages()["chronologie/2014.md"]
    assert "- Un fait de 2014\\." in year and "**2014**" not in year


def test_a_timeline_date_says_what_it_is_to_the_event():
    from dossier.filters import event_date
    from dossier.models import Event
    assert event_date(Event("2013", "a1", "La France est présente depuis 2013.", kind="since")) == "depuis 2013"
    assert event_date(Event("2021-11-02", "a1", "Du 2 au 8 novembre.", kind="start")) == "2 novembre 2021 (début)"
    assert event_date(Event("2024-02-01", "a1", "Le conseil se réunira jeudi.", tense="future")) == "1 février 2024 (prévu)"
    assert event_date(Event("2021-11-11", "a1", "Il est arrivé le 11 novembre.")) == "11 novembre 2021"
