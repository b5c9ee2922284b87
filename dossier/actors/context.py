"""Context: what the words right around a name say of it beyond the model's label.

- a work or a text, not an actor: "un Baron Noir n'a rien à envier à un House of Cards" (an
  indefinite article makes a name a common noun), "le réalisateur de Dobermann", "le règlement de
  Dublin II" (a maker's or a text's noun, then "de");
- no actor after a minister's title: "ministre de la Cohésion des territoires", "ministre des
  Comptes publics" (a portfolio); nor an acronym of a phrase in lower case: "indemnités
  représentatives de frais de mandat (IRFM)" (a common noun's short form);
- a family, a person: "les Kiline", "les Braguine" (a plural name without a plural's ending);
- a team or a party, not a place: "l'entraîneur du Barça", "l'ancien joueur du Stade rennais"
  (a member's noun, then "du", "de la", "des"), "CD&V", "N-VA" (capitals joined by "&" or "-");
- an event's word that belongs to its name: "le sommet Russie-Afrique";
- a name the model was unsure of (MISC) that speaks or is cited: "Mediapart révèle que …",
  "selon Mediapart", "peut-on lire dans Les Échos" (the corroboration a weak label needs);
- a name the model cut from its head: "les [Mutuelles] de [Bretagne]", "la [Gare] de [Lyon]"
  (a capitalised noun inside a sentence, then "de", is the name's first word);
- a body named after its place: "le tribunal correctionnel de Castres", "le conseil régional
  d'Occitanie" (a body's noun in lower case, adjectives, then "de" and the place's name);
- a surname in capitals that the model left out: "le Capitaine [Ibrahim] TRAORE" (a person);
- a name cut at a hyphen ("Georges-[Louis Bouchez]"), a phrase of another language ("The FDA
  has moved mountains");
- a name that ran on into the next: "la N-VA de Bart De Wever", "la Dares du ministère de
  l'Emploi" (an acronym, or a name followed by an institution, then "de").
The word lists are data: dossier/data/actor_rules.yml (indefinite_articles, work_makers, members,
portfolio_titles, place_bodies, type_cues, institutions, titles).
"""
from __future__ import annotations

import re

from ..models import BlockAnalysis, Entity, Token
from ..names import name_key
from .rules import Rules

WORK = "work"
# "de", "du", "des", "d'" folded: the link between a noun and the name it governs.
OF = {"de", "du", "des", "d"}
# Articles that "de" takes before a name: "de la Nupes", "de l'Eintracht".
OF_ARTICLES = {"la", "l", "les"}
# An acronym-like head written in capitals, with the hyphens and ampersands of party names
# ("N-VA", "CD&V", "PS"): at least this many capital letters.
ACRONYM_HEAD = re.compile(r"^[A-Z][A-Z&\-]*[A-Z]$")
# Capitals joined by an ampersand or a hyphen ("CD&V", "N-VA"): a party's or a firm's name, no
# place's (places' acronyms are plain capitals: "RDC", "USA").
JOINED_CAPITALS = re.compile(r"^[A-Z]+(?:[&-][A-Z]+)+$")
# One word in mixed case that ends in an acronym after a hyphen ("Info’Com-CGT", "Sud-PTT"): a
# union's or a section's name. A person's surname in capitals comes after a space ("Ahmedou
# OULD-ABDALLAH"), and given names are not acronyms.
ACRONYM_TAIL = re.compile(r"^\S*[a-zà-ÿ]\S*-[A-Z]{2,}$")
# A surname written in capitals ("TRAORE", "KABORÉ", "OULD-ABDALLAH"): from this many letters.
CAPS_SURNAME = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’\-]{2,}$")
# A person's name split off a run-on span holds at least this many capitalised words
# ("Bart De Wever"): one word after "de" is more often a place ("PS de Seine-Saint-Denis").
PERSON_MIN_WORDS = 2
# Closing quotation marks: "», dit X" is an incise that names the speaker.
QUOTE_CLOSERS = {"»", "\"", "”"}
QUOTE_OPENERS = {"«", "\"", "“"}
# At most this many words in lower case after a quoted title's first name ("Gender gap report").
QUOTED_TITLE_WORDS = 6
# The words in lower case before a bracket read for the phrase an acronym shortens.
DEFINED_REACH = 12
# Free-standing foreign words in lower case that make a span a phrase ("has moved"): one alone may
# be a name's ("Ursula von der Leyen" has particles; "Lee Kang-in" a joined syllable).
FOREIGN_WORDS = 2


