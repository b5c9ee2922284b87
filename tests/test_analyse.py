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
    calls = []
    monkeypatch.setattr(analyse, "analyse_article", lambda n, a: calls.append(a.id) or first["a1"])
    again = analyse.analyse_articles([article("Abdoulaye Diop est à Moscou.")], tmp_path)
    assert calls == [] and asdict(again["a1"]) == asdict(first["a1"])
    analyse.analyse_articles([article("Abdoulaye Diop est à Paris.")], tmp_path)
    assert calls == ["a1"]
