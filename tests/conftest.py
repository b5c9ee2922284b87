"""Shared fixtures: the spaCy model and the seeds' build are made once per test session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# No build of the tests leaves a model loaded in the background (dossier/warm.py); test_warm.py
# starts its own, and ends it
os.environ["DOSSIER_KEEP_MODEL_WARM"] = "0"
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")    # Debian's (apt-get install chromium; .ci/run does it)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def gold() -> dict:
    path = SHARED / "gold" / "seeds.yml"
    if not path.is_file():
        pytest.skip("shared/gold/seeds.yml is not beside the project")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from dossier.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_dossier(nlp, tmp_path_factory):
    """The seeds run through the whole pipeline with the shipped editorial data."""
    from dossier.pipeline import Settings, build_dossier

    cache = tmp_path_factory.mktemp("cache")
    return build_dossier(Settings(ROOT / "seeds", ROOT / "editorial", cache))


@pytest.fixture(scope="session")
def built_site(nlp, tmp_path_factory) -> Path:
    """A real `mkdocs build --strict` of a copy of the project (seeds included) into a temp folder."""
    return build_project_copy(tmp_path_factory.mktemp("project"))


PROJECT_SOURCES = ("mkdocs.yml", "content", "seeds", "editorial", "site_templates")


def copy_project(project: Path, cache: Path | None = None) -> Path:
    """The project's site sources copied into `project` (with a copy of a warm cache, if given)."""
    project.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file():
            shutil.copy(source, project / name)
    if cache is not None:
        shutil.copytree(cache, project / ".dossier-cache")
    return project


def build_project_copy(project: Path, **config) -> Path:
    """Copy the project's site sources into `project`, build them strictly, return the site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    copy_project(project)
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site"), **config))
    return project / "site"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, once per test module (the browser tests: a reader's view of the site)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes and every failed response."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.requests, tab.failures = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("response", lambda response: response.status >= 400 and tab.failures.append(response.url))
    yield tab
    context.close()
