"""Quoted runs: the statements a block quotes, read from its quotation marks as French
typography uses them, and the speech verbs that introduce or follow them.

The attribution (attribution.py) reads these runs and verbs to name each statement's speaker.
Speech verbs are data: dossier/data/speech_verbs.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..cast import tokens_within
from ..models import Token
from ..text import STOPS, fold, load_data, sentence_breaks


OPENERS = "«“‹‘"
CLOSERS = "»”›’"
STRAIGHT = '"'
# ‘ … ’: the closing mark is also the apostrophe, so it closes only an open ‘ and only where an
# apostrophe cannot stand (not before a letter: "l’ordre").
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
# Dialogue dashes (em and en dash, not the hyphen of bullet lists) opening a block: an answer in
# an interview ("— Chaque pays est libre…") or a line of dialogue ("— Nous partirons, répond-il.").
DIALOGUE_DASHES = "—–"
# Quoted runs of fewer words are scare quotes ("mercenaires", "instructeurs"), not statements.
MIN_WORDS = 4
# Below this length a quoted run must hold a verb to be a statement: "grand retour en Afrique"
# or "un partenaire stratégique et pragmatique" are phrases the writer borrows, not statements.
SHORT_WORDS = 8
# How many words an incise may begin with before its speech verb: auxiliaries, adverbs and
# the "-t-il" of an inversion ("», a-t-il ajouté", "», a encore déclaré X").
INCISE_REACH = 4
# a sentence ends at a stop, an ellipsis or a colon (a quote often opens after "a-t-il dit :")
SENTENCE_END = sentence_breaks(STOPS + "…:")
# The subject pronouns of an inverted incise ("met-il", "s'amuse-t-elle", "poursuivent-ils").
INVERTED_PRONOUNS = ("il", "elle", "ils", "elles")   # not "on": "», peut-on lire" names no one
MARKS = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT) + "]")


def speech_rules() -> dict:
    return load_data("speech_verbs.yml")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(fold(v) for v in speech_rules()["verbs"])


# --- finding quoted runs ------------------------------------------------------------------

@dataclass
class Span:
    start: int                       # character offsets of the quoted words (marks excluded)
    end: int
    # the parts of one pair of marks that an incise splits ("« Toute agression …, a-t-il
    # ajouté, recevra … »") share a number: they are one statement
    pair: int = -1


def quoted_spans(text: str, tokens: list[Token]) -> list[Span]:
    """The outermost quoted runs of a block, nested quotes left inside their statement."""
    spans: list[Span] = []
    stack: list[int] = []            # offsets of the opening marks still open
    floor = 0                        # a run cannot begin before the end of the previous one
    for mark in MARKS.finditer(text):
        pos, char = mark.start(), mark.group()
        if not _single_mark_counts(text, pos, stack):
            continue
        if _opens(text, pos, stack):
            if stack and text[stack[0]] == char and char != STRAIGHT:
                # A second « while one is open: the first was never closed.
                end = min(_incise_start(text, tokens, stack[0]), pos)
                spans.append(Span(stack[0] + 1, end))
                stack, floor = [], end
            stack.append(pos)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append(Span(start + 1, pos))
                floor = pos + 1
        else:
            # A closing mark whose opening one is missing: the quote began with its sentence.
            spans.append(Span(_sentence_start(text, floor, pos), pos))
            floor = pos + 1
    if stack:
        spans.append(Span(stack[0] + 1, _incise_start(text, tokens, stack[0])))
    parts = []
    for n, span in enumerate(spans):
        split = [_trim(text, part) for part in _split_at_incise(text, tokens, span)]
        split = [part for part in split if part.end > part.start]
        parts += [Span(part.start, part.end, n if len(split) > 1 else -1) for part in split]
    return parts


def _single_mark_counts(text: str, pos: int, stack: list[int]) -> bool:
    """‘ opens after a space or a bracket; ’ is a closing mark only for an open ‘ and when no
    letter follows it (else it is an apostrophe)."""
    char = text[pos]
    if char == SINGLE_OPEN:
        before = text[pos - 1] if pos else " "
        return before.isspace() or before in "([«“\"-—–"
    if char == SINGLE_CLOSE:
        after = text[pos + 1] if pos + 1 < len(text) else " "
        return bool(stack) and text[stack[-1]] == SINGLE_OPEN and not after.isalnum()
    return True


def dialogue_span(text: str, tokens: list[Token]) -> Span | None:
    """A block opened by a dialogue dash: its words up to an incise ("…, répond-il.")."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in DIALOGUE_DASHES:
        return None
    dash = len(text) - len(stripped)
    span = _trim(text, Span(dash + 1, _incise_start(text, tokens, dash)))
    return span if span.end > span.start else None


def _split_at_incise(text: str, tokens: list[Token], span: Span) -> list[Span]:
    """A quote broken by its attribution inside one pair of marks ("« Ce n'est pas un échec,
    a-t-il poursuivi, c'est une transformation »", "« Absurde, explique X, toxicologue. … »"):
    the two parts, the incise left outside so that its verb and subject are read."""
    inside = tokens_within(tokens, span.start, span.end)
    for n, token in enumerate(inside[:-1]):
        if token.text != "," or not _starts_incise(inside[n + 1:], tokens):
            continue
        end = _incise_end(inside, n + 1)
        if end is None:
            continue
        rest = Span(end, span.end)
        return [Span(span.start, token.idx)] + _split_at_incise(text, tokens, rest)
    return [span]


