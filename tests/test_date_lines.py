"""Article dates: the one date parser (dossier/dates/parse.py) that date lines and the timeline
share, and which of a page's date lines gives the article's date."""
from __future__ import annotations

import pytest

from dossier.clean.metadata import parse_date
from dossier.dates.parse import own_date, parse_day
from dossier.dates.resolve import Found
from dossier.dates.words import pattern


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
