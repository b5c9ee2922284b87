"""Quotes: find quoted statements in the cleaned blocks and attribute them to actors.

Two steps per block. `quoted_spans` reads the quotation marks as French typography uses them
(« … », “ … ”, "…", nested quotes, a closing mark whose opening one was lost, an opening mark
never closed). `Attributor` then names each statement's speaker, in order of confidence:

0. "peut-on lire dans Les Échos": the publication; "peut-on lire" alone or "dans le quotidien",
   the one publication the paragraph made the subject of telling before ("Le Monde révèle …");
1. a speech verb next to the quote and its subject ("a déclaré X", "X poursuit : « … »",
   "a-t-il ajouté", "X a souligné que « … »", "», met-il en perspective"), the subject being a
   named actor, a pronoun (the latest person in focus of its gender), a relative pronoun (its
   antecedent) or a role ("le chef de la diplomatie russe") that the article itself binds to
   a person ("le chef de la diplomatie russe, Sergueï Lavrov") or the subject just named
   ("Le général X accuse … « … », a martelé l'officier": a noun that only refers back), or the
   name the parser missed right before the auxiliary ("le Colonel-général X a salué « … »");
2. "selon X", "d'après X", "Pour X, « … »";
3. "Et d'ajouter : « … »": a speech verb without subject continues the last speaker;
4. a person named before the colon that introduces the quote ("la position de X : « … »"),
   else whose view that clause gives ("c'est pour lui une vocation : « … »"), else its subject;
5. a quote standing as its own block, followed by a caption naming its speaker;
6. otherwise the last speaker, when in this block or the one before and nobody else was named
   since;
7. otherwise the speaker of the block's next quote, when the block names them first after this
   one ("« A ». En revanche, … « B », détaille X": the writer names who speaks once).

A speaker is a person or an organisation, never a place. What the text points at without
naming ("un proche de l'Élysée", "le communiqué", "le chef de l'État" bound to nobody in the
article) is no speaker: the quote keeps those words as its `source_text` ("source non
identifiée : …"), and no guess from the focus replaces them. Statements come from the body's
blocks only (paragraphs and quotes, not captions or headings).

Rules are data where an editor may want to change them: dossier/data/speech_verbs.yml, roles.yml.

The package, one job a module: spans.py finds the quoted runs and the speech verbs;
reading.py holds a block's reading and the focus; phrases.py reads noun phrases (who they name, the
words of an unnamed source); attribution.py names the speakers. The actor index they read (where each actor is named,
the persons' roles and genders) is dossier/cast.py, shared with dates.
"""
from __future__ import annotations

from ..cast import Cast, Place, role_words  # importable from here as before the split; their home is cast
from .attribution import Attributor, find_quotes

__all__ = ["Attributor", "Cast", "Place", "find_quotes", "role_words"]
