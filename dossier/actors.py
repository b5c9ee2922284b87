"""Resolve: group the model's entity mentions into actors, one profile per real actor.

1. Read the entities of the lede and each body block as candidates: clean the span (determiners, honorifics),
   cut words glued in copy ("Chirac àJean-Paul"), take titles out of names ("Niamey le Premier
   ministre nigérien"), drop what is not an actor (roles, portfolios, generic words, demonyms,
   unsure MISC spans, dictionary words such as "Mystère", "les Sages"),
   note what the context says of the type (cue words, titles, roles) and read the roles.
2. Group the written forms of one name (key: folded, without determiners or state forms).
3. Merge forms: the user's registry first, then persons (same surname, same given name across
   spellings), acronyms and their expansions, then bare surnames — within the article first,
   then across the dossier. What looks alike but is not merged becomes a suspected merge.
4. Build the actors (name, type, aliases, roles, description), attach their mentions in
   headings and titles.
Editorial knowledge is data: dossier/data/actor_rules.yml and the user's editorial/actors.yml.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from slugify import slugify

from .lexicon import COMMON, CONJUGATED, french_lexicon
from .models import Actor, Analysis, Article, BlockAnalysis, Entity, Mention, Role, SuspectedMerge, Token
from .names import NameRules, name_key, words
from .text import load_data

log = logging.getLogger("mkdocs.plugins.dossier")

ACTOR_TYPES = ("person", "organization", "place", "event")
LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
# A role stops at the first word that starts a clause or a list.
ROLE_STOPS = {"PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ"}
ROLE_MAX_TOKENS = 14
WEB_NAME = re.compile(r"\.[a-z]{2,4}$")          # "Lecourrier-du-soir.com": an outlet
NOT_A_NAME = re.compile(r"https?:|www\.|@|/")     # links and handles: page furniture
# Parts of speech the tagger gives a capitalised word that is not a name ("Souhaitons", "Voire").
NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADJ", "PRON", "SCONJ", "CCONJ", "ADP", "DET", "INTJ"}
WORD_CHAR = re.compile(r"\w")
GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")  # "étrangèresConférence": two lines run together


# --- rules and registry ------------------------------------------------------------------

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


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = load_data("actor_rules.yml")
    return Rules(
        names=NameRules.from_data(data),
        titles=titles_by_first_word(data["titles"]),
        type_cues={name_key(w): kind for kind, cues in data["type_cues"].items() for w in cues},
        institutions={name_key(w) for w in data["institutions"]},
        portfolios={name_key(w) for w in data["portfolios"]},
        generic={name_key(w) for w in data["generic"]},
        generic_organizations={name_key(w) for w in data["generic_organizations"]},
        definite_articles={name_key(w) for w in data["definite_articles"]},
        place_prepositions={name_key(w) for w in data["place_prepositions"]},
        demonym_endings=tuple(name_key(w) for w in data["demonym_endings"]),
    )


def titles_by_first_word(titles: list[str]) -> dict[str, list[list[str]]]:
    """A title can only open a phrase that starts with its first word: looking up that word
    finds the few titles to try, rather than trying them all at every word of the text."""
    found: dict[str, list[list[str]]] = defaultdict(list)
    for title in sorted((words(t) for t in titles), key=len, reverse=True):
        if title:
            found[title[0]].append(title)
    return dict(found)


@dataclass
class Entry:
    """One actor described by the user: the names it goes by, and what to show."""
    names: list[str]
    type: str | None = None
    description: str | None = None


@dataclass
class Registry:
    entries: list[Entry] = field(default_factory=list)
    exclude: set[str] = field(default_factory=set)            # folded names
    merge: list[list[str]] = field(default_factory=list)
    apart: list[list[str]] = field(default_factory=list)


def load_registry(path: Path | None) -> Registry:
    """Read editorial/actors.yml (see that file for the format); None gives an empty registry.
    What the file gets wrong is skipped with a warning naming it: the build goes on."""
    if path is None or not path.is_file():
        return Registry()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        log.warning("dossier: %s is not valid YAML; the registry is ignored: %s", path.name, error)
        return Registry()
    if not isinstance(data, dict):
        log.warning("dossier: %s: expected keys actors, exclude, merge, apart; ignored", path.name)
        return Registry()
    return Registry(
        [entry for number, spec in enumerate(as_list(data.get("actors")), 1)
         if (entry := registry_entry(spec, number, path)) is not None],
        {name_key(str(name)) for name in as_list(data.get("exclude"))},
        [[str(n) for n in group] for group in as_list(data.get("merge")) if isinstance(group, list)],
        [[str(n) for n in group] for group in as_list(data.get("apart")) if isinstance(group, list)],
    )


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def registry_entry(spec, number: int, path: Path) -> Entry | None:
    if not isinstance(spec, dict) or not str(spec.get("name") or "").strip():
        log.warning("dossier: %s: actor %d has no name; skipped", path.name, number)
        return None
    entry = Entry([str(spec["name"]), *map(str, as_list(spec.get("aliases")))],
                  spec.get("type"), spec.get("description"))
    if entry.type is not None and entry.type not in ACTOR_TYPES:
        log.warning("dossier: %s: %s: type %r is not one of %s; the machine's type is kept",
                    path.name, entry.names[0], entry.type, ", ".join(ACTOR_TYPES))
        entry.type = None
    return entry


# --- candidates --------------------------------------------------------------------------

@dataclass
class Candidate:
    """One mention of a would-be actor, before resolution."""
    mention: Mention
    label: str | None       # the model's type; None for MISC, which the model is unsure of
    cue: str | None         # the type the context tells ("groupe Wagner" → organization)
    with_article: bool      # written with a definite article ("la France"): not a surname
    role: str | None        # "ministre russe des Affaires étrangères"
    position: int           # order in the article, to find the nearest full name
    span: tuple[int, int] = (0, 0)   # the name's tokens in its block
    pos: str | None = None  # the tagger's part of speech when the name is one word
    opens: bool = False     # the name opens a sentence or follows punctuation
    generic_head: bool = False   # "État islamique": kept only if something says organisation
    defined_by: Candidate | None = None   # "(Minusma)": the name it shortens, given before it
    also_role: str | None = None  # "le colonel X, porte-parole du gouvernement": the second role


def article_candidates(article: Article, analysis: Analysis, rules: Rules) -> list[Candidate]:
    """Candidates from the lede and the body: headings only name actors found elsewhere."""
    found = []
    for b, part, text, reading in readable_parts(article, analysis):
        reading = unglue(reading, text, rules)
        here = []
        for entity in reading.entities:
            candidate = read_entity(article.id, b, text, reading, entity, rules)
            if candidate is not None:
                here.append(candidate)
        here += read_definitions(article.id, b, text, reading, here, rules)
        for candidate in sorted(here, key=lambda c: c.span):
            candidate.mention.part = part
            candidate.position = len(found)
            found.append(candidate)
    return found


def unglue(reading: BlockAnalysis, text: str, rules: Rules) -> BlockAnalysis:
    """"Jacques Chirac àJean-Paul Delevoye": two words run together when the text was copied.
    A word inside a name that starts in lower case and goes on capitalised ("àJean") is cut
    in two, and the name with it, when its lower-case part is a short word of the language or
    a whole word (not "iPhone", "eBay"; "McDonald" starts with a capital)."""
    if not GLUED.search(text):
        return reading      # no word of the block is glued to another (most blocks)
    cuts = {}
    for entity in reading.entities:
        for k in range(entity.token_start, entity.token_end):
            token = reading.tokens[k]
            glue = GLUED.search(token.text)
            head = token.text[: glue.start()] if glue else ""
            if (glue and head.islower() and token.text[glue.start():][:1].isupper()
                    and (name_key(head) in rules.names.function_words or len(head) >= 3)):
                cuts[k] = glue.start()
    if not cuts:
        return reading
    tokens, index = [], {}          # old token index → new index of its (last) part
    for k, token in enumerate(reading.tokens):
        if k in cuts:
            n = cuts[k]
            tokens.append(Token(len(tokens), token.text[:n], token.idx, token.text[:n].lower(),
                                "ADP" if name_key(token.text[:n]) in rules.names.function_words else token.pos,
                                token.dep, token.head))
            tokens.append(Token(len(tokens), token.text[n:], token.idx + n, token.text[n:], "PROPN",
                                token.dep, token.head, token.morph))
        else:
            tokens.append(Token(len(tokens), token.text, token.idx, token.lemma, token.pos,
                                token.dep, token.head, token.morph))
        index[k] = len(tokens) - 1
    def at(k: int) -> int:          # where old index k starts now
        return index[k - 1] + 1 if k > 0 else 0
    def entity(label: str, start: int, end: int) -> Entity:
        first, last = tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
        return Entity(text[first:last], label, first, last, start, end)
    entities = []
    for e in reading.entities:
        start = at(e.token_start)
        for k in sorted(c for c in cuts if e.token_start <= c < e.token_end):
            if index[k] - 1 > start:   # the name before the glued word
                entities.append(entity(e.label, start, index[k] - 1))
            start = index[k]
        entities.append(entity(e.label, start, at(e.token_end)))
    sentences = [(at(a), at(b)) for a, b in reading.sentences]
    return BlockAnalysis(tokens, sentences, entities)


def readable_parts(article: Article, analysis: Analysis):
    """(block index, part, text, reading) of the lede (block -1) and the body's blocks."""
    if article.lede and analysis.lede:
        yield -1, "lede", article.lede, analysis.lede
    for b, (block, reading) in enumerate(zip(article.blocks, analysis.blocks)):
        if block.kind != "heading":
            yield b, "block", block.text, reading


