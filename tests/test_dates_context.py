"""Dates in context: tense and cue words, ranges and lists, the year a weekday or a narrative
gives, "depuis" kept as such, expressions declined, fragments and events repeated across articles."""
from __future__ import annotations

import pytest

from dossier.analyse import analyse_article
from dossier.dates import find_events
from dossier.dates.events import _once
from dossier.dates.reading import _sentence_spans
from dossier.dates.tense import tense_at
from dossier.models import Actor, Article, Block, BlockAnalysis, Event, Mention, Token


@pytest.fixture(scope="module")
def events_in(nlp):
    def read(blocks: list[str | Block], dated: str | None = None) -> list[Event]:
        blocks = [b if isinstance(b, Block) else Block("paragraph", b) for b in blocks]
        article = Article("a", "Titre", blocks, date=dated)
        return find_events([article], {"a": analyse_article(nlp, article)}, [])
    return read


@pytest.mark.parametrize("text, dated, expected", [
    # to come: a cue word, a verb of intent, a planned thing (the article dated a Monday, a Friday…)
    ("Le roi devrait recevoir les présidents de parti d'ici jeudi.", "2024-06-10", "2024-06-13"),
    ("Le Conseil de sécurité doit évoquer la situation au Mali lundi.", "2023-05-12", "2023-05-15"),
    ("Les motions devraient être examinées lundi.", "2023-03-16", "2023-03-20"),
    ("Les oppositions ont jusqu'à vendredi pour déposer leurs motions.", "2023-03-16", "2023-03-17"),
    ("La réunion est prévue jeudi à Bamako.", "2021-11-13", "2021-11-18"),
    ("Le sommet, prévu jeudi, avait déjà été reporté.", "2021-11-13", "2021-11-11"),
    ("Le conseil municipal se réunira jeudi pour voter le budget.", "2020-02-17", "2020-02-20"),
    # past: the verb says so, whatever the future tense of the sentence's main verb
    ("Le projet a été reçu jeudi par le ministre.", "2021-11-13", "2021-11-11"),
    ("La soirée électorale de dimanche restera dans les mémoires.", "2024-06-10", "2024-06-09"),
    ("Mardi, devant les victimes, Jean-Marc Sauvé n'avait pas mâché ses mots.", "2021-10-06", "2021-10-05"),
])
def test_weekdays_in_the_direction_the_sentence_says(events_in, text, dated, expected):
    assert [e.date for e in events_in([text], dated)] == [expected]


@pytest.mark.parametrize("text, dated, expected", [
    ("Ils ont fait 365 000 trajets entre le 21 juin et le 15 novembre 2019.", "2020-02-19",
     [("2019-06-21", "start"), ("2019-11-15", "end")]),
    ("Au moins 500 personnes ont été tuées entre le 27 et le 31 mars 2022 à Moura.", "2023-05-12",
     [("2022-03-27", "start"), ("2022-03-31", "end")]),
    ("L'assemblée plénière se tiendra à Lourdes du 2 au 8 novembre.", "2021-10-06",
     [("2021-11-02", "start"), ("2021-11-08", "end")]),
    ("Le festival a eu lieu du 28 décembre au 3 janvier 2022.", None,
     [("2021-12-28", "start"), ("2022-01-03", "end")]),
    ("La ville a été attaquée dans la nuit du 4 au 5 janvier.", "2022-01-10", [("2022-01-04", "on")]),
    ("Le sommet, tenu les 27 et 28 juillet 2023 à Saint-Pétersbourg, a réuni 17 chefs d'État.", None,
     [("2023-07-27", "on"), ("2023-07-28", "on")]),
    ("La chaîne le rediffusera les 25/11, 30/11 et 02/12 prochains.", "2017-11-24",
     [("2017-11-25", "on"), ("2017-11-30", "on"), ("2017-12-02", "on")]),
    ("En février et mai 2018, les affaires sont classées sans suite.", None,
     [("2018-02", "on"), ("2018-05", "on")]),
])
def test_each_day_of_a_range_or_list(events_in, text, dated, expected):
    assert sorted((e.date, e.kind) for e in events_in([text], dated)) == expected


