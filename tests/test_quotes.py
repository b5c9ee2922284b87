"""Quotes: finding quoted statements in French typography and attributing them to actors."""
from __future__ import annotations


import pytest

from dossier.analyse import analyse_article
from dossier.evaluate import quote_figures, ActorMatcher
from dossier.export import to_json_data
from dossier.models import Actor, Article, Block, Mention, Role
from dossier.quotes import find_quotes
from quoting import mention_names, only

PEOPLE = {
    "sergueï-lavrov": (["Sergueï Lavrov", "Lavrov"], ["ministre russe des Affaires étrangères"]),
    "abdoulaye-diop": (["Abdoulaye Diop", "Diop"], ["ministre malien des Affaires étrangères"]),
    "florence-parly": (["Florence Parly", "Parly"], ["ministre française des Armées"]),
}


def cast(article: Article) -> list[Actor]:
    """The people of PEOPLE, with a mention wherever one of their names is in the text:
    attribution is tested apart from actor resolution."""
    return [mention_names(Actor(aid, names[0], "person", names[1:], [Role(r, article.id) for r in roles]),
                          article, names)
            for aid, (names, roles) in PEOPLE.items()]


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def read(*paragraphs: str, kinds: list[str] | None = None):
        kinds = kinds or ["paragraph"] * len(paragraphs)
        article = Article("a", "Titre", [Block(k, p) for k, p in zip(kinds, paragraphs)])
        return find_quotes([article], {"a": analyse_article(nlp, article)}, cast(article))
    return read


def test_speech_verb_after_the_quote(quotes_of):
    quote = only(quotes_of("« Nous soutenons le Mali dans sa lutte », a déclaré Sergueï Lavrov à Moscou."))
    assert quote.text == "Nous soutenons le Mali dans sa lutte"
    assert quote.speaker == "sergueï-lavrov"


def test_offsets_and_context(quotes_of):
    text = "Il faisait froid. « Nous soutenons le Mali dans sa lutte », a déclaré Sergueï Lavrov."
    quote = only(quotes_of(text))
    assert text[quote.start:quote.end] == quote.text
    assert quote.context.startswith("« Nous soutenons") and "Lavrov" in quote.context


def test_speech_verb_before_the_quote(quotes_of):
    quote = only(quotes_of("Abdoulaye Diop a affirmé : “Le Mali ne cédera pas aux pressions de Paris.”"))
    assert quote.speaker == "abdoulaye-diop"


def test_present_tense_verb_with_inverted_subject(quotes_of):
    quote = only(quotes_of('"Le Mali ne cédera pas aux pressions", affirme Abdoulaye Diop.'))
    assert quote.speaker == "abdoulaye-diop"


def test_inverted_pronoun_refers_to_the_person_in_focus(quotes_of):
    quote = only(quotes_of("Abdoulaye Diop a rencontré la presse à Moscou.",
                           "« Nous avons besoin de l'aide de nos amis », a-t-il ajouté."))
    assert quote.speaker == "abdoulaye-diop"


def test_selon(quotes_of):
    quote = only(quotes_of("« La coopération va se renforcer dans tous les domaines », selon Sergueï Lavrov."))
    assert quote.speaker == "sergueï-lavrov"


def test_et_d_ajouter_continues_the_last_speaker(quotes_of):
    quotes = quotes_of("« Nous soutenons le Mali dans sa lutte », a déclaré Sergueï Lavrov.",
                       "Et d'ajouter : « Nous ferons tout ce qui est nécessaire pour le pays ».")
    assert [q.speaker for q in quotes] == ["sergueï-lavrov", "sergueï-lavrov"]


def test_relative_pronoun_takes_its_antecedent(quotes_of):
    quote = only(quotes_of("Une information confirmée par Abdoulaye Diop lui-même qui, face à la presse, "
                           "dira ceci : « je suis venu rendre visite à mon ami à Moscou »."))
    assert quote.speaker == "abdoulaye-diop"


def test_nominal_reference_resolved_through_roles(quotes_of):
    quotes = quotes_of(
        "Sergueï Lavrov et Abdoulaye Diop se sont rencontrés à Moscou.",
        "Le chef de la diplomatie russe poursuit : « Nous fournissons au pays les armes nécessaires ».",
        "Le ministre malien des Affaires étrangères a répondu : « Nous ne sous-traiterons pas notre sécurité ».")
    assert [q.speaker for q in quotes] == ["sergueï-lavrov", "abdoulaye-diop"]


