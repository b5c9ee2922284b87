"""Cleaning: furniture out, body in, structure and metadata read from the text (no spaCy needed)."""
import re
from pathlib import Path

import pytest
import yaml

from dossier.clean import CleanSettings, clean_articles, load_rules
from dossier.ingest import read_article
from dossier.models import RawArticle

TITLE_MAX = CleanSettings().title_max

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
    article = clean_articles([raw(text)], tmp_path / "outlets.yml")[0]
    assert article.source == "Sahel Hebdo"
    assert "Offre découverte Sahel Hebdo : 1 € le premier mois" in article.removed
    assert "lemonde" in load_rules(tmp_path / "outlets.yml").outlets  # built-in outlets are still there


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


def html_article(html: str):
    return clean_articles([RawArticle("p", Path("p.html"), "html", "", html=html)], None)[0]


def page(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head>"
            f"<body><nav><a href='/'>Accueil</a></nav>"
            f"<article>{body}</article><footer>Mentions légales</footer></body></html>")


PARAGRAPHS = "".join(f"<p>{BODY} Paragraphe {i}.</p>" for i in range(6))


def test_the_headline_shown_above_the_text_is_the_title_not_a_block():
    article = html_article(page("Le Mali se tourne vers Moscou | Environnement | Le Site",
                                f"<h1>Le Mali se tourne vers Moscou</h1>{PARAGRAPHS}"))
    assert article.title == "Le Mali se tourne vers Moscou"
    assert "Le Mali se tourne vers Moscou" not in [b.text for b in article.blocks]


def test_a_reworded_headline_is_recognised_but_a_lede_is_not():
    article = html_article(page("Sweden drops Assange rape investigation",
                                "<h1>Julian Assange: Sweden drops rape investigation</h1>"
                                "<h2>Le ministre parle de la coopération militaire et des partenaires</h2>" + PARAGRAPHS))
    blocks = [b.text for b in article.blocks]
    assert "Julian Assange: Sweden drops rape investigation" not in blocks
    assert "Le ministre parle de la coopération militaire et des partenaires" in blocks


def test_a_feed_of_dated_teasers_is_not_the_article():
    teasers = "\n".join(f"{d}/11 [Communiqué] Une action de plus contre le projet numéro {d} (Collectif, Communiqués)"
                        for d in (10, 9, 3, 1))
    article = clean_one(f"Un titre sur la crise\n{BODY}\nLe Flux\n{teasers}")
    assert "3/11 [Communiqué] Une action de plus contre le projet numéro 3 (Collectif, Communiqués)" in article.removed
    assert BODY in texts(article)


def test_a_live_feed_of_timed_sentences_stays():
    entries = [f"{h}:05 Le ministre a répondu aux questions des députés sur la sécurité du pays numéro {h}."
               for h in (14, 13, 12)]
    article = clean_one("Un titre sur la crise\n" + "\n".join(entries) + f"\n{BODY}")
    assert all(entry in texts(article) for entry in entries)


def test_minute_marks_do_not_cut_a_live_commentary_short():
    minutes = "\n".join(f"{m}'\n{BODY}" for m in (90, 80, 70))
    other = "\n".join(f"Le match numéro {i} en direct" for i in range(6))
    # bare numbers that other articles also carry are not furniture
    raws = [raw(f"Un titre sur le match\n{minutes}\n7'\n3'\nLes deux équipes se cherchent en ce début de match.\n"
                f"Tous les sports\nFootball", name="live"),
            raw(f"Un autre titre\n{BODY}\n7'\n3'\n{other}", name="other")]
    article = clean_articles(raws, None)[0]
    assert "Les deux équipes se cherchent en ce début de match." in texts(article)
    assert "Tous les sports" not in texts(article)


def test_the_attribution_under_an_embedded_post_closes_the_article():
    credit = "— Solidaires Étudiant-e-s Saint-Denis (@SolidairesEtuP8) February 17, 2020"
    article = clean_one(f"Un titre sur la crise\n{BODY}\n{BODY}\n{credit}\nArticles liés\nAccueil\nMenu\nRecherche")
    assert credit in "\n".join(texts(article))


