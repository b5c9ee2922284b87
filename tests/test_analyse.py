"""Analysis: the model's reading is cached per article and reused while the text is unchanged."""
from dataclasses import asdict

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
    monkeypatch.setattr(analyse, "read_articles", lambda n, arts: read.extend(a.id for a in arts) or real(n, arts))
    again = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    assert read == [] and asdict(again["a1"]) == asdict(first["a1"])
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
