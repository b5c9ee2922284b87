"""Names: normal forms and comparisons that tell whether two written names are one actor.

Pure string work, no model: folding (case, accents, apostrophes, hyphens), transliteration keys
(Sergueï = Sergei = Sergey), person names split into given names and surname, acronyms and their
expansions (CEDEAO = Communauté économique des États de l'Afrique de l'Ouest).
The word lists come from dossier/data/actor_rules.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

WORD = re.compile(r"[a-z0-9]+")
# Folded names kept in memory: a large dossier folds some tens of thousands of distinct words.
NAME_KEY_CACHE = 1 << 17
# An acronym is written in capitals, from this many letters to that many ("UE" … "MINUSMA").
ACRONYM_MIN_LETTERS, ACRONYM_MAX_LETTERS = 2, 8
# An acronym this short spells its whole name: with a leading word implied, one letter would be
# left to match.
SHORT_ACRONYM_LETTERS = 2
# A short form in brackets has at least this many letters.
SHORT_FORM_MIN_LETTERS = 2


@lru_cache(maxsize=NAME_KEY_CACHE)
def name_key(text: str) -> str:
    """Lower-case, accent-free, one space between words; apostrophes and hyphens are spaces.
    Memoised: the same few thousand words are folded again and again (unidecode is slow)."""
    text = unidecode(text).casefold()
    return " ".join(WORD.findall(text))


def words(text: str) -> list[str]:
    return name_key(text).split()


@dataclass
class NameRules:
    determiners: set[str]
    honorifics: set[str]
    function_words: set[str]
    acronym_implied: set[str]
    surname_particles: set[str]
    state_forms: list[list[str]]
    transliteration: list[tuple[re.Pattern, str]]
    suspect_similarity: float
    surname_similarity: float
    # word → its transliteration key: the same few names are compared again and again
    translit_keys: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: dict) -> NameRules:
        return cls(
            determiners={name_key(w) for w in data["determiners"]},
            honorifics={name_key(w) for w in data["honorifics"]},
            function_words={name_key(w) for w in data["acronym_function_words"]},
            acronym_implied={name_key(w) for w in data["acronym_implied"]},
            surname_particles={name_key(w) for w in data["surname_particles"]},
            state_forms=[words(f) for f in data["state_forms"]],
            transliteration=[(re.compile(p), r) for p, r in data["transliteration"]],
            suspect_similarity=float(data["suspect_similarity"]),
            surname_similarity=float(data["surname_similarity"]),
        )

    # --- keys ------------------------------------------------------------------------------

    def bare_words(self, name: str) -> list[str]:
        """The name's folded words without leading determiners, honorifics or state forms."""
        found = words(name)
        while found and (found[0] in self.determiners or found[0] in self.honorifics):
            found = found[1:]
        for form in self.state_forms:
            if len(found) > len(form) and found[: len(form)] == form:
                found = found[len(form):]
                while found and found[0] in self.determiners:
                    found = found[1:]
                break
        return found

    def key(self, name: str) -> str:
        """Two written forms of one name share this key: "la France" / "France"."""
        return " ".join(self.bare_words(name))

    def content_key(self, name: str) -> str:
        """The key without function words: "Assemblée générale de l'ONU" → "assemblee generale onu"."""
        return " ".join(w for w in self.bare_words(name) if w not in self.function_words)

    def translit(self, word: str) -> str:
        """One key for the spellings of a name across alphabets: Sergueï, Sergei, Sergey → sergei."""
        key = self.translit_keys.get(word)
        if key is None:
            key = name_key(word).replace(" ", "")
            for pattern, replacement in self.transliteration:
                key = pattern.sub(replacement, key)
            self.translit_keys[word] = key
        return key

    # --- persons ---------------------------------------------------------------------------

    def person_parts(self, name: str) -> tuple[list[str], str]:
        """Given names and surname: "Jean-Yves Le Drian" → (["jean", "yves"], "le drian")."""
        found = self.bare_words(name)
        if not found:
            return [], ""
        start = len(found) - 1
        while start > 0 and found[start - 1] in self.surname_particles:
            start -= 1
        if start == 0 and len(found) > 1 and found[0] in self.surname_particles:
            return [], " ".join(found)       # "Le Drian" alone is a surname
        return found[:start], " ".join(found[start:])

    def surname_key(self, name: str) -> str:
        """The surname without its particles, across spellings: "Le Drian" and "Drian" agree
        (a sentence may open with "Le Drian", and "le" is also an article)."""
        surname = self.person_parts(name)[1].split()
        while len(surname) > 1 and surname[0] in self.surname_particles:
            surname = surname[1:]
        return " ".join(self.translit(w) for w in surname)

    def given_names_match(self, first: list[str], second: list[str]) -> bool:
        """Same first given name, allowing transliteration and initials (S. = Sergueï).

        Middle names may be missing from one form: Choguel Maïga = Choguel Kokalla Maïga.
        """
        if not first or not second:
            return False
        a, b = first[0], second[0]
        if len(a) == 1 or len(b) == 1:
            return a[0] == b[0]
        return self.translit(a) == self.translit(b)

    def given_names_close(self, first: list[str], second: list[str]) -> bool:
        """Close enough to ask the user (Vladimir / Wladimir), not enough to merge."""
        if not first or not second:
            return False
        similarity = JaroWinkler.similarity(self.translit(first[0]), self.translit(second[0]))
        return similarity >= self.suspect_similarity

    # --- acronyms --------------------------------------------------------------------------

    def is_acronym(self, name: str) -> bool:
        letters = name.replace(".", "")
        return ACRONYM_MIN_LETTERS <= len(letters) <= ACRONYM_MAX_LETTERS and letters.isalpha() and letters.isupper()

    def expands(self, acronym: str, name: str, implied: bool = True) -> bool:
        """Whether `name` spells out `acronym`: every content word gives a letter, in order;
        function words may give one or not; one leading word may be implied (ONU = Nations unies),
        unless `implied` is False. A name cut short by the model ("Choeur de", "Conseil d'Etat
        et de la") or with a single content word spells nothing."""
        letters = name_key(acronym).replace(" ", "")
        expansion = [w for w in words(name) if w]
        content = [w for w in expansion if w not in self.function_words]
        if len(content) < 2 or expansion[-1] in self.function_words:
            return False
        if self._spells(letters, expansion):
            return True
        return implied and len(letters) > SHORT_ACRONYM_LETTERS and any(
            name_key(word)[0] == letters[0] and self._spells(letters[1:], expansion)
            for word in self.acronym_implied
        )

    def initials(self, name: str) -> str:
        """The first letters of the name's content words: a name spells out only the acronyms
        that hold them in order (each content word gives its initial, see `_spells`)."""
        return "".join(w[0] for w in words(name) if w not in self.function_words)

    def _spells(self, letters: str, expansion: list[str]) -> bool:
        """Align letters with word initials: content words must be used, function words may be
        (CEDEAO keeps the D of "des"), but not an elided one (the d' of "Conseil d'Etat")."""
        if not letters:
            return all(w in self.function_words for w in expansion)
        if not expansion:
            return False
        head, rest = expansion[0], expansion[1:]
        gives = head not in self.function_words or len(head) > 1
        if gives and head[0] == letters[0] and self._spells(letters[1:], rest):
            return True
        return head in self.function_words and self._spells(letters, rest)

    def abbreviates(self, short: str, name: str) -> bool:
        """Whether `short`, given in brackets right after `name`, can be its short form: same
        first letter, and its letters found in order in the name (Minusma: Mission … Nations
        Unies … Stabilisation … MAli; EI: Etat Islamique)."""
        letters, text = name_key(short).replace(" ", ""), name_key(name).replace(" ", "")
        if len(letters) < SHORT_FORM_MIN_LETTERS or not text or letters[0] != text[0]:
            return False
        position = 0
        for letter in letters:
            position = text.find(letter, position) + 1
            if position == 0:
                return False
        return True
