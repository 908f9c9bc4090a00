"""A plan B typed as a list of steps under a heading ("If I don't match: 1) keep my job ...;
2) take Step 3 ...") says what one will do as plainly as "I will": the heading looks ahead when
a colon follows it (lexicon `forward`, `followed_by = [":"]`). The same words followed by a
comma are no plan ("If I don't match, I don't know.")."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.text import judge_story

_STEPS = (
    "1) keep my job as a medical assistant at Mercy clinic in Des Moines; 2) take Step 3 in "
    "spring 2027; 3) reapply to 80 family medicine programs in September."
)


@pytest.mark.parametrize(
    "heading",
    ["If I don't match:", "If unmatched:", "If I do not match again:", "If I go unmatched:"],
)
def test_a_list_of_steps_under_a_heading_is_a_concrete_plan_b(catalog: Any, heading: str) -> None:
    verdict = judge_story("plan_b", f"{heading} {_STEPS}", catalog, "midwest")
    assert verdict.quality == "concrete", verdict.reason
    assert "forward" in verdict.signals


def test_the_same_words_before_a_comma_are_no_plan(catalog: Any) -> None:
    text = "If I don't match, I don't know. My job as a medical assistant at Mercy in Des Moines."
    verdict = judge_story("plan_b", text, catalog, "midwest")
    assert "forward" not in verdict.signals
    assert verdict.quality != "concrete"


def test_a_colon_after_other_words_changes_nothing(catalog: Any) -> None:
    """A listed mark is read only where a phrase asks for it: "we'll see:" is still no plan
    of the `followed_by = ["$"]` kind, and a word list is not met by a mark."""
    verdict = judge_story("plan_b", "My options: research, teaching, industry.", catalog, "midwest")
    assert "forward" not in verdict.signals
