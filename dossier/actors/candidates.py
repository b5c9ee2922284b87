"""Candidates: read the entities of the lede and the body's blocks as would-be actors — clean
the span, cut glued words, take titles out of names, drop what is not an actor, note what the
context says of the type, and read the roles (roles.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Analysis, Article, BlockAnalysis, Entity, Mention, Token
from ..names import name_key
from .context import (WORK, abbreviates_common_words, body_of_place, capitalised_head, common_apposition,
                      event_word_before, foreign_phrase, hyphen_joined, is_family, is_portfolio, is_work_mention,
                      member_cue, shape_cue, speaks, split_run_ons, take_caps_surnames)
from .roles import GLUED, read_role, starts_with_title, title_in_name
from .rules import Rules

LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
WEB_NAME = re.compile(r"\.[a-z]{2,4}$")          # "Lecourrier-du-soir.com": an outlet
NOT_A_NAME = re.compile(r"https?:|www\.|@|/")     # links and handles: page furniture
ELISION = ("'", "’")
# "la Ve République", "le XXe siècle": an ordinal opens a period's name, not an actor's.
# ("Le" is no ordinal: a Roman L or C alone is not taken.)
ORDINAL = re.compile(r"^(?:[IVX]+|[IVXLC]{2,}|\d+)(?:e|er|re|ème)$")
# A name's span shorter than this, letters and digits only, is an initial or a list letter ("C", "B").
MIN_NAME_CHARS = 2
# The lower-case head of a glued word ("àJean") cut off when it is a short word of the language or
# at least this long (a whole word: "étrangèresConférence"), not a prefix ("iPhone", "eBay").
GLUED_HEAD_MIN_LETTERS = 3
# A long name that a short form in brackets defines starts fewer tokens than this before the bracket.
DEFINED_NAME_REACH = 16
# Determiners that may stand between an institution and the name the model found ("le ministère
# de la [Défense]").
INSTITUTION_REACH = 2
# Tokens of a generic word and the adjectives taken after it ("l'[État] islamique").
GENERIC_NAME_MAX_TOKENS = 3
PLURAL_ARTICLES = {"les", "des", "aux"}


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
    plural: bool = False    # after "les", "des": a family ("les Kennedy") or a group, not one body


def article_candidates(article: Article, analysis: Analysis, rules: Rules) -> list[Candidate]:
    """Candidates from the lede and the body; from headings, only persons named in full ("Selon
    Paul Collier, … ?"): other names in a heading are noise ("Coopération militaire")."""
    found = []
    for b, part, text, reading in readable_parts(article, analysis):
        reading = take_caps_surnames(split_run_ons(unglue(reading, text, rules), text, rules), text, rules)
        here = []
        for entity in reading.entities:
            candidate = read_entity(article.id, b, text, reading, entity, rules)
            if candidate is not None and (part != "heading" or full_person(candidate, rules)):
                here.append(candidate)
        part = "block" if part == "heading" else part
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
                    and (name_key(head) in rules.names.function_words or len(head) >= GLUED_HEAD_MIN_LETTERS)):
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
    """(block index, part, text, reading) of the lede (block -1) and the body's blocks
    (part "heading" for a heading)."""
    if article.lede and analysis.lede:
        yield -1, "lede", article.lede, analysis.lede
    for b, (block, reading) in enumerate(zip(article.blocks, analysis.blocks)):
        yield b, "heading" if block.kind == "heading" else "block", block.text, reading