def test_partial_quote_in_indirect_speech(quotes_of):
    quote = only(quotes_of("Florence Parly était à Bamako lundi.",
                           "Elle a ajouté que la France « ne cohabitera pas avec des mercenaires »."))
    assert quote.text == "ne cohabitera pas avec des mercenaires"
    assert quote.speaker == "florence-parly"


def test_coordinated_speech_verb_takes_the_first_subject(quotes_of):
    quote = only(quotes_of("Diop a déclaré jeudi qu'il n'y avait pas de contrat, mais a souligné que "
                           "“le Mali ne permettra à aucun État de lui dicter ses choix”."))
    assert quote.speaker == "abdoulaye-diop"


def test_quote_split_around_its_attribution(quotes_of):
    quotes = quotes_of("« Nous sommes prêts à coopérer », a déclaré Sergueï Lavrov, "
                       "« et à aider le Mali dans tous les domaines ».")
    assert [q.text for q in quotes] == ["Nous sommes prêts à coopérer",
                                        "et à aider le Mali dans tous les domaines"]
    assert {q.speaker for q in quotes} == {"sergueï-lavrov"}


def test_nested_quotes_stay_in_their_statement(quotes_of):
    quote = only(quotes_of("« Il m'a dit “ça suffit maintenant” et je suis parti », a raconté Abdoulaye Diop."))
    assert quote.text == "Il m'a dit “ça suffit maintenant” et je suis parti"
    assert quote.speaker == "abdoulaye-diop"


def test_closing_mark_without_its_opening_one(quotes_of):
    quote = only(quotes_of("Il a parlé des mercenaires. cette question relève exclusivement "
                           "du gouvernement malien”, a déclaré Lavrov."))
    assert quote.text == "cette question relève exclusivement du gouvernement malien"
    assert quote.speaker == "sergueï-lavrov"


def test_opening_mark_never_closed_ends_at_the_incise(quotes_of):
    quotes = quotes_of("“Nous sommes dans une situation difficile”, a déclaré Abdoulaye Diop. "
                       "« L'existence même de l'État malien est menacée. a-t-il ajouté.")
    assert quotes[1].text == "L'existence même de l'État malien est menacée"
    assert [q.speaker for q in quotes] == ["abdoulaye-diop", "abdoulaye-diop"]


def test_quote_without_attribution_continues_the_speaker(quotes_of):
    quotes = quotes_of("« On ne peut pas nous interdire d'acheter du matériel », a martelé Abdoulaye Diop. "
                       "Face à la presse, il tacle la France. “Le terrorisme s'est étendu partout au Sahel”.")
    assert [q.speaker for q in quotes] == ["abdoulaye-diop", "abdoulaye-diop"]


def test_quote_block_with_a_caption(quotes_of):
    quote = only(quotes_of("La conférence de presse s'est tenue à Moscou.",
                           '"Nous souhaitons pouvoir compter sur la Russie, un partenaire réaliste"',
                           "Abdoulaye Diop, ministre malien, à Moscou",
                           kinds=["paragraph", "quote", "caption"]))
    assert quote.speaker == "abdoulaye-diop"


def test_scare_quotes_and_borrowed_phrases_are_not_statements(quotes_of):
    assert quotes_of("Paris refuse de voir des « mercenaires » russes au Mali.",
                     'Le déploiement d\'"instructeurs" a commencé, dans le cadre du "grand retour en Afrique".') == []


def test_unknown_speaker_is_none(quotes_of):
    quote = only(quotes_of("« Nous ne partirons pas du pays avant la fin de la mission », a déclaré un officier."))
    assert quote.speaker is None


def test_seeds_quotes_found_and_attributed(seeds_dossier, gold):
    data = to_json_data(seeds_dossier)
    recall, speakers, wrong, _ = quote_figures(data["quotes"], data["actors"], gold["articles"],
                                               ActorMatcher(gold["actors"]))
    assert recall.ratio == 1.0, recall.misses
    assert speakers.ratio == 1.0, speakers.misses
    assert wrong.hits == 0, wrong.misses


def test_pour_x_opening_the_sentence(quotes_of):
    quote = only(quotes_of("Pour Florence Parly, « la France ne restera pas au Mali à n'importe quel prix »."))
    assert quote.speaker == "florence-parly"