def is_work_mention(tokens: list[Token], start: int, rules: Rules, end: int | None = None) -> bool:
    """The mention names a work or a text, or is used as a common noun: an indefinite article
    right before it, or a maker's or a text's noun written in lower case and "de" ("réalisateur
    de Dobermann", "règlement de Dublin II"). Only this mention goes: "le traité de Rome" says
    nothing of Rome elsewhere."""
    if start == 0:
        return False
    before = tokens[start - 1]
    if before.pos == "DET" and name_key(before.text) in rules.indefinite_articles:
        return True
    if end is not None and opens_quoted_title(tokens, start, end):
        return True
    k = noun_before_of(tokens, start)
    if k is None:
        return False
    word = name_key(tokens[k].text)
    return word in rules.work_makers or rules.type_cues.get(word) == WORK


def opens_quoted_title(tokens: list[Token], start: int, end: int) -> bool:
    """« Gender gap report »: a name that opens a quotation whose other words are all in lower
    case, with no verb, is the first word of a title (a report's, a work's), not a name."""
    if tokens[start - 1].text not in QUOTE_OPENERS:
        return False
    k = end
    while (k < len(tokens) and k - end < QUOTED_TITLE_WORDS and tokens[k].text[:1].islower()
           and tokens[k].pos not in {"VERB", "AUX"}):
        k += 1       # « Macron démissionne » is a sentence quoted, not a title
    return end < k < len(tokens) and tokens[k].text in QUOTE_CLOSERS


def is_portfolio(tokens: list[Token], start: int, rules: Rules) -> bool:
    """"ministre de la Cohésion des territoires": what follows a minister's title and "de" is a
    portfolio, whatever the portfolio (the common ones are listed in `portfolios`)."""
    k = noun_before_of(tokens, start)
    return k is not None and name_key(tokens[k].text) in rules.portfolio_titles


def abbreviates_common_words(tokens: list[Token], start: int, end: int, rules: Rules) -> bool:
    """"ses indemnités représentatives de frais de mandat (IRFM)": an acronym in brackets after
    words in lower case that spell it out is a common noun's short form, no actor."""
    name = tokens[start].text
    if (end - start != 1 or start < 2 or end >= len(tokens) or tokens[start - 1].text != "("
            or tokens[end].text != ")" or not rules.names.is_acronym(name)):
        return False
    paren, j = start - 1, start - 1
    while j > 0 and paren - j < DEFINED_REACH and tokens[j - 1].text[:1].islower() and tokens[j - 1].pos != "PUNCT":
        j -= 1
        phrase = " ".join(t.text for t in tokens[j:paren])
        if rules.names.expands(name, phrase, implied=False):
            return True
    return False


def is_family(tokens: list[Token], start: int, end: int, label: str) -> bool:
    """"les Kiline", "les Braguine": one capitalised word after "les" that does not end as
    plural names do (places: "les Comores", "les Pays-Bas"; groups: "les Verts") is a family."""
    if end - start != 1 or start == 0 or label == "ORG" or tokens[start - 1].text != "les":
        return False
    word = tokens[start].text
    return word[:1].isupper() and word[1:].islower() and "-" not in word and not word.endswith(("s", "x", "z"))


def member_cue(tokens: list[Token], start: int, rules: Rules) -> str | None:
    """"l'entraîneur du Barça", "un militant de la Nupes": the name after a member's noun is a
    team's or a party's, an organisation."""
    k = noun_before_of(tokens, start, with_article=True)
    return "organization" if k is not None and name_key(tokens[k].text) in rules.members else None


def noun_before_of(tokens: list[Token], start: int, with_article: bool = False) -> int | None:
    """The index of the lower-case word before "de", "du", "de la"… that opens the name at
    `start`; with `with_article`, only when an article stands there ("du", "de la", "des")."""
    j = start - 1
    if j < 1:
        return None
    if name_key(tokens[j].text) in OF_ARTICLES and tokens[j].text[:1].islower():
        j -= 1
        if name_key(tokens[j].text) not in {"de", "d"}:
            return None
    elif with_article and name_key(tokens[j].text) not in {"du", "des"}:
        return None
    if j < 1 or name_key(tokens[j].text) not in OF or not tokens[j].text[:1].islower():
        return None
    noun = tokens[j - 1]
    return j - 1 if noun.text[:1].islower() and noun.pos in {"NOUN", "PROPN", "ADJ"} else None