def full_person(candidate: Candidate, rules: Rules) -> bool:
    """A person's given name and surname, as the model and the context read them."""
    kind = candidate.cue or candidate.label
    return kind == "person" and bool(rules.names.person_parts(name_key(candidate.mention.text))[0])


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
        while j > 0 and paren - j < DEFINED_NAME_REACH and not ends_phrase(tokens[j - 1]):
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
    start, end = hyphen_joined(tokens, entity.token_start, entity.token_end)
    if ("\n" in entity.text or NOT_A_NAME.search(entity.text) or too_long_a_word(entity.text, rules)
            or foreign_phrase(tokens, start, end, rules)):
        return None
    label = entity.label
    institution = institution_start(tokens, start, rules)
    if institution is None and label in {"LOC", "ORG"}:
        institution = body_of_place(tokens, start, rules)
    if institution is not None:
        start = institution
    elif label in {"LOC", "ORG"}:
        start = capitalised_head(tokens, start, taken_tokens(reading, entity), rules)
    start, honorific = skip_openers(tokens, start, end, label, rules)
    end = trim_end(tokens, start, end, rules)
    start, span_role = title_in_name(tokens, start, end, label, text, rules)
    if start < end and (ORDINAL.match(tokens[start].text) or is_only_title(tokens, start, end, rules)):
        return None      # "la Ve République"; "le Colonel-général" cut from its name by a line end
    span_text = text[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1].text)] if start < end else ""
    if len(name_key(span_text).replace(" ", "")) < MIN_NAME_CHARS:
        return None      # "C", "B": an initial or a list letter
    first = name_key(tokens[start].text)
    opening_cue = rules.type_cues.get(first) or plural_body(tokens[start].text, rules)
    # "dans Le Monde", ", Le Monde révèle": a generic word after its own capitalised article
    # inside a sentence is a title's name (a paper's), not the common word
    titled = first in rules.generic and label != "PER" and own_capital_article(tokens, start, reading, rules)
    generic_head = (institution is None and first in rules.generic and tokens[start].text[:1].isupper()
                    and not titled)
    if generic_head:
        end = take_adjectives(tokens, start, end)
        if end - start < 2:
            return None
    elif institution is None and not titled and not is_name(tokens, start, end, label, opening_cue, rules):
        return None
    if (end - start == 1 and is_demonym(tokens, start, label, rules) and not member_cue(tokens, start, rules)
            and not own_capital_article(tokens, start, reading, rules)):
        return None      # "les Belges"; not "un cadre des Engagés", nor ", Les Engagés de …" (a party)
    if (is_work_mention(tokens, start, rules, end) or cue_before(tokens, start, rules, across_comma=False) == WORK
            or is_portfolio(tokens, start, rules) or abbreviates_common_words(tokens, start, end, rules)):
        return None      # "un Baron Noir", "le film Kingsman", "ministre des Comptes publics", "(IRFM)"
    family = is_family(tokens, start, end, label)
    if label == "MISC" and speaks(tokens, start, end, rules):
        # "Mediapart révèle", "selon Mediapart": a body; "», glisse Zineb, étudiante": a person
        label = "PER" if common_apposition(tokens, end) else "ORG"
    single = end - start == 1
    if label != "PER":      # the mention opens at `start`, the name at `name`
        name, (start, end) = start, with_capital_article(tokens, start, end, reading, rules)
    else:
        name = start
    # An acronym is a body's name, whatever the title next to it ("le député LREM Untel").
    acronym = single and "." not in tokens[name].text and rules.names.is_acronym(tokens[name].text)
    if acronym and label == "PER":
        label = "ORG"
    role, also_role, role_says_person = ((None, None, False) if acronym
                                         else read_role(reading, start, end, text, label, rules))
    if span_role is not None and not acronym:
        role, role_says_person = role or span_role, True
    # A cue word right before the name tells more than a role around it ("présidente du groupe
    # Rassemblement national"); one set off by a comma, less.
    cue = (("organization" if institution is not None else None) or opening_cue or ("person" if family else None)
           or cue_before(tokens, start, rules, across_comma=False) or member_cue(tokens, start, rules)
           or ("person" if (honorific and not acronym) or role_says_person else None)
           or cue_before(tokens, start, rules) or cue_after(tokens, end, rules) or conjunct_cue(tokens, start, end, rules)
           or ("organization" if WEB_NAME.search(entity.text) else None)
           or shape_cue(text[tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1].text)]))
    if cue == "event" and (opening := event_word_before(tokens, start, rules)) is not None:
        start = opening  # "le sommet Russie-Afrique": the event's word is its name's
    first_char, last = tokens[start].idx, tokens[end - 1]
    last_char = last.idx + len(last.text)
    mention = Mention(article_id, b, first_char, last_char, text[first_char:last_char],
                      sentence_of(text, reading, start))
    before = tokens[start - 1] if start > 0 else None
    # A capitalised "Le" before a name is a particle ("Le Drian"), or opens the sentence.
    with_article = (not family and before is not None and before.text[:1].islower()
                    and (name_key(before.text) in rules.definite_articles
                         or name_key(before.text) in rules.place_prepositions))
    opens = start == 0 or before.pos == "PUNCT" or any(start == s for s, _ in reading.sentences)
    return Candidate(mention, LABEL_TYPES.get(label), cue, with_article, role, 0, (start, end),
                     tokens[name].pos if single else None, opens, generic_head,
                     also_role=also_role, plural=before is not None and name_key(before.text) in PLURAL_ARTICLES)


