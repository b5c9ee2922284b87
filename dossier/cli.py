"""The `dossier` command: a friendly front over the MkDocs plugin and the pipeline.

    dossier build [--seeds DIR] [--site DIR]     build the site (as `mkdocs build`, but atomic)
    dossier serve                                live preview (as `mkdocs serve`)
    dossier eval GOLD [--seeds DIR]              score a build against a gold file
    dossier eval --bench DIR                     run the cleaning benchmark
    dossier actors                               list actors and suspected merges
    dossier stop                                 end the background process keeping the model warm
    dossier new DIR --title "…"                  start a new dossier folder
    dossier add URL… | FILE… | -                 add articles to the dossier's seeds/
"""
from __future__ import annotations

import argparse
import errno
import fcntl
import json
import logging
import os
import shutil
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from . import add, new, warm
from .actors import report_actors
from .evaluate import evaluate, load_gold, report, run_bench
from .export import to_json_data
from .pipeline import build_dossier
from .plugin import summary
from .runtime import WarningsKept

CONFIG_FILE = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)-7s -  %(message)s")
    try:
        return args.run(args)
    except (FileNotFoundError, NotADirectoryError, ValueError, MkDocsException) as error:
        print(f"dossier: {str(error).removeprefix('dossier: ')}", file=sys.stderr)
        return 2


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="dossier", description=__doc__.split("\n")[0])
    main_parser.add_argument("-f", "--config-file", default=CONFIG_FILE, help="the MkDocs config (mkdocs.yml)")
    main_parser.add_argument("-v", "--verbose", action="store_true")
    commands = main_parser.add_subparsers(required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the site from a folder of articles")
    build.add_argument("--seeds", type=Path, help="folder of articles (default: the config's)")
    build.add_argument("--site", type=Path, help="output folder (default: the config's site_dir)")
    build.add_argument("--no-registry", action="store_true", help="ignore editorial/actors.yml")
    build.add_argument("--strict", action="store_true", help="fail on any warning, keeping the previous site")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary (for CI logs)")
    build.set_defaults(run=run_build)

    serve = commands.add_parser("serve", help="live preview, rebuilt when articles or templates change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(run=run_serve)

    evaluate = commands.add_parser("eval", help="score against a gold file, or run the cleaning benchmark")
    evaluate.add_argument("gold", type=Path, nargs="?", help="gold YAML (format of shared/gold/seeds.yml)")
    evaluate.add_argument("--seeds", type=Path, help="folder of articles (default: the config's)")
    evaluate.add_argument("--json", type=Path, help="score this dossier.json instead of building")
    evaluate.add_argument("--no-registry", action="store_true", help="score with an empty actor registry")
    evaluate.add_argument("--bench", type=Path, help="extraction benchmark folder to run the cleaner on")
    evaluate.set_defaults(run=run_eval)

    actors = commands.add_parser("actors", help="list actors, aliases, counts and suspected merges")
    actors.add_argument("--seeds", type=Path)
    actors.add_argument("--no-registry", action="store_true")
    actors.set_defaults(run=run_actors)

    stop = commands.add_parser("stop", help="end the background process that keeps the spaCy model loaded "
                                            "between builds (it also ends by itself when idle)")
    stop.set_defaults(run=run_stop)

    new.register(commands)      # dossier new (dossier/new.py)
    add.register(commands)      # dossier add (dossier/add.py)
    return main_parser


def run_build(args) -> int:
    """Build beside the site, then swap: a failed or killed build leaves the previous site whole."""
    started = time.perf_counter()
    with WarningsKept(logging.getLogger("mkdocs")) as warnings:  # MkDocs' and the plugin's
        config = load_mkdocs_config(args.config_file, args.seeds, args.no_registry,
                                    site_dir=str(args.site.resolve()) if args.site else None)
        plugin = config.plugins["dossier"]
        plugin.config.progress = not args.quiet
        target = Path(config.site_dir).resolve()
        try:
            with build_folder(target) as folder:
                failure = build_into(config, folder)
                if not failure and args.strict and warnings.messages:
                    failure = f"{len(warnings.messages)} warning(s) with --strict: the new build is discarded"
                print_warnings(warnings.messages)
                if not failure:
                    swap_into_place(folder, target)
        except OSError as error:  # the output folder cannot be written: no traceback, what to do
            failure = unwritable(error, target)
        if failure:
            state = "was left as it was" if target.exists() else "was not created"
            print(f"dossier: {failure}; the site in {target} {state}", file=sys.stderr)
            return 1
    if not args.quiet and plugin.output is not None:
        print(f"dossier: {summary(plugin.output)}")
    print(f"dossier: site built in {target} in {time.perf_counter() - started:.1f} s")
    if not args.quiet:
        print_warm_model(plugin.settings().cache)
    return 0


def unwritable(error: OSError, target: Path) -> str:
    """One line for an output folder that cannot be written: which one, why, and what to do."""
    where = Path(error.filename) if error.filename else target
    folder = where.parent if where.name.startswith(f".{target.name}.") else where
    while not folder.exists() and folder != folder.parent:     # the folder that could not be made in
        folder = folder.parent
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "free some space there, or build elsewhere with --site DIR"
    else:
        advice = f"make {folder} writable, or build elsewhere with --site DIR"
    return f"cannot write the site in {folder} ({error.strerror or error}): {advice}"


def print_warm_model(cache: Path | None) -> None:
    """Say so when a process is left running with the model: it holds about 550 MB."""
    state = warm.running(cache)
    if state is not None:
        print(f"dossier: the spaCy model stays loaded for the next build (pid {state['pid']}, ends after "
              f"{state['minutes']:g} idle minutes; `dossier stop` ends it now, keep_model_warm: 0 never keeps it)")


def run_serve(args) -> int:
    from mkdocs.commands.serve import serve   # imported here: the MkDocs command run, and only it

    # What `mkdocs serve` shows: its address, the changes it sees, the rebuilds
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True)
    return 0


def run_eval(args) -> int:
    if args.bench:
        print(run_bench(args.bench))
        return 0
    if args.gold is None:
        raise ValueError("give a gold file (dossier eval GOLD) or --bench DIR")
    settings = project_settings(args.config_file, args.seeds, args.no_registry)
    if args.json:
        data = json.loads(args.json.read_text(encoding="utf-8"))
    else:
        data = to_json_data(build_dossier(settings))
    registry = "without registry" if args.no_registry else "with registry"
    print(f"dossier eval: {args.gold} on {settings.seeds} ({registry})")
    print(report(evaluate(data, load_gold(args.gold), settings.seeds)))
    return 0


def run_actors(args) -> int:
    dossier = build_dossier(project_settings(args.config_file, args.seeds, args.no_registry))
    print(report_actors(dossier.actors, dossier.suspected_merges))
    return 0


def run_stop(args) -> int:
    # Only the cache folder is needed: not the plugin's on_config, which also wants the seeds folder.
    config = load_mkdocs_config(args.config_file, None, False)
    plugin = config.plugins["dossier"]
    plugin.root = Path(config.config_file_path).resolve().parent
    cache = plugin.path(plugin.config.cache) if plugin.config.cache else None
    pids = warm.stop(cache) if cache is not None else []
    if not pids:
        print("dossier: no model kept warm for this project")
    for pid in pids:   # one process per model kept warm (a dossier in two languages has two)
        print(f"dossier: the model kept warm (pid {pid}) was asked to end")
    return 0


def print_warnings(messages: list[str]) -> None:
    """The build's warnings again, together at the end (each names its file)."""
    if messages:
        print(f"dossier: {len(messages)} warning(s):", *messages, sep="\n  - ", file=sys.stderr)


def build_into(config, folder: Path) -> str:
    """Build the site into `folder`; say why it failed, if it did."""
    from mkdocs.commands.build import build   # imported here: the MkDocs command run, and only it
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(folder)
    config.plugins.on_startup(command="build", dirty=False)   # as `mkdocs build` does
    try:
        build(config)
    except MkDocsException as error:
        return f"build failed: {error}"
    except Exception as error:  # a broken template, a bug: the traceback says where
        traceback.print_exc()
        return f"build failed: {type(error).__name__}: {error}"
    finally:
        config.plugins.on_shutdown()
    return ""


@contextmanager
def build_folder(target: Path):
    """An empty folder beside `target` (same filesystem, so that it can be renamed into place) to
    build into; removed on the way out unless it was. Builds into one parent folder take turns,
    so that the leftovers of a killed build can be cleared without touching a running one's."""
    with locked(target.parent):
        clear_leftovers(target)
        folder = aside(target, "new")
        folder.mkdir()
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def locked(folder: Path):
    """Hold the kernel's lock (flock) on a folder: released when the process ends, even killed."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"dossier: waiting for another build in {folder}", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def clear_leftovers(target: Path) -> None:
    """Remove what a killed build left: its unfinished folder, and the old site it was removing.
    Killed between the swap's two renames, it left no site at all: the old one is put back."""
    old = aside(target, "old")
    if old.exists() and not target.exists():
        old.rename(target)
    for path in (aside(target, "new"), old):
        shutil.rmtree(path, ignore_errors=True)


def swap_into_place(folder: Path, target: Path) -> None:
    """Replace the site by the new build. Not one atomic step: rename(2) cannot replace a folder
    that has files, and the exchange that can (renameat2 RENAME_EXCHANGE) is Linux's only and not
    on every filesystem. So two renames: for the time of two system calls there is no site."""
    old = aside(target, "old")
    if target.exists():
        os.rename(target, old)
    os.rename(folder, target)
    shutil.rmtree(old, ignore_errors=True)


def aside(target: Path, role: str) -> Path:
    """The hidden folder beside the site, for the new build or the old site: .site.new, .site.old."""
    return target.with_name(f".{target.name}.{role}")


def load_mkdocs_config(config_file: str, seeds: Path | None, no_registry: bool, **overrides):
    """mkdocs.yml with the dossier plugin pointed at another seeds folder if asked."""
    from mkdocs.config import load_config   # imported here, as MkDocs' commands are

    if not Path(config_file).is_file():
        raise FileNotFoundError(f"{config_file} not found: run dossier from the project's root folder")
    config = load_config(config_file, **{k: v for k, v in overrides.items() if v is not None})
    plugin = config.plugins.get("dossier")
    if plugin is None:
        raise ValueError(f"{config_file} does not list the dossier plugin under plugins:")
    if seeds is not None:
        if not seeds.is_dir():
            raise NotADirectoryError(f"seeds folder {seeds} does not exist")
        plugin.config.seeds = str(seeds.resolve())
    if no_registry:
        plugin.config.use_registry = False
    return config


def project_settings(config_file: str, seeds: Path | None, no_registry: bool):
    """The pipeline settings the plugin would use, without building the site."""
    config = load_mkdocs_config(config_file, seeds, no_registry)
    plugin = config.plugins["dossier"]
    plugin.on_config(config)
    return plugin.settings()


if __name__ == "__main__":
    sys.exit(main())
