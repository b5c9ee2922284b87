"""Structure: the kept lines become the article's title, lede and typed blocks (paragraph, heading,
quote, caption); a text without a title gets one made from its first sentence."""
from __future__ import annotations

import re
from collections import Counter

from ..models import Article, Block
from ..text import STOPS, sentence_breaks
from .lines import WORD, Line, is_sentence
from .profiles import Rules, matches
from .settings import CleanSettings
from .span import EMBED_CREDIT

QUOTE_MARKS = {"«": "»", "\"": "\"", "“": "”"}
# Two fields glued when a page's text was copied: "…affaires étrangèresConférence de presse…".
GLUED = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Ý][a-zà-ÿ])")
# A made title is the text up to its first stop: an ellipsis or a closing quote mark does not end it
# (text.STOPS only). The title takes what comes before the first break, so one space or several
# there make the same title.
FIRST_SENTENCE = sentence_breaks(STOPS)
# A heading may end with "?" or "!", not with a full stop (the first of text.STOPS) or a comma.
NOT_HEADING_ENDS = (STOPS[0], ",", ";", ":")
# Nor does a heading open with a dash: "— Name (@handle) date" attributes the post above it.
NOT_HEADING_STARTS = ("—", "–")
# A web address in a line makes it a link or a credit ("cc zuk0 https://flic.kr/p/…"), not a heading.
ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
# What a page shows as a line without a letter or a digit ("↑" back to the top, "×" a close button).
NO_TEXT = "ligne sans lettre ni chiffre"
# A work's credit line under a review's heading: its title, then a parenthesis of three or more
# comma-separated facts ("Vape Wave (documentaire, 1h28, Planète+)"): a listing, no heading.
WORK_CREDIT = re.compile(r".+\((?:[^(),]+,){2,}[^(),]+\)")
# A closing parenthesis at the end of a line: "Pour Michel Vuilermoz (et rien d’autre)".
LAST_ASIDE = re.compile(r"\s*\([^()]*\)$")


def structure(article_id: str, lines: list[Line], rules: Rules,
              datelines: list[re.Pattern] | None = None, head_found: bool = False) -> Article:
    """Title, lede and typed blocks from the kept lines. A paragraph opened by a dateline
    ("BAMAKO, 29 mai 2021 (AFP) - …") is where the story starts: never the lede. When the head of a
    plain-text page was found (clean/head.py), its hints say which lines are title and lede."""
    settings = rules.settings
    for line in lines:
        if not line.removed and not re.search(r"[^\W_]", line.text):
            line.removed = NO_TEXT
    kept = [line for line in lines if not line.removed]
    title, made = None, False
    if kept and (kept[0].hint == "title" or kept[0].hint != "paragraph" and is_title(kept[0].text, settings)):
        title = kept.pop(0).text
    lede = None
    if head_found:
        lede = kept.pop(0).text if kept and kept[0].hint == "lede" else None
    elif title and len(kept) > 1 and is_lede(kept[0], settings) and not matches(datelines or [], kept[0].text):
        lede = kept.pop(0).text
    blocks = typed_blocks(kept, rules)
    if title is None:
        title, made = make_title([b.text for b in blocks if b.kind == "paragraph"] or [""], settings), True
    article = Article(article_id, title, blocks, lede=lede, title_made=made)
    article.origins["title"] = "fait à partir du texte" if made else "première ligne du texte"
    return article


def is_title(text: str, settings: CleanSettings) -> bool:
    return (len(text) <= settings.headline_max_chars and not text.endswith((".", ":", ";", ","))
            and len(WORD.findall(text)) >= settings.title_min_words)


def is_lede(line: Line, settings: CleanSettings) -> bool:
    return line.hint in (None, "paragraph") and len(line.text) <= settings.lede_max


