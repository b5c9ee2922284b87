"""Runtime helpers shared by the build's stages: memory handed back to the system, Python's garbage
collector kept out of the way, a stopwatch, and the warnings kept for later.

Imports nothing from the stages: every stage may use it.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import time
from contextlib import contextmanager

log = logging.getLogger("mkdocs.plugins.dossier")


class WarningsKept(logging.Handler):
    """Keeps the warnings (and errors) logged under a logger while in use: dossier's, to give them
    again when a result is reused; MkDocs' and dossier's, for `dossier build`'s summary."""

    def __init__(self, logger: logging.Logger = log):
        super().__init__(logging.WARNING)
        self.logger = logger
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> WarningsKept:
        self.logger.addHandler(self)
        return self

    def __exit__(self, *error) -> None:
        self.logger.removeHandler(self)


def give_back_memory() -> None:
    """Collect what is no longer used and hand the freed memory back to the system (glibc keeps
    it otherwise: about 350 MB after the model is let go), so that MkDocs and Pagefind, which
    come next, do not stack their peaks on ours. Elsewhere than glibc, only the collection."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@contextmanager
def collector_spared():
    """The analyses are millions of objects that live until the end of the build: keep Python's
    garbage collector from walking them again and again (about 15% of the later stages' time)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def collector_paused():
    """Reading the cache makes millions of token objects and no garbage: Python's collector would
    walk them again and again (about 40% of the time at 1,000 articles) and find nothing."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Stopwatch:
    """Seconds spent in each stage, in the order they ran."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self.start
        self.start = now
