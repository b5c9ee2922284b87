"""Dates: event dates with their precision, relative dates, and undated articles."""
from __future__ import annotations

import pytest

from dossier.analyse import analyse_article
from dossier.dates import INFERRED, date_articles, find_events
from dossier.models import Actor, Article, Block, Event, Mention


@pytest.fixture(scope="module")
def events_of(nlp):
    def read(text: str, dated: str | None = None, actors=()):
        article = Article("a", "Titre", [Block("paragraph", text)], date=dated)
        return find_events([article], {"a": analyse_article(nlp, article)}, list(actors))
    return read


@pytest.fixture(scope="module")
def dates_of(events_of):
    def read(text: str, dated: str | None = None) -> list[str]:
        return [e.date for e in events_of(text, dated)]
    return read


@pytest.mark.parametrize("text, dated, expected", [
    ("Les ministres se sont vus le 11 novembre 2021 à Moscou.", None, "2021-11-11"),
    ("La réunion du 1er mai 2019 a été annulée.", None, "2019-05-01"),
    ("Il est arrivé jeudi 11 novembre 2021 à Moscou.", None, "2021-11-11"),
    ("Le texte daté du 11/11/2021 a été publié.", None, "2021-11-11"),
    # the year from the article's date
    ("C'est l'information obtenue ce 25 septembre par notre rédaction.", "2021-10-02", "2021-09-25"),
    ("Il a rencontré le 11 novembre dernier son homologue.", "2022-01-10", "2021-11-11"),
    ("Le sommet se tiendra le 3 mars prochain à Bamako.", "2022-01-10", "2022-03-03"),
    ("La ville a été attaquée dans la nuit du 4 au 5 janvier.", "2022-01-10", "2022-01-04"),
    # months and years, with their precision
    ("Paris a entrepris en juin de réorganiser son dispositif.", "2021-11-11", "2021-06"),
    ("Le retrait a commencé fin juin.", "2021-11-11", "2021-06"),
    ("Les troupes sont arrivées en décembre dernier.", "2022-02-01", "2021-12"),
    ("Les accords d'août 2020 ont été suspendus.", None, "2020-08"),
    ("Les accords d’août 2020 ont été suspendus.", None, "2020-08"),
    ("Le grand retour en Afrique a été amorcé fin 2014.", None, "2014"),
    ("Son armée combat une insurrection depuis 2013.", None, "2013"),
    ("L'intervention a commencé en 2018 en Centrafrique.", None, "2018"),
    # relative to the day of writing
    ("La source a révélé il y a deux jours que le gouvernement avait demandé de l'aide.", "2021-09-25", "2021-09-23"),
    ("Le ministre est arrivé hier à Moscou.", "2021-11-12", "2021-11-11"),
    ("Le ministre a déclaré jeudi que son pays avait besoin d'aide.", "2021-11-13", "2021-11-11"),
    # the article is itself dated a Thursday: "jeudi" is that day
    ("Le ministre a déclaré jeudi que son pays avait besoin d'aide.", "2021-11-11", "2021-11-11"),
    ("Le ministre a déclaré jeudi dernier que son pays avait besoin d'aide.", "2021-11-11", "2021-11-04"),
    ("Le ministre viendra jeudi prochain à Bamako.", "2021-11-11", "2021-11-18"),
    ("Le sommet se tiendra jeudi à Bamako.", "2021-11-13", "2021-11-18"),
    ("Le ministre s'est rendu à Moscou ce jeudi.", "2021-11-13", "2021-11-11"),
    ("La France et l'Allemagne ont interrogé le Kremlin plus tôt cette année.", "2021-11-11", "2021"),
])
def test_date_expressions(dates_of, text, dated, expected):
    assert dates_of(text, dated) == [expected]


@pytest.mark.parametrize("text", [
    "La Russie enverra 2000 soldats au Mali.",
    "La mission Mars 2020 est un succès.",
    "Le ministre a parlé jeudi aux journalistes.",      # relative, and the article has no date
])
def test_not_dates_or_not_placeable(dates_of, text):
    assert dates_of(text) == []


