"""Topics: the user's subjects gather statements and paragraphs side by side."""
from __future__ import annotations

import yaml

from dossier.models import Article, Block, Quote
from dossier.topics import gather_topics, load_topics

WAGNER = {"name": "Contrat avec Wagner", "keywords": ["contrat", "accord"], "with": ["Wagner", "mercenaire*"]}


def topics_file(tmp_path, *specs):
    path = tmp_path / "topics.yml"
    path.write_text(yaml.safe_dump({"topics": list(specs)}, allow_unicode=True), encoding="utf-8")
    return path


def test_block_needs_a_keyword_and_a_with_word(tmp_path):
    article = Article("a", "A", [
        Block("paragraph", "Reuters a fait état d'un CONTRAT entre la junte et la société Wagner."),
        Block("paragraph", "Le contrat de livraison d'armes a été signé."),          # no "with" word
        Block("paragraph", "Les accords visant des mercenaires russes sont démentis."),  # plural, wildcard
        Block("heading", "Contrat avec Wagner"),                                   # headings are not content
    ])
    (topic,) = gather_topics([article], [], topics_file(tmp_path, WAGNER))
    assert topic.id == "contrat-avec-wagner"
    assert [e.block for e in topic.entries] == [0, 2]
    assert all(e.speaker is None for e in topic.entries)


def test_keywords_ignore_accents_and_match_whole_words(tmp_path):
    spec = {"name": "Désengagement", "keywords": ["desengagement", "retir*"]}
    article = Article("a", "A", [Block("paragraph", "Un désengagement français."),
                                 Block("paragraph", "Paris a retiré ses troupes."),
                                 Block("paragraph", "Les retirements n'existent pas; la retraite non plus.")])
    (topic,) = gather_topics([article], [], topics_file(tmp_path, spec))
    assert [e.block for e in topic.entries] == [0, 1, 2]
    spec = {"name": "Contrat", "keywords": ["contrat"]}
    article = Article("a", "A", [Block("paragraph", "Un contrats."), Block("paragraph", "Des contractuels.")])
    (topic,) = gather_topics([article], [], topics_file(tmp_path, spec))
    assert [e.block for e in topic.entries] == [0]


def test_statements_come_with_their_speaker_and_articles_by_date(tmp_path):
    quoted = "Il n'y a pas de contrat avec Wagner, nous discutons avec la Russie"
    later = Article("later", "L", [Block("paragraph", f"« {quoted} », a déclaré Abdoulaye Diop.")],
                    date="2021-11-11", source="reuters.com")
    earlier = Article("earlier", "E", [Block("paragraph", "Un contrat avec Wagner aurait été signé, selon Reuters.")],
                      date="2021-09-13", source="lecourrier-du-soir.com")
    quote = Quote("later", 0, quoted, "abdoulaye-diop", 2, 2 + len(quoted), later.blocks[0].text)
    (topic,) = gather_topics([later, earlier], [quote], topics_file(tmp_path, WAGNER))
    assert [(e.article, e.speaker) for e in topic.entries] == [("earlier", None), ("later", "abdoulaye-diop")]
    assert topic.entries[1].text == quoted   # the paragraph, mostly that quote, is not repeated


def test_no_topics_file(tmp_path):
    assert gather_topics([], [], None) == []
    assert load_topics(tmp_path / "missing.yml") == []


def test_seeds_topics_set_the_sources_side_by_side(seeds_dossier, root):
    topics = {t.name: t for t in seeds_dossier.topics}
    assert 2 <= len(topics) <= 3
    wagner = topics["Contrat avec Wagner"]
    texts = {e.article[:3]: e.text for e in wagner.entries}
    # one outlet reports a contract; the Malian minister says, in another, there is none
    assert "contrat entre la junte militaire malienne" in texts["000"]
    assert any(e.article.startswith("004") and "pas de contrat avec Wagner" in e.text for e in wagner.entries)
    assert any(e.speaker for e in wagner.entries)


def test_quote_entries_are_marked_as_quotes():
    from dossier.models import Quote
    from dossier.topics import _entries, Matcher

    text = "« Le contrat avec Wagner n'existe pas », a dit un officier. Le contrat fait débat."
    quote = Quote("a", 0, "Le contrat avec Wagner n'existe pas", None, 2, 37)
    entries = _entries("a", 0, text, [quote], Matcher(["contrat"], []))
    assert [(e.kind, e.speaker) for e in entries] == [("quote", None), ("paragraph", None)]


def test_badly_described_topics_are_skipped_with_a_warning(tmp_path, caplog):
    from dossier.topics import load_topics

    path = tmp_path / "topics.yml"
    path.write_text("topics:\n  - keywords: [contrat]\n  - name: Wagner\n    keywords: [wagner]\n"
                    "  - name: wagner\n    keywords: [groupe]\n", encoding="utf-8")
    topics = [topic for topic, _ in load_topics(path)]
    assert [t.id for t in topics] == ["wagner", "wagner-2"]
    assert "topic 1 has no name" in caplog.text
    path.write_text("topics: [oops", encoding="utf-8")
    assert load_topics(path) == [] and "not valid YAML" in caplog.text


def test_fold_is_unidecode_then_casefold():
    """`fold` reads each character through a table, as unidecode transliterates it alone."""
    from unidecode import unidecode

    from dossier.text import fold

    for text in ["Sergueï Lavrov", "L’ŒUVRE de Ngozi Okonjo-Iweala", "Straße Ærø", "Κνωσός 北京 ﬁn", "🙂 x\u00a0y",
                 "ascii only", ""]:
        assert fold(text) == unidecode(text.replace("’", "'")).casefold(), text


def test_matcher_on_folded_text():
    from dossier.text import fold
    from dossier.topics import Matcher

    matcher = Matcher(["désengagement", "retir*"], ["France"])
    for text in ["Le DÉSENGAGEMENT de la France", "Paris a retiré ses troupes", "La France s'est retirée"]:
        assert matcher.matches(fold(text)) == matcher(text)
    assert matcher("La France s'est retirée") and not matcher("Paris a retiré ses troupes")
