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


# --- hand-built data: the scoring rules themselves ----------------------------------------

GOLD_ACTORS = {"macron": {"type": "person", "names": ["Emmanuel Macron", "Macron"]},
               "attal": {"type": "person", "names": ["Gabriel Attal", "Attal"]}}


def quote_data(speakers: dict):
    actors = [{"id": "emmanuel-macron", "name": "Emmanuel Macron", "aliases": ["Macron"]},
              {"id": "gabriel-attal", "name": "Gabriel Attal", "aliases": []}]
    quotes = [{"article": "a1", "text": text, "speaker": speaker} for text, speaker in speakers.items()]
    return quotes, actors


def quote_scores(speakers: dict, gold_quotes: list[dict]):
    from dossier.evaluate import quote_figures
    quotes, actors = quote_data(speakers)
    return by_name(quote_figures(quotes, actors, {"a1": {"quotes": gold_quotes}}, ActorMatcher(GOLD_ACTORS)))


def test_an_unidentified_source_left_unidentified_is_right_and_a_guess_is_wrong():
    gold = [{"starts": "Il faut partir", "speaker": None}, {"starts": "Nous resterons", "speaker": "macron"}]
    declined = quote_scores({"Il faut partir maintenant.": None, "Nous resterons là.": "emmanuel-macron"}, gold)
    assert declined["speaker accuracy"].hits == 2 and declined["speaker wrong (of found)"].hits == 0
    guessed = quote_scores({"Il faut partir maintenant.": "gabriel-attal", "Nous resterons là.": None}, gold)
    assert guessed["speaker accuracy"].hits == 0
    # a wrong name is an error a reader quotes on; no name is only a miss
    assert guessed["speaker wrong (of found)"].hits == 1 and guessed["speaker wrong (of found)"].total == 2


def test_statements_that_match_no_gold_quote_are_counted():
    scores = quote_scores({"Nous resterons là.": "emmanuel-macron", "Lisez notre dossier complet": None},
                          [{"starts": "Nous resterons", "speaker": "macron"}])
    assert scores["statements not in gold"].items == ["a1: Lisez notre dossier complet"]


def test_body_lines_run_from_the_headline_to_the_trailing_furniture(tmp_path):
    from dossier.evaluate.gold import article_lines
    page = tmp_path / "a1.txt"
    page.write_text("Accueil\nPolitique\nLe titre\nPar Jean Dupont\nPremier paragraphe.\nDernier.\n"
                    "Les plus lus\nUn autre article\n", encoding="utf-8")
    gold = {"title": "Le titre", "boilerplate_from": "Les plus lus"}
    assert article_lines(page, gold, exclude=["Par Jean Dupont"]) == ["Le titre", "Premier paragraphe.", "Dernier."]
    assert article_lines(page, {**gold, "body_from": "Premier paragraphe."}, exclude=[]) == ["Premier paragraphe.", "Dernier."]


def test_bench_headlines_are_scored_against_the_structure_gold():
    from dossier.evaluate.bench import structure_figures
    from dossier.models import Article
    structure = {"p1": {"title": "Le vrai titre", "lede": None}, "p2": {"title": None, "lede": "Le chapô."},
                 "p3": {"title": "Absent", "lede": None}}
    articles = {"p1": Article("p1", "LE VRAI TITRE", []), "p2": Article("p2", "Un titre fait", [], lede="Le chapô.")}
    figures, misses = structure_figures(structure, articles)
    assert figures.startswith("headline right 1/1") and "standfirst right 2/2" in figures and not misses
    articles["p1"].title = "Partager sur Facebook"
    figures, misses = structure_figures(structure, articles)
    assert figures.startswith("headline right 0/1") and misses and "Partager" in misses[0]


def test_a_line_spelled_with_combining_accents_is_the_line_the_build_composed(tmp_path):
    # the copied page spells "ê" as "e" + U+0302; the cleaning writes it composed (NFC)
    from dossier.evaluate.gold import cleaning_figures
    decomposed = "Il devait e\u0302tre mis en oeuvre."
    (tmp_path / "a1.txt").write_text(f"Le titre\n{decomposed}\nPartage\u0301\nLes plus lus\n", encoding="utf-8")
    gold = {"a1": {"title": "Le titre", "boilerplate": ["Partage\u0301"], "boilerplate_from": "Les plus lus",
                   "keep": [decomposed]}}
    kept = {"title": "Le titre", "blocks": [{"kind": "paragraph", "text": "Il devait être mis en oeuvre."}]}
    figures = by_name(cleaning_figures({"a1": kept}, gold, tmp_path))
    assert figures["body kept"].ratio == 1.0 and figures["lines kept"].ratio == 1.0
    leaked = {**kept, "blocks": [*kept["blocks"], {"kind": "paragraph", "text": "Partagé"}]}
    removed = by_name(cleaning_figures({"a1": leaked}, gold, tmp_path))["boilerplate removed"]
    assert removed.hits == 1 and removed.misses == ["a1: Partage\u0301"]   # "Les plus lus" removed, "Partagé" left
