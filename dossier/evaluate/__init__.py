"""`dossier eval`, the user-facing evaluation: a build scored against a gold file (gold.py), and
the cleaner measured on an extraction benchmark (bench.py, `dossier eval --bench DIR`).
"""
from .bench import main_text, run_bench
from .gold import ActorMatcher, evaluate, fold, load_gold, quote_figures, report

__all__ = ["ActorMatcher", "evaluate", "fold", "load_gold", "main_text", "quote_figures", "report", "run_bench"]
