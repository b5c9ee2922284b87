"""Analysis: the model's reading is cached per article and reused while the text is unchanged."""
import json
import logging

import pytest

from dossier import analyse
from dossier.models import Article, Block


def article(text: str) -> Article:
    return Article("a1", "Titre", [Block("paragraph", text)])


def test_entities_tokens_and_sentences(nlp):
    result = analyse.analyse_article(nlp, article("Sergueï Lavrov est arrivé à Bamako. Il a parlé."))
    block = result.blocks[0]
    assert {e.text for e in block.entities} >= {"Sergueï Lavrov", "Bamako"}
    assert len(block.sentences) == 2
    assert block.tokens[0].text == "Sergueï" and block.tokens[0].idx == 0


def test_cache_is_reused_then_refreshed_when_the_text_changes(nlp, tmp_path, monkeypatch):
    first = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    read = []
    real = analyse.read_articles
    monkeypatch.setattr(analyse, "read_articles", lambda n, arts, *model: read.extend(a.id for a in arts) or real(n, arts, *model))
    again = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    assert read == [] and again["a1"].cached and not first["a1"].cached
    assert (again["a1"].blocks, again["a1"].lede) == (first["a1"].blocks, first["a1"].lede)
    analyse.analyse_articles([article("Abdoulaye Diop est à Paris.")], tmp_path)
    assert read == ["a1"]


def test_several_articles_read_together_keep_their_own_blocks_and_lede(nlp):
    one = Article("one", "Titre", [Block("paragraph", "Sergueï Lavrov est à Moscou."),
                                   Block("paragraph", "Il parle.")], lede="Le Mali et la Russie.")
    two = Article("two", "Titre", [Block("paragraph", "Abdoulaye Diop est à Bamako.")])
    first, second = analyse.read_articles(nlp, [one, two])
    assert [len(first.blocks), len(second.blocks)] == [2, 1]
    assert {e.text for e in first.lede.entities} >= {"Mali", "Russie"} and second.lede is None
    assert {e.text for e in second.blocks[0].entities} >= {"Abdoulaye Diop", "Bamako"}


def test_an_overlong_block_is_read_in_part(nlp, monkeypatch, caplog):
    monkeypatch.setattr(analyse, "MAX_BLOCK_CHARS", 40)
    result = analyse.analyse_article(nlp, article("Sergueï Lavrov est à Moscou. " * 5))
    assert result.blocks[0].tokens[-1].idx < 40 and "read up to 40" in caplog.text


def cache_entries(cache_dir):
    return sorted((cache_dir / "analysis").rglob("*.json"))


def test_an_article_renamed_or_copied_is_not_read_again(nlp, tmp_path, monkeypatch):
    analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    read = []
    real = analyse.read_articles
    monkeypatch.setattr(analyse, "read_articles", lambda n, arts, *model: read.extend(a.id for a in arts) or real(n, arts, *model))
    renamed = Article("b7", "Autre titre", [Block("paragraph", "Abdoulaye Diop est à Moscou.")])
    assert analyse.analyse_articles([renamed], tmp_path)["b7"].article_id == "b7"
    assert read == [] and len(cache_entries(tmp_path)) == 1


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                                   # cut by a killed build
    lambda text: "",                                                       # empty file
    lambda text: "\x00\x01 not json",                                      # garbage
    lambda text: json.dumps({"key": "0" * 32, "value": {"blocks": []}}),   # another article's
    lambda text: text.replace('"idx":[0', '"idx":[5'),                     # tokens off the text
    lambda text: json.dumps(dict(json.loads(text), value={"blocks": [{"tokens": {}}]})),  # another format
    lambda text: "[1, 2, 3]",                                              # not an entry at all
])
def test_a_damaged_cache_entry_is_never_trusted_but_analysed_again(nlp, tmp_path, damage, caplog):
    caplog.set_level(logging.INFO)
    first = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    [entry] = cache_entries(tmp_path)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    again = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    assert again["a1"].blocks == first["a1"].blocks and not again["a1"].cached
    assert "not used" in caplog.text
    # … and the entry is whole again, so the next build trusts it
    assert analyse.read_cache(analyse.Store(tmp_path, "analysis"), article("Abdoulaye Diop est à Moscou.")) is not None


def test_cache_writes_leave_no_temporary_file(nlp, tmp_path):
    analyse.analyse_articles([article("Sergueï Lavrov est à Moscou."), Article("a2", "T", [])], tmp_path)
    leftovers = [p.name for p in (tmp_path / "analysis").rglob("*") if p.is_file() and p.name.startswith(".")]
    assert leftovers == [] and len(cache_entries(tmp_path)) == 2


def test_an_article_without_text_between_others_keeps_the_order(nlp):
    one = Article("one", "T", [Block("paragraph", "Sergueï Lavrov est à Moscou.")])
    empty = Article("empty", "T", [])
    two = Article("two", "T", [Block("paragraph", "Abdoulaye Diop est à Bamako.")])
    results = list(analyse.read_articles(nlp, [empty, one, empty, two, empty]))
    assert [r.article_id for r in results] == ["empty", "one", "empty", "two", "empty"]
    assert [len(r.blocks) for r in results] == [0, 1, 0, 1, 0]
    assert results[3].blocks[0].tokens[0].text == "Abdoulaye"


def test_the_model_is_not_loaded_when_every_article_is_cached(nlp, tmp_path, monkeypatch):
    analyse.analyse_articles([article("Sergueï Lavrov est à Moscou.")], tmp_path)
    monkeypatch.setattr(analyse, "load_model", lambda *_: pytest.fail("the model was loaded"))
    assert analyse.analyse_articles([article("Sergueï Lavrov est à Moscou.")], tmp_path)["a1"].blocks


@pytest.mark.parametrize("warm_minutes", [None, 0.1])     # loaded here, or by a warm model (warm.py)
def test_a_model_that_fails_to_load_is_one_warning_and_its_articles_are_not_analysed(tmp_path, caplog, warm_minutes):
    from dossier import warm
    from pipelines import english_pipeline

    folder = english_pipeline(tmp_path / "en-pipeline")
    (tmp_path / "en-pipeline" / "config.cfg").write_text("[nlp\nlang = ", encoding="utf-8")   # corrupt files
    articles = [Article(f"en{n}", "Titre", [Block("paragraph", "Bob Iger told the BBC.")], path=f"en{n}.txt")
                for n in range(7)]
    read = warm.reader(warm_minutes) if warm_minutes else None
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        assert analyse.analyse_articles(articles, tmp_path / "cache", read=read, model=folder) == {}
    assert len(caplog.messages) == 1, caplog.messages
    assert caplog.messages[0].startswith(
        f"dossier: models: {folder} could not be loaded (") and caplog.messages[0].endswith(
        "): 7 article(s) built as pages, not analysed (en0.txt, en1.txt, en2.txt, en3.txt, en4.txt and 2 more); "
        "reinstall it, or save the pipeline again")
    assert "(ConfigValidationError: Config validation error" in caplog.messages[0]   # spaCy's error, on one line
    assert "\n" not in caplog.messages[0]
    assert warm.running(tmp_path / "cache") is None
    if warm_minutes:     # the warm model tried first, and ended at once
        log = (tmp_path / "cache" / warm.log_name(folder)).read_text(encoding="utf-8")
        assert f"{folder} could not be loaded: ConfigValidationError" in log
