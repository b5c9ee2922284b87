"""Roles: the titles and roles written next to a name ("le président Macron", "Sergueï Lavrov,
ministre russe des Affaires étrangères"), and the titles the model took into a name."""
from __future__ import annotations

import re

from ..models import BlockAnalysis, Entity, Token
from ..names import name_key
from .rules import Rules

# A role stops at the first word that starts a clause or a list.
ROLE_STOPS = {"PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ"}
ROLE_MAX_TOKENS = 14     # a role holds at most this many tokens
GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")  # "étrangèresConférence": two lines run together


def read_role(reading: BlockAnalysis, start: int, end: int, text: str, label: str,
              rules: Rules) -> tuple[str | None, str | None, bool]:
    """The roles next to the name (before it, and a second one after it: "le colonel X,
    porte-parole du gouvernement"), and whether they make the name a person's. A role set off
    by a comma does not overrule the model's place or organisation ("… du premier ministre
    malien, Moscou confirme"); one right before the name does ("le président Macron"), and so
    does an apposition around a name of several words ("Le chef de la Minusma, El-Ghassim
    Wane, a …", "El-Ghassim Wane, chef de la Minusma, a …")."""
    tokens = reading.tokens
    before = role_before(tokens, start, text, rules)
    after = role_after(tokens, end, text, rules, reading.entities)
    next_to_name = before is not None and tokens[start - 1].pos != "PUNCT"
    role = before or after
    also = after if before is not None and after is not None and name_key(after) != name_key(before) else None
    says_person = role is not None and (label in {"PER", "MISC"} or next_to_name
                                        or in_apposition(tokens, start, end, text, before, after))
    return role, also, says_person


def in_apposition(tokens: list[Token], start: int, end: int, text: str, before: str | None,
                  after: str | None) -> bool:
    """A name of several words set off by commas next to a role: "Le chef de la Minusma,
    El-Ghassim Wane, a …" (closed by a comma or the sentence's end), "El-Ghassim Wane, chef de
    la Minusma, …" (with no article or preposition before it: "au Burkina Faso, ministre …")."""
    name = text[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1].text)]
    if len(name.split()) < 2 or start == 0:
        return False
    closed = end >= len(tokens) or tokens[end].text in {",", ".", ";", ")", "»"}
    if before is not None and tokens[start - 1].text == "," and closed:
        return True
    opened = tokens[start - 1].pos not in {"DET", "ADP"} or tokens[start - 1].text[:1].isupper()
    return after is not None and opened


def starts_with_title(folded: list[str], rules: Rules) -> int:
    """Length in tokens of the title that opens `folded` (folded tokens, one of which may hold
    several words: "porte-parole", "colonel-major"), 0 if none."""
    if not folded:
        return 0
    for title in rules.titles.get(folded[0].partition(" ")[0], []):
        n = title_tokens(title, folded)
        if n:
            return n
    return 0


def title_tokens(title: list[str], folded: list[str]) -> int:
    """How many tokens of `folded` the title's words fill, 0 if they do not open it. The last
    token may run on ("colonel" opens "colonel-major")."""
    w = k = 0
    while w < len(title):
        if k >= len(folded):
            return 0
        parts = folded[k].split()
        take = parts[: len(title) - w]
        if not take or take != title[w : w + len(take)]:
            return 0
        w, k = w + len(take), k + 1
    return k


def role_before(tokens: list[Token], start: int, text: str, rules: Rules) -> str | None:
    """"le premier ministre malien, Chogel Maïga" / "le président Vladimir Poutine"."""
    end = start - 1
    if end >= 0 and tokens[end].text == ",":
        end -= 1
    if end < 0 or tokens[end].pos in {"ADP", "DET"}:
        return None      # "le ministre … de la [Russie]": the name completes the role
    j = end
    while j >= 0 and not stops_role(tokens, j) and end - j < ROLE_MAX_TOKENS:
        j -= 1
    return find_role(tokens[j + 1 : end + 1], text, rules, anywhere=True)


