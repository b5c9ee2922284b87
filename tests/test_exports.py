"""The exports (CSV, GEXF, FollowTheMoney), the Atom feed and the Nouveautés page, on a dossier
made by hand (no model): each read back by the tools' own readers."""
import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from dossier import exports, feed, news
from dossier.models import Actor, Article, Block, Dossier, Event, Mention, Quote, Role
from dossier.render import Renderer

ATOM = "{http://www.w3.org/2005/Atom}"


def mention(actor_article, block, sentence, text):
    return Mention(actor_article, block, 0, len(text), text, sentence)


@pytest.fixture
def dossier():
    first = Article("a1", "La grève, « reconduite »", [Block("paragraph", "=SUM(A1) La CGT et Laurent Berger à Paris.")],
                    lede="La CGT appelle à la grève.", source="Le Journal", date="2023-03-07", url="https://ex.org/1")
    second = Article("a2", "Manifestation à Paris", [Block("paragraph", "Laurent Berger défile à Paris.")],
                     date="2023-03-09")
    actors = [
        Actor("laurent-berger", "Laurent Berger", "person", ["Berger"], [Role("secrétaire général de la CFDT", "a1")],
              "Syndicaliste.", [mention("a1", 0, "s1", "Laurent Berger"), mention("a2", 0, "s2", "Berger")]),
        Actor("cgt", "CGT", "organization", [], [], None, [mention("a1", 0, "s1", "CGT")]),
        Actor("paris", "Paris", "place", [], [], None, [mention("a1", 0, "s1", "Paris"), mention("a2", 0, "s2", "Paris")]),
    ]
    quotes = [Quote("a1", 0, "Nous irons jusqu’au bout, \"vraiment\"", "laurent-berger", context="Il a dit…")]
    events = [Event("2023-03-07", "a1", "Grève le 7 mars.", ["cgt", "paris"], "le 7 mars")]
    return Dossier([first, second], actors, quotes, events)


