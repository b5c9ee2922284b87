"""Furniture: the lines the profiles and the corpus know as site furniture (share rows, related
links, comment threads, feeds of dated teasers, the headline repeated above the text)."""
from __future__ import annotations

import re
from collections import Counter

from ..text import STOPS, sentence_breaks
from .lines import WORD, Line, is_paragraph, is_sentence, line_key
from .metadata import outlet_names
from .profiles import Profile, Rules, matches
from .settings import CleanSettings

SECTION = "liens vers d'autres articles"
SECTION_HEADING = "titre d'une liste de liens"
INLINE_SECTION = "titre d'un encadré de liens dans le texte"
# The reason read_metadata gives a byline ("Par Chokri GHARBI"): the article's headline is above it.
BYLINE = "signature"
# A feed or agenda: lines opened by a numeric date or a time ("9/11 Abandon du projet…",
# "17:37 Humbert, le grand huit !"); how many, how far apart: settings.dated_run, dated_gap.
DATED = re.compile(r"(\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?|\d{1,2}[:h]\d{2})\s+\S")
DATED_LIST = "liste datée (fil d'actualité, agenda)"
# A furniture line cut short ("Lire aussi Martine Bulard &"): the link goes on the next line.
DANGLING = re.compile(r"(&|,|\b(et|and|de|du|des))$", re.IGNORECASE)
CONTINUED = "suite d'une ligne d'habillage coupée"
# A sentence ended inside a line: a stop or an ellipsis, then a space (quote marks do not count
# here, as this rule always had it: text.SENTENCE_ENDS less its quote marks).
SENTENCE_INSIDE = sentence_breaks(STOPS + "…")


def mark_furniture(lines: list[Line], profiles: list[Profile], rules: Rules, repeated: set[str]) -> None:
    """Mark the lines profiles and the corpus know as furniture: lines, sections, tails."""
    prose_words = 0
    names = {line_key(name) for name in outlet_names(rules)}
    for i, line in enumerate(lines):
        if line.removed:
            continue
        # A "Comments" line near the top is a link to them, not the start of the thread.
        if prose_words >= rules.settings.cut_after_words and any(matches(p.cut_from, line.text) for p in profiles):
            cut_rest(lines, i, "fin de l'article")
            return
        if any(matches(p.sections, line.text) for p in profiles):
            remove_section(lines, i, rules, [e for p in profiles for e in p.ends])
        elif any(matches(p.lines, line.text) for p in profiles):
            line.removed = "habillage du site"
            if DANGLING.search(line.text) and i + 1 < len(lines) and not lines[i + 1].removed:
                lines[i + 1].removed = CONTINUED   # "Lire aussi Martine Bulard &", then "Sung Il-kwon, « … »"
        elif line_key(line.text) in names:
            line.removed = "nom d'un média (logo, signature)"
        elif line_key(line.text) in repeated and not is_sentence(line.text, rules):
            line.removed = "ligne répétée dans plusieurs articles"
        elif is_paragraph(line.text, rules):
            prose_words += len(WORD.findall(line.text))


def mark_dated_lists(lines: list[Line], rules: Rules) -> None:
    """A run of lines opened by a numeric date or a time ("9/11 …", "18:30 …") is a feed of teasers
    or an agenda, not the article: when most of them read as headlines rather than sentences.
    A line between two dated ones (a teaser's second line) goes with them."""
    gap = rules.settings.dated_gap
    run: list[int] = []
    for i, line in enumerate([*lines, Line("")]):
        if i < len(lines) and line.removed:
            continue
        if i < len(lines) and DATED.match(line.text):
            if run and i - run[-1] > gap + 1:
                remove_dated_run(lines, run, rules)
                run = []
            run.append(i)
        elif run and (i >= len(lines) or i - run[-1] > gap):
            remove_dated_run(lines, run, rules)
            run = []


def remove_dated_run(lines: list[Line], run: list[int], rules: Rules) -> None:
    headlines = sum(not is_paragraph(lines[i].text, rules) for i in run)
    if len(run) < rules.settings.dated_run or headlines * 2 <= len(run):
        return
    for line in lines[run[0]:run[-1] + 1]:
        line.removed = line.removed or DATED_LIST


def cut_rest(lines: list[Line], start: int, reason: str) -> None:
    for line in lines[start:]:
        line.removed = line.removed or reason


