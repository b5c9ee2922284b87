"""Actors kept, typed and joined on general evidence (issue 17, session 4): a name the model was
unsure of that recurs, a person's given name alone or initials, a name cut at a hyphen, a plural
that is no demonym, a body and its name with its seat —
on hand-built candidates, no model."""
from __future__ import annotations

from dossier.actors.build import make_actor
from dossier.actors.candidates import Candidate
from dossier.actors.forms import Form
from dossier.actors.merge import Groups, Resolution, suspect_prefixes
from dossier.actors.rules import load_rules
from dossier.actors.surnames import given_forms
from dossier.actors.candidates import full_person, is_demonym
from dossier.actors.context import foreign_phrase, hyphen_joined
from dossier.models import Mention, Token
from dossier.names import name_key


def candidate(text: str, article: str = "a", label: str | None = None, cue: str | None = None) -> Candidate:
    return Candidate(Mention(article, 0, 0, len(text), text, text), label, cue, False, None, 0)


def group(*candidates: Candidate) -> list[tuple[Form, Candidate]]:
    forms: dict[str, Form] = {}
    for c in candidates:
        forms.setdefault(name_key(c.mention.text), Form(name_key(c.mention.text))).candidates.append(c)
    return [(forms[name_key(c.mention.text)], c) for c in candidates]


def test_an_unsure_name_written_twice_in_one_article_is_an_organisation():
    rules = load_rules()
    twice = make_actor(group(candidate("Netflix"), candidate("Netflix")), {}, rules)
    assert twice is not None and twice.type == "organization"
    assert make_actor(group(candidate("Netflix")), {}, rules) is None          # once: unsure
    apart = group(candidate("Netflix", "a"), candidate("Netflix", "b"))        # once in each of two articles
    assert make_actor(apart, {}, rules) is None
    assert make_actor(group(candidate("Covid-19"), candidate("Covid-19")), {}, rules) is None   # a disease


def said(text: str, sentence: str) -> Candidate:
    """An unsure mention of `text` in `sentence`."""
    return Candidate(Mention("a", 0, 0, len(text), text, sentence), None, None, False, None, 0)


def test_a_repeated_unsure_name_is_typed_from_the_words_around_it():
    rules = load_rules()
    work = group(said("Squid Game", "La série « Squid Game » cartonne."), said("Squid Game", "Squid Game plaît."))
    assert make_actor(work, {}, rules) is None                                   # a title in quotation marks
    cup = group(said("Coupe Davis", "La Coupe Davis reprend."), said("Coupe Davis", "La Coupe Davis change."))
    assert make_actor(cup, {}, rules).type == "event"                            # an event's word opens it
    edition = group(said("Roland-Garros", "Roland-Garros 2024 a commencé."), said("Roland-Garros", "à Roland-Garros"))
    assert make_actor(edition, {}, rules).type == "event"                        # a year follows it
    firm = group(said("Netflix", "« Netflix investit », dit-il."), said("Netflix", "Netflix paie."))
    assert make_actor(firm, {}, rules).type == "organization"                    # quoted speech around it is no title


def test_given_names_alone_without_middle_initials_and_initials_name_the_person():
    assert given_forms(["marsha", "p"], "johnson") == [["marsha", "p"], ["marsha"], ["m", "p", "j"]]
    assert given_forms(["alexandre"], "hervaud") == [["alexandre"], ["a", "h"]]
    assert given_forms(["a"], "hervaud") == [["a"]]          # no initials made of initials


def test_a_spelled_out_name_is_shown_over_its_initials():
    rules = load_rules()
    people = group(candidate("A.H.", label="person"), candidate("A.H.", label="person"),
                   candidate("Alexandre Hervaud", label="person"))
    assert make_actor(people, {}, rules).name == "Alexandre Hervaud"


def tokens(*words: tuple[str, str, str]) -> list[Token]:
    """(text, part of speech, morphology) → tokens, one space apart."""
    found, idx = [], 0
    for i, (text, pos, morph) in enumerate(words):
        found.append(Token(i, text, idx, text.lower(), pos, "dep", i, morph))
        idx += len(text) + 1
    return found