@pytest.mark.parametrize("text, dated, expected", [
    # six months off either way: the verb in the past takes the one before the day of writing
    ("La popularité du sujet a explosé après ce tweet le 14 mars.", "2020-09-14", "2020-03-14"),
    ("Le texte avait été adopté en mars par le Sénat.", "2020-09-14", "2020-03"),
    ("Le sommet se tiendra le 14 mars à Abuja.", "2020-09-14", "2021-03-14"),
    # a few weeks ahead under a past verb: a date to come that the verb set ("mis en délibéré au")
    ("Le jugement a été mis en délibéré au 12 mars.", "2020-02-17", "2020-03-12"),
])
def test_a_date_without_its_year_goes_the_way_the_verb_says(events_in, text, dated, expected):
    assert [e.date for e in events_in([text], dated)] == [expected]


def test_a_weekday_without_tense_is_the_day_its_article_names_with_one(events_in):
    events = events_in(["Les dirigeants de la CEDEAO se réuniront jeudi à Abuja.",
                        "Le sommet de jeudi doit décider de la suite."], "2023-08-09")
    assert [e.date for e in events] == ["2023-08-10", "2023-08-10"]


def test_a_weekday_gives_the_year_and_then_the_day_of_writing(events_in):
    """No article date: the year the weekday is on nearest the dossier's (2019), then "Mardi"
    the day before the day of writing that gives."""
    events = events_in(["Entre le 3 juin 2019 et le 31 octobre 2020, la Ciase a recueilli 6 000 témoignages.",
                        "Plusieurs évêques résumaient, mercredi 6 octobre, leur état d'esprit.",
                        "Mardi, devant les victimes, Jean-Marc Sauvé n'avait pas mâché ses mots."])
    assert sorted(e.date for e in events)[2:] == ["2021-10-05", "2021-10-06"]


def test_a_narrative_gives_its_year_to_the_next_paragraph_not_across_a_heading(events_in):
    events = events_in(["Début février 2019, le tribunal a ouvert une information judiciaire.",
                        "Le 11 octobre, le député est mis en examen pour fraude fiscale.",
                        Block("heading", "Laura Flessel"),
                        "Le 4 septembre, la ministre des Sports annonce sa démission."], "2018-09-30")
    assert sorted(e.date for e in events) == ["2018-09-04", "2019-02", "2019-10-11"]


@pytest.mark.parametrize("text, dated, expected", [
    ("Son armée combat une insurrection depuis 2013.", None, "2013"),
    ("Depuis le 19 janvier, les syndicats ont organisé huit journées de mobilisation.", "2023-03-16", "2023-01-19"),
    ("La caisse a collecté 2 millions d'euros depuis le 5 décembre.", "2020-06-05", "2019-12-05"),
])
def test_since_is_kept_as_such_and_before_the_day_of_writing(events_in, text, dated, expected):
    assert [(e.date, e.kind) for e in events_in([text], dated)] == [(expected, "since")]


@pytest.mark.parametrize("text", [
    "Ce ne sera ni aujourd'hui ni demain que la réforme passera.",
    "Les enseignants préparent l'école de demain.",
    "Les célébrations du 14 juillet ont attiré la foule.",
    "« Demain, nous gagnerons », a lancé le candidat devant ses partisans.",
])
def test_figures_of_speech_feast_days_and_quoted_rhetoric_are_no_events(events_in, text):
    assert events_in([text], "2021-11-11") == []


@pytest.mark.parametrize("fragment", ["Fin 2017.", "Mardi.", "Mardi,", "Le 4 septembre"])
def test_a_fragment_alone_in_its_block_is_no_event(events_in, fragment):
    assert events_in([fragment], "2018-01-10") == []


def test_a_fragment_takes_the_next_sentence_or_is_no_event(events_in):
    alone = events_in(["Mai 2017."], "2018-01-01")
    assert alone == []
    (event,) = events_in(["Mai 2017. Les trois ministres démissionnent du gouvernement."], "2018-01-01")
    assert event.date == "2017-05" and "démissionnent" in event.text