def read_definitions(article_id: str, b: int, text: str, reading: BlockAnalysis,
                     here: list[Candidate], rules: Rules) -> list[Candidate]:
    """"la Mission … des Nations unies pour la stabilisation au Mali (Minusma)": a one-word
    name in brackets right after a longer name is its short form. The model often cuts the long
    name ("… stabilisation au" + "Mali"), so it is taken from the first capitalised entity
    before the bracket whose letters the short form follows. Returns the long names it made."""
    if "(" not in text:
        return []           # no brackets (most blocks)
    tokens, made = reading.tokens, []
    starts = {}
    for entity in reading.entities:
        s = entity.token_start
        while s < entity.token_end - 1 and name_key(tokens[s].text) in rules.names.determiners:
            s += 1
        starts.setdefault(s, entity)
    by_start = {c.span[0]: c for c in here}
    shorts = list(here)
    for k in range(1, len(tokens) - 1):     # "(EIGS)": acronyms in brackets the model missed
        if (tokens[k - 1].text == "(" and tokens[k + 1].text == ")" and k not in by_start
                and "." not in tokens[k].text and rules.names.is_acronym(tokens[k].text)):
            t = tokens[k]
            shorts.append(Candidate(Mention(article_id, b, t.idx, t.idx + len(t.text), t.text,
                                            sentence_of(text, reading, k)),
                                    None, None, False, None, 0, (k, k + 1), t.pos))
    for short in shorts:
        first, last = short.span
        if (last - first != 1 or first < 2 or last >= len(tokens) or tokens[first - 1].text != "("
                or tokens[last].text != ")" or short.cue == "person" or short.label == "person"):
            continue
        paren = first - 1
        j = paren - 1
        while j > 0 and paren - j < 16 and not ends_phrase(tokens[j - 1]):
            j -= 1
        for s in sorted(k for k in starts if j <= k < paren):
            if not tokens[s].text[:1].isupper() or starts[s].label == "PER":
                continue
            long_text = text[tokens[s].idx : tokens[paren - 1].idx + len(tokens[paren - 1].text)]
            if "\n" in long_text or not (rules.names.abbreviates(short.mention.text, long_text)
                                         or rules.names.expands(short.mention.text, long_text)):
                continue
            expansion = by_start.get(s)
            if expansion is None:
                entity = starts[s]
                expansion = Candidate(
                    Mention(article_id, b, tokens[s].idx, tokens[s].idx + len(long_text), long_text,
                            sentence_of(text, reading, s)),
                    LABEL_TYPES.get(entity.label), cue_before(tokens, s, rules), False, None, 0)
                made.append(expansion)
            m = expansion.mention
            expansion.mention = Mention(m.article, m.block, m.start, m.start + len(long_text),
                                        long_text, m.sentence)
            expansion.span = (s, paren)
            short.defined_by = expansion
            if short not in here:
                made.append(short)
            break
    return made


