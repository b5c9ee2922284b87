"""Which quoted runs are statements: not the titles of a reference or of a link to another
article, not the name of a thing a noun brings in, and a short run only when something
attributes it. Mixed into `Attributor` (attribution.py), which sets the word lists of
speech_verbs.yml these read.
"""
from __future__ import annotations

from ..cast import tokens_within
from ..text import fold
from .reading import BlockReading
from .spans import INCISE_REACH, MIN_WORDS, OPENERS, STRAIGHT, Span, is_speech_verb


class Statements:
    sources: list[str]
    opening_sources: list[str]
    reading_verbs: set[str]

    def titles_only(self, reading: BlockReading) -> bool:
        """A paragraph whose words outside its quotes hold no verb, no "selon" and no colon
        before a quote: a reference or a link to another article ("« … », conversation avec X",
        "Auteur, « Titre », Revue, 2018"), whose quotes are titles, not what someone says here.
        A paragraph that is a quote alone is left to the other rules."""
        outside = [t for t in reading.analysis.tokens if t.i not in reading.quoted and t.pos != "PUNCT"]
        if len(outside) < 2 or any(t.pos in ("VERB", "AUX") or is_speech_verb(t, reading.analysis.tokens)
                                   for t in outside):
            return False
        if any(fold(t.text) in self.sources or fold(t.text) in self.opening_sources for t in outside):
            return False
        return not any(reading.text[:span.start].rstrip(" \u00a0" + OPENERS + STRAIGHT).endswith(":")
                       for span in reading.spans)

    def named_thing(self, reading: BlockReading, parts: list[Span]) -> bool:
        """Words a preposition brings in, with no finite verb and no incise after them: the name
        of a thing, not a statement ("des soupçons de « fraude fiscale, manquements … »", "une
        suppression de « la séparation entre … »"): the preposition completes a noun, not a verb."""
        tokens = reading.analysis.tokens
        inside = [t for p in parts for t in tokens_within(tokens, p.start, p.end)]
        if not inside or inside[0].pos in ("VERB", "AUX") or any("VerbForm=Fin" in t.morph for t in inside):
            return False   # a clause: "une stratégie pour « siphonner les élus … »" is someone's words
        before = [t for t in tokens if t.idx < parts[0].start and t.pos != "PUNCT"][-2:]
        if len(before) < 2 or before[1].pos != "ADP" or before[0].pos not in ("NOUN", "PROPN"):
            return False   # "a parlé d'« une faute majeure »", "plaide pour « … »": what someone says
        return not self.incise_after(reading, parts)

    def incise_after(self, reading: BlockReading, parts: list[Span]) -> bool:
        """A speech verb, "selon" or "peut-on lire" right after the quote's closing mark ("», a-t-il dit")."""
        tokens = reading.analysis.tokens
        after = [t for t in tokens if t.idx >= parts[-1].end and t.pos != "PUNCT"][:INCISE_REACH]
        beside = [t for t in after if t.pos in ("AUX", "ADV") or t.text.startswith("-")]
        return any(is_speech_verb(t, tokens) or fold(t.text) in self.sources for t in after[:len(beside) + 1]) \
            or any(fold(t.lemma) in self.reading_verbs for t in after)   # "peut-on lire": "peut" may be a verb

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
        return self.incise_after(reading, parts[:1])
