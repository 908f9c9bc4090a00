"""An adverb between "I" and its verb does not hide the phrase.

Found answering "What has changed since then?" as a returner: "I got treatment for my
depression in 2022 ... I also learned to build a support system" failed Ownership, though "I
learned to" is one of its phrases: the "also" stood between. The same held for "I have since
learned to", "I then told my resident", "I've also learned to" and "I finally asked"."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import Analysed, compiled
from tests.test_lessons_and_gaps import status

CHANGED = (
    "Since 2024 I have worked as a hospitalist scribe at Mayo Clinic, four shifts a week. "
    "{sentence} I will keep that habit in residency."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "I also learned to build a support system and meet a mentor monthly.",
        "I have since learned to ask for help before I fall behind.",
        "I've also learned to ask for help before I fall behind.",
        "I then told my resident what had happened.",
        "I eventually realised that I had been studying alone.",
        "I also had no backup plan.",
    ],
)
def test_an_adverb_after_i_is_read_past(catalog: Catalog, sentence: str) -> None:
    assert status(catalog, "what_changed", CHANGED.format(sentence=sentence), "ownership") == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "My co-resident also learned to build a support system.",
        "I also have been working nights.",
        "We then told the family what had happened.",
    ],
)
def test_without_the_phrase_nothing_is_read(catalog: Catalog, sentence: str) -> None:
    assert status(catalog, "what_changed", CHANGED.format(sentence=sentence), "ownership") == "fail"


def test_the_hit_quotes_the_words_as_written(catalog: Catalog) -> None:
    answer = Analysed("I have since learned to ask for help.", compiled(catalog))
    assert [h.found for h in answer.hits("ownership")] == ["I have since learned to"]
