"""Issue 18's classes of date errors, on small hand-written sentences: weekdays to come placed
after the article's date and past ones before, ranges and lists of months given their year,
"depuis" kept as such, figures of speech and habitual weekdays declined, the same sentence once,
and the byline formats an article's date is read from."""
from __future__ import annotations

import pytest

from dossier.analyse import analyse_article
from dossier.dates import find_events, parse_day
from dossier.models import Article, Block, Event


@pytest.fixture(scope="module")
def events_in(nlp):
    def read(blocks: list[str], dated: str | None = None, lede: str | None = None) -> list[Event]:
        article = Article("a", "Titre", [Block("paragraph", b) for b in blocks], date=dated, lede=lede)
        return find_events([article], {"a": analyse_article(nlp, article)}, [])
    return read


# 2024-03-12 is a Tuesday, 2024-03-15 a Friday.
@pytest.mark.parametrize("text, dated, expected", [
    ("Les négociations doivent aboutir d'ici jeudi.", "2024-03-12", "2024-03-14"),
    ("Un accord est attendu d'ici vendredi à Bruxelles.", "2024-03-12", "2024-03-15"),
    ("Le comité se réunira jeudi à Paris.", "2024-03-12", "2024-03-14"),
    ("Le conseil des ministres examinera le texte mercredi.", "2024-03-12", "2024-03-13"),
    ("Le ministre recevra les syndicats jeudi prochain.", "2024-03-12", "2024-03-14"),
    ("Les syndicats seront reçus jeudi prochain à Matignon.", "2024-03-15", "2024-03-21"),
    ("Le procès doit se tenir mardi devant le tribunal de Lyon.", "2024-03-15", "2024-03-19"),
    ("Le vote aura lieu lundi à l'Assemblée nationale.", "2024-03-15", "2024-03-18"),
    ("Les députés vont examiner le projet de loi mercredi.", "2024-03-15", "2024-03-20"),
    ("Le président s'exprimera dimanche soir à la télévision.", "2024-03-12", "2024-03-17"),
    ("Une nouvelle réunion est programmée lundi au ministère.", "2024-03-15", "2024-03-18"),
    ("Le verdict devrait être rendu vendredi.", "2024-03-12", "2024-03-15"),
    # a start or an appointment ("à partir de", "pour"), a predicate whose auxiliary is in the future
    ("Les magasins fermeront à partir de lundi.", "2024-03-12", "2024-03-18"),
    ("Une manifestation est annoncée pour samedi à Paris.", "2024-03-12", "2024-03-16"),
    ("Les résultats seront connus dimanche soir.", "2024-03-12", "2024-03-17"),
    ("Le bilan sera disponible jeudi.", "2024-03-12", "2024-03-14"),
    # a verb of intent the parser hangs the weekday on, a conditional, a thing expected
    ("Lundi, le Premier ministre va présenter son plan.", "2024-03-12", "2024-03-18"),
    ("Lundi, le ministre doit présenter son plan.", "2024-03-12", "2024-03-18"),
    ("La présidence a annoncé que le ministre serait reçu jeudi.", "2024-03-12", "2024-03-14"),
    ("La décision est attendue jeudi.", "2024-03-12", "2024-03-14"),
])
def test_weekdays_to_come_fall_after_the_article_date(events_in, text, dated, expected):
    assert [e.date for e in events_in([text], dated)] == [expected]


@pytest.mark.parametrize("text, dated, expected", [
    ("Le ministre a reçu jeudi les représentants des syndicats.", "2024-03-12", "2024-03-07"),
    ("Le courrier a été reçu jeudi par la mairie.", "2024-03-12", "2024-03-07"),
    ("Jeudi, le ministre a annoncé sa démission.", "2024-03-12", "2024-03-07"),
    ("Les syndicats ont été reçus lundi à Matignon.", "2024-03-12", "2024-03-11"),
    ("Le suspect avait été interpellé samedi soir à Marseille.", "2024-03-12", "2024-03-09"),
    ("Le Premier ministre s'est rendu vendredi dernier à Berlin.", "2024-03-12", "2024-03-08"),
    ("La préfecture annonçait mercredi la fermeture du site.", "2024-03-15", "2024-03-13"),
    ("La lettre, reçue jeudi par la mairie, demande des excuses.", "2024-03-12", "2024-03-07"),
    ("Le magasin a été fermé à partir de lundi.", "2024-03-15", "2024-03-11"),
    ("Le bilan était disponible jeudi.", "2024-03-15", "2024-03-14"),
    ("Selon la police, il aurait été tué jeudi.", "2024-03-12", "2024-03-07"),
])
def test_past_weekdays_fall_before_the_article_date(events_in, text, dated, expected):
    assert [e.date for e in events_in([text], dated)] == [expected]