def ends_phrase(token: Token) -> bool:
    """A word a long name cannot hold: punctuation, a pronoun, a conjugated verb (participles
    are in names: "Mission … intégrée des Nations unies")."""
    participle = token.pos == "VERB" and "VerbForm=Part" in token.morph
    return token.pos in {"VERB", "AUX", "PRON", "SCONJ", "PUNCT"} and not participle


def read_entity(article_id: str, b: int, text: str, reading: BlockAnalysis, entity: Entity,
                rules: Rules) -> Candidate | None:
    tokens = reading.tokens
    start, end = entity.token_start, entity.token_end
    if "\n" in entity.text or NOT_A_NAME.search(entity.text):
        return None
    label = entity.label
    institution = institution_start(tokens, start, rules)
    if institution is not None:
        start = institution
    start, honorific = skip_openers(tokens, start, end, label, rules)
    end = trim_end(tokens, start, end, rules)
    start, span_role = title_in_name(tokens, start, end, label, text, rules)
    span_text = text[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1].text)] if start < end else ""
    if len(name_key(span_text).replace(" ", "")) < 2:
        return None      # "C", "B": an initial or a list letter
    first = name_key(tokens[start].text)
    opening_cue = rules.type_cues.get(first)
    generic_head = institution is None and first in rules.generic and tokens[start].text[:1].isupper()
    if generic_head:
        end = take_adjectives(tokens, start, end)
        if end - start < 2:
            return None
    elif institution is None and not is_name(tokens, start, end, label, opening_cue, rules):
        return None
    if end - start == 1 and is_demonym(tokens, start, label, rules):
        return None
    # An acronym is a body's name, whatever the title next to it ("le député LREM Untel").
    acronym = end - start == 1 and "." not in tokens[start].text and rules.names.is_acronym(tokens[start].text)
    if acronym and label == "PER":
        label = "ORG"
    role, also_role, role_says_person = ((None, None, False) if acronym
                                         else read_role(reading, start, end, text, label, rules))
    if span_role is not None and not acronym:
        role, role_says_person = role or span_role, True
    cue = (("organization" if institution is not None else None) or opening_cue
           or ("person" if (honorific and not acronym) or role_says_person else None)
           or cue_before(tokens, start, rules)
           or ("organization" if WEB_NAME.search(entity.text) else None))
    first_char, last = tokens[start].idx, tokens[end - 1]
    last_char = last.idx + len(last.text)
    mention = Mention(article_id, b, first_char, last_char, text[first_char:last_char],
                      sentence_of(text, reading, start))
    before = tokens[start - 1] if start > 0 else None
    # A capitalised "Le" before a name is a particle ("Le Drian"), or opens the sentence.
    with_article = (before is not None and before.text[:1].islower()
                    and (name_key(before.text) in rules.definite_articles
                         or name_key(before.text) in rules.place_prepositions))
    opens = start == 0 or before.pos == "PUNCT" or any(start == s for s, _ in reading.sentences)
    return Candidate(mention, LABEL_TYPES.get(label), cue, with_article, role, 0, (start, end),
                     tokens[start].pos if end - start == 1 else None, opens, generic_head,
                     also_role=also_role)


def trim_end(tokens: list[Token], start: int, end: int, rules: Rules) -> int:
    """"Conseil d'Etat et de la", "Choeur de": the model ran past the name's end."""
    while end - 1 > start:
        last = tokens[end - 1]
        if last.pos == "PUNCT" or (last.text[:1].islower() and name_key(last.text) in rules.names.function_words):
            end -= 1
        else:
            break
    return end


def take_adjectives(tokens: list[Token], start: int, end: int) -> int:
    """"l'[État] islamique": the model leaves the adjective that makes a generic word a name."""
    end = max(end, start + 1)
    while end < len(tokens) and end - start < 3 and tokens[end].pos == "ADJ" \
            and tokens[end].text[:1].islower():
        end += 1
    return end


def is_demonym(tokens: list[Token], start: int, label: str, rules: Rules) -> bool:
    """"les Russes", "des Lyonnais", "deux Français": inhabitants, not their place. The tagger
    reads them as common nouns (places are proper nouns) after a determiner or a number."""
    token = tokens[start]
    if label not in {"LOC", "MISC"} or token.pos != "NOUN" or start == 0:
        return False
    before = tokens[start - 1]
    after_determiner = before.pos in {"DET", "NUM", "ADJ"} or name_key(before.text) in {"des", "de", "d", "aux"}
    return after_determiner and name_key(token.text).endswith(rules.demonym_endings)


def is_name(tokens: list[Token], start: int, end: int, label: str, opening_cue: str | None,
            rules: Rules) -> bool:
    if not accepted_opening(tokens[start], name_key(tokens[start].text), opening_cue, rules):
        return False
    return opening_cue is not None or not (is_adjective_use(tokens, start, end, label, rules)
                                           or is_capitalised_phrase(tokens, start, end))


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


def institution_start(tokens: list[Token], start: int, rules: Rules) -> int | None:
    """Where "le ministère des [Armées]" really starts: the model leaves the institution out."""
    j = start - 1
    while j >= 0 and start - j <= 2 and name_key(tokens[j].text) in rules.names.determiners:
        j -= 1
    if j >= 0 and j < start - 1 and name_key(tokens[j].text) in rules.institutions:
        return j
    return None


