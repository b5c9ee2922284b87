"""Which kept lines are headings: interview questions, work credits, pull-quotes, parentheses; and
the signature that closes the article (issue 17, web-dev)."""
from pathlib import Path

from dossier.clean import clean_articles
from dossier.models import Article, RawArticle

BODY = ("Le ministre a déclaré jeudi que son pays poursuivrait la coopération militaire avec ses "
        "partenaires, et que la situation sécuritaire exigeait une réponse rapide de tous les acteurs.")
ANSWER = ("Il y a d’abord le poids de la géographie : l’Europe est composée de pays insulaires, éloignés "
          "des zones de conflits, et de pays exposés, qui ne voient pas la question de la même façon.")
# Distinct paragraphs: a paragraph said twice reads as the headline shown again, or as furniture.
PARAS = [f"{BODY[:-1]}, a-t-il ajouté devant {n} députés réunis en commission à l’Assemblée." for n in range(2, 12)]
TAIL = ["Articles liés", "Un autre article sur la grève", "Accueil", "Menu", "Recherche"]
QUESTIONS = ["Dans votre travail, vous expliquez qu’il est difficile d’unifier les politiques migratoires "
             "de pays ayant des histoires démographiques différentes. Pourquoi ?",
             "Vous évoquez les différences entre la France et l’Allemagne. Pourquoi la France est-elle moins "
             "engagée dans le droit d’asile ?",
             "Le règlement de Dublin II est très critiqué. Fonctionne-t-il selon vous ?"]


def clean_one(text: str) -> Article:
    return clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]


def kinds(lines: list[str]) -> dict[str, str]:
    return {block.text: block.kind for block in clean_one("\n".join(lines)).blocks}


def interview(questions: list[str]) -> list[str]:
    lines = ["Un entretien sur les migrations en Europe", *PARAS[:3]]
    for question, answer in zip(questions, PARAS[3:]):
        lines += [question, answer]
    return lines


def test_the_questions_of_an_interview_are_headings_however_long():
    lines = interview(QUESTIONS)
    found = kinds(lines + TAIL)
    assert all(found[question] == "heading" for question in QUESTIONS)


def test_two_long_questions_make_no_interview():
    lines = interview(QUESTIONS[:2])
    found = kinds(lines + TAIL)
    assert found[QUESTIONS[0]] == "paragraph" and found[QUESTIONS[1]] == "paragraph"


def test_a_works_credit_line_is_no_heading_the_heading_above_it_is():
    credit = "Vape Wave (documentaire, 1h28, Planète+)"
    aside = "Pour Michel Vuilermoz (et rien d’autre)"
    found = kinds(["Les recommandations de la semaine à l’écran", *PARAS[:2], "Pour dépasser le tabac", credit,
                   PARAS[2], aside, "Alphonse Président (série, 10x26, OCS Max)", PARAS[3], *TAIL])
    assert found[credit] == "paragraph" and found["Pour dépasser le tabac"] == "heading"
    assert found[aside] == "heading"


def test_a_line_of_running_words_closed_by_a_parenthesis_stays_a_paragraph():
    line = "Les prix de l’énergie ont encore augmenté de 5 % en un an (source : Insee)"
    found = kinds(["Les recommandations de la semaine à l’écran", *PARAS[:2], line, *PARAS[2:4], *TAIL])
    assert found[line] == "paragraph"


def test_a_pull_quote_above_its_returning_author_and_a_line_above_no_text_are_no_headings():
    pull = "Au total, ce qui me frappe, c’est le droit du temps"
    label = "En stock : ensemble de la population recensée"
    found = kinds(["Un entretien sur les migrations en Europe", *PARAS[:3], "Il y a, d’abord, la géographie.",
                   "François Héran", PARAS[3], pull, "François Héran", *PARAS[4:6], label, "3", *TAIL])
    assert found[pull] == "paragraph" and found.get(label, "paragraph") == "paragraph"


def test_what_follows_the_signature_and_its_footnotes_is_no_longer_the_article():
    note = "(1) Ces chiffres sont collectés par l’OCDE et Eurostat, et publiés chaque année."
    box = "Le marché du travail est-il trop rigide ?"
    article = clean_one("\n".join(["Un titre sur la grève à l’université", PARAS[0], PARAS[1] + " (1)", PARAS[2],
                                   "Denis Clerc", note, box, ANSWER, PARAS[3], *TAIL]))
    texts = [block.text for block in article.blocks]
    assert note in texts and "Denis Clerc" in article.removed
    assert box in article.removed and ANSWER in article.removed


def test_a_box_of_teasers_under_repeated_labels_goes_summaries_and_all():
    summaries = [f"{PARAS[n]} Activiste invité récurrent des plateaux de télévision, il a publié en avril un "
                 f"livre sur le droit des travailleurs et des exclus, qui est devenu un succès." for n in (8, 9)]
    lines = ["Un entretien sur les migrations en Europe", *PARAS[:8], "Pour approfondir",
             "Entretiens", "Politique", "L’humanité en révolte, une conversation", "Politique", summaries[0],
             "Entretiens", "Histoire", "L’historien face aux migrations", "Histoire", summaries[1], *TAIL]
    article = clean_one("\n".join(lines))
    assert all(summary in article.removed for summary in summaries)
    assert all(para in [block.text for block in article.blocks] for para in PARAS[1:4])


def test_a_paragraph_after_a_box_without_repeated_labels_is_the_article_again():
    lines = ["Un titre sur la grève à l’université", *PARAS[:3], "À lire aussi", "Politique",
             "Un autre article sur la grève", *PARAS[3:6], *TAIL]
    texts = [block.text for block in clean_one("\n".join(lines)).blocks]
    assert all(para in texts for para in PARAS[3:6])


def test_the_notes_under_the_last_paragraph_stay_with_their_heading():
    note = "En stock : ensemble de la population recensée à un moment donné"
    found = kinds(["Un entretien sur les migrations en Europe", *PARAS[:4], "Sources", note, "×", "3",
                   "Pour approfondir", "Entretiens", "Un autre entretien sur la géographie", *TAIL])
    assert found["Sources"] == "heading" and found[note] == "paragraph"


def test_the_links_an_editor_recommends_inside_the_text_go_the_next_part_keeps_its_heading():
    links = ["PSG : Luis Enrique veut un club « sans star », Mbappé toujours à l’écart",
             "PSG-Lorient : les compositions officielles"]
    lines = ["Un titre sur le transfert de l’attaquant", *PARAS[:3], "La rédaction vous conseille", *links,
             "Déception en Catalogne", *PARAS[3:6], *TAIL]
    article = clean_one("\n".join(lines))
    assert all(link in article.removed for link in links)
    assert {block.text: block.kind for block in article.blocks}["Déception en Catalogne"] == "heading"


def test_a_related_link_cut_over_two_lines_goes_whole():
    rest = "Sung Il-kwon, « En Corée, la politique du rayon de soleil », Le Monde diplomatique, juin 2018."
    article = clean_one("\n".join(["Un titre sur la grève à l’université", *PARAS[:2], "Lire aussi Martine Bulard &",
                                   rest, *PARAS[2:5], *TAIL]))
    assert rest in article.removed and PARAS[2] in [block.text for block in article.blocks]


def test_donation_and_membership_buttons_are_furniture():
    buttons = ["Je fais un don de 10 €", "J’adhère dès 13 €", "Faire un don"]
    article = clean_one("\n".join(["Un titre sur la grève à l’université", *PARAS[:2], buttons[2], *PARAS[2:4],
                                   *buttons[:2], *PARAS[4:6], *TAIL]))
    assert all(button in article.removed for button in buttons)
