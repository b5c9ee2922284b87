"""The words around a name (actors/context.py): works and texts, members of teams and parties,
events' words, run-on spans, joined capitals; and a surname alone given to its dominant bearer."""
from __future__ import annotations

from dossier import actors, analyse
from dossier.actors.context import noun_before_of, opens_quoted_title, run_on_parts, shape_cue
from dossier.models import Article, Block, Entity, Token
from dossier.names import name_key


def tokens(*words: tuple[str, str]) -> list[Token]:
    found, at = [], 0
    for i, (text, pos) in enumerate(words):
        found.append(Token(i, text, at, text.lower(), pos, "", i))
        at += len(text) + 1
    return found


def resolve(nlp, *texts: str):
    articles = [Article(f"a{n}", f"Article {n}", [Block("paragraph", text)]) for n, text in enumerate(texts)]
    analyses = {a.id: analyse.analyse_article(nlp, a) for a in articles}
    found, _ = actors.resolve_actors(articles, analyses, None)
    return {name_key(n): a for a in found for n in [a.name, *a.aliases]}


def test_the_noun_before_de_is_found_with_or_without_an_article():
    words = tokens(("l'", "DET"), ("entraîneur", "NOUN"), ("du", "ADP"), ("Barça", "PROPN"))
    assert noun_before_of(words, 3, with_article=True) == 1
    words = tokens(("militants", "NOUN"), ("de", "ADP"), ("la", "DET"), ("Nupes", "PROPN"))
    assert noun_before_of(words, 3, with_article=True) == 0
    words = tokens(("réalisateur", "NOUN"), ("de", "ADP"), ("Dobermann", "PROPN"))
    assert noun_before_of(words, 2) == 0 and noun_before_of(words, 2, with_article=True) is None
    assert noun_before_of(tokens(("Dobermann", "PROPN")), 0) is None


def test_a_run_on_span_is_cut_at_de_after_an_acronym_or_before_an_institution():
    rules = actors.load_rules()
    text = "N-VA de Bart De Wever"
    words = [Token(0, "N", 0, "n", "PROPN", "", 0), Token(1, "-", 1, "-", "PUNCT", "", 0),
             Token(2, "VA", 2, "va", "PROPN", "", 0), Token(3, "de", 5, "de", "ADP", "", 0),
             Token(4, "Bart", 8, "bart", "PROPN", "", 0), Token(5, "De", 13, "de", "PROPN", "", 0),
             Token(6, "Wever", 16, "wever", "PROPN", "", 0)]
    assert run_on_parts(words, Entity(text, "LOC", 0, len(text), 0, 7), text, rules) == [("LOC", 0, 3), ("PER", 4, 7)]
    text = "Dares du ministère de l'Emploi"
    words = tokens(("Dares", "PROPN"), ("du", "ADP"), ("ministère", "NOUN"), ("de", "ADP"), ("l'", "DET"), ("Emploi", "PROPN"))
    assert run_on_parts(words, Entity(text, "ORG", 0, len(text), 0, 6), text, rules) == [("ORG", 0, 1)]
    text = "Banque de France"
    words = tokens(("Banque", "PROPN"), ("de", "ADP"), ("France", "PROPN"))
    assert run_on_parts(words, Entity(text, "ORG", 0, len(text), 0, 3), text, rules) is None


def test_joined_capitals_are_an_organisation():
    assert shape_cue("CD&V") == shape_cue("N-VA") == "organization"
    assert shape_cue("RDC") is None and shape_cue("Saint-Denis") is None
    assert shape_cue("Info’Com-CGT") == shape_cue("Sud-PTT") == "organization"      # a word ending in an acronym
    assert shape_cue("Jean-Luc") is None and shape_cue("Ahmedou OULD-ABDALLAH") is None


def test_works_and_texts_are_no_actors_but_the_names_they_hold_elsewhere_are(nlp):
    names = resolve(
        nlp,
        "Si un Baron Noir n’a rien à envier à un House of Cards, le film du réalisateur de Dobermann "
        "part dans tous les sens. Le règlement de Dublin II est très critiqué. La Constitution le permet. "
        "Le traité de Rome a été signé en 1957. Rome a accueilli la cérémonie.",
    )
    for work in ("Baron Noir", "House of Cards", "Dobermann", "Dublin II", "Constitution"):
        assert name_key(work) not in names
    assert names["rome"].type == "place"


def test_members_events_and_run_on_spans(nlp):
    names = resolve(
        nlp,
        "Xavi, l’entraîneur du Barça, n’a pas caché son amertume. L’ancien joueur du Stade rennais "
        "a signé. Cette visite intervient un mois après le deuxième sommet Russie-Afrique. "
        "Avec 16,7 % des voix, la N-VA de Bart De Wever conserve sa place.",
    )
    assert names[name_key("Barça")].type == "organization"
    assert names[name_key("Stade rennais")].type == "organization"
    assert names[name_key("sommet Russie-Afrique")].type == "event"
    assert names[name_key("N-VA")].type == "organization"
    assert names[name_key("Bart De Wever")].type == "person"


