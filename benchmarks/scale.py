"""Scale benchmark (`make bench`; a benchmark, not a test): how the build's costs grow with N.

    python -m benchmarks.scale [--sizes 100,1000,5000] [--work DIR] [--seed S] [--repeat R | R1,R2,R3]

For each N, a synthetic dossier of N articles (benchmarks/synth.py) goes into a scratch project (a copy of
mkdocs.yml, content/, editorial/ and site_templates/), and, in the same run:

- a cold build (`dossier build`, empty analysis cache), a rebuild with nothing changed, a rebuild
  after adding one article: wall time of the whole command, and the build's peak memory (the
  Python process and, apart, the largest of its children: Pagefind's indexer), with the model the
  cold build left warm for the next ones (dossier/warm.py; it is stopped before the live preview);
- the live preview (`dossier serve`, its model loaded ahead as a writer's preview has it): the
  seconds from an article written into seeds/ to its page served (the preview's search index
  follows in the background, a few seconds later: dossier/search.py);
- the analysis throughput, tokens per second, of dossier.analyse beside bare spaCy `nlp.pipe` with
  the same model on the same texts (the first THROUGHPUT_SAMPLE articles), in one process;
- a bare `mkdocs build` of the same pages (the ones the dossier generated, written as files) with
  the same settings, without the dossier plugin and without any search plugin;
- the size of the site and of its search index, and its page count.

Rebuilds and bare builds alternate, R times each (or R1 times at the first size, R2 at the second…);
the fastest run of each counts (the machine's other work only ever adds time). It prints one table, a line per target, and how each cost grows
per article; the same figures go to DIR/scale.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dossier import warm
from dossier.model import DEFAULT as MODEL     # the model of the project's mkdocs.yml, copied

from .synth import generate

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "editorial", "site_templates")
CACHE = ".dossier-cache"         # the project's cache folder (mkdocs.yml's, as copied)
SIZES = (100, 1000, 5000)
ANALYSIS_TARGET = 0.85           # analysis tokens/s ≥ this × bare spaCy's
REBUILD_TARGET = 1.15            # rebuild with nothing changed ≤ this × bare mkdocs build
ADD_ONE_TARGET = 1.3             # rebuild after adding one article ≤ this × bare mkdocs build
MEMORY_TARGET_MB = 2048          # peak memory at MEMORY_AT articles
MEMORY_AT = 5000
# A cost grows linearly when its marginal cost per article at the last step is at most this many
# times the one at the first step (a fixed cost, such as loading the model, makes the average fall).
LINEAR_SLACK = 1.3
SAMPLE = 0.05                    # seconds between two readings of a build's memory
POLL = 0.1                       # seconds between two requests to the live preview
SERVE_TIMEOUT = 3600             # seconds the live preview may take for its first build, or a rebuild
MODEL_READY = f"spaCy model {MODEL} loaded in"   # in the preview's log, once it has loaded the model ahead
THROUGHPUT_SAMPLE = 400          # articles read by dossier's analysis and by bare spaCy, side by side
# The bare build: the project's settings, its own pages folder, no plugin at all. An empty list is
# needed: without `plugins`, MkDocs would bring back its lunr `search` plugin.
BARE_CONFIG = "INHERIT: mkdocs.yml\ndocs_dir: bare-docs\nsite_dir: bare-site\nplugins: []\n"


@dataclass
class Run:
    seconds: float
    python_mb: float = 0.0           # peak resident memory of the build's Python process (exact)
    tree_mb: float = 0.0             # peak of the process, its children (Pagefind) and the warm model, sampled

    @property
    def peak_mb(self) -> float:
        return max(self.python_mb, self.tree_mb)


@dataclass
class Row:
    n: int
    cold: Run
    rebuild: Run
    add_one: Run
    live_add_one: float              # the live preview: new article → its page served
    bare_mkdocs: float
    tokens: int                      # tokens of the throughput sample
    analysis_tps: float              # tokens/s of dossier.analyse.analyse_articles, in one process
    warm_tps: float                  # tokens/s of the same through a warm model (one-off builds)
    spacy_tps: float                 # tokens/s of bare nlp.pipe
    site_mb: float
    index_mb: float
    pages: int
    runs: dict = field(default_factory=dict)   # seconds of every run, in the order run

    @property
    def analysis_ratio(self) -> float:
        return self.analysis_tps / self.spacy_tps

    @property
    def warm_ratio(self) -> float:
        return self.warm_tps / self.spacy_tps

    @property
    def rebuild_ratio(self) -> float:
        return self.rebuild.seconds / self.bare_mkdocs

    @property
    def add_one_ratio(self) -> float:
        return self.add_one.seconds / self.bare_mkdocs

    @property
    def live_add_one_ratio(self) -> float:
        return self.live_add_one / self.bare_mkdocs

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in (self.cold, self.rebuild, self.add_one))

    @property
    def python_mb(self) -> float:
        return max(run.python_mb for run in (self.cold, self.rebuild, self.add_one))


# ---------------------------------------------------------------- what runs in the child processes


def report_peak_and_run(report: str, module: str, *argv: str) -> None:
    """Run `python -m module argv…` in this process; at exit, write its peak memory to `report`
    (ru_maxrss, in kilobytes on Linux). Not RUSAGE_CHILDREN for Pagefind's: a child's ru_maxrss
    counts the parent's memory it shared when forked (checked: a 150 MB child of a 320 MB parent
    reports 320 MB), hence the sampling of the process tree in `watched`."""
    import atexit
    import resource
    import runpy

    def write() -> None:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        Path(report).write_text(json.dumps({"self_kb": own}))

    atexit.register(write)
    sys.argv = [module, *argv]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


def analysis_throughput(project: str) -> dict:
    """Tokens/s of the dossier's analysis, in this process (as the live preview reads) and through
    a warm model (as one-off builds read: dossier/warm.py, the analyses read back from the cache),
    and of bare spaCy, on the texts the analysis reads, each model loaded ahead; in the order
    dossier, warm, spaCy, spaCy, warm, dossier so that a drift of the machine's load weighs on all
    alike; the faster run of each counts."""
    # imported here: only the child process that measures needs the pipeline
    from dossier import analyse, clean, ingest
    from dossier.cli import project_settings
    from dossier.model import load_model

    settings = project_settings(str(Path(project) / "mkdocs.yml"), None, False)
    raws, _ = ingest.read_seeds(settings.seeds)
    # The same sample of the dossier for both, at most THROUGHPUT_SAMPLE articles: enough for a
    # steady rate (~300,000 tokens), and six passes over 5,000 articles would take most of an hour.
    articles = clean.clean_articles(raws[:THROUGHPUT_SAMPLE], settings.editorial_file("outlets.yml"))
    # What analyse reads: every block, then the lede (analyse._texts)
    texts = [text for a in articles for text in [b.text for b in a.blocks] + ([a.lede] if a.lede else [])]
    nlp = load_model()
    nlp("Le modèle est prêt.")  # the first call pays for lazy initialisation
    analyse.analyse_articles(articles[:1], None)    # and the first analysis for the dictionary's
    seconds: dict[str, list[float]] = {"dossier": [], "warm": [], "spacy": []}
    tokens = 0
    with tempfile.TemporaryDirectory() as warm_cache:
        warm.start(Path(warm_cache), 10)
        for who in ("dossier", "warm", "spacy", "spacy", "warm", "dossier"):
            with tempfile.TemporaryDirectory() as cache:
                start = time.perf_counter()
                if who == "dossier":
                    # kept until the clock stops: freeing millions of tokens is not the analysis' cost
                    result = analyse.analyse_articles(articles, Path(cache))
                elif who == "warm":
                    result = analyse.analyse_articles(articles, Path(warm_cache), read=warm.reader(10))
                else:
                    result = tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=analyse.BATCH_SIZE))
                seconds[who].append(time.perf_counter() - start)
                del result
            if who == "warm":
                shutil.rmtree(Path(warm_cache) / "analysis")   # read afresh next time
        warm.stop(Path(warm_cache))
    return {"tokens": tokens, "texts": len(texts), "dossier_s": seconds["dossier"], "warm_s": seconds["warm"],
            "spacy_s": seconds["spacy"]}


def export_pages(project: str) -> dict:
    """Write what the dossier plugin adds to a build as files, for the bare mkdocs build: content/
    with the overview in the home page, and every generated page (the analysis cache is warm)."""
    # imported here: only the child process that exports needs the pipeline
    from dossier.cli import load_mkdocs_config
    from dossier.pipeline import build_dossier
    from dossier.plugin import HOME_MARKER
    from dossier.render import Renderer

    project_dir = Path(project)
    config = load_mkdocs_config(str(project_dir / "mkdocs.yml"), None, False)
    plugin = config.plugins["dossier"]
    plugin.on_config(config)
    renderer = Renderer(plugin.path(plugin.config.templates), build_dossier(plugin.settings()),
                        config.use_directory_urls)
    docs = project_dir / "bare-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project_dir / "content", docs)
    pages = renderer.pages()
    for src, markdown in pages.items():
        path = docs / src
        if not path.exists():  # a hand-written page of the same name wins, as in the plugin
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
    home = docs / "index.md"
    text = home.read_text(encoding="utf-8")
    overview = renderer.home_overview()
    home.write_text(text.replace(HOME_MARKER, overview) if HOME_MARKER in text else f"{text}\n\n{overview}",
                    encoding="utf-8")
    return {"pages": len(pages)}


# ---------------------------------------------------------------- the harness


def in_child(function: str, *args) -> dict:
    """Call one of this module's functions in a fresh Python process; return its JSON answer."""
    code = f"import json, sys\nfrom benchmarks.scale import {function}\nprint(json.dumps({function}(*sys.argv[1:])))"
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{function} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def watched(command: list[str], project: Path, log: Path) -> tuple[float, float]:
    """Run a command in the project folder, its output to `log`; return its wall time and the peak
    resident memory (MB) of its process tree, sampled every SAMPLE seconds."""
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT)
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, tree_rss_kb(process.pid, warm_model_pid(project)))
            try:
                process.wait(timeout=SAMPLE)
                break
            except subprocess.TimeoutExpired:
                continue
        seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {project}; see {log}")
    return seconds, peak_kb / 1024