def speaks(tokens: list[Token], start: int, end: int, rules: Rules) -> bool:
    """The name is cited as a source ("selon X", "d'après X") or is the subject of a verb of
    speech ("X révèle", "X a affirmé"): an actor, even when the model was unsure of it."""
    cited = rules.sources | rules.read_in
    before = start - 1 if start > 0 and own_article(tokens[start - 1], rules) else start   # "dans Les Échos"
    if before > 0 and (name_key(tokens[before - 1].text) in cited
                       or " ".join(name_key(t.text) for t in tokens[max(0, before - 2):before]) in cited):
        return True
    if start >= 3 and tokens[start - 1].pos == "VERB" and tokens[start - 2].text == "," \
            and tokens[start - 3].text in QUOTE_CLOSERS:
        return True      # "», glisse Zineb": the subject of an incise after a quote
    root = next((t for t in tokens[start:end] if not start <= t.head < end), None)
    if root is None or not root.dep.startswith("nsubj") or not 0 <= root.head < len(tokens):
        return False
    verb = tokens[root.head]
    return verb.pos in {"VERB", "AUX"} and name_key(verb.lemma) in rules.speech_verbs


def own_article(token: Token, rules: Rules) -> bool:
    """A capitalised article right before the name, which is the name's own ("Les Échos")."""
    return token.text[:1].isupper() and name_key(token.text) in rules.definite_articles


def common_apposition(tokens: list[Token], end: int) -> bool:
    """"Zineb, étudiante en littérature", "Antoine, 32 ans": a common noun or an age set off by a
    comma right after the name, as persons are introduced (bodies take an article: "Mediapart,
    le journal en ligne")."""
    return (end + 1 < len(tokens) and tokens[end].text == ","
            and tokens[end + 1].pos in {"NOUN", "NUM"} and tokens[end + 1].text[:1].islower())


def shape_cue(name: str) -> str | None:
    """"CD&V", "N-VA": capitals joined by "&" or "-" are an organisation's name; so is one word
    ending in an acronym, "Info’Com-CGT" (the model reads it as a person's)."""
    return "organization" if JOINED_CAPITALS.match(name) or ACRONYM_TAIL.match(name) else None


def event_word_before(tokens: list[Token], start: int, rules: Rules) -> int | None:
    """"le sommet Russie-Afrique": an event's word in lower case right before the name is part
    of the event's name (the model leaves it out). Returns where the name then starts."""
    j = start - 1
    if j >= 0 and tokens[j].text[:1].islower() and rules.type_cues.get(name_key(tokens[j].text)) == "event":
        return j
    return None


def capitalised_head(tokens: list[Token], start: int, taken: set[int], rules: Rules) -> int:
    """Where a place's or a body's name starts when the model left out its capitalised head:
    "les [Mutuelles] de Bretagne", "la [Gare] de Lyon". The head is a noun inside the sentence
    (not its first word, not after punctuation), no title ("Maire de Paris"), no generic word,
    no word of another name (`taken`). Returns `start` when there is none."""
    k = start - 1
    while k > start - 3 and k > 0 and name_key(tokens[k].text) in OF_ARTICLES and tokens[k].text[:1].islower():
        k -= 1           # "de la", "de l'"
    if k < 2 or name_key(tokens[k].text) not in OF or not tokens[k].text[:1].islower():
        return start
    head, before = tokens[k - 1], tokens[k - 2]
    word = name_key(head.text)
    if (head.pos not in {"NOUN", "PROPN"} or not head.text[:1].isupper() or not head.text[1:2].islower()
            or k - 1 in taken or before.pos == "PUNCT" or before.text[:1].isupper()
            or word in rules.generic or word in rules.titles or word in rules.portfolios):
        return start
    return k - 1


def body_of_place(tokens: list[Token], start: int, rules: Rules) -> int | None:
    """Where "le tribunal correctionnel de [Castres]" starts: a body's noun in lower case with at
    least one adjective, then "de", before a place's name (without an adjective, "le tribunal de
    Paris" stays the place's mention: outlets write it both ways)."""
    k = start - 1
    while k > start - 3 and k > 0 and name_key(tokens[k].text) in OF_ARTICLES and tokens[k].text[:1].islower():
        k -= 1
    if k < 2 or name_key(tokens[k].text) not in OF or not tokens[k].text[:1].islower():
        return None
    j = k - 1
    while j > 0 and tokens[j].pos == "ADJ" and tokens[j].text[:1].islower():
        j -= 1
    if j == k - 1 or not tokens[j].text[:1].islower() or name_key(tokens[j].text) not in rules.place_bodies:
        return None
    return j


