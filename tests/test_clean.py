"""Cleaning: furniture out, body in, structure and metadata read from the text (no spaCy needed)."""
from pathlib import Path

import pytest

from dossier.clean import TITLE_MAX, clean_articles, load_rules
from dossier.models import RawArticle

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
BODY = ("Le ministre a déclaré jeudi que son pays poursuivrait la coopération militaire avec ses "
        "partenaires, et que la situation sécuritaire exigeait une réponse rapide de tous les acteurs.")


def raw(text: str, name: str = "a", meta: dict | None = None, fmt: str = "txt") -> RawArticle:
    return RawArticle(name, Path(f"{name}.{fmt}"), fmt, text, meta=meta or {})


def clean_one(text: str, **kwargs):
    return clean_articles([raw(text, **kwargs)], None)[0]


def texts(article) -> list[str]:
    return [article.title, article.lede or ""] + [block.text for block in article.blocks]


@pytest.fixture(scope="module")
def franceinfo():
    return clean_one((FIXTURES / "franceinfo_like.txt").read_text(encoding="utf-8"))


def test_related_links_comments_and_login_prompts_are_removed(franceinfo):
    for line in ("À regarder", "Tempête : des annulations de trains en cascade", "Commentaires",
                 "Connectez-vous ou créez votre espace franceinfo pour commenter.",
                 "Déjà un compte ? Se connecter"):
        assert line in franceinfo.removed
        assert line not in texts(franceinfo)


def test_every_body_line_is_kept_including_the_last(franceinfo):
    kept = "\n".join(texts(franceinfo))
    assert "Paris a entrepris en juin" in kept
    assert "Le rapprochement entre le Mali" in kept


def test_title_lede_heading_quote_and_glued_caption(franceinfo):
    assert franceinfo.title == "Le Mali mise sur l’aide de la Russie pour sa sécurité"
    assert franceinfo.lede.startswith("Au programme")
    kinds = {block.text[:20]: block.kind for block in franceinfo.blocks}
    assert kinds["Rencontre à Moscou"] == "heading"
    assert kinds['"Nous souhaitons pou'] == "quote"
    caption = next(block.text for block in franceinfo.blocks if block.kind == "caption")
    assert caption == "Le ministre malien des affaires étrangères — Conférence de presse à Moscou, le 11 novembre 2021"


def test_outlet_found_from_its_furniture(franceinfo):
    assert franceinfo.source == "franceinfo"
    assert "franceinfo" in franceinfo.origins["source"]


def test_a_body_mention_of_an_outlet_is_not_its_source():
    article = clean_one(f"Un titre sur la crise\n{BODY}\nIl l’a dit lors d’une interview accordée à France Info "
                        "dans laquelle il a menacé de retirer les troupes du pays.")
    assert article.source is None


def test_published_line_and_byline_give_date_and_source_and_are_removed():
    article = clean_one(f"Un titre sur la crise\nPar : RFI\nPublié le 12 novembre 2021 à 10h30 "
                        f"Mis à jour le 13 novembre 2021\n{BODY}")
    assert (article.date, article.source) == ("2021-11-12", "RFI")
    assert article.origins["source"] == "signature « Par : RFI »"
    assert article.origins["date"].startswith("ligne « Publié le")
    assert "Par : RFI" in article.removed


def test_a_byline_naming_a_person_gives_the_author():
    article = clean_one(f"Un titre sur la crise\nPar Jeanne Martin\n{BODY}")
    assert article.author == "Jeanne Martin"
    assert article.source is None


def test_dateline_keeps_its_paragraph_and_gives_the_date():
    paragraph = f"BAMAKO, 29 mai 2021 - {BODY}"
    article = clean_one(f"Un titre sur la crise\n{paragraph}\n{BODY}")
    assert article.date == "2021-05-29"
    assert paragraph in texts(article)


def test_photo_credit_is_removed():
    article = clean_one(f"Un titre sur la crise\n{BODY}\nCrédits : Getty\n{BODY}")
    assert "Crédits : Getty" in article.removed


def test_soft_hyphens_go_and_typography_stays():
    article = clean_one(f"Un titre\nLa pré\u00adsidence a dit : «\u00a0non\u00a0». {BODY}")
    body = "\n".join(texts(article))
    assert "\u00ad" not in body and "présidence" in body
    assert "«\u00a0non\u00a0»" in body


def test_lines_repeated_across_articles_are_furniture():
    footer = "Newsroom Hebdo, le journal du Sahel"
    raws = [raw(f"Titre numéro {i} du dossier\n{BODY}\n{footer}", name=str(i)) for i in range(3)]
    for article in clean_articles(raws, None):
        assert footer in article.removed


def test_title_is_made_when_the_text_has_none():
    article = clean_one(f"{BODY} {BODY}\n{BODY}")
    assert article.title_made and len(article.title) <= TITLE_MAX
    assert article.origins["title"] == "fait à partir du texte"


def test_front_matter_wins_over_inference():
    meta = {"title": "Titre donné", "source": "Agence X", "date": "2020-01-02"}
    article = clean_one(f"Un titre sur la crise\nPar : RFI\nPublié le 12 novembre 2021\n{BODY}", meta=meta)
    assert (article.title, article.source, article.date) == ("Titre donné", "Agence X", "2020-01-02")
    assert article.origins["date"] == "métadonnées (en-tête YAML)"


def test_markdown_headings_and_quotes():
    article = clean_one(f"# Le titre\n\n{BODY}\n\n## Une section\n\n> Une citation importante du ministre.\n\n{BODY}",
                        fmt="md")
    assert article.title == "Le titre"
    kinds = [(block.kind, block.text) for block in article.blocks]
    assert ("heading", "Une section") in kinds
    assert ("quote", "Une citation importante du ministre.") in kinds


def test_user_profiles_extend_the_built_in_ones(tmp_path):
    (tmp_path / "outlets.yml").write_text(
        "outlets:\n  sahel-hebdo:\n    source: Sahel Hebdo\n    marks: ['sahelhebdo.example']\n"
        "    lines: ['offre découverte sahel hebdo.*']\n", encoding="utf-8")
    text = f"Un titre sur la crise\n{BODY}\nOffre découverte Sahel Hebdo : 1 € le premier mois\n" \
           f"{BODY}\nsahelhebdo.example"
    article = clean_articles([raw(text)], tmp_path)[0]
    assert article.source == "Sahel Hebdo"
    assert "Offre découverte Sahel Hebdo : 1 € le premier mois" in article.removed
    assert "lemonde" in load_rules(tmp_path).outlets  # built-in outlets are still there


def test_html_page_is_extracted_with_its_metadata():
    paragraphs = "".join(f"<p>{BODY} Paragraphe {i}.</p>" for i in range(6))
    html = (f"<html><head><title>Le titre de la page</title><meta property='og:site_name' content='Le Site'>"
            f"<meta name='date' content='2021-11-11'></head><body><nav><a href='/'>Accueil</a></nav>"
            f"<article><h1>Le titre de la page</h1>{paragraphs}<h2>Une section</h2>{paragraphs}</article>"
            f"<footer>Mentions légales</footer></body></html>")
    article = clean_articles([RawArticle("p", Path("p.html"), "html", "", html=html)], None)[0]
    assert article.title == "Le titre de la page"
    assert article.date == "2021-11-11"
    assert ("heading", "Une section") in [(b.kind, b.text) for b in article.blocks]
    assert "Mentions légales" not in "\n".join(texts(article))
