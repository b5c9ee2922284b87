"""Never half a site: `dossier build` builds beside the site and swaps only a finished build in, so
a build that fails or is killed leaves the previous site whole, and the next build is a clean one."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.cli import clear_leftovers, main
from conftest import copy_project, files_of


@pytest.fixture
def project(built_site, tmp_path) -> Path:
    """A copy of the project with its analysis cache warm and its site built."""
    project = copy_project(tmp_path / "project", built_site.parent / ".dossier-cache")
    shutil.copytree(built_site, project / "site")
    return project


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site"))


def test_a_build_failing_midway_leaves_the_previous_site(project, built_site, capsys):
    # A typo in a theme override: the assets, 404 page and sitemap are written, then no page renders
    main_html = project / "site_templates" / "overrides" / "main.html"
    main_html.write_text(main_html.read_text().replace("{{ super() }}", "{{ super() }}{{ page.meta.titre.upper() }}"))
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 1
    err = capsys.readouterr().err
    assert "Error building page '" in err and "titre" in err
    assert f"the site in {project / 'site'} was left as it was" in err
    assert files_of(project / "site") == files_of(built_site)
    assert leftovers(project) == []


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_is_clean(project, built_site):
    build = subprocess.Popen([sys.executable, "-m", "dossier", "build"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(project / ".site.new" / "index.html", build)   # pages are being written
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert leftovers(project) == [".site.new"]
    assert files_of(project / "site") == files_of(built_site)
    assert main(["-f", str(project / "mkdocs.yml"), "build"]) == 0
    assert files_of(project / "site") == files_of(built_site)
    assert leftovers(project) == []


def test_a_build_killed_between_the_two_renames_of_the_swap_leaves_the_old_site_to_restore(tmp_path):
    (tmp_path / ".site.old").mkdir()                 # the old site, renamed aside
    (tmp_path / ".site.old" / "index.html").write_text("old")
    (tmp_path / ".site.new").mkdir()                 # the new one, not yet renamed in
    clear_leftovers(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "old"
    assert leftovers(tmp_path) == []


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < end, f"no {path} after {timeout} s"
        time.sleep(0.005)
