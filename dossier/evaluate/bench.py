"""Measure the cleaner on an extraction benchmark, side by side with the benchmark's own figures.

The benchmark folder holds, per page, `NAME.html`, `NAME.txt` and `NAME.gold.json`, a `manifest.json`,
a `score.py` that scores a folder of `NAME.pred.txt` files, and a README whose table gives reference
figures. The cleaner runs twice, from the text and from the saved page; each prediction is the
article's main text: lede, then its paragraphs, headings and quotes, one per line.

Left out, on principle rather than for the score:
- the title. All three gold sources treat it as metadata, not as the extracted text: Readability's
  expected.html holds the body only (title and byline are in its metadata file), the Zyte benchmark's
  `articleBody` excludes the `headline`, and trafilatura's text output (what its with/without snippets
  were written against) starts with the body; some of its `without` snippets are the page's title.
  Measured on this set (title in → out): .txt 0.926/0.963 → 0.932/0.976, .html 0.961/0.981 → 0.961/0.988.
- photo captions: they are not part of the article's running text.

usage: python -m dossier.evaluate.bench BENCH_DIR
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from ..clean import clean_articles
from ..ingest import read_article
from ..models import Article
from .gold import fold

INPUTS = ("txt", "html")
# A page "fails" when its own full-text F1 falls below this, or when a snippet is wrong.
PAGE_FULLTEXT_MIN = 0.9


def run_bench(bench_dir: Path) -> str:
    """Clean every page from .txt and from .html, score both, return the printable report."""
    bench_dir = Path(bench_dir)
    names = [page["name"] for page in json.loads((bench_dir / "manifest.json").read_text())]
    scorer = load_scorer(bench_dir)
    structure = load_structure(bench_dir)
    rows, failures, heads = [], [], []
    for fmt in INPUTS:
        articles = clean_articles([read_article(bench_dir / f"{name}.{fmt}") for name in names], None)
        with tempfile.TemporaryDirectory() as pred_dir:
            for name, article in zip(names, articles):
                (Path(pred_dir) / f"{name}.pred.txt").write_text(main_text(article), encoding="utf-8")
            rows.append(("dossier", f".{fmt}", *score(bench_dir, Path(pred_dir))))
        failures += [f"  .{fmt}  {name}: {why}" for name, article in zip(names, articles)
                     for why in page_failures(bench_dir, name, main_text(article), scorer)]
        figures, misses = structure_figures(structure, dict(zip(names, articles)))
        heads.append(f"dossier  .{fmt}   {figures}")
        failures += [f"  .{fmt}  {miss}" for miss in misses]
    return report(reference_rows(bench_dir) + rows, failures, heads)


def main_text(article: Article) -> str:
    parts = [article.lede or ""]  # the title is metadata: see the module's docstring
    parts += [block.text for block in article.blocks if block.kind != "caption"]
    return "\n".join(part for part in parts if part)


def score(bench_dir: Path, pred_dir: Path) -> tuple[str, str]:
    """Run the benchmark's score.py; return (snippets F1, fulltext F1) as printed."""
    result = subprocess.run([sys.executable, str(bench_dir / "score.py"), str(pred_dir)],
                            capture_output=True, text=True, check=True)
    figures = dict(re.findall(r"^(snippets|fulltext)\b.*?F1=([\d.]+)", result.stdout, re.MULTILINE))
    return figures.get("snippets", "-"), figures.get("fulltext", "-")


def load_scorer(bench_dir: Path):
    """score.py as a module, to reuse its normalisation and shingles for the per-page diagnosis."""
    spec = importlib.util.spec_from_file_location("bench_score", bench_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_failures(bench_dir: Path, name: str, text: str, scorer) -> list[str]:
    gold = json.loads((bench_dir / f"{name}.gold.json").read_text(encoding="utf-8"))
    output = scorer.norm(text)
    why = [f"lost {snippet[:60]!r}" for snippet in gold["with"] if scorer.norm(snippet) not in output]
    why += [f"kept {snippet[:60]!r}" for snippet in gold["without"] if scorer.norm(snippet) in output]
    if gold.get("full_text"):
        precision, recall = shingle_scores(scorer, gold["full_text"], text)
        if 2 * precision * recall / ((precision + recall) or 1) < PAGE_FULLTEXT_MIN:
            why.append(f"full text P={precision:.2f} R={recall:.2f}"
                       + (" (furniture kept)" if precision < recall else " (body lost)"))
    return why


def shingle_scores(scorer, expected: str, produced: str) -> tuple[float, float]:
    want, got = scorer.shingles(expected), scorer.shingles(produced)
    common = sum((want & got).values())
    return common / (sum(got.values()) or 1), common / (sum(want.values()) or 1)


def reference_rows(bench_dir: Path) -> list[tuple[str, ...]]:
    """The reference figures from the benchmark README's table (extractor, input, snippets, fulltext)."""
    readme = bench_dir / "README.md"
    rows = []
    for line in readme.read_text(encoding="utf-8").splitlines() if readme.is_file() else []:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[\d.]+", cells[2]) and re.fullmatch(r"[\d.]+", cells[3]):
            rows.append(tuple(cells))
    return rows


def load_structure(bench_dir: Path) -> dict:
    """structure.json: each page's headline and standfirst as a verbatim line of its .txt (pages held
    aside for measurement are left out of it, and so out of these figures)."""
    path = bench_dir / "structure.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {name: page for name, page in data.items() if not name.startswith("_")}


def structure_figures(structure: dict, articles: dict[str, Article]) -> tuple[str, list[str]]:
    """Headline right (pages that have one) and standfirst right (its text, or none where the page
    shows none), compared as `dossier eval` compares them: case, accents and soft hyphens aside."""
    heads = ledes = pages = titled = 0
    misses = []
    for name, page in structure.items():
        article = articles.get(name)
        if article is None:
            continue
        pages += 1
        if page.get("title"):
            titled += 1
            right = same(page["title"], article.title)
            heads += right
            misses += [] if right else [f"{name}: headline {article.title[:60]!r}, gold {page['title'][:60]!r}"]
        right = same(page.get("lede") or "", article.lede or "")
        ledes += right
        misses += [] if right else [f"{name}: standfirst {(article.lede or '')[:50]!r}, gold {(page.get('lede') or '')[:50]!r}"]
    return f"headline right {heads}/{titled}   standfirst right {ledes}/{pages}", misses


def same(expected: str, ours: str) -> bool:
    return fold(expected.replace("\u00ad", "")) == fold(ours.replace("\u00ad", ""))


def report(rows: list[tuple[str, ...]], failures: list[str], heads: list[str] = ()) -> str:
    header = ("extractor", "input", "snippets F1", "fulltext F1")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    if heads:
        lines += ["", "Headline and standfirst (structure.json):", *heads]
    lines += ["", f"Pages that fail ({len(failures)} problems):" if failures else "No page fails."]
    return "\n".join(lines + failures)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m dossier.evaluate.bench BENCH_DIR")
    print(run_bench(Path(sys.argv[1])))