def test_agency_credits_social_prompts_and_bare_links_are_furniture():
    lines = ["Reporting by Jane Doe; additional reporting by Ann Lee and Bo Kim; Editing by John Smith",
             "Follow The Daily Example Opinion section on Facebook, Twitter (@DailyOpinion) and Instagram.",
             "Listen: http://example.org/podcast", "New York State Registry via AP"]
    article = clean_one("Un titre sur la crise\n" + "\n".join(f"{BODY}\n{line}" for line in lines) + f"\n{BODY}")
    for line in lines:
        assert line in article.removed
    sentence = "Reporting by the ministry shows that the coopération militaire continues with its partners."
    assert sentence in texts(clean_one(f"Un titre sur la crise\n{BODY}\n{sentence}\n{BODY}"))


def test_lines_without_words_weigh_nothing_in_the_search_for_the_article():
    last = "Le coup franc de Cornet est repoussé par le gardien lorientais avant la pause."
    article = clean_one(f"Un titre sur le match\n{BODY}\n45'\n44'\n43'\n{last}\nTous les sports\nFootball\nTennis")
    assert last in texts(article)


# ---------------------------------------------------------------- unseen pages from the outlets

OUTLETS = FIXTURES / "outlets"
OUTLET_PAGES = sorted(p.name.split(".")[0] for p in OUTLETS.glob("*.expected.yml"))


def squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


@pytest.mark.parametrize("name", OUTLET_PAGES)
def test_outlet_page_body_kept_furniture_removed_metadata_read(name):
    """Hand-written "select all, copy" pages in each outlet's style (and a .md with front matter, a
    .html with a sidecar), each cleaned alone: NAME.expected.yml lists the body lines (by their
    start), the photo captions (removed or kept as captions), and the metadata; every other line of
    a .txt page is furniture."""
    expected = yaml.safe_load((OUTLETS / f"{name}.expected.yml").read_text(encoding="utf-8"))
    path = next(p for p in OUTLETS.glob(f"{name}.*") if p.suffix in (".txt", ".md", ".html"))
    article = clean_articles([read_article(path)], None)[0]
    output = texts(article)
    raw_lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if path.suffix == ".txt" else []
    body = [next((line for line in raw_lines if line.startswith(start)), start) for start in expected["body"]]
    whole = squashed("\n".join(output))
    assert [line for line in body if squashed(line) not in whole] == []
    exempt = tuple((expected.get("captions") or []) + (expected.get("either") or []))
    furniture = [line for line in raw_lines if line not in {expected.get("title"), expected.get("lede"), *body}
                 and not line.startswith(exempt or ("\0",))]
    assert [line for line in furniture if line in output] == []
    for caption in expected.get("captions") or []:
        assert not any(b.text.startswith(caption) and b.kind != "caption" for b in article.blocks)
    for key in ("title", "lede", "source", "date", "author", "url"):
        if key in expected:
            assert (key, getattr(article, key) or None) == (key, expected[key] or None)


def test_visible_text_of_a_page_leaves_out_captions_and_link_only_blocks():
    from dossier.clean import visible_text

    html = ("<html><head><title>T</title><script>var x;</script></head><body><ul><li><a href='/'>Accueil</a></li></ul>"
            f"<p>{BODY}</p><figure><img src='a.jpg'><figcaption>Le ministre à Moscou.</figcaption></figure>"
            "<div class='image-caption'>Une légende</div><p><a href='/b'>How likely is a conviction?</a></p>"
            f"<p>Selon <a href='/c'>le ministère</a>, {BODY}</p></body></html>")
    lines = [line.strip() for line in visible_text(html).split("\n") if line.strip()]
    assert lines == [BODY, f"Selon le ministère, {BODY}"]


def test_metadata_date_must_be_a_day_and_control_characters_go(tmp_path, caplog):
    from dossier.clean import clean_articles
    from dossier.ingest import read_seeds

    (tmp_path / "a.md").write_text("---\ndate: 2021-11\n---\nLe ministre\x00 a parlé\x07 au Mali hier soir.\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 11 novembre 2021\n---\nLe ministre a parlé au Mali.\n",
                                   encoding="utf-8")
    first, second = clean_articles(read_seeds(tmp_path)[0], None)
    assert first.date is None and "a.md" in caplog.text and "2021-11" in caplog.text
    assert second.date == "2021-11-11"
    text = "\n".join(b.text for b in first.blocks)
    assert "\x00" not in text and "\x07" not in text and "a parlé au Mali" in text


