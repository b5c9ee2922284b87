"""Exports for the tools analysts use, written into the site's `exports/` folder (dossier.json is
export.py's):

- actors.csv, aliases.csv, quotes.csv, events.csv: UTF-8 (no byte-order mark), one header row,
  RFC 4180 quoting (the csv module's): LibreOffice, Excel and pandas open them as they are; a
  text from the web that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return
  first) is written with an apostrophe before it, so that it shows as the text it is;
- graph.gexf: the actors' co-occurrence graph (graph.py: two actors are linked by the sentences
  naming both), GEXF 1.2 for Gephi;
- entities.ftm.json: FollowTheMoney entities, one JSON object a line, for Aleph: each actor as a
  Person, Organization, Address (a place) or Event; each article as an Article; each article
  naming a person or an organisation as a Mention (document → resolved), naming a place or an
  event as an UnknownLink (article → it); each dated event as an Event.

Every file is made from the Dossier only, in its order: the same dossier gives the same bytes.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from . import graph
from .models import Actor, Dossier
from .render import actor_src, article_src, page_url

EXPORTS_DIR = "exports"
LIST_SEPARATOR = " | "           # several values in one CSV cell (aliases, roles, actors)
GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
FTM_SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address", "event": "Event"}
LEGAL_ENTITIES = ("Person", "Organization")
FTM_PREFIX = "dossier"           # entity ids: dossier-actor-<id>, dossier-article-<id>…


def write_exports(folder: Path, dossier: Dossier, use_directory_urls: bool = True) -> list[Path]:
    """Write every export into `folder`; return the files, in the order the site lists them."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "actors.csv": actors_csv(dossier, use_directory_urls),
        "aliases.csv": aliases_csv(dossier),
        "quotes.csv": quotes_csv(dossier),
        "events.csv": events_csv(dossier),
        "graph.gexf": gexf(dossier),
        "entities.ftm.json": ftm_lines(dossier),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return [folder / name for name in files]


# ---------------------------------------------------------------- CSV