def skip_openers(tokens: list[Token], start: int, end: int, label: str,
                 rules: Rules) -> tuple[int, bool]:
    """Skip leading determiners and courtesy titles; tell whether there was a courtesy title.
    A capitalised "Le" in a person's name is a particle ("Le Drian"), not an article."""
    honorific = False
    while start < end:
        word = name_key(tokens[start].text)
        if word in rules.names.honorifics:
            honorific = True
        elif word not in rules.names.determiners or (label == "PER" and tokens[start].text[:1].isupper()):
            break
        start += 1
    return start, honorific


def accepted_opening(token: Token, first: str, opening_cue: str | None, rules: Rules) -> bool:
    """A name opens with a capital ("ministre russe des Affaires" is a role, "ça" a pronoun),
    unless a cue word opens it ("opération Barkhane"); portfolios and generic words are not names."""
    if first in rules.portfolios or first in rules.generic:
        return False
    if token.text[:1].islower():
        return opening_cue is not None and not starts_with_title([first], rules)
    return True


def is_adjective_use(tokens: list[Token], start: int, end: int, label: str, rules: Rules) -> bool:
    """"son homologue Russe": one word after a common noun is a demonym, not a place."""
    if label not in {"LOC", "MISC"} or end - start != 1 or start == 0:
        return False
    before = tokens[start - 1]
    word = name_key(before.text)
    return (before.pos == "NOUN" and before.text[:1].islower()
            and word not in rules.type_cues and not starts_with_title([word], rules))


def is_capitalised_phrase(tokens: list[Token], start: int, end: int) -> bool:
    """"— Conférence de presse à Moscou": a common noun capitalised only because it opens a
    line or follows a dash, its other words in lower case, with no article before it as the
    names of institutions have ("l'Union européenne")."""
    if end - start < 2 or tokens[start].pos != "NOUN":
        return False
    opens = start == 0 or tokens[start - 1].pos == "PUNCT"
    return opens and all(not t.text[:1].isupper() for t in tokens[start + 1 : end])


def cue_before(tokens: list[Token], start: int, rules: Rules) -> str | None:
    """The type told by a cue word before the name: "la société russe, Wagner", "l'opération
    française Barkhane"; adjectives and one comma may stand between."""
    j = start - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    while j >= 0 and tokens[j].pos == "ADJ" and tokens[j].text[:1].islower():
        j -= 1
    return rules.type_cues.get(name_key(tokens[j].text)) if j >= 0 else None


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
    while j < len(tokens) and tokens[j].pos == "DET":
        j += 1
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
    if n and (segment[i].text[:1].islower() or n > 1 or folded[i] in rules.generic):
        return n
    return 0


def title_in_name(tokens: list[Token], start: int, end: int, label: str, text: str,
                  rules: Rules) -> tuple[int, str | None]:
    """"[Niamey le Premier ministre nigérien], Ouhoumoudou Mahamadou", "[ministre Lavrov]": the
    model took a title into a person's name. The title and the words in lower case after it
    are a role, not the name; the name is what follows them (nothing, when the span ends with
    the role, or when the role ends with "de la" and the name completes it: "[président de la
    France]"). Returns the name's new start (`end` for nothing) and the role."""
    if label != "PER":
        return start, None
    segment = tokens[start:end]
    folded = [name_key(t.text) for t in segment]
    for k in range(len(segment)):
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


def sentence_of(text: str, reading: BlockAnalysis, token_index: int) -> str:
    for start, end in reading.sentences:
        if start <= token_index < end:
            first, last = reading.tokens[start], reading.tokens[end - 1]
            return text[first.idx : last.idx + len(last.text)]
    return text


# --- forms and their merging -------------------------------------------------------------

@dataclass
class Form:
    """All the mentions written as one name (same key)."""
    key: str
    candidates: list[Candidate] = field(default_factory=list)

    def votes(self, attribute: str) -> Counter:
        return Counter(v for c in self.candidates if (v := getattr(c, attribute)) is not None)

    def guessed_type(self) -> str | None:
        """The context's word wins over the model's label."""
        for votes in (self.votes("cue"), self.votes("label")):
            if votes:
                return votes.most_common(1)[0][0]
        return None

    @property
    def sure(self) -> bool:
        """Known to the model or the context: MISC spans alone are too often noise."""
        return any(c.label or c.cue for c in self.candidates)


def form_key(text: str, rules: Rules, any_case: bool = False) -> str:
    """Folded name without determiners, state forms, or a leading cue word written in lower
    case ("groupe Wagner" is Wagner; "Radio France" is not France). With `any_case`, a capitalised
    cue word goes too (the user's "Groupe Wagner")."""
    found = rules.names.bare_words(text)
    if len(found) > 1 and found[0] in rules.type_cues and (any_case or cue_in_lower_case(text, rules)):
        found = found[1:]
    return " ".join(found)


def cue_in_lower_case(text: str, rules: Rules) -> bool:
    written = [w for w in re.findall(r"[^\W\d_]+", text)
               if name_key(w) not in rules.names.determiners and name_key(w) not in rules.names.honorifics]
    return bool(written) and written[0][:1].islower()


def user_keys(name: str, rules: Rules) -> set[str]:
    """The keys a name of the registry matches: "Groupe Wagner" is "groupe wagner" and "wagner"."""
    return {form_key(name, rules), form_key(name, rules, any_case=True)} - {""}


