"""Quotes whose source the text does not name, or names only by a role: attribution that knows
when it does not know. A speaker is a person or an organisation the text names (or binds a role
to); otherwise the quote keeps the article's words for its source, and no guess replaces them."""
from __future__ import annotations


import pytest

from dossier.analyse import analyse_article
from dossier.cast import Cast
from dossier.export import to_json_data
from dossier.models import Actor, Article, Block, Dossier, Mention, Quote, Role, Topic
from dossier.quotes import find_quotes
from quoting import mention_names, only

# id → (type, names longest first, roles as (text, article))
ACTORS = {
    "sergueï-lavrov": ("person", ["Sergueï Lavrov", "Lavrov"], [("ministre russe des Affaires étrangères", "b")]),
    "abdoulaye-diop": ("person", ["Abdoulaye Diop", "Diop"], []),
    "amadou-abdramane": ("person", ["Amadou Abdramane"], []),
    "niger": ("place", ["Niger"], []),
    "les-echos": ("organization", ["Les Échos"], []),
    "mediapart": ("organization", ["Mediapart"], []),
    "le-monde": ("organization", ["Le Monde"], []),
    "assemblee": ("organization", ["Assemblée nationale"], []),
    # the role actor resolution reads in this article's apposition ("Le chef de la Minusma, X,")
    "el-ghassim-wane": ("person", ["El-Ghassim Wane"], [("chef de la Minusma", "a")]),
}


def actors_of(article: Article) -> list[Actor]:
    """ACTORS, mentioned wherever one of their names is written: attribution apart from actor
    resolution. Roles are bound to the article they are given in ("b" is another article)."""
    return [mention_names(Actor(aid, names[0], kind, names[1:], [Role(text, art) for text, art in roles]),
                          article, names)
            for aid, (kind, names, roles) in ACTORS.items()]


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def read(*paragraphs: str, kinds: list[str] | None = None):
        kinds = kinds or ["paragraph"] * len(paragraphs)
        article = Article("a", "Titre", [Block(k, p) for k, p in zip(kinds, paragraphs)])
        return find_quotes([article], {"a": analyse_article(nlp, article)}, actors_of(article))
    return read


def test_a_place_is_never_the_speaker(quotes_of):
    quote = only(quotes_of("« Nous ne céderons à aucune menace d'où qu'elle vienne », a prévenu le Niger."))
    assert (quote.speaker, quote.source_text) == (None, "le Niger")


def test_the_name_after_the_verb_is_the_speaker_not_the_place_before(quotes_of):
    quote = only(quotes_of("Au Niger, la junte a réuni la presse. « Nous ne céderons à aucune menace », "
                           "a déclaré le colonel-major Amadou Abdramane, porte-parole du CNSP."))
    assert quote.speaker == "amadou-abdramane"


def test_an_anonymous_source_keeps_its_words_rather_than_the_person_in_focus(quotes_of):
    quote = only(quotes_of("Sergueï Lavrov a quitté Niamey lundi. « Ils ne veulent parler à personne, la porte "
                           "est fermée », a résumé auprès de l'AFP une source diplomatique ouest-africaine."))
    assert (quote.speaker, quote.source_text) == (None, "une source diplomatique ouest-africaine")


def test_a_pronoun_after_an_unnamed_person_refers_to_them(quotes_of):
    quotes = quotes_of("« Nous soutenons le Mali », a déclaré Sergueï Lavrov.",
                       "Un proche de Sergueï Lavrov a parlé à la presse. « Il tient bon, mais la situation "
                       "devient intenable », a-t-il confié.")
    assert [(q.speaker, q.source_text) for q in quotes] == [
        ("sergueï-lavrov", None), (None, "Un proche de Sergueï Lavrov")]


def test_a_role_is_a_person_only_when_this_article_binds_it(quotes_of):
    # Lavrov's role comes from another article: here "le ministre russe" is nobody named
    quote = only(quotes_of("Abdoulaye Diop a reçu la presse à Bamako. Le temps était lourd.",
                           "« Nous fournissons au pays les armes nécessaires », a déclaré le ministre russe "
                           "des Affaires étrangères."))
    assert (quote.speaker, quote.source_text) == (None, "le ministre russe des Affaires étrangères")
    bound = only(quotes_of("Le chef de la Minusma, El-Ghassim Wane, est arrivé à Bamako. Le temps était lourd.",
                           "« Nous allons travailler à un retrait ordonné », a déclaré le chef de la Minusma."))
    assert bound.speaker == "el-ghassim-wane"


def test_a_role_continues_the_named_subject_of_the_sentence_before(quotes_of):
    quote = only(quotes_of("Sergueï Lavrov a officialisé l'accord lundi.",
                           "« Nous fournissons au pays les armes nécessaires », a déclaré le ministre."))
    assert quote.speaker == "sergueï-lavrov"


