"""A sentence that tells a return is read in two: what comes before the return against the places
named before it (where one came from), the rest against the places after it.

Before: "After medical school in Philadelphia I came back in 2023 to work as a clinical research
coordinator at UAB" was work in Philadelphia, outside the South; and "During medical school in
Arizona I came back every summer to work as a CNA in Duluth" made "medical school in" a tie to
the Midwest."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

SOUTH = TargetRegion("south", "the South")
MIDWEST = TargetRegion("midwest", "the Midwest")

BIRMINGHAM = (
    "I grew up in Birmingham and my parents still live in Hoover. After medical school in "
    "Philadelphia I came back in 2023 to work as a clinical research coordinator at UAB. I plan "
    "to stay in Alabama after residency."
)


def test_work_after_coming_back_counts_at_home(catalog: Catalog) -> None:
    feedback = analyse("why_region", BIRMINGHAM, None, catalog, target=SOUTH)
    check = next(c for c in feedback.checks if c.id == "local_activity")
    assert check.status != "fail"
    assert "Philadelphia" not in check.detail


def test_what_came_before_the_return_is_about_where_one_came_from(catalog: Catalog) -> None:
    answer = (
        "During medical school in Arizona I came back every summer to work as a CNA at a "
        "hospital in Duluth."
    )
    feedback = analyse("why_region", answer, None, catalog, target=MIDWEST)
    ties = next(c for c in feedback.checks if c.id == "ties")
    assert "medical school in" not in ties.detail
    assert feedback.status("local_activity") != "fail"  # the work was in Duluth


def test_a_return_to_somewhere_else_is_about_that_place(catalog: Catalog) -> None:
    answer = "I moved back to Texas in 2023 and I work as a scribe in Houston every week."
    assert status(catalog, "why_region", answer, "local_activity", MIDWEST) == "fail"


def test_a_why_home_story_reads_a_return_the_same(catalog: Catalog) -> None:
    from matchtui.engine.text import judge_story

    story = (
        "I grew up in Birmingham and my parents still live in Hoover. After medical school in "
        "Philadelphia I came back in 2023 to work as a clinical research coordinator at UAB."
    )
    verdict = judge_story("why_home", story, catalog, "south")
    assert "local_activity" in verdict.signals
    assert "work as" in verdict.concrete


def test_staying_said_as_under_way_looks_ahead(catalog: Catalog) -> None:
    """Before: "We are staying in Georgia." did not end the answer looking ahead."""
    answer = (
        "My husband's family is in Savannah and we moved there in 2022. I have worked as a "
        "medical assistant at a community clinic in Pooler for two years. We are staying in "
        "Georgia."
    )
    assert status(catalog, "connect_region", answer, "forward_close", SOUTH) == "pass"
    assert status(catalog, "why_region", answer, "plan_to_stay", SOUTH) == "pass"