def tree_rss_kb(*pids: int | None) -> int:
    """Resident memory of processes and all their descendants, each counted once, now (Linux /proc)."""
    total, pending, seen = 0, [pid for pid in pids if pid is not None], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                pending += map(int, children.read_text().split())
        except OSError:  # the process ended meanwhile
            continue
    return total


def warm_model_pid(project: Path) -> int | None:
    """The process keeping the project's model warm between builds (dossier/warm.py), if any: its
    memory is the build's too, though it outlives the build that started it."""
    state = warm.running(project / CACHE)
    return state["pid"] if state is not None else None


def dossier_build(project: Path) -> Run:
    """`dossier build` in a fresh process, with its peak memory."""
    report = project / "peak.json"
    # run in the scratch project's folder: benchmarks/ is found after the installed dossier
    code = (f"import sys\nsys.path.append({str(ROOT)!r})\nfrom benchmarks.scale import report_peak_and_run\n"
            "report_peak_and_run(*sys.argv[1:])")
    command = [sys.executable, "-c", code, str(report), "dossier.cli", "build", "--site", "site"]
    seconds, tree_mb = watched(command, project, project / "build.log")
    return Run(seconds, json.loads(report.read_text())["self_kb"] / 1024, tree_mb)


def bare_mkdocs_build(project: Path) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "bare.yml"]
    seconds, _ = watched(command, project, project / "bare.log")
    if (project / "bare-site" / "search").exists():
        raise RuntimeError("the bare build ran MkDocs' search plugin: its figure would not be comparable")
    return seconds


