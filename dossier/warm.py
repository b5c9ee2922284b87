"""A warm model: spaCy's French model kept loaded in a background process between one-off builds.

A one-off build (`dossier build`, `make site`, `mkdocs build`) starts afresh, and loading the model
takes about 4 s: in a dossier of a hundred articles, most of a rebuild after one new article. So a
one-off build hands the articles it must analyse to a background process that keeps the model.
The first build starts it and waits for its model (as it would have waited for its own); the next
ones find it ready. That process:

- writes its analyses into the cache, as the build would have (the cache is how the two talk: the
  build reads the entries back, so an analysis is the same whoever made it);
- ends after `keep_model_warm` idle minutes (the plugin's setting; 30 by default), when its cache
  folder goes or another one takes its place, when `dossier stop` asks, and when a build of another
  dossier, spaCy or model version finds it (which then starts its own);
- keeps one model: a dossier in two languages read by two models has two, each with its own state
  and log files (`warm-model-MODEL.json`, `.log`), so that its builds do not stop one to start the
  other;
- is never started when `keep_model_warm` is 0, nor when the CI environment variable is set (a CI
  job builds once); DOSSIER_KEEP_MODEL_WARM (minutes) overrides both.

It listens on the loopback interface only. A build finds its address and key in the cache folder
(`warm-model-MODEL.json`, readable by its owner only); multiprocessing's handshake (HMAC of that key)
keeps any other process out, and the messages are JSON, never pickle.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from contextlib import suppress
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from importlib.metadata import version
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Iterator

from . import analyse
from .cache import Store, code_version
from .lexicon import french_lexicon
from .model import DEFAULT, ModelNotLoaded, load_model, model_version
from .models import Analysis, Article, Block
from .runtime import WarningsKept, give_back_memory

log = logging.getLogger("mkdocs.plugins.dossier")

# In the cache folder, for each model kept warm: its address, key and versions (STATE), what it
# said (LOG); every warm model's state file matches STATES
STATE = "warm-model-{}.json"
LOG = "warm-model-{}.log"
STATES = "warm-model*.json"
ENVIRONMENT = "DOSSIER_KEEP_MODEL_WARM"
START_TIMEOUT = 600              # seconds a new warm model may take to load (a slow disk, a busy machine)
WATCH_EVERY = 2.0                # seconds between two looks at the idle time and at the state file
LOAD_FAILED = 3                  # the exit code of a warm model whose model could not be loaded


class LoadFailed(RuntimeError):
    """The warm model could not load its model: the build tries it itself, and says why it fails."""


# ---------------------------------------------------------------- the build's side


def idle_minutes(configured: float) -> float:
    """How long a warm model waits for the next build: the environment's value if set, else none
    in CI, else the configured one."""
    value = os.environ.get(ENVIRONMENT)
    if value is not None:
        return minutes_in(value)
    return 0.0 if os.environ.get("CI") else max(configured, 0.0)


@lru_cache(maxsize=None)
def minutes_in(value: str) -> float:
    """The minutes an environment value gives. Kept: a build reads its settings several times, and
    a value that is no number is warned about once."""
    try:
        return max(float(value), 0.0)
    except ValueError:
        log.warning("dossier: %s=%r is not a number of minutes; the model is not kept warm", ENVIRONMENT, value)
        return 0.0


def reader(minutes: float) -> analyse.Reader:
    """What the pipeline hands the analysis to read the articles missing from the cache."""
    return partial(read_articles, minutes=minutes)


def read_articles(articles: list[Article], store: Store, model: str = DEFAULT,
                  minutes: float = 30.0) -> Iterator[Analysis]:
    """The analysis of each article, in order, made by the warm model (started if none is ready)
    and read back from the cache; whatever it could not do is done here, with the model loaded
    here, and the reason logged."""
    done = 0
    try:
        with connect(store.folder.parent, minutes, model) as connection:
            send(connection, {"articles": [article_data(article) for article in articles]})
            for article in articles:
                answer = receive(connection)
                for message in answer.get("warnings", []):   # what the model said of the article's texts
                    log.warning(message)
                if answer.get("done") != article.id:
                    raise RuntimeError(answer.get("error") or f"an answer out of order: {answer}")
                analysis = analyse.read_cache(store, article, model)
                if analysis is None:       # a cache it could not write into
                    raise RuntimeError(f"no analysis of {article.id} in the cache")
                analysis.cached = False      # made for this build, not found from an earlier one
                done += 1
                yield analysis
    except LoadFailed as error:   # the build's own loading says what is wrong with the model, once
        log.info("dossier: %s; the model is loaded in this build instead", error)
        yield from analyse.read_here(articles[done:], store, model)
    except (OSError, EOFError, RuntimeError, ValueError) as error:
        log.warning("dossier: the warm model did not analyse %d article(s) (%s); the model is loaded in this "
                    "build instead (keep_model_warm: 0 in mkdocs.yml always does so)", len(articles) - done, error)
        yield from analyse.read_here(articles[done:], store, model)


def connect(cache: Path, minutes: float, model: str = DEFAULT) -> Connection:
    """A connection to this cache folder's warm model, of this very version; one is started if
    there is none (an older one is asked to make way)."""
    state = read_state(cache / state_name(model))
    if state is not None:
        connection = open_connection(state)
        if connection is not None:
            if receive(connection).get("identity") == identity(model):
                return connection
            send(connection, {"stop": True})   # another version of dossier, spaCy or the model
            connection.close()
    state = start(cache, minutes, model)
    connection = open_connection(state)
    if connection is None or receive(connection).get("identity") != identity(model):
        raise RuntimeError(f"the warm model started does not answer; see {cache / log_name(model)}")
    return connection


def start(cache: Path, minutes: float, model: str = DEFAULT) -> dict:
    """Start a warm model in the background, detached from this build, and wait until it is ready."""
    cache.mkdir(parents=True, exist_ok=True)
    log_file = cache / log_name(model)
    with log_file.open("a", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "dossier.warm", str(cache), "--minutes", str(minutes), "--model", model],
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, cwd=cache,   # no package of the
            start_new_session=True)   # project's own found first; not ended by a Ctrl-C of the build
    log.info("dossier: spaCy model %s loading in a warm background process (pid %d), kept for the next "
             "build until %g idle minutes pass or `dossier stop`", model, process.pid, minutes)
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        state = read_state(cache / state_name(model))
        if state is not None and state["pid"] == process.pid:
            return state
        if process.poll() == LOAD_FAILED:
            raise LoadFailed(f"the warm model could not load {model}; see {log_file}")
        if process.poll() is not None:
            raise RuntimeError(f"the warm model stopped as it started (exit code {process.returncode}); "
                               f"see {log_file}")
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"the warm model was not ready in {START_TIMEOUT} s; see {log_file}")


def stop(cache: Path) -> list[int]:
    """Ask each of this cache folder's warm models to end; the process number of each one asked
    (none: an empty list)."""
    stopped = []
    for path in sorted(cache.glob(STATES)):
        state = read_state(path)
        connection = open_connection(state) if state is not None else None
        if connection is None:
            continue
        with connection:
            receive(connection)
            send(connection, {"stop": True})
        stopped.append(state["pid"])
    return stopped


def running(cache: Path | None) -> dict | None:
    """The state of one of this cache folder's warm models whose process is alive, if any."""
    states = (read_state(path) for path in sorted(cache.glob(STATES))) if cache is not None else ()
    return next((state for state in states if state is not None and alive(state["pid"])), None)


