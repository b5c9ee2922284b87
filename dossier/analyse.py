"""Analyse: a spaCy model reads each cleaned block once; results are cached per article.

Each article is read by the model of its language (language.py chooses it; French by default),
each model loaded only if an article it reads is missing from the cache. The cache key is the
article's cleaned text plus the model's name and version, so a rebuild re-reads only new or changed
articles, and later stages never need a model when the cache is warm (see the cache section below;
dossier/cache.py stores the entries). A model's entity labels are given in the scheme the later
stages read (PER, ORG, LOC, MISC; data/entity_labels.yml).
"""
from __future__ import annotations

import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterator

from .cache import Store, fingerprint
from .lexicon import capitalised_words
from .model import DEFAULT, ModelNotLoaded, load_model, model_version, name_of
from .models import Analysis, Article, BlockAnalysis, Entity, Token
from .runtime import collector_paused
from .text import load_data

log = logging.getLogger("mkdocs.plugins.dossier")

# Bump when the shape of what is cached changes.
CACHE_FORMAT = 5
# Texts the model reads per batch, across articles. Measured on 100 articles: about 10% faster
# than one batch per article; larger batches are no faster and hold more memory (256: +300 MB).
BATCH_SIZE = 32
MAX_BLOCK_CHARS = 100_000
NAMED_AT_MOST = 5                # articles a warning names, before "and N more" (as language.py's)

# What reads the articles missing from the cache, given the store to keep their analyses in and
# the model's name: the model loaded in this process (read_here), or one kept warm (warm.py).
Reader = Callable[[list[Article], Store, str], Iterator[Analysis]]


def analyse_articles(articles: list[Article], cache_dir: Path | None, progress: bool = False,
                     read: Reader | None = None, model: str | dict[str, str] = DEFAULT) -> dict[str, Analysis]:
    """Return the analysis of every article, from the cache where it is fresh. `model` is the
    model that reads them all, or each article's (article id → model; language.models_of). A
    model is loaded only when an article it reads is missing from the cache: by `read`, which the
    pipeline gives (the model loaded here if none)."""
    store = Store(cache_dir, "analysis")
    results: dict[str, Analysis] = {}
    for name, group in by_model(articles, model).items():
        missing: list[Article] = []
        with collector_paused():
            for article in group:
                cached = read_cache(store, article, name)
                if cached is None:
                    missing.append(article)
                else:
                    results[article.id] = cached
        if missing:
            read_missing(missing, store, name, read or read_here, progress, results)
    return results


def read_missing(missing: list[Article], store: Store, name: str, read: Reader, progress: bool,
                 results: dict[str, Analysis]) -> None:
    """Add the analyses of the articles missing from the cache to `results`. A model that cannot
    be loaded is one warning naming it and the error, not a traceback: the articles it was to read
    are left out of `results`, built as pages, not analysed (as when it is not installed)."""
    try:
        for analysis in _with_progress(read(missing, store, name), missing, progress):
            results[analysis.article_id] = analysis
    except ModelNotLoaded as error:
        apart = [article.path or article.id for article in missing if article.id not in results]
        names = ", ".join(apart[:NAMED_AT_MOST]) + (f" and {len(apart) - NAMED_AT_MOST} more"
                                                    if len(apart) > NAMED_AT_MOST else "")
        log.warning("dossier: models: %s could not be loaded (%s): %d article(s) built as pages, not analysed "
                    "(%s); reinstall it, or save the pipeline again", error.name, error, len(apart), names)


def by_model(articles: list[Article], model: str | dict[str, str]) -> dict[str, list[Article]]:
    """The articles each model reads, in their order; an article with no model is left out."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        name = model if isinstance(model, str) else model.get(article.id)
        if name is not None:
            groups.setdefault(name, []).append(article)
    return groups


def read_here(articles: list[Article], store: Store, model: str = DEFAULT) -> Iterator[Analysis]:
    """The articles read by the model loaded in this process."""
    return read_and_keep(load_model(model), articles, store, model)


def read_and_keep(nlp, articles: list[Article], store: Store, model: str = DEFAULT) -> Iterator[Analysis]:
    """read_articles, each analysis written into the cache (under `model`, nlp's name) as it comes."""
    for n, analysis in enumerate(read_articles(nlp, articles, model)):   # not zip: the reading runs to its end
        _write_cache(store, articles[n], analysis, model)
        yield analysis


def _with_progress(readings, articles: list[Article], shown: bool):
    """A progress bar over the articles read, with their rate (tqdm hides it when not on a terminal)."""
    if not shown:
        return readings
    from tqdm import tqdm   # imported here: an optional nicety, for a terminal only

    return tqdm(readings, total=len(articles), desc="dossier: analyse", unit=" articles",
                disable=None, leave=False, dynamic_ncols=True)


def analyse_article(nlp, article: Article) -> Analysis:
    return next(read_articles(nlp, [article]))


def read_articles(nlp, articles: list[Article], model: str | None = None) -> Iterator[Analysis]:
    """The model (`nlp`, named `model`) reads the texts of all the articles in one stream of
    batches; each article's analysis is given as soon as its last text is read."""
    model = model or name_of(nlp)     # whose lemmatizer's dictionary the capitalised words are looked up in
    texts = ((_readable(text, article), n) for n, article in enumerate(articles) for text in _texts(article))
    blocks: list[BlockAnalysis] = []
    current = 0
    for doc, n in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE):
        while n != current:        # the texts of article `current` are all read (if it had any)
            yield _analysis(articles[current], blocks, model)
            blocks, current = [], current + 1
        blocks.append(_block_analysis(doc))
    for article in articles[current:]:     # the last one read, and any after it with no text
        yield _analysis(article, blocks, model)
        blocks = []


