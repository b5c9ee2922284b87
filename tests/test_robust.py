"""Nothing crashes the build, nothing disappears without a word (issue 19).

Each test is a class of input a real dossier meets: a word far longer than any name, a text whose
only paragraph looks like a headline, a page nested too deep for lxml, an article of furniture only,
an output folder that cannot be written, emoji joined by zero-width joiners, a missing seeds folder.
The rule for all: no traceback, and each file that yields no text (or less than it holds) is named
in a warning and on the Sources page; `--strict` fails on them.
"""
from __future__ import annotations

import errno
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from dossier import ingest
from dossier.actors.candidates import read_entity
from dossier.actors.rules import load_rules
from dossier.clean import clean_articles
from dossier.clean.lines import normalise
from dossier.cli import main
from dossier.ingest import read_seeds
from dossier.models import Article, BlockAnalysis, Block, Entity, Token
from dossier.paths import actor_src, article_src, topic_src
from dossier.pipeline import without_text

ROOT = Path(__file__).resolve().parent.parent
# A paragraph short enough (250 characters) to be taken for a headline when it has no final stop.
SHORT = ("Le ministre des Affaires étrangères l’a répété jeudi à Bamako : la coopération avec la Russie "
         "se poursuivra, et les représentants de la société civile restent inquiets")
FRENCH = ("Le ministre des Affaires étrangères l’a répété jeudi à Bamako : la coopération avec la Russie "
          "se poursuivra. Il a salué l’œuvre commune des armées et reçu les représentants de la société "
          "civile, très inquiets après le départ des soldats français de Kidal")
BLOB = "QUJD" * 80                          # 320 characters, no space: a base64 image, a long link
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
RAINBOW = "🏳\ufe0f\u200d🌈"


def paragraphs() -> list[str]:
    """The running paragraphs of a seed article: real French, each one different."""
    text = (ROOT / "seeds" / "004_064c069a962b0c83.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if len(line.split()) > 25 and "\"" not in line]


def project(base: Path, seeds: bool = True) -> str:
    """The project's config copied into `base` (its cache goes there), with an empty seeds folder."""
    for name in ("mkdocs.yml", "content", "editorial", "site_templates"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, base / name)
    if seeds:
        (base / "seeds").mkdir()
    return str(base / "mkdocs.yml")


# ------------------------------------------------------------------- one long token


# A file system takes 255 bytes a name; MkDocs and the atomic build add a few characters.
SAFE_NAME = 100


@pytest.mark.parametrize("page_id", ["moussa-" + "qujd" * 80, "a" * 300, "l-" + "x" * 250 + "-2"])
def test_page_addresses_are_bounded_stable_and_unique(page_id):
    for src in (article_src, actor_src, topic_src):
        name = src(page_id).split("/", 1)[1]
        assert len(name.encode("utf-8")) <= SAFE_NAME
        assert src(page_id) == src(page_id)                            # the same address every build
        assert src(page_id) != src(page_id[:-1] + "z")                 # cut alike, still apart
        assert src(page_id[:50]).endswith(f"/{page_id[:50]}.md")      # a short id is its own name


def test_the_longest_file_names_give_pages_that_can_be_written(tmp_path):
    for n, name in enumerate(("a" * 251 + ".txt", "a" * 251 + ".md", "a" * 251 + ".htm")):   # 255 bytes each
        (tmp_path / name).write_text(f"<p>{FRENCH} {n}</p>", encoding="utf-8")
    raws, _ = read_seeds(tmp_path)
    for raw in raws:
        page = tmp_path / "site" / article_src(raw.id)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("x")                                           # no "File name too long"
    assert len({article_src(raw.id) for raw in raws}) == 2     # a…, a…-2 (.htm is no article format)


def entity_in(text: str, name: str) -> tuple[BlockAnalysis, Entity]:
    """A hand-built reading of `text` whose tokens are its words, `name` read as a person."""
    tokens, at = [], 0
    for i, word in enumerate(text.split(" ")):
        tokens.append(Token(i, word, at, word.lower(), "PROPN" if word[:1].isupper() else "NOUN", "nmod", 0))
        at += len(word) + 1
    start = text.index(name)
    first = next(t.i for t in tokens if t.idx == start)
    last = next(t.i for t in tokens if t.idx + len(t.text) == start + len(name)) + 1
    return BlockAnalysis(tokens, [(0, len(tokens))], []), Entity(name, "PER", start, start + len(name), first, last)


@pytest.mark.parametrize("name", [f"Moussa {BLOB}", BLOB, "Z" * 61])
def test_a_word_longer_than_any_name_is_no_actor(name):
    text = f"Selon {name} hier"
    reading, entity = entity_in(text, name)
    assert read_entity("a", 0, text, reading, entity, load_rules()) is None


