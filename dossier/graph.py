"""The actors' co-occurrence graph, drawn at build time as inline SVG (no script, nothing from a CDN).

Two actors are linked when one sentence names both; the link's weight is the number of such
sentences. Names are untrusted text: they reach the SVG only through `html.escape`.
"""
from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from .models import Actor

Pair = tuple[str, str]


@dataclass
class Graph:
    nodes: list[Actor]
    edges: dict[Pair, int]           # (id, id) sorted → sentences naming both
    center: str | None = None        # the profile's actor, drawn in the middle


def cooccurrences(actors: list[Actor]) -> Counter[Pair]:
    """For each pair of actors, the number of sentences that name both."""
    names_by_sentence: dict[tuple, set[str]] = {}
    for actor in actors:
        for mention in actor.mentions:
            key = (mention.article, mention.part, mention.block, mention.sentence)
            names_by_sentence.setdefault(key, set()).add(actor.id)
    pairs: Counter[Pair] = Counter()
    for ids in names_by_sentence.values():
        pairs.update(combinations(sorted(ids), 2))
    return pairs


def whole_graph(actors: list[Actor], pairs: Counter[Pair], limit: int = 40) -> Graph:
    """The most named actors that share a sentence with another, and their links."""
    linked = {i for pair in pairs for i in pair}
    ranked = sorted((a for a in actors if a.id in linked), key=lambda a: (-len(a.mentions), a.name))
    nodes = ranked[:limit]
    kept = {a.id for a in nodes}
    return Graph(nodes, {p: n for p, n in pairs.items() if p[0] in kept and p[1] in kept})


def pairs_by_actor(pairs: Counter[Pair]) -> dict[str, dict[Pair, int]]:
    """Each actor's pairs, so that an ego graph need not scan every pair of the dossier."""
    index: dict[str, dict[Pair, int]] = {}
    for pair, n in pairs.items():
        for i in pair:
            index.setdefault(i, {})[pair] = n
    return index


def ego_graph(actor: Actor, actors: dict[str, Actor], pairs: Counter[Pair], limit: int = 8,
              by_actor: dict[str, dict[Pair, int]] | None = None) -> Graph:
    """An actor, its closest co-actors, and the links between all of them. `by_actor` (from
    `pairs_by_actor(pairs)`) gives the same graph without scanning all the pairs."""
    if by_actor is None:
        by_actor = pairs_by_actor(pairs)
    mine = by_actor.get(actor.id, {})
    neighbours = Counter({other: n for (a, b), n in mine.items() for other in (a, b) if other != actor.id})
    ids = [actor.id] + [i for i, _ in sorted(neighbours.items(), key=lambda x: (-x[1], x[0]))[:limit]]
    # The links among the kept actors, looked up pair by pair: a co-actor may be the dossier's
    # subject, linked to nearly every actor, whose pairs one page must not scan.
    pairs_among = combinations(sorted(ids), 2)
    edges = {p: pairs[p] for p in pairs_among if p in pairs}
    return Graph([actors[i] for i in ids], edges, center=actor.id)


def layout(graph: Graph, width: float, height: float) -> dict[str, tuple[float, float]]:
    """Node positions: a star around the centre for a profile, a force layout otherwise."""
    if graph.center is not None:
        return star_layout(graph, width, height)
    return force_layout(graph, width, height)


def star_layout(graph: Graph, width: float, height: float) -> dict[str, tuple[float, float]]:
    others = [a.id for a in graph.nodes if a.id != graph.center]
    radius = min(width, height) * 0.36
    positions = {graph.center: (width / 2, height / 2)}
    for k, actor_id in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * k / max(len(others), 1)
        positions[actor_id] = (width / 2 + radius * 1.25 * math.cos(angle), height / 2 + radius * math.sin(angle))
    return positions