@pytest.mark.parametrize("verb", ["estime", "juge", "note", "tacle", "martèle", "rappelle"])
def test_speech_verbs_the_model_reads_as_nouns(quotes_of, verb):
    quote = only(quotes_of(f"« Nous partirons du Mali quand la mission sera finie », {verb} Florence Parly."))
    assert quote.speaker == "florence-parly"


def test_single_quotes_and_apostrophes(quotes_of):
    quote = only(quotes_of("‘Les populations attendent un retour rapide à l’ordre constitutionnel’, "
                           "a déclaré Florence Parly."))
    assert quote.text == "Les populations attendent un retour rapide à l’ordre constitutionnel"
    assert quote.speaker == "florence-parly"


def test_incise_inside_one_pair_of_marks_is_left_out_of_one_statement(quotes_of):
    quote = only(quotes_of("« Ce n'est pas un échec, a poursuivi Sergueï Lavrov, c'est une transformation "
                           "profonde de notre présence. »"))
    assert quote.text == "Ce n'est pas un échec […] c'est une transformation profonde de notre présence."
    assert quote.speaker == "sergueï-lavrov"


def test_short_first_part_before_an_inverted_incise(quotes_of):
    quotes = quotes_of("Abdoulaye Diop a pris la parole à Moscou.",
                       "« Toute agression contre le Mali, a-t-il ajouté, recevra une riposte immédiate. »")
    assert [q.text for q in quotes] == ["Toute agression contre le Mali […] recevra une riposte immédiate."]
    assert quotes[0].speaker == "abdoulaye-diop"


def test_feminine_pronoun_and_role_take_the_woman_in_focus(quotes_of):
    quotes = quotes_of("La ministre française des Armées, Florence Parly, a reçu Sergueï Lavrov, "
                       "ministre russe des Affaires étrangères.",
                       "« Nous restons engagés aux côtés de nos partenaires », a affirmé Sergueï Lavrov.",
                       "« La France ne partira pas sans concertation », a dit la ministre.",
                       "Elle a ajouté : « Nous tiendrons nos engagements envers le Mali. »")
    assert [q.speaker for q in quotes] == ["sergueï-lavrov", "florence-parly", "florence-parly"]


def test_indefinite_source_is_nobody_not_the_person_in_focus(quotes_of):
    quotes = quotes_of("« Nous soutenons le Mali dans sa lutte », a déclaré Sergueï Lavrov.",
                       "Selon un diplomate européen, « les deux capitales ont intérêt à trouver un compromis ».")
    assert [q.speaker for q in quotes] == ["sergueï-lavrov", None]


def test_interview_answers_after_dialogue_dashes(quotes_of):
    quotes = quotes_of("Abdoulaye Diop a répondu à nos questions à Moscou.",
                       "— Le Mali a-t-il raison de se tourner vers la Russie ?",
                       "— Chaque pays est libre de choisir ses partenaires, et nous l'assumons.",
                       "— Que pensez-vous de la réaction française ?",
                       "— Elle est disproportionnée et ne tient pas compte de nos besoins.")
    assert [q.text[:12] for q in quotes] == ["Chaque pays ", "Elle est dis"]
    assert {q.speaker for q in quotes} == {"abdoulaye-diop"}


def test_bullet_lists_are_not_dialogue(quotes_of):
    assert quotes_of("- appel à la grève le 24 septembre par plusieurs organisations syndicales.",
                     "- soutien des organisations syndicales à toutes les formes de résistance.") == []