def test_a_surname_alone_is_the_bearer_named_far_more_often(nlp):
    names = resolve(
        nlp,
        "Emmanuel Macron a reçu le Premier ministre. Emmanuel Macron et Brigitte Macron ont dîné à l'Élysée.",
        "Il s’agit de la dernière étape d’une casse programmée par Macron et son gouvernement.",
    )
    assert names["macron"] is names[name_key("Emmanuel Macron")]


def test_media_that_speak_portfolios_short_forms_families_and_predicates(nlp):
    names = resolve(
        nlp,
        "De plus, Mediapart révèle que Ismaël Emelien devrait se voir inquiété dans cette affaire. "
        "Au printemps 2017, Richard Ferrand fut ministre de la Cohésion des territoires. "
        "Le député est soupçonné d’un usage illicite de ses indemnités représentatives de frais de mandat (IRFM). "
        "Clément Cogitore a rencontré les Braguine. Sacha Braguine a pris la fuite. "
        "Un autre groupe, les Kiline, a décidé d’en faire de même. 25 % de l’Europe serait Africaine.",
    )
    assert names["mediapart"].type == "organization"
    assert not any("cohesion" in key for key in names) and "irfm" not in names and "africaine" not in names
    assert names["braguine"] is names[name_key("Sacha Braguine")]
    assert names["kiline"].type == "person"


def test_a_plural_cue_types_every_name_of_its_list_and_an_incise_names_a_person(nlp):
    names = resolve(
        nlp,
        "Il estime que les entreprises Lime et Bird n’ont pas été en mesure d’encadrer le service. "
        "« Il faut penser ensemble les moyens », glisse Zineb, étudiante en littérature française.",
    )
    assert names["lime"].type == names["bird"].type == "organization"
    assert names["zineb"].type == "person"


def test_a_capitalised_head_before_de_is_the_names_and_a_cue_word_is_not(nlp):
    names = resolve(
        nlp,
        "Le parquet a ouvert une enquête sur son passé à la tête des Mutuelles de Bretagne de 1998 à 2012. "
        "Plainte classée sans suite, mais dévoilée en 2018 par le journal Ebdo.",
    )
    mutuelles = names[name_key("Mutuelles de Bretagne")]
    assert mutuelles.type == "organization" and "bretagne" not in names
    assert names["ebdo"].name == "Ebdo"


def test_bodies_named_after_places_and_surnames_in_capitals(nlp):
    names = resolve(
        nlp,
        "Jugé jeudi devant le tribunal correctionnel de Castres, l’ancien adjoint est soupçonné. "
        "Le Président de la Transition, le Capitaine Ibrahim TRAORE, a reçu une délégation. "
        "Le Capitaine TRAORE a salué la coopération.",
    )
    assert names[name_key("tribunal correctionnel de Castres")].type == "organization"
    traore = names[name_key("Ibrahim TRAORE")]
    assert traore.type == "person" and names["traore"] is traore
    assert not any(key.startswith("capitaine") for key in names)


def test_a_seat_is_its_body_and_lr_is_les_republicains(nlp):
    names = resolve(
        nlp,
        "Les députés de l’Assemblée nationale ont voté le texte. Le Palais-Bourbon, aux mains de LREM, "
        "abdiquera rapidement. "
        "Mais les décomptes des Républicains restaient trop incertains. « Nous allons voir si les députés LR "
        "ont le courage de leurs convictions », a prévenu le député.",
    )
    assert names[name_key("Palais-Bourbon")] is names[name_key("Assemblée nationale")]
    assert names["lr"] is names[name_key("Républicains")]


def test_a_name_opening_a_quoted_title_in_lower_case_is_no_name():
    def words(*pairs):
        return [Token(i, t, 0, t.lower(), pos, "dep", i) for i, (t, pos) in enumerate(pairs)]
    title = words(("rapport", "NOUN"), ("«", "PUNCT"), ("Gender", "PROPN"), ("gap", "NOUN"), ("report", "NOUN"), ("»", "PUNCT"))
    assert opens_quoted_title(title, 2, 3)
    speech = words(("dit", "VERB"), ("«", "PUNCT"), ("Macron", "PROPN"), ("démissionne", "VERB"), ("»", "PUNCT"))
    assert not opens_quoted_title(speech, 2, 3)          # a quoted sentence
    alone = words(("«", "PUNCT"), ("x", "X"), ("«", "PUNCT"), ("Netflix", "PROPN"), ("»", "PUNCT"))
    assert not opens_quoted_title(alone, 3, 4)           # the name alone in quotation marks: no title's words