@pytest.mark.parametrize("text, dated, expected", [
    ("Le salon se tiendra du 3 au 7 juin à Paris.", "2024-03-12",
     [("2024-06-03", "start"), ("2024-06-07", "end")]),
    ("Le salon s'est tenu du 3 au 7 juin à Paris.", "2024-09-10",
     [("2024-06-03", "start"), ("2024-06-07", "end")]),
    ("Le festival a eu lieu du 3 au 7 juin 2023 à Nantes.", "2024-03-12",
     [("2023-06-03", "start"), ("2023-06-07", "end")]),
    ("Le musée sera fermé du 30 mai au 2 juin.", "2024-03-12",
     [("2024-05-30", "start"), ("2024-06-02", "end")]),
    ("Les travaux ont duré du 15 janvier au 28 février 2022.", None,
     [("2022-01-15", "start"), ("2022-02-28", "end")]),
    ("Ils ont fait 365 000 trajets entre le 21 juin et le 15 novembre 2019.", "2020-02-19",
     [("2019-06-21", "start"), ("2019-11-15", "end")]),
    ("Les élections se tiendront entre le 30 juin et le 7 juillet.", "2024-06-10",
     [("2024-06-30", "start"), ("2024-07-07", "end")]),
    ("L'enquête a porté sur les faits commis entre le 2 et le 9 mars 2021.", "2024-03-12",
     [("2021-03-02", "start"), ("2021-03-09", "end")]),
    ("Le salon ouvre ses portes du lundi 3 au vendredi 7 juin.", "2024-03-12",
     [("2024-06-03", "start"), ("2024-06-07", "end")]),
    ("Le festival se tiendra du 28 juin au 7 juillet.", "2024-03-12",
     [("2024-06-28", "start"), ("2024-07-07", "end")]),
    ("Les faits se sont déroulés entre juin et septembre 2019.", "2024-03-12",
     [("2019-06", "start"), ("2019-09", "end")]),
    ("De janvier à mars 2021, le chômage a baissé.", "2022-01-10", [("2021-01", "start"), ("2021-03", "end")]),
    ("De novembre à février 2021, les stations sont restées fermées.", "2022-01-10",
     [("2020-11", "start"), ("2021-02", "end")]),
])
def test_ranges_are_given_their_year(events_in, text, dated, expected):
    assert sorted((e.date, e.kind) for e in events_in([text], dated)) == expected


@pytest.mark.parametrize("text, dated, expected", [
    ("En février et mai 2018, les affaires sont classées sans suite.", "2020-01-10", ["2018-02", "2018-05"]),
    ("Les plaintes déposées en février et en mai 2018 ont été classées.", "2020-01-10", ["2018-02", "2018-05"]),
    ("Le conseil s'est réuni en janvier, mars et juin 2020.", "2021-01-10", ["2020-01", "2020-03", "2020-06"]),
    ("Le texte a été examiné en mars puis en juin 2019.", "2021-01-10", ["2019-03", "2019-06"]),
    ("Les réunions de février, mars et avril 2021 ont échoué.", "2022-01-10", ["2021-02", "2021-03", "2021-04"]),
])
def test_lists_of_months_share_their_year(events_in, text, dated, expected):
    assert sorted(e.date for e in events_in([text], dated)) == expected


@pytest.mark.parametrize("text, dated, expected", [
    ("Son armée combat une insurrection depuis 2013.", "2021-11-11", "2013"),
    ("Depuis 2013, le pays est plongé dans une crise sécuritaire.", "2021-11-11", "2013"),
    ("Les prix ont doublé depuis mars 2020.", "2021-11-11", "2020-03"),
    ("Les négociations sont bloquées depuis juin.", "2021-11-11", "2021-06"),
    ("Le poste est vacant depuis le 1er janvier 2024.", "2024-03-12", "2024-01-01"),
    ("Les grévistes occupent le site depuis lundi.", "2024-03-15", "2024-03-11"),
    ("Les syndicats attendent une réponse depuis jeudi.", "2024-03-12", "2024-03-07"),
])
def test_since_is_kept_as_such(events_in, text, dated, expected):
    assert [(e.date, e.kind) for e in events_in([text], dated)] == [(expected, "since")]


