"""Resolve: the steps from the articles' analyses to the actors, in order (see the package's
docstring)."""
from __future__ import annotations

from pathlib import Path

from ..lexicon import Answers
from ..model import DEFAULT
from ..models import Actor, Analysis, Article, SuspectedMerge
from ..names import name_key
from .build import gather, is_excluded, make_actor, registry_entries, unique_ids
from .candidates import article_candidates
from .elsewhere import attach_elsewhere
from .forms import group_forms, user_keys
from .merge import (Groups, Resolution, assign_heads, join_acronyms, join_definitions, join_party_articles,
                    join_persons, join_registry, suspect_prefixes)
from .registry import load_registry
from .report import suspected_merges
from .rules import load_rules
from .surnames import assign_surnames


def resolve_actors(
    articles: list[Article], analyses: dict[str, Analysis], registry_path: Path | None, model: str = DEFAULT
) -> tuple[list[Actor], list[SuspectedMerge]]:
    rules = load_rules()
    registry = load_registry(registry_path)
    candidates = [c for a in articles for c in article_candidates(a, analyses[a.id], rules)]
    dictionary = Answers({word: code for analysis in analyses.values() for word, code in analysis.dictionary.items()}, model)
    forms = group_forms(candidates, rules, lower_case_words(analyses), dictionary)
    apart = [{k for n in group for k in user_keys(n, rules)} for group in registry.apart]
    res = Resolution(forms, Groups(forms, apart))
    join_registry(res, registry, rules)
    join_persons(res, rules)
    join_definitions(res)
    join_acronyms(res, rules)
    join_party_articles(res, rules)
    suspect_prefixes(res, rules)
    assigned = assign_surnames(res, rules)
    assign_heads(res, assigned)
    clusters = gather(res, assigned)
    entries = registry_entries(registry, rules)
    built = {root: make_actor(group, entries, rules) for root, group in clusters.items()}
    kept = {root: actor for root, actor in built.items()
            if actor is not None and not is_excluded(actor, registry)}
    unique_ids(kept.values())
    attach_elsewhere(list(kept.values()), articles, rules)
    suspected = suspected_merges(res, kept, registry, rules)
    return sorted(kept.values(), key=lambda a: a.id), suspected


def lower_case_words(analyses: dict[str, Analysis]) -> set[str]:
    """The folded words the body blocks write in lower case. Folded once per distinct word:
    a dossier holds millions of tokens but tens of thousands of words."""
    written = {t.text for an in analyses.values() for block in an.blocks for t in block.tokens}
    return {name_key(text) for text in written if text[:1].islower()}

