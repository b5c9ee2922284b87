"""Saved web pages: the main text as trafilatura finds it, with block kinds and page metadata; and
the paragraphs trafilatura left out, found again in the page's visible text."""
from __future__ import annotations

from .furniture import mark_dated_lists, mark_furniture
from .lines import Line, is_paragraph, line_key, normalise, squash_key, text_lines
from .metadata import read_metadata
from .profiles import Profile, Rules
from .span import keep_main_span

PAGE_FIELDS = ("title", "date", "url", "author", "sitename")
HTML_KINDS = {"head": "heading", "quote": "quote", "p": "paragraph", "list": "paragraph", "table": "paragraph"}


def html_lines(html: str) -> tuple[list[Line], dict]:
    """The main text of a saved page as trafilatura finds it, with block kinds and page metadata."""
    import trafilatura  # imported here, as lxml below: heavy, and only saved pages need them
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=True, include_images=False)
    if not xml:
        return [], {}
    doc = etree.fromstring(xml)
    page = {key: normalise(doc.get(key)).strip() for key in PAGE_FIELDS if doc.get(key)}
    lines = [Line(page["title"], hint="title")] if page.get("title") else []
    for element in doc.find("main"):
        kind = HTML_KINDS.get(element.tag, "paragraph")
        for text in element_texts(element):
            lines.append(Line(text, hint=kind))
    if len(lines) > 1 and lines[0].hint == "title" and line_key(lines[1].text) == line_key(lines[0].text):
        del lines[1]  # the page's <h1> repeats its title
    return lines, page


def element_texts(element) -> list[str]:
    """The lines of one block of trafilatura's XML: <lb/> and list items break lines."""
    if element.tag in ("list", "table"):
        return [t for child in element for t in element_texts(child)]
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    text = normalise("".join(parts))
    return [line.strip() for line in text.split("\n") if line.strip()]


BLOCK_TAGS = ("p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "li", "ul", "ol",
              "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table", "tr", "td",
              "th", "dd", "dt", "dl", "br", "hr", "form", "pre", "address")


def visible_text(html: str) -> str:
    """The text a reader sees on a saved page, one block per line (what "select all, copy" gives)."""
    import lxml.html  # imported here: heavy, and only saved pages need it

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # an unparsable page: no second opinion, trafilatura's text stands
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template|//svg|//head|//figure|//figcaption"
                              "|//*[contains(@class, 'caption')]"):
        element.drop_tree()
    # A block whose whole text is a link is a teaser ("How likely is …?", a promo card), not prose.
    for element in list(tree.iter(*BLOCK_TAGS, "a")):
        text = element.text_content().strip()
        links = "".join(a.text_content() for a in element.iter("a")).strip()
        if text and (element.tag == "a" and element.find(".//p") is not None or element.tag != "a"
                     and squash_key(links) == squash_key(text)):
            element.drop_tree()
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return tree.text_content()


def merge_visible_paragraphs(html: str, lines: list[Line], page: dict, rules: Rules,
                             profiles: list[Profile]) -> list[Line]:
    """trafilatura sometimes drops a paragraph of the article (a box of key facts, an intro set
    above the byline). The page's visible text, cleaned as a .txt article is, gives a second
    opinion: its running paragraphs that trafilatura left out, inside trafilatura's range or just
    next to it, go back in at their place."""
    settings = rules.settings
    seen = [Line(line.text) for line in text_lines(visible_text(html))]
    if not seen:
        return lines
    read_metadata(seen, rules, [])
    mark_furniture(seen, profiles, rules, set())
    mark_dated_lists(seen, rules)
    keep_main_span(seen, rules)
    kept = [line for line in seen if not line.removed]
    keys = [squash_key(line.text) for line in lines]

    def where(text: str) -> int | None:
        key = squash_key(text)
        for j, other in enumerate(keys):
            if len(other) >= settings.match_min_chars and (key in other or other in key) or key == other:
                return j
        return None

    places = [where(line.text) for line in kept]
    matched = [i for i, j in enumerate(places) if j is not None and lines[j].hint != "title"]
    if not matched:
        return lines
    inserts: dict[int, list[Line]] = {}
    edge = settings.edge  # see CleanSettings.edge for the figure measured
    for i in range(max(matched[0] - edge, 0), min(matched[-1] + 1 + edge, len(kept))):
        if places[i] is not None or not is_paragraph(kept[i].text, rules):
            continue
        before = [places[k] for k in range(i) if places[k] is not None]
        at = before[-1] + 1 if before else places[matched[0]]
        inserts.setdefault(at, []).append(Line(kept[i].text, hint="paragraph"))
    if not inserts:
        return lines
    merged: list[Line] = []
    for j in range(len(lines) + 1):
        merged += inserts.get(j, [])
        if j < len(lines):
            merged.append(lines[j])
    return merged

