"""Kept pages: a generated page whose Markdown is unchanged is not converted again, and the site
comes out byte for byte as if every page had been."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

from conftest import copy_project, files_of
from dossier.kept import KIND, KeptPages, other_page_plugins


def build_logged(project: Path, caplog) -> tuple[dict[str, bytes], str]:
    """Build the project strictly; return its site's files and what the plugin said of kept pages."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.dossier"):
        build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site")))
    said = [r.getMessage() for r in caplog.records if "generated pages as converted" in r.getMessage()]
    return files_of(project / "site"), said[-1]


def test_kept_pages_give_the_site_that_converting_every_page_gives(built_site, tmp_path, caplog):
    project = copy_project(tmp_path / "project", cache=built_site.parent / ".dossier-cache")
    shutil.rmtree(project / ".dossier-cache" / KIND, ignore_errors=True)     # the analyses only
    later = sorted((project / "seeds").glob("*.txt"))[-1]
    held = later.rename(tmp_path / later.name)
    _, said = build_logged(project, caplog)                       # four articles: every page converted
    assert said.startswith("dossier: 0 of ")
    entries = sorted((project / ".dossier-cache" / KIND).glob("*/*.json"))
    assert entries
    held.rename(later)                                            # the fifth article arrives
    entries[0].write_text("{not json", encoding="utf-8")          # and one entry is damaged
    kept_site, said = build_logged(project, caplog)
    kept, total = (int(word) for word in said.split()[1:4:2])
    assert 0 < kept < total
    shutil.rmtree(project / ".dossier-cache" / KIND)
    converted_site, said = build_logged(project, caplog)
    assert said.startswith("dossier: 0 of ")
    assert kept_site.keys() == converted_site.keys()
    assert [name for name in kept_site if kept_site[name] != converted_site[name]] == []
    all_kept_site, said = build_logged(project, caplog)           # nothing changed: all kept
    assert said == f"dossier: {total} of {total} generated pages as converted in the last build"
    assert [name for name in all_kept_site if all_kept_site[name] != converted_site.get(name)] == []
    # Only the latest build's entries are kept: one per generated page
    assert len(list((project / ".dossier-cache" / KIND).glob("*/*.json"))) == total


class PageChanger(BasePlugin):
    def on_page_markdown(self, markdown, **kwargs):
        return markdown + "\n\nBuilt at some hour"


def test_another_plugin_that_changes_pages_turns_keeping_off(tmp_path):
    project = copy_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    dossier = config.plugins["dossier"]
    assert other_page_plugins(config, dossier) == []
    config.plugins["changer"] = PageChanger()
    assert other_page_plugins(config, dossier) == ["changer"]
    kept = KeptPages(tmp_path / "cache", config, None, [], owner=dossier)
    assert kept.pages == []


def test_settings_are_told_by_value_and_functions_by_name():
    from dossier.kept import described, nav_titles

    assert described({"b": [1, len], "a": "x"}) == described({"a": "x", "b": [1, len]})
    assert "builtins.len" in described([len]) and "0x" not in described([len, PageChanger().on_page_markdown])
    assert nav_titles([{"Accueil": "index.md"}, "a.md", {"Partie": [{"B": "/b.md"}, "c.md"]}]) == {
        "index.md": "Accueil", "a.md": None, "b.md": "B", "c.md": None}


@pytest.mark.parametrize("broken", [
    "[Ailleurs](nulle-part.md)",                 # found by the conversion: the page is not kept
    "[Chronologie](../chronologie.md#nulle-part)",  # found after it, among the kept page's links
])
def test_a_strict_build_that_failed_on_a_link_fails_again_with_kept_pages(built_site, tmp_path, broken):
    project = copy_project(tmp_path / "project", cache=built_site.parent / ".dossier-cache")
    template = project / "site_templates" / "pages" / "actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + f"\n{broken}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(Abort):
            build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site")))
