"""The standfirst under the headline (clean/lede.py): learned signals, and the lines that are
never one (a caption with its credit below, a pull-quote the body repeats, a button). No spaCy."""
from pathlib import Path

from dossier.clean import clean_articles, load_rules
from dossier.clean.lede import LEDE_FEATURES, LEDE_NONE, find_lede, is_caption, lede_features, load_lede_weights, \
    lede_score, squash
from dossier.clean.lines import Line
from dossier.models import RawArticle

HEADLINE = "Coup d’État au Niger : la junte ferme la porte à la CEDEAO, qui se réunira jeudi à Abuja"
STANDFIRST = ("Les militaires au pouvoir à Niamey ont refusé de recevoir une mission conjointe de la CEDEAO, "
              "à la veille d’un sommet ouest-africain décisif pour la suite de la crise.")
BODY = ("La junte qui a pris le pouvoir le 26 juillet a opposé mardi une fin de non-recevoir à la "
        "diplomatie ouest-africaine, et ses militaires ont refusé de recevoir la mission conjointe de la CEDEAO, "
        "qui devait se rendre à Niamey pour y rencontrer les nouveaux maîtres du pays et le président renversé.")
BODY2 = ("Les dirigeants de la CEDEAO se réuniront jeudi à Abuja, la capitale du Nigeria, pour un sommet "
         "extraordinaire consacré à la crise nigérienne, a annoncé l’organisation dans un communiqué publié mercredi "
         "soir, alors que l’ultimatum fixé aux putschistes a expiré dimanche sans que rien ne bouge sur le terrain.")
BODY3 = ("Mohamed Bazoum, lui, est toujours retenu avec sa femme et son fils dans sa résidence de Niamey, "
         "selon un de ses proches, qui assure que le président renversé manque de tout, d’eau comme d’électricité, "
         "et qu’il n’a plus reçu de visite depuis plusieurs jours, ni de ses médecins ni de ses avocats.")
MENU = ["Aller au contenu principal", "Actualité", "Sport", "Monde", "Se connecter"]


def clean_one(*lines: str):
    text = "\n".join([*MENU, *lines, BODY2, BODY3, "Sujets associés", "Niger"])
    return clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]


def test_weights_cover_every_signal():
    assert set(load_lede_weights()) == set(LEDE_FEATURES)


def test_the_line_under_the_headline_above_the_byline_is_the_standfirst():
    article = clean_one(HEADLINE, STANDFIRST, "Par Kab Niang", "Publié le 09/08/23 à 10h05", BODY)
    assert article.title == HEADLINE and article.lede == STANDFIRST
    assert article.blocks[0].text == BODY


def test_a_caption_with_its_credit_below_is_no_standfirst_and_the_first_paragraph_stays_body():
    caption = "Le général Tiani, nouvel homme fort du Niger, lors d’une allocution à la télévision nationale."
    article = clean_one(HEADLINE, caption, "(Balima Boureima / Reuters)", "Par Kab Niang", "Publié le 09/08/23 à 10h05",
                        BODY)
    assert article.lede != caption
    assert BODY in [block.text for block in article.blocks] or article.lede == BODY


def test_a_pull_quote_that_the_body_repeats_is_no_standfirst():
    pull = BODY2[:140]
    article = clean_one(HEADLINE, pull, "Par Kab Niang", "Publié le 09/08/23 à 10h05", BODY)
    assert article.lede != pull


def caption(lines: list[Line], i: int, rules) -> bool:
    below = [(j, squash(line.text)) for j, line in enumerate(lines) if j and not line.removed]
    return is_caption(lines, i, below, rules)


def test_is_caption_reads_credit_repeat_and_length():
    rules = load_rules()
    lines = [Line(HEADLINE), Line(STANDFIRST), Line("(Reed Saxon / Associated Press)"), Line(BODY)]
    assert caption(lines, 1, rules)                       # its credit follows
    lines = [Line(HEADLINE), Line(STANDFIRST), Line("Par Kab Niang"), Line(BODY), Line(STANDFIRST + " Et plus.")]
    assert caption(lines, 1, rules)                       # the body repeats it
    lines = [Line(HEADLINE), Line("Lire la suite de cet article."), Line(BODY)]
    assert caption(lines, 1, rules)                       # a button, not a summary
    lines = [Line(HEADLINE), Line(STANDFIRST), Line("Un soldat à Niamey, le 6 août 2023. © AFP"), Line(BODY)]
    assert not caption(lines, 1, rules)                   # a caption with its credit may follow a standfirst


def test_a_plain_first_paragraph_is_no_standfirst():
    """The prose's opening line with nothing to set it apart (not under the headline, no byline
    around it) scores below having no standfirst."""
    rules = load_rules()
    lines = [Line(HEADLINE), Line("Monde", removed="en tête de page"), Line(BODY), Line(BODY2)]
    weights = load_lede_weights()
    assert lede_score(lede_features(lines, 0, 2, 2, rules), weights) < lede_score(LEDE_NONE, weights)
    assert find_lede(lines, 0, 2, rules) is None
