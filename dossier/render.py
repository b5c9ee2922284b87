"""Render: the dossier as Markdown pages, from the Jinja templates in site_templates/pages/.

Every piece of article text is untrusted web text: it reaches Markdown only through `md_escape`,
which turns HTML characters into entities and backslash-escapes Markdown punctuation, so nothing
from a page can become a tag, a link or a script in the reader's browser.
"""
from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .models import Actor, Article, Dossier

ARTICLES_DIR = "articles"
ACTORS_DIR = "acteurs"
TYPE_LABELS = {
    "person": "Personnes",
    "organization": "Organisations",
    "place": "Lieux",
    "event": "Opérations et événements",
}
HTML_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
ASCII_PUNCTUATION = set("!\"#$%'()*+,-./:;=?@[\\]^_`{|}~")


def article_src(article_id: str) -> str:
    return f"{ARTICLES_DIR}/{article_id}.md"


def actor_src(actor_id: str) -> str:
    return f"{ACTORS_DIR}/{actor_id}.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    stem = src[: -len(".md")]
    if stem.endswith("index"):
        stem = stem[: -len("index")]
        return stem
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def md_escape(text: str | None) -> str:
    """Make untrusted text inert in Markdown (needs the pymdownx.escapeall extension)."""
    if not text:
        return ""
    out = []
    for char in text:
        if char in HTML_ENTITIES:
            out.append(HTML_ENTITIES[char])
        elif char in ASCII_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def relative(from_src: str, to_src: str) -> str:
    """A Markdown link from one source page to another, which mkdocs validates and rewrites."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


@dataclass
class Span:
    start: int
    end: int
    kind: str            # "mention" | "quote"
    target: str = ""     # for mentions: the actor's source page


class Renderer:
    def __init__(self, templates_dir: Path, dossier: Dossier):
        self.dossier = dossier
        self.actors = {a.id: a for a in dossier.actors}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir / "pages"),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = md_escape
        self.env.globals.update(type_labels=TYPE_LABELS, actor_src=actor_src, article_src=article_src)

    def pages(self) -> dict[str, str]:
        """Every generated page, by source path inside the docs folder."""
        pages = {article_src(a.id): self.article_page(a) for a in self.dossier.articles}
        pages.update({actor_src(a.id): self.actor_page(a) for a in self.dossier.actors})
        pages[f"{ARTICLES_DIR}/index.md"] = self.render("articles_index.md.j2", f"{ARTICLES_DIR}/index.md")
        pages[f"{ACTORS_DIR}/index.md"] = self.render("actors_index.md.j2", f"{ACTORS_DIR}/index.md")
        return pages

    def home_overview(self) -> str:
        return self.render("home.md.j2", "index.md")

    def render(self, template: str, src: str, **context) -> str:
        link = lambda target: relative(src, target)  # noqa: E731 — bound to this page
        return self.env.get_template(template).render(
            dossier=self.dossier, actors=self.actors, link=link, key_actors=self.key_actors(), **context
        )

    def article_page(self, article: Article) -> str:
        src = article_src(article.id)
        spans = self.spans_by_block(article.id)
        body = [self.linked_text(block.text, spans.get(i, []), src) for i, block in enumerate(article.blocks)]
        here = [a for a in self.dossier.actors if article.id in a.articles]
        here.sort(key=lambda a: -sum(m.article == article.id for m in a.mentions))
        return self.render("article.md.j2", src, article=article, body=body, article_actors=here)

    def actor_page(self, actor: Actor) -> str:
        src = actor_src(actor.id)
        articles = {a.id: a for a in self.dossier.articles}
        return self.render(
            "actor.md.j2", src, actor=actor, articles=articles, co_actors=self.co_actors(actor)
        )

    def key_actors(self, limit: int = 12) -> list[Actor]:
        ranked = sorted(self.dossier.actors, key=lambda a: (-len(a.articles), -len(a.mentions), a.name))
        return ranked[:limit]

    def co_actors(self, actor: Actor, limit: int = 8) -> list[tuple[Actor, int]]:
        """Actors most often named in the same articles as this one."""
        counts: Counter[str] = Counter()
        for other in self.dossier.actors:
            if other.id != actor.id:
                shared = set(other.articles) & set(actor.articles)
                if shared:
                    counts[other.id] = len(shared)
        return [(self.actors[i], n) for i, n in counts.most_common(limit)]

    def spans_by_block(self, article_id: str) -> dict[int, list[Span]]:
        spans: dict[int, list[Span]] = {}
        for actor in self.dossier.actors:
            for m in actor.mentions:
                if m.article == article_id:
                    spans.setdefault(m.block, []).append(Span(m.start, m.end, "mention", actor_src(actor.id)))
        for q in self.dossier.quotes:
            if q.article == article_id and q.end > q.start:
                spans.setdefault(q.block, []).append(Span(q.start, q.end, "quote"))
        return spans

    def linked_text(self, text: str, spans: list[Span], src: str) -> str:
        """Escaped text with mentions linked to profiles and quotes highlighted."""
        quotes = [s for s in spans if s.kind == "quote"]
        mentions = non_overlapping([s for s in spans if s.kind == "mention"])
        out, pos = [], 0
        for span in sorted(quotes + mentions, key=lambda s: (s.start, s.kind != "quote")):
            inside_quote = next((q for q in quotes if q.start <= span.start < q.end), None)
            if span.kind == "mention" and inside_quote and span.end > inside_quote.end:
                continue  # a mention straddling a quote's edge cannot nest: leave it plain
            if span.start < pos:
                continue
            out.append(md_escape(text[pos:span.start]))
            if span.kind == "quote":
                out.append('<mark class="dossier-quote">')
                inner = [m for m in mentions if span.start <= m.start and m.end <= span.end]
                out.append(self.linked_text(text[span.start:span.end],
                                            [Span(m.start - span.start, m.end - span.start, m.kind, m.target)
                                             for m in inner], src))
                out.append("</mark>")
            else:
                out.append(f"[{md_escape(text[span.start:span.end])}]({relative(src, span.target)})")
            pos = span.end
        out.append(md_escape(text[pos:]))
        return "".join(out)


def non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
