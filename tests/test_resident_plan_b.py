"""A resident's plan B of going on in the training they are in is concrete, and a conditional
"if I do not match" no longer negates the plan that follows it without a comma.

Found as a PGY-2 in surgery applying to psychiatry: "If I do not match I will finish my surgery
residency." was judged generic ("Add the role, program type or place by name..."): finishing a
residency named nothing the analyser knew, and the "not" of the condition reached "finish"."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import judge_story


@pytest.mark.parametrize(
    "text",
    [
        "If I do not match I will finish my surgery residency.",
        "If I don't match I'll stay in my current program and finish my training.",
        "If I do not match, I will complete my internal medicine residency here.",
    ],
)
def test_going_on_in_ones_training_is_a_concrete_plan_b(catalog: Catalog, text: str) -> None:
    verdict = judge_story("plan_b", text, catalog)
    assert verdict.quality == "concrete"
    assert "readiness" in verdict.signals


@pytest.mark.parametrize(
    "text",
    [
        "I have not seen patients since 2019.",
        "I did not finish my residency.",
    ],
)
def test_a_plain_negation_still_negates(catalog: Catalog, text: str) -> None:
    assert "readiness" not in judge_story("why_now", text, catalog).signals
