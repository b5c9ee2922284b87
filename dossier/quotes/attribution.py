"""Attribution: name the speaker of each quoted statement, by the rules the package's
docstring lists in order of confidence, following who the text is about from sentence to
sentence (`Focus`). A speaker is a person or an organisation the text names, or one it binds a
role to; a source it points at without naming it stays `Unnamed`, in its words.
"""
from __future__ import annotations

from ..cast import Cast, phrase_gender, role_nouns
from ..models import Actor, Analysis, Article, Quote, Token
from ..text import fold
from .phrases import SPEAKING_TYPES, Phrases
from .reading import FOCUS_REACH, BlockReading, Focus, Unnamed, named_next
from .spans import (CLOSERS, INCISE_REACH, MIN_WORDS, OPENERS, STRAIGHT, Span, _is_dash_question,
                    _starts_incise, dialogue_span, is_speech_verb, is_statement, quoted_spans, speech_rules)

# Between the parts of a quote an incise split, in the statement's text (the editor's elision).
ELISION = " […] "
# Blocks whose quotes are statements: the article's body, not its captions or headings.
BODY_KINDS = ("paragraph", "quote")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")  # "a-t-il expliqué": -il may be read nsubj:pass
PRONOUN_GENDERS = {"elle": "Fem", "elle-meme": "Fem", "il": "Masc", "lui": "Masc", "lui-meme": "Masc",
                   "dernier": "Masc", "derniere": "Fem"}
# Lemmatised as "il"/"elle" but a group: never the one person in focus.
PLURAL_PRONOUNS = ("ils", "elles")
# A role subject refers to the named subject of the sentence just before (1), none further.
CHAIN_SENTENCES = 1
# How many words before a relative pronoun its antecedent's name may end ("X lui-même qui").
RELATIVE_REACH = 3
# A quote standing as its own block fills at least this share of the block's text (marks aside).
CAPTIONED_SHARE = 0.9
# The caption after such a quote names its speaker within its first characters.
CAPTION_NAME_WITHIN = 2


