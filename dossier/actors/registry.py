"""Registry: the user's actors, exclusions, merges and separations, read from editorial/actors.yml."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..names import name_key

log = logging.getLogger("mkdocs.plugins.dossier")

ACTOR_TYPES = ("person", "organization", "place", "event")


@dataclass
class Entry:
    """One actor described by the user: the names it goes by, and what to show."""
    names: list[str]
    type: str | None = None
    description: str | None = None


@dataclass
class Registry:
    entries: list[Entry] = field(default_factory=list)
    exclude: set[str] = field(default_factory=set)            # folded names
    merge: list[list[str]] = field(default_factory=list)
    apart: list[list[str]] = field(default_factory=list)


def load_registry(path: Path | None) -> Registry:
    """Read editorial/actors.yml (see that file for the format); None gives an empty registry.
    What the file gets wrong is skipped with a warning naming it: the build goes on."""
    if path is None or not path.is_file():
        return Registry()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        log.warning("dossier: %s is not valid YAML; the registry is ignored: %s", path.name, error)
        return Registry()
    if not isinstance(data, dict):
        log.warning("dossier: %s: expected keys actors, exclude, merge, apart; ignored", path.name)
        return Registry()
    return Registry(
        [entry for number, spec in enumerate(as_list(data.get("actors")), 1)
         if (entry := registry_entry(spec, number, path)) is not None],
        {name_key(str(name)) for name in as_list(data.get("exclude"))},
        [[str(n) for n in group] for group in as_list(data.get("merge")) if isinstance(group, list)],
        [[str(n) for n in group] for group in as_list(data.get("apart")) if isinstance(group, list)],
    )


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def registry_entry(spec, number: int, path: Path) -> Entry | None:
    if not isinstance(spec, dict) or not str(spec.get("name") or "").strip():
        log.warning("dossier: %s: actor %d has no name; skipped", path.name, number)
        return None
    entry = Entry([str(spec["name"]), *map(str, as_list(spec.get("aliases")))],
                  spec.get("type"), spec.get("description"))
    if entry.type is not None and entry.type not in ACTOR_TYPES:
        log.warning("dossier: %s: %s: type %r is not one of %s; the machine's type is kept",
                    path.name, entry.names[0], entry.type, ", ".join(ACTOR_TYPES))
        entry.type = None
    return entry

