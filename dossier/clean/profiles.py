"""The cleaning's rules: the outlet profiles, metadata patterns, function words and settings of
dossier/data/outlets.yml, extended by the user's editorial/outlets.yml."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .settings import CleanSettings, read_settings

log = logging.getLogger("mkdocs.plugins.dossier")

BUILTIN_PROFILES = Path(__file__).parent.parent / "data" / "outlets.yml"
# No-break spaces are typography and stay in the text; rules see them as plain spaces.
SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009"), " ")
SPACE = re.compile("[\u00a0\u202f\u2009]")


@dataclass
class Profile:
    name: str
    source: str | None = None
    names: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    lines: list[re.Pattern] = field(default_factory=list)
    sections: list[re.Pattern] = field(default_factory=list)
    cut_from: list[re.Pattern] = field(default_factory=list)
    ends: list[re.Pattern] = field(default_factory=list)


@dataclass
class Rules:
    """Everything the YAML says: the generic profile, the outlets, metadata patterns, words, settings."""
    generic: Profile
    outlets: dict[str, Profile]
    metadata: dict[str, list[re.Pattern]]
    words: frozenset[str]
    settings: CleanSettings = CleanSettings()


# ---------------------------------------------------------------- rules


def load_rules(user_file: Path | None = None) -> Rules:
    """The built-in profiles, extended or overridden by the user's editorial/outlets.yml; a user
    file that cannot be used is named in a warning and left aside."""
    if user_file and user_file.is_file():
        try:
            data = yaml.safe_load(BUILTIN_PROFILES.read_text(encoding="utf-8"))
            user = yaml.safe_load(user_file.read_text(encoding="utf-8")) or {}
            merge_user_rules(data, user)
            settings = read_settings(user.get("settings"), user_file, builtin_settings(data))
            return make_rules(data, settings)
        except (yaml.YAMLError, re.error, TypeError, AttributeError, KeyError, ValueError) as error:
            log.warning("dossier: %s cannot be used, the built-in profiles alone apply: %s",
                        user_file.name, error)
    data = yaml.safe_load(BUILTIN_PROFILES.read_text(encoding="utf-8"))
    return make_rules(data, builtin_settings(data))


def builtin_settings(data: dict) -> CleanSettings:
    return read_settings(data.get("settings"), BUILTIN_PROFILES)


def make_rules(data: dict, settings: CleanSettings = CleanSettings()) -> Rules:
    generic = data["generic"]
    return Rules(
        generic=make_profile("generic", generic),
        outlets={name: make_profile(name, spec or {}) for name, spec in data["outlets"].items()},
        metadata={kind: compile_all(patterns) for kind, patterns in generic["metadata"].items()},
        words=frozenset(w for text in generic["words"].values() for w in text.split()),
        settings=settings,
    )


def merge_user_rules(data: dict, user: dict) -> None:
    data["outlets"].update(user.get("outlets") or {})
    for key, value in (user.get("generic") or {}).items():
        if isinstance(value, dict):
            for sub, items in value.items():
                data["generic"][key].setdefault(sub, [])
                data["generic"][key][sub] += items if isinstance(items, list) else [items]
        else:
            data["generic"].setdefault(key, [])
            data["generic"][key] += value


def compile_all(patterns: list[str] | None) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in patterns or []]


def make_profile(name: str, spec: dict) -> Profile:
    return Profile(
        name=name,
        source=spec.get("source"),
        names=[n.casefold() for n in [spec.get("source") or "", *(spec.get("names") or [])] if n],
        marks=[m.casefold() for m in spec.get("marks") or []],
        domains=[d.casefold() for d in spec.get("domains") or []],
        lines=compile_all(spec.get("lines")),
        sections=compile_all(spec.get("sections")),
        cut_from=compile_all(spec.get("cut_from")),
        ends=compile_all(spec.get("ends")),
    )


def matches(patterns: list[re.Pattern], text: str) -> re.Match | None:
    # str.translate walks the line in Python, slowly, on every call (several per line): only a
    # line that has such a space needs it (a 500 KB page: 1.4 s of cleaning spent here).
    if not text.isascii() and SPACE.search(text):
        text = text.translate(SPACES)
    for pattern in patterns:
        found = pattern.fullmatch(text)
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def outlet_spellings() -> dict[str, str]:
    """Each name a built-in outlet profile knows (`source` and `names`), case aside → the outlet's
    own name, its `source`: 'France Info', 'le monde' → 'franceinfo', 'Le Monde'."""
    return {name: profile.source for profile in load_rules().outlets.values() if profile.source
            for name in profile.names}


def outlet_name(name: str | None) -> str:
    """An outlet's name written one way, as its profile writes it; a name no profile knows as it is."""
    if not name:
        return ""
    return outlet_spellings().get(" ".join(name.split()).casefold(), name)


def outlet_spelling(name: str) -> str:
    """The outlet's own spelling of a name that differs from it only in case, spaces or dashes
    ('France Info' → 'franceinfo'); any other name as it is: 'BBC' names the BBC, not the
    'BBC News Afrique' profile that recognises it."""
    shown = outlet_name(name)
    return shown if squash(shown) == squash(name) else name


def squash(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())