class Groups:
    """Union-find over forms that refuses to join what the user keeps apart."""

    def __init__(self, forms: list[Form], apart: list[set[str]]):
        self.parent = list(range(len(forms)))
        # root → {apart group index → the member key of that group it holds}
        self.tags: dict[int, dict[int, str]] = defaultdict(dict)
        for i, form in enumerate(forms):
            for g, keys in enumerate(apart):
                if form.key in keys:
                    self.tags[i][g] = form.key

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def kept_apart(self, i: int, j: int) -> bool:
        a, b = self.tags[self.find(i)], self.tags[self.find(j)]
        return any(g in b and b[g] != key for g, key in a.items())

    def join(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.kept_apart(a, b):
            return a == b
        self.parent[b] = a
        self.tags[a].update(self.tags.pop(b, {}))
        return True


@dataclass
class Resolution:
    forms: list[Form]
    groups: Groups
    suspected: list[tuple[int, int, str]] = field(default_factory=list)   # form indexes, reason
    types: list[str | None] = field(init=False)     # each form's guessed type: its mentions no longer change

    def __post_init__(self):
        self.types = [form.guessed_type() for form in self.forms]


def group_forms(candidates: list[Candidate], rules: Rules, lower_words: set[str],
                dictionary: dict[str, int]) -> list[Form]:
    """The forms, without those that are common words after all (see `is_common_word` and
    `is_dictionary_word`) and names opening with a generic word that nothing says are an
    organisation's."""
    by_key: dict[str, Form] = {}
    keys: dict[str, str] = {}       # written name → its key: names are written the same way again and again
    for candidate in candidates:
        text = candidate.mention.text
        if text not in keys:
            keys[text] = form_key(text, rules)
        key = keys[text]
        if key:
            by_key.setdefault(key, Form(key)).candidates.append(candidate)
    defined = {id(c.defined_by) for c in candidates if c.defined_by is not None}
    surnames = {rules.names.surname_key(k) for k in by_key if " " in k}
    return [f for f in by_key.values()
            if not is_common_word(f, lower_words) and not unconfirmed_generic(f, defined, rules)
            and not (rules.names.surname_key(f.key) not in surnames and is_dictionary_word(f, dictionary))]


def is_common_word(form: Form, lower_words: set[str]) -> bool:
    """One capitalised word that the tagger never reads as a proper noun, and that either the
    dossier writes in lower case elsewhere ("Ville" / "ville", "Français" / "français"), or only
    opens sentences as a verb, an adverb… ("Souhaitons", "Voire"). A context cue saves it."""
    if " " in form.key or any(c.cue or c.pos is None or c.pos == "PROPN" for c in form.candidates):
        return False
    return form.key in lower_words or all(c.opens and c.pos in NOT_NAME_POS for c in form.candidates)


def is_dictionary_word(form: Form, dictionary: dict[str, int]) -> bool:
    """One capitalised word that is a French common word, not a name, by the tagger and the
    lemmatizer's dictionary: "les Sages", "du Plateau", "Mystère, par définition…" (the tagger
    never reads it as a proper noun, it is in the dictionary, and it opens its sentences or takes
    an article); or a conjugated verb opening every sentence it is in ("Distinguons les points",
    which the tagger may read as a proper noun). A context cue saves it, and so does the model
    calling it an organisation ("le Sénat", "le Parlement"); a person's surname is not tested.
    `dictionary` holds what the analysis looked up (lexicon.py); any other word is looked up here."""
    word = form.candidates[0].mention.text.lower()
    # the dictionary holds single words: not "Le Bihan", nor "Fédération de Russie" (keyed "russie")
    if " " in form.key or " " in word or any(c.cue or c.label == "organization" for c in form.candidates):
        return False
    code = dictionary.get(word)
    if code is None:
        code = french_lexicon().code(word)
    if all(c.opens for c in form.candidates) and code & CONJUGATED:
        return True
    return (all(c.pos not in {None, "PROPN", "X"} and (c.opens or c.with_article) for c in form.candidates)
            and bool(code & COMMON))


def unconfirmed_generic(form: Form, defined: set[int], rules: Rules) -> bool:
    """"État islamique" is an organisation's name, "État malien" the state: a name opening with
    a generic word is kept when the model calls it an organisation, a cue word says so ("le groupe
    État islamique"), or a short form in brackets follows it ("(EI)"); never when its adjective is
    a nationality."""
    if not all(c.generic_head for c in form.candidates):
        return False
    head = form.key.split()
    if len(head) < 2 or head[1].endswith(rules.demonym_endings):
        return True      # "Monde ▪": the generic word alone once folded; or "État malien"
    if not any(c.label == "organization" or c.cue == "organization" or id(c) in defined
               for c in form.candidates):
        return True
    if form.key.split()[0] in rules.generic_organizations:
        for c in form.candidates:
            c.cue = c.cue or "organization"
    return False


def join_registry(res: Resolution, registry: Registry, rules: Rules) -> None:
    """The user's actors and merges: every form named in one entry or group is one actor."""
    index = {form.key: i for i, form in enumerate(res.forms)}
    for names in [e.names for e in registry.entries] + registry.merge:
        present = [index[k] for k in {k for n in names for k in user_keys(n, rules)} if k in index]
        for other in present[1:]:
            res.groups.join(present[0], other)


def is_full_name(res: Resolution, i: int, rules: Rules) -> bool:
    return res.types[i] == "person" and bool(rules.names.person_parts(res.forms[i].key)[0])


def join_persons(res: Resolution, rules: Rules) -> None:
    """Same surname and same first given name (across spellings and initials) is one person;
    a close given name (Vladimir / Wladimir) is only suspected."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(res.forms):
        if is_full_name(res, i, rules):
            by_surname[rules.names.surname_key(form.key)].append(i)
    for members in by_surname.values():
        # Spelled-out given names first, so that an initial joins a person and not a chain.
        members.sort(key=lambda i: -len(res.forms[i].key))
        given = {i: rules.names.person_parts(res.forms[i].key)[0] for i in members}
        for n, i in enumerate(members):
            matches = [j for j in members[:n] if rules.names.given_names_match(given[i], given[j])]
            roots = {res.groups.find(j) for j in matches}
            if len(roots) == 1:
                res.groups.join(matches[0], i)
            for j in members[:n]:
                if j not in matches and rules.names.given_names_close(given[i], given[j]):
                    res.suspected.append((j, i, "same surname, close given names"))


def join_definitions(res: Resolution) -> None:
    """A short form given in brackets after a name is that name: "… au Mali (Minusma)"."""
    form_of = {id(c): i for i, f in enumerate(res.forms) for c in f.candidates}
    for i, form in enumerate(res.forms):
        for c in form.candidates:
            if c.defined_by is not None and id(c.defined_by) in form_of:
                res.groups.join(form_of[id(c.defined_by)], i)


def join_acronyms(res: Resolution, rules: Rules) -> None:
    """An acronym and its expansion are one actor (CEDEAO, ONU = Nations unies), and so are
    longer names that differ only by them ("Assemblée générale de l'ONU" / "… des Nations unies").
    A leading word is taken as implied (ONU = Nations unies) only for an acronym that no name
    spells out in full: the OMS is the "Organisation mondiale de la santé", not "Management
    Science"."""
    names = rules.names
    others = [i for i, kind in enumerate(res.types) if kind != "person"]
    written = {i: res.forms[i].candidates[0].mention.text for i in others}
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i in others:
        by_initials[names.initials(written[i])].append(i)
    expansions: dict[str, str] = {}
    for i in others:
        acronym = written[i]
        if not names.is_acronym(acronym):
            continue
        # Only the names whose initials the acronym holds in order can spell it out.
        letters = name_key(acronym).replace(" ", "")
        may_spell = sorted({j for held in held_initials(letters) for j in by_initials.get(held, []) if j != i})
        spelled = [j for j in may_spell if names.expands(acronym, written[j], implied=False)]
        for j in spelled or [j for j in may_spell if names.expands(acronym, written[j])]:
            if res.groups.join(i, j):
                expansions[names.content_key(written[j])] = name_key(acronym)
    join_same_content(res, [(i, names.content_key(written[i])) for i in others], expansions)


def held_initials(letters: str) -> set[str]:
    """Every sequence of two letters or more that `letters` hold in order, side by side or not
    (247 for 8 letters)."""
    return {"".join(held) for n in range(2, len(letters) + 1) for held in combinations(letters, n)}


def join_same_content(res: Resolution, keys: list[tuple[int, str]], expansions: dict[str, str]) -> None:
    """Join the forms whose content keys are one once each expansion is replaced by its acronym.
    The replacements, in order, run only on the keys that hold an expansion: most hold none."""
    spelled_out = {tuple(expansion.split()) for expansion in expansions}
    longest = max(map(len, spelled_out), default=0)
    by_content: dict[str, int] = {}
    for i, key in keys:
        if holds_phrase(key.split(), spelled_out, longest):
            for expansion, acronym in expansions.items():
                key = re.sub(rf"\b{re.escape(expansion)}\b", acronym, key)
        if key in by_content:
            res.groups.join(by_content[key], i)
        else:
            by_content[key] = i


def holds_phrase(found: list[str], phrases: set[tuple[str, ...]], longest: int) -> bool:
    """Whether one of the phrases (tuples of words, none longer than `longest`) is in `found`,
    word for word and in a row."""
    return () in phrases or any(tuple(found[a:b]) in phrases for a in range(len(found))
                                for b in range(a + 1, min(len(found), a + longest) + 1))


def suspect_prefixes(res: Resolution, rules: Rules) -> None:
    """"Conseil de sécurité" and "Conseil de sécurité des Nations unies" may be one actor. A long
    name that lacks only its last word, in lower case, is the model's cut and is joined:
    "Organisation du traité de l'Atlantique [nord]"."""
    others = [i for i, kind in enumerate(res.types) if kind not in {None, "person"}]
    going_on = longer_names(res, others)
    for i in others:
        for j in going_on.get(res.forms[i].key, []):
            a, b = res.forms[i].key, res.forms[j].key
            if res.groups.find(i) != res.groups.find(j):
                shorter = res.forms[i].candidates[0].mention.text.split()
                rest = res.forms[j].candidates[0].mention.text.split()[len(shorter):]
                cut = (len(b.split()) == len(a.split()) + 1 and len(rest) == 1 and rest[0].islower()
                       and len(rules.names.content_key(a).split()) >= 3)
                if not (cut and res.groups.join(i, j)):
                    res.suspected.append((i, j, "one name begins with the other"))


def longer_names(res: Resolution, forms: list[int]) -> dict[str, list[int]]:
    """Each name of two words or more that begins a longer one → the forms of those longer ones."""
    found: dict[str, list[int]] = defaultdict(list)
    for j in forms:
        key = res.forms[j].key.split()
        for n in range(2, len(key)):
            found[" ".join(key[:n])].append(j)
    return found


# --- bare surnames -----------------------------------------------------------------------

def is_bare_surname(form: Form, rules: Rules) -> bool:
    """"Lavrov", "Le Drian", "Macron" (even when the model says place): one name, no article,
    nothing in the context saying it is an organisation or an event."""
    given, surname = rules.names.person_parts(form.key)
    cues = form.votes("cue")
    no_other_cue = all(kind == "person" for kind in cues)
    mostly_bare = sum(c.with_article for c in form.candidates) * 2 < len(form.candidates)
    return not given and bool(surname) and no_other_cue and mostly_bare


def assign_surnames(res: Resolution, rules: Rules) -> dict[int, int]:
    """Give each bare-surname mention its person: the one of that surname named in the same
    article (the nearest before it when there are several), else the only one in the dossier.
    Returns candidate id → form index of the person; unresolved ambiguities are suspected."""
    persons: dict[str, set[int]] = defaultdict(set)        # surname key → roots
    named_in: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
    for i, form in enumerate(res.forms):
        if is_full_name(res, i, rules):
            root = res.groups.find(i)
            persons[rules.names.surname_key(form.key)].add(root)
            for c in form.candidates:
                named_in[(c.mention.article, root)].append(c)
    assigned: dict[int, int] = {}
    for i, form in enumerate(res.forms):
        roots = persons.get(rules.names.surname_key(form.key))
        if not roots or not is_bare_surname(form, rules):
            continue
        # Written somewhere as places are ("la France", "en France"), the name is a place's
        # wherever the model reads it as one, unless the article names the person.
        place_like = any(c.with_article for c in form.candidates)
        for candidate in form.candidates:
            if candidate.with_article:
                continue         # "la France", "en France": not David France
            here = {r: named_in[(candidate.mention.article, r)] for r in roots
                    if named_in[(candidate.mention.article, r)]}
            if here:
                assigned[id(candidate)] = nearest_before(candidate, here)
            elif len(roots) == 1 and not (place_like and candidate.label == "place"):
                assigned[id(candidate)] = next(iter(roots))
        if any(id(c) not in assigned for c in form.candidates) and len(roots) > 1:
            res.suspected += [(i, r, "a surname alone, borne by several people")
                              for r in sorted(roots)]
    return assigned


def nearest_before(candidate: Candidate, here: dict[int, list[Candidate]]) -> int:
    def distance(root: int) -> tuple[int, int]:
        before = [candidate.position - c.position for c in here[root] if c.position < candidate.position]
        return (0, min(before)) if before else (1, min(c.position for c in here[root]))
    return min(here, key=distance)


# --- actors ------------------------------------------------------------------------------

def resolve_actors(
    articles: list[Article], analyses: dict[str, Analysis], registry_path: Path | None
) -> tuple[list[Actor], list[SuspectedMerge]]:
    rules = load_rules()
    registry = load_registry(registry_path)
    candidates = [c for a in articles for c in article_candidates(a, analyses[a.id], rules)]
    dictionary = {word: code for analysis in analyses.values() for word, code in analysis.dictionary.items()}
    forms = group_forms(candidates, rules, lower_case_words(analyses), dictionary)
    apart = [{k for n in group for k in user_keys(n, rules)} for group in registry.apart]
    res = Resolution(forms, Groups(forms, apart))
    join_registry(res, registry, rules)
    join_persons(res, rules)
    join_definitions(res)
    join_acronyms(res, rules)
    suspect_prefixes(res, rules)
    assigned = assign_surnames(res, rules)
    clusters = gather(res, assigned)
    entries = registry_entries(registry, rules)
    built = {root: make_actor(group, entries, rules) for root, group in clusters.items()}
    kept = {root: actor for root, actor in built.items()
            if actor is not None and not is_excluded(actor, registry)}
    unique_ids(kept.values())
    attach_elsewhere(list(kept.values()), articles, rules)
    suspected = suspected_merges(res, kept, registry, rules)
    return sorted(kept.values(), key=lambda a: a.id), suspected


def lower_case_words(analyses: dict[str, Analysis]) -> set[str]:
    """The folded words the body blocks write in lower case. Folded once per distinct word:
    a dossier holds millions of tokens but tens of thousands of words."""
    written = {t.text for an in analyses.values() for block in an.blocks for t in block.tokens}
    return {name_key(text) for text in written if text[:1].islower()}


def gather(res: Resolution, assigned: dict[int, int]) -> dict[int, list[tuple[Form, Candidate]]]:
    """Candidates by actor (group root), each with the form it was written in."""
    clusters: dict[int, list[tuple[Form, Candidate]]] = defaultdict(list)
    for i, form in enumerate(res.forms):
        for candidate in form.candidates:
            root = res.groups.find(assigned.get(id(candidate), i))
            clusters[root].append((form, candidate))
    return clusters


def registry_entries(registry: Registry, rules: Rules) -> dict[str, Entry]:
    return {key: entry for entry in registry.entries for name in entry.names for key in user_keys(name, rules)}


def make_actor(group: list[tuple[Form, Candidate]], entries: dict[str, Entry], rules: Rules) -> Actor | None:
    forms = list({id(f): f for f, _ in group}.values())
    entry = next((entries[f.key] for f in forms if f.key in entries), None)
    if entry is None and not any(f.sure for f in forms):
        return None
    kind = (entry and entry.type) or actor_type(group, rules)
    if kind is None:
        return None
    texts = Counter(c.mention.text for _, c in group)
    name = entry.names[0] if entry else canonical_name(group, kind, rules)
    actor = Actor(slugify(name), name, kind, description=entry.description if entry else None)
    actor.aliases = sorted((t for t in texts if t != name), key=lambda t: (-texts[t], t))
    actor.mentions = sorted((c.mention for _, c in group), key=lambda m: (m.article, m.block, m.start))
    if kind == "person":
        actor.roles = unique_roles(c for _, c in group)
    return actor


def actor_type(group: list[tuple[Form, Candidate]], rules: Rules) -> str | None:
    """The context's cues decide; else the model's labels. Mentions that joined as a bare
    surname do not vote: the model often reads "Macron" alone as a place."""
    cues = Counter(c.cue for _, c in group if c.cue)
    if cues:
        return cues.most_common(1)[0][0]
    if any(is_full_person_name(f, rules) for f in {id(f): f for f, _ in group}.values()):
        return "person"      # "Yoane Wissa" is a person, however often "Wissa" reads as a place
    defined = [c.defined_by for _, c in group if c.defined_by is not None and c.defined_by.label]
    if defined:              # "(Minusma)": the long name tells what the short one is
        return Counter(c.label for c in defined).most_common(1)[0][0]
    # Only forms wholly in the group vote, not a surname borrowed from another actor.
    in_group = Counter(id(f) for f, _ in group)
    labels = Counter(c.label for f, c in group if c.label and len(f.candidates) == in_group[id(f)])
    return labels.most_common(1)[0][0] if labels else None


def is_full_person_name(form: Form, rules: Rules) -> bool:
    """Given name and surname, which the model reads as a person's."""
    labels = form.votes("label")
    return (bool(labels) and labels.most_common(1)[0][0] == "person"
            and bool(rules.names.person_parts(form.key)[0]) and not form.votes("cue"))


def canonical_name(group: list[tuple[Form, Candidate]], kind: str, rules: Rules) -> str:
    """The fullest name for a person (Choguel Kokalla Maïga), the most used for the rest;
    then an acronym over its expansion (CEDEAO), then the spelling with the most accents
    (Sergueï over Sergei), as French papers write it."""
    counts = Counter(c.mention.text for _, c in group)
    def rank(text: str):
        size = len(rules.names.bare_words(text)) if kind == "person" else 0
        accents = sum(1 for ch in text if ord(ch) > 127)
        return (size, counts[text], text[:1].isupper(), rules.names.is_acronym(text), accents, len(text))
    return max(counts, key=rank)


def unique_roles(candidates) -> list[Role]:
    """One entry per role, in the order the articles give them: written forms that differ only
    by case are one role, shown in its best-capitalised form ("ministre des Affaires étrangères"
    over "… affaires étrangères"), and a role that another role of the same person holds word
    for word is dropped ("ministre" beside "ministre malien des Affaires étrangères",
    "premier ministre" beside "premier ministre malien"). Each role keeps the first article that
    writes it in the form shown: the profile lists "role (article)" once per role."""
    seen: dict[str, list[tuple[Candidate, str]]] = {}
    said = [(c, role) for c in candidates for role in (c.role, getattr(c, "also_role", None)) if role]
    for c, role in sorted(said, key=lambda cr: (cr[0].mention.article, cr[0].position)):
        seen.setdefault(name_key(role), []).append((c, role))
    keys = [k for k in seen if not any(k != other and contains_words(other, k) for other in seen)]
    roles = []
    for key in keys:
        text = max((role for _, role in seen[key]), key=capitals)   # the first of the best
        roles.append(Role(text, next(c.mention.article for c, role in seen[key] if role == text)))
    return roles


def capitals(text: str) -> int:
    return sum(ch.isupper() for ch in text)


def contains_words(longer: str, shorter: str) -> bool:
    """Whether the folded words of `shorter` appear in `longer`, in a row."""
    return f" {shorter} " in f" {longer} "


def is_excluded(actor: Actor, registry: Registry) -> bool:
    return any(name_key(n) in registry.exclude for n in [actor.name, *actor.aliases])


def unique_ids(actors) -> None:
    """One page address per actor: the most mentioned keeps the slug, the others get a number.
    "index" is the actors list's own page."""
    taken: set[str] = {"index"}
    for actor in sorted(actors, key=lambda a: (a.id, -len(a.mentions))):
        slug, n = actor.id or "acteur", 1
        while actor.id in taken or not actor.id:
            n += 1
            actor.id = f"{slug}-{n}"
        taken.add(actor.id)


# --- mentions outside the body -------------------------------------------------------------

def attach_elsewhere(actors: list[Actor], articles: list[Article], rules: Rules) -> None:
    """Name in headings and titles the actors found in the ledes and bodies (the model does not
    read titles; headings alone would bring in noise such as "Coopération militaire")."""
    owners = written_forms(actors, rules)
    if not owners:
        return
    finder = NameFinder(owners)
    for article in articles:
        places = [(b, "block", block.text) for b, block in enumerate(article.blocks)
                  if block.kind == "heading"]
        if article.title and not article.title_made:
            places.append((-1, "title", article.title))
        for b, part, text in places:
            for start, end in finder.find(text):
                name = text[start:end]
                owners[name].mentions.append(Mention(article.id, b, start, end, name, text, part))


def written_forms(actors: list[Actor], rules: Rules) -> dict[str, Actor]:
    """Capitalised names and aliases, each owned by one actor only, plus persons' surnames."""
    owners: dict[str, set[int]] = defaultdict(set)
    by_index = {i: a for i, a in enumerate(actors)}
    for i, actor in by_index.items():
        forms = [actor.name, *actor.aliases]
        if actor.type == "person":
            forms += [n.split()[-1] for n in forms]
        for form in forms:
            if form[:1].isupper() and name_key(form) not in rules.generic:
                owners[form].add(i)
    return {form: by_index[next(iter(ids))] for form, ids in owners.items() if len(ids) == 1}


class NameFinder:
    """Finds names in a text as one regex alternation of them would (longest first, none inside
    a longer word): whole words, the longest name at each place, left to right. Such a regex
    tries every name at every character, thousands of names for a large dossier; here a place is
    tried only where a word starts with the first character of some name, and only with the
    lengths of those names."""

    def __init__(self, names: Iterable[str]):
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in names:
            lengths[name[0]].add(len(name))
        self.names = set(names)
        self.lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        self.starts = re.compile(rf"(?<!\w)[{''.join(map(re.escape, lengths))}]")

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name found."""
        end = 0
        for start in (match.start() for match in self.starts.finditer(text)):
            if start < end:
                continue      # inside the name just found
            for length in self.lengths[text[start]]:
                stop = start + length
                if stop <= len(text) and text[start:stop] in self.names and not WORD_CHAR.match(text, stop):
                    yield start, stop
                    end = stop
                    break


# --- suspected merges and the listing ------------------------------------------------------

def suspected_merges(res: Resolution, kept: dict[int, Actor], registry: Registry,
                     rules: Rules) -> list[SuspectedMerge]:
    apart = [{name_key(n) for n in group} for group in registry.apart]
    found: dict[tuple[str, str], SuspectedMerge] = {}
    for i, j, reason in res.suspected:
        a, b = kept.get(res.groups.find(i)), kept.get(res.groups.find(j))
        if a is None or b is None or a is b:
            continue
        names_a, names_b = {name_key(n) for n in [a.name, *a.aliases]}, {name_key(n) for n in [b.name, *b.aliases]}
        if any(group & names_a and group & names_b for group in apart):
            continue
        first, second = sorted([a.id, b.id])
        found.setdefault((first, second), SuspectedMerge(first, second, reason))
    return sorted(found.values(), key=lambda s: (s.first, s.second))


def report_actors(actors: list[Actor], suspected: list[SuspectedMerge]) -> str:
    """The listing of `dossier actors`: actors, then the merges left for the user to confirm."""
    lines = [f"{len(actors)} actors"]
    for actor in sorted(actors, key=lambda a: (-len(a.mentions), a.id)):
        lines.append(f"  {actor.name}  [{actor.type}]  id: {actor.id}  "
                     f"{len(actor.mentions)} mentions, {len(actor.articles)} articles")
        if actor.aliases:
            lines.append(f"      aliases: {', '.join(actor.aliases)}")
    by_id = {a.id: a for a in actors}
    if suspected:
        lines += ["", f"{len(suspected)} suspected merges, not made. To confirm one, add its group "
                      "under `merge:` in editorial/actors.yml; to keep the two apart, under `apart:`."]
    for s in suspected:
        first, second = by_id[s.first].name, by_id[s.second].name
        lines.append(f"  - {first} / {second} ({s.reason})")
        lines.append(f"      merge:\n        - [{first}, {second}]")
    return "\n".join(lines)
