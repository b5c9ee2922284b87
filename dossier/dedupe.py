"""Dedupe: one page per article, when the seeds folder holds the same article twice.

The same text under two names (a page saved as .html and copied as .txt, a second download), or
nearly the same (a word or two changed, one more line of boilerplate), is built once: the first by
file name is kept, and each other copy is named in a Problem. Articles that only share sentences,
such as two reports of one event quoting the same statement, are two articles and both stay.

"Nearly the same" is a Jaccard similarity of at least NEAR between the sets of word trigrams
(shingles) of the two cleaned texts. Pairs are found without comparing all of them, by prefix
filtering (Chaudhuri et al. 2006, Bayardo et al. 2007): with every text's shingles ranked rarest
first, two texts that similar must share SHARED of the first |x| - ceil(NEAR * |x|) + SHARED
shingles of each, so only those are indexed and only texts that meet there that often are
compared. The search is exact, not probabilistic, and on 5,000 articles takes seconds (see
tests/test_bad_input.py).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from .ingest import shown
from .models import Article, Problem

SHINGLE = 3
# Measured on the five seed articles (320-620 words): two words changed, 0.965-0.981; one more line of
# boilerplate, 0.941-0.968; a paragraph of one's own added (a sixth of the text), 0.83-0.86; two seed
# articles, 0.01-0.03, and 0.05 once both quote the same 30-word statement. NEAR parts the copies
# from the articles that grew a paragraph of their own, which are kept: they say more.
NEAR = 0.9
SHARED = 4        # shingles two similar texts must share in their indexed prefixes (see prefix_length)


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """The articles less their copies (of each, the first by file name is kept: articles come in
    that order), and a Problem for each copy that names the article it repeats."""
    shingles = [shingle_set(article) for article in articles]
    rank = rarest_first(shingles)
    index: dict[int, list[int]] = defaultdict(list)
    kept: list[Article] = []
    problems: list[Problem] = []
    for i, article in enumerate(articles):
        found = shingles[i]
        prefix = sorted(found, key=rank.__getitem__)[:prefix_length(len(found))]
        meetings = Counter(j for shingle in prefix for j in index[shingle])
        least = required(found, set())    # whatever the other text's size; most meet only once
        candidates = sorted(j for j, shared in meetings.items()
                            if shared >= least and shared >= required(found, shingles[j]))
        twin = first_similar(found, candidates, shingles)
        if twin is None:
            kept.append(article)
            for shingle in prefix:
                index[shingle].append(i)
        else:
            j, similarity = twin
            problems.append(Problem(shown(Path(article.path)), copy_message(articles[j], similarity)))
    return kept, problems


def rarest_first(shingles: list[set[int]]) -> dict[int, int]:
    """Each shingle's place in one total order for all texts, rarest first (ties by value), as
    prefix filtering needs: ties left in each set's own order could hide a pair."""
    rarity = Counter(shingle for found in shingles for shingle in found)
    ordered = sorted(rarity)
    ordered.sort(key=rarity.__getitem__)    # stable: ties stay in order of value
    return {shingle: place for place, shingle in enumerate(ordered)}


def required(found: set[int], other: set[int]) -> int:
    """Shingles two texts at least NEAR alike share in their prefixes: SHARED, or all their
    overlap when texts of a few words have fewer in common."""
    return min(SHARED, math.ceil(NEAR * max(len(found), len(other))))


def prefix_length(size: int) -> int:
    """How many of a text's rarest shingles are indexed. Two texts at least NEAR alike share at
    least ceil(NEAR * size) shingles of the larger one's size, so the first size - ceil(NEAR *
    size) + SHARED shingles of each hold SHARED shingles in common: the first SHARED of their
    overlap, in the common order. Asking for several, not one, is what keeps texts that only
    share a sentence or two (a quoted statement, a dispatch's paragraph) from being compared."""
    return size - math.ceil(NEAR * size) + SHARED


def shingle_set(article: Article) -> set[int]:
    """The hashes of the text's word trigrams: lede and body, case and punctuation aside (the title
    is left out: it is often made from the page's first line)."""
    text = "\n".join([article.lede or "", *(block.text for block in article.blocks)])
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE:  # a text of a word or two is its own shingle; no text, none
        return {hash(tuple(words))} if words else set()
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def first_similar(found: set[int], candidates: list[int],
                  shingles: list[set[int]]) -> tuple[int, float] | None:
    """The first candidate whose shingles are at least NEAR alike, and how alike."""
    for j in candidates:
        other = shingles[j]
        if not NEAR * len(found) <= len(other) <= len(found) / NEAR:  # too short or too long to be as alike
            continue
        shared = len(found & other)
        similarity = shared / (len(found) + len(other) - shared)
        if similarity >= NEAR:
            return j, similarity
    return None


def copy_message(original: Article, similarity: float) -> str:
    name = shown(Path(original.path))
    if similarity == 1:
        return f"same text as {name}; not built twice"
    return f"nearly the same text as {name} ({math.floor(similarity * 100)}% alike); not built twice"
