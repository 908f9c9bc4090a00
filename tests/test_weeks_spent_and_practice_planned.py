"""Weeks spent at a hospital there, a second stay told as "another", practice planned there
and a move away refused count in a region answer.

Before: "I spent four weeks at Providence Sacred Heart in Spokane this August and another four at
the University of Washington in Seattle in October." was no local activity; "After residency I
plan to practise family medicine on the Iron Range" and "I will reapply next year rather than
move across the country" were no plan to stay."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

WEST = TargetRegion("west", "the West")
MIDWEST = TargetRegion("midwest", "the Midwest")


def test_weeks_spent_at_hospitals_there_are_repeated_local_activity(catalog: Catalog) -> None:
    answer = (
        "I grew up in Spokane and my parents still live there. I spent four weeks at Providence "
        "Sacred Heart in Spokane this August and another four at the University of Washington in "
        "Seattle in October. I want to practise in eastern Washington long term."
    )
    assert status(catalog, "trained_elsewhere", answer, "local_activity", WEST) == "pass"
    home = "I grew up in Spokane. I spent two weeks at home in Spokane last summer."
    assert status(catalog, "trained_elsewhere", home, "local_activity", WEST) == "fail"


def test_practice_planned_there_is_a_plan_to_stay(catalog: Catalog) -> None:
    answer = (
        "I grew up in Duluth and my parents still live there. After residency I plan to "
        "practise family medicine on the Iron Range in Minnesota."
    )
    assert status(catalog, "why_region", answer, "plan_to_stay", MIDWEST) == "pass"


def test_a_move_away_refused_is_a_plan_to_stay(catalog: Catalog) -> None:
    answer = (
        "My wife is a resident at OHSU in Portland until 2029. If I do not match in Oregon, I "
        "will reapply next year rather than move across the country."
    )
    assert status(catalog, "other_regions", answer, "plan_to_stay", WEST) == "pass"


def test_no_further_move_is_a_plan_to_stay(catalog: Catalog) -> None:
    """Found later: "My children are in school here and we are not planning to move again."
    was no plan to stay."""
    answer = (
        "My husband got a faculty position at Yale in 2024, so we moved to New Haven. My "
        "children are in school here in Connecticut and we are not planning to move again."
    )
    northeast = TargetRegion("northeast", "the Northeast")
    assert status(catalog, "why_region", answer, "plan_to_stay", northeast) == "pass"


def test_a_poster_to_present_closes_the_answer(catalog: Catalog) -> None:
    """(With an adverb after "I am": tests/test_adverb_after_i_am.py.)"""
    answer = (
        "I did a four-week rotation at UIHC in Iowa City last fall. I am presenting a poster "
        "at the Iowa Academy of Family Physicians meeting in March."
    )
    assert status(catalog, "connect_region", answer, "forward_close", MIDWEST) == "pass"
