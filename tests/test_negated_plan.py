"""A plan to stay, negated, is a plan to leave.

Found trying the why-region question with answers a returner might give on a bad day: "I do not
plan to stay in Arizona after residency." passed Plan to stay ("stay"), and so did "I won't stay
long term" and "I have no plans to stay"; a why-home story counted them as its plan to stay. A
plan_to_stay phrase after a [stay_negators] phrase in its sentence now counts for nothing, and
the practice check fails naming both. A plan not to leave ("I have no plans to leave", "I never
want to leave") is a plan to stay."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice, text
from matchtui.models.lexicon import lexicon

TIES = "I grew up in Tucson and my parents still live there. I rotated at Banner in 2025. "

LEAVING = {
    "do_not_plan": ("I do not plan to stay in Arizona after residency.", "not plan to"),
    "wont_stay": ("I won't stay long term.", "won't stay"),
    "no_plans": ("I have no plans to stay.", "no plans to"),
    "dont_want": ("I don't want to settle in Arizona for good.", "don't want to"),
    "not_going_to": ("I am not going to stay after training.", "not going to"),
}

STAYING = {
    "no_plans_to_leave": "I have no plans to leave Arizona.",
    "never_want_to_leave": "I never want to leave Arizona.",
    "will_not_leave": "I will not leave Arizona after training.",
    "dont_plan_to_leave": "I don't plan to leave.",
    "negative_elsewhere": "I did not match in 2023. I plan to stay in Arizona for good.",
}


def _plan(answer: str, catalog: Catalog) -> tuple[str, list[str], str]:
    feedback = practice.analyse("why_region", answer, None, catalog)
    check = next(c for c in feedback.checks if c.id == "plan_to_stay")
    return check.status, [m.lower() for m in check.matches], check.detail


@pytest.mark.parametrize(("close", "negator"), LEAVING.values(), ids=LEAVING.keys())
def test_a_negated_plan_fails_and_is_no_story_signal(
    catalog: Catalog, close: str, negator: str
) -> None:
    status, matches, detail = _plan(TIES + close, catalog)
    assert status == "fail"
    assert negator.lower() in matches and "you do not plan to stay" in detail.lower()
    assert "plan_to_stay" not in text.judge_story("why_home", TIES + close, catalog).signals


@pytest.mark.parametrize("close", STAYING.values(), ids=STAYING.keys())
def test_a_plan_not_to_leave_is_a_plan_to_stay(catalog: Catalog, close: str) -> None:
    assert _plan(TIES + close, catalog)[0] == "pass"
    assert "plan_to_stay" in text.judge_story("why_home", TIES + close, catalog).signals


def test_uncertainty_stays_a_hedge(catalog: Catalog) -> None:
    assert _plan(TIES + "I am not sure I will settle there.", catalog)[0] == "warn"


def test_the_list_is_an_assumption_read_with_the_plan(catalog: Catalog) -> None:
    found = lexicon(catalog).stay_negators
    assert found is not None and found.note and found.reliability == "assumption"
    assert "stay_negators" in text.compiled(catalog).story_groups("why_home")