def typed_blocks(lines: list[Line], rules: Rules) -> list[Block]:
    blocks: list[Block] = []
    seen = Counter(line.text for line in lines)
    asked = interview(lines, rules)
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        kind = "heading" if i in asked else block_kind(line, following, blocks[-1] if blocks else None, rules)
        if kind == "heading" and line.hint != "heading" and not may_head(line.text, following, seen):
            kind = "paragraph"
        text = " — ".join(GLUED.split(line.text)) if kind == "caption" else line.text
        blocks.append(Block(kind, text, doubtful=line.doubtful))
    return blocks


def block_kind(line: Line, following: Line | None, previous: Block | None, rules: Rules) -> str:
    settings = rules.settings
    if line.hint in ("heading", "quote", "caption"):
        return line.hint
    text = line.text
    if text[:1] in QUOTE_MARKS and text.endswith(QUOTE_MARKS[text[0]]) and len(text) > 2:
        return "quote"
    if previous and previous.kind == "quote" and len(text) <= settings.caption_max_chars and not text.endswith("."):
        return "caption"
    if (following is not None and len(text) <= settings.heading_max and not text.endswith(NOT_HEADING_ENDS)
            and not text.startswith(NOT_HEADING_STARTS) and not reads_as_sentence(text, rules)
            or line.hint is None and following is not None
            and len(text) <= settings.question_heading_max_chars and text.endswith("?")
            and len(following.text) > len(text)):
        return "heading"
    return "paragraph"


def may_head(text: str, following: Line | None, seen: Counter) -> bool:
    """An unmarked heading-like line is no heading when it has no letter ("3"), holds a web
    address, is the text of an embedded post (its attribution follows) or the last words above a
    photo's caption or above a line without a letter (a part has text under its heading), or comes
    back in the article (a pull-quote's author under each pull-quote: headings name distinct
    parts), or stands above such a returning line shorter than itself (it is then the pull-quote), or is a work's
    credit line ("Braguino (documentaire, 50min, Arte)")."""
    return (bool(LETTER.search(text)) and not ADDRESS.search(text) and seen[text] == 1
            and not WORK_CREDIT.fullmatch(text)
            and not (following is not None and (following.hint == "caption" or EMBED_CREDIT.fullmatch(following.text)
                                                or not LETTER.search(following.text)
                                                or seen[following.text] > 1 and len(following.text) < len(text))))


def reads_as_sentence(text: str, rules: Rules) -> bool:
    """is_sentence, except that a closing parenthesis does not end a sentence when too few words
    for one stand before it: "Pour Michel Vuilermoz (et rien d’autre)" is a heading; "Les prix
    ont augmenté de 5 % (source : Insee)" stays a sentence."""
    aside = LAST_ASIDE.search(text) if text.endswith(")") else None
    if aside and len(WORD.findall(text[:aside.start()])) < rules.settings.sentence_min_words:
        return False
    return is_sentence(text, rules)


def interview(lines: list[Line], rules: Rules) -> set[int]:
    """The questions of an interview: unmarked lines ending with "?" (up to
    settings.interview_question_max_chars), each followed by a longer sentence, its answer. Only when
    the article has at least settings.interview_questions of them: a single question between two
    paragraphs may be the writer's own."""
    settings = rules.settings
    found = {i for i, (line, after) in enumerate(zip(lines, lines[1:]))
             if line.hint is None and line.text.endswith("?")
             and len(line.text) <= settings.interview_question_max_chars
             and is_sentence(after.text, rules) and len(after.text) > len(line.text)}
    return found if len(found) >= settings.interview_questions else set()


def make_title(paragraphs: list[str], settings: CleanSettings) -> str:
    """The first sentence of the text, cut at a word boundary to at most settings.title_max characters."""
    title_max = settings.title_max
    sentence = FIRST_SENTENCE.split(paragraphs[0], maxsplit=1)[0].rstrip(".")
    if len(sentence) <= title_max:
        return sentence
    cut = sentence[: title_max - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
