"""Noun phrases, for attribution: who a subject's words name (a person in apposition, an
organisation in other words), the article's own words for a source it does not name, and
whether that source is someone ("un proche") or something ("le communiqué"); where a phrase
stands in its clause (brought in by a preposition, under which verb), and the one person a verbless
sentence presents; the publication a quote is read in.
"""
from __future__ import annotations

from ..cast import Cast, role_nouns, stem
from ..models import Token
from ..text import fold
from .reading import BlockReading, Unnamed
from .spans import is_speech_verb

# Words of an unnamed source kept for the page ("une source diplomatique ouest-africaine").
SOURCE_WORDS = 10
# Actor types that can speak: a place or a work never does ("Niger" is the junta, unnamed).
SPEAKING_TYPES = ("person", "organization")
# Determiners that bring in someone new, besides those the model marks Definite=Ind.
INDEFINITE = {"plusieurs", "certain", "quelque", "aucun", "nombreux"}
# How many blocks back, besides its own, a pronoun or role may find the person it refers to
# among those named.
NAMED_BEFORE_REACH = 2


class Phrases:
    """The noun-phrase readings the attribution rules share (mixed into `Attributor`, which
    sets `cast` and the word lists of speech_verbs.yml)."""
    cast: Cast
    demonstratives: set[str]
    person_nouns: set[str]
    person_endings: tuple[str, ...]
    anaphoric_nouns: set[str]
    reading_verbs: set[str]
    publication_nouns: set[str]
    publishing_verbs: set[str]
    time_nouns: set[str]

    def nominal(self, reading: BlockReading, token: Token) -> bool:
        """A noun, or an adjective made one by its determiner ("ce proche")."""
        return token.pos in ("NOUN", "PROPN") or (
            token.pos == "ADJ" and any(c.dep == "det" for c in reading.children(token)))

    def speaking(self, actor: str, reading: BlockReading, token: Token):
        """The actor, when it can speak; a place ("le Niger") is a source left unnamed."""
        if self.cast.types.get(actor) in SPEAKING_TYPES:
            return actor
        return Unnamed(self.source_words(reading, self.phrase(reading, token), token), "place")

    def phrase(self, reading: BlockReading, head: Token) -> list[Token]:
        """A noun phrase's words: its subtree without relative clauses, nor what the parser
        hangs on it past a quote."""
        dropped = set()
        for child in reading.children(head):
            if child.dep in ("acl:relcl", "acl") or child.i in reading.quoted:
                dropped.update(t.i for t in reading.subtree(child))
        return [t for t in reading.subtree(head) if t.i not in dropped and t.i not in reading.quoted]

    def person_in(self, reading: BlockReading, head: Token, phrase: list[Token]) -> str | None:
        """A person the phrase names as its head or in apposition ("le colonel-major X", "la
        présidente de l'université, X"), not a person it is about ("un proche de X")."""
        aid, b = reading.article.id, reading.index
        about = set()
        for child in reading.children(head):
            if child.dep.startswith("nmod") and any(c.dep == "case" for c in reading.children(child)):
                about.update(t.i for t in reading.subtree(child))
        # a name hung on the head right after a complement that is a person ("le porte-parole du
        # footballeur X") is that person's
        for name in [t for t in phrase if t.dep == "appos" and t.head == head.i and t.i - 1 in about]:
            if self.person_word(reading.token(name.i - 1)):
                about.update(t.i for t in reading.subtree(name))
        own = [t for t in phrase if t.i not in about] + self.written_after(reading, head) \
            + self.named_after_complement(reading, head, [t for t in phrase if t.i in about]) \
            + self.second_argument(reading, head, phrase)
        after_comma = self.apposition(reading, [t for t in phrase if t.i in about])
        for tokens in (own, after_comma):
            people = [p.actor for t in tokens for p in self.cast.named(aid, b, t.idx, t.idx + len(t.text))
                      if self.cast.is_person(p.actor)]
            if people:
                return people[0]
        return None

    def apposition(self, reading: BlockReading, about: list[Token]) -> list[Token]:
        """The words between the first comma of a complement and the next one: the name in
        apposition that the parser hung on the complement ("La présidente de la Corref, sœur X,")."""
        commas = [t.i for t in about if reading.token(t.i - 1).text == ","]
        if not commas:
            return []
        run = [t for t in about if t.i >= commas[0]]
        end = next((k for k, t in enumerate(run) if t.text == ","), len(run))
        return run[:end]

    def named_after_complement(self, reading: BlockReading, head: Token, about: list[Token]) -> list[Token]:
        """A name set right after the complement of a role that is no person ("le ministre de
        l'Intérieur Gérald Darmanin", "le maire de Lyon Jean Dupont"): the parser hangs it on the
        complement, but it names the role's holder. After a person ("le porte-parole du
        président Emmanuel Macron"), or deeper ("le chef de cabinet du ministre de l'Intérieur
        X"), or for no role ("un proche de la famille X"), it is someone else's."""
        if fold(head.lemma) not in role_nouns() and fold(head.text) not in role_nouns():
            return []
        found = []
        for token in about:
            complement = reading.token(token.head)
            if token.dep == "appos" and token.pos == "PROPN" and reading.token(token.i - 1).pos != "PUNCT" \
                    and complement.head == head.i and not self.person_word(complement):
                found += [t for t in reading.subtree(token) if t.pos == "PROPN"]
        return found

    def person_word(self, token: Token) -> bool:
        """A noun that names a person by what they are ("président", "proche", "footballeur");
        an ending counts in lower case only ("l'Intérieur" is a ministry)."""
        word = fold(token.lemma)
        return word in role_nouns() or word in self.person_nouns or fold(token.text) in role_nouns() or (
            token.text[:1].islower() and word.endswith(self.person_endings))

    def second_argument(self, reading: BlockReading, head: Token, phrase: list[Token]) -> list[Token]:
        """The name after a comma that the parser made a second argument of the same verb ("a
        annoncé à l'AFP le maire de Lyon, Jean Dupont": "Jean Dupont" read as another object)."""
        last = max(t.i for t in phrase)
        tokens = reading.analysis.tokens
        if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
            return []
        name = tokens[last + 2]
        if name.pos != "PROPN" or name.i in reading.quoted or head.head == head.i \
                or name.head != head.head or name.dep != head.dep:
            return []
        return [name] + [t for t in reading.children(name) if t.dep == "flat:name"]

    def written_after(self, reading: BlockReading, head: Token) -> list[Token]:
        """The words written right after a noun, up to punctuation: a name the parser did not
        hang on it ("le colonel-major Amadou Abdramane", read as three subjects)."""
        found = []
        for token in reading.analysis.tokens[head.i + 1:]:
            if token.i in reading.quoted or not (token.pos in ("NOUN", "PROPN", "ADJ") or token.text == "-"):
                break
            found.append(token)
        return found

    def source_words(self, reading: BlockReading, phrase: list[Token], head: Token | None = None) -> str:
        """The words of a noun phrase as the article writes them: the run around its head, up
        to a comma, without the preposition that brings it in ("selon") nor the complements
        other than "de …" ("un ténor de la droite sur l'influence …" → "un ténor de la droite")."""
        inside = {t.i for t in phrase}
        for token in phrase:
            cases = [fold(c.text) for c in reading.children(token) if c.dep == "case"]
            if token != head and cases and cases[0] not in ("de", "d'", "du", "des"):
                inside -= {t.i for t in reading.subtree(token)}
        inside -= {t.i for t in phrase if t.pos in ("VERB", "AUX") and t != head}
        centre = head.i if head is not None and head.i in inside else min(inside)
        first, last = centre, centre
        tokens = reading.analysis.tokens
        while first - 1 in inside and tokens[first - 1].pos != "PUNCT":
            first -= 1
        while last + 1 in inside and tokens[last + 1].text not in ",;:(" and last - first < SOURCE_WORDS:
            last += 1
        # on the left, only the head's own words: "auprès de l'AFP une source …" → "une source …"
        while first < centre and (tokens[first].pos == "ADP" or (head is not None and tokens[first].head != head.i)):
            first += 1
        start, end = reading.chars(tokens[first:last + 1])
        return reading.text[start:end].strip(" ,;:")

    def organisation(self, reading: BlockReading, phrase: list[Token]) -> str | None:
        """An organisation of the article that a common-noun phrase names in other words:
        "l'armée malienne" for "Forces armées maliennes", all the phrase's words in its name."""
        words = {stem(t.text) for t in phrase if t.pos in ("NOUN", "ADJ", "PROPN")}
        if not words:
            return None
        aid = reading.article.id
        found = [actor for actor in self.cast.named_in(aid) if actor in self.cast.org_names
                 and words <= self.cast.org_names[actor]
                 and self.cast.last_seen(actor, aid, (reading.index + 1, 0)) != (-1, -1)]
        return found[0] if len(found) == 1 else None

    def indefinite(self, reading: BlockReading, subject: Token) -> bool:
        """A noun phrase that brings in someone new ("un diplomate", "des sources", "plusieurs
        élus") or points back at one ("ce proche")."""
        if not self.nominal(reading, subject) or subject.pos == "PROPN":
            return False
        dets = [c for c in reading.children(subject) if c.dep == "det"]
        return any("Definite=Ind" in d.morph or fold(d.lemma) in INDEFINITE or fold(d.text) in self.demonstratives
                   for d in dets)

    def anaphoric(self, reading: BlockReading, subject: Token) -> bool:
        """A definite noun that news writing uses only to refer back to someone just named
        ("l'édile", "le prévenu", "l'officier"), alone: with a complement ("l'officier de
        l'armée de l'air") it brings in someone new."""
        if fold(subject.lemma) not in self.anaphoric_nouns and fold(subject.text) not in self.anaphoric_nouns:
            return False
        kids = reading.children(subject)
        definite = any(c.dep == "det" and "Definite=Def" in c.morph for c in kids)
        return definite and not any(c.dep.startswith(("nmod", "acl", "appos")) for c in kids)

    def named_before(self, reading: BlockReading, token: Token) -> list[str]:
        """Persons named in this block before the token and in the two blocks before, in order."""
        aid, b = reading.article.id, reading.index
        found = []
        for block in range(max(0, b - NAMED_BEFORE_REACH), b + 1):
            end = token.idx if block == b else 10 ** 9
            found += [p.actor for p in self.cast.named(aid, block, 0, end) if self.cast.is_person(p.actor)]
        return found

    def person_like(self, reading: BlockReading, token: Token, unnamed: Unnamed) -> bool:
        """An unnamed source that is someone ("un chiraquien", "un proche", "le prévenu"), not
        something ("une grève", "cette affirmation"): only they are referred to as "il"/"elle"."""
        if unnamed.kind not in ("anonymous", "role"):
            return False
        head = token if token.dep == "nsubj" else reading.token(token.head)
        if "Number=Plur" in head.morph:   # "plusieurs évêques" are not the "il" that follows
            return False
        word = fold(head.lemma)
        return word in role_nouns() or word in self.person_nouns or word.endswith(self.person_endings)

    def presented(self, reading: BlockReading, sentence: list[Token]) -> str | None:
        """The one person a sentence without finite verb of the body presents ("Sur le banc des prévenus,
        X, 64 ans, ancien adjoint …"): the person the next sentences are about, as a subject is.
        Not in headings or captions, whose names are labels, not the thread of the text."""
        if reading.article.blocks[reading.index].kind != "paragraph":
            return None
        words = [t for t in sentence if t.i not in reading.quoted]
        if not words or any(t.pos == "AUX" or "VerbForm=Fin" in t.morph for t in words):   # "voix posée" is no verb
            return None
        named = {p.actor for p in self.cast.named(reading.article.id, reading.index, *reading.chars(words))}
        people = [a for a in named if self.cast.is_person(a)]
        return people[0] if len(people) == 1 else None

    def leader(self, reading: BlockReading, sentence: list[Token]) -> Token | None:
        """The name of who leads a group that is the sentence's subject ("Le groupe Liot, emmené
        par Charles de Courson, prépare …", "La délégation, conduite par X, …"): the person the
        sentence is about, whom a role just after refers back to as to a subject. Not the
        agent of a person ("le ministre, accompagné par X") nor of the main verb."""
        for token in sentence:
            if token.dep != "obl:agent" or token.pos != "PROPN" or token.i in reading.quoted:
                continue
            verb = reading.token(token.head)
            group = reading.token(verb.head)
            if verb.dep == "acl" and group.dep == "nsubj" and group.pos == "NOUN" and not self.person_word(group):
                return token
        return None

    def by_publication(self, reading: BlockReading, window: list[Token], focus):
        """"peut-on lire dans Les Échos", "lit-on sur Le Monde": the publication is the source;
        "peut-on lire" alone, or "dans le quotidien du soir", the one this block made the subject
        of telling before ("Le Monde révèle …", "Mediapart publie un article …")."""
        for verb in window:
            if verb.i in reading.quoted or fold(verb.lemma) not in self.reading_verbs:
                continue
            for token in window:
                if token.i not in reading.quoted and self.nominal(reading, token) and any(
                        fold(c.text) in ("dans", "sur") for c in reading.children(token) if c.dep == "case") \
                        and self.climbs_to(reading, token, verb):
                    who = self.resolve(reading, token, focus)
                    if isinstance(who, str) and self.cast.types.get(who) == "organization":
                        return who
                    told = self.told_before(reading, window, focus) if fold(token.lemma) in self.publication_nouns \
                        else None
                    if told:
                        return told
                    return Unnamed(self.source_words(reading, self.phrase(reading, token), token), "publication")
            return self.told_before(reading, window, focus)
        return None

    def told_before(self, reading: BlockReading, window: list[Token], focus) -> str | None:
        """The one organisation this block made, before the window, the subject of a verb of
        telling or publishing ("Mediapart publie un article …", "Le Monde révèle que …")."""
        tokens = reading.analysis.tokens
        found = set()
        for token in tokens[:window[0].i]:
            head = reading.token(token.head)
            if token.dep == "nsubj" and token.i not in reading.quoted and (
                    fold(head.lemma) in self.publishing_verbs or is_speech_verb(head, tokens)):
                who = self.resolve(reading, token, focus)
                if isinstance(who, str) and self.cast.types.get(who) == "organization":
                    found.add(who)
        return found.pop() if len(found) == 1 else None

    def climbs_to(self, reading: BlockReading, token: Token, verb: Token) -> bool:
        while token.i != verb.i and token.head != token.i:
            token = reading.token(token.head)
        return token.i == verb.i

    def in_complement(self, reading: BlockReading, token: Token, verb: Token) -> bool:
        """A word of a phrase brought in by a preposition, up to the verb ("à Moscou", "dans
        un message lu à la télévision"), or the object of another verb."""
        while token.i != verb.i:
            if any(c.dep in ("case", "mark") for c in reading.children(token)):
                return True
            if token.head == token.i:
                return False
            head = reading.token(token.head)
            if head.pos in ("VERB", "AUX") and head.i != verb.i:
                return True
            token = head
        return False

    def inverted_phrase(self, reading: BlockReading, verb: Token) -> Token | None:
        """The first noun after the verb, up to the clause's end, that no preposition brings in,
        nor a time ("a affirmé lundi le ministre", "a déclaré ce matin X")."""
        after = reading.analysis.tokens[verb.i + 1:]
        stop = next((t.i for t in after if t.text in ".;:!?" or t.i in reading.quoted), len(reading.analysis.tokens))
        for token in after:
            if token.i >= stop:
                break
            if self.nominal(reading, token) and not self.in_complement(reading, token, verb) \
                    and fold(token.lemma) not in self.time_nouns and fold(token.text) not in self.time_nouns:
                return token
        return None

    def unread_subject(self, reading: BlockReading, verb: Token) -> Token | None:
        """A noun phrase after the verb, up to the clause's end, that no preposition brings in
        ("», a déclaré dimanche sur France Inter la ministre", "a déclaré à l'AFP X", misparsed):
        a subject the parse did not give, so the last speaker is no guess for it."""
        for token in reading.analysis.tokens[verb.i + 1:]:
            if token.text in ".;:!?" or token.i in reading.quoted:
                return None
            kids = reading.children(token)
            if token.pos in ("NOUN", "PROPN") and fold(token.lemma) not in self.time_nouns \
                    and not any(c.dep == "case" for c in kids) \
                    and (token.pos == "PROPN" or any(c.dep == "det" for c in kids)):
                return token
        return None
