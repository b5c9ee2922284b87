"""Render: the dossier as Markdown pages, from the Jinja templates in site_templates/pages/.

Every piece of article text is untrusted web text: it reaches Markdown only through `md_escape`
(filters.py), which turns HTML characters into entities and backslash-escapes Markdown
punctuation, so nothing from a page can become a tag, a link or a script in the reader's browser.
Inside raw HTML (the SVG graphs, attributes) the `h` filter escapes it as HTML instead.
"""
from __future__ import annotations

import heapq
import posixpath
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator

import jinja2

from . import graph
from .cache import code_version
from .filters import (date_span, distinct_sentences, emphasise, event_date, french_date, front_matter_description,
                      front_matter_title, html_escape, in_context, keyword_words, md_escape, origin_phrase, plural, quote_words,
                      safe_url, search_forms, source_name)
from .models import Actor, Article, Dossier, Event, Quote, Topic
from .paths import PAGES, actor_src, article_src, page_url, relpath, topic_src, url_between

# Importers of the renderer's helpers find them here too (export.py, the tests)
__all__ = ["Renderer", "actor_src", "article_src", "french_date", "front_matter_title", "html_escape", "md_escape",
           "page_url", "relpath", "safe_url", "search_forms", "topic_src", "url_between"]

KEY_ACTORS = 12                  # actors shown on the home page
# An actor named in more articles than this is the dossier's subject ("Mali" in a dossier on
# Mali): it relates every article to every other, tells nothing, and would make finding related
# articles grow with the square of the dossier.
RELATED_MAX_ARTICLES = 50
# Past this many articles (events), an actor's page quotes the latest ones and lists the others
# by title (points to the timeline for the others): the dossier's subject is in every article,
# and its page would hold them all, 6 MB of Markdown at 5,000 articles.
ACTOR_SHOWN = 100
# Past this many passages from one outlet, a theme page quotes that outlet's latest and links the
# articles of the others by their date (a theme of a big dossier held 9 MB of Markdown).
TOPIC_SHOWN = 30
# A longer timeline is split: an overview of its months on PAGES.timeline, and a page per month (per
# year for the dates known only to the year). In one page it grows with the dossier: 34,000
# events and 17 MB of HTML at 5,000 articles, more than a reader's browser wants to open.
TIMELINE_PAGE_EVENTS = 500
TYPE_LABELS = {
    "person": "Personnes",
    "organization": "Organisations",
    "place": "Lieux",
    "event": "Opérations et événements",
}
TYPE_NAMES = {
    "person": "Personne",
    "organization": "Organisation",
    "place": "Lieu",
    "event": "Opération ou événement",
}
def group_by(items, key) -> defaultdict:
    """Items listed under their key, in their order."""
    found = defaultdict(list)
    for item in items:
        found[key(item)].append(item)
    return found


def timeline_period(event: Event) -> str:
    """'2021-11-11' and '2021-11' → '2021-11'; '2021' stays: the page an event is on."""
    return event.date[:7]


@dataclass
class Span:
    start: int
    end: int
    kind: str            # "mention" | "quote"
    target: str = ""     # for mentions: the actor's source page


