"""`dossier new DIR --title "…"`: a new dossier folder that builds as it is.

The scaffold is package data, `dossier/data/new/`: files ending in `.jinja` are Jinja templates
given the title and description (the `.jinja` is dropped); the others, the `.j2` of
`site_templates/` among them, are copied. Its
`site_templates/`, `content/assets/` and `requirements.txt` are links to the repository's own, so
that a new dossier starts from the templates, styles and pins this version of dossier builds with.
Names that a package cannot hold (hidden files) are renamed on the way: see RENAMED.
"""
from __future__ import annotations

import html
import json
import shutil
from importlib import resources
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import jinja2


SCAFFOLD = "data/new"
TEMPLATE = ".jinja"              # a scaffold file to render (the site_templates/ .j2 are copied as they are)
# Package data holds no hidden file (setuptools' globs skip them): these are renamed when copied
RENAMED = {"github": ".github", "gitignore": ".gitignore"}
EMPTY_FOLDERS = ("seeds",)
KEEP = ".gitkeep"                 # so that git keeps the empty seeds/ (ingest skips hidden files)
REQUIREMENTS = "requirements.txt"
# What the new dossier's requirements.txt says when the installed dossier came from no address
# GitHub can reach (an editable clone, a wheel): the user fills it in
UNKNOWN_SOURCE = ("# dossier itself: replace by where you install it from, for the GitHub Pages workflow, e.g.\n"
                  "# dossier @ git+https://github.com/OWNER/dossier@main\n")


def create(folder: Path, title: str, description: str = "", source: str | None = None) -> list[Path]:
    """Write a new dossier into `folder` (absent or empty); return the files written.
    RAISES ValueError when `folder` holds anything, or the title is empty."""
    title, description = " ".join(title.split()), " ".join((description or "").split())
    if not title:
        raise ValueError("give the dossier a title: dossier new DIR --title \"…\"")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(f"{folder} is not empty: give a new or empty folder for the new dossier")
    folder.mkdir(parents=True, exist_ok=True)
    context = {"title": title, "description": description}
    copy_tree(resources.files("dossier").joinpath(SCAFFOLD), folder, templates(), context)
    for name in EMPTY_FOLDERS:
        (folder / name).mkdir(exist_ok=True)
        (folder / name / KEEP).touch()
    requirements = folder / REQUIREMENTS
    requirements.write_text(requirements.read_text(encoding="utf-8") + "\n" + dossier_requirement(source),
                            encoding="utf-8")
    return sorted(p for p in folder.rglob("*") if p.is_file())


def register(commands) -> None:
    """The `new` subcommand, on the `dossier` command's parser."""
    new = commands.add_parser("new", help="start a new dossier folder that builds as it is")
    new.add_argument("folder", type=Path, help="the new folder (absent or empty)")
    new.add_argument("--title", required=True, help="the dossier's title (the site's name)")
    new.add_argument("--description", default="", help="one sentence on the subject")
    new.add_argument("--dossier-source", help="the requirements line installing dossier in CI "
                                              "(default: where this dossier was installed from)")
    new.set_defaults(run=run)


def run(args) -> int:
    create(args.folder, args.title, args.description, args.dossier_source)
    print(next_steps(args.folder))
    return 0


def templates() -> jinja2.Environment:
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                     autoescape=False)
    environment.filters["yaml"] = json.dumps       # a JSON string is a YAML string
    # the user's own words, in a file they will edit: kept readable, only HTML's characters escaped
    environment.filters["md"] = lambda text: html.escape(text, quote=False)
    return environment


def copy_tree(source, target: Path, environment: jinja2.Environment, context: dict) -> Path:
    """Copy the scaffold folder `source` (a package resource) into `target`, rendering templates."""
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda entry: entry.name):
        name = RENAMED.get(item.name, item.name)
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            copy_tree(item, target / name, environment, context)
        elif name.endswith(TEMPLATE):
            text = environment.from_string(item.read_text(encoding="utf-8")).render(context)
            (target / name.removesuffix(TEMPLATE)).write_text(text, encoding="utf-8")
        else:
            with resources.as_file(item) as path:
                shutil.copyfile(path, target / name)
    return target


def dossier_requirement(source: str | None) -> str:
    """The requirements line that installs dossier itself: `source` if given, else where the
    installed dossier came from when it is an address (a git URL), else a line to fill in."""
    if source:
        return f"{source}\n"
    try:
        origin = json.loads(distribution("dossier").read_text("direct_url.json") or "null")
    except (PackageNotFoundError, ValueError):
        origin = None
    vcs = (origin or {}).get("vcs_info")
    if vcs and not origin["url"].startswith("file:"):
        return f"dossier @ {vcs['vcs']}+{origin['url']}@{vcs['commit_id']}\n"
    return UNKNOWN_SOURCE


def next_steps(folder: Path) -> str:
    """What `dossier new` prints: where the dossier is and what to do next."""
    lines = [f"dossier: new dossier in {folder}", f"  cd {folder}",
             "  dossier add URL…      (or FILE…, or - for pasted text)", "  dossier build"]
    if (folder / REQUIREMENTS).read_text(encoding="utf-8").endswith(UNKNOWN_SOURCE):
        lines.append(f"  to publish with GitHub Pages: say in {REQUIREMENTS} where dossier is installed from")
    return "\n".join(lines)
