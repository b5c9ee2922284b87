"""Actors: group the model's entity mentions into actors, one profile per real actor.

1. Read the entities of the lede and each body block as candidates: clean the span (determiners, honorifics),
   cut words glued in copy ("Chirac àJean-Paul"), take titles out of names ("Niamey le Premier
   ministre nigérien"), drop what is not an actor (roles, portfolios, generic words, demonyms,
   unsure MISC spans, dictionary words such as "Mystère", "les Sages"),
   note what the context says of the type (cue words, titles, roles) and read the roles.
2. Group the written forms of one name (key: folded, without determiners or state forms).
3. Merge forms: the user's registry first, then persons (same surname, same given name across
   spellings), acronyms and their expansions, then bare surnames — within the article first,
   then across the dossier. What looks alike but is not merged becomes a suspected merge.
4. Build the actors (name, type, aliases, roles, description), attach their mentions in
   headings and titles.
Editorial knowledge is data: dossier/data/actor_rules.yml and the user's editorial/actors.yml.

Modules: resolve.py runs the steps; 1. candidates.py (and roles.py), 2. forms.py, 3. merge.py and
surnames.py, 4. build.py and elsewhere.py; report.py gives the suspected merges and the listing;
rules.py and registry.py read the rules and the user's registry.
"""
from __future__ import annotations

from .build import unique_ids, unique_roles
from .candidates import Candidate
from .elsewhere import NameFinder
from .merge import held_initials
from .registry import load_registry
from .report import report_actors
from .resolve import resolve_actors
from .rules import load_rules

__all__ = ["Candidate", "NameFinder", "held_initials", "load_registry", "load_rules", "report_actors",
           "resolve_actors", "unique_ids", "unique_roles"]
