"""Staying calm is not staying in the region.

Found writing a weakness answer: "I still feel the pull to stay quiet, but I act against it
every week" was told its close looks ahead because of "to stay", and "I stay calm in a crisis"
counted as a plan to stay. "stay", "to stay" and "remain" followed by a state of mind ("calm",
"quiet", "focused", "up late") no longer count (lexicon.toml [plan_to_stay], [forward])."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


def status(question: str, text: str, check: str, catalog: Catalog) -> str:
    feedback = analyse(question, text, None, catalog)
    return {c.id: c for c in feedback.checks}[check].status


@pytest.mark.parametrize(
    "sentence",
    [
        "I stay calm when the unit is busy.",
        "I remain focused on every patient in front of me.",
        "As a student I would stay up late to finish my notes.",
    ],
)
def test_a_state_of_mind_is_no_plan_to_stay(catalog: Catalog, sentence: str) -> None:
    assert status("will_you_stay", sentence, "plan_to_stay", catalog) == "fail"


@pytest.mark.parametrize(
    "sentence",
    [
        "I want to stay in Ohio for the rest of my career.",
        "My plan is to stay.",
        "I will remain here after residency.",
    ],
)
def test_staying_in_a_place_is_a_plan(catalog: Catalog, sentence: str) -> None:
    assert status("will_you_stay", sentence, "plan_to_stay", catalog) == "pass"


def test_staying_quiet_is_not_a_forward_close(catalog: Catalog) -> None:
    text = (
        "My weakness has been speaking up when I am unsure. I still feel the pull to stay "
        "quiet, but I act against it."
    )
    feedback = analyse("greatest_weakness", text, None, catalog)
    close = {c.id: c for c in feedback.checks}["forward_close"]
    assert "to stay" not in close.matches
