"""Actors: alias resolution, types from context, roles, exclusions and the user's registry.

Synthetic French sentences run through the real model (loaded once per session), plus the seeds.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier import actors, analyse
from dossier.lexicon import COMMON, CONJUGATED, french_lexicon
from dossier.models import Actor, Article, Block, Mention
from dossier.names import NameRules, name_key
from dossier.pipeline import Settings, build_dossier

def resolve(nlp, *texts: str | list[Block], registry: Path | None = None):
    """Resolve actors over one synthetic article per text (a string is one paragraph)."""
    articles = [
        Article(f"a{n}", f"Article {n}", text if isinstance(text, list) else [Block("paragraph", text)])
        for n, text in enumerate(texts)
    ]
    analyses = {a.id: analyse.analyse_article(nlp, a) for a in articles}
    return actors.resolve_actors(articles, analyses, registry)


def by_name(found) -> dict[str, Actor]:
    """Every name and alias (folded) → its actor."""
    return {name_key(n): a for a in found for n in [a.name, *a.aliases]}


def test_transliterations_and_partial_forms_are_one_person(nlp):
    found, _ = resolve(
        nlp,
        "Le ministre russe Sergueï Lavrov est arrivé à Bamako. M. Lavrov a rencontré la presse.",
        "Sergei Lavrov a parlé à Moscou. Selon Sergey Lavrov, la situation est grave.",
        "Serguei Lavrov a répondu aux journalistes à Paris. S. Lavrov est reparti le soir.",
    )
    names = by_name(found)
    lavrov = names[name_key("Sergueï Lavrov")]
    for variant in ["Sergei Lavrov", "Sergey Lavrov", "Serguei Lavrov", "Lavrov"]:
        assert names[name_key(variant)] is lavrov, variant
    assert lavrov.name == "Sergueï Lavrov" and lavrov.type == "person"
    assert lavrov.articles == ["a0", "a1", "a2"]


def test_people_sharing_a_given_name_or_a_surname_stay_apart(nlp):
    found, _ = resolve(
        nlp,
        "Abdoulaye Diop a rencontré Abdoulaye Maïga à Bamako. Choguel Maïga était absent.",
        "Le premier ministre Chogel Maïga a parlé. Maïga a critiqué la France.",
    )
    names = by_name(found)
    diop, abdoulaye, choguel = (names[name_key(n)] for n in ["Abdoulaye Diop", "Abdoulaye Maïga", "Choguel Maïga"])
    assert len({id(diop), id(abdoulaye), id(choguel)}) == 3
    assert names[name_key("Chogel Maïga")] is choguel     # misspelling, other article
    # "Maïga" alone in the second article is the Maïga named there
    assert any(m.article == "a1" and m.text == "Maïga" for m in choguel.mentions)


def test_acronyms_join_their_expansions(nlp):
    found, _ = resolve(
        nlp,
        "La CEDEAO a réagi. La Communauté économique des États de l’Afrique de l’Ouest menace Bamako.",
        "Les Nations unies ont voté. L’ONU s’inquiète. L’Assemblée générale de l’ONU s’est réunie.",
        "Le texte a été lu à l’Assemblée générale des Nations unies par le délégué du Niger.",
    )
    names = by_name(found)
    assert names["cedeao"] is names[name_key("Communauté économique des États de l’Afrique de l’Ouest")]
    assert names["onu"] is names["nations unies"]
    assembly = names[name_key("Assemblée générale de l’ONU")]
    assert assembly is names[name_key("Assemblée générale des Nations unies")]
    assert assembly is not names["onu"]


def test_types_follow_the_context(nlp):
    found, _ = resolve(
        nlp,
        "Le groupe Wagner a envoyé des hommes. Wagner dément. La société Wagner est russe.",
        "L’opération française Barkhane prend fin. La fin de Barkhane inquiète Bamako.",
        "Le président Macron a parlé. Emmanuel Macron a répondu.",
    )
    names = by_name(found)
    assert names["wagner"].type == "organization"
    assert names["barkhane"].type == "event"
    assert names["emmanuel macron"].type == "person"
    assert names["macron"] is names["emmanuel macron"]


def test_roles_come_from_appositions_and_titles(nlp):
    found, _ = resolve(
        nlp,
        "Sergueï Lavrov, ministre russe des Affaires étrangères, a parlé. "
        "Le premier ministre malien, Chogel Maïga, a répondu.",
        "Le chef de la diplomatie russe Sergueï Lavrov a confirmé.",
    )
    names = by_name(found)
    lavrov_roles = {(r.text, r.article) for r in names[name_key("Sergueï Lavrov")].roles}
    assert ("ministre russe des Affaires étrangères", "a0") in lavrov_roles
    assert ("chef de la diplomatie russe", "a1") in lavrov_roles
    assert [r.text for r in names[name_key("Chogel Maïga")].roles] == ["premier ministre malien"]


def test_roles_generic_words_and_demonyms_are_not_actors(nlp):
    found, _ = resolve(
        nlp,
        "Le ministre russe des Affaires étrangères a parlé avec son homologue Russe. "
        "L’État malien est menacé. Les djihadistes sont actifs dans le Nord du pays. "
        "Le chef de la Diplomatie russe a répondu.",
        [Block("heading", "Coopération militaire"), Block("paragraph", "Le Mali coopère avec la Russie.")],
    )
    names = by_name(found)
    for noise in ["Affaires étrangères", "ministre russe des Affaires étrangères", "Russe", "État malien",
                  "État", "Nord", "Diplomatie russe", "Coopération militaire"]:
        assert name_key(noise) not in names, noise
    assert names["mali"].type == "place" and names["russie"].type == "place"


def test_headings_name_only_known_actors(nlp):
    found, _ = resolve(nlp, [Block("heading", "Rencontre à Moscou avec Lavrov"),
                               Block("paragraph", "Sergueï Lavrov a reçu son homologue à Moscou.")])
    names = by_name(found)
    assert {m.block for m in names["moscou"].mentions} == {0, 1}
    assert any(m.block == 0 and m.text == "Lavrov" for m in names[name_key("Sergueï Lavrov")].mentions)


def test_registry_corrects_the_machine(nlp, tmp_path):
    registry = tmp_path / "actors.yml"
    registry.write_text(
        "actors:\n"
        "  - name: Groupe Wagner\n"
        "    aliases: [Wagner]\n"
        "    type: organization\n"
        "    description: Société militaire privée russe.\n"
        "  - name: Bamako\n"
        "    type: organization\n"
        "exclude: [Reuters]\n"
        "merge:\n  - [Assimi Goïta, le colonel Goïta]\n"
        "apart:\n  - [Sergueï Lavrov, Sergey Lavrov]\n",
        encoding="utf-8",
    )
    found, _ = resolve(
        nlp,
        "Selon Reuters, Wagner est à Bamako. Sergueï Lavrov l’a confirmé, Sergey Lavrov aussi.",
        registry=registry,
    )
    names = by_name(found)
    assert names["wagner"].name == "Groupe Wagner"
    assert names["wagner"].description == "Société militaire privée russe."
    assert names["bamako"].type == "organization"
    assert "reuters" not in names
    assert names[name_key("Sergueï Lavrov")] is not names[name_key("Sergey Lavrov")]


def test_registry_merge_joins_what_the_machine_left_apart(nlp, tmp_path):
    registry = tmp_path / "actors.yml"
    registry.write_text("merge:\n  - [Conseil de sécurité, Conseil de sécurité des Nations unies]\n",
                        encoding="utf-8")
    text = ("Le Conseil de sécurité des Nations unies s’est réuni à New York. "
            "Le Conseil de sécurité a voté un texte sur le Mali.")
    found, suspected = resolve(nlp, text)
    names = by_name(found)
    assert names["conseil de securite"] is not names["conseil de securite des nations unies"]
    assert suspected, "the machine should suspect the two councils"
    assert "merge:" in actors.report_actors(found, suspected)
    found, _ = resolve(nlp, text, registry=registry)
    names = by_name(found)
    assert names["conseil de securite"] is names["conseil de securite des nations unies"]


def test_given_name_rules_merge_spellings_and_keep_close_names_apart():
    rules = actors.load_rules().names
    assert isinstance(rules, NameRules)
    for a, b in [("Sergueï", "Sergey"), ("Chogel", "Choguel"), ("Mohamed", "Mohammed")]:
        assert rules.given_names_match([name_key(a)], [name_key(b)]), (a, b)
    for a, b in [("Jean", "Jeanne"), ("Ibrahim", "Ibrahima"), ("Abdoulaye", "Choguel")]:
        assert not rules.given_names_match([name_key(a)], [name_key(b)]), (a, b)
    assert rules.expands("ONU", "Nations unies") and rules.expands("UE", "Union européenne")
    assert not rules.expands("ONU", "Union européenne")


def test_seeds_give_the_expected_actors(nlp, root):
    dossier = build_dossier(Settings(root / "seeds", root / "editorial", None, use_registry=False))
    names = by_name(dossier.actors)
    lavrov = names[name_key("Sergueï Lavrov")]
    assert {name_key(a) for a in lavrov.aliases} >= {"sergei lavrov", "sergey lavrov", "serguei lavrov", "lavrov"}
    assert names[name_key("Chogel Maïga")] is names[name_key("Choguel Kokalla Maïga")]
    assert names["wagner"].type == "organization" and names["barkhane"].type == "event"
    assert "003_abd76278fb60b48c" in names["emmanuel macron"].articles   # named in its title only
    assert names["cedeao"] is names[name_key("Communauté économique des États de l’Afrique de l’Ouest")]
    for noise in ["Time will", "Etat", "Nord", "ça", "Diplomatie russe", "Affaires étrangères",
                  "Coopération militaire", "Russe"]:
        assert name_key(noise) not in names, noise
    assert len({a.id for a in dossier.actors}) == len(dossier.actors)
    assert all(m.sentence for a in dossier.actors for m in a.mentions)


# --- unseen articles: rules that must hold beyond the seeds -------------------------------

SAHEL = [
    "Le colonel Assimi Goïta, président de la transition malienne, a reçu mardi à Bamako le chef "
    "de la Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali "
    "(Minusma). Selon la présidence, le colonel Goïta a demandé que la Minusma renforce ses patrouilles.",
    "À Paris, le président Macron a confirmé la fin de l'opération Barkhane. « Nous ne resterons pas », "
    "a déclaré M. Macron. Le ministre des Affaires étrangères, Jean-Yves Le Drian, a dénoncé la présence "
    "du groupe Wagner. Le Drian a ajouté que la task force Takuba quitterait aussi le pays. "
    "Les Russes, eux, multiplient les contacts avec Bamako. L'État malien est affaibli. "
    "L'État islamique au Grand Sahara (EIGS) a revendiqué l'attaque de Ménaka.",
]


def test_unseen_sahel_articles(nlp):
    found, _ = resolve(
        nlp, " ".join(SAHEL),
        "Goïta a reçu jeudi un émissaire russe. Dans un entretien, Le Drian a jugé la situation "
        "« inacceptable ». Les Casques bleus de la Minusma ont été visés à Kidal. "
        "Les Maliens attendent un calendrier électoral, a rappelé Macron.",
    )
    names = by_name(found)
    goita = names[name_key("Assimi Goïta")]
    assert goita.type == "person" and names["goita"] is goita and goita.articles == ["a0", "a1"]
    minusma = names["minusma"]      # the model reads it as a place; its long name in brackets says
    assert minusma.type == "organization"
    assert name_key("Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali") in \
        {name_key(a) for a in minusma.aliases}
    assert minusma.articles == ["a0", "a1"]
    assert names["macron"].type == "person"
    assert names[name_key("Le Drian")] is names[name_key("Jean-Yves Le Drian")]
    assert names["eigs"].type == "organization"
    assert names["eigs"] is names[name_key("État islamique au Grand Sahara")]
    assert names[name_key("opération Barkhane")].type == "event" and names["wagner"].type == "organization"
    for noise in ["Russes", "Maliens", "État malien", "État"]:
        assert name_key(noise) not in names, noise


def test_a_capitalised_cue_word_belongs_to_the_name(nlp):
    found, _ = resolve(
        nlp,
        "La France a protesté. Radio France a diffusé l'entretien. La société Wagner dément.",
        "Wagner a recruté en Libye. Le Parquet national financier (PNF) enquête.",
    )
    names = by_name(found)
    assert names["radio france"] is not names["france"]
    assert names["france"].type == "place" and names["radio france"].type == "organization"
    assert names["wagner"].type == "organization" and names["wagner"].articles == ["a0", "a1"]
    assert names["pnf"] is names[name_key("Parquet national financier")]
    assert names["pnf"].type == "organization"


def test_acronyms_are_bodies_not_people_and_spell_out_in_full(nlp):
    found, _ = resolve(
        nlp,
        "Le député LREM Mustapha Laabid a voté. Les élus de LREM ont suivi. "
        "Le Conseil d’Etat a été saisi. L’OCDE publie son rapport. "
        "L’Organisation du traité de l’Atlantique nord (OTAN) se réunit. "
        "L’Organisation du traité de l’Atlantique nord a tenu une réunion.",
    )
    names = by_name(found)
    assert names["lrem"].type == "organization" and not names["lrem"].roles
    assert names[name_key("Mustapha Laabid")].type == "person"
    assert names["ocde"] is not names.get(name_key("Conseil d’Etat"))
    assert names["otan"] is names[name_key("Organisation du traité de l’Atlantique nord")]
    rules = actors.load_rules().names
    assert not rules.expands("OCDE", "Conseil d’Etat")          # an elided d' gives no letter
    assert not rules.expands("CD", "Choeur de")                  # a name cut short spells nothing
    assert rules.abbreviates("Minusma", "Mission multidimensionnelle intégrée des Nations unies "
                                        "pour la stabilisation au Mali")
    assert not rules.abbreviates("Minusma", "Bamako")


def test_common_words_demonyms_and_full_names(nlp):
    found, _ = resolve(
        nlp,
        "Souhaitons que la réforme aboutisse. La Ville a publié son règlement, la ville de Montréal "
        "l'applique. Les Lyonnais ont gagné à Lorient. Yoane Wissa a marqué. Wissa a doublé la mise "
        "sur une passe de Wissa.",
        "David France a réalisé le documentaire. Il vit à New York.",
        "La France a gagné. Le président de la France a parlé. La guerre en France inquiète.",
    )
    names = by_name(found)
    for noise in ["Souhaitons", "Ville", "Lyonnais"]:
        assert name_key(noise) not in names, noise
    assert names["wissa"] is names[name_key("Yoane Wissa")] and names["wissa"].type == "person"
    assert names["france"] is not names[name_key("David France")] and names["france"].type == "place"


def test_an_actor_named_only_in_the_lede_gets_a_profile(nlp):
    article = Article(
        "lede", "Bruxelles hausse le ton",
        [Block("paragraph", "La présidente de la Commission a annoncé des mesures jeudi.")],
        lede="Ursula von der Leyen a reçu à Bruxelles le président du Niger.",
    )
    found, _ = actors.resolve_actors([article], {"lede": analyse.analyse_article(nlp, article)}, None)
    leyen = next(a for a in found if "Leyen" in a.name)
    assert leyen.type == "person"
    assert [m.part for m in leyen.mentions] == ["lede"]


def test_actor_ids_are_unique_and_never_index():
    made = [Actor("index", "Index", "organization"), Actor("x", "X", "person"),
            Actor("x", "X bis", "person"), Actor("x-2", "X deux", "person")]
    actors.unique_ids(made)
    ids = [a.id for a in made]
    assert len(set(ids)) == 4 and "index" not in ids


def test_a_badly_written_registry_warns_and_the_build_goes_on(tmp_path, caplog):
    registry = tmp_path / "actors.yml"
    registry.write_text("actors:\n  - name: Groupe Wagner\n    type: company\n  - type: person\n"
                        "exclude: [Nord]\nmerge: oops\n", encoding="utf-8")
    loaded = actors.load_registry(registry)
    assert [e.names for e in loaded.entries] == [["Groupe Wagner"]] and loaded.entries[0].type is None
    assert loaded.exclude == {"nord"} and loaded.merge == []
    assert "type 'company' is not one of" in caplog.text and "actor 2 has no name" in caplog.text
    registry.write_text("actors: [oops", encoding="utf-8")
    assert actors.load_registry(registry).entries == [] and "not valid YAML" in caplog.text


def test_roles_are_one_entry_each_with_their_article(nlp):
    found, _ = resolve(
        nlp,
        "Abdoulaye Diop, ministre malien des Affaires étrangères, a parlé. "
        "Le premier ministre malien, Choguel Maïga, a répondu.",
        "Abdoulaye Diop, ministre malien des affaires étrangères, a confirmé. "
        "Le ministre Abdoulaye Diop a ajouté que le premier ministre Choguel Maïga était absent.",
    )
    names = by_name(found)
    diop = [(r.text, r.article) for r in names[name_key("Abdoulaye Diop")].roles]
    assert diop == [("ministre malien des Affaires étrangères", "a0")]
    assert [(r.text, r.article) for r in names[name_key("Choguel Maïga")].roles] == [("premier ministre malien", "a0")]


def test_unique_roles_keeps_the_best_capitalised_and_longest():
    def candidate(role, article, position):
        mention = Mention(article, 0, 0, 4, "Diop", "")
        return actors.Candidate(mention, "person", None, False, role, position)
    roles = actors.unique_roles([
        candidate("ministre", "a2", 0),
        candidate("ministre malien des affaires étrangères", "a1", 3),
        candidate("chef de la diplomatie malienne", "a1", 5),
        candidate("ministre malien des Affaires étrangères", "a3", 1),
        candidate("chef de la diplomatie malienne", "a4", 0),
    ])
    assert [(r.text, r.article) for r in roles] == [
        ("ministre malien des Affaires étrangères", "a3"), ("chef de la diplomatie malienne", "a1")]


def test_a_capitalised_title_is_a_role_not_a_name(nlp):
    found, _ = resolve(
        nlp,
        "La ministre française des Affaires étrangères, Catherine Colonna, a rencontré jeudi à "
        "Niamey le Premier ministre nigérien, Ouhoumoudou Mahamadou, pour évoquer la présence "
        "militaire française.",
    )
    names = by_name(found)
    assert not any("ministre" in key or key.startswith("niamey ") for key in names)
    assert [r.text for r in names[name_key("Ouhoumoudou Mahamadou")].roles] == ["Premier ministre nigérien"]


def test_names_glued_together_are_cut(nlp):
    found, _ = resolve(
        nlp,
        "Le surnom peu flatteur que donnait Jacques Chirac àJean-Paul Delevoye est resté. "
        "Jean-Paul Delevoye en rit encore.",
    )
    names = by_name(found)
    assert not any("ajean" in key for key in names)
    assert name_key("Jean-Paul Delevoye") in names
    assert any(m.text == "Jean-Paul Delevoye" for m in names[name_key("Jean-Paul Delevoye")].mentions
               if m.start < 60)


def test_dictionary_words_opening_sentences_are_not_actors(nlp):
    found, _ = resolve(
        nlp,
        "Le gel est-il utile ? Intrigués par ce cas, les chercheurs ont enquêté. Pourquoi ce choix ? "
        "Mystère, par définition. Distinguons les points de vue. Le Conseil constitutionnel a "
        "tranché : Laurent Fabius a annoncé que les Sages avaient censuré la loi.",
    )
    names = by_name(found)
    for noise in ["Intrigués", "Mystère", "Distinguons", "Sages"]:
        assert name_key(noise) not in names, noise
    assert names[name_key("Laurent Fabius")].type == "person"


def test_a_role_in_apposition_makes_a_long_name_a_person(nlp):
    found, _ = resolve(
        nlp,
        "Le chef de la Minusma, El-Ghassim Wane, a pris acte de la décision.",
        "Selon le premier ministre malien, Moscou confirme la livraison des hélicoptères.",
        "Le commissaire de la Cedeao chargé des Affaires politiques, Abdel-Fatau Musah, a répondu.",
    )
    names = by_name(found)
    wane = names[name_key("El-Ghassim Wane")]
    assert wane.type == "person" and [r.text for r in wane.roles] == ["chef de la Minusma"]
    assert names[name_key("Moscou")].type == "place"      # one word after a comma: the model's place
    assert [r.text for r in names[name_key("Abdel-Fatau Musah")].roles] == [
        "commissaire de la Cedeao chargé des Affaires politiques"]


def test_roles_of_heads_of_state_and_spokespeople_are_read(nlp):
    found, _ = resolve(
        nlp,
        "Le chef de l'Etat, Emmanuel Macron, a parlé à Paris.",
        "« Nous partirons », a affirmé le président de la République Emmanuel Macron.",
        "Le porte-parole du gouvernement, Ousmane Gaoual Diallo, a répondu. "
        "Le colonel Abdoulaye Maïga, porte-parole de la transition, a dénoncé l'accord. "
        "La Première ministre Élisabeth Borne a parlé. "
        "Emmanuel Macron, le président Joe Biden et Olaf Scholz sont arrivés.",
    )
    names = by_name(found)
    macron = {r.text for r in names[name_key("Emmanuel Macron")].roles}
    assert macron == {"chef de l'Etat", "président de la République"}
    assert [r.text for r in names[name_key("Ousmane Gaoual Diallo")].roles] == ["porte-parole du gouvernement"]
    assert [r.text for r in names[name_key("Abdoulaye Maïga")].roles] == ["colonel", "porte-parole de la transition"]
    assert [r.text for r in names[name_key("Élisabeth Borne")].roles] == ["Première ministre"]
    assert [r.text for r in names[name_key("Joe Biden")].roles] == ["président"]


def test_the_name_finder_finds_what_one_pattern_of_all_the_names_would():
    names = ["Mali", "Malik", "Le Drian", "Jean-Yves Le Drian", "Drian", "ONU", "Élysée", "A"]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    finder = actors.NameFinder(names)
    for text in ["Malik et Mali", "Jean-Yves Le Drian, puis Le Drian et Drian", "les Maliens", "l'ONU, ONUSIDA",
                 "au Mali", "Mal", "XMali Mali_ Mali.", "l'Élysée", "A A", "", "Le Drian Le Drian"]:
        assert list(finder.find(text)) == [m.span() for m in pattern.finditer(text)], text


def test_an_acronym_is_only_tried_against_names_whose_initials_it_holds():
    assert actors.held_initials("onu") == {"on", "ou", "nu", "onu"}
    rules = actors.load_rules().names
    assert rules.initials("Communauté économique des États de l'Afrique de l'Ouest") == "ceeao"
    assert "ceeao" in actors.held_initials("cedeao")


def test_the_dictionary_is_read_from_the_model_as_spacy_reads_it(nlp):
    lexicon = french_lexicon()
    assert lexicon.lemmas("distinguons") == {"distinguons", "distinguer"} and "distinguer" in lexicon.verbs
    assert lexicon.lemmas("sages") == {"sages", "sage"} and "sage" in lexicon.words
    # "possessive" is also one of spaCy's symbols, stored under the symbol's number
    assert lexicon.lemmas("possessive") == {"possessive", "possessif"}


def test_the_analysis_keeps_the_dictionarys_answers_so_that_actors_need_not_open_it(nlp, tmp_path, monkeypatch):
    text = "Distinguons les Sages du Mali. Le Sénat se réunit à Bamako."
    made = analyse.analyse_articles([Article("a1", "Titre", [Block("paragraph", text)])], tmp_path)["a1"]
    capitalised = ["distinguons", "sages", "mali", "le", "sénat", "bamako"]
    assert made.dictionary == {word: french_lexicon().code(word) for word in capitalised}
    assert made.dictionary["distinguons"] == CONJUGATED | COMMON and made.dictionary["bamako"] == 0
    article = Article("a1", "Titre", [Block("paragraph", text)])
    kept = analyse.analyse_articles([article], tmp_path)["a1"]
    assert kept.cached and kept.dictionary == made.dictionary
    monkeypatch.setattr("dossier.lexicon.french_lexicon", lambda *_: pytest.fail("the dictionary was opened"))
    found, _ = actors.resolve_actors([article], {"a1": kept}, None)
    names = {actor.name for actor in found}
    assert "Bamako" in names and not names & {"Sages", "Distinguons"}