class Renderer:
    def __init__(self, templates_dir: Path, dossier: Dossier, use_directory_urls: bool = True,
                 cache: Path | None = None):
        self.dossier = dossier
        self.use_directory_urls = use_directory_urls
        self.actors = {a.id: a for a in dossier.actors}
        self.articles = {a.id: a for a in dossier.articles}
        self.pairs = graph.cooccurrences(dossier.actors)
        self.pairs_by_actor = graph.pairs_by_actor(self.pairs)
        self._links: dict[tuple[str, str], str] = {}
        self._escaped: dict[str | None, str] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir / "pages"),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,   # no template changes during a build: no stat() for every page
            bytecode_cache=template_cache(cache),
        )
        # Helpers are filters rather than global functions: Jinja calls a filter directly, but a
        # function through Context.call, which costs several times more, thousands of times a page.
        self.env.filters.update(
            md=self.escape, h=html_escape, date_fr=french_date, event_date=event_date, safe_url=safe_url,
            front_title=front_matter_title, front_description=front_matter_description, source=source_name,
            plural=plural, search_forms=search_forms, origin=origin_phrase, date_span=date_span, quote=quote_words,
            in_context=in_context, emphasise=emphasise, distinct_sentences=distinct_sentences,
            actor_src=actor_src, article_src=article_src, topic_src=topic_src, link=self.link_filter,
        )
        self.env.globals.update(type_labels=TYPE_LABELS, type_names=TYPE_NAMES, pages=PAGES)

    def pages(self) -> dict[str, str]:
        """Every generated page, by source path inside the docs folder."""
        return dict(self.iter_pages())

    def iter_pages(self) -> Iterator[tuple[str, str]]:
        """Every generated page and its source path, one at a time (a caller may write each out
        instead of holding them all)."""
        for article in self.dossier.articles:
            yield article_src(article.id), self.article_page(article)
        for actor in self.dossier.actors:
            yield actor_src(actor.id), self.actor_page(actor)
        for topic in self.dossier.topics:
            yield topic_src(topic.id), self.topic_page(topic)
        indexes = {
            PAGES.articles_index: "articles_index.md.j2",
            PAGES.actors_index: "actors_index.md.j2",
            PAGES.topics_index: "topics_index.md.j2",
            PAGES.sources: "sources.md.j2",
            PAGES.statements: "statements.md.j2",
        }
        for src, template in indexes.items():
            yield src, self.render(template, src)
        yield from self.timeline_pages()
        yield PAGES.graph, self.render("graph.md.j2", PAGES.graph, svg=self.whole_graph_svg(PAGES.graph))

    def timeline_pages(self) -> Iterator[tuple[str, str]]:
        """The timeline, on one page; or, past TIMELINE_PAGE_EVENTS events, an overview of its
        periods and a page per period, each linked to the ones before and after it."""
        if len(self._events) <= TIMELINE_PAGE_EVENTS:
            yield PAGES.timeline, self.render("timeline.md.j2", PAGES.timeline, shown=self._events, periods=[],
                                              period=None)
            return
        by_period = group_by(self._events, timeline_period)
        periods = [(period, len(events), f"{PAGES.timeline_dir}/{period}.md") for period, events in by_period.items()]
        yield PAGES.timeline, self.render("timeline.md.j2", PAGES.timeline, shown=[], periods=periods, period=None)
        for n, (period, _, src) in enumerate(periods):
            yield src, self.render("timeline.md.j2", src, shown=by_period[period], periods=periods, period=period,
                                   before=periods[n - 1] if n else None,
                                   after=periods[n + 1] if n + 1 < len(periods) else None)

    def home_overview(self) -> str:
        return self.render("home.md.j2", "index.md", latest=self.latest_articles(),
                           period=self.period(), sources=self.sources())

    @cached_property
    def _statements(self) -> list[Quote]:
        """Every quote, by its article's date, then as the articles run."""
        return sorted(self.dossier.quotes, key=lambda q: (self.article_date(q.article), q.article, q.block, q.start))

    def render(self, template: str, src: str, **context) -> str:
        """The page at `src` from its template; `folder`, where the page is, is for `link`."""
        return self.env.get_template(template).render(
            dossier=self.dossier, actors=self.actors, articles=self.articles, folder=posixpath.dirname(src),
            key_actors=self._key_actors, events=self._events, statements=self._statements, **context
        )

    # Pages

    def article_page(self, article: Article) -> str:
        src = article_src(article.id)
        spans = self.spans_by_block(article.id)
        folder = posixpath.dirname(src)
        # A heading links no actor (its own paragraphs do), as a heading is no place for a link
        body = [self.linked_text(block.text, [s for s in spans.get(i, []) if block.kind != "heading" or s.kind == "quote"],
                                 folder) for i, block in enumerate(article.blocks)]
        counts = self._mention_counts
        here = sorted(self._actors_in.get(article.id, []), key=lambda a: (-counts[a.id, article.id], a.name))
        quotes = self._quotes_in.get(article.id, [])
        return self.render("article.md.j2", src, article=article, body=body, article_actors=here,
                           article_quotes=quotes, related=self.related_articles(article))

    def actor_page(self, actor: Actor) -> str:
        src = actor_src(actor.id)
        seen = self.dated_articles(actor.articles)
        ego = graph.ego_graph(actor, self.actors, self.pairs, by_actor=self.pairs_by_actor)
        quoted, listed = self.latest_first(actor.articles)
        events = self._events_of.get(actor.id, [])
        said = self.quotes_by(actor)
        # Sentences the page shows already: its quotes' and its description; the articles' excerpts
        # skip them, so that a profile does not show one sentence twice or three times
        shown = {q.context.lower() for q in said} | {r.text.lower() for r in actor.roles}
        shown |= {actor.description.lower()} if actor.description else set()
        return self.render(
            "actor.md.j2", src, actor=actor, co_actors=self.co_actors(actor),
            mentions_by_article=group_by(actor.mentions, lambda m: m.article),
            actor_quotes=said, shown_sentences=shown, actor_events=events[-ACTOR_SHOWN:],
            events_before=max(len(events) - ACTOR_SHOWN, 0), quoted_articles=quoted, listed_articles=listed,
            first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
            svg=graph.to_svg(ego, lambda i: self.url(src, actor_src(i)), f"Réseau de {actor.name}", 560, 360)
            if len(ego.nodes) > 1 else "",
        )

    def topic_page(self, topic: Topic) -> str:
        outlets: dict[str, list] = {}
        known = [e for e in topic.entries if e.article in self.articles]
        entries = sorted(known, key=lambda e: (self.articles[e.article].date or "9999", e.article, e.block))
        for entry in entries:
            outlets.setdefault(self.articles[entry.article].source or "Source inconnue", []).append(entry)
        earlier = {outlet: (len(found) - TOPIC_SHOWN, list(dict.fromkeys(e.article for e in found[:-TOPIC_SHOWN])))
                   for outlet, found in outlets.items() if len(found) > TOPIC_SHOWN}
        shown = {outlet: found[-TOPIC_SHOWN:] for outlet, found in outlets.items()}
        words = keyword_words(topic.keywords, [e.text for e in known])
        return self.render("topic.md.j2", topic_src(topic.id), topic=topic, outlets=shown, earlier=earlier,
                           keywords=words)

    def whole_graph_svg(self, src: str) -> str:
        whole = graph.whole_graph(self.dossier.actors, self.pairs)
        return graph.to_svg(whole, lambda i: self.url(src, actor_src(i)), "Graphe des acteurs cités ensemble")

    # What the pages show

    def co_actors(self, actor: Actor, limit: int = 8) -> list[tuple[Actor, int]]:
        """Actors most often named in the same articles as this one."""
        shared: Counter[int] = Counter()     # position in dossier.actors → articles in common
        for article_id in self._articles_of[actor.id]:
            shared.update(self._positions_in[article_id])
        del shared[self._position[id(actor)]]
        # Ties in the order of dossier.actors, so that they rank as they always have.
        top = heapq.nsmallest(limit, shared.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(self.dossier.actors[position], n) for position, n in top]

    def related_articles(self, article: Article, limit: int = 5) -> list[tuple[Article, list[Actor]]]:
        """Other articles naming the same actors, those sharing the most first."""
        mine = self._actors_in.get(article.id, [])
        shared: dict[str, list[Actor]] = {}
        for actor in mine:
            named_in = self._articles_of[actor.id]
            if len(named_in) > RELATED_MAX_ARTICLES:
                continue
            for other in named_in:
                if other != article.id and other in self.articles:
                    shared.setdefault(other, []).append(actor)
        ranked = sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return [(self.articles[i], sorted(names, key=lambda a: -len(a.mentions))) for i, names in ranked[:limit]]

    def quotes_by(self, actor: Actor) -> list[Quote]:
        said = self._quotes_of.get(actor.id, [])
        return sorted(said, key=lambda q: (self.article_date(q.article), q.article, q.block, q.start))

    # Indexes, built once per build: each page reads its own slice instead of scanning the
    # whole dossier, which made rendering grow with the square of the number of articles.

    @cached_property
    def _key_actors(self) -> list[Actor]:
        """The actors named in the most articles, then the most often."""
        articles = self._articles_of
        ranked = sorted(self.dossier.actors, key=lambda a: (-len(articles[a.id]), -len(a.mentions), a.name))
        return ranked[:KEY_ACTORS]

    @cached_property
    def _events(self) -> list[Event]:
        """The timeline: events by date, then by their article's date; a sentence of an article
        once, at its first date (a sentence naming two days is one fact, not two)."""
        ranked = sorted(self.dossier.events, key=lambda e: (e.date, self.article_date(e.article), e.article))
        seen: set[tuple[str, str]] = set()
        kept = []
        for event in ranked:
            if (event.article, event.text) not in seen:
                seen.add((event.article, event.text))
                kept.append(event)
        return kept

    @cached_property
    def _events_of(self) -> dict[str, list[Event]]:
        """Actor id → its events, in the order of the timeline."""
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self._events:
            for actor_id in dict.fromkeys(event.actors):
                found[actor_id].append(event)
        return found

    @cached_property
    def _articles_of(self) -> dict[str, list[str]]:
        """Actor id → the ids of the articles naming it (Actor.articles, computed once)."""
        return {a.id: a.articles for a in self.dossier.actors}

    @cached_property
    def _position(self) -> dict[int, int]:
        return {id(a): n for n, a in enumerate(self.dossier.actors)}

    @cached_property
    def _actors_in(self) -> dict[str, list[Actor]]:
        """Article id → the actors it names, in the order of dossier.actors."""
        found: dict[str, list[Actor]] = defaultdict(list)
        for actor in self.dossier.actors:
            for article_id in self._articles_of[actor.id]:
                found[article_id].append(actor)
        return found

    @cached_property
    def _positions_in(self) -> dict[str, list[int]]:
        return {i: [self._position[id(a)] for a in actors] for i, actors in self._actors_in.items()}

    @cached_property
    def _mention_counts(self) -> Counter[tuple[str, str]]:
        """(actor id, article id) → mentions."""
        return Counter((a.id, m.article) for a in self.dossier.actors for m in a.mentions)

    @cached_property
    def _mentions_in(self) -> dict[str, list[tuple[Actor, object]]]:
        """Article id → (actor, mention) in the body, actor by actor as dossier.actors lists them."""
        found: dict[str, list] = defaultdict(list)
        for actor in self.dossier.actors:
            for m in actor.mentions:
                if m.part == "block":
                    found[m.article].append((actor, m))
        return found

    @cached_property
    def _quotes_in(self) -> dict[str, list[Quote]]:
        return group_by(self.dossier.quotes, lambda q: q.article)

    @cached_property
    def _quotes_of(self) -> dict[str, list[Quote]]:
        return group_by(self.dossier.quotes, lambda q: q.speaker)

    def latest_articles(self, limit: int = 6) -> list[Article]:
        dated = sorted((a for a in self.dossier.articles if a.date), key=lambda a: a.date, reverse=True)
        return (dated + [a for a in self.dossier.articles if not a.date])[:limit]

    def latest_first(self, ids: list[str]) -> tuple[list[str], list[str]]:
        """The articles an actor's page quotes, and those it only lists: all quoted, in their
        order, up to ACTOR_SHOWN; past it, the ACTOR_SHOWN latest, then the others, newest first."""
        known = [i for i in ids if i in self.articles]
        if len(known) <= ACTOR_SHOWN:
            return known, []
        newest = sorted(known, key=lambda i: self.articles[i].date or "", reverse=True)
        return newest[:ACTOR_SHOWN], newest[ACTOR_SHOWN:]

    def dated_articles(self, ids: list[str]) -> list[Article]:
        return sorted((self.articles[i] for i in ids if i in self.articles and self.articles[i].date),
                      key=lambda a: a.date)

    def period(self) -> tuple[str, str] | None:
        dates = sorted(a.date for a in self.dossier.articles if a.date)
        return (dates[0], dates[-1]) if dates else None

    def sources(self) -> list[tuple[str, int]]:
        return Counter(a.source for a in self.dossier.articles if a.source).most_common()

    def article_date(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.date if article else None) or "9999"

    def escape(self, text: str | None) -> str:
        """The `md` filter: md_escape, remembered for the build, as many pages show the same
        titles and names."""
        found = self._escaped.get(text)
        if found is None:
            found = self._escaped[text] = md_escape(text)
        return found

    @jinja2.pass_context
    def link_filter(self, context: jinja2.runtime.Context, to_src: str) -> str:
        """The `link` filter: a link from the page being rendered, in `folder`, to another one."""
        return self.link(context["folder"], to_src)

    def link(self, folder: str, to_src: str) -> str:
        """A Markdown link from a page in `folder` ("" for the top of the docs) to a source page,
        which mkdocs validates and rewrites. Remembered for the build: the pages of a folder link
        to the same pages over and over."""
        key = (folder, to_src)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = relpath(to_src, folder or ".")
        return found

    def url(self, from_src: str, to_src: str) -> str:
        return url_between(from_src, to_src, self.use_directory_urls)

    # Article text

    def spans_by_block(self, article_id: str) -> dict[int, list[Span]]:
        spans: dict[int, list[Span]] = {}
        for actor, m in self._mentions_in.get(article_id, []):
            spans.setdefault(m.block, []).append(Span(m.start, m.end, "mention", actor_src(actor.id)))
        for q in self._quotes_in.get(article_id, []):
            if q.end > q.start:
                spans.setdefault(q.block, []).append(Span(q.start, q.end, "quote"))
        return spans

    def linked_text(self, text: str, spans: list[Span], folder: str) -> str:
        """Escaped text with quotes highlighted and each actor linked to its profile at its first
        mention in the paragraph outside a quote (a paragraph of links, or a link inside a
        highlighted quote, reads badly)."""
        quotes = [s for s in spans if s.kind == "quote"]
        mentions, linked = [], set()
        for span in non_overlapping([s for s in spans if s.kind == "mention"]):
            if span.target not in linked and not any(q.start <= span.start < q.end for q in quotes):
                linked.add(span.target)
                mentions.append(span)
        out, pos = [], 0
        for span in sorted(quotes + mentions, key=lambda s: (s.start, s.kind != "quote")):
            if span.start < pos:
                continue
            if span.kind == "mention" and quotes:
                inside_quote = next((q for q in quotes if q.start <= span.start < q.end), None)
                if inside_quote and span.end > inside_quote.end:
                    continue  # a mention straddling a quote's edge cannot nest: leave it plain
            out.append(md_escape(text[pos:span.start]))
            if span.kind == "quote":
                out.append('<mark class="dossier-quote">')
                inner = [m for m in mentions if span.start <= m.start and m.end <= span.end]
                out.append(self.linked_text(text[span.start:span.end],
                                            [Span(m.start - span.start, m.end - span.start, m.kind, m.target)
                                             for m in inner], folder))
                out.append("</mark>")
            else:
                out.append(f"[{self.escape(text[span.start:span.end])}]({self.link(folder, span.target)})")
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


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """The page templates, compiled, kept between builds: compiling them took 1.0 s of CPU of a
    4.3 s render (100 articles, 640 pages). A cache that cannot be written only makes builds slower."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(cache: Path | None) -> TemplateCache | None:
    """The compiled templates' folder of this version of dossier (the compiler's options are in its
    code); the other versions' folders are removed."""
    if cache is None:
        return None
    version = code_version()[:16]
    try:
        folder = cache / "templates" / version
        folder.mkdir(parents=True, exist_ok=True)
        for other in folder.parent.iterdir():
            if other.name != version:
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        return None
    return TemplateCache(str(folder))
