"""The pipeline's own speed helpers (issue 16): what it starts ahead of the stages that need it."""
from __future__ import annotations

import py3langid.langid

from dossier import language, pipeline


def test_language_model_is_read_ahead_and_detection_gives_the_same_answer():
    thread = pipeline.language_model_ahead()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert py3langid.langid.IDENTIFIER is not None    # read once, in the thread: detection reuses it
    text = "Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient à Genève."
    assert language.detect(text) == "fr"
    english = "The foreign minister said on Tuesday that the talks would resume in Geneva next week."
    assert language.detect(english) == "en"


def test_a_second_reading_ahead_is_harmless():
    identifier = py3langid.langid._get_identifier()
    thread = pipeline.language_model_ahead()
    thread.join(timeout=120)
    assert py3langid.langid.IDENTIFIER is identifier   # already read: not read again
