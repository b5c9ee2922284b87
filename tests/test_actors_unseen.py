"""Actor rules measured on unseen articles (issue 17): spans, demonyms, titles, given names and
spelling variants, one-word heads of longer names, type cues, metonyms and works."""
from __future__ import annotations

from dossier import actors, analyse
from dossier.models import Article, Block
from dossier.names import name_key


def resolve(nlp, *texts: str):
    articles = [Article(f"a{n}", f"Article {n}", [Block("paragraph", text)]) for n, text in enumerate(texts)]
    analyses = {a.id: analyse.analyse_article(nlp, a) for a in articles}
    found, _ = actors.resolve_actors(articles, analyses, None)
    return {name_key(n): a for a in found for n in [a.name, *a.aliases]}


def test_spans_titles_and_demonyms(nlp):
    names = resolve(
        nlp,
        "Le 31 août 2017, M’Jid El Guerrab, alors député LREM, frappe un cadre du PS. "
        "« Les Wallons ont choisi le changement », a lancé le président des libéraux. "
        "La scène restera dans les annales de la Ve République. "
        "Le Président de la Transition, le Capitaine Ibrahim Traoré, a reçu une délégation.",
    )
    assert name_key("M’Jid El Guerrab") in names and "jid el guerrab" not in names
    assert "wallons" not in names
    assert not any("republique" in key for key in names)
    traore = names[name_key("Ibrahim Traoré")]
    assert traore.type == "person" and traore.name == "Ibrahim Traoré"


def test_capital_article_is_the_names_own(nlp):
    names = resolve(
        nlp,
        "Le 24 octobre, on lit sur Le Point que le parquet a ouvert une enquête. "
        "« On attend des actes », insiste François Devaux, cofondateur de l’association La Parole libérée.",
    )
    assert name_key("Le Point") in names
    assert name_key("La Parole libérée") in names and "parole" not in {name_key(names[k].name) for k in names}


def test_given_name_and_variant_spelling_join_the_person_of_the_article(nlp):
    names = resolve(
        nlp,
        "Le Paris Saint-Germain a annoncé la signature d’Ousmane Dembélé. « Ousmane est un joueur "
        "capable de faire la différence », s’est félicité l'entraîneur. Dans la nuit, le général "
        "Abdourahamane Tchiani a nommé un Premier ministre. Le général Tiani accuse l’ancienne "
        "puissance coloniale d’ingérence.",
    )
    assert names["ousmane"] is names[name_key("Ousmane Dembélé")]
    assert names["tiani"] is names[name_key("Abdourahamane Tchiani")]


def test_title_before_a_given_name_keeps_it_apart(nlp):
    names = resolve(
        nlp,
        "« On attend des actes », insiste François Devaux, cofondateur d'une association. "
        "Le pape François a dit ce mercredi sa « honte » lors de l’audience générale.",
    )
    assert names.get("francois") is not names[name_key("François Devaux")]


def test_one_word_head_joins_the_longer_name_of_its_article(nlp):
    names = resolve(
        nlp,
        "Les députés de l’Assemblée nationale ont voté le texte jeudi. Le président de l’Assemblée "
        "a salué le vote. La Caisse de grève initiée par la CGT est cogérée à ce jour avec la CGT Goodyear.",
        "L’Autorité de la concurrence a infligé une amende. Selon l’Autorité, le groupe a abusé de sa position.",
    )
    assert names.get(name_key("Assemblée")) is names[name_key("Assemblée nationale")]
    assert names["cgt"] is not names.get(name_key("CGT Goodyear"))     # an acronym is a whole name
    assert names[name_key("Autorité")] is names[name_key("Autorité de la concurrence")]


def test_types_from_cues_metonyms_and_works(nlp):
    names = resolve(
        nlp,
        "Dans un communiqué, le Quai d’Orsay a répété mercredi sa position. "
        "Marine Le Pen, présidente du groupe Rassemblement national, a annoncé une motion. "
        "Les exécutions du Requiem de Verdi faisaient son succès. "
        "Au soleil couchant, traduit du coréen, éditions Philippe Picquier, Paris, 2017.",
    )
    assert names[name_key("Quai d’Orsay")].type == "organization"
    assert names[name_key("Rassemblement national")].type == "organization"
    assert not any("requiem" in key for key in names)
    assert names.get(name_key("Philippe Picquier")) is None or names[name_key("Philippe Picquier")].type == "organization"


def test_a_generic_word_after_its_own_capital_article_is_a_papers_name(nlp):
    names = resolve(
        nlp,
        "En septembre 2019, Le Monde révèle qu’une autre enquête a été ouverte contre le ministre. "
        "Le Monde a changé depuis la guerre.",
    )
    assert name_key("Le Monde") in names and names[name_key("Le Monde")].type == "organization"
    assert len(names[name_key("Le Monde")].mentions) == 1     # not the sentence's opening "Le Monde"


def test_a_party_in_the_plural_is_no_demonym(nlp):
    names = resolve(
        nlp,
        "« La sanction est sévère », prévient un cadre des Engagés, qui a requis l’anonymat. "
        "Des soldats ont attaqué un village de la région de Mopti. Les Belges ont voté dimanche.",
    )
    assert "engages" in names and names["engages"].type == "organization"
    assert "mopti" in names and "belges" not in names


def test_a_paper_the_text_reads_from_is_an_organisation(nlp):
    names = resolve(
        nlp,
        "« Au total, une douzaine de responsables du parti sont visés », peut-on lire dans Les Échos. "
        "Par ailleurs, le ministre a démenti.",
    )
    assert name_key("Les Échos") in names and names[name_key("Les Échos")].type == "organization"
