"""Evaluation against the gold file: figures computed from dossier.json data."""
from dossier.evaluate import ActorMatcher, evaluate, fold
from dossier.export import to_json_data


def by_name(figures):
    return {f.name: f for f in figures}


def test_fold_ignores_case_accents_and_apostrophes():
    assert fold("Assemblée générale de l’ONU") == fold("assemblee generale de l'onu")


def test_matcher_maps_aliases_to_gold_ids():
    matcher = ActorMatcher({"lavrov": {"type": "person", "names": ["Sergueï Lavrov", "Lavrov"]}})
    assert matcher.gold_ids({"name": "SERGUEI LAVROV", "aliases": []}) == {"lavrov"}
    assert matcher.gold_ids({"name": "Poutine", "aliases": ["Lavrov"]}) == {"lavrov"}
    assert matcher.gold_ids({"name": "Poutine", "aliases": []}) == set()


def test_seeds_cleaning_meets_the_gold(seeds_dossier, gold, seeds_dir):
    figures = by_name(evaluate(to_json_data(seeds_dossier), gold, seeds_dir))
    assert figures["boilerplate removed"].ratio == 1.0, figures["boilerplate removed"].misses
    assert figures["body kept"].ratio == 1.0, figures["body kept"].misses
    assert figures["lines kept"].ratio == 1.0


def test_a_build_that_keeps_boilerplate_is_caught(seeds_dossier, gold, seeds_dir):
    data = to_json_data(seeds_dossier)
    franceinfo = next(a for a in data["articles"] if a["id"].startswith("002_"))
    franceinfo["blocks"].append({"kind": "paragraph", "text": "Commentaires"})
    figures = by_name(evaluate(data, gold, seeds_dir))
    assert figures["boilerplate removed"].ratio < 1.0
    assert any("Commentaires" in miss for miss in figures["boilerplate removed"].misses)
