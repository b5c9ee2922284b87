"""ProperDocs (the maintained fork of MkDocs 1.x) builds the seeds' site with the dossier plugin,
as `mkdocs build` does: the way out when MkDocs 1.x and Material reach their end."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import copy_project


@pytest.mark.slow
def test_properdocs_builds_the_seeds_site(tmp_path, root):
    pytest.importorskip("properdocs")
    project = copy_project(tmp_path / "project")
    command = shutil.which("properdocs", path=os.path.dirname(sys.executable)) or "properdocs"
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
                   "DOSSIER_KEEP_MODEL_WARM": "0"}
    run = subprocess.run([command, "build", "--strict", "-f", "mkdocs.yml"], cwd=project, env=environment,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    site = project / "site"
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert (site / article["url"] / "index.html").is_file()
    assert "Mali, Russie et le groupe Wagner" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind").is_dir() and (site / "exports" / "actors.csv").is_file()