def rows(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_csv_files_read_back(dossier, tmp_path):
    exports.write_exports(tmp_path, dossier)
    assert not (tmp_path / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbf")   # no byte-order mark
    actors = rows(tmp_path / "actors.csv")
    assert [a["name"] for a in actors] == ["Laurent Berger", "CGT", "Paris"]
    assert actors[0]["roles"] == "secrétaire général de la CFDT" and actors[0]["mentions"] == "2"
    assert rows(tmp_path / "aliases.csv") == [{"actor_id": "laurent-berger", "actor_name": "Laurent Berger",
                                               "alias": "Berger"}]
    (quote,) = rows(tmp_path / "quotes.csv")
    assert quote["quote"] == "Nous irons jusqu’au bout, \"vraiment\"" and quote["speaker_name"] == "Laurent Berger"
    assert quote["article_title"] == "La grève, « reconduite »"
    (event,) = rows(tmp_path / "events.csv")
    assert event["actors"] == "cgt | paris" and event["date"] == "2023-03-07"


def test_csv_files_read_with_pandas(dossier, tmp_path):
    pandas = pytest.importorskip("pandas")      # requirements-dev.txt installs it
    exports.write_exports(tmp_path, dossier)
    assert list(pandas.read_csv(tmp_path / "actors.csv")["name"]) == ["Laurent Berger", "CGT", "Paris"]
    assert pandas.read_csv(tmp_path / "quotes.csv")["quote"][0] == "Nous irons jusqu’au bout, \"vraiment\""
    for name in ("actors.csv", "aliases.csv", "quotes.csv", "events.csv"):   # each as the csv module reads it
        frame = pandas.read_csv(tmp_path / name, dtype=str, keep_default_na=False)
        assert frame.to_dict("records") == rows(tmp_path / name), name


def test_gexf_reads_back_in_networkx(dossier, tmp_path):
    networkx = pytest.importorskip("networkx")
    exports.write_exports(tmp_path, dossier)
    graph = networkx.read_gexf(tmp_path / "graph.gexf")
    assert set(graph.nodes) == {"laurent-berger", "cgt", "paris"}
    assert graph.nodes["laurent-berger"]["label"] == "Laurent Berger"
    assert graph.nodes["paris"]["type"] == "place" and graph.nodes["paris"]["mentions"] == 2
    assert graph["laurent-berger"]["paris"]["weight"] == 2 and graph["cgt"]["paris"]["weight"] == 1
    assert not graph.is_directed()


def test_followthemoney_entities_are_valid(dossier, tmp_path):
    ftm = pytest.importorskip("followthemoney")
    exports.write_exports(tmp_path, dossier)
    lines = (tmp_path / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = ftm.model.get_proxy(data, cleaned=False)     # cleans every value by its property's type
        kept = proxy.to_dict()["properties"]
        assert {k: sorted(v) for k, v in kept.items()} == {k: sorted(v) for k, v in data["properties"].items()}, data
        for prop in proxy.schema.properties.values():          # every reference to an entity of the file,
            if prop.type == ftm.registry.entity:                 # of the schema the property admits
                for target in proxy.get(prop):
                    assert target in ids
                    schema = next(e["schema"] for e in entities if e["id"] == target)
                    assert ftm.model.get(schema).is_a(prop.range), (data["schema"], prop.name, schema)
    schemas = [e["schema"] for e in entities]
    assert schemas.count("Article") == 2 and {"Person", "Organization", "Address", "Mention", "Event"} <= set(schemas)
    assert schemas.count("Mention") + schemas.count("UnknownLink") == 5      # actor × article


def test_same_dossier_same_exports(dossier, tmp_path):
    exports.write_exports(tmp_path / "one", dossier)
    exports.write_exports(tmp_path / "two", dossier)
    assert all((tmp_path / "one" / p.name).read_bytes() == p.read_bytes() for p in (tmp_path / "two").iterdir())


def test_the_feed_is_atom(dossier, tmp_path):
    articles = [{"id": a.id, "title": a.title, "lede": a.lede, "source": a.source, "date": a.date,
                 "url": f"articles/{a.id}/"} for a in dossier.articles]
    (tmp_path / "dossier.json").write_text(json.dumps({"articles": articles}), encoding="utf-8")
    path = feed.write_feed(tmp_path / "dossier.json", tmp_path, "Retraites", "https://ex.org/d/", "La réforme")
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert root.find(ATOM + tag) is not None, tag
    assert root.find(f"{ATOM}updated").text == "2023-03-09T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Manifestation à Paris", "La grève, « reconduite »"]
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("https://ex.org/d/articles/")
        assert entry.find(f"{ATOM}link").get("rel") == "alternate" and entry.find(f"{ATOM}updated") is not None
    assert entries[1].find(f"{ATOM}summary").text == "La CGT appelle à la grève."


def test_news_lists_what_the_build_added_newest_first(dossier, root, tmp_path):
    previous = news.ids_of(Dossier(dossier.articles[:1], dossier.actors[1:], dossier.quotes, []))
    new = news.added(dossier, previous)
    assert [a.id for a in new["articles"]] == ["a2"]
    assert [a.id for a in new["actors"]] == ["laurent-berger"]
    assert new["quotes"] == [] and [e.date for e in new["events"]] == ["2023-03-07"]
    # the page, with the previous build's ids kept in the cache
    entry = tmp_path / "cache" / news.SITE_ENTRIES / "key"
    entry.mkdir(parents=True)
    (entry / news.IDS_FILE).write_text(json.dumps(previous), encoding="utf-8")
    renderer = Renderer(root / "site_templates", dossier)
    pages = news.write_news(tmp_path, dossier, renderer, True, tmp_path / "cache")
    page = pages["nouveautes.md"]
    assert "Manifestation à Paris" in page and "La grève" not in page and "Première construction" not in page
    assert "[Laurent Berger](acteurs/laurent-berger.md)" in page
    assert 'href="../exports/graph.gexf"' in page and 'href="../feed.xml"' in page
    assert json.loads((tmp_path / news.IDS_FILE).read_text(encoding="utf-8")) == news.ids_of(dossier)
    first = news.write_news(tmp_path, dossier, renderer, True, None)["nouveautes.md"]
    assert "Première construction" in first and "La grève" in first


def test_a_quote_that_reads_as_a_formula_stays_text_in_a_spreadsheet(dossier, tmp_path):
    dossier.quotes.append(Quote("a1", 0, '=HYPERLINK("http://evil.example","clic")', None))
    dossier.quotes.append(Quote("a1", 0, "-10 % sur un an", None))
    exports.write_exports(tmp_path, dossier)
    texts = [q["quote"] for q in rows(tmp_path / "quotes.csv")]
    assert texts[1:] == ['\'=HYPERLINK("http://evil.example","clic")', "'-10 % sur un an"]
    assert texts[0].startswith("Nous irons")     # an ordinary text is written as it is


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
def test_csv_files_open_in_libreoffice(dossier, tmp_path):
    """LibreOffice Calc, headless, opens each CSV as UTF-8 and saves it again: the same cells come
    back, and a text written like a formula stays text (it would come back as 2 if it ran)."""
    dossier.quotes[0].context = "=1+1"
    exports.write_exports(tmp_path / "exports", dossier)
    names = ["actors.csv", "aliases.csv", "quotes.csv", "events.csv"]
    # CSV options: comma, double quote, UTF-8 (76), from line 1; a profile of its own, not the user's
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", str(tmp_path / "calc"), *(str(tmp_path / "exports" / name) for name in names)],
                   check=True, capture_output=True, timeout=180)
    for name in names:
        assert rows(tmp_path / "calc" / name) == rows(tmp_path / "exports" / name), name
    assert rows(tmp_path / "calc" / "quotes.csv")[0]["context"] == "'=1+1"
