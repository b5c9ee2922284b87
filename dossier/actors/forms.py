"""Forms: group the candidates written as one name (same key), and drop the forms that are
common words or generic words after all."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon import COMMON, CONJUGATED, Answers
from ..names import name_key
from .candidates import WEB_NAME, Candidate
from .rules import Rules

# Parts of speech the tagger gives a capitalised word that is not a name ("Souhaitons", "Voire").
NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADJ", "PRON", "SCONJ", "CCONJ", "ADP", "DET", "INTJ"}


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
    if len(found) > 1 and WEB_NAME.search(text):
        found = found[:-1]        # "Liberation.fr" is Libération
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


def group_forms(candidates: list[Candidate], rules: Rules, lower_words: set[str],
                dictionary: Answers) -> list[Form]:
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


def is_dictionary_word(form: Form, dictionary: Answers) -> bool:
    """One capitalised word that is a French common word, not a name, by the tagger and the
    lemmatizer's dictionary: "les Sages", "du Plateau", "Mystère, par définition…" (the tagger
    never reads it as a proper noun, it is in the dictionary, and it opens its sentences or takes
    an article); or a conjugated verb opening every sentence it is in ("Distinguons les points",
    which the tagger may read as a proper noun). A context cue saves it, and so does the model
    calling it an organisation ("le Sénat", "le Parlement"); a person's surname is not tested.
    `dictionary` holds what the analysis looked up (lexicon.py) and looks up any other word."""
    word = form.candidates[0].mention.text.lower()
    # the dictionary holds single words: not "Le Bihan", nor "Fédération de Russie" (keyed "russie")
    # the model's organisation counts unless the word is capitalised only as a sentence's first
    # ("Arithmétiquement, une coalition …")
    if " " in form.key or " " in word or any(c.cue or (c.label == "organization" and not c.opens)
                                             for c in form.candidates):
        return False
    code = dictionary[word]
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

