"""Lines kept on weak evidence: marked doubtful on their block, in dossier.json and on the article
page; an article's footnote below its prose is kept (no spaCy needed)."""
import re
from pathlib import Path

import markdown
import pytest

from dossier.clean import clean_articles
from dossier.export import to_json_data
from dossier.models import Article, Block, Dossier, RawArticle
from dossier.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
BODY = ("Le ministre a déclaré jeudi que son pays poursuivrait la coopération militaire avec ses "
        "partenaires, et que la situation sécuritaire exigeait une réponse rapide de tous les acteurs.")
NAMED = ("Antoine*, chargé de cours, explique que son contrat de trois mois ne sera pas renouvelé "
         "et qu’il doit donner des cours ailleurs pour vivre, comme beaucoup de ses collègues.")
TAIL = ["Articles liés", "Un autre article sur la grève", "Accueil", "Menu", "Recherche"]
NOTE = "*Le prénom a été modifié"
DOUBT = "ligne incertaine : peut-être un élément de la page"


def clean_one(text: str) -> Article:
    return clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]


def test_a_footnote_whose_mark_the_text_carries_is_kept_below_a_signature():
    article = clean_one("\n".join(["Un titre sur la grève à l’université", BODY, NAMED, BODY, "Kab NIANG",
                                   NOTE, *TAIL]))
    assert NOTE in [block.text for block in article.blocks]
    assert "Kab NIANG" in article.removed and "Accueil" in article.removed


def test_a_starred_line_without_its_mark_in_the_text_is_not_a_footnote():
    article = clean_one("\n".join(["Un titre sur la grève à l’université", BODY, BODY, BODY, "Kab NIANG",
                                   NOTE, *TAIL]))
    assert NOTE in article.removed


def test_a_short_closing_line_is_kept_and_marked_doubtful_the_prose_is_not():
    closing = "Point d’étape au 12 janvier à 11h :"
    article = clean_one("\n".join(["Un titre sur la grève à l’université", BODY, BODY, BODY, closing, *TAIL]))
    marks = {block.text: block.doubtful for block in article.blocks}
    assert marks[closing] is True and marks[BODY] is False


def doubtful_dossier(kind: str = "paragraph") -> Dossier:
    blocks = [Block("paragraph", BODY), Block(kind, "Je fais un don de 10 €", doubtful=True), Block("paragraph", BODY)]
    return Dossier([Article("a1", "Un titre", blocks, source="Test")], [])


def test_the_mark_is_in_dossier_json():
    blocks = to_json_data(doubtful_dossier())["articles"][0]["blocks"]
    assert [block["doubtful"] for block in blocks] == [False, True, False]


@pytest.mark.parametrize("kind, tag", [("paragraph", "p"), ("heading", "h2"), ("quote", "p"), ("caption", "p")])
def test_the_article_page_marks_the_doubtful_line_only(kind, tag):
    page = Renderer(ROOT / "site_templates", doubtful_dossier(kind)).pages()["articles/a1.md"]
    html = markdown.markdown(page.split("---", 2)[2], extensions=["attr_list", "md_in_html", "admonition"])
    marked = re.search(rf'<{tag}[^>]*class="dossier-doubtful"[^>]*>(.*?)</{tag}>', html)
    assert marked and "Je fais un don de 10 €" in marked.group(1) and f'title="{DOUBT}"' in marked.group(0)
    assert html.count("dossier-doubtful") == 1 and html.count("coopération militaire") == 2


def test_the_author_name_under_the_last_paragraph_signs_the_article_its_note_stays():
    note = "(1) Ces chiffres sont collectés par l’OCDE et Eurostat, et publiés chaque année."
    # the prose goes on under the note (a box of the article's own): the name is inside the prose
    article = clean_one("\n".join(["Un titre sur la grève à l’université", BODY, BODY + " (1)", BODY, "Denis Clerc",
                                   note, BODY, BODY, *TAIL]))
    assert "Denis Clerc" in article.removed
    assert note in [block.text for block in article.blocks]


def test_a_name_between_paragraphs_is_no_signature():
    article = clean_one("\n".join(["Un titre sur la grève à l’université", BODY, "Denis Clerc", BODY, BODY, *TAIL]))
    assert "Denis Clerc" in [block.text for block in article.blocks]