def table(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return out.getvalue()


# What opens a formula in LibreOffice, Excel and Google Sheets (OWASP's "CSV injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell):
    """A cell a spreadsheet shows as text: a text opening like a formula gets an apostrophe first
    (numbers are numbers, and a date like 2021-11-11 opens with a digit)."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def actors_csv(dossier: Dossier, use_directory_urls: bool = True) -> str:
    return table(["id", "name", "type", "description", "aliases", "roles", "articles", "mentions", "page"], (
        [a.id, a.name, a.type, a.description or "", LIST_SEPARATOR.join(a.aliases),
         LIST_SEPARATOR.join(sorted({role.text for role in a.roles})), len(a.articles), len(a.mentions),
         page_url(actor_src(a.id), use_directory_urls)]
        for a in dossier.actors))


def aliases_csv(dossier: Dossier) -> str:
    return table(["actor_id", "actor_name", "alias"],
                 ([a.id, a.name, alias] for a in dossier.actors for alias in a.aliases))


def quotes_csv(dossier: Dossier) -> str:
    articles = {a.id: a for a in dossier.articles}
    actors = {a.id: a for a in dossier.actors}
    return table(["article_id", "article_title", "date", "source", "speaker_id", "speaker_name", "quote", "context"], (
        [q.article, articles[q.article].title, articles[q.article].date or "", articles[q.article].source or "",
         q.speaker or "", actors[q.speaker].name if q.speaker in actors else "", q.text, q.context]
        for q in dossier.quotes if q.article in articles))


def events_csv(dossier: Dossier) -> str:
    articles = {a.id: a for a in dossier.articles}
    return table(["date", "article_id", "article_title", "text", "actors", "expression"], (
        [e.date, e.article, articles[e.article].title if e.article in articles else "", e.text,
         LIST_SEPARATOR.join(e.actors), e.expression]
        for e in dossier.events))


# ---------------------------------------------------------------- GEXF


def gexf(dossier: Dossier) -> str:
    """Every actor a node (type, mentions, articles as attributes); every pair of actors named in
    one sentence an undirected edge weighted by the number of such sentences."""
    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dossier"
    ET.SubElement(meta, "description").text = "Acteurs cités dans une même phrase"
    body = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "undirected"})
    attributes = ET.SubElement(body, "attributes", {"class": "node"})
    for number, (title, kind) in enumerate([("type", "string"), ("mentions", "integer"), ("articles", "integer")]):
        ET.SubElement(attributes, "attribute", {"id": str(number), "title": title, "type": kind})
    nodes = ET.SubElement(body, "nodes")
    for actor in dossier.actors:
        node = ET.SubElement(nodes, "node", {"id": actor.id, "label": actor.name})
        values = ET.SubElement(node, "attvalues")
        for number, value in enumerate([actor.type, len(actor.mentions), len(actor.articles)]):
            ET.SubElement(values, "attvalue", {"for": str(number), "value": str(value)})
    edges = ET.SubElement(body, "edges")
    for number, ((a, b), weight) in enumerate(sorted(graph.cooccurrences(dossier.actors).items())):
        ET.SubElement(edges, "edge", {"id": str(number), "source": a, "target": b, "weight": str(weight)})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------- FollowTheMoney


def entity_id(kind: str, *parts: str) -> str:
    """An entity id: readable when short, hashed past FollowTheMoney's comfortable length."""
    text = "-".join(parts)
    if len(text) > 80:
        text = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return f"{FTM_PREFIX}-{kind}-{text}"


def entity(id_: str, schema: str, **properties) -> dict:
    """One entity; properties given as lists of strings, the empty ones left out."""
    values = {name: [str(v) for v in items if v not in (None, "")] for name, items in properties.items()}
    return {"id": id_, "schema": schema, "properties": {k: v for k, v in values.items() if v}}


def ftm_entities(dossier: Dossier) -> list[dict]:
    found = [actor_entity(actor) for actor in dossier.actors]
    # FollowTheMoney's mentions and events refer to legal entities only: people and organisations
    legal = {a.id for a in dossier.actors if FTM_SCHEMA.get(a.type) in LEGAL_ENTITIES}
    for article in dossier.articles:
        found.append(entity(entity_id("article", article.id), "Article", title=[article.title],
                            summary=[article.lede], publishedAt=[article.date], publisher=[article.source],
                            author=[article.author], sourceUrl=[article.url],
                            bodyText=["\n\n".join(block.text for block in article.blocks)]))
    for actor in dossier.actors:
        for article_id in actor.articles:
            found.append(mention(actor, article_id, actor.id in legal))
    for number, event in enumerate(dossier.events):
        found.append(entity(entity_id("event", event.article, str(number)), "Event", name=[event.text[:200]],
                            summary=[event.text], date=[event.date], proof=[entity_id("article", event.article)],
                            involved=[entity_id("actor", a) for a in event.actors if a in legal]))
    return found


def mention(actor: Actor, article_id: str, legal_entity: bool) -> dict:
    """An article naming an actor: a Mention resolved to the actor for a person or an organisation
    (FollowTheMoney resolves mentions to legal entities only); for a place or an event, an
    UnknownLink from the article to it."""
    names = sorted({m.text for m in actor.mentions if m.article == article_id}) or [actor.name]
    article, target = entity_id("article", article_id), entity_id("actor", actor.id)
    if legal_entity:
        return entity(entity_id("mention", actor.id, article_id), "Mention", document=[article],
                      resolved=[target], name=names, detectedSchema=[FTM_SCHEMA.get(actor.type, "LegalEntity")])
    return entity(entity_id("mention", actor.id, article_id), "UnknownLink", subject=[article], object=[target],
                  role=["mentionne"], namesMentioned=names)


def actor_entity(actor: Actor) -> dict:
    schema = FTM_SCHEMA.get(actor.type, "LegalEntity")
    extra = {"full": [actor.name]} if schema == "Address" else {}
    if schema == "Person":
        extra["position"] = sorted({role.text for role in actor.roles})
    return entity(entity_id("actor", actor.id), schema, name=[actor.name], alias=actor.aliases,
                  description=[actor.description], **extra)


def ftm_lines(dossier: Dossier) -> str:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ftm_entities(dossier))


def listed() -> list[tuple[str, str]]:
    """The exports as the site lists them: file name, what it holds."""
    return [("actors.csv", "les acteurs (CSV)"), ("aliases.csv", "leurs autres noms (CSV)"),
            ("quotes.csv", "les déclarations (CSV)"), ("events.csv", "la chronologie (CSV)"),
            ("graph.gexf", "le graphe des acteurs (GEXF, pour Gephi)"),
            ("entities.ftm.json", "acteurs, articles et mentions (FollowTheMoney, pour Aleph)")]
