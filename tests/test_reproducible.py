"""Two builds of the same inputs give byte-identical sites, wherever and whenever they are made, so
that a GitHub Pages diff shows only real changes."""
from __future__ import annotations

import datetime
import gzip
import json
import os
import re
from pathlib import Path

import mkdocs.utils
import pytest

from conftest import ROOT, copy_project, files_of
from dossier.cli import main
from dossier.plugin import UNDATED, pages_date

class Later(datetime.datetime):
    """MkDocs' clock, some years on."""

    @classmethod
    def now(cls, tz=None):
        return cls(2031, 7, 14, 9, 30, tzinfo=tz)


@pytest.fixture(scope="module")
def rebuilt(built_site, tmp_path_factory) -> Path:
    """The seeds built again, by `dossier build` this time: from a copy of the project in another
    folder, into a folder of another name, with the analysis cache warm, on another day."""
    project = copy_project(tmp_path_factory.mktemp("elsewhere") / "deeper" / "copy",
                           built_site.parent / ".dossier-cache")
    site = project / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mkdocs.utils, "datetime", Later)
        assert main(["-f", str(project / "mkdocs.yml"), "build", "--site", str(site)]) == 0
    return site


def test_two_builds_are_byte_identical(built_site, rebuilt):
    first, second = files_of(built_site), files_of(rebuilt)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # every kind of file was compared, the search bundle's hashed names included
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "dossier.json", "graphe/index.html",
            "pagefind/pagefind-entry.json"} <= set(first)
    assert any(re.fullmatch(r"pagefind/index/fr_\w+\.pf_index", name) for name in first)
    assert '<svg class="dossier-graph"' in first["graphe/index.html"].decode()


def test_no_absolute_path_reaches_the_site(built_site, rebuilt):
    folders = {str(ROOT), str(built_site.parent), str(rebuilt.parent)}
    for site in (built_site, rebuilt):
        for name, content in files_of(site).items():
            if content.startswith(b"\x1f\x8b"):  # gzip: the sitemap's copy, Pagefind's index
                content = gzip.decompress(content)
            assert not any(folder.encode() in content for folder in folders), name


@pytest.mark.skipif("SOURCE_DATE_EPOCH" in os.environ, reason="the site is dated by SOURCE_DATE_EPOCH")
def test_the_site_is_dated_by_its_newest_article_not_the_clock(built_site):
    data = json.loads((built_site / "dossier.json").read_text(encoding="utf-8"))
    newest = max(a["date"] for a in data["articles"] if a["date"])
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {newest}
    packed = (built_site / "sitemap.xml.gz").read_bytes()
    midnight = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.timezone.utc)
    assert int.from_bytes(packed[4:8], "little") == midnight.timestamp()    # gzip's MTIME field
    assert gzip.decompress(packed).decode() == sitemap


def test_the_pages_date_is_source_date_epoch_else_the_newest_article(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pages_date("2021-11-11") == "2021-11-11"
    assert pages_date(None) == UNDATED      # no article has a date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert pages_date("2021-11-11") is None     # MkDocs dates the pages by it