def taken_tokens(reading: BlockAnalysis, entity: Entity) -> set[int]:
    """The tokens of the block's other names of several words or of persons ("les [Mutuelles]
    de [Bretagne]": a lone word before is the model's cut, not another name)."""
    return {k for e in reading.entities if e is not entity and (e.token_end - e.token_start > 1 or e.label == "PER")
            for k in range(e.token_start, e.token_end)}


def too_long_a_word(text: str, rules: Rules) -> bool:
    """A word longer than any name's (a base64 blob, a run of letters): no actor."""
    return len(text) > rules.longest_name_word and any(len(word) > rules.longest_name_word
                                                      for word in text.split())


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
    while end < len(tokens) and end - start < GENERIC_NAME_MAX_TOKENS and tokens[end].pos == "ADJ" \
            and tokens[end].text[:1].islower():
        end += 1
    return end


def is_demonym(tokens: list[Token], start: int, label: str, rules: Rules) -> bool:
    """"les Russes", "des Lyonnais", "deux Français": inhabitants, not their place. The tagger
    reads them as common nouns (places are proper nouns) after a determiner or a number."""
    token = tokens[start]
    if label not in {"LOC", "MISC"} or start == 0:
        return False
    before, word = tokens[start - 1], name_key(token.text)
    if name_key(before.text) in PLURAL_ARTICLES and word.endswith(rules.demonym_endings) and word.endswith("s"):
        return True      # "Les Wallons ont choisi", which the tagger may read as a proper noun
    if before.pos == "AUX" and word.endswith(rules.demonym_endings):
        return True      # "l'Europe serait Africaine": an adjective after "être"
    if token.pos != "NOUN":
        return False
    after_determiner = before.pos in {"DET", "NUM", "ADJ"} or name_key(before.text) in {"des", "de", "d", "aux"}
    # "des Belges": a plural common noun after a plural determiner is people (plural places are
    # proper nouns); not "la région de Mopti", which the tagger may read as a plural noun
    plural = name_key(before.text) in PLURAL_ARTICLES or before.pos == "NUM" or "Number=Plur" in before.morph
    return after_determiner and (word.endswith(rules.demonym_endings) or ("Number=Plur" in token.morph and plural))


def is_name(tokens: list[Token], start: int, end: int, label: str, opening_cue: str | None,
            rules: Rules) -> bool:
    if not accepted_opening(tokens[start], name_key(tokens[start].text), opening_cue, rules):
        return False
    return opening_cue is not None or not (is_adjective_use(tokens, start, end, label, rules)
                                           or is_capitalised_phrase(tokens, start, end))


def institution_start(tokens: list[Token], start: int, rules: Rules) -> int | None:
    """Where "le ministère des [Armées]" really starts: the model leaves the institution out."""
    j = start - 1
    while j >= 0 and start - j <= INSTITUTION_REACH and name_key(tokens[j].text) in rules.names.determiners:
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
        if word in rules.names.honorifics and not tokens[start].text.endswith(ELISION):
            honorific = True        # not "M’" of "M’Jid El Guerrab": a name's own elided part
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
            and cue_word(word, rules) is None and not starts_with_title([word], rules))


def is_capitalised_phrase(tokens: list[Token], start: int, end: int) -> bool:
    """"— Conférence de presse à Moscou": a common noun capitalised only because it opens a
    line or follows a dash, its other words in lower case, with no article before it as the
    names of institutions have ("l'Union européenne")."""
    if end - start < 2 or tokens[start].pos != "NOUN":
        return False
    opens = start == 0 or tokens[start - 1].pos == "PUNCT"
    return opens and all(not t.text[:1].isupper() for t in tokens[start + 1 : end])


def cue_before(tokens: list[Token], start: int, rules: Rules, across_comma: bool = True) -> str | None:
    """The type told by a cue word before the name: "la société russe, Wagner", "l'opération
    française Barkhane"; adjectives and one comma may stand between."""
    j = start - 1
    if j >= 0 and tokens[j].text == ",":
        if not across_comma:
            return None
        j -= 1
    while j >= 0 and tokens[j].pos == "ADJ" and tokens[j].text[:1].islower():
        j -= 1
    return cue_word(tokens[j].text, rules) if j >= 0 else None