def _incise_end(inside: list[Token], first: int) -> int | None:
    """Where the words after an incise begin: after its closing comma, or after the apposition
    that follows the speaker's name ("explique X, toxicologue, ancien de l'Anses.")."""
    for m in range(first, len(inside)):
        token = inside[m]
        if token.text in ".;!?…":
            return token.idx + 1
        if token.text == "," and m > first + 1:
            after = inside[m + 1:]
            clause_end = next((k for k, t in enumerate(after) if t.text in ".;!?…"), len(after))
            if after[:clause_end] and not any(t.pos in ("VERB", "AUX") for t in after[:clause_end]) \
                    and after[0].pos in ("NOUN", "ADJ"):
                if clause_end < len(after):
                    return after[clause_end].idx + 1
            return token.idx + 1
    return None


def _is_dash_question(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped[0] in DIALOGUE_DASHES and stripped.endswith("?")


def _opens(text: str, pos: int, stack: list[int]) -> bool:
    char = text[pos]
    if char != STRAIGHT:
        return char in OPENERS
    if stack and text[stack[-1]] == STRAIGHT:
        return False
    # A straight mark opens after a space, a bracket or an elision (d'"instructeurs").
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([’'-") and not after.isspace()


def _sentence_start(text: str, floor: int, pos: int) -> int:
    starts = [m.end() for m in SENTENCE_END.finditer(text, floor, pos)]
    return starts[-1] if starts else floor


def _incise_start(text: str, tokens: list[Token], opening: int) -> int:
    """Where a quote left open ends: before an inverted attribution ("…. a-t-il ajouté",
    "…, a déclaré X"), else at the end of the block (a quote running over paragraphs)."""
    after = [t for t in tokens if t.idx > opening]
    for n, token in enumerate(after):
        if token.pos == "PUNCT" and token.text in ",.;!?…" and _starts_incise(after[n + 1:], tokens):
            return token.idx
    return len(text)


def _starts_incise(tokens: list[Token], block_tokens: list[Token]) -> bool:
    for token in tokens[:INCISE_REACH]:
        if is_speech_verb(token, block_tokens):
            return True
        if not (token.pos in ("AUX", "ADV") or token.text.startswith("-")):
            return False
    return False


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in OPENERS + ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSERS + STRAIGHT + ","):
        end -= 1
    return Span(start, end)


def is_statement(text: str, tokens: list[Token], span: Span) -> bool:
    words = text[span.start:span.end].split()
    if len(words) < MIN_WORDS:
        return False
    if len(words) >= SHORT_WORDS:
        return True
    return any(t.pos in ("VERB", "AUX") for t in tokens_within(tokens, span.start, span.end))


# Endings of the -er verbs, for the forms the model mislemmatises or mistags ("estime",
# "juge", "note" read as nouns): il estime, ils estiment, estimé(e)(s), estimait, estimera…
ER_ENDINGS = ("e", "es", "ent", "a", "ait", "aient", "era", "erait", "ant", "é", "ée", "és", "ées")


@lru_cache(maxsize=1)
def speech_verb_forms() -> frozenset[str]:
    forms = set()
    for verb in speech_verbs():
        if verb.endswith("er"):
            stem = verb[:-2]
            forms.update(stem + ending for ending in ER_ENDINGS)
            if stem[-1] in "lt":  # rappeler → rappelle
                forms.update((stem + stem[-1] + "e", stem + stem[-1] + "ent"))
    return frozenset(forms)


def is_speech_verb(token: Token, tokens: list[Token] | None = None) -> bool:
    """A speech verb by its lemma, or, given the block's tokens, by its form where it stands
    as a verb does: after "», " ("», estime le ministre"), before "-t-il", "que" or a colon."""
    if token.text.startswith("-"):
        return False
    if token.pos in ("VERB", "AUX") and fold(token.lemma) in speech_verbs():
        return True
    if tokens is not None and is_inverted_incise(token, tokens):
        return True
    if tokens is None or fold(token.text) not in speech_verb_forms():
        return False
    before = tokens[token.i - 1].text if token.i else ""
    after = tokens[token.i + 1].text if token.i + 1 < len(tokens) else ""
    after_quote = before != "" and before in "," + CLOSERS + STRAIGHT
    inverted = before.startswith("-") and before != "-"   # "avait-il martelé" (read as an adjective)
    return after_quote or inverted or after.startswith("-") or fold(after) in ("que", "qu'", ":")


def is_inverted_incise(token: Token, tokens: list[Token]) -> bool:
    """Any verb right after a quote's closing mark with its subject pronoun inverted ("»,
    met-il en perspective", "», s'amuse-t-elle"): French typography's attribution."""
    # any word but an auxiliary ("avait-il affirmé": the participle is the verb): a word followed
    # by "-t-elle" is a verb, whatever the tagger says ("soupire" read as a noun)
    if token.pos in ("AUX", "PRON", "PUNCT") or token.i + 1 >= len(tokens):
        return False
    after = [t.text for t in tokens[token.i + 1:token.i + 4] if t.text != "-t"]   # "soupire-t-elle": "-t", "-elle"
    if not after or fold(after[0]).lstrip("-").removeprefix("t-") not in INVERTED_PRONOUNS:
        return False
    back = [t.text for t in tokens[max(0, token.i - 3):token.i] if t.pos != "PRON"]
    if not back or back[-1] != ",":
        return False
    # after a closing mark ("», met-il en perspective"), or inside the marks as a clause of its own
    # ("« Ce qu'on nous annonce, soupire-t-elle. C'est … »")
    return any(b in CLOSERS + STRAIGHT for b in back) or (len(after) > 1 and after[1] in ",.;…")
