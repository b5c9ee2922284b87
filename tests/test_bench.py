"""The benchmark report: runs on the shared extraction benchmark when it is there (a few seconds)."""
import re
from pathlib import Path

import pytest

from dossier.evaluate.bench import main_text, run_bench
from dossier.models import Article, Block

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"


def test_main_text_is_lede_and_blocks_without_title_or_captions():
    article = Article("a", "Titre", [Block("paragraph", "P."), Block("caption", "Légende"),
                                     Block("heading", "H")], lede="Chapô")
    assert main_text(article) == "Chapô\nP.\nH"


@pytest.mark.skipif(not (BENCH / "score.py").is_file(), reason="shared benchmark not available")
def test_bench_report_has_reference_and_dossier_rows():
    report = run_bench(BENCH)
    assert re.search(r"trafilatura 2\.3 \(default\)\s+\.html\s+0\.931\s+0\.987", report)
    figures = {fmt: tuple(map(float, re.search(rf"^dossier\s+\.{fmt}\s+([\d.]+)\s+([\d.]+)", report, re.M).groups()))
               for fmt in ("txt", "html")}
    # Far above keeping everything (0.682 / 0.719): the cleaner does remove furniture and keep the body.
    assert min(figures["txt"]) > 0.9 and min(figures["html"]) > 0.9
    assert "Pages that fail" in report or "No page fails." in report
