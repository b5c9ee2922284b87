"""Article dates: the one date parser (dossier/dates/parse.py) that date lines and the timeline
share, and which of a page's date lines gives the article's date."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import clean_articles
from dossier.clean.metadata import parse_date
from dossier.dates.parse import own_date, parse_day
from dossier.dates.resolve import Found
from dossier.dates.words import pattern
from dossier.models import RawArticle


@pytest.mark.parametrize("text, expected", [
    ("vendredi 1er septembre 2023", "2023-09-01"),
    ("07 Mai 2020", "2020-05-07"),
    ("14.09.2020", "2020-09-14"),
    ("Mise à jour 11.08.2023 à 10:05", "2023-08-11"),
    ("Le 17/02/2020", "2020-02-17"),
    ("DATE : 27/09/2020", "2020-09-27"),
    ("09/08/23", "2023-08-09"),
    ("7:07 PM EST Nov 19, 2019", "2019-11-19"),        # not French: dateparser reads it
    ("31/02/2020", None),
    ("hier", None),
    ("il y a 2 heures", None),
    ("le 11 novembre", None),                          # no year: no day by itself
    (None, None),
])
def test_a_date_line_is_read_by_the_one_parser(text, expected):
    assert parse_day(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["Python 3.10.12 est sorti.", "Le score final : 3.10.12.", "un ratio de 1.000.000"])
def test_dotted_numbers_with_a_short_year_are_no_dates(text):
    assert not [m for m in pattern().finditer(text) if m.lastgroup == "numeric"]


def test_an_event_and_a_date_line_with_the_same_words_give_the_same_day():
    sentence = "Le sommet s'est tenu le jeudi 31 août 2023 à Ouagadougou."
    match = next(m for m in pattern().finditer(sentence) if m.lastgroup == "date")
    assert own_date(Found(match, 0, (0, len(sentence)))) == parse_day("jeudi 31 août 2023") == "2023-08-31"


BODY = ("La junte qui a pris le pouvoir le 26 juillet a opposé mardi une fin de non-recevoir à la "
        "diplomatie ouest-africaine, et ses militaires ont refusé de recevoir la mission conjointe de la CEDEAO.")
BODY2 = ("Les dirigeants de la CEDEAO se réuniront jeudi à Abuja, la capitale du Nigeria, pour un sommet "
         "extraordinaire consacré à la crise nigérienne, a annoncé l’organisation dans un communiqué.")
HEADLINE = "Coup d’État au Niger : la junte ferme la porte à la CEDEAO, qui se réunira jeudi à Abuja"
MENU = ["Aller au contenu principal", "Actualité", "Sport", "Monde", "Se connecter"]


def clean_one(*lines: str):
    text = "\n".join(MENU + list(lines))
    return clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]


def test_the_dates_of_a_related_articles_list_under_the_text_are_not_the_articles():
    article = clean_one(HEADLINE, BODY, BODY2, "Sur le même thème", "Le Mali rompt avec la France", "05/06/2020",
                        "Une mission de l’ONU à Niamey", "25/05/2020")
    assert article.date is None


def test_a_breadcrumb_under_the_headline_does_not_hide_the_date_line():
    article = clean_one(HEADLINE, "à la une", "Publié sur 18/02/2020", BODY, BODY2)
    assert article.date == "2020-02-18"


@pytest.mark.parametrize("line, expected", [
    ("Politique scientifique française 20 janvier 202020 janvier 2020évaluation, HCERES 0 Comment", "2020-01-20"),
    ("Mon 18 Nov 2019 18.54 GMT", "2019-11-18"),
])
def test_a_head_line_holding_a_date_gives_it_when_no_date_line_does(line, expected):
    article = clean_one(HEADLINE, "Martin Clavey", line, BODY, BODY2)
    assert article.date == expected and article.origins["date"].startswith("ligne d’en-tête")


def test_the_publication_date_comes_before_the_update_and_the_update_is_a_last_resort():
    assert clean_one(HEADLINE, "Publié le 09/08/2023", "Mise à jour 11.08.2023 à 10:05", BODY, BODY2).date == "2023-08-09"
    assert clean_one(HEADLINE, "Mise à jour 11.08.2023 à 10:05", BODY, BODY2).date == "2023-08-11"


def test_a_date_in_the_text_is_no_head_line():
    article = clean_one(HEADLINE, BODY, "Le sommet du 20 janvier 2020 à Abuja.", BODY2)
    assert article.date is None
