"""A move made whatever the Match brings is a plan to stay; being home for a child is why one
stepped away.

Before: "We have already signed a lease in Des Moines ... We are moving there regardless of the
match." failed Plan to stay, and "I chose to be home with him" (a son's heart surgeries) left a
returner's story without why they stepped away."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

MIDWEST = TargetRegion("midwest", "the Midwest")


def test_moving_regardless_of_the_match_is_a_plan_to_stay(catalog: Catalog) -> None:
    answer = (
        "My wife is from Des Moines and her parents are there. In 2025 I did a four-week "
        "rotation at Broadlawns in Des Moines. We have signed a lease in Des Moines for July "
        "2027. We are moving there regardless of the match."
    )
    assert status(catalog, "trained_elsewhere", answer, "plan_to_stay", MIDWEST) == "pass"
    elsewhere = "My wife is from Houston. We are moving to Texas regardless of the match."
    assert status(catalog, "trained_elsewhere", elsewhere, "plan_to_stay", MIDWEST) == "fail"


def test_being_home_for_a_child_is_why_one_stepped_away(catalog: Catalog) -> None:
    answer = (
        "After my intern year in 2015 I left because my son was born with a heart defect and "
        "needed three surgeries. I chose to be home with him. He is now ten and healthy. In "
        "2025 I completed a physician refresher program. I am ready to finish what I started."
    )
    arc = analyse("why_left_medicine", answer, None, catalog).check("arc")
    assert arc is not None and arc.status == "pass", arc.detail
