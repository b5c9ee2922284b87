"""Quotes, speakers and dates on articles that are not seeds: tests/fixtures/quotes/articles, written
for this test in the styles of different outlets (AFP wire, Le Monde, an interview with dialogue
dashes, RFI, a debate between two women and a man, a Jeune Afrique analysis, a regional
Ouest-France story with organisations as speakers, a TV5Monde/AFP wire with two men alternating), with hand-written expectations in expected.yml.
They run through the whole pipeline, actor resolution included, with no registry."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from unidecode import unidecode

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


def fold(text: str) -> str:
    return unidecode(text.replace("’", "'")).casefold().strip()


@pytest.fixture(scope="module")
def unseen(nlp, tmp_path_factory):
    from dossier.pipeline import Settings, build_dossier

    dossier = build_dossier(Settings(FIXTURES / "articles", None, tmp_path_factory.mktemp("cache")))
    expected = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))["articles"]
    return dossier, expected


def test_quote_recall_and_speaker_accuracy(unseen):
    dossier, expected = unseen
    names = {a.id: {fold(n) for n in [a.name, *a.aliases]} for a in dossier.actors}
    found = right = total = 0
    misses = []
    for aid, spec in expected.items():
        ours = [q for q in dossier.quotes if q.article == aid]
        for gold in spec.get("quotes") or []:
            total += 1
            match = next((q for q in ours if fold(gold["starts"]) in fold(q.text)), None)
            found += match is not None
            said = match.speaker if match else None
            ok = match is not None and (said is None if gold["speaker"] is None
                                        else fold(gold["speaker"]) in names.get(said, set()))
            right += ok
            if not ok:
                misses.append(f"{aid}: {gold['starts']} — {said}, gold {gold['speaker']}")
    assert found / total >= 0.95, misses
    assert right / total >= 0.90, misses


def test_scare_quotes_and_questions_are_not_statements(unseen):
    dossier, expected = unseen
    false = [(aid, s) for aid, spec in expected.items() for s in spec.get("not_quotes") or []
             if any(fold(q.text).startswith(fold(s)) for q in dossier.quotes if q.article == aid)]
    assert false == []


def test_event_dates(unseen):
    dossier, expected = unseen
    for aid, spec in expected.items():
        ours = {e.date for e in dossier.events if e.article == aid}
        assert set(spec.get("dates") or []) <= ours, (aid, sorted(ours))
        assert not set(spec.get("not_dates") or []) & ours, (aid, sorted(ours))
