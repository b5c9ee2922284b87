"""Speakers a careful editor names from clear evidence where the parser alone does not: a noun
that only refers back ("l'officier", "l'édile") to the subject just named, a name the parser did
not make the subject ("le Colonel-général X a salué"), a name in apposition hung on a complement
("La présidente de la Corref, sœur X,"). And what still stays unnamed: the "il" after a sentence
whose subject the parser lost."""
from __future__ import annotations

import pytest

from dossier.analyse import analyse_article
from dossier.models import Actor, Article, Block, Role
from dossier.quotes import find_quotes
from quoting import mention_names, only

# id → (names longest first, roles in this article)
PEOPLE = {
    "tiani": (["Abdourahamane Tiani", "Tiani"], ["général"]),
    "soulie": (["Bernard Soulié"], ["maire de Lavaur"]),
    "evkourov": (["Iounous-Bek Evkourov", "Evkourov"], []),
    "margron": (["Véronique Margron"], []),
    "delevoye": (["Jean-Paul Delevoye", "Delevoye"], []),
    "chirac": (["Jacques Chirac", "Chirac"], []),
    "laborde": (["Jean-Pierre Laborde"], []),
    "zineb": (["Zineb"], []),
    "bouchez": (["Georges-Louis Bouchez"], []),
    "magnette": (["Paul Magnette"], []),
    "courson": (["Charles de Courson"], []),
}


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def read(*paragraphs: str):
        article = Article("a", "Titre", [Block("paragraph", p) for p in paragraphs])
        actors = [mention_names(Actor(aid, names[0], "person", names[1:], [Role(r, "a") for r in roles]),
                                article, names) for aid, (names, roles) in PEOPLE.items()]
        return find_quotes([article], {"a": analyse_article(nlp, article)}, actors)
    return read


def test_a_noun_that_refers_back_is_the_subject_just_named(quotes_of):
    quote = only(quotes_of("Le général Tiani accuse l’ancienne puissance coloniale d’ingérence. « La France n’a pas "
                           "d’autre choix que de respecter la souveraineté du peuple », a martelé l’officier."))
    assert quote.speaker == "tiani"


def test_a_pronoun_subject_keeps_the_chain_to_the_person_named(quotes_of):
    quote = only(quotes_of("Le maire de Lavaur, Bernard Soulié, ne s’est pas présenté à l’audience. Joint par téléphone, "
                           "il s’est refusé à tout commentaire. « La commune s’est constituée partie civile, c’est tout "
                           "ce que je peux dire », a seulement indiqué l’édile."))
    assert quote.speaker == "soulie"


def test_such_a_noun_with_a_complement_brings_in_someone_new(quotes_of):
    quote = only(quotes_of("Le général Tiani accuse l’ancienne puissance coloniale d’ingérence. « La France n’a pas "
                           "d’autre choix que de partir », a martelé l’officier de l’armée de l’air."))
    assert (quote.speaker, quote.source_text) == (None, "l’officier de l’armée de l’air")


def test_a_name_right_before_the_auxiliary_is_the_subject(quotes_of):
    quotes = (quotes_of("Au sortir de l’audience avec le Chef de l’Etat, le Colonel-général Evkourov a salué "
                           "« la volonté des autorités burkinabè de diversifier leurs partenariats ». "
                           "« La Russie est prête à accompagner le Burkina Faso », a-t-il indiqué."))
    assert [q.speaker for q in quotes] == ["evkourov", "evkourov"]   # and he is the "il" that follows


def test_a_name_in_apposition_to_the_complement_is_the_role_holder(quotes_of):
    quotes = quotes_of("La présidente de la Corref, sœur Véronique Margron, a reconnu une « responsabilité "
                       "institutionnelle ». « Nous n’avons pas voulu voir, nous n’avons pas voulu entendre », "
                       "a-t-elle admis devant la presse.")
    assert [q.speaker for q in quotes] == ["margron"]


def test_after_a_sentence_whose_subject_was_lost_il_is_nobody_we_know(quotes_of):
    # '",un chiraquien' glued into one word: the parser finds no subject for "s'est souvenu", and the
    # person in focus (Delevoye) is not the one who speaks
    quotes = quotes_of("Venu du RPR, fondé par Jacques Chirac, il avait déjà montré son \"rapport de force\" par le "
                       "passé. Alors que d'anciens amis n'en gardent \"pas tous un souvenir impérissable\",un "
                       "chiraquien s'est souvenu du surnom peu flatteur que donnait Jacques Chirac àJean-Paul Delevoye.",
                       "\"Chirac le surnommait le Grand Con, parce qu'il est grand et qu'il est con\", a-t-il lâché.")
    assert (quotes[-1].speaker, quotes[-1].source_text, quotes[-1].evidence) == (None, None, "verb/pronoun")


