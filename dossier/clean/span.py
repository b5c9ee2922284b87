"""Where the article is: on a plain-text page, the run of lines where prose outweighs furniture most,
with the title and lede just above it and a short closing line just below it."""
from __future__ import annotations

import re

from .furniture import SECTION_HEADING
from .head import find_headline
from .lede import find_lede
from .lines import WORD, Line, function_ratio, is_paragraph, is_sentence, line_key
from .profiles import Rules
from .settings import CleanSettings

# The attribution under an embedded post: "— Name (@handle) February 17, 2020".
EMBED_CREDIT = re.compile(r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*\w+\s+\d{1,2},?\s+\d{4}|"
                          r"[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*\d{1,2}\s+\w+\s+\d{4}")
# A line opened by a time or a full numeric date is a timestamp or a feed entry, not a headline.
STAMPED = re.compile(r"(\d{1,2}[:h]\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
# A name alone on its line, two to four capitalised words ("Denis Clerc", "Jean de La Tour"):
# under the last paragraph, the article's signature.
NAME = re.compile(r"(?-i:[A-ZÀ-Ý][\w’'.-]+)(\s+(?:(?:de|du|des|le|la|d’|d')\s*)?(?-i:[A-ZÀ-Ý][\w’'.-]+)){1,3}")
SIGNATURE = "signature en fin d'article"
# The heading of the article's own notes under its last paragraph: "Sources", "Notes :", "Références".
NOTES_HEADING = re.compile(r"(sources?|notes?|r[ée]f[ée]rences|bibliographie)\s*:?", re.IGNORECASE)
# A footnote's mark opening a line: "*Le prénom a été modifié", "(1) Au soleil couchant…", "[2] …", "¹ …".
FOOTNOTE = re.compile(r"(\*{1,3}|\(\d{1,2}\)|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹])\s*\w")


def line_score(line: Line, rules: Rules) -> int:
    """A line's weight in the search for the prose (the costs: see CleanSettings.sentence_cost)."""
    settings = rules.settings
    if line.removed:
        return -settings.section_cost if line.removed == SECTION_HEADING else -settings.removed_cost
    if is_sentence(line.text, rules):
        return len(WORD.findall(line.text)) - settings.sentence_cost
    if not WORD.search(line.text):
        return 0  # no word at all ("14'", "3."): no evidence either way
    return -settings.short_cost


def main_span(lines: list[Line], rules: Rules) -> tuple[int, int]:
    """The run of lines where prose outweighs furniture most (maximum-sum segment, Kadane)."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0, i
        in_run = line.removed and i and lines[i - 1].removed and line.removed != SECTION_HEADING
        total += -rules.settings.run_cost if in_run else line_score(line, rules)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def keep_main_span(lines: list[Line], rules: Rules) -> bool:
    """Lines before and after the article's prose are furniture, except the headline and the
    standfirst above it (clean/head.py finds them, marked with hints "title" and "lede"). Between the
    headline and the prose, a line that reads as running text stays: a lost paragraph is worse than
    a leaked caption. Returns whether the head was found (else the two headline-like lines just
    above the prose are kept, as before the head was scored)."""
    start, end = main_span(lines, rules)
    end = notes_section(lines, extend_tail(lines, end, rules), rules.settings)
    end = mark_signature(lines, start, end)
    notes = footnotes(lines, start, end, rules.settings)
    title = find_headline(lines, start, end, rules)
    if title is None:
        head = head_lines(lines, start, rules.settings)
        for i, line in enumerate(lines):
            if line.removed or line.hint == "title" or start <= i < end or i in notes or any(line is h for h in head):
                continue
            line.removed = "en tête de page" if i < start else "en pied de page"
        return False
    lede = find_lede(lines, title, start, rules)
    lines[title].hint = "title"
    drop_title_repeats(lines, title)
    if lede is not None:
        lines[lede].hint = "lede"
    for i, line in enumerate(lines):
        if line.removed or i in (title, lede) or i in notes:
            continue
        if title < i < start and is_paragraph(line.text, rules):
            line.doubtful = True   # running text above the prose: a paragraph, or a caption or teaser
            continue
        if i < start or i < title:
            line.removed = "en tête de page"
        elif i >= end:
            line.removed = "en pied de page"
    return True


def extend_tail(lines: list[Line], end: int, rules: Rules) -> int:
    """A closing sentence too short to weigh in the search still belongs to the article; so does
    the attribution line of an embedded post. Lines without a word (a live feed's minute marks
    "7'", numbering) are passed over on the way to such a sentence, not counted."""
    tail_lines = rules.settings.tail_lines
    for _ in range(tail_lines):
        after = end
        while after < len(lines) and after - end < tail_lines and not lines[after].removed \
                and not WORD.search(lines[after].text):
            after += 1
        if after < len(lines) and not lines[after].removed and (
                function_ratio(lines[after].text, rules) >= rules.settings.closing_ratio
                or EMBED_CREDIT.fullmatch(lines[after].text)):
            lines[after].doubtful = not EMBED_CREDIT.fullmatch(lines[after].text)
            end = after + 1
        else:
            break
    return end


def notes_section(lines: list[Line], end: int, settings: CleanSettings) -> int:
    """A notes heading just under the prose ("Sources") and the lines under it (at most
    settings.footnote_reach, up to a line without a word or a removed one) are the article's own
    notes: "Sources", "En stock : ensemble de la population recensée…"."""
    if end >= len(lines) or lines[end].removed or not NOTES_HEADING.fullmatch(lines[end].text):
        return end
    last = end + 1
    while (last < len(lines) and last - end <= settings.footnote_reach and not lines[last].removed
           and WORD.search(lines[last].text)):
        last += 1
    return last


def drop_title_repeats(lines: list[Line], title: int) -> None:
    """The headline shown again on the page (a sticky header, over a photo, in a share box) is
    the title already: no heading of the body."""
    key = line_key(lines[title].text)
    for i, line in enumerate(lines):
        if i != title and not line.removed and line_key(line.text) == key:
            line.removed = "titre répété"


def mark_signature(lines: list[Line], start: int, end: int) -> int:
    """The author's name alone under the article's last paragraph, or above its footnotes
    ("Denis Clerc", then "(1) Ces chiffres…"), signs it: page metadata, not body. The signature
    and its footnotes close the article: what follows them in the run of prose is another piece
    (a box beside the article, a download notice). Returns the article's new end."""
    kept = [i for i in range(start, end) if not lines[i].removed]
    for n, (i, after) in enumerate(zip(kept, [*kept[1:], None])):
        if NAME.fullmatch(lines[i].text) and (after is None or FOOTNOTE.match(lines[after].text)):
            lines[i].removed = SIGNATURE
            run = next((k for k, j in enumerate(kept[n + 1:]) if not FOOTNOTE.match(lines[j].text)), None)
            return end if run is None else kept[n + 1 + run]
    return end


def footnotes(lines: list[Line], start: int, end: int, settings: CleanSettings) -> set[int]:
    """Lines below the prose opened by a footnote's mark ("*Le prénom a été modifié", "(1) …")
    whose mark the prose carries ("Antoine*", "… couchant (1)"): the article's own notes, kept.
    They are looked for among the settings.footnote_reach lines after the prose (a signature or a
    photo credit may sit between)."""
    prose = "\n".join(line.text for line in lines[start:end] if not line.removed)
    found = set()
    for i in range(end, min(len(lines), end + settings.footnote_reach)):
        mark = FOOTNOTE.match(lines[i].text)
        if lines[i].removed or not mark:
            continue
        sign = mark.group(1)
        if (re.search(rf"\w{re.escape(sign)}(?!\*)", prose) if sign.startswith("*") else sign in prose):
            found.add(i)
    return found


def head_lines(lines: list[Line], start: int, settings: CleanSettings) -> list[Line]:
    """Title and lede just above the prose: up to two (settings.head_lines) headline-like lines,
    furniture skipped."""
    found: list[Line] = []
    for line in reversed(lines[:start]):
        if line.removed or not WORD.search(line.text):
            continue  # furniture, or no word at all ("0" comments): no evidence either way
        if not is_headline(line.text, settings) or len(found) == settings.head_lines:
            break
        found.append(line)
    return found


def is_headline(text: str, settings: CleanSettings) -> bool:
    """A line that may be the title or the lede: not a timestamp ("21:17 18.11.2019 …")."""
    tokens = WORD.findall(text)
    return (settings.headline_min_words <= len(tokens) and len(text) <= settings.headline_max_chars
            and not text.endswith((":", "|", "•")) and not STAMPED.match(text))

