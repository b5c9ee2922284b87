"""Actors kept, typed and joined on general evidence (issue 17, session 4): a name the model was
unsure of that recurs, ... — on hand-built candidates, no model."""
from __future__ import annotations

from dossier.actors.build import make_actor
from dossier.actors.candidates import Candidate
from dossier.actors.forms import Form
from dossier.actors.rules import load_rules
from dossier.models import Mention
from dossier.names import name_key


def candidate(text: str, article: str = "a", label: str | None = None, cue: str | None = None) -> Candidate:
    return Candidate(Mention(article, 0, 0, len(text), text, text), label, cue, False, None, 0)


def group(*candidates: Candidate) -> list[tuple[Form, Candidate]]:
    forms: dict[str, Form] = {}
    for c in candidates:
        forms.setdefault(name_key(c.mention.text), Form(name_key(c.mention.text))).candidates.append(c)
    return [(forms[name_key(c.mention.text)], c) for c in candidates]


def test_an_unsure_name_written_twice_in_one_article_is_an_organisation():
    rules = load_rules()
    twice = make_actor(group(candidate("Netflix"), candidate("Netflix")), {}, rules)
    assert twice is not None and twice.type == "organization"
    assert make_actor(group(candidate("Netflix")), {}, rules) is None          # once: unsure
    apart = group(candidate("Netflix", "a"), candidate("Netflix", "b"))        # once in each of two articles
    assert make_actor(apart, {}, rules) is None
    assert make_actor(group(candidate("Covid-19"), candidate("Covid-19")), {}, rules) is None   # a disease