def force_layout(graph: Graph, width: float, height: float, rounds: int = 300) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from a circle: deterministic, so rebuilds draw the same picture."""
    ids = [a.id for a in graph.nodes]
    count = max(len(ids), 1)
    pos = {i: [math.cos(2 * math.pi * k / count), math.sin(2 * math.pi * k / count)] for k, i in enumerate(ids)}
    ideal = math.sqrt(9.0 / count)
    for step in range(rounds):
        heat = 0.1 * (1 - step / rounds) + 0.005
        move = {i: [0.0, 0.0] for i in ids}
        for a, b in combinations(ids, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 1e-3
            push = ideal * ideal / dist
            pull = dist * dist / ideal * 0.3 * math.log1p(graph.edges.get((a, b) if a < b else (b, a), 0))
            force = (push - pull) / dist
            move[a][0] += dx * force; move[a][1] += dy * force  # noqa: E702
            move[b][0] -= dx * force; move[b][1] -= dy * force  # noqa: E702
        for i in ids:
            gravity_x, gravity_y = -pos[i][0] * 0.02, -pos[i][1] * 0.02
            dx, dy = move[i][0] + gravity_x, move[i][1] + gravity_y
            length = math.hypot(dx, dy) or 1e-9
            pos[i][0] += dx / length * min(length, heat)
            pos[i][1] += dy / length * min(length, heat)
    return fit(pos, width, height)


def fit(pos: dict[str, list[float]], width: float, height: float, margin: float = 60) -> dict[str, tuple[float, float]]:
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {i: (margin + (x - min(xs)) / span_x * (width - 2 * margin),
                margin / 2 + (y - min(ys)) / span_y * (height - 1.5 * margin)) for i, (x, y) in pos.items()}


LABEL_CHAR_WIDTH = 6.6      # px per character of a 12 px label, to tell where labels would overlap
LABEL_HEIGHT = 14

Box = tuple[float, float, float, float]


def overlaps(box: Box, other: Box) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def label_box(x: float, y: float, anchor: str, width: float) -> Box:
    """The box a label takes, its baseline at y (the descent below, the text's halo around)."""
    left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
    return (left - 1, y - LABEL_HEIGHT + 2, left + width + 1, y + 4)


def label_candidates(x: float, y: float, r: float) -> list[tuple[float, float, str]]:
    """Below the dot, above, right, left, then at its four corners: the places a reader still
    reads as the dot's. content/assets/graph.js tries the same places with the real widths."""
    return [(x, y + r + 13, "middle"), (x, y - r - 5, "middle"), (x + r + 4, y + 4, "start"),
            (x - r - 4, y + 4, "end"), (x + r * 0.7, y + r + 11, "start"), (x - r * 0.7, y + r + 11, "end"),
            (x + r * 0.7, y - r - 3, "start"), (x - r * 0.7, y - r - 3, "end")]


def label_places(graph: Graph, positions: dict[str, tuple[float, float]], radii: dict[str, float],
                 width: float, height: float) -> dict[str, tuple[float, float, str] | None]:
    """Where each actor's name goes (x, y, text-anchor): the first of its places inside the
    drawing that covers neither another name already placed nor another actor's dot, the most
    named actors placed first. A name with no free place gets None: it is shown only when its dot
    is pointed at or focused (its name is in the link's label and title anyway). Deterministic."""
    dots = {a.id: (positions[a.id][0] - radii[a.id], positions[a.id][1] - radii[a.id],
                   positions[a.id][0] + radii[a.id], positions[a.id][1] + radii[a.id]) for a in graph.nodes}
    taken: list[Box] = []
    places: dict[str, tuple[float, float, str] | None] = {}
    for actor in sorted(graph.nodes, key=lambda a: (-len(a.mentions), a.name)):
        x, y = positions[actor.id]
        w = len(actor.name) * LABEL_CHAR_WIDTH
        others = [box for i, box in dots.items() if i != actor.id]
        places[actor.id] = None
        for cx, cy, anchor in label_candidates(x, y, radii[actor.id]):
            box = label_box(cx, cy, anchor, w)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            if inside and not any(overlaps(box, b) for b in taken + others):
                places[actor.id] = (cx, cy, anchor)
                taken.append(box)
                break
    return places


def to_svg(graph: Graph, href: Callable[[str], str], label: str, width: int = 1000, height: int = 640) -> str:
    """The graph as one line of SVG: each actor a linked dot, sized by its mentions. The drawing is
    a group of links, each named for a screen reader (a picture holding links is not navigable)."""
    if not graph.nodes:
        return ""
    positions = layout(graph, width, height)
    heaviest = max(graph.edges.values(), default=1)
    most = max(len(a.mentions) for a in graph.nodes) or 1
    radii = {a.id: 6 + 14 * math.sqrt(len(a.mentions) / most) for a in graph.nodes}
    places = label_places(graph, positions, radii, width, height)
    parts = [f'<svg class="dossier-graph" viewBox="0 0 {width} {height}" role="group" '
             f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'xmlns:xlink="http://www.w3.org/1999/xlink">']
    for (a, b), weight in sorted(graph.edges.items()):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        sentences = "1 phrase" if weight == 1 else f"{weight} phrases"
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" aria-hidden="true" '
                     f'data-ends="{html.escape(a)} {html.escape(b)}" data-weight="{weight}" stroke-width="{1 + 4 * weight / heaviest:.1f}"><title>{sentences}</title></line>')
    for actor in graph.nodes:
        x, y = positions[actor.id]
        name = html.escape(actor.name)
        count = len(actor.mentions)
        mentions = "1 mention" if count == 1 else f"{count} mentions"
        centre = " dossier-graph__node--center" if actor.id == graph.center else ""
        place = places[actor.id]
        # a name with no free place sits below its dot, shown on pointing or focus only
        tx, ty, anchor = place or (x, y + radii[actor.id] + 13, "middle")
        spare = "" if place else ' class="dossier-graph__label--spare"'
        parts.append(
            # xlink:href, not href: Material's instant loading sets `.href` on every [href] of a
            # page it loads, which an SVG link does not allow (the page was then not shown)
            f'<a xlink:href="{html.escape(href(actor.id))}" aria-label="{name}, {mentions}" data-id="{html.escape(actor.id)}" '
            f'data-type="{actor.type}" data-mentions="{count}" '
            f'class="dossier-graph__node dossier-graph__node--{actor.type}{centre}">'
            f'<title>{name} — {mentions}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radii[actor.id]:.1f}"/>'
            f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}"{spare}>{name}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