def test_quotes_in_captions_and_teasers_are_not_statements(quotes_of):
    assert quotes_of("« Nous ne partirons pas du pays avant la fin », a dit Sergueï Lavrov à Moscou.",
                     "Lire aussi : Mali : « Nous ne partirons pas du pays », promet Sergueï Lavrov",
                     kinds=["caption", "paragraph"]) == []


def test_a_publication_read_is_the_source(quotes_of):
    quote = only(quotes_of("« Au total, une douzaine de responsables ont été mis en examen », "
                           "peut-on lire dans Les Échos."))
    assert quote.speaker == "les-echos"


@pytest.mark.parametrize("text, speaker, source", [
    ("Mediapart publie un article sur ce député. Il est « visé par une enquête préliminaire pour concussion », "
     "peut-on lire.", "mediapart", None),
    ("Le Monde révèle qu’une autre enquête est ouverte. Le député est soupçonné de « détournement de fonds "
     "publics, liés à un usage illicite de ses indemnités de frais de mandat », peut-on lire dans le quotidien "
     "du soir.", "le-monde", None),
    # two publications told before: which one the text reads is not said
    ("Le Monde révèle qu’une enquête est ouverte, Mediapart publie ses notes de frais. Il est « visé par une "
     "enquête préliminaire pour concussion », peut-on lire dans le quotidien.", None, "le quotidien"),
    # an organisation that told nothing is no publication
    ("L’Assemblée nationale a voté la loi. Le député est soupçonné de « détournement de fonds publics, liés "
     "à un usage illicite de ses indemnités de frais de mandat », peut-on lire dans le quotidien.",
     None, "le quotidien"),
])
def test_a_publication_named_before_is_the_one_read(quotes_of, text, speaker, source):
    quote = only(quotes_of(text))
    assert (quote.speaker, quote.source_text) == (speaker, source)


def test_short_statements_attributed_by_their_incise_or_verb(quotes_of):
    quotes = quotes_of("« Vachement bon en manœuvres politiques », selon un proche de Sergueï Lavrov.",
                       "Abdoulaye Diop a réclamé « la démission du gouvernement ».",
                       "L'affaire prend une autre tournure avec « le tweet du ministre français », détaille Diop.")
    assert [(q.text, q.speaker, q.source_text) for q in quotes] == [
        ("Vachement bon en manœuvres politiques", None, "un proche de Sergueï Lavrov"),
        ("la démission du gouvernement", "abdoulaye-diop", None)]


def test_bound_role_reads_only_the_roles_the_article_gives():
    def person(aid, role, article):
        return Actor(aid, aid.title(), "person", [], [Role(role, article)],
                     mentions=[Mention("a", 0, 0, 3, aid, ""), Mention("b", 0, 0, 3, aid, "")])
    cast = Cast([person("diop", "ministre malien des Affaires étrangères", "a"),
                 person("lavrov", "ministre russe des Affaires étrangères", "b")])
    assert cast.bound_role("le ministre", "a", (1, 0)) == "diop"
    assert cast.bound_role("le ministre russe", "a", (1, 0)) == "diop"   # a's only minister
    assert cast.bound_role("le ministre", "c", (1, 0)) is None
    assert cast.bound_role("le ministre", "a", (0, 0)) is None           # not named before
    cast.bind("a", "lavrov", "ministre des Affaires étrangères")
    assert cast.bound_role("le ministre russe", "a", (1, 0)) == "lavrov"


def test_dossier_json_gives_the_unnamed_source():
    quotes = [Quote("a", 0, "Il tient bon", None, 0, 12, "", "un proche de l'Élysée", "verb/anonymous")]
    data = to_json_data(Dossier([], [], quotes))
    assert data["quotes"] == [{"article": "a", "speaker": None, "source_text": "un proche de l'Élysée",
                               "text": "Il tient bon", "evidence": "verb/anonymous"}]


def test_the_article_page_names_an_unnamed_source_in_the_articles_words():
    from pathlib import Path

    from dossier.render import Renderer

    text = "« Il tient bon », a confié un proche de l'Élysée."
    article = Article("a1", "Titre", [Block("paragraph", text)], source="Test")
    quote = Quote("a1", 0, "Il tient bon", None, 2, 14, text, "un proche de l'Élysée", "verb/anonymous")
    renderer = Renderer(Path(__file__).parent.parent / "site_templates", Dossier([article], [], [quote]))
    pages = renderer.pages()
    assert "source non identifiée : un proche de l" in pages["articles/a1.md"]
    assert "auteur non identifié" not in pages["articles/a1.md"]
    # the statements page says whose words they are too, not a bare "Auteur non identifié"
    assert "Source non identifiée : *un proche de l" in pages["declarations.md"]
    assert "Auteur non identifié" not in pages["declarations.md"]


