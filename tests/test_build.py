"""The whole build: a real `mkdocs build --strict` of the seeds, with the real model."""
import json
import re


def test_site_has_every_article_and_actor_page(built_site, seeds_dir):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    ids = sorted(p.stem for p in seeds_dir.iterdir() if p.suffix in (".txt", ".html", ".md"))
    assert sorted(a["id"] for a in data["articles"]) == ids
    for item in data["articles"] + data["actors"]:
        assert (built_site / item["url"] / "index.html").is_file(), item["url"]
    assert len(data["actors"]) >= 10


def test_dossier_json_has_the_documented_shape(built_site):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    assert set(data) == {"articles", "actors", "quotes", "events"}
    article_keys = {"id", "title", "lede", "source", "date", "url", "blocks", "removed"}
    actor_keys = {"id", "name", "type", "aliases", "roles", "articles", "mentions", "url"}
    assert all(set(a) == article_keys for a in data["articles"])
    assert all(set(a) == actor_keys for a in data["actors"])
    assert all(set(q) == {"article", "speaker", "source_text", "text", "evidence"} for q in data["quotes"])
    assert all(set(e) == {"date", "article", "text", "actors", "kind", "tense"} for e in data["events"])
    for article in data["articles"]:
        assert article["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", article["date"])
        assert {b["kind"] for b in article["blocks"]} <= {"paragraph", "heading", "quote", "caption"}
    actor_ids = {a["id"] for a in data["actors"]}
    assert len(actor_ids) == len(data["actors"])
    assert all(a["type"] in {"person", "organization", "place", "event"} for a in data["actors"])
    assert all(q["speaker"] is None or q["speaker"] in actor_ids for q in data["quotes"])
    for event in data["events"]:
        assert re.fullmatch(r"\d{4}(-\d\d){0,2}", event["date"])
        assert set(event["actors"]) <= actor_ids


def test_article_page_links_its_actors_and_hides_the_boilerplate(built_site):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    franceinfo = next(a for a in data["articles"] if a["id"].startswith("002_"))
    html = (built_site / franceinfo["url"] / "index.html").read_text(encoding="utf-8")
    body = html.split("<details", 1)[0]
    assert "Nicolas Sarkozy" not in body            # boilerplate is only in the collapsed block
    assert "Nicolas Sarkozy" in html                 # ...which shows what was removed
    diop = next(a for a in data["actors"] if a["name"] == "Abdoulaye Diop")
    assert f'href="../../{diop["url"]}"' in html


def test_home_lists_articles_and_main_actors(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    for article in data["articles"]:
        assert f'href="{article["url"]}"' in html
    assert 'lang="fr"' in html


def test_each_statement_is_shown_apart_on_its_speaker_and_article_pages(built_site):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    speaker = max(data["actors"], key=lambda a: sum(q["speaker"] == a["id"] for q in data["quotes"]))
    said = [q for q in data["quotes"] if q["speaker"] == speaker["id"]]
    profile = (built_site / speaker["url"] / "index.html").read_text(encoding="utf-8")
    assert profile.count('class="admonition quote"') == len(said) > 1
    article = next(a for a in data["articles"] if a["id"] == said[0]["article"])
    page = (built_site / article["url"] / "index.html").read_text(encoding="utf-8")
    in_article = [q for q in data["quotes"] if q["article"] == article["id"]]
    assert page.count('class="admonition quote"') == len(in_article)