def role_after(tokens: list[Token], end: int, text: str, rules: Rules,
               entities: list[Entity]) -> str | None:
    """"Sergueï Lavrov, ministre russe des Affaires étrangères, a …"; not another person's title
    ("Emmanuel Macron, le président Joe Biden et …": the model found a person's name in it)."""
    if end >= len(tokens) or tokens[end].text != ",":
        return None
    j = end + 1
    while j < len(tokens) and tokens[j].pos in {"DET", "ADV"}:
        j += 1           # "M’Jid El Guerrab, alors député LREM, …"
    k = j
    while k < len(tokens) and not stops_role(tokens, k) and k - j < ROLE_MAX_TOKENS:
        k += 1
    if any(e.label == "PER" and j <= e.token_start < k for e in entities):
        return None
    return find_role(tokens[j:k], text, rules, anywhere=False)


def stops_role(tokens: list[Token], k: int) -> bool:
    """A word that ends a role: punctuation, a verb, a pronoun, a conjunction; not a participle
    that opens a complement ("commissaire de la Cedeao chargé des Affaires politiques")."""
    token = tokens[k]
    if token.pos not in ROLE_STOPS:
        return False
    participle = (token.pos == "VERB" and "VerbForm=Part" in token.morph and token.text[:1].islower()
                  and k + 1 < len(tokens) and tokens[k + 1].pos in {"ADP", "DET"})
    return not participle


def title_at(segment: list[Token], folded: list[str], i: int, rules: Rules) -> int:
    """Length of the title that opens segment[i:], 0 if none. A capitalised title word is a
    title when it cannot be a name's ("Premier ministre", "Secrétaire général", "Président"):
    a multi-word title or a generic word; "Général de Gaulle", "Prince Harry" are names."""
    n = starts_with_title(folded[i:], rules)
    if n and (segment[i].text[:1].islower() or n > 1 or folded[i] in rules.generic
              or before_full_name(segment[i + n:])):
        return n
    return 0


def before_full_name(rest: list[Token]) -> bool:
    """"Capitaine Ibrahim Traoré": a capitalised title before a given name and a surname is a
    title; before one name it may be the name's own ("Prince Harry", "Général de Gaulle")."""
    k = 0
    while k < len(rest) and not rest[k].text[:1].isupper():
        k += 1           # the title's own end: "Colonel-[général] Iounous-Bek Evkourov"
    names = [t for t in rest[k:] if t.text[:1].isalpha()]
    return len(names) >= 2 and all(t.text[:1].isupper() for t in names)


def title_in_name(tokens: list[Token], start: int, end: int, label: str, text: str,
                  rules: Rules) -> tuple[int, str | None]:
    """"[Niamey le Premier ministre nigérien], Ouhoumoudou Mahamadou", "[ministre Lavrov]": the
    model took a title into a person's name. The title and the words in lower case after it
    are a role, not the name; the name is what follows them (nothing, when the span ends with
    the role, or when the role ends with "de la" and the name completes it: "[président de la
    France]"). Returns the name's new start (`end` for nothing) and the role."""
    segment = tokens[start:end]
    if label != "PER" and not before_full_name(segment[1:]):
        return start, None
    folded = [name_key(t.text) for t in segment]
    for k in range(len(segment) if label == "PER" else 1):
        n = title_at(segment, folded, k, rules)
        if n:
            r = start + k + n
            while r < end and not tokens[r].text[:1].isupper():
                r += 1
            last = tokens[r - 1]
            if last.pos in {"ADP", "DET"}:
                return end, None     # "[président de la France]": the name completes the role
            return r, text[tokens[start + k].idx : last.idx + len(last.text)]
    return start, None


def find_role(segment: list[Token], text: str, rules: Rules, anywhere: bool) -> str | None:
    """The role in a noun phrase: from its title word (anywhere in it, or only at its start)
    to the end of the phrase."""
    folded = [name_key(t.text) for t in segment]
    for i in range(len(segment) if anywhere else min(1, len(segment))):
        if title_at(segment, folded, i, rules):
            last = segment[-1]
            role = text[segment[i].idx : last.idx + len(last.text)]
            return GLUED.split(role)[0].strip()
    return None