def test_an_unusable_user_outlets_file_is_named_and_left_aside(tmp_path, caplog):
    from dossier.clean import load_rules

    (tmp_path / "outlets.yml").write_text("generic:\n  lines: ['(unclosed']\n", encoding="utf-8")
    rules = load_rules(tmp_path / "outlets.yml")
    assert "outlets.yml cannot be used" in caplog.text
    assert "franceinfo" in rules.outlets           # the built-in profiles still apply


# ---------------------------------------------------------------- settings (the cleaning's thresholds)


def test_the_built_in_settings_are_the_defaults_written_out():
    builtin = yaml.safe_load((Path(__file__).parent.parent / "dossier" / "data" / "outlets.yml")
                             .read_text(encoding="utf-8"))["settings"]
    assert builtin == vars(CleanSettings())
    assert load_rules().settings == CleanSettings()


def test_a_user_setting_overrides_one_threshold(tmp_path):
    (tmp_path / "outlets.yml").write_text("settings:\n  title_max: 40\n", encoding="utf-8")
    settings = load_rules(tmp_path / "outlets.yml").settings
    assert settings.title_max == 40 and settings.lede_max == CleanSettings().lede_max
    text = f"{BODY} {BODY}\n{BODY}"
    article = clean_articles([raw(text)], tmp_path / "outlets.yml")[0]
    assert article.title_made and len(article.title) <= 40 < len(clean_one(text).title)


@pytest.mark.parametrize("setting, says", [("title_max: long", "`settings.title_max` must be a whole number"),
                                           ("title_max: 12.5", "`settings.title_max` must be a whole number"),
                                           ("headline_overlap: yes", "`settings.headline_overlap` must be a number"),
                                           ("title_size: 40", "unknown setting `settings.title_size`")])
def test_a_wrong_setting_names_the_file_and_the_key(tmp_path, caplog, setting, says):
    (tmp_path / "outlets.yml").write_text(f"settings:\n  {setting}\n", encoding="utf-8")
    rules = load_rules(tmp_path / "outlets.yml")
    assert "outlets.yml cannot be used" in caplog.text and says in caplog.text
    assert rules.settings == CleanSettings()         # the built-in rules apply


def test_lines_that_head_nothing_are_not_headings():
    credit = "— Elon Musk (@elonmusk) March 16, 2020"
    address = "Le rapport complet du ministère est en ligne sur https://example.org/rapport"
    lines = ["Un titre sur la crise", BODY, "↑", BODY, "3", BODY, address, BODY,
             "François Héran", BODY, "François Héran", BODY, "Maybe worth considering it", credit, BODY,
             "Une grève reconductible", BODY]
    article = clean_one("\n".join(lines))
    kinds = {block.text: block.kind for block in article.blocks}
    assert "↑" in article.removed and "↑" not in kinds           # no letter, no digit: no text
    for line in ("3", address, "François Héran", "Maybe worth considering it", credit):
        assert kinds[line] == "paragraph", line
    assert kinds["Une grève reconductible"] == "heading"


@pytest.mark.parametrize("line", ["Commenter", "réagir", "cc zuk0 https://flic.kr/p/s9X187", ">> Affaire Benalla : le scandale d’Etat qui fait chanceler",
                                  "via GIPHY", "Media playback is unsupported on your device"])
def test_buttons_arrow_links_and_embed_credits_are_furniture(line):
    article = clean_one(f"Un titre sur la crise\n{BODY}\n{line}\n{BODY}\n{BODY}")
    assert line in article.removed


def test_the_last_words_above_a_caption_and_the_headline_shown_again_are_no_headings():
    caption = "Photo : Le Capitaine Ibrahim Traoré et le général Evkourov au palais de Kosyam"
    slogan = "Sans recherche autonome, pas d’avenir"
    article = clean_one("\n".join(["Accueil", "Un titre sur la crise du Sahel", BODY, BODY,
                                   "Un titre sur la crise du Sahel", BODY, slogan, caption, "Articles liés", "Menu"]))
    kinds = {block.text: block.kind for block in article.blocks}
    assert article.title == "Un titre sur la crise du Sahel" and "Un titre sur la crise du Sahel" not in kinds
    assert kinds[slogan] == "paragraph" and kinds[caption] == "caption"