def live_add_ones(project: Path, seeds: list[int]) -> list[float]:
    """`dossier serve` on the project: once its first build is served and its model loaded, for
    each seed number, the seconds from a new article written into seeds/ to its page served."""
    address = f"127.0.0.1:{free_port()}"
    origin = f"http://{address}"
    log = project / "serve.log"
    with log.open("a", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "dossier", "serve", "--dev-addr", address],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: answers(origin + "/") and MODEL_READY in log.read_text(encoding="utf-8"), server, log)
        seconds = []
        for seed in seeds:
            article = generate(1, project / "seeds", seed)[0]
            start = time.perf_counter()
            wait_until(lambda: answers(f"{origin}/articles/{article.path.stem}/"), server, log)
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        stop(server)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until(ready, server: subprocess.Popen, log: Path) -> None:
    started = time.perf_counter()
    while not ready():
        if server.poll() is not None:
            raise RuntimeError(f"dossier serve stopped ({server.returncode}); see {log}")
        if time.perf_counter() - started > SERVE_TIMEOUT:
            raise RuntimeError(f"dossier serve did not answer in {SERVE_TIMEOUT} s; see {log}")
        time.sleep(POLL)


def stop(server: subprocess.Popen) -> None:
    """Ctrl-C (MkDocs then removes its temporary site), then whatever is left of its process group."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait()


def make_project(folder: Path, n: int, seed: int) -> Path:
    """A scratch copy of the project's site sources, with N synthetic articles as its seeds."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        elif source.is_file():
            shutil.copy(source, folder / name)
    (folder / "bare.yml").write_text(BARE_CONFIG, encoding="utf-8")
    generate(n, folder / "seeds", seed)
    return folder


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def code_fingerprint() -> str:
    """A digest of the package and the templates: a run during which they change mixes versions
    (and a scratch project's copy of the templates may no longer fit the code)."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "dossier").rglob("*"), *(ROOT / "site_templates").rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(n: int, work: Path, seed: int, repeat: int) -> Row:
    project = make_project(work / f"n{n}", n, seed)
    say(f"N={n}: {n} articles generated in {project}")
    cold = dossier_build(project)
    say(f"N={n}: cold build {cold.seconds:.1f} s, peak {cold.peak_mb:.0f} MB")
    analysis = in_child("analysis_throughput", project)
    say(f"N={n}: analysis {min(analysis['dossier_s']):.1f} s, through a warm model {min(analysis['warm_s']):.1f} s, "
        f"bare spaCy {min(analysis['spacy_s']):.1f} s")
    in_child("export_pages", project)
    rebuilds, bares = [], []
    for _ in range(repeat):
        rebuilds.append(dossier_build(project))
        bares.append(bare_mkdocs_build(project))
        say(f"N={n}: rebuild {rebuilds[-1].seconds:.1f} s, bare mkdocs {bares[-1]:.1f} s")
    site = project / "site"
    sizes = (folder_mb(site), folder_mb(site / "pagefind"),
             sum(1 for p in site.rglob("*.html") if "pagefind" not in p.parts))
    add_ones = []
    for extra in range(repeat):
        generate(1, project / "seeds", seed + 1 + extra)  # another seed number: another file name
        add_ones.append(dossier_build(project))
        say(f"N={n}: rebuild after adding one article {add_ones[-1].seconds:.1f} s")
    warm.stop(project / CACHE)    # the live preview keeps its own model; and the next size its own
    live = live_add_ones(project, [seed + 1 + repeat + extra for extra in range(repeat)])
    say(f"N={n}: live preview, new article served after {', '.join(f'{s:.1f}' for s in live)} s")
    tokens = analysis["tokens"]
    runs = {"dossier_s": analysis["dossier_s"], "warm_s": analysis["warm_s"], "spacy_s": analysis["spacy_s"],
            "bare_mkdocs_s": bares,
            "rebuild_s": [run.seconds for run in rebuilds], "add_one_s": [run.seconds for run in add_ones],
            "live_add_one_s": live}
    return Row(n, cold, fastest(rebuilds), fastest(add_ones), min(live), min(bares), tokens,
               tokens / min(analysis["dossier_s"]), tokens / min(analysis["warm_s"]), tokens / min(analysis["spacy_s"]),
               *sizes, runs)


def fastest(runs: list[Run]) -> Run:
    """The fastest run, with the highest memory peak seen in any of them."""
    best = min(runs, key=lambda run: run.seconds)
    worst = max(runs, key=lambda run: run.peak_mb)
    return Run(best.seconds, worst.python_mb, worst.tree_mb)


# ---------------------------------------------------------------- report


COLUMNS = [
    ("N", lambda r: f"{r.n:,}"),
    ("cold s", lambda r: f"{r.cold.seconds:.1f}"),
    ("rebuild s", lambda r: f"{r.rebuild.seconds:.1f}"),
    ("+1 article s", lambda r: f"{r.add_one.seconds:.1f}"),
    ("bare mkdocs s", lambda r: f"{r.bare_mkdocs:.1f}"),
    (f"rebuild/mkdocs (≤{REBUILD_TARGET})", lambda r: f"{r.rebuild_ratio:.2f}"),
    (f"+1/mkdocs (≤{ADD_ONE_TARGET})", lambda r: f"{r.add_one_ratio:.2f}"),
    ("+1 live s", lambda r: f"{r.live_add_one:.1f}"),
    (f"+1 live/mkdocs (≤{ADD_ONE_TARGET})", lambda r: f"{r.live_add_one_ratio:.2f}"),
    ("analysis tok/s", lambda r: f"{r.analysis_tps:,.0f}"),
    ("warm tok/s", lambda r: f"{r.warm_tps:,.0f}"),
    ("spaCy tok/s", lambda r: f"{r.spacy_tps:,.0f}"),
    (f"analysis/spaCy (≥{ANALYSIS_TARGET})", lambda r: f"{r.analysis_ratio:.2f}"),
    (f"warm/spaCy (≥{ANALYSIS_TARGET})", lambda r: f"{r.warm_ratio:.2f}"),
    ("peak MB (python)", lambda r: f"{r.peak_mb:,.0f} ({r.python_mb:,.0f})"),
    ("site MB", lambda r: f"{r.site_mb:,.1f}"),
    ("index MB", lambda r: f"{r.index_mb:,.1f}"),
    ("pages", lambda r: f"{r.pages:,}"),
]
# Costs whose growth with N is shown: name, unit per article, value per row
GROWTH = [
    ("cold build", "ms", lambda r: r.cold.seconds * 1000),
    ("rebuild", "ms", lambda r: r.rebuild.seconds * 1000),
    ("+1 article", "ms", lambda r: r.add_one.seconds * 1000),
    ("+1 article, live", "ms", lambda r: r.live_add_one * 1000),
    ("bare mkdocs", "ms", lambda r: r.bare_mkdocs * 1000),
    ("peak memory", "KB", lambda r: r.peak_mb * 1024),
    ("site", "KB", lambda r: r.site_mb * 1000),
    ("search index", "KB", lambda r: r.index_mb * 1000),
]


def table(headers: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    rows = [headers, ["-" * w for w in widths], *lines]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in rows)


def growth(rows: list[Row]) -> list[dict]:
    """Per cost: the cost per article at each N, and the marginal cost per article between sizes."""
    found = []
    for name, unit, value in GROWTH:
        values = [value(r) for r in rows]
        marginal = [(b - a) / (rb.n - ra.n) for a, b, ra, rb in zip(values, values[1:], rows, rows[1:])]
        if len(marginal) < 2:
            verdict = "needs three sizes"
        else:
            verdict = "linear" if marginal[-1] <= LINEAR_SLACK * max(marginal[0], 0) else "faster than linear"
        found.append({"cost": name, "unit": unit, "per_article": [v / r.n for v, r in zip(values, rows)],
                      "marginal": marginal, "verdict": verdict})
    return found


def growth_table(rows: list[Row], curves: list[dict]) -> str:
    steps = [f"{a.n:,}→{b.n:,}" for a, b in zip(rows, rows[1:])]
    headers = ["per article", *(f"N={r.n:,}" for r in rows), *(f"marginal {s}" for s in steps), "growth"]
    lines = [[f"{c['cost']} {c['unit']}", *(f"{v:,.1f}" for v in c["per_article"]),
              *(f"{v:,.1f}" for v in c["marginal"]), c["verdict"]] for c in curves]
    return table(headers, lines)


def targets(rows: list[Row], curves: list[dict]) -> list[tuple[str, bool | None, str]]:
    """(target, met — None when not measured —, the figures)."""
    def each(ratio) -> str:
        return ", ".join(f"{ratio(r):.3f}× at N={r.n:,}" for r in rows)

    found = [
        (f"analysis throughput ≥ {ANALYSIS_TARGET}× bare spaCy, in one process (live preview)",
         all(r.analysis_ratio >= ANALYSIS_TARGET for r in rows), each(lambda r: r.analysis_ratio)),
        (f"analysis throughput ≥ {ANALYSIS_TARGET}× bare spaCy, through a warm model (`dossier build`)",
         all(r.warm_ratio >= ANALYSIS_TARGET for r in rows), each(lambda r: r.warm_ratio)),
        (f"rebuild with nothing changed ≤ {REBUILD_TARGET}× bare mkdocs build",
         all(r.rebuild_ratio <= REBUILD_TARGET for r in rows), each(lambda r: r.rebuild_ratio)),
        (f"rebuild after adding one article ≤ {ADD_ONE_TARGET}× bare mkdocs build, `dossier build`",
         all(r.add_one_ratio <= ADD_ONE_TARGET for r in rows), each(lambda r: r.add_one_ratio)),
        (f"rebuild after adding one article ≤ {ADD_ONE_TARGET}× bare mkdocs build, live preview",
         all(r.live_add_one_ratio <= ADD_ONE_TARGET for r in rows), each(lambda r: r.live_add_one_ratio)),
    ]
    at = [r for r in rows if r.n == MEMORY_AT]
    memory = f"{MEMORY_AT:,} articles in ≤ {MEMORY_TARGET_MB:,} MB peak memory"
    if at:
        found.append((memory, at[0].peak_mb <= MEMORY_TARGET_MB, f"{at[0].peak_mb:,.0f} MB"))
    else:
        found.append((memory, None, f"not measured; {extrapolated_memory(rows)}"))
    linear = "every cost grows linearly with N"
    steeper = [c["cost"] for c in curves if c["verdict"] == "faster than linear"]
    if len(rows) < 3:
        found.append((linear, None, "needs three sizes"))
    else:
        found.append((linear, not steeper, f"faster than linear: {', '.join(steeper)}" if steeper else "all linear"))
    return found


def extrapolated_memory(rows: list[Row]) -> str:
    if len(rows) < 2:
        return "needs two sizes to extrapolate"
    a, b = rows[-2], rows[-1]
    slope = (b.peak_mb - a.peak_mb) / (b.n - a.n)
    return f"{b.peak_mb + slope * (MEMORY_AT - b.n):,.0f} MB extrapolated from N={a.n:,} and N={b.n:,}"


def report(rows: list[Row], load: tuple[tuple[float, ...], tuple[float, ...]],
           code_changed: bool) -> tuple[str, dict]:
    curves = growth(rows)
    verdicts = targets(rows, curves)
    lines = [
        table([h for h, _ in COLUMNS], [[cell(r) for _, cell in COLUMNS] for r in rows]),
        "",
        *(f"{'met' if met else 'NOT MET' if met is False else 'not measured'}: {name} ({figures})"
          for name, met, figures in verdicts),
        "",
        growth_table(rows, curves),
        "",
        f"{os.cpu_count()} CPUs; load average {load[0][0]:.2f} at the start, {load[1][0]:.2f} at the end "
        "(figures taken on a busy machine are slower and noisier)",
    ]
    if code_changed:
        lines.append("WARNING: dossier/ or site_templates/ changed during the run: the figures mix code "
                     "versions; run again on a stable tree")
    data = {
        "rows": [{**asdict(r), "analysis_ratio": r.analysis_ratio, "warm_ratio": r.warm_ratio,
                  "rebuild_ratio": r.rebuild_ratio,
                  "add_one_ratio": r.add_one_ratio, "live_add_one_ratio": r.live_add_one_ratio,
                  "peak_mb": r.peak_mb} for r in rows],
        "targets": [{"target": name, "met": met, "figures": figures} for name, met, figures in verdicts],
        "growth": curves,
        "cpus": os.cpu_count(),
        "load_average": {"start": load[0], "end": load[1]},
        "code_changed": code_changed,
    }
    return "\n".join(lines), data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="numbers of articles, comma-separated")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dossier-scale",
                        help="scratch folder (one project per size is made, and replaced, in it)")
    parser.add_argument("--seed", type=int, default=0, help="seed number of the synthetic articles")
    parser.add_argument("--repeat", default="2",
                        help="runs of each rebuild and bare build (the fastest counts); one number, or one per size")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    repeats = [int(r) for r in args.repeat.split(",")]
    repeats = repeats * len(sizes) if len(repeats) == 1 else repeats
    if len(repeats) != len(sizes):
        parser.error("--repeat: one number, or one per size")
    start_load, start_code = os.getloadavg(), code_fingerprint()
    rows = []
    for n, repeat in zip(sizes, repeats):
        rows.append(measure(n, args.work.resolve(), args.seed, repeat))
        # what is measured so far, should a long run be stopped before its end
        (args.work / "scale.partial.json").write_text(json.dumps([asdict(row) for row in rows], indent=1))
    text, data = report(rows, (start_load, os.getloadavg()), code_fingerprint() != start_code)
    print(text)
    out = args.work / "scale.json"
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nfigures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
