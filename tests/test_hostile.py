"""Web text is untrusted: a whole build of hostile articles must produce no live tag, attribute,
link or script anywhere in the site, head included (titles reach the theme's header and <title>)."""
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dossier.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
INJECTED_TAGS = {"img", "b", "iframe", "object", "embed"}


class LiveMarkup(HTMLParser):
    """Collects what the hostile texts would have made live: on* attributes, javascript: links,
    their tags, and any script that mentions their payload."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in INJECTED_TAGS:
            self.found.append(f"<{tag}>")

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


@pytest.fixture(scope="module")
def hostile_site(root, tmp_path_factory, nlp) -> Path:
    """Built by the `dossier build` command, from a copy of the project's config in a temp folder
    (so that the analysis cache goes there too, not into the project's .dossier-cache/)."""
    project = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "content", "site_templates", "editorial"):
        (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, project / name)
    site = project / "site"
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--seeds", str(FIXTURES), "--site", str(site)]) == 0
    return site


def test_no_live_markup_from_article_text(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], (page, parser.found)


def test_hostile_titles_are_shown_as_text_with_their_emoji(hostile_site):
    html = (hostile_site / "articles" / "b2" / "index.html").read_text(encoding="utf-8")
    assert "<title>&quot;&gt;&lt;img src=x onerror=alert(4)&gt; 🇲🇱 drapeau - " in html
    html = (hostile_site / "articles" / "a1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wagner au Mali 😀" in html


@pytest.mark.parametrize("title", [
    "\x81![x](x){: onerror=alert(1) } [clic](javascript:alert(2))",   # YAML cannot read U+0081 raw
    "a\x85b\u2028c\u2029d\x7fe\ufffe",                                   # line breaks to YAML; non-printables
    "\"><img src=x onerror=alert(4)> 🇲🇱 drapeau 😀",
    "title: x\n---\nhide: [navigation]",
])
def test_front_matter_titles_read_back_exactly(title):
    """The title in a generated page's front matter is read back by MkDocs as it was written (HTML-
    escaped): an unreadable front matter would be rendered as Markdown, links and attributes live."""
    from mkdocs.utils.meta import get_data

    from dossier.render import front_matter_title, html_escape

    body, meta = get_data(f"---\ntitle: {front_matter_title(title)}\n---\n\n# Titre\n")
    assert meta == {"title": html_escape(title)}
    assert body == "# Titre\n"
