"""A plan to stay is read against the region applied to.

Found answering "Will you stay in this region after residency?" for the Midwest as an applicant
whose family is in Chicago: "My wife and I have no plans to move away from Texas." passed Plan
to stay, as "I plan to stay in Ohio" does, though it says the applicant means to stay somewhere
else. Read for the South it is a plan to stay; a plan that names no place, or one that names the
region applied to, still counts."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion, judge_story

MIDWEST = TargetRegion("midwest", "the Midwest")
SOUTH = TargetRegion("south", "the South")

TIES = (
    "My parents and my brother live in Chicago and I spent every summer of medical school at "
    "my uncle's clinic in Evanston. "
)
TEXAS = TIES + "My wife and I have no plans to move away from Texas."


def plan_to_stay(answer: str, target: TargetRegion, catalog: Catalog) -> tuple[str, str]:
    check = analyse("will_you_stay", answer, None, catalog, target=target).check("plan_to_stay")
    assert check is not None
    return check.status, check.detail


def test_a_plan_to_stay_elsewhere_is_not_one(catalog: Catalog) -> None:
    status, detail = plan_to_stay(TEXAS, MIDWEST, catalog)
    assert status == "fail"
    assert "Texas" in detail and "the Midwest" in detail


def test_read_for_its_own_region_it_is(catalog: Catalog) -> None:
    assert plan_to_stay(TEXAS, SOUTH, catalog)[0] == "pass"


@pytest.mark.parametrize(
    "close",
    [
        "My wife and I have no plans to move away.",
        "I plan to stay in Illinois and build my practice near my parents.",
        "We grew up in Texas, but we plan to stay in the Midwest for good.",
    ],
)
def test_a_plan_here_or_nowhere_named_still_counts(catalog: Catalog, close: str) -> None:
    assert plan_to_stay(TIES + close, MIDWEST, catalog)[0] == "pass"


def test_without_a_target_the_plan_counts(catalog: Catalog) -> None:
    check = analyse("will_you_stay", TEXAS, None, catalog).check("plan_to_stay")
    assert check is not None and check.status == "pass"


def test_the_why_home_story_reads_it_the_same_way(catalog: Catalog) -> None:
    """The Reality check's why-home story counts a plan to stay only for the region applied to,
    as the practice check does."""
    away = judge_story("why_home", TEXAS, catalog, region="midwest")
    home = judge_story("why_home", TEXAS, catalog, region="south")
    assert "plan_to_stay" not in away.signals
    assert "plan_to_stay" in home.signals


def test_a_plan_to_stay_elsewhere_still_looks_ahead(catalog: Catalog) -> None:
    """Only the plan's place is wrong: the close still looks ahead, so one fault costs once."""
    check = analyse("will_you_stay", TEXAS, None, catalog, target=MIDWEST).check("forward_close")
    assert check is not None and check.status == "pass"


def test_the_sentence_about_elsewhere_is_quoted(catalog: Catalog) -> None:
    """The feedback quotes the sentence that placed the plan, ties or activity elsewhere, so
    the applicant sees which one to rewrite (it quoted nothing)."""
    answer = (
        "I did my medical school in Texas and my parents live in Dallas. I did a rotation in "
        "Houston. My wife and I have no plans to move away from Texas."
    )
    feedback = analyse("why_region", answer, None, catalog, target=MIDWEST)
    for check_id, quoted in (
        ("ties", "my parents live in Dallas"),
        ("local_activity", "I did a rotation in Houston"),
        ("plan_to_stay", "no plans to move away from Texas"),
    ):
        check = feedback.check(check_id)
        assert check is not None and check.status == "fail"
        assert any(quoted in evidence for evidence in check.evidence), (check_id, check.evidence)