def test_a_plural_noun_is_inhabitants_only_after_a_plural_determiner():
    rules = load_rules()
    belges = tokens(("des", "DET", "Number=Plur"), ("Belges", "NOUN", "Number=Plur"))
    assert is_demonym(belges, 1, "LOC", rules)
    mopti = tokens(("région", "NOUN", "Number=Sing"), ("de", "ADP", ""), ("Mopti", "NOUN", "Number=Plur"))
    assert not is_demonym(mopti, 2, "LOC", rules)     # the tagger's plural, after "de": a place


def test_a_name_cut_at_a_hyphen_takes_the_joined_word_back():
    # "Georges-Louis Bouchez dépasse", the model's span on "Louis Bouchez"
    words = [Token(0, "Georges", 0, "georges", "PROPN", "dep", 0), Token(1, "-", 7, "-", "PUNCT", "dep", 0),
             Token(2, "Louis", 8, "louis", "PROPN", "dep", 0), Token(3, "Bouchez", 14, "bouchez", "PROPN", "dep", 0),
             Token(4, "dépasse", 22, "dépasser", "VERB", "dep", 0)]
    assert hyphen_joined(words, 2, 4) == (0, 4)
    spaced = [Token(0, "Paris", 0, "paris", "PROPN", "dep", 0), Token(1, "-", 6, "-", "PUNCT", "dep", 0),
              Token(2, "Louis", 8, "louis", "PROPN", "dep", 0)]     # "Paris - Louis": a dash, not a hyphen
    assert hyphen_joined(spaced, 2, 3) == (2, 3)


def test_a_body_and_its_name_with_its_seat_are_one_in_their_article():
    rules = load_rules()
    def forms(*named: tuple[str, str, str]) -> Resolution:
        made = [Form(name_key(text), [candidate(text, article, label)]) for text, label, article in named]
        return Resolution(made, Groups(made, []))
    res = forms(("Paris-8", "organization", "a"), ("Paris-8 de Saint-Denis", "organization", "a"),
                ("Saint-Denis", "place", "a"))
    suspect_prefixes(res, rules)
    assert res.groups.find(0) == res.groups.find(1)
    other = forms(("Conseil de sécurité", "organization", "a"),
                  ("Conseil de sécurité des Nations unies", "organization", "a"), ("Nations unies", "organization", "a"))
    suspect_prefixes(other, rules)
    assert other.groups.find(0) != other.groups.find(1) and other.suspected      # asked, not joined


def test_a_kind_of_body_alone_is_no_actor():
    rules = load_rules()
    assert make_actor(group(candidate("Université", label="organization")), {}, rules) is None
    assert make_actor(group(candidate("Université de Nantes", label="organization")), {}, rules) is not None


def test_a_phrase_of_another_language_is_no_name():
    tweet = [Token(0, "The", 0, "the", "X", "dep", 0), Token(1, "FDA", 4, "fda", "X", "dep", 0),
             Token(2, "has", 8, "has", "X", "dep", 0), Token(3, "moved", 12, "moved", "X", "dep", 0)]
    assert foreign_phrase(tweet, 0, 4, load_rules())
    korean = [Token(0, "Lee", 0, "lee", "PROPN", "dep", 0), Token(1, "Kang", 4, "kang", "PROPN", "dep", 0),
              Token(2, "-", 8, "-", "PUNCT", "dep", 0), Token(3, "in", 9, "in", "X", "dep", 0)]
    assert not foreign_phrase(korean, 0, 4, load_rules())      # "in" is joined to its name by a hyphen


def test_a_heading_names_a_person_only_in_full():
    rules = load_rules()
    assert full_person(candidate("Paul Collier", label="person"), rules)
    assert not full_person(candidate("Collier", label="person"), rules)              # a surname alone
    assert not full_person(candidate("Coopération militaire", label="organization"), rules)
    assert not full_person(candidate("Grand Continent", label="person", cue="organization"), rules)