def cue_word(word: str, rules: Rules) -> str | None:
    """The type a cue word tells, in the singular or the plural ("les entreprises Lime et Bird")."""
    key = name_key(word)
    return rules.type_cues.get(key) or (rules.type_cues.get(key[:-1]) if key.endswith(("s", "x")) else None)


def plural_body(word: str, rules: Rules) -> str | None:
    """"Mutuelles de Bretagne": an organisation's cue word in the plural opening a name."""
    return "organization" if cue_word(word, rules) == "organization" else None


def conjunct_cue(tokens: list[Token], start: int, end: int, rules: Rules) -> str | None:
    """"les entreprises Lime et Bird": a plural cue word before the first of names joined by "et"
    or commas tells the type of every one of them."""
    root = next((t for t in tokens[start:end] if not start <= t.head < end), None)
    if root is None or root.dep != "conj" or not 0 <= root.head < start:
        return None
    h = root.head
    while tokens[h].dep.startswith("flat") and 0 <= tokens[h].head < h and tokens[tokens[h].head].text[:1].isupper():
        h = tokens[h].head        # the first word of the first name
    if h == 0 or not name_key(tokens[h - 1].text).endswith(("s", "x")) or not tokens[h - 1].text[:1].islower():
        return None
    return cue_word(tokens[h - 1].text, rules)


def sentence_of(text: str, reading: BlockAnalysis, token_index: int) -> str:
    for start, end in reading.sentences:
        if start <= token_index < end:
            first, last = reading.tokens[start], reading.tokens[end - 1]
            return text[first.idx : last.idx + len(last.text)]
    return text


def cue_after(tokens: list[Token], end: int, rules: Rules) -> str | None:
    """The type told by an apposition that opens with a cue word: "le Paris Saint-Germain, un club
    qui …", "Vooruit, le parti socialiste flamand", "Braguino (documentaire, …)"."""
    if end + 1 < len(tokens) and tokens[end].text == "(":
        word = tokens[end + 1]       # "Braguino (documentaire, 50 min)"
        return rules.type_cues.get(name_key(word.text)) if word.text[:1].islower() else None
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].pos != "DET":
        return None
    word, k = tokens[end + 2], end + 3
    while k < len(tokens) and tokens[k].pos == "ADJ":
        k += 1
    if k < len(tokens) and tokens[k].pos in {"VERB", "AUX"}:
        return None      # "…, le club discute": the subject of the next clause, no apposition
    return rules.type_cues.get(name_key(word.text)) if word.text[:1].islower() else None


def is_only_title(tokens: list[Token], start: int, end: int, rules: Rules) -> bool:
    """The span is a title and nothing else: "Capitaine", "Colonel-major" (the tokens after the
    title word are hyphens and words in lower case)."""
    n = starts_with_title([name_key(t.text) for t in tokens[start:end]], rules)
    return n > 0 and not any(t.text[:1].isupper() for t in tokens[start + n : end])


def own_capital_article(tokens: list[Token], start: int, reading: BlockAnalysis, rules: Rules) -> bool:
    """A capitalised article right before the name, inside a sentence (not after a full stop, a
    colon or a quotation mark, nor opening the sentence): the name's own ("sur Le Point")."""
    j = start - 1
    if j <= 0 or tokens[j].text[:1].islower() or name_key(tokens[j].text) not in rules.definite_articles:
        return False
    if tokens[j - 1].pos == "PUNCT" and tokens[j - 1].text not in {",", "("}:
        return False
    return not any(j == s for s, _ in reading.sentences)


def with_capital_article(tokens: list[Token], start: int, end: int, reading: BlockAnalysis,
                         rules: Rules) -> tuple[int, int]:
    """"sur Le Point", "l'association La Parole libérée", "Les Engagés de Maxime Prévot": inside a
    sentence, a capitalised article before a name is the name's own, and so is the adjective in
    lower case right after it that the model left out. At a sentence's opening it is only the
    sentence's capital ("La France a …", "« La France n'a pas …")."""
    j = start - 1
    if not own_capital_article(tokens, start, reading, rules):
        return start, end
    after = tokens[end] if end < len(tokens) else None
    adjective = after is not None and (after.pos == "ADJ" or "VerbForm=Part" in after.morph)
    if adjective and after.text[:1].islower() and (end + 1 == len(tokens) or tokens[end + 1].pos != "NOUN"):
        end += 1
    return j, end
