"""Rendering: untrusted text stays text; mentions link to profiles; quotes are highlighted."""
from pathlib import Path

import markdown

from dossier.models import Actor, Article, Block, Dossier, Mention, Quote
from dossier.render import Renderer, md_escape, page_url, relative

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.escapeall"]
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


def test_page_urls_and_relative_links():
    assert page_url("articles/x.md") == "articles/x/"
    assert page_url("articles/index.md") == "articles/"
    assert page_url("articles/x.md", use_directory_urls=False) == "articles/x.html"
    assert relative("articles/a.md", "acteurs/b.md") == "../acteurs/b.md"


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