def state_name(model: str = DEFAULT) -> str:
    """The state file of the warm model of `model`, in the cache folder."""
    return STATE.format(file_label(model))


def log_name(model: str = DEFAULT) -> str:
    return LOG.format(file_label(model))


def file_label(model: str) -> str:
    """A model's name as it may stand in a file name: a package's as it is, a folder's hashed."""
    if re.fullmatch(r"[A-Za-z0-9_.-]{1,100}", model):
        return model
    return "saved-" + hashlib.sha256(model.encode()).hexdigest()[:16]


def open_connection(state: dict) -> Connection | None:
    if not alive(state["pid"]):        # a state file left by a killed process: its port may be another's
        return None
    try:
        return Client(("127.0.0.1", state["port"]), authkey=bytes.fromhex(state["key"]))
    except (OSError, EOFError, ValueError, AuthenticationError) as error:
        log.info("dossier: no warm model at port %s (%s)", state["port"], error)
        return None


def article_data(article: Article) -> dict:
    """What the model reads of an article, as analyse reads it: block texts, lede; id and path for
    messages."""
    return {"id": article.id, "path": article.path, "blocks": [block.text for block in article.blocks],
            "lede": article.lede}


# ---------------------------------------------------------------- the warm model's side


@dataclass
class Identity:
    """What must match between a build and the warm model for the analysis to be the same."""
    code: str
    model: str
    spacy: str
    python: str


def identity(model: str = DEFAULT) -> dict:
    return asdict(Identity(code_version(), f"{model} {model_version(model)}", version("spacy"), sys.executable))