def test_the_longest_real_names_are_still_actors():
    name = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"   # 58 letters, a Welsh village
    text = f"Selon {name} hier"
    reading, entity = entity_in(text, name)
    assert read_entity("a", 0, text, reading, entity, load_rules()) is not None


# ------------------------------------------------------------------- text taken for a title


@pytest.mark.parametrize("body", [
    SHORT,                                                   # one paragraph, no final stop
    f"{SHORT}\n\nUne deuxième phrase, elle aussi sans point",
    "Une ligne courte comme un titre\n\n" + FRENCH + ".",   # a headline of its own under the metadata's
])
def test_a_first_line_is_not_lost_under_a_front_matter_title(tmp_path, body):
    (tmp_path / "a.md").write_text(f"---\ntitle: Le titre donné\n---\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{body}\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("title: Le titre donné\n", encoding="utf-8")
    for article in clean_articles(read_seeds(tmp_path)[0], None):
        assert article.title == "Le titre donné"
        shown = " ".join([article.lede or "", *(block.text for block in article.blocks), *article.removed])
        for line in body.split("\n\n"):
            assert line in shown, (article.path, line)


def test_a_text_of_one_line_read_as_a_title_keeps_it_as_its_text(tmp_path):
    (tmp_path / "a.txt").write_text(f"{SHORT}\n", encoding="utf-8")
    (article,) = clean_articles(read_seeds(tmp_path)[0], None)
    assert [block.text for block in article.blocks] == [SHORT]


def test_a_first_line_that_is_the_title_again_is_not_repeated(tmp_path):
    (tmp_path / "a.md").write_text(f"---\ntitle: Le titre donné\n---\n# Le titre donné\n\n{FRENCH}.\n")
    (article,) = clean_articles(read_seeds(tmp_path)[0], None)
    assert [block.text for block in article.blocks] == [FRENCH + "."]


# ------------------------------------------------------------------- deeply nested pages


@pytest.mark.parametrize("depth", [300, 3000])
def test_a_deeply_nested_page_is_read(tmp_path, depth):
    body = "<div class='x'>" * depth + f"<p>{FRENCH}.</p><p>Seconde phrase du texte, {FRENCH}.</p>" + "</div>" * depth
    (tmp_path / "deep.html").write_text(f"<html><head><title>Profond</title></head><body>{body}"
                                        "<p>Et un paragraphe après toutes ces boîtes, qui clôt l’article.</p>"
                                        "</body></html>", encoding="utf-8")
    (article,) = clean_articles(read_seeds(tmp_path)[0], None)
    text = " ".join(block.text for block in article.blocks)
    assert FRENCH in text and "Seconde phrase" in text and "clôt l’article" in text


def test_a_page_nested_as_pages_are_is_read_as_it_is():
    page = "<html><body>" + "<div>" * 50 + "<p>Texte</p>" + "</div>" * 50 + "</body></html>"
    assert ingest.flatten(page) is page


# ------------------------------------------------------------------- articles without text


def test_an_article_of_furniture_only_is_named_and_one_without_anything_is_skipped():
    furniture = Article("menu", "", [], removed=["Accueil", "Politique", "Abonnez-vous"], path="menu.txt")
    nothing = Article("scripts", "", [], path="scripts.html")
    fine = Article("ok", "Titre", [Block("paragraph", FRENCH)], path="ok.txt")
    kept, problems = without_text([furniture, nothing, fine])
    assert kept == [furniture, fine] and furniture.title == "menu.txt"
    assert [(p.path, p.message) for p in problems] == [
        ("menu.txt", "no article text left once web furniture was taken out (all 3 lines: menus, links, "
                     "notices…); built as a page that lists them"),
        ("scripts.html", "no article text found in it (a saved page of scripts or markup only?); skipped"),
    ]


# ------------------------------------------------------------------- invisible characters


@pytest.mark.parametrize("text, expected", [
    (f"une famille {FAMILY} ici", f"une famille {FAMILY} ici"),          # one emoji, four code points joined
    (f"le drapeau {RAINBOW}", f"le drapeau {RAINBOW}"),                 # a variation selector before the joiner
    ("👨🏽\u200d⚕\ufe0f", "👨🏽\u200d⚕\ufe0f"),                                  # a skin tone, then a joiner
    ("mot\u200dà\u200cmot\u200b!", "motàmot!"),                          # between letters: nothing to join
    ("\u200d👨 👩\u200d", "👨 👩"),                                        # a joiner at an emoji's edge
    ("texte\ufe0f", "texte\ufe0f"),                                      # variation selectors stay
])
def test_zero_width_joiners_stay_inside_emoji_only(text, expected):
    assert normalise(text) == expected


# ------------------------------------------------------------------- the command line


def test_a_read_only_output_folder_is_one_line_and_the_site_stays(tmp_path, monkeypatch, capsys):
    config = project(tmp_path)
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("ancien site")
    real_mkdir = Path.mkdir

    def read_only(path, *args, **kwargs):                  # as root, chmod 555 would not stop a write
        if path.parent == site.parent and path.name.startswith(".site"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    assert main(["-f", config, "build", "-q", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert err == (f"dossier: cannot write the site in {site.parent} (Read-only file system): make {site.parent} "
                   f"writable, or build elsewhere with --site DIR; the site in {site} was left as it was\n")
    assert (site / "index.html").read_text() == "ancien site"


def test_stop_and_actors_without_a_seeds_folder(tmp_path, capsys):
    config = project(tmp_path, seeds=False)
    assert main(["-f", config, "stop"]) == 0
    assert capsys.readouterr().out == "dossier: no model kept warm for this project\n"
    assert main(["-f", config, "actors"]) == 2
    assert capsys.readouterr().err == f"dossier: the seeds folder {tmp_path.resolve()}/seeds does not exist\n"


# ------------------------------------------------------------------- one real build of them all


@pytest.fixture(scope="module")
def robust_build(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("robust")
    config = project(base)
    seeds = base / "seeds"
    shutil.copy(ROOT / "seeds" / "001_b068f2c88b69a764.txt", seeds)
    one, deep, blob, long = paragraphs()[:4]               # four texts: no two are copies
    (seeds / "blob.txt").write_text(f"Un article sur Bamako\n\n{blob} Le code {BLOB} a été publié par "
                                    f"Moussa {BLOB} hier. Il parle de {'b' * 300}.\n", encoding="utf-8")
    (seeds / ("n" * 240 + ".txt")).write_text(f"Un autre article\n\n{long} {FAMILY}\n")
    (seeds / "one.md").write_text(f"---\ntitle: Un titre\n---\n{one.rstrip('.')}\n", encoding="utf-8")
    nested = "<div>" * 400 + f"<p>{deep}</p>" + "</div>" * 400
    (seeds / "deep.html").write_text(f"<html><head><title>Profond</title></head><body>{nested}</body></html>")
    (seeds / "menu.txt").write_text("Accueil\nPolitique\nAbonnez-vous\nPartager sur Facebook\n")
    (seeds / "scripts.html").write_text("<html><body><script>var a = 1;</script></body></html>")
    site = base / "site"
    code = main(["-f", config, "build", "-q", "--seeds", str(seeds), "--site", str(site)])
    strict = main(["-f", config, "build", "-q", "--strict", "--seeds", str(seeds), "--site", str(base / "s2")])
    return dict(code=code, strict=strict, site=site, texts={"one": one.rstrip("."), "deep": deep, "blob": blob})


@pytest.mark.slow
def test_the_build_of_hostile_shapes_succeeds_and_keeps_their_text(robust_build, capsys):
    assert robust_build["code"] == 0
    data = json.loads((robust_build["site"] / "dossier.json").read_text(encoding="utf-8"))
    assert not any("qujd" in actor["id"] or "bbbb" in actor["id"] for actor in data["actors"])
    by_path = {article["id"]: article for article in data["articles"]}
    for article_id, text in robust_build["texts"].items():
        assert text in json.dumps(by_path[article_id], ensure_ascii=False), article_id
    assert FAMILY in json.dumps(by_path["n" * 240], ensure_ascii=False)
    for article in data["articles"]:
        assert (robust_build["site"] / article["url"] / "index.html").is_file()


@pytest.mark.slow
def test_files_without_text_are_on_the_sources_page_and_strict_fails(robust_build):
    sources = html.unescape((robust_build["site"] / "sources" / "index.html").read_text(encoding="utf-8"))
    sources = re.sub(r"<[^>]+>", "", sources)
    assert "menu.txt" in sources and "no article text left" in sources
    assert "scripts.html" in sources and "no article text found" in sources
    assert robust_build["strict"] == 1


@pytest.mark.parametrize("sidecar, message", [
    (b"\xc7\x00binary", "its metadata file a.yml is not UTF-8 text; skipped"),
    (b"date: 2021-13-45\n", "its metadata file a.yml: metadata holds a date that is no day (month must be in "
                             "1..12); skipped"),
])
def test_a_bad_metadata_file_is_named_in_one_sentence(tmp_path, sidecar, message):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.yml").write_bytes(sidecar)
    raws, problems = read_seeds(tmp_path)
    assert [(p.path, p.message) for p in problems if p.path == "a.txt"] == [("a.txt", message)]
