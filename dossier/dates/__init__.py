"""Dates: dated events in the text, for the timeline, and the date of undated articles.

words.py finds French date expressions (words in dossier/data/date_words.yml); tense.py reads
the tense of the verb each hangs on; reading.py reads an article's expressions with their cues
and context; resolve.py places each in time with its precision ("le 11 novembre 2021" →
2021-11-11, "en juin" → YYYY-06, "fin 2014" → 2014); events.py makes the dossier's events.

parse.py is the one reader of a date that names its day by itself, for the timeline and for
cleaning's date lines alike. dateparser does not find events: it misses elisions ("d'août 2020"),
"dernier"/"prochain", the weekday of the reference date and ranges ("du 2 au 8 novembre"), the
commonest forms in news copy; parse.py asks it only for a date line in another language.
"""
from .events import INFERRED, date_articles, find_events, writing_day
from .parse import parse_day
from .words import _alternatives, _escaped, pattern, words

__all__ = ["INFERRED", "_alternatives", "_escaped", "date_articles", "find_events", "parse_day", "pattern", "words",
           "writing_day"]
