"""The `dossier` command: a friendly front over the MkDocs plugin and the pipeline.

    dossier build [--seeds DIR] [--site DIR]     build the site (as `mkdocs build`)
    dossier serve                                live preview (as `mkdocs serve`)
    dossier eval GOLD [--seeds DIR]              score a build against a gold file
    dossier eval --bench DIR                     run the cleaning benchmark
    dossier actors                               list actors and suspected merges
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)-7s -  %(message)s")
    try:
        return args.run(args)
    except (FileNotFoundError, NotADirectoryError, ValueError) as error:
        print(f"dossier: {error}", file=sys.stderr)
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
    build.add_argument("--strict", action="store_true", help="fail on warnings, as mkdocs --strict")
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
    return main_parser


def run_build(args) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config = load_mkdocs_config(args.config_file, args.seeds, args.no_registry,
                                site_dir=str(args.site.resolve()) if args.site else None,
                                strict=args.strict)
    try:
        build(config)
    except MkDocsException as error:
        print(f"dossier: build failed: {error}", file=sys.stderr)
        return 1
    print(f"dossier: site built in {config.site_dir}")
    return 0


def run_serve(args) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True)
    return 0


def run_eval(args) -> int:
    if args.bench:
        from .bench import run_bench

        print(run_bench(args.bench))
        return 0
    if args.gold is None:
        raise ValueError("give a gold file (dossier eval GOLD) or --bench DIR")
    from .evaluate import evaluate, load_gold, report
    from .export import to_json_data
    from .pipeline import build_dossier

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
    from .actors import report_actors
    from .pipeline import build_dossier

    dossier = build_dossier(project_settings(args.config_file, args.seeds, args.no_registry))
    print(report_actors(dossier.actors, dossier.suspected_merges))
    return 0


def load_mkdocs_config(config_file: str, seeds: Path | None, no_registry: bool, **overrides):
    """mkdocs.yml with the dossier plugin pointed at another seeds folder if asked."""
    from mkdocs.config import load_config

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
