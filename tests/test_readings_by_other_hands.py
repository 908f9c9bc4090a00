"""Readings found by answer and story sets written by other hands (session 43), each wrong
before:
- a close that puts the decision off ("We will decide later.", "we'll see how things go") looked
  ahead, while "we will see 20 patients a day" must still be a plan;
- "if i dont match ill stay on as a research fellow" (I'll typed without its apostrophe) was no
  plan, while "my mother fell ill" must stay the word ill;
- "the patients I hope to serve one day" counted "one day" as a detail, "one day a week" must;
- a region on its own ("my family lives in the South", "I will stay in the Midwest") was a
  checkable place, where "South Carolina" is."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion, judge_story

_SOUTH = TargetRegion("south", "the South")


def _check(
    qid: str, text: str, catalog: Any, check_id: str, target: TargetRegion | None = None
) -> Any:
    return analyse(qid, text, None, catalog, target=target).check(check_id)


_OPENING = "I did research at Emory from 2022 to 2024. "


@pytest.mark.parametrize(
    "close",
    [
        "We will decide later.",
        "I'll probably take it at some point, we'll see how things go.",
        "i guess i'm still hoping it works out this time, we'll see",
        "I'd hopefully look into geriatrics down the line, but we'll see.",
    ],
)
def test_a_decision_put_off_does_not_look_ahead(catalog: Any, close: str) -> None:
    check = _check("step3_status", _OPENING + close, catalog, "forward_close")
    assert check.status == "fail", (close, check.detail)


@pytest.mark.parametrize(
    "close",
    [
        "In clinic we will see 20 patients a day and I will keep up.",
        "In clinic we will see twenty patients a day and I will keep up.",
        "We will see each patient within an hour, and I will be ready for that pace.",
    ],
)
def test_patients_seen_ahead_still_look_ahead(catalog: Any, close: str) -> None:
    check = _check("step3_status", _OPENING + close, catalog, "forward_close")
    assert check.status == "pass", (close, check.detail)


def test_ill_typed_for_i_will_is_a_plan(catalog: Any) -> None:
    story = (
        "if i dont match ill stay on as a research fellow in the hepatology lab for another yr "
        "and reapply"
    )
    verdict = judge_story("plan_b", story, catalog, "midwest")
    assert verdict.quality == "concrete", verdict.reason
    assert "forward" in verdict.signals


def test_falling_ill_is_no_plan(catalog: Any) -> None:
    story = "My mother fell ill in 2021 and I cared for her at home in Lagos for two years."
    assert "forward" not in judge_story("plan_b", story, catalog, "midwest").signals
    close = _check(
        "why_left_medicine",
        "I left residency in 2019. In 2021 my mother fell ill.",
        catalog,
        "forward_close",
    )
    assert close.status == "fail", close.detail


def test_one_day_as_a_saying_is_no_detail(catalog: Any) -> None:
    story = "I will keep my heart centered on the patients I hope to serve one day."
    verdict = judge_story("plan_b", story, catalog, "northeast")
    assert verdict.quality == "generic", verdict.reason
    assert "specifics" not in verdict.signals


@pytest.mark.parametrize(
    "story",
    [
        "I will keep working one day a week in the clinic.",
        "I will keep working one day per week with my preceptor.",
    ],
)
def test_one_day_in_a_rhythm_is_a_detail(catalog: Any, story: str) -> None:
    assert "specifics" in judge_story("plan_b", story, catalog, "northeast").signals


def test_a_region_on_its_own_is_no_place_to_check(catalog: Any) -> None:
    story = "My family lives in the South and I want to be close to them."
    verdict = judge_story("why_home", story, catalog, "south")
    assert verdict.quality == "generic", verdict.reason
    assert "specifics" not in verdict.signals
    gamed = (
        "I grew up in the Midwest. I love Chicago, Milwaukee, Detroit and Cleveland. I will stay "
        "in the Midwest. I will practice in the Midwest. I will build my career in the Midwest."
    )
    specifics = _check("why_region", gamed, catalog, "specifics")
    assert specifics.status == "warn", specifics.detail
    assert '"Midwest"' not in specifics.detail


@pytest.mark.parametrize(
    ("story", "named"),
    [
        ("My family lives in South Carolina and I want to be close to them.", "South Carolina"),
        ("My family lives in the South, in Georgia, and I want to stay near them.", "Georgia"),
    ],
)
def test_a_state_in_the_region_is_a_place(catalog: Any, story: str, named: str) -> None:
    verdict = judge_story("why_home", story, catalog, "south")
    assert verdict.quality == "concrete", verdict.reason
    assert named in verdict.reason
