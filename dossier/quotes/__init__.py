"""Quotes: find quoted statements in the cleaned blocks and attribute them to actors.

Two steps per block. `quoted_spans` reads the quotation marks as French typography uses them
(« … », “ … ”, "…", nested quotes, a closing mark whose opening one was lost, an opening mark
never closed). `Attributor` then names each statement's speaker, in order of confidence:

1. a speech verb next to the quote and its subject ("a déclaré X", "X poursuit : « … »",
   "a-t-il ajouté", "X a souligné que « … »"), the subject being a named actor, a pronoun
   (the person in focus), a relative pronoun (its antecedent) or a role ("le chef de la
   diplomatie russe", matched against the roles the dossier knows);
2. "selon X", "d'après X", "Pour X, « … »";
3. "Et d'ajouter : « … »": a speech verb without subject continues the last speaker;
4. a person named before the colon that introduces the quote ("la position de X : « … »");
5. a quote standing as its own block, followed by a caption naming its speaker;
6. otherwise the last speaker or the person in focus, when named in this block or the one before.

Rules are data where an editor may want to change them: dossier/data/speech_verbs.yml, roles.yml.

The package, one job a module: spans.py finds the quoted runs and the speech verbs;
attribution.py names their speakers. The actor index they read (where each actor is named,
the persons' roles and genders) is dossier/cast.py, shared with dates.
"""
from __future__ import annotations

from ..cast import Cast, Place, role_words  # importable from here as before the split; their home is cast
from .attribution import Attributor, find_quotes

__all__ = ["Attributor", "Cast", "Place", "find_quotes", "role_words"]