@pytest.mark.parametrize("text", [
    "Ce ne sera ni aujourd'hui ni demain que la réforme passera.",
    "Les célébrations du 14 juillet ont attiré la foule sur les Champs-Élysées.",
    "Les commémorations du 11 novembre ont réuni les anciens combattants.",
    "La fête du 1er mai a été marquée par des défilés syndicaux.",
    "Les cérémonies du 8 mai se sont déroulées sous la pluie.",
    "Cette rivalité ne date pas d'hier entre les deux partis.",
    "Les enseignants préparent les citoyens de demain.",
    "Chaque jeudi, les manifestants se rassemblent devant la préfecture.",
    "Le marché du samedi attire des centaines de visiteurs.",
    "Les magasins restent ouverts le dimanche dans les zones touristiques.",
    "Le musée est ouvert du lundi au vendredi.",
])
def test_figures_of_speech_feasts_and_habits_are_no_events(events_in, text):
    assert events_in([text], "2024-03-12") == []


@pytest.mark.parametrize("blocks", [["Mardi."], ["Jeudi,"], ["Lundi", "Mardi"]])
def test_a_lone_weekday_is_no_event(events_in, blocks):
    assert events_in(blocks, "2024-03-12") == []


def test_the_same_sentence_twice_is_one_event(events_in):
    sentence = "Le ministre de l'Intérieur a annoncé jeudi la dissolution du groupe."
    events = events_in([sentence, "Le texte sera publié au Journal officiel.", sentence], "2024-03-12",
                       lede=sentence)
    assert [e.date for e in events] == ["2024-03-07"]


@pytest.mark.parametrize("text, expected", [
    ("14.09.2020", "2020-09-14"),
    ("Le 17/02/2020", "2020-02-17"),
    ("DATE : 27/09/2020", "2020-09-27"),
    ("11.08.2023", "2023-08-11"),
    ("Publié le 12/03/2024 à 18h05", "2024-03-12"),
    ("Mis à jour le 13.03.2024", "2024-03-13"),
    ("Publié le 12 mars 2024 à 18h05, mis à jour le 13 mars 2024", "2024-03-12"),
    ("Le 17/02/2020 à 10:15", "2020-02-17"),
    ("Par Jean Dupont | 05.01.2022", "2022-01-05"),
    ("Publié le mardi 12 mars 2024", "2024-03-12"),
    ("12/3/2024", "2024-03-12"),
])
def test_byline_formats(text, expected):
    assert parse_day(text) == expected


@pytest.mark.parametrize("text, dated, expected", [
    ("La ville a été attaquée dans la nuit du samedi au dimanche.", "2024-03-12", ["2024-03-09"]),
    ("Le ministre a reçu jeudi 7 mars les syndicats.", "2024-03-12", ["2024-03-07"]),
])
def test_one_day_is_not_taken_for_a_habit(events_in, text, dated, expected):
    assert [e.date for e in events_in([text], dated)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Il a dirigé l'entreprise de 2013 à 2017.", [("2013", "start"), ("2017", "end")]),
    ("L'augmentation entre 1997 et 2001 a donc compensé la baisse.", [("1997", "start"), ("2001", "end")]),
    ("Le prix varie entre 1800 et 2000 euros.", []),
    ("Le nombre est passé de 1900 à 2000 personnes.", []),
])
def test_a_span_of_years_not_of_numbers(events_in, text, expected):
    assert sorted((e.date, e.kind) for e in events_in([text], "2024-03-12")) == expected


def test_a_span_of_years_does_not_set_the_narrative_year(events_in):
    events = events_in(["Début février 2019, le tribunal a ouvert une enquête sur sa gestion entre 2005 et 2017.",
                        "Le 11 octobre, le député est mis en examen pour fraude fiscale."], "2020-01-10")
    assert "2019-10-11" in [e.date for e in events]