def take_caps_surnames(reading: BlockAnalysis, text: str, rules: Rules) -> BlockAnalysis:
    """"le Capitaine [Ibrahim] TRAORE": a name ending in a capitalised given name, followed by a
    word in capitals that no other name holds, ends with that surname, and is a person's ("le
    [Capitaine] TRAORE": a title alone before it stays out, as a title). Only a person's name or
    one opening with a title takes it: "la CGT Goodyear", "Radio France CGT" are no persons."""
    tokens, entities, changed = reading.tokens, [], False
    starts = {e.token_start for e in reading.entities}
    for entity in reading.entities:
        end = entity.token_end
        last = tokens[end - 1]
        while (end < len(tokens) and end not in starts and CAPS_SURNAME.match(tokens[end].text)
               and tokens[end].idx == tokens[end - 1].idx + len(tokens[end - 1].text) + 1):
            end += 1
        person_like = entity.label == "PER" or name_key(tokens[entity.token_start].text) in rules.titles
        if end == entity.token_end or not person_like or not (last.text[:1].isupper() and last.text[1:].islower()):
            entities.append(entity)
            continue
        changed = True
        first = entity.token_start
        if entity.token_end - first == 1 and name_key(last.text) in rules.titles:
            first = entity.token_end
        begin, stop = tokens[first].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
        entities.append(Entity(text[begin:stop], "PER", begin, stop, first, end))
    return BlockAnalysis(tokens, reading.sentences, entities) if changed else reading


def split_run_ons(reading: BlockAnalysis, text: str, rules: Rules) -> BlockAnalysis:
    """Cut the spans that run on past a name into the next: "la [N-VA de Bart De Wever]" is the
    N-VA and Bart De Wever (a person's name of two capitalised words or more after "de"
    becomes a name of its own); "la [Dares du ministère de l'Emploi]" is the Dares."""
    if not any(e.label != "PER" and e.token_end - e.token_start > 2 for e in reading.entities):
        return reading
    entities, changed = [], False
    for entity in reading.entities:
        parts = run_on_parts(reading.tokens, entity, text, rules) if entity.label != "PER" else None
        if parts is None:
            entities.append(entity)
            continue
        changed = True
        for label, start, end in parts:
            first, last = reading.tokens[start], reading.tokens[end - 1]
            entities.append(Entity(text[first.idx:last.idx + len(last.text)], label,
                                   first.idx, last.idx + len(last.text), start, end))
    return BlockAnalysis(reading.tokens, reading.sentences, entities) if changed else reading


def run_on_parts(tokens: list[Token], entity: Entity, text: str,
                 rules: Rules) -> list[tuple[str, int, int]] | None:
    """The (label, start, end) parts of a run-on span, or None when it is one name."""
    start, end = entity.token_start, entity.token_end
    k = next((k for k in range(start + 1, end - 1)
              if name_key(tokens[k].text) in OF and tokens[k].text[:1].islower()), None)
    if k is None:
        return None
    rest = k + 1
    while rest < end and name_key(tokens[rest].text) in OF_ARTICLES and tokens[rest].text[:1].islower():
        rest += 1
    if rest >= end:
        return None
    head = text[tokens[start].idx : tokens[k - 1].idx + len(tokens[k - 1].text)]   # "N-VA": three tokens
    acronym = bool(ACRONYM_HEAD.match(head))
    institution = name_key(tokens[rest].text) in rules.institutions and tokens[rest].text[:1].islower()
    if not (acronym or institution):
        return None
    parts = [(entity.label, start, k)]
    words = tokens[rest:end]
    if acronym and len(words) >= PERSON_MIN_WORDS and all(t.text[:1].isupper() for t in words):
        parts.append(("PER", rest, end))
    return parts


def foreign_phrase(tokens: list[Token], start: int, end: int, rules: Rules) -> bool:
    """"The FDA has moved mountains": a span holding words in lower case that the tagger reads as
    foreign (X) and that stand on their own (not "Lee Kang-in", "Étudiant-e-s"), other than a
    surname's particles ("Ursula von der Leyen"), is a phrase of another language, a quoted tweet
    or a work's title, no actor's name."""
    foreign = sum(1 for k in range(max(start, 1), end)
                  if tokens[k].pos == "X" and tokens[k].text[:1].islower()
                  and tokens[k - 1].idx + len(tokens[k - 1].text) < tokens[k].idx
                  and name_key(tokens[k].text) not in rules.names.surname_particles)
    return foreign >= FOREIGN_WORDS


def hyphen_joined(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """"Georges-[Louis Bouchez]", "[Sung Il]-kwon": the model cuts a name at a hyphen written
    between two words with no space. The word joined to the span's first word by a hyphen is
    taken when capitalised (a given name); the word joined to its last word, whatever its case."""
    while start >= 2 and glued_hyphen(tokens, start - 1) and tokens[start - 2].text[:1].isupper():
        start -= 2
    while end + 1 < len(tokens) and glued_hyphen(tokens, end) and tokens[end + 1].text[:1].isalpha():
        end += 2
    return start, end


def glued_hyphen(tokens: list[Token], k: int) -> bool:
    """Token k is a hyphen with no space on either side, between two words."""
    if tokens[k].text != "-" or k == 0 or k + 1 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (before.idx + len(before.text) == tokens[k].idx and tokens[k].idx + 1 == after.idx
            and before.text[-1:].isalpha() and after.text[:1].isalpha())
