"""The cleaning's tuning knobs: one typed settings dataclass, read from the `settings:` mapping of the
outlet YAML (dossier/data/outlets.yml, then the user's editorial/outlets.yml, key by key).

The defaults are the values the cleaning was measured with; dossier/data/outlets.yml writes them out.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class CleanSettings:
    # ---- title, lede, headings (structure)
    title_max: int = 120               # characters of a title made from the text's first sentence
    lede_max: int = 400                # characters of a line that may be the lede
    # A shorter line is a caption or a button, no standfirst: the dev sets' standfirsts have 98 to 880
    # characters; "Read more about sharing." (24) was taken for one.
    lede_min_chars: int = 60
    heading_max: int = 120             # characters of an unmarked line that may be a heading
    headline_max_chars: int = 250      # a longer line is never a title, nor headline-like above the prose
    title_min_words: int = 2           # words of a first line that may be the title
    caption_max_chars: int = 200       # characters of a line under a quote that may be its caption
    question_heading_max_chars: int = 60  # characters of a question that may head the next paragraph
    # An interview: this many lines ending with "?", each above a longer answer, are its questions, as
    # headings, up to interview_question_max_chars long (web-dev's legrandcontinent: 9 questions
    # of 52 to 330 characters; of the 25 dev .txt pages of the bench only it and a BBC page of question
    # subheadings have 3 such lines).
    interview_questions: int = 3
    interview_question_max_chars: int = 400

    # ---- sentences (what reads as running text)
    sentence_min_words: int = 4        # fewer words: no sentence structure, no function-word ratio
    long_sentence_words: int = 12      # from this many words, a line needs only long_sentence_ratio
    long_sentence_ratio: float = 0.15  # share of function words a long line needs to be a sentence
    short_sentence_ratio: float = 0.2  # share a shorter line needs, with a sentence's last character
    paragraph_words: int = 25          # a sentence this long is running text even without a final stop

    # ---- the search for the article's prose (main_span): a sentence scores its word count less
    # sentence_cost (so that long paragraphs, not teasers, make an article); a line without sentence
    # structure costs short_cost, a line a rule removed removed_cost, and a related-links heading
    # section_cost: the article rarely goes on after one.
    sentence_cost: int = 8
    short_cost: int = 4
    removed_cost: int = 12
    # A run of removed lines is one piece of furniture (a newsletter box, a share row): after its
    # first line, each further line of the run costs only run_cost.
    run_cost: int = 6
    section_cost: int = 60
    tail_lines: int = 2                # lines after the prose that may still close the article
    # Lines after the prose searched for its footnotes ("*Le prénom a été modifié" under "Antoine*"):
    # on real.yml's bondyblog the note is the third line after the prose, below a signature and a credit.
    footnote_reach: int = 4
    closing_ratio: float = 0.3         # share of function words of such a closing line
    head_lines: int = 2                # headline-like lines kept above the prose (title and lede)
    headline_min_words: int = 3        # words of a line above the prose that may be title or lede
    # The headline is looked for among the head_window lines above the prose and the first
    # head_into_span lines of it (clean/head.py; the signals' weights: data/head.yml).
    head_window: int = 40
    head_into_span: int = 3
    # A line above a standfirst that outscored it is the headline when it has this many words (a
    # section label above a headline, "Dans les médias", has 3; the dev headlines 6 or more).
    headline_over_standfirst_words: int = 6

    # ---- furniture
    # A line that ends the article (comments, most read) counts only after this many words of prose.
    cut_after_words: int = 80
    inline_paragraphs: int = 2         # paragraphs after a box of links that put the box inside the text
    link_question_words: int = 16      # words of a headline put as a question, still a link
    subheading_words: int = 7          # words of the next part's subheading under a box of links
    # A line above the first paragraph that shares headline_overlap of its content words with the
    # page's title (and at least headline_shared of them) is the headline again; a headline has at
    # most headline_words words.
    headline_overlap: float = 0.6
    headline_shared: int = 3
    headline_words: int = 30
    # A feed or agenda: at least dated_run lines opened by a numeric date or a time, at most
    # dated_gap lines apart ("9/11 Abandon du projet…", "17:37 Humbert, le grand huit !").
    dated_run: int = 3
    dated_gap: int = 1
    repeated_in: int = 2               # a line repeated in this many articles of the dossier is furniture

    # ---- saved web pages
    # Only paragraphs inside trafilatura's range come back. Measured on the extraction bench, taking
    # one more paragraph at each edge too (edge = 1) gives snippets 0.974 but full text 0.988 (from
    # 0.994): the paragraph just outside is as often a standfirst or a byline the gold leaves out as body.
    edge: int = 0
    match_min_chars: int = 20          # characters of a visible line found inside trafilatura's lines

    # ---- metadata lines
    metadata_line_max_chars: int = 200  # a longer line is text, not a date, byline or credit
    byline_max_chars: int = 80          # characters of a line that may be a byline
    byline_max_words: int = 6           # words of the name a byline gives
    copyright_max_words: int = 5        # words of the site's name a copyright notice gives
    caption_min_words: int = 8          # words after "Photo :" that describe the picture, not credit it
    # A bare photo credit has at most this many words ("Photo: Adil Boukind Archives Le Devoir": 6); a
    # longer line that ends with a credit is a caption, which may follow the standfirst.
    credit_max_words: int = 6


def read_settings(given: object, where: Path, base: CleanSettings = CleanSettings()) -> CleanSettings:
    """`base` with the values of a `settings:` mapping read from the file `where`; an unknown key or
    a value of the wrong type is a ValueError naming the file and the key."""
    if given is None:
        return base
    if not isinstance(given, dict):
        raise ValueError(f"{where.name}: `settings` must be a mapping of names to numbers, not {given!r}")
    kinds = {f.name: f.type for f in fields(CleanSettings)}
    for key, value in given.items():
        if key not in kinds:
            raise ValueError(f"{where.name}: unknown setting `settings.{key}` (known: {', '.join(kinds)})")
        # A bool is an int to Python, never a count or a share here; a float knob takes a whole number.
        wanted = (int,) if kinds[key] == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, wanted):
            kind = "a whole number" if wanted == (int,) else "a number"
            raise ValueError(f"{where.name}: `settings.{key}` must be {kind}, not {value!r}")
    return replace(base, **given)
