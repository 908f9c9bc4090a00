"""A tie said not to be there names no tie.

Found writing why-home stories as a graduate whose family had left the region: "My parents do
not live in Tucson anymore." and "None of my family lives in Arizona." named a tie ("My
parents", "my family"), and so did "I have never lived in Arizona." ("lived in"). A tie phrase
with a [tie_negators] phrase within two words of it, in its sentence, now names none; a tie
further off in the same sentence still counts."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import text
from matchtui.models.lexicon import lexicon

NONE = {
    "do_not_live": "My parents do not live in Tucson anymore.",
    "none_of": "None of my family lives in Arizona.",
    "never_lived": "I have never lived in Arizona.",
    "no_longer": "My family no longer lives there.",
    "not_from": "My wife is not from Arizona.",
}

KEPT = {
    "other_person": (
        "My parents live in Tucson and my sister no longer lives in Ohio.",
        ["My parents"],
    ),
    "but": ("My wife is not from Arizona, but my parents live in Tucson.", ["my parents"]),
    "moved_away": (
        "I was born and raised in Tucson, and although I moved away for school, my family is "
        "still there.",
        ["born", "raised", "my family"],
    ),
    "never_elsewhere": ("I grew up in Tucson and never lived anywhere else.", ["grew up"]),
}


@pytest.mark.parametrize("sentence", NONE.values(), ids=NONE.keys())
def test_a_negated_tie_is_none(catalog: Catalog, sentence: str) -> None:
    assert text.Analysed(sentence, text.compiled(catalog)).hits("ties") == []
    story = f"{sentence} Tucson has great food. I plan to stay in Arizona for good."
    verdict = text.judge_story("why_home", story, catalog)
    assert "ties" not in verdict.signals and verdict.quality != "concrete"


@pytest.mark.parametrize(("sentence", "ties"), KEPT.values(), ids=KEPT.keys())
def test_a_tie_further_off_still_counts(catalog: Catalog, sentence: str, ties: list[str]) -> None:
    found = text.Analysed(sentence, text.compiled(catalog)).hits("ties")
    assert [hit.found for hit in found] == ties


def test_the_list_is_an_assumption_read_with_the_ties(catalog: Catalog) -> None:
    found = lexicon(catalog).tie_negators
    assert found is not None and found.note and found.reliability == "assumption"
    assert "tie_negators" in text.compiled(catalog).story_groups("why_home")
