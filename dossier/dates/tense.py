"""The tense of the verb a date expression hangs on, read from the analysis' morphology.

"se réunira jeudi" (future), "a été reçu jeudi" (past), "seront connus dimanche" (future), "doit évoquer la situation lundi" and
"devraient être examinées lundi" (a verb of intent in the present: to come), "est prévue le 23
mars", "est attendue jeudi" (planned: to come), "serait reçu jeudi" (a conditional: to come). The parser often hangs a date on the wrong noun ("la situation au Mali
lundi"): the walk goes up through nouns to the first verb, which is the clause's in either case.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ..models import Token
from ..text import load_data

PAST, PRESENT, FUTURE = "past", "present", "future"


def verbs() -> dict:
    return load_data("date_words.yml")["tense_verbs"]


def tense_at(tokens: list[Token], offset: int, depth: int = 0) -> str:
    """"past", "present" or "future" for the verb governing the word at `offset`; "" without one.
    (`depth`: how many planned participles up the tree this reading has climbed.)"""
    verb = _governing_verb(tokens, offset)
    if verb is None:
        return ""
    auxes = _auxiliaries(tokens, verb)
    if any("Tense=Fut" in t.morph for t in [verb, *auxes]):
        return FUTURE
    if any(t.lemma == "aller" and "Tense=Pres" in t.morph for t in auxes):
        return FUTURE
    past = _past(verb, auxes)
    if not past and verb.lemma in verbs()["planned"] and not auxes and verb.head != verb.i and depth < 3:
        # "le sommet, prévu le 3 juillet, avait été reporté": planned, as the clause's verb tells
        return PAST if tense_at(tokens, tokens[verb.head].idx, depth + 1) == PAST else FUTURE
    if not past and (verb.lemma in verbs()["planned"] or _intended(tokens, verb) or _intending(tokens, verb)):
        return FUTURE
    if not past and any("Mood=Cnd" in t.morph for t in [verb, *auxes]):
        return FUTURE                # "serait reçu jeudi": the future of a report ("aurait été tué" is past)
    return PAST if past else PRESENT


def _auxiliaries(tokens: list[Token], verb: Token) -> list[Token]:
    """The auxiliaries and copula of a verb or predicate ("seront connus", "sera disponible")."""
    return [t for t in tokens if t.head == verb.i and t.i != verb.i and (t.dep.startswith("aux") or t.dep == "cop")]


def _governing_verb(tokens: list[Token], offset: int) -> Token | None:
    """The verb the word at `offset` hangs on, or the predicate an auxiliary or a copula marks
    ("les résultats seront connus dimanche": "connus", an adjective to the parser)."""
    first = bisect_left(tokens, offset, key=attrgetter("idx"))   # the first token from the offset on
    token = tokens[first] if first < len(tokens) else None
    seen = set()
    while (token is not None and token.i not in seen and token.pos not in ("VERB", "AUX")
           and not _auxiliaries(tokens, token)):
        seen.add(token.i)
        token = tokens[token.head] if token.head != token.i else None
    return token


def _past(verb: Token, auxes: list[Token]) -> bool:
    """A past tense: simple ("annonça", "annonçait"), compound ("a annoncé", "avait annoncé"), or
    a passive whose auxiliary is in the past ("a été reçu", "était prévue")."""
    if "VerbForm=Fin" in verb.morph and ("Tense=Past" in verb.morph or "Tense=Imp" in verb.morph):
        return True
    if "VerbForm=Part" in verb.morph and any(t.dep == "aux:tense" for t in auxes):
        return True
    return any("Tense=Past" in t.morph or "Tense=Imp" in t.morph for t in auxes if "VerbForm=Fin" in t.morph)


def _intending(tokens: list[Token], verb: Token) -> bool:
    """A verb of intent in the present or the conditional, with its infinitive, governing the date
    itself ("Lundi, le ministre va présenter son plan": the parser hangs "Lundi" on "va")."""
    if verb.lemma not in verbs()["intent"] or not ("Tense=Pres" in verb.morph or "Mood=Cnd" in verb.morph):
        return False
    return any(t.head == verb.i and t.dep == "xcomp" and "VerbForm=Inf" in t.morph for t in tokens)


def _intended(tokens: list[Token], verb: Token) -> bool:
    """An infinitive (or passive participle) under a verb of intent in the present or the
    conditional: "doit évoquer", "devraient être examinées", "pourrait faire"."""
    if verb.dep not in ("xcomp", "ROOT") or verb.head == verb.i:
        return False
    head = tokens[verb.head]
    if head.lemma not in verbs()["intent"] or _past(head, _auxiliaries(tokens, head)):
        return False
    return "Tense=Pres" in head.morph or "Mood=Cnd" in head.morph
