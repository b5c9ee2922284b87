"""The warm model: one-off builds hand their analysis to a background process that keeps the model
loaded for the next build, and that ends by itself (dossier/warm.py)."""
import os
import time

import pytest

from dossier import analyse, warm
from dossier.cli import main
from dossier.model import DEFAULT
from dossier.models import Article, Block
from dossier.plugin import DossierPlugin
from pipelines import english_pipeline


def article(id: str, text: str) -> Article:
    return Article(id, "Titre", [Block("paragraph", text)], lede="Le Mali et la Russie.")


def ended(cache, pid: int, timeout: float = 60, name: str = DEFAULT) -> bool:
    """Whether the warm model `pid` (of the model `name`) took its state file away and ended,
    within `timeout` seconds."""
    state = cache / warm.state_name(name)
    deadline = time.monotonic() + timeout
    while state.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        os.waitpid(pid, 0)    # started from this process: reap it, or it lingers as a zombie
    except ChildProcessError:
        pass
    return not state.exists() and not warm.alive(pid)


def test_builds_share_a_warm_model_that_ends_when_idle(nlp, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(analyse, "load_model", lambda *_: pytest.fail("the model was loaded in the build's process"))
    one = article("a1", "Sergueï Lavrov est arrivé à Bamako. Il a rencontré Abdoulaye Diop.")
    first = analyse.analyse_articles([one], tmp_path, read=warm.reader(0.1))["a1"]
    state = warm.running(tmp_path)
    assert state is not None and (tmp_path / warm.state_name()).stat().st_mode & 0o777 == 0o600   # it holds the key
    here = analyse.analyse_article(nlp, one)                                                 # the same, read here
    assert (first.blocks, first.lede, first.dictionary) == (here.blocks, here.lede, here.dictionary)
    assert not first.cached

    monkeypatch.setattr(warm, "start", lambda *_: pytest.fail("a second warm model was started"))
    two = article("a2", "Le groupe Wagner est présent au Mali, selon Emmanuel Macron.")
    long = Article("a3", "Titre", [Block("paragraph", "Sergueï Lavrov est à Moscou. " * 3500)], path="long.txt")
    again = analyse.analyse_articles([one, two, long], tmp_path, read=warm.reader(0.1))
    assert again["a1"].cached and not again["a2"].cached and {"Wagner", "Mali"} <= {
        e.text for e in again["a2"].blocks[0].entities}
    # what the model's reading says of a file reaches the build, as when the model reads here
    assert "long.txt: a block of 101500 characters is read up to 100000 only" in caplog.text
    assert warm.running(tmp_path)["pid"] == state["pid"]

    assert ended(tmp_path, state["pid"])      # idle for 6 s
    assert "ends, idle for 0.1 minutes" in (tmp_path / warm.log_name()).read_text(encoding="utf-8")


def test_a_warm_model_of_another_version_makes_way(tmp_path, monkeypatch):
    state = warm.start(tmp_path, 5)
    monkeypatch.setattr(warm, "identity", lambda *_: {"code": "another version of dossier"})

    def no_start(*_):
        raise RuntimeError("no other warm model in this test")
    monkeypatch.setattr(warm, "start", no_start)
    with pytest.raises(RuntimeError, match="no other warm model"):
        warm.connect(tmp_path, 5)
    assert ended(tmp_path, state["pid"]) and "ends, asked to stop" in (tmp_path / warm.log_name()).read_text(encoding="utf-8")
    assert warm.stop(tmp_path) == [] and warm.running(tmp_path) is None


def test_each_model_has_its_own_warm_model(tmp_path, capsys):
    """A dossier in two languages keeps a warm model for each: its builds never stop one to start
    the other, and `dossier stop` ends both."""
    cache = tmp_path / "cache"
    first, second = (english_pipeline(tmp_path / name) for name in ("en-a", "en-b"))
    one = Article("a1", "Titre", [Block("paragraph", "Bob Iger told the BBC.")])
    two = Article("a2", "Titre", [Block("paragraph", "Disney cut jobs in London.")])
    analyses = analyse.analyse_articles([one, two], cache, read=warm.reader(1), model={"a1": first, "a2": second})
    assert [e.label for e in analyses["a1"].blocks[0].entities] == ["PER", "ORG"]    # OntoNotes' PERSON
    states = [warm.read_state(cache / warm.state_name(name)) for name in (first, second)]
    assert len({state["pid"] for state in states}) == 2 and not (cache / warm.state_name()).exists()

    three = Article("a3", "Titre", [Block("paragraph", "Bob Iger is in London.")])
    analyse.analyse_articles([three, one], cache, read=warm.reader(1), model={"a3": second, "a1": first})
    assert [warm.read_state(cache / warm.state_name(name)) for name in (first, second)] == states   # none restarted
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - dossier:\n      cache: cache\n")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "stop"]) == 0     # `dossier stop` names each one it ended
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(
        f"dossier: the model kept warm (pid {state['pid']}) was asked to end" for state in states)
    assert all(ended(cache, state["pid"], name=name) for state, name in zip(states, (first, second)))
    assert warm.running(cache) is None


def test_a_stale_state_file_is_not_trusted(tmp_path):
    """A state file left by a killed warm model (or copied with the cache) names no live process."""
    warm.write_state(tmp_path / warm.state_name(), {"pid": 2 ** 22 + 1, "port": 9, "key": "00"})
    assert warm.running(tmp_path) is None and warm.stop(tmp_path) == []


@pytest.mark.parametrize("environment, command, minutes", [
    ({}, "build", 30), ({}, "serve", 0),                # a live preview keeps the model itself
    ({"CI": "true"}, "build", 0),                      # a CI job builds once
    ({"CI": "true", warm.ENVIRONMENT: "2.5"}, "build", 2.5), ({warm.ENVIRONMENT: "0"}, "build", 0),
    ({warm.ENVIRONMENT: "soon"}, "build", 0),
])
def test_one_off_builds_keep_the_model_warm_unless_told_not_to(environment, command, minutes, monkeypatch):
    for name in ("CI", warm.ENVIRONMENT):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    plugin = DossierPlugin()
    plugin.load_config({})
    plugin.on_startup(command=command, dirty=False)
    assert plugin.settings().warm_minutes == minutes