def test_the_same_sentence_in_two_articles_is_one_event():
    events = [Event("2021-11-11", "a", "Le ministre a rencontré Lavrov à Moscou jeudi."),
              Event("2021-11-11", "b", "Le ministre a rencontré Lavrov jeudi à Moscou."),
              Event("2021-11-11", "b", "Le sommet de Bamako a été reporté sans date."),
              Event("2021-11-12", "c", "Le ministre a rencontré Lavrov à Moscou jeudi.")]
    assert [(e.article, e.date) for e in _once(events)] == [
        ("a", "2021-11-11"), ("b", "2021-11-11"), ("c", "2021-11-12")]


def test_the_same_sentence_twice_in_one_article_is_one_event():
    events = [Event("2019-06-21", "a", "Elles ont fait 365 000 trajets le 21 juin 2019, dont 61 % en trottinettes."),
              Event("2019-06-21", "a", "Elles ont fait 365 000 trajets le 21 juin 2019, dont 61% en trottinettes."),
              Event("2019-06-21", "a", "Le même jour, la mairie a annoncé un nouveau règlement.")]
    assert [e.text for e in _once(events)] == [events[0].text, events[2].text]


def test_a_sentence_the_parser_cut_inside_is_one_sentence():
    """The parser's cuts inside "libre-service", before "ont", inside "rue Las Cases" and before a
    word in lower case are undone; a new sentence after a stop is not."""
    text = "Les vélos en libre -service sans ancrage ont roulé le 21 juin rue Las Cases. Le 22 juin (déjà ! ) rien."
    words = text.split(" ")
    tokens, offset = [], 0
    for i, word in enumerate(words):
        tokens.append(Token(i, word, offset, word, "X", "dep", i))
        offset += len(word) + 1
    cuts = [(0, 4), (4, 7), (7, 14), (14, 15), (15, 20), (20, 22)]   # "… libre" | "-service sans ancrage" | "ont … Las" | "Cases." | "Le 22 … !" | ") rien."
    spans = _sentence_spans(text, BlockAnalysis(tokens, cuts, []))
    assert [text[s:e] for s, e in spans] == ["Les vélos en libre -service sans ancrage ont roulé le 21 juin rue Las Cases.",
                                             "Le 22 juin (déjà ! ) rien."]


def test_tense_read_from_the_morphology_of_hand_built_tokens():
    words = [("Le", "le", "DET", "det", 1, ""), ("conseil", "conseil", "NOUN", "nsubj", 2, ""),
             ("doit", "devoir", "VERB", "ROOT", 2, "Mood=Ind|Tense=Pres|VerbForm=Fin"),
             ("siéger", "siéger", "VERB", "xcomp", 2, "VerbForm=Inf"),
             ("lundi", "lundi", "NOUN", "obl:mod", 3, "")]
    tokens, offset = [], 0
    for i, (text, lemma, pos, dep, head, morph) in enumerate(words):
        tokens.append(Token(i, text, offset, lemma, pos, dep, head, morph))
        offset += len(text) + 1
    assert tense_at(tokens, tokens[4].idx) == "future"
    tokens[2] = Token(2, "a", tokens[2].idx, "avoir", "AUX", "aux:tense", 3, "Mood=Ind|Tense=Pres|VerbForm=Fin")
    tokens[3] = Token(3, "siégé", tokens[3].idx, "siéger", "VERB", "ROOT", 3, "Tense=Past|VerbForm=Part")
    tokens[4] = Token(4, "lundi", tokens[4].idx, "lundi", "NOUN", "obl:mod", 3, "")
    assert tense_at(tokens, tokens[4].idx) == "past"


def test_the_lede_gives_events_with_the_actors_it_names(nlp):
    lede = "Le capitaine Ibrahim Traoré a reçu en audience, le jeudi 31 août 2023, une délégation russe."
    article = Article("a", "Titre", [Block("paragraph", "La délégation quittera Ouagadougou samedi.")],
                      lede=lede, date="2023-09-01")
    start = lede.index("Ibrahim Traoré")
    traore = Actor("ibrahim-traore", "Ibrahim Traoré", "person", mentions=[
        Mention("a", -1, start, start + len("Ibrahim Traoré"), "Ibrahim Traoré", lede, part="lede")])
    events = find_events([article], {"a": analyse_article(nlp, article)}, [traore])
    assert [(e.date, e.actors) for e in events] == [("2023-08-31", ["ibrahim-traore"]), ("2023-09-02", [])]