class WarmModel:
    """The background process: the model, a listener on the loopback interface, one build at a time."""

    def __init__(self, cache: Path, minutes: float, model: str = DEFAULT):
        self.cache = cache
        self.idle_seconds = minutes * 60
        self.model = model
        self.nlp = load_model(model)
        french_lexicon(model)     # read with each article too (lexicon.py): ready before the first build
        self.identity = identity(model)
        key = secrets.token_bytes(32)
        self.listener = Listener(("127.0.0.1", 0), authkey=key)
        self.last_seen = time.monotonic()
        self.busy = threading.Lock()
        self.state = cache / state_name(model)
        write_state(self.state, {"pid": os.getpid(), "port": self.listener.address[1], "key": key.hex(),
                                 "identity": self.identity, "minutes": self.idle_seconds / 60})

    def serve(self) -> None:
        threading.Thread(target=self.watch, name="dossier-warm-watch", daemon=True).start()
        while True:
            try:
                connection = self.listener.accept()
            except (OSError, EOFError, AuthenticationError) as error:   # a stranger, not a reason to end
                log.warning("dossier warm model: a connection refused (%s)", error)
                continue
            with self.busy, connection:
                if not self.answer(connection):
                    self.end("asked to stop")
                give_back_memory()    # what reading the build's articles took, while it waits for the next
                self.last_seen = time.monotonic()

    def answer(self, connection: Connection) -> bool:
        """Serve one build; False when asked to stop."""
        try:
            send(connection, {"identity": self.identity})
            request = receive(connection)
            if request.get("stop"):
                return False
            articles = [Article(a["id"], "", [Block("paragraph", text) for text in a["blocks"]],
                                lede=a["lede"], path=a["path"]) for a in request["articles"]]
            store = Store(self.cache, "analysis")
            # Not in spaCy's memory_zone: its words would be forgotten after each build, and made
            # again in the next (measured: 10% slower); the vocabulary grows as the dossier's does,
            # as in a build that loads its own model
            with WarningsKept() as warnings:
                for analysis in analyse.read_and_keep(self.nlp, articles, store, self.model):
                    send(connection, {"done": analysis.article_id, "warnings": warnings.messages})
                    warnings.messages = []
        except (OSError, EOFError) as error:   # the build went away (Ctrl-C): wait for the next
            log.info("dossier warm model: a build left (%s)", error)
        except Exception as error:   # noqa: BLE001 — the build reads the articles itself, and reports
            log.exception("dossier warm model: a request failed")
            with suppress(OSError):
                send(connection, {"error": f"{type(error).__name__}: {error}"})
        return True

    def watch(self) -> None:
        """End when idle too long, or when the state file is gone or names another process."""
        while True:
            time.sleep(WATCH_EVERY)
            state = read_state(self.state)
            if state is None or state["pid"] != os.getpid():
                self.end("replaced, or its cache folder removed")
            if not self.busy.locked() and time.monotonic() - self.last_seen > self.idle_seconds:
                self.end(f"idle for {self.idle_seconds / 60:g} minutes")

    def end(self, why: str) -> None:
        state = read_state(self.state)
        if state is not None and state["pid"] == os.getpid():
            self.state.unlink(missing_ok=True)
        log.info("dossier warm model (pid %d): ends, %s", os.getpid(), why)
        logging.shutdown()
        os._exit(0)   # from the watching thread too, while the main one waits in accept()


# ---------------------------------------------------------------- both sides


def send(connection: Connection, message: dict) -> None:
    connection.send_bytes(json.dumps(message).encode())


def receive(connection: Connection) -> dict:
    message = json.loads(connection.recv_bytes())
    if not isinstance(message, dict):
        raise ValueError("a message that is not an object")
    return message


def read_state(path: Path) -> dict | None:
    """A warm model's state file, if whole."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return state if isinstance(state.get("pid"), int) and isinstance(state.get("port"), int) else None
    except (OSError, ValueError, AttributeError):
        return None


def write_state(path: Path, state: dict) -> None:
    """Atomically, and readable by its owner only: it holds the key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(state, file)
    os.replace(temporary, path)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # alive, but another user's: not ours to talk to
        return False
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dossier.warm", description=__doc__.split("\n")[0])
    parser.add_argument("cache", type=Path, help="the cache folder of the dossier it serves")
    parser.add_argument("--minutes", type=float, default=30.0, help="idle minutes before it ends")
    parser.add_argument("--model", default=DEFAULT, help="the spaCy model it keeps loaded")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-7s %(message)s")
    try:
        model = WarmModel(args.cache.resolve(), args.minutes, args.model)
    except ModelNotLoaded as error:    # the build that started it loads the model itself, and says why it fails
        log.error("dossier warm model: %s could not be loaded: %s", args.model, error)
        sys.exit(LOAD_FAILED)
    model.serve()


if __name__ == "__main__":
    main()
