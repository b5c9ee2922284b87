"""The speaker named right after the speech verb, with or without a role ("», a soutenu le
colonel-major X", "», a dénoncé le ministre de l'Intérieur, X"), however the parser hangs the name:
on the role, on its complement ("le ministre de l'Intérieur X"), or on the verb as a second object
("a annoncé à l'AFP le maire de Lyon, X"). And the names that are someone else's: the person the
role's complement is ("le porte-parole du président X"), the one an unnamed source is close to.
And a quote nothing attributes, whose speaker the paragraph names only after it, at their next quote."""
from __future__ import annotations

import pytest

from dossier.analyse import analyse_article
from dossier.models import Actor, Article, Block
from dossier.quotes import find_quotes
from quoting import mention_names

# id → names longest first (no roles: the text alone must say who speaks)
PEOPLE = {
    "amadou-abdramane": ["Amadou Abdramane"],
    "gerald-darmanin": ["Gérald Darmanin", "Darmanin"],
    "jean-dupont": ["Jean Dupont"],
    "ana-sofia-cardenal": ["Ana Sofia Cardenal", "Cardenal"],
}
QUOTE = "« Ces violences sont inacceptables et seront punies », "


@pytest.fixture(scope="module")
def speakers_of(nlp):
    def read(text: str):
        article = Article("a", "Titre", [Block("paragraph", text)])
        actors = [mention_names(Actor(aid, names[0], "person", names[1:], []), article, names)
                  for aid, names in PEOPLE.items()]
        quotes = find_quotes([article], {"a": analyse_article(nlp, article)}, actors)
        return [(q.speaker, q.source_text) for q in quotes]
    return read


@pytest.mark.parametrize("attribution, speaker", [
    ("a soutenu le colonel-major Amadou Abdramane.", "amadou-abdramane"),
    ("a soutenu le colonel-major Amadou Abdramane, porte-parole du gouvernement.", "amadou-abdramane"),
    ("a dénoncé le ministre de l'Intérieur, Gérald Darmanin.", "gerald-darmanin"),
    ("a dénoncé le ministre de l'Intérieur Gérald Darmanin.", "gerald-darmanin"),
    ("a dénoncé mardi le ministre de l'Intérieur, Gérald Darmanin, devant les députés.", "gerald-darmanin"),
    ("a dénoncé Gérald Darmanin, ministre de l'Intérieur.", "gerald-darmanin"),
    ("a annoncé à l'AFP le maire de Lyon, Jean Dupont.", "jean-dupont"),
    ("a déclaré à la presse Jean Dupont.", "jean-dupont"),
])
def test_the_person_named_after_the_verb_is_the_speaker(speakers_of, attribution, speaker):
    assert speakers_of(QUOTE + attribution) == [(speaker, None)]


@pytest.mark.parametrize("source", [
    "le porte-parole du président Gérald Darmanin",
    "le chef de cabinet du ministre de l'Intérieur Gérald Darmanin",
    "un proche du ministre de l'Intérieur Gérald Darmanin",
    "un proche de la famille Gérald Darmanin",
    "le porte-parole du footballeur Gérald Darmanin",
])
def test_a_name_the_complement_gives_is_someone_else(speakers_of, source):
    assert speakers_of(QUOTE + f"a dénoncé {source}.") == [(None, source)]


def test_a_quote_split_around_a_role_and_name_is_theirs_in_both_parts(speakers_of):
    text = ("« Ces violences sont inacceptables », a dénoncé le ministre de l'Intérieur, Gérald Darmanin, "
            "« et elles seront punies sans faiblesse ».")
    assert speakers_of(text) == [("gerald-darmanin", None), ("gerald-darmanin", None)]


def test_a_quote_nothing_attributes_is_the_next_speaker_named_after_it(speakers_of):
    text = ("Chez nos voisins, cette affirmation n'a jamais été prise au sérieux : « Le message disait que cette "
            "information venait d'une étude, mais cette université a très vite démenti ». En revanche, l'affaire "
            "prend une tournure différente chez nous, détaille Mme Cardenal, qui développe : « Lutter contre les "
            "fausses informations est très difficile, surtout si elles viennent d'une source crédible. »")
    assert speakers_of(text) == [("ana-sofia-cardenal", None), ("ana-sofia-cardenal", None)]


def test_not_across_another_person_named_before_the_next_speaker(speakers_of):
    text = ("Chez nos voisins, cette affirmation n'a jamais été prise au sérieux : « Le message disait que cette "
            "information venait d'une étude, mais cette université a très vite démenti ». Jean Dupont l'a relayée "
            "pourtant, détaille Mme Cardenal, qui développe : « Lutter contre les fausses informations est très "
            "difficile, surtout si elles viennent d'une source crédible. »")
    assert speakers_of(text) == [(None, None), ("ana-sofia-cardenal", None)]
