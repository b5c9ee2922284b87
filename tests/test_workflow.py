"""The GitHub Pages workflow: valid for GitHub, and doing what the README promises."""
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def test_workflow_matches_githubs_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_pushes_that_change_the_site():
    triggers = workflow()[True]          # YAML 1.1 reads the key `on` as True
    paths = triggers["push"]["paths"]
    for folder in ("seeds/**", "content/**", "site_templates/**", "dossier/**"):
        assert folder in paths
    assert "mkdocs.yml" in paths


def test_workflow_builds_with_the_readme_command_and_caches():
    build = steps("build")
    assert any(step.get("run") == "make site" for step in build)
    python = next(s for s in build if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    cache = next(s for s in build if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".dossier-cache"


def test_workflow_sets_the_site_address_and_deploys_to_pages():
    make = next(s for s in steps("build") if s.get("run") == "make site")
    assert "steps.pages.outputs.base_url" in make["env"]["SITE_URL"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site"
               for s in steps("build"))
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps("deploy"))
    assert workflow()["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
