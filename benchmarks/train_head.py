"""Learn the weights of the headline signals (dossier/clean/head.py) from annotated pages.

usage: python benchmarks/train_head.py [GOLD.yml:TEXTS_DIR ...] [--structure BENCH_DIR] [--write]

Each annotated page gives its headline candidates (the lines clean/head.py would score) and which of
them is the gold headline. The model is a conditional logit (a softmax over each page's candidates,
the choice clean/head.py makes), fitted by plain gradient descent from zero weights with an L2
penalty: deterministic, no dependency beyond numpy (which spaCy brings). With --write the weights
go to dossier/data/head.yml, readable, with the figures measured.

By default the pages are the repository's: seeds.yml with seeds/, tests/eval/web-dev and
tests/eval/outlets-dev. Pages held out for measurement (tests/eval/*-test, the six French bench
pages kept aside) must never be given.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.clean import load_rules, read_document  # noqa: E402
from dossier.clean.furniture import mark_dated_lists, mark_furniture  # noqa: E402
from dossier.clean.head import FEATURES, NONE, WEIGHTS, candidates, context, features  # noqa: E402
from dossier.clean.lines import repeated_lines  # noqa: E402
from dossier.clean.metadata import detect_outlets, read_metadata  # noqa: E402
from dossier.clean.span import extend_tail, main_span  # noqa: E402
from dossier.evaluate.gold import fold  # noqa: E402
from dossier.ingest import read_article  # noqa: E402

DEFAULT_SETS = [f"{ROOT}/tests/eval/web-dev.yml:{ROOT}/tests/eval/web-dev",
                f"{ROOT}/tests/eval/outlets-dev.yml:{ROOT}/tests/eval/outlets-dev"]
# Bench pages kept aside for measurement (tests/eval/web-test and the six French pages).
HELD_OUT = ("aoc.media", "arteradio", "dw.com", "franceculture", "laviedesidees", "madame.lefigaro", "psl.eu",
            "sauvonsluniversite", "lemonde-1", "liberation-1", "lopinion", "tdg.ch", "radio.cz", "sports.fr")
L2 = 0.01
STEPS = 3000
RATE = 0.5


def pages_of_set(gold_file: Path, texts: Path) -> list[tuple[Path, str | None]]:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["articles"]
    return [(texts / f"{aid}.txt", spec.get("title")) for aid, spec in gold.items()
            if (texts / f"{aid}.txt").is_file()]


def pages_of_bench(bench: Path) -> list[tuple[Path, str | None]]:
    data = json.loads((bench / "structure.json").read_text(encoding="utf-8"))
    return [(bench / f"{name}.txt", page.get("title")) for name, page in data.items()
            if not name.startswith("_") and not any(h in name for h in HELD_OUT)]


def examples(group: list[tuple[Path, str | None]], rules) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page: the candidates' feature rows and which are the gold headline (pages whose
    headline is not among the candidates teach nothing to a ranking, and are left out)."""
    raws = [read_article(path) for path, _ in group]
    documents = [read_document(raw)[0] for raw in raws]
    repeated = repeated_lines(documents, rules.settings)
    found = []
    for (path, title), lines in zip(group, documents):
        outlets = detect_outlets(lines, {}, rules)
        read_metadata(lines, rules, outlets)
        mark_furniture(lines, [rules.generic, *outlets], rules, repeated)
        mark_dated_lists(lines, rules)
        start, end = main_span(lines, rules)
        end = extend_tail(lines, end, rules)
        ctx = context(lines, start, end, rules)
        rows = candidates(lines, start, rules)
        # the last row is the choice of no headline: right where the gold has none
        labels = np.array([bool(title) and fold(lines[i].text) == fold(title) for i in rows] + [not title],
                          dtype=float)
        if not labels.any():
            print(f"  not among the candidates: {path.name}: {title[:60]!r}")
            continue
        matrix = np.array([[features(lines, i, ctx, rules)[name] for name in FEATURES] for i in rows]
                          + [[NONE[name] for name in FEATURES]])
        found.append((matrix, labels / labels.sum()))
    return found


def fit(data: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    weights = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        gradient = L2 * weights
        for matrix, target in data:
            scores = matrix @ weights
            p = np.exp(scores - scores.max())
            p /= p.sum()
            gradient -= matrix.T @ (target - p) / len(data)
        weights -= RATE * gradient
    return weights


def accuracy(data, weights) -> float:
    return sum(target[np.argmax(matrix @ weights)] > 0 for matrix, target in data) / len(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    parser.add_argument("--seeds", default=f"{ROOT}/seeds", help="the seeds' texts (gold: --seeds-gold)")
    parser.add_argument("--seeds-gold")
    parser.add_argument("--structure", help="a bench folder with structure.json")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rules = load_rules()
    groups = []
    if args.seeds_gold:
        groups.append(pages_of_set(Path(args.seeds_gold), Path(args.seeds)))
    for spec in args.sets:
        gold, texts = spec.split(":")
        groups.append(pages_of_set(Path(gold), Path(texts)))
    if args.structure:
        groups.append(pages_of_bench(Path(args.structure)))
    data = [row for group in groups for row in examples(group, rules)]
    weights = fit(data)
    print(f"{len(data)} pages; headline right among candidates: {accuracy(data, weights):.1%}")
    for name, value in zip(FEATURES, weights):
        print(f"  {name:<12} {value:+.3f}")
    if args.write:
        text = ("# Weights of the headline signals (dossier/clean/head.py), learned by benchmarks/train_head.py\n"
                f"# from {len(data)} annotated pages; on them, the best candidate is the headline on "
                f"{accuracy(data, weights):.1%}.\n# Retrain after changing a signal; never edit by hand.\n")
        body = {"weights": {name: round(float(value), 4) for name, value in zip(FEATURES, weights)}}
        WEIGHTS.write_text(text + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    main()