class Attributor(Phrases):
    def __init__(self, cast: Cast):
        self.cast = cast
        rules = speech_rules()
        self.sources = [fold(s) for s in rules["sources"]]
        self.opening_sources = [fold(s) for s in rules["opening_sources"]]
        self.pronouns = {fold(p) for p in rules["pronouns"]}
        self.demonstratives = {fold(d) for d in rules["demonstratives"]}
        self.teasers = tuple(fold(t) for t in rules["teaser_openers"])
        self.reading_verbs = {fold(v) for v in rules["reading_verbs"]}
        self.publication_nouns = {fold(n) for n in rules["publication_nouns"]}
        self.publishing_verbs = {fold(v) for v in rules["publishing_verbs"]}
        self.person_nouns = {fold(n) for n in rules["person_nouns"]}
        self.person_endings = tuple(fold(e) for e in rules["person_endings"])
        self.anaphoric_nouns = {fold(n) for n in rules["anaphoric_nouns"]}
        self.time_nouns = {fold(n) for n in rules["time_nouns"]}

    def article_quotes(self, article: Article, analysis: Analysis) -> list[Quote]:
        focus = Focus()
        quotes: list[Quote] = []
        # An interview: questions set off by dialogue dashes; the other dash lines are answers.
        interview = any(_is_dash_question(block.text) for block in article.blocks)
        for b, (block, reading_of) in enumerate(zip(article.blocks, analysis.blocks)):
            if not reading_of.tokens:
                continue
            if block.kind not in BODY_KINDS or fold(block.text.lstrip()).startswith(self.teasers):
                # a heading, a caption, a link to another article: read for the focus only
                reading = BlockReading(article, b, block.text, reading_of, [])
                for n in range(len(reading_of.sentences)):
                    self.follow(reading, n, focus)
                continue
            spans = quoted_spans(block.text, reading_of.tokens)
            answer = None
            if not spans and (answer := dialogue_span(block.text, reading_of.tokens)):
                question = block.text[answer.start:answer.end].rstrip().endswith("?")
                incise = answer.end < len(block.text.rstrip(" .…!\u00a0"))
                answer = answer if not question and (interview or incise) else None
                spans = [answer] if answer else []
            reading = BlockReading(article, b, block.text, reading_of, spans)
            statements = [(reading.sentence_of(s[0].start), s) for s in pairs(spans)
                          if any(is_statement(block.text, reading_of.tokens, part) for part in s)
                          or self.attributed_short(reading, s)]
            mark = len(quotes)
            for n in range(len(reading_of.sentences)):
                for sentence, parts in statements:
                    if sentence == n:
                        quotes.append(self.quote(reading, parts, focus, article.blocks,
                                                 dialogue=parts[0] is answer))
                self.follow(reading, n, focus)
            named_next(quotes[mark:], self.cast)
        return quotes

    def attributed_short(self, reading: BlockReading, parts: list[Span]) -> bool:
        """A short run without a verb is a statement when a speech verb brings it in ("a réclamé
        « la démission du gouvernement »"), or an incise follows its closing mark ("« plus
        discrète, plus réactive », a-t-il dit", "« Vachement bon … », selon un proche") or
        splits it, unless it is then a noun phrase ("« le tweet du ministre », détaille X": the
        words of a title or a thing, not a statement)."""
        words = sum(len(reading.text[p.start:p.end].split()) for p in parts)
        tokens = reading.analysis.tokens
        first = next((t for t in tokens if t.idx >= parts[0].start), None)
        if words < MIN_WORDS or first is None:
            return False
        before = [t for t in tokens if t.idx < parts[0].start and t.pos != "PUNCT"][-1:]
        if before and is_speech_verb(before[0], tokens):   # "X a réclamé « la démission du gouvernement »"
            return True
        if len(parts) == 1 and first.pos == "DET":
            return False
        after = [t for t in tokens if t.idx >= parts[0].end and t.pos != "PUNCT"][:INCISE_REACH]
        beside = [t for t in after if t.pos in ("AUX", "ADV") or t.text.startswith("-")]
        return any(is_speech_verb(t, tokens) or fold(t.text) in self.sources for t in after[:len(beside) + 1])

    def quote(self, reading: BlockReading, parts: list[Span], focus: Focus, blocks, dialogue: bool = False) -> Quote:
        span = Span(parts[0].start, parts[-1].end)
        window = self.window(reading, span)
        found = self.attribution(reading, span, window, focus, blocks)
        speaker, evidence = found if found else (None, "")
        if dialogue and not speaker:  # an answer without incise: who answered before, or the interviewee
            speaker, evidence = focus.answerer or focus.person, "dialogue"
        if not speaker:
            speaker = focus.recent(reading.index, span.start, self.cast, reading)
            evidence = "continued" if speaker else ""
        if dialogue and isinstance(speaker, str):
            focus.answerer = speaker
        if speaker:
            focus.spoke(speaker, (reading.index, span.end), self.cast)
        start, end = reading.chars(window)
        unnamed = speaker if isinstance(speaker, Unnamed) else None
        if unnamed:
            evidence = f"{evidence}/{unnamed.kind}"
        words = ELISION.join(reading.text[p.start:p.end] for p in parts)
        return Quote(reading.article.id, reading.index, words,
                     None if unnamed else speaker, span.start, span.end, reading.text[start:end].strip(),
                     (unnamed.words or None) if unnamed else None, evidence)

    def attribution(self, reading: BlockReading, span: Span, window: list[Token], focus: Focus, blocks):
        """(speaker, evidence) by the first rule that finds one, else None."""
        rules = (("publication", lambda: self.by_publication(reading, window, focus)),
                 ("verb", lambda: self.by_speech_verb(reading, span, window, focus)),
                 ("source", lambda: self.by_source(reading, window, focus)),
                 ("colon", lambda: self.by_colon(reading, span, window, focus)),
                 ("caption", lambda: self.by_caption(reading, span, blocks)))
        for name, rule in rules:
            if who := rule():
                return (who[0], who[1]) if isinstance(who, tuple) else (who, name)
        return None

    def window(self, reading: BlockReading, span: Span) -> list[Token]:
        """The sentences holding the quote, and the next one if it opens with an incise
        ("« … . a-t-il ajouté.")."""
        first, last = reading.sentence_of(span.start), reading.sentence_of(max(span.end - 1, span.start))
        if last + 1 < len(reading.analysis.sentences):
            following = reading.sentence_tokens(last + 1, last + 1)
            opening = [t for t in following if t.i not in reading.quoted and t.pos != "PUNCT"]
            if _starts_incise(opening, reading.analysis.tokens):
                last += 1
        return reading.sentence_tokens(first, last)

    # -- rule 1 and 3: speech verbs --

    def by_speech_verb(self, reading: BlockReading, span: Span, window: list[Token], focus: Focus):
        tokens = reading.analysis.tokens
        verbs = [t for t in window if t.i not in reading.quoted and is_speech_verb(t, tokens)]
        if not verbs:
            return None
        # the nearest to the quote; an incise between its parts is nearest of all
        verb = min(verbs, key=lambda t: 0 if span.start <= t.idx < span.end
                   else min(abs(t.idx - span.start), abs(t.idx - span.end)))
        subject = self.subject_of(reading, verb)
        if subject is not None:
            # a subject that names no one we know ("ont-ils dit", "a-t-elle dit" with no woman in
            # focus, "dit-on") declines: the last speaker is not a guess for it
            return self.resolve(reading, subject, focus) or Unnamed("", "pronoun")
        inverted = self.inverted_subject(reading, verb, focus)
        if inverted:
            return inverted
        if (named := self.named_before_verb(reading, verb)) is not None:
            return named
        if (unread := self.unread_subject(reading, verb)) is not None:   # the name it is, else no one
            named = self.cast.named(reading.article.id, reading.index, unread.idx, unread.idx + len(unread.text))
            return self.speaking(named[0].actor, reading, unread) if named else Unnamed("", "unread")
        # "Et d'ajouter : « … »": no subject at all, the last speaker goes on, when they spoke in
        # this block or the one before and nobody else was named since
        who = focus.recent(reading.index, span.start, self.cast, reading)
        return (who, "continued") if who else None

    def subject_of(self, reading: BlockReading, verb: Token) -> Token | None:
        """The verb's subject, climbing coordinated and chained verbs ("X a déclaré … mais a
        souligné que …")."""
        token, seen = verb, set()
        while token.i not in seen:
            seen.add(token.i)
            subjects = [c for c in reading.children(token) if c.dep in SUBJECT_DEPS
                        and c.i not in reading.quoted  # the parser sometimes hangs a quote there
                        and (c.dep == "nsubj" or fold(c.lemma).lstrip("-") in self.pronouns)]
            if subjects:  # the parser may give two; the nearest is the right one more often
                subject = min(subjects, key=lambda c: abs(c.i - token.i))
                if subject.text == "-t" and subject.i + 1 < len(reading.analysis.tokens):
                    return reading.token(subject.i + 1)   # "confie-t-il": "-t" read as the subject
                return subject
            if (inverted := self.inverted_pronoun(reading, token)) is not None:
                return inverted
            if token.dep not in ("conj", "xcomp") or token.head == token.i:
                return None
            token = reading.token(token.head)
        return None

    def inverted_pronoun(self, reading: BlockReading, verb: Token) -> Token | None:
        """"avait-il affirmé", "soupire-t-elle": the pronoun after the auxiliary or the verb,
        which the parser may hang elsewhere."""
        tokens = reading.analysis.tokens
        auxiliaries = [c for c in reading.children(verb) if c.dep.startswith("aux") and c.i < verb.i]
        after = [t for t in tokens[verb.i + 1:verb.i + 3] if t.text != "-t"][:1]   # "soupire-t-elle"
        for token in [t for aux in auxiliaries for t in tokens[aux.i + 1:verb.i]] + after:
            if token.text.startswith("-") and fold(token.text).lstrip("-") in self.pronouns:
                return token
        return None

    def inverted_subject(self, reading: BlockReading, verb: Token, focus: Focus):
        """The subject after the verb of an incise, which the parser often reads as its object
        ("», a dit la ministre.", "a soutenu le colonel-major X", "a justifié la présidente de
        l'université, X"): the first noun phrase after the verb that no preposition brings in
        ("à Moscou", "auprès de l'AFP" are not speakers)."""
        token = self.inverted_phrase(reading, verb)
        return self.resolve(reading, token, focus) if token is not None else None

    def named_before_verb(self, reading: BlockReading, verb: Token) -> str | None:
        """A person or organisation whose name ends right before the verb and its auxiliaries
        ("le Colonel-général X a salué « … »"), which the parser failed to read as the subject;
        not one a preposition brings in ("à X a succédé …")."""
        tokens = reading.analysis.tokens
        n = verb.i - 1
        while n >= 0 and tokens[n].pos in ("AUX", "ADV") and not tokens[n].text.startswith("-"):
            n -= 1
        # only across an auxiliary ("X a salué"), or for a verb the tagger took for a noun and glued
        # to the name before it ("Olaf Scholz juge que …" read as one name)
        if n < 0 or (n == verb.i - 1 and verb.pos in ("VERB", "AUX")) or n in reading.quoted:
            return None
        named = self.cast.named(reading.article.id, reading.index, tokens[n].idx, tokens[n].idx + len(tokens[n].text))
        if not named or self.cast.types.get(named[0].actor) not in SPEAKING_TYPES:
            return None
        first = next(t for t in tokens if t.idx + len(t.text) > named[0].start)
        if first.i and tokens[first.i - 1].pos == "ADP":
            return None
        return named[0].actor

    def resolve(self, reading: BlockReading, subject: Token, focus: Focus):
        """Who a subject refers to: a named actor (a person or an organisation), a pronoun's
        person in focus, a relative pronoun's antecedent, the person this article gives the
        role to; else `Unnamed` with the article's words, when the text points at someone it
        does not name ("un diplomate européen", "le communiqué", "le chef de l'État" alone)."""
        aid, b = reading.article.id, reading.index
        own = self.cast.named(aid, b, subject.idx, subject.idx + len(subject.text))
        if own:
            return self.speaking(own[0].actor, reading, subject)
        if "PronType=Rel" in subject.morph:
            return self.antecedent(reading, subject, focus)
        pronoun = fold(subject.text).lstrip("-").removeprefix("t-")
        if fold(subject.lemma).lstrip("-") in self.pronouns or pronoun in self.pronouns:
            if pronoun in PLURAL_PRONOUNS:   # "ont-ils ajouté": a group, not the person in focus
                return Unnamed("", "pronoun")
            if focus.sentence - focus.lost_sentence == 1:   # the sentence before lost its subject
                return Unnamed("", "pronoun")
            return focus.person_of(PRONOUN_GENDERS.get(pronoun), self.cast, self.named_before(reading, subject),
                                   reading.index)
        phrase = self.phrase(reading, subject)
        if person := self.person_in(reading, subject, phrase):
            return person
        if not self.nominal(reading, subject):
            return None
        words = self.source_words(reading, phrase, subject)
        gender = phrase_gender(reading.analysis.tokens, subject) if subject.pos != "PROPN" else None
        if self.indefinite(reading, subject):
            return Unnamed(words, "anonymous", gender)
        is_role = fold(subject.lemma) in role_nouns() or fold(subject.text) in role_nouns()
        if is_role:
            role = " ".join(t.text for t in phrase if t.dep != "punct")
            bound = self.cast.bound_role(role, aid, (b, subject.idx), gender)
            if bound is None and (bound := self.chained(reading, subject, focus, gender)):
                self.cast.bind(aid, bound, role)
            return bound or Unnamed(words, "role", gender)
        if self.anaphoric(reading, subject) and (bound := self.chained(reading, subject, focus, gender)):
            return bound
        if (org := self.organisation(reading, phrase)) is not None:
            return org
        named = [p for t in phrase for p in self.cast.named(aid, b, t.idx, t.idx + len(t.text))]
        if named:
            return self.speaking(named[0].actor, reading, subject)
        # a thing ("le communiqué"), or a name the dossier has no actor for ("Mediapart")
        return Unnamed(words, "nominal" if subject.pos != "PROPN" else "name", gender)

    def antecedent(self, reading: BlockReading, relative: Token, focus: Focus):
        """Who a relative pronoun stands for: a name written just before it ("X lui-même qui
        dira"), else the noun the parser hangs its clause on."""
        tokens = reading.analysis.tokens
        near = tokens[max(0, relative.i - RELATIVE_REACH):relative.i]
        if near:
            named = self.cast.named(reading.article.id, reading.index, near[0].idx, relative.idx)
            if named:
                return self.speaking(named[-1].actor, reading, near[-1])
        verb = reading.token(relative.head)
        if verb.dep == "acl:relcl" and verb.head != verb.i:
            return self.resolve(reading, reading.token(verb.head), focus)
        return None

    def chained(self, reading: BlockReading, subject: Token, focus: Focus, gender: str | None) -> str | None:
        """The person a role refers to by the continuity of news writing: the named subject of
        the sentence just before ("Emmanuel Macron a officialisé … Le chef de l'Etat a
        justifié …"), of the role's gender, nobody else named in between. Not the subject of the
        same sentence ("X a obtenu un non-lieu, au motif que « … », a expliqué le juge": two
        clauses, two people), nor for a plural ("les responsables") or for a place."""
        who, (b, offset) = focus.subject, focus.subject_at
        if who is None or not 0 < focus.sentence - focus.subject_sentence <= CHAIN_SENTENCES:
            return None
        if "Number=Plur" in subject.morph or not self.cast.is_person(who):
            return None
        # "Le ministre de l'Économie a présenté son budget. X l'a soutenu. « … », a insisté le
        # ministre": the role the text gave someone it left unnamed, in focus still, is theirs
        head = fold(subject.lemma)
        if any(isinstance(p, Unnamed) and head in fold(p.words).split() for p in focus.people
               if reading.index - focus.seen_at.get(p, (-99, 0))[0] <= FOCUS_REACH):
            return None
        if gender and self.cast.gender(who) not in (None, gender):   # "l'officier": no gender to compare
            return None
        for n in range(b, reading.index + 1):
            between = self.cast.named(reading.article.id, n, offset if n == b else 0,
                                      subject.idx if n == reading.index else 10 ** 9)
            if any(p.actor != who and self.cast.is_person(p.actor) for p in between):
                return None
        return who

    # -- rule 2: selon X --

    def by_source(self, reading: BlockReading, window: list[Token], focus: Focus):
        for token in window:
            if token.i in reading.quoted:
                continue
            if self.is_source_word(reading, token, window):
                return self.resolve(reading, reading.token(token.head), focus) \
                    if token.head != token.i else None
        return None

    def is_source_word(self, reading: BlockReading, token: Token, window: list[Token]) -> bool:
        """"selon", "d'après", and "pour" opening a sentence ("Pour X, « … »")."""
        pair = fold(reading.token(token.i - 1).text + token.text) if token.i else ""
        opening = token.i == window[0].i or (token.i > 0 and reading.token(token.i - 1).text in ",;" and
                                             token.i - 1 == window[0].i)
        return fold(token.text) in self.sources or pair in self.sources or (
            opening and fold(token.text) in self.opening_sources)

    # -- rule 4: "la position de X est claire : « … »" --

    def by_colon(self, reading: BlockReading, span: Span, window: list[Token], focus: Focus):
        opening = reading.text[:span.start].rstrip(" \u00a0" + OPENERS + STRAIGHT)
        if not opening.endswith(":"):
            return None
        start = reading.chars(window)[0]
        people = {p.actor for p in self.cast.named(reading.article.id, reading.index, start, len(opening))
                  if self.cast.is_person(p.actor)}
        if len(people) == 1:
            return people.pop()
        if people:   # "X a reçu Y à l'Élysée : « … »": the one of them the clause makes its subject, else none
            subjects = [t for t in window if t.dep == "nsubj" and t.idx < len(opening) and t.i not in reading.quoted]
            who = self.resolve(reading, subjects[0], focus) if subjects else None
            return who if who in people else Unnamed("", "colon")
        if (opinion := self.opinion_of(reading, window, len(opening))) is not None:
            return self.resolve(reading, opinion, focus)
        # "Un chercheur basé à Dakar se montre prudent : « … »", "il jette un œil critique : « … »":
        # the subject of the clause the colon ends, a person (or one the text leaves unnamed)
        subjects = [t for t in window if t.dep == "nsubj" and t.idx < len(opening) and t.i not in reading.quoted]
        who = self.resolve(reading, subjects[0], focus) if subjects else None
        if isinstance(who, Unnamed):
            return who if self.person_like(reading, subjects[0], who) else None
        return who if self.cast.is_person(who) else None

    def opinion_of(self, reading: BlockReading, window: list[Token], end: int) -> Token | None:
        """"pour lui" in the clause a colon ends ("l'enseignement est pour lui une vocation :
        « … »"): whose view the quote gives."""
        for token in window:
            if token.idx < end and token.i not in reading.quoted and fold(token.text) in PRONOUN_GENDERS \
                    and any(fold(c.text) == "pour" for c in reading.children(token) if c.dep == "case"):
                return token
        return None

    # -- rule 5: a quote as a block of its own, with a caption naming the speaker --

    def by_caption(self, reading: BlockReading, span: Span, blocks) -> str | None:
        whole = len(reading.text.strip(" \u00a0" + OPENERS + CLOSERS + STRAIGHT))
        if span.end - span.start < CAPTIONED_SHARE * whole or reading.index + 1 >= len(blocks):
            return None
        if blocks[reading.index + 1].kind not in ("caption", "paragraph"):
            return None
        named = self.cast.named(reading.article.id, reading.index + 1, 0, CAPTION_NAME_WITHIN)
        return named[0].actor if named and self.cast.types.get(named[0].actor) in SPEAKING_TYPES else None

    # -- focus --

    def follow(self, reading: BlockReading, n: int, focus: Focus) -> None:
        """After a sentence: a person subject becomes the focus, and so does a source the text
        leaves unnamed ("un chiraquien s'est souvenu …"); the subject of a sentence that
        speaks ("X a lancé un message, soulignant …") and the one "selon"/"pour" names, the
        last speaker."""
        sentence = reading.sentence_tokens(n, n)
        tokens = reading.analysis.tokens
        speaks = any(t.i not in reading.quoted and is_speech_verb(t, tokens) for t in sentence)
        # a relative clause's subject is the one a role after refers to only when the sentence
        # has no other ("Le maire, X, qui n'était pas poursuivi, ne s'est pas présenté", misparsed)
        main_subject = any(t.dep == "nsubj" and "PronType=Rel" not in t.morph and t.i not in reading.quoted
                           for t in sentence)
        for token in sentence:
            if token.i in reading.quoted:
                continue
            if token.dep == "nsubj" and fold(token.lemma) in self.pronouns:
                # "Joint par téléphone, il s'est refusé …": the person it refers to stays the subject
                focus.kept(PRONOUN_GENDERS.get(fold(token.text).lstrip("-")), self.cast)
                continue
            if token.dep == "expl:subj":   # "Il lui est reproché …": an impersonal "il" names no one
                focus.impersonal()
                continue
            if token.dep in ("nsubj", "nsubj:pass"):   # "L'ancien élu est poursuivi": a subject too
                actor = self.resolve(reading, token, focus)
            elif self.is_source_word(reading, token, sentence) and token.head != token.i:
                actor = self.resolve(reading, reading.token(token.head), focus)
            else:
                continue
            if not actor or (isinstance(actor, Unnamed) and not self.person_like(reading, token, actor)):
                continue
            at, anchor = (reading.index, token.idx), "PronType=Rel" not in token.morph or not main_subject
            if token.dep == "nsubj:pass":   # who is spoken of, not who speaks ("X a été interrogé")
                if isinstance(actor, Unnamed) or self.cast.is_person(actor):
                    focus.see(actor, at, anchor)
            elif speaks or token.dep != "nsubj":
                focus.spoke(actor, at, self.cast, anchor)
            elif isinstance(actor, Unnamed) or self.cast.is_person(actor):
                focus.see(actor, at, anchor)
        if (presented := self.presented(reading, sentence)) is not None:
            focus.see(presented, (reading.index, sentence[0].idx))
        if (leader := self.leader(reading, sentence)) is not None and (led := self.resolve(reading, leader, focus)) \
                and self.cast.is_person(led):
            focus.see(led, (reading.index, leader.idx))
        if (root := self.subjectless(reading, sentence)) is not None:
            if (who := self.named_before_verb(reading, root)) is None:
                focus.lost_sentence = focus.sentence
            elif speaks:   # "le Colonel-général X a salué …": X spoke
                focus.spoke(who, (reading.index, root.idx), self.cast)
            elif self.cast.is_person(who):
                focus.see(who, (reading.index, root.idx))
        if any(t.pos != "PUNCT" for t in sentence):   # a lone "." or "«" the parser split off is no sentence
            focus.sentence += 1

    def subjectless(self, reading: BlockReading, sentence: list[Token]) -> Token | None:
        """The main verb of a sentence of the writer, in a compound tense but without subject
        ("s'est souvenu", "a salué"): the parser lost it, so the person in focus may not be the
        one a next "il" refers to. (A simple form may be a participle read as finite: "Souvent
        tue, cette problématique …".)"""
        roots = [t for t in sentence if t.dep == "ROOT" and t.i not in reading.quoted and t.pos == "VERB"]
        kids = reading.children(roots[0]) if roots else []
        compound = any(c.dep in ("aux:tense", "aux:pass") for c in kids)
        lost = compound and not any(c.dep in SUBJECT_DEPS or c.dep == "expl:pass" for c in kids) \
            and self.inverted_phrase(reading, roots[0]) is None   # "», a dit la ministre": read as its object
        return roots[0] if lost else None

def pairs(spans: list[Span]) -> list[list[Span]]:
    """The quoted runs grouped by pair of marks: the parts an incise split are one statement."""
    grouped: list[list[Span]] = []
    for span in spans:
        if grouped and span.pair >= 0 and grouped[-1][0].pair == span.pair:
            grouped[-1].append(span)
        else:
            grouped.append([span])
    return grouped


def find_quotes(
    articles: list[Article], analyses: dict[str, Analysis], actors: list[Actor]
) -> list[Quote]:
    attributor = Attributor(Cast(actors, articles, analyses))
    quotes: list[Quote] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is not None:
            quotes += attributor.article_quotes(article, analysis)
    return quotes
