"""Cleaning stays fast on a very long page: a loose guard on CPU time (the measure is
benchmarks/clean_speed.py; tests/test_head.py checks that the time grows linearly)."""
import time
from pathlib import Path

from benchmarks.clean_speed import page
from dossier.clean import clean_articles
from dossier.models import RawArticle


def test_a_500_kb_page_cleans_in_a_few_seconds_of_cpu():
    text = page(500)
    assert len(text.encode()) >= 500 * 1024
    clean_articles([RawArticle("a", Path("a.txt"), "txt", page(5))], None)   # dateparser loads once
    started = time.process_time()
    article = clean_articles([RawArticle("a", Path("a.txt"), "txt", text)], None)[0]
    assert time.process_time() - started < 5.0        # measured 0.8 s on a busy machine
    assert article.title.startswith("Coup d’État au Niger") and len(article.blocks) > 2500   # the page holds 4,083 lines, furniture among them
