"""The synthetic dossier generator of the scale benchmark (no spaCy: generation and cleaning only)."""
import html
import re
from collections import Counter

import pytest

from dossier.clean import clean_articles
from dossier.ingest import read_seeds
from benchmarks.synth import FORMATS, generate, split_sentences

N = len(FORMATS)  # one decade of articles holds every format


def files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def plain(text: str) -> str:
    """Saved pages lose their no-break spaces on the way through the HTML extractor."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    return folder, generate(N, folder, seed=3)


@pytest.fixture(scope="module")
def cleaned(generated):
    folder, made = generated
    raws, problems = read_seeds(folder)
    assert problems == []
    return {article.id: article for article in clean_articles(raws)}


def test_same_seed_same_bytes_other_seed_other_articles(generated, tmp_path):
    folder, _ = generated
    generate(N, tmp_path / "again", seed=3)
    generate(N, tmp_path / "other", seed=4)
    assert files(tmp_path / "again") == files(folder)
    others = files(tmp_path / "other")
    assert all(others[name] != text for name, text in files(folder).items() if name in others)


def test_n_articles_in_the_announced_formats(generated):
    folder, made = generated
    articles = [p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert len(made) == len(articles) == N
    assert Counter(p.suffix for p in articles) == Counter(f".{fmt}" for fmt in FORMATS)
    assert any(p.suffix == ".yml" for p in folder.iterdir())  # sidecar metadata for some .txt
    assert all(5 <= len(s.paragraphs) <= 15 for s in made)


def test_articles_carry_furniture_and_actors(generated):
    folder, made = generated
    for synthetic in made:
        text = html.unescape(synthetic.path.read_text(encoding="utf-8"))
        assert synthetic.furniture and all(line in text for line in synthetic.furniture)
    body = " ".join(p for s in made for p in s.paragraphs)
    # people named in full (two capitalised words), quotes with their marks
    assert len(set(re.findall(r"\b[A-Z][a-zéèëï]+ [A-Z][a-zéèëï]+\b", body))) > 10
    assert "«" in body or "“" in body


def test_cleaning_keeps_the_body_and_drops_the_furniture(generated, cleaned):
    _, made = generated
    for synthetic in made:
        article = cleaned[synthetic.path.stem]
        texts = [plain(block.text) for block in article.blocks]
        assert plain(article.title) == plain(synthetic.title)
        if article.lede is None:   # no line told apart as the standfirst: its text is kept, as the body's first
            assert texts[0] == plain(synthetic.lede), synthetic.path.name
        else:
            assert plain(article.lede) == plain(synthetic.lede), synthetic.path.name
        assert [plain(p) for p in synthetic.paragraphs if plain(p) not in texts] == []
        kept = [t for t in texts + [plain(article.title)] if t in map(plain, synthetic.furniture)]
        assert kept == [], synthetic.path.name
        assert article.source and article.date


def test_quotations_stay_whole_with_their_speech_verb():
    text = ("Il a parlé. « Nous partons. Nous revenons », a déclaré X. "
            "Et d’ajouter : “ce n’est pas fini. Loin de là”. Fin.")
    assert split_sentences(text) == [
        "Il a parlé.", "« Nous partons. Nous revenons », a déclaré X.",
        "Et d’ajouter : “ce n’est pas fini. Loin de là”.", "Fin."]
