"""The head of a copied page: headline above the byline/date block, standfirst, date lines, the
furniture around them (no spaCy needed)."""
import time
from pathlib import Path

from dossier.clean import clean_articles
from dossier.clean.head import FEATURES, load_weights
from dossier.models import RawArticle

BODY = ("La junte qui a pris le pouvoir le 26 juillet a opposé mardi une fin de non-recevoir à la "
        "diplomatie ouest-africaine, et ses militaires ont refusé de recevoir la mission conjointe de la CEDEAO.")
BODY2 = ("Les dirigeants de la CEDEAO se réuniront jeudi à Abuja, la capitale du Nigeria, pour un sommet "
         "extraordinaire consacré à la crise nigérienne, a annoncé l’organisation dans un communiqué.")
BODY3 = ("Mohamed Bazoum, lui, est toujours retenu avec sa femme et son fils dans sa résidence de Niamey, "
         "selon un de ses proches, qui assure que le président renversé manque de tout.")
HEADLINE = "Coup d’État au Niger : la junte ferme la porte à la CEDEAO, qui se réunira jeudi à Abuja"
STANDFIRST = ("Les militaires au pouvoir à Niamey ont refusé de recevoir une mission conjointe de la CEDEAO, "
              "à la veille d’un sommet ouest-africain décisif.")


def clean_one(text: str):
    return clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]


def page(*head: str) -> str:
    menu = ["Aller au contenu principal", "Actualité", "Sport", "Monde", "Se connecter"]
    return "\n".join(menu + list(head) + [BODY, BODY2, "Lire aussiNiger : qui est le général Tiani ?", BODY3,
                                          "Sujets associés", "Niger"])


def test_weights_cover_every_signal():
    assert set(load_weights()) == set(FEATURES)


def test_headline_is_found_under_a_kicker_and_above_byline_date_and_caption():
    article = clean_one(page("Coup d'État au Niger : dossier", "Monde", HEADLINE, STANDFIRST,
                             "20 Minutes avec AFP", "Publié le 09/08/23 à 10h05 — Mis à jour le 09/08/23 à 12h31",
                             "Le général Tiani lors d'une allocution à Niamey. — ORTN / AFP",
                             "Écouter cet article", "Durée de l'audio 04:12"))
    assert article.title == HEADLINE
    assert article.lede == STANDFIRST
    assert article.date == "2023-08-09"
    shown = [block.text for block in article.blocks]
    assert shown[:2] == [BODY, BODY2] and BODY3 in shown
    assert "Durée de l'audio 04:12" not in shown and "Monde" not in shown
    assert not any(text.startswith("Lire aussi") for text in shown)


def test_first_paragraph_after_the_byline_and_date_is_the_standfirst():
    article = clean_one(page(HEADLINE, "Par Kab Niang", "Le 17/02/2020"))
    assert article.title == HEADLINE
    assert article.lede == BODY
    assert article.date == "2020-02-17"


def test_date_formats_are_date_lines_not_body():
    for line, day in (("14.09.2020", "2020-09-14"), ("DATE : 27/09/2020", "2020-09-27"),
                      ("le 14.09.2020 à 11h46", "2020-09-14"), ("Publié le 14/09/2023 à 10h05", "2023-09-14"),
                      ("Par Didier Roy, 21 juin 2018", "2018-06-21"), ("lundi 9 décembre 2019 à 09h08", "2019-12-09")):
        article = clean_one(page(HEADLINE, STANDFIRST, line))
        assert article.date == day, line
        assert line in article.removed and article.title == HEADLINE


def test_the_date_under_the_headline_wins_over_a_sidebar_date_above():
    article = clean_one(page("Le 01/03/2019", "Une autre histoire de la veille", "Monde", HEADLINE,
                             STANDFIRST, "Publié le 09/08/2023"))
    assert article.date == "2023-08-09"


def test_a_clean_copy_keeps_headline_and_standfirst():
    article = clean_one("\n".join([HEADLINE, STANDFIRST, BODY, BODY2, BODY3]))
    assert (article.title, article.lede) == (HEADLINE, STANDFIRST)


def test_a_text_without_headline_gets_a_made_title():
    article = clean_one("\n".join([BODY, BODY2, BODY3]))
    assert article.title_made and BODY in [block.text for block in article.blocks]


def test_a_descriptive_photo_caption_is_kept_a_credit_is_not():
    caption = "Photo : Le Capitaine Ibrahim Traoré et le général Evkourov au palais de Kosyam"
    article = clean_one("\n".join([HEADLINE, STANDFIRST, BODY, caption, BODY2, "Photo : AFP", BODY3]))
    kinds = {block.text: block.kind for block in article.blocks}
    assert kinds.get(caption) == "caption"
    assert "Photo : AFP" in article.removed


def test_cleaning_stays_linear_on_a_long_article():
    """Five times the text takes about five times as long (not twenty-five): measured as a ratio,
    since the absolute time depends on the machine's load (a 500 KB article: about 1 s unloaded)."""
    def seconds(copies: int) -> float:
        text = page(HEADLINE, STANDFIRST) + "\n" + "\n".join([BODY, BODY2, BODY3] * copies)
        started = time.perf_counter()
        clean_one(text)
        return time.perf_counter() - started
    small, large = seconds(60), seconds(300)
    assert large < 10 * small


def test_a_breadcrumb_trail_glued_to_the_headline_is_not_the_headline():
    # "Accueil à la une <headline>" on one line, then a links box ("à la une") whose last link is
    # the headline itself, just above its byline
    article = clean_one("\n".join(["Actualité", "Sport", f"Accueil à la une {HEADLINE}", "à la une", "Société",
                                   HEADLINE, "Par Chokri GHARBI", "Publié le 18/02/2020", STANDFIRST,
                                   BODY, BODY2, BODY3, "Sujets associés", "Niger"]))
    assert article.title == HEADLINE
    assert f"Accueil à la une {HEADLINE}" in article.removed and "Société" in article.removed


def test_a_byline_under_a_link_ends_the_box_of_links_the_other_links_go():
    article = clean_one("\n".join(["Le direct", "Politiques", "Portrait", "Sur vos écrans cette semaine", HEADLINE,
                                   "Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42",
                                   BODY, BODY2, BODY3]))
    assert article.title == HEADLINE
    assert {"Politiques", "Portrait", "Sur vos écrans cette semaine"} <= set(article.removed)


def test_a_long_paragraph_right_above_the_byline_is_the_standfirst():
    long_standfirst = " ".join([STANDFIRST] * 4)      # beyond settings.lede_max
    article = clean_one("\n".join(["Actualité", "Sport", HEADLINE, long_standfirst, "par Didier Roy, 21 juin 2018",
                                   BODY, BODY2, BODY3]))
    assert article.lede == long_standfirst


def test_a_dateline_in_capitals_and_a_dash_opens_the_body_not_the_standfirst():
    dateline = "WASHINGTON – " + BODY
    article = clean_one("\n".join(["Actualité", "Sport", HEADLINE, "Par Kevin Johnson", "19 février 2020",
                                   dateline, BODY2, BODY3]))
    assert article.lede is None and dateline in [block.text for block in article.blocks]
