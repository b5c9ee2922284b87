"""Rules: the editorial knowledge that turns entities into actors (titles, type cues,
institutions, generic words…), read once from dossier/data/actor_rules.yml."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..names import NameRules, name_key, words
from ..text import load_data


@dataclass
class Rules:
    names: NameRules
    titles: dict[str, list[list[str]]]  # first word → the titles it opens; folded words, longest first
    type_cues: dict[str, str]          # folded word → type
    institutions: set[str]
    portfolios: set[str]
    generic: set[str]
    generic_organizations: set[str]
    definite_articles: set[str]
    place_prepositions: set[str]
    demonym_endings: tuple[str, ...]
    longest_name_word: int             # characters of a name's longest word
    metonyms: set[str]
    indefinite_articles: set[str]      # "un Baron Noir": a name used as a common noun
    work_makers: set[str]              # "le réalisateur de Dobermann": the name is a work's
    members: set[str]                  # "l'entraîneur du Barça": the name is an organisation's
    same_bodies: list[list[str]]       # Palais-Bourbon = Assemblée nationale
    place_bodies: set[str]             # "le tribunal correctionnel de Castres": the body's name
    portfolio_titles: set[str]         # "ministre de la Cohésion des territoires": a portfolio
    namesake_dominance: float          # see actor_rules.yml
    unsure_corroboration: int         # see actor_rules.yml
    event_words: set[str]              # "Coupe", "Jeux": a repeated unsure name is an event's
    speech_verbs: set[str]             # speech_verbs.yml (shared with quotes/): "X révèle"
    sources: set[str]                  # speech_verbs.yml: "selon X", "d'après X"
    read_in: set[str]                  # "lire dans X", "révélé par X": a paper or a body cited


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = load_data("actor_rules.yml")
    speech = load_data("speech_verbs.yml")
    return Rules(
        names=NameRules.from_data(data),
        titles=titles_by_first_word(data["titles"]),
        type_cues={name_key(w): kind for kind, cues in data["type_cues"].items() for w in cues},
        institutions=keys(data["institutions"]),
        portfolios=keys(data["portfolios"]),
        generic=keys(data["generic"]),
        generic_organizations=keys(data["generic_organizations"]),
        definite_articles=keys(data["definite_articles"]),
        place_prepositions=keys(data["place_prepositions"]),
        demonym_endings=tuple(name_key(w) for w in data["demonym_endings"]),
        longest_name_word=data["longest_name_word"],
        metonyms=keys(data["metonyms"]),
        indefinite_articles=keys(data["indefinite_articles"]),
        work_makers=keys(data["work_makers"]),
        members=keys(data["members"]),
        portfolio_titles=keys(data["portfolio_titles"]),
        place_bodies=keys(data["place_bodies"]),
        same_bodies=[[str(n) for n in group] for group in data["same_bodies"]],
        namesake_dominance=float(data["namesake_dominance"]),
        unsure_corroboration=int(data["unsure_corroboration"]),
        event_words=keys(data["event_words"]),
        speech_verbs=keys(speech["verbs"]),
        sources=keys(speech["sources"]),
        read_in=keys(data["read_in"]),
    )


def keys(words: list[str]) -> set[str]:
    """A word list of the YAML as the name keys the rules compare with."""
    return {name_key(w) for w in words}


def titles_by_first_word(titles: list[str]) -> dict[str, list[list[str]]]:
    """A title can only open a phrase that starts with its first word: looking up that word
    finds the few titles to try, rather than trying them all at every word of the text."""
    found: dict[str, list[list[str]]] = defaultdict(list)
    for title in sorted((words(t) for t in titles), key=len, reverse=True):
        if title:
            found[title[0]].append(title)
    return dict(found)

