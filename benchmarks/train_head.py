"""Learn the weights of the headline signals (dossier/clean/head.py) from annotated pages.

usage: python benchmarks/train_head.py [GOLD.yml:TEXTS_DIR ...] [--structure BENCH_DIR] [--lede] [--write]

Each annotated page gives its headline candidates (the lines clean/head.py would score) and which of
them is the gold headline. The model is a conditional logit (a softmax over each page's candidates,
the choice clean/head.py makes), fitted by plain gradient descent from zero weights with an L2
penalty: deterministic, no dependency beyond numpy (which spaCy brings). With --write the weights
go to dossier/data/head.yml, readable, with the figures measured.

With --lede it learns the standfirst's signals (dossier/clean/lede.py) the same way: each page gives
the lines under the headline the cleaning finds, and the choice of none; each text counts once (the
eval sets copy some bench pages). The lede weights of head.yml were fitted with
  --lede --seeds-gold ../shared/gold/seeds.yml --structure ../shared/bench/extraction
  tests/eval/web-dev.yml:tests/eval/web-dev tests/eval/outlets-dev.yml:tests/eval/outlets-dev
  ../shared/gold/real.yml:../shared/gold/real

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
from dossier.clean.head import FEATURES, NONE, WEIGHTS, candidates, context, features, find_headline  # noqa: E402
from dossier.clean.lede import LEDE_FEATURES, LEDE_NONE, lede_candidates, lede_features  # noqa: E402
from dossier.clean.lines import repeated_lines  # noqa: E402
from dossier.clean.metadata import detect_outlets, read_metadata  # noqa: E402
from dossier.clean.span import extend_tail, main_span, mark_signature  # noqa: E402
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


def pages_of_set(gold_file: Path, texts: Path) -> list[tuple[Path, str | None, str | None]]:
    """(text, gold headline, gold standfirst) of each page of an eval set."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["articles"]
    return [(texts / f"{aid}.txt", spec.get("title"), spec.get("lede")) for aid, spec in gold.items()
            if (texts / f"{aid}.txt").is_file()]


def pages_of_bench(bench: Path) -> list[tuple[Path, str | None, str | None]]:
    data = json.loads((bench / "structure.json").read_text(encoding="utf-8"))
    return [(bench / f"{name}.txt", page.get("title"), page.get("lede") or None) for name, page in data.items()
            if not name.startswith("_") and not any(h in name for h in HELD_OUT)]


def examples(group: list[tuple[Path, str | None]], rules) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page: the candidates' feature rows and which are the gold headline (pages whose
    headline is not among the candidates teach nothing to a ranking, and are left out)."""
    found = []
    for (path, title, _), lines in zip(group, prepared(group, rules)):
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


def prepared(group: list[tuple[Path, str | None, str | None]], rules) -> list[list]:
    """Each page's lines as the cleaning has them when it looks for the head: metadata read,
    furniture marked (lines repeated across the group's pages count as a dossier's would)."""
    documents = [read_document(read_article(path))[0] for path, _, _ in group]
    repeated = repeated_lines(documents, rules.settings)
    for lines in documents:
        outlets = detect_outlets(lines, {}, rules)
        read_metadata(lines, rules, outlets)
        mark_furniture(lines, [rules.generic, *outlets], rules, repeated)
        mark_dated_lists(lines, rules)
    return documents


def lede_examples(group: list[tuple[Path, str | None, str | None]], rules) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page: the standfirst candidates under the headline the cleaning finds, and which is the
    gold standfirst (the last row: no standfirst). Pages whose gold standfirst is not among the
    candidates (the headline was missed) teach nothing here, and are left out."""
    found = []
    for (path, _, lede), lines in zip(group, prepared(group, rules)):
        start, end = main_span(lines, rules)
        end = extend_tail(lines, end, rules)
        mark_signature(lines, start, end)
        title = find_headline(lines, start, end, rules)
        if title is None:
            continue
        rows = lede_candidates(lines, title, start, rules)
        labels = np.array([bool(lede) and fold(lines[i].text) == fold(lede) for i in rows] + [not lede], dtype=float)
        if not labels.any():
            print(f"  standfirst not among the candidates: {path.name}: {lede[:60]!r}")
            continue
        matrix = np.array([[lede_features(lines, title, i, start, rules)[name] for name in LEDE_FEATURES] for i in rows]
                          + [[LEDE_NONE[name] for name in LEDE_FEATURES]])
        found.append((matrix, labels / labels.sum()))
    return found


def fit(data: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    weights = np.zeros(data[0][0].shape[1])
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


def left_out_accuracy(data) -> float:
    """Each page scored by weights fitted without it: what to expect on a page never seen."""
    return sum(accuracy([page], fit(data[:k] + data[k + 1:])) for k, page in enumerate(data)) / len(data)


def distinct(groups: list[list[tuple[Path, str | None, str | None]]]) -> list[list[tuple[Path, str | None, str | None]]]:
    """Each text once: the eval sets copy some bench pages byte for byte (the first copy stays)."""
    seen: set[bytes] = set()
    kept = []
    for group in groups:
        mine = []
        for page in group:
            data = page[0].read_bytes()
            if data not in seen:
                seen.add(data)
                mine.append(page)
        kept.append(mine)
    return kept


def write_section(key: str, names: tuple[str, ...], weights: np.ndarray, pages: int, right: float, left_out: float) -> None:
    """One section of dossier/data/head.yml (`weights:` the headline's, `lede:` the standfirst's),
    the other kept as it is."""
    data = yaml.safe_load(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.is_file() else {}
    data[key] = {name: round(float(value), 4) for name, value in zip(names, weights)}
    notes = data.get("trained") or {}
    notes[key] = f"{pages} pages; best candidate right on {right:.1%}, on {left_out:.1%} of pages left out of the fit"
    data["trained"] = notes
    text = ("# Weights of the headline signals (dossier/clean/head.py, `weights`) and of the standfirst\n"
            "# signals (dossier/clean/lede.py, `lede`), learned by benchmarks/train_head.py from annotated\n"
            "# pages; `trained` gives, per section, the pages and the accuracy measured (left out: each page\n"
            "# scored by weights fitted without it). Retrain after changing a signal; never edit by hand.\n")
    WEIGHTS.write_text(text + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    parser.add_argument("--seeds", default=f"{ROOT}/seeds", help="the seeds' texts (gold: --seeds-gold)")
    parser.add_argument("--seeds-gold")
    parser.add_argument("--structure", help="a bench folder with structure.json")
    parser.add_argument("--lede", action="store_true", help="fit the standfirst's weights, not the headline's")
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
    if args.lede:
        groups = distinct(groups)
    make = lede_examples if args.lede else examples
    names = LEDE_FEATURES if args.lede else FEATURES
    data = [row for group in groups for row in make(group, rules)]
    weights = fit(data)
    right, left_out = accuracy(data, weights), left_out_accuracy(data)
    print(f"{len(data)} pages; right among candidates: {right:.1%}; left out of the fit: {left_out:.1%}")
    for name, value in zip(names, weights):
        print(f"  {name:<16} {value:+.3f}")
    if args.write:
        write_section("lede" if args.lede else "weights", names, weights, len(data), right, left_out)


if __name__ == "__main__":
    main()