def test_a_theme_page_names_an_unnamed_source_in_the_articles_words():
    from pathlib import Path

    from dossier.render import Renderer
    from dossier.topics import _entries

    text = "« Le retrait est acté », a confié un proche de l'Élysée."
    article = Article("a1", "Titre", [Block("paragraph", text)], source="Test")
    quote = Quote("a1", 0, "Le retrait est acté", None, 2, 21, text, "un proche de l'Élysée", "verb/anonymous")
    entries = _entries("a1", 0, text, [quote], lambda rest: False)
    assert [(e.kind, e.source_text) for e in entries] == [("quote", "un proche de l'Élysée")]
    dossier = Dossier([article], [], [quote], topics=[Topic("retrait", "Retrait", ["retrait"], entries)])
    page = next(text for path, text in Renderer(Path(__file__).parent.parent / "site_templates", dossier).pages().items()
                if path.startswith("themes/") and "retrait" in path)
    assert "source non identifiée : *un proche de l" in page


def test_a_subject_that_names_no_one_declines_rather_than_continue(quotes_of):
    # "ont-ils" is a group: the last speaker, Diop, did not say it alone
    quotes = quotes_of("« Le Mali et la Russie sont des amis de longue date », a déclaré Abdoulaye Diop.",
                       "« Nous ne partirons pas avant la fin de la mission », ont-ils ajouté.")
    assert [q.speaker for q in quotes] == ["abdoulaye-diop", None]


def test_et_d_ajouter_continues_only_a_speaker_nobody_followed(quotes_of):
    continued = quotes_of("« Le Mali et la Russie sont des amis, je suis venu voir mon ami Sergueï Lavrov », "
                          "a déclaré Abdoulaye Diop.",
                          "Et d’ajouter : « la Russie est membre permanent du Conseil de sécurité des Nations unies ».")
    assert [q.speaker for q in continued] == ["abdoulaye-diop", "abdoulaye-diop"]   # Lavrov is in his quote
    followed = quotes_of("« Le Mali et la Russie sont des amis de longue date », a déclaré Abdoulaye Diop.",
                         "Le ministre Sergueï Lavrov était présent lui aussi à la conférence de presse.",
                         "Et d’ajouter : « la Russie est membre permanent du Conseil de sécurité des Nations unies ».")
    assert [q.speaker for q in followed] == ["abdoulaye-diop", None]


def test_before_a_colon_two_persons_named_give_the_subject_or_no_one(quotes_of):
    subject = only(quotes_of("Abdoulaye Diop a reçu Sergueï Lavrov à Bamako : « Nous voulons renforcer notre "
                             "partenariat dans tous les domaines. »"))
    assert subject.speaker == "abdoulaye-diop"   # not Lavrov, named last
    neither = only(quotes_of("Après la visite de Sergueï Lavrov chez Abdoulaye Diop, le ton est clair : « Nous "
                             "voulons renforcer notre partenariat dans tous les domaines. »"))
    assert neither.speaker is None


def test_a_day_between_the_verb_and_its_subject_is_not_the_speaker(quotes_of):
    quote = only(quotes_of("Sergueï Lavrov est arrivé à Bamako. « Nous allons renforcer notre coopération "
                           "militaire avec le Mali », a affirmé mardi le ministre russe."))
    assert (quote.speaker, quote.source_text) == ("sergueï-lavrov", None)   # not "mardi"


def test_a_full_stop_the_parser_splits_off_does_not_break_the_chain(quotes_of):
    # the parser makes "." a sentence of its own here: it is not a sentence between the subject and the role
    quote = only(quotes_of("Sergueï Lavrov était à Bamako lundi. « Nous allons renforcer notre coopération "
                           "militaire avec le Mali », a affirmé le ministre russe."))
    assert quote.speaker == "sergueï-lavrov"


def test_a_subject_after_the_verb_the_parse_did_not_give_is_no_one_rather_than_the_last_speaker(quotes_of):
    # "la ministre" hangs under "Inter" read as a verb: the subject is there, unread; Diop did not say it
    quotes = quotes_of("« Le Mali et la Russie sont des amis de longue date », a déclaré Abdoulaye Diop.",
                       "« Nous allons renforcer les contrôles », a déclaré dimanche sur France Inter la ministre.")
    assert [q.speaker for q in quotes] == ["abdoulaye-diop", None]


def test_a_name_after_a_complement_of_the_verb_is_its_subject(quotes_of):
    quote = only(quotes_of("« Le Mali et la Russie sont des amis de longue date », a déclaré à l'AFP Abdoulaye "
                           "Diop, chef de la diplomatie malienne."))
    assert quote.speaker == "abdoulaye-diop"


def test_a_speech_verb_the_tagger_glued_to_the_name_before_it_still_names_the_speaker(quotes_of):
    # "Sergueï Lavrov juge" is read as one name, "juge" a noun: the name before it is the subject
    quote = only(quotes_of("Dans un entretien au Monde, Sergueï Lavrov juge que « l'Europe doit se réarmer "
                           "sans attendre »."))
    assert quote.speaker == "sergueï-lavrov"