def test_event_carries_its_sentence_expression_and_actors(events_of):
    text = "Il faisait froid. Abdoulaye Diop a rencontré Lavrov le 11 novembre 2021 à Moscou."
    start = text.index("Abdoulaye Diop")
    diop = Actor("abdoulaye-diop", "Abdoulaye Diop", "person",
                 mentions=[Mention("a", 0, start, start + len("Abdoulaye Diop"), "Abdoulaye Diop", "")])
    (event,) = events_of(text, None, [diop])
    assert event.text == text[start:]
    assert event.expression == "11 novembre 2021"
    assert event.actors == ["abdoulaye-diop"]


def test_year_from_the_dossier_and_relative_dates_from_the_inferred_day(nlp):
    dated = Article("a", "A", [Block("paragraph", "Le sommet s'est tenu le 11 novembre 2021.")])
    undated = Article("b", "B", [Block("paragraph", "L'information obtenue ce 25 septembre confirme "
                                                    "ce que la source a révélé il y a deux jours.")])
    articles = [dated, undated]
    events = find_events(articles, {a.id: analyse_article(nlp, a) for a in articles}, [])
    assert {(e.article, e.expression, e.date) for e in events} == {
        ("a", "11 novembre 2021", "2021-11-11"),
        ("b", "ce 25 septembre", "2021-09-25"),        # the year most of the dossier's dates have
        ("b", "il y a deux jours", "2021-09-23"),      # "ce 25 septembre" is the day of writing
    }
    date_articles(articles, events)
    assert undated.date == "2021-09-25" and undated.origins["date"] == INFERRED
    assert "date" in dated.origins and dated.date == "2021-11-11"


def test_date_articles_keeps_given_dates_and_skips_announced_ones():
    given = Article("a", "A", [], date="2020-01-01")
    undated = Article("b", "B", [])
    events = [Event("2021-11-11", "a", "…", [], "11 novembre 2021"),
              Event("2021-11-11", "b", "…", [], "11 novembre 2021"),
              Event("2022-03-03", "b", "…", [], "3 mars prochain"),
              Event("2021", "b", "…", [], "en 2021")]
    date_articles([given, undated], events)
    assert given.date == "2020-01-01" and "date" not in given.origins
    assert undated.date == "2021-11-11" and undated.origins["date"] == INFERRED


def test_seeds_gold_dates(seeds_dossier, gold):
    for aid, expected in gold["articles"].items():
        ours = {e.date for e in seeds_dossier.events if e.article == aid}
        assert set(expected.get("dates") or []) <= ours, aid


def test_weekday_before_a_day_number_is_not_a_relative_day():
    from dossier.dates import pattern

    match = pattern().search("les vendredi 20 et samedi 21 septembre")
    assert match.lastgroup == "date" and match.group(0) == "samedi 21 septembre"
    assert pattern().search("à l'été 2022").group(0) == "l'été 2022"


def test_word_alternatives_grouped_by_letter_match_as_the_plain_alternation():
    """The date words are grouped by their first letter to spare the regex engine; the
    matches are those of the plain alternation, longest word first."""
    import re

    from unidecode import unidecode

    from dossier.dates import _alternatives, _escaped, words

    for kind in ("months", "weekdays", "month_words", "year_words", "this_month", "units"):
        forms = sorted({f for w in words()[kind] for f in (w, unidecode(w))}, key=len, reverse=True)
        plain = re.compile(rf"(?<!\w)(?:{'|'.join(_escaped(f) for f in forms)})", re.IGNORECASE)
        grouped = re.compile(rf"(?<!\w)(?:{_alternatives(words()[kind])})", re.IGNORECASE)
        text = " ".join(forms + [f.upper() for f in forms] + [f + f for f in forms] + ["x" + f for f in forms])
        text = text.replace("'", "’", 3)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], kind