def _analysis(article: Article, blocks: list[BlockAnalysis], model: str) -> Analysis:
    # The lede is read too (last): news ledes often name actors the body only refers back to.
    return Analysis(article.id, blocks[:len(article.blocks)], blocks[-1] if article.lede else None,
                    capitalised_words((t.text for block in blocks for t in block.tokens), model))


def _readable(text: str, article: Article) -> str:
    """A block longer than any paragraph is read in part: the model needs ~1 GB per 100,000
    characters, and refuses a million."""
    if len(text) <= MAX_BLOCK_CHARS:
        return text
    log.warning("dossier: %s: a block of %d characters is read up to %d only",
                article.path or article.id, len(text), MAX_BLOCK_CHARS)
    return text[:MAX_BLOCK_CHARS]


def _texts(article: Article) -> list[str]:
    return [block.text for block in article.blocks] + ([article.lede] if article.lede else [])


def _block_analysis(doc) -> BlockAnalysis:
    intern = sys.intern
    tokens = [
        Token(t.i, intern(t.text), t.idx, intern(t.lemma_), intern(t.pos_), intern(t.dep_), t.head.i,
              intern(str(t.morph)))
        for t in doc
    ]
    sentences = [(s.start, s.end) for s in doc.sents]
    labels = entity_labels()
    entities = [
        Entity(e.text, labels[e.label_], e.start_char, e.end_char, e.start, e.end)
        for e in doc.ents if labels.get(e.label_) is not None
    ]
    return BlockAnalysis(tokens, sentences, entities)


def entity_labels() -> dict[str, str | None]:
    """A model's entity label → the one the later stages read (None, or not listed: dropped)."""
    return load_data("entity_labels.yml")["labels"]


# --- cache -------------------------------------------------------------------------------
# An entry per article, keyed by what the analysis depends on: the texts read, the model and its
# version, the shape of the entry. Not the registry or the outlet profiles: they act before
# (cleaning: the texts change) or after (actors) the model. So an unchanged article is never read
# again, a renamed one is found under its new name, and a new dossier version keeps the entries.
# Tokens are stored as columns: four times faster to load than one object per token. The columns
# of words, tags and morphologies hold numbers into the block's list of its distinct ones: each is
# interned once per block rather than once per token, and the entry is a quarter smaller. A token's
# index is its place in the block, not stored.

TOKEN_FIELDS = ("text", "idx", "lemma", "pos", "dep", "head", "morph")   # Token's fields after `i`
WORD_FIELDS = {"text", "lemma", "pos", "dep", "morph"}
ENTITY_FIELDS = ("text", "label", "start", "end", "token_start", "token_end")


def cache_key(article: Article, model: str = DEFAULT) -> str:
    return fingerprint(f"{CACHE_FORMAT}|{model}|{model_version(model)}",
                       *(text[:MAX_BLOCK_CHARS] for text in _texts(article)))


def read_cache(store: Store, article: Article, model: str = DEFAULT) -> Analysis | None:
    """The cached analysis, or None when there is none or it does not fit the article's texts."""
    data = store.get(cache_key(article, model))
    if data is None:
        return None
    try:
        if len(data["blocks"]) != len(article.blocks):
            raise ValueError("made for other texts")
        blocks = [_read_block(b, text) for b, text in zip(data["blocks"], _texts(article))]
        lede = _read_block(data["lede"], article.lede) if article.lede else None
        dictionary = {sys.intern(word): int(code) for word, code in data["dictionary"].items()}
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        log.info("dossier: cached analysis of %s not used (%s); analysed again", article.id, error)
        return None
    return Analysis(article.id, blocks, lede, dictionary, cached=True)


def _read_block(data: dict, text: str) -> BlockAnalysis:
    word = list(map(sys.intern, data["words"])).__getitem__
    stored = data["tokens"]
    columns = [list(map(word, stored[name])) if name in WORD_FIELDS else stored[name] for name in TOKEN_FIELDS]
    count = len(columns[0])
    if any(len(column) != count for column in columns):
        raise ValueError("token columns of unequal length")
    tokens = list(map(Token, range(count), *columns))
    if tokens and not (0 <= tokens[-1].idx <= len(text) and text.startswith(tokens[0].text, tokens[0].idx)):
        raise ValueError("tokens do not fit the text")
    sentences = [(int(start), int(end)) for start, end in data["sentences"]]
    entities = [Entity(*(e[name] for name in ENTITY_FIELDS)) for e in data["entities"]]
    return BlockAnalysis(tokens, sentences, entities)


def _write_cache(store: Store, article: Article, analysis: Analysis, model: str) -> None:
    store.put(cache_key(article, model), {
        "article": article.id,
        "blocks": [_block_data(b) for b in analysis.blocks],
        "lede": _block_data(analysis.lede) if analysis.lede else None,
        "dictionary": analysis.dictionary,
    })


def _block_data(block: BlockAnalysis) -> dict:
    words: dict[str, int] = {}      # each distinct word, tag or morphology → its number
    tokens = {name: [words.setdefault(getattr(t, name), len(words)) for t in block.tokens] if name in WORD_FIELDS
              else [getattr(t, name) for t in block.tokens] for name in TOKEN_FIELDS}
    return {
        "words": list(words),
        "tokens": tokens,
        "sentences": block.sentences,
        "entities": [asdict(e) for e in block.entities],
    }