def test_pour_lui_before_the_colon_gives_whose_view_the_quote_is(quotes_of):
    quotes = quotes_of("« Je suis très inquiet pour mon avenir », glisse Evkourov devant la bibliothèque.",
                       "Des tensions avec la présidence",
                       "Pourtant, l’enseignement est pour lui une vocation : « J’ai choisi ce métier parce que je "
                       "trouve que plus on partage, plus on est grand. »")
    assert [q.speaker for q in quotes] == ["evkourov", "evkourov"]


def test_a_sentence_without_verb_presents_the_subject_of_what_follows(quotes_of):
    # no role for Laborde: the article presents him without a verb, a passive subject and an
    # impersonal "il" follow, and "le prévenu" refers back to him
    quotes = quotes_of("Sur le banc des prévenus, Jean-Pierre Laborde, 64 ans, costume sombre et voix posée.",
                       "L’ancien élu est poursuivi pour prise illégale d’intérêts. Il lui est reproché d’avoir "
                       "fait attribuer deux marchés à son beau-frère.",
                       "« Je n’ai jamais caché mes liens familiaux », s’est défendu le prévenu.")
    assert [q.speaker for q in quotes] == ["laborde"]


def test_a_sentence_with_a_verb_presents_no_one(quotes_of):
    # the same article where Laborde is only a complement: "le prévenu" stays unnamed
    quotes = quotes_of("La presse a longuement décrit Jean-Pierre Laborde avant l’audience.",
                       "L’ancien élu est poursuivi pour prise illégale d’intérêts.",
                       "« Je n’ai jamais caché mes liens familiaux », s’est défendu le prévenu.")
    assert [(q.speaker, q.source_text) for q in quotes] == [(None, "le prévenu")]


def test_la_jeune_femme_alone_refers_back_to_the_speaker_just_named(quotes_of):
    quotes = quotes_of("« Il faut penser ensemble les moyens de cette mobilisation », glisse Zineb, étudiante en "
                       "lettres. Posée à la cafétéria, la jeune femme s’inquiète toutefois : « La priorité, ça reste "
                       "de recevoir une formation universitaire solide. »")
    assert [q.speaker for q in quotes] == ["zineb", "zineb"]


def test_la_jeune_femme_with_a_complement_is_someone_new(quotes_of):
    quotes = quotes_of("« Il faut penser ensemble les moyens de cette mobilisation », glisse Zineb, étudiante en "
                       "lettres. « La priorité, ça reste de recevoir une formation solide », ajoute la jeune femme "
                       "du premier rang.")
    assert [(q.speaker, q.source_text) for q in quotes] == [("zineb", None), (None, "la jeune femme du premier rang")]


def test_a_role_does_not_refer_back_to_the_subject_of_a_relative_clause(quotes_of):
    # Magnette is only the subject of "qui subit": "le président des libéraux" is not him
    quotes = quotes_of("Le parti de Georges-Louis Bouchez devient la première formation du sud du pays, devant le PS "
                       "de Paul Magnette, qui subit un revers historique. « Les Wallons ont choisi le changement, ils "
                       "ont choisi la droite », a lancé le président des libéraux francophones devant ses militants.")
    assert [(q.speaker, q.source_text) for q in quotes] == [(None, "le président des libéraux francophones")]



def test_a_role_in_the_same_sentence_as_the_subject_is_someone_else(quotes_of):
    quotes = quotes_of("Le 31 août, Bernard Soulié a obtenu un non-lieu, au motif que « le défaut de consentement "
                       "ne suffit pas à caractériser les faits », a expliqué le juge.")
    assert [(q.speaker, q.source_text) for q in quotes] == [(None, "le juge")]


def test_a_role_the_text_gave_someone_unnamed_is_not_the_last_named_subject(quotes_of):
    quotes = quotes_of("Le ministre de l’Économie a présenté son budget. Bernard Soulié l’a soutenu. « C’est un "
                       "budget de responsabilité pour le pays », a insisté le ministre.")
    assert [(q.speaker, q.source_text) for q in quotes] == [(None, "le ministre")]


def test_a_role_refers_back_to_who_leads_the_group_the_sentence_before_is_about(quotes_of):
    quotes = quotes_of("Le groupe Liot, emmené par Charles de Courson, prépare une motion transpartisane. « Nous "
                       "allons voir si les députés LR ont le courage de leurs convictions », a prévenu le député de "
                       "la Marne.")
    assert [q.speaker for q in quotes] == ["courson"]


@pytest.mark.parametrize("sentence", [
    # the agent of a person, or of the main verb, is not who the sentence is about
    "Le ministre, accompagné par Charles de Courson, a visité l’usine.",
    "Les syndicats ont été reçus par Charles de Courson à Matignon.",
])
def test_a_role_does_not_refer_back_to_any_agent(quotes_of, sentence):
    quotes = quotes_of(sentence + " « Nous ne signerons rien en l’état », a déclaré le secrétaire général.")
    assert [(q.speaker, q.source_text) for q in quotes] == [(None, "le secrétaire général")]
