"""Each article's language: one no configured model reads is built as a page, not analysed."""
import logging

import pytest

from dossier.language import detect, readable_languages, split_by_language
from dossier.models import Article, Block

FRENCH = "Le gouvernement a annoncé mardi que le scrutin aurait lieu en octobre, après des semaines de débat."
ENGLISH = "The government said on Tuesday that the vote would take place in October, after weeks of debate."


def article(id_, text):
    return Article(id_, "Titre", [Block("paragraph", text)], path=f"{id_}.txt")


def test_short_french_and_english_texts():
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"
    assert detect("He instead told the BBC that Disney’s plans were on hold.") == "en"
    assert detect("Oui.") is None                       # too short to tell
    assert [detect(FRENCH) for _ in range(3)] == ["fr"] * 3


def test_an_article_no_model_reads_is_set_apart_and_named(caplog):
    articles = [article("fr1", FRENCH), article("en1", ENGLISH), article("short", "Bref.")]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        kept, apart = split_by_language(articles, {"fr": "fr_core_news_md"}, "fr_core_news_md")
    assert [a.id for a in kept] == ["fr1", "short"] and [a.id for a in apart] == ["en1"]
    assert caplog.messages == ["dossier: en1.txt: written in 'en', which no configured model reads (models: fr); "
                               "built as a page, not analysed"]


def test_a_model_the_analysis_does_not_load_is_said_unused(caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        assert readable_languages({"fr": "fr_core_news_md", "en": "en_core_web_sm"}, "fr_core_news_md") == {"fr"}
    assert "en_core_web_sm for 'en' is not used yet" in caplog.text


@pytest.mark.slow
def test_an_english_article_makes_no_actor(nlp, tmp_path, seeds_dir):
    from dossier.pipeline import Settings, build_dossier

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "en.txt").write_text("Disney cuts jobs\n\nHe instead told the BBC that Disney’s chief executive Bob "
                                  "Iger would announce the cuts in London on Monday.\n", encoding="utf-8")
    (seeds / "fr.txt").write_text("Grève à Paris\n\nLa CGT a appelé jeudi à une grève à Paris, a déclaré "
                                  "Sophie Binet.\n", encoding="utf-8")
    dossier = build_dossier(Settings(seeds, cache=tmp_path / "cache"))
    assert {a.id for a in dossier.articles} == {"en", "fr"}                   # both built
    assert all(m.article == "fr" for actor in dossier.actors for m in actor.mentions)
    assert not any("Disney" in actor.name or "BBC" in actor.name for actor in dossier.actors)
