"""Report: the suspected merges left for the user to confirm, and the listing of `dossier actors`."""
from __future__ import annotations

from ..models import Actor, SuspectedMerge
from ..names import name_key
from .merge import Resolution
from .registry import Registry
from .rules import Rules


def suspected_merges(res: Resolution, kept: dict[int, Actor], registry: Registry,
                     rules: Rules) -> list[SuspectedMerge]:
    apart = [{name_key(n) for n in group} for group in registry.apart]
    found: dict[tuple[str, str], SuspectedMerge] = {}
    for i, j, reason in res.suspected:
        a, b = kept.get(res.groups.find(i)), kept.get(res.groups.find(j))
        if a is None or b is None or a is b:
            continue
        names_a, names_b = {name_key(n) for n in [a.name, *a.aliases]}, {name_key(n) for n in [b.name, *b.aliases]}
        if any(group & names_a and group & names_b for group in apart):
            continue
        first, second = sorted([a.id, b.id])
        found.setdefault((first, second), SuspectedMerge(first, second, reason))
    return sorted(found.values(), key=lambda s: (s.first, s.second))


def report_actors(actors: list[Actor], suspected: list[SuspectedMerge]) -> str:
    """The listing of `dossier actors`: actors, then the merges left for the user to confirm."""
    lines = [f"{len(actors)} actors"]
    for actor in sorted(actors, key=lambda a: (-len(a.mentions), a.id)):
        lines.append(f"  {actor.name}  [{actor.type}]  id: {actor.id}  "
                     f"{len(actor.mentions)} mentions, {len(actor.articles)} articles")
        if actor.aliases:
            lines.append(f"      aliases: {', '.join(actor.aliases)}")
    by_id = {a.id: a for a in actors}
    if suspected:
        lines += ["", f"{len(suspected)} suspected merges, not made. To confirm one, add its group "
                      "under `merge:` in editorial/actors.yml; to keep the two apart, under `apart:`."]
    for s in suspected:
        first, second = by_id[s.first].name, by_id[s.second].name
        lines.append(f"  - {first} / {second} ({s.reason})")
        lines.append(f"      merge:\n        - [{first}, {second}]")
    return "\n".join(lines)