def test_cast_indexes_follow_the_places_and_roles():
    """`last_seen` and `by_role` read indexes built on first use: a place added afterwards, or
    `places`/`roles` replaced, is seen; the result is the scan's over every place and role."""
    from dossier.cast import Cast, Place

    def person(aid, role, *at):
        return Actor(aid, aid.title(), "person", [], [Role(role, "a")],
                     mentions=[Mention(art, b, s, s + 3, aid, "") for art, b, s in at])
    cast = Cast([person("diop", "ministre malien des Affaires étrangères", ("a", 0, 5), ("a", 2, 9), ("b", 1, 0)),
                 person("traore", "chef de la junte", ("a", 1, 4))])
    assert cast.last_seen("diop", "a", (2, 9)) == (0, 5)
    assert cast.last_seen("diop", "a", (2, 10)) == (2, 9)
    assert cast.last_seen("diop", "a", (0, 5)) == (-1, -1)
    assert cast.last_seen("diop", "c", (9, 0)) == (-1, -1)
    assert cast.by_role("le ministre", "a", (9, 0)) == "diop"
    assert cast.by_role("le chef", "a", (9, 0)) == "traore"
    assert cast.by_role("le président", "a", (9, 0)) is None
    cast.add_place("a", 1, Place("diop", 7, 10))
    assert cast.last_seen("diop", "a", (2, 0)) == (1, 7)
    cast.places = {("c", 3): [Place("diop", 2, 5)]}
    assert cast.last_seen("diop", "a", (9, 0)) == (-1, -1)
    assert cast.last_seen("diop", "c", (9, 0)) == (3, 2)
    cast.roles = [("traore", {"minist"})]
    assert cast.by_role("le ministre", "a", (9, 0)) == "traore"
    cast.roles.append(("diop", {"chef"}))
    cast.changed()
    assert cast.by_role("le chef", "c", (9, 0)) == "diop"


def test_by_role_index_gives_the_scan_over_every_role():
    """`by_role` looks only at the persons the article names, and remembers the best of the
    others per reference: its answer is the scan's over every known role, whatever the
    article, position and gender."""
    from itertools import product

    from dossier.cast import Cast, role_words

    def scan(cast, phrase, article, before, gender=None):
        ordered = role_words(phrase)
        scored = []
        for actor, role in cast.roles if ordered else ():
            if ordered[0] not in role or (gender and cast.gender(actor) not in (None, gender)):
                continue
            shared, seen = len(set(ordered) & role), cast.last_seen(actor, article, before)
            scored.append((seen != (-1, -1), shared / len(set(ordered)),
                           gender is not None and cast.gender(actor) == gender, shared / len(role), seen, actor))
        return max(scored)[-1] if scored else None

    def person(aid, roles, *at):
        return Actor(aid, aid.title(), "person", [], [Role(r, "a") for r in roles],
                     mentions=[Mention(art, b, s, s + 3, aid, "") for art, b, s in at])
    cast = Cast([person("diop", ["ministre malien des Affaires étrangères"], ("a", 0, 5), ("b", 2, 0)),
                 person("parly", ["ministre française des Armées"], ("a", 1, 0), ("c", 0, 9)),
                 person("lavrov", ["ministre russe des Affaires étrangères", "chef de la diplomatie russe"],
                        ("b", 0, 4), ("c", 1, 2)),
                 person("maiga", ["Premier ministre malien"], ("c", 2, 0)),
                 person("traore", ["chef de la junte"], ("a", 2, 1))])
    cast.genders = {"diop": "Masc", "parly": "Fem", "lavrov": "Masc"}
    phrases = ["le ministre", "la ministre des Armées", "le ministre des Affaires étrangères",
               "le chef de la diplomatie", "le Premier ministre", "le chef", "le président"]
    for phrase, article, before, gender in product(phrases, "abcd", [(0, 0), (1, 5), (9, 0)], [None, "Fem", "Masc"]):
        assert cast.by_role(phrase, article, before, gender) == scan(cast, phrase, article, before, gender), \
            (phrase, article, before, gender)
    cast.genders = {"parly": "Masc"}   # replaced: the index follows
    assert cast.by_role("le ministre", "d", (0, 0), "Fem") == scan(cast, "le ministre", "d", (0, 0), "Fem")


def test_names_the_model_missed_are_mentions_too():
    """A person's name written out where the model saw no mention is one ("…, a affirmé
    Mahamadou"); a name inside a known mention is not counted twice."""
    from dossier.cast import Cast

    article = Article("a", "Titre", [Block("paragraph", "Ouhoumoudou Mahamadou est à Niamey."),
                                     Block("paragraph", "« Nous partirons », a affirmé Mahamadou."),
                                     Block("paragraph", "Rien ici.")])
    actor = Actor("mahamadou", "Ouhoumoudou Mahamadou", "person", [], [],
                  mentions=[Mention("a", 0, 0, 21, "Ouhoumoudou Mahamadou", "")])
    cast = Cast([actor], [article])
    assert [(p.start, p.end) for p in cast.places[("a", 0)]] == [(0, 21)]
    assert [(p.actor, p.start, p.end) for p in cast.places[("a", 1)]] == [("mahamadou", 30, 39)]
    assert cast.places[("a", 2)] == []