def remove_section(lines: list[Line], start: int, rules: Rules,
                   ends: list[re.Pattern] | None = None) -> None:
    """A related-links heading and the headline-like lines under it, up to the next paragraph
    (a headline put as a short question, "Mali : qui est le colonel Goïta ?", is still a link), or
    up to a line that closes the box ("Fin de Article recommandé"); a teaser's summary under a
    repeated label does not end it (is_teaser_text). When settings.inline_paragraphs
    running paragraphs follow the links, the box sat inside the article ("À lire aussi" between two
    paragraphs): its heading then weighs as any removed line, not as the end of the article, and
    a short line just above the paragraphs, unlike the headlines, is the next part's subheading.
    A byline just under one of the links ends the box there: the link above it is the article's own
    headline, under a breadcrumb ("à la une", "Société") or a menu ("Le direct", …, "info /")."""
    settings = rules.settings
    lines[start].removed = SECTION_HEADING
    links: list[Line] = []
    shown = Counter()   # how often the box showed each line: a label shown twice is a section label
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.removed == BYLINE and links and lines[i - 1] is links[-1]:
            links[-1].removed = None   # a byline under a link: that line is the article's headline
            return
        if line.removed:
            continue
        if ends and matches(ends, line.text):
            line.removed = SECTION
            lines[start].removed = INLINE_SECTION
            return
        if (is_paragraph(line.text, rules) and not is_linked_headline(line.text, settings)) or line.hint == "heading":
            if is_teaser_text(links, shown, settings):
                line.removed = SECTION
                links.append(line)
                continue
            after = [other for other in lines[i:i + settings.inline_paragraphs]]
            if len(after) == settings.inline_paragraphs and all(
                    not other.removed and is_paragraph(other.text, rules) for other in after):
                lines[start].removed = INLINE_SECTION
                if len(links) >= 2 and lines[i - 1] is links[-1] and is_subheading(links[-1].text, links[:-1],
                                                                                    settings):
                    links[-1].removed = None
            return
        line.removed = SECTION
        links.append(line)
        shown[line_key(line.text)] += 1


def is_teaser_text(links: list[Line], shown: Counter, settings: CleanSettings) -> bool:
    """A paragraph under a short label the box has shown already ("Politique", a link, "Politique",
    then the link's summary): a list of teasers, each under its repeated section label; the
    paragraph is a teaser's text, and the box goes on."""
    return (len(links) >= 2 and len(WORD.findall(links[-1].text)) <= settings.subheading_words
            and shown[line_key(links[-1].text)] >= 2)


def is_linked_headline(text: str, settings: CleanSettings) -> bool:
    """A headline as a question ("Mali : qui est … ?"): short, with no sentence before the "?"."""
    return (text.endswith("?") and len(WORD.findall(text)) <= settings.link_question_words
            and not SENTENCE_INSIDE.search(text))


def is_subheading(text: str, links: list[Line], settings: CleanSettings) -> bool:
    """A line much shorter than the headlines listed above it, with no "Place :" or "?"."""
    size = len(WORD.findall(text))
    return (size <= settings.subheading_words and not re.search(r"[:?|]", text)
            and all(len(WORD.findall(link.text)) > size for link in links))


def drop_repeated_headline(lines: list[Line], page: dict, rules: Rules) -> None:
    """Above the first paragraph, lines that repeat the page's headline (its <h1>, or its <title>
    with the site's name appended) are the title, not the body. The displayed headline becomes the
    title: a page's <title> often carries the site's name or a rewritten headline.
    """
    title = page["title"]
    shown = None
    for line in lines:
        if line.removed or line.hint == "title":
            continue
        if is_paragraph(line.text, rules) or len(WORD.findall(line.text)) > rules.settings.headline_words:
            break
        if same_headline(line.text, title, rules):
            line.removed = "titre répété"
            if shown is None and (line.hint == "heading" or line_key(title).startswith(line_key(line.text))):
                shown = line.text
    if shown:
        page["title"] = shown
        for line in lines:
            if line.hint == "title":
                line.text = shown


def same_headline(text: str, title: str, rules: Rules) -> bool:
    """Two wordings of one headline: most content words of the shorter one are in the other."""
    ours, theirs = content_words(text, rules.words), content_words(title, rules.words)
    shared = len(ours & theirs)
    return (shared >= rules.settings.headline_shared
            and shared >= rules.settings.headline_overlap * min(len(ours), len(theirs)))


def content_words(text: str, words: frozenset[str]) -> set[str]:
    return {token for token in WORD.findall(text.casefold()) if token not in words}
