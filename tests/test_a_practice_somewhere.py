"""Practising somewhere is a plan to stay; a practice somewhere is a workplace. A critique of
oneself taken up is one's own part.

Before: "every summer I worked as a medical assistant at a family practice in Fishtown" was a
plan to stay (and an answer ending on "a family practice in Marietta" looked ahead); "Dr. Chen
told me I should commit to a plan sooner" named no part of one's own."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

NORTHEAST = TargetRegion("northeast", "the Northeast")
MIDWEST = TargetRegion("midwest", "the Midwest")


def test_a_family_practice_is_a_workplace_not_a_plan(catalog: Catalog) -> None:
    answer = (
        "My grandmother raised me in Philadelphia. Every summer I worked as a medical assistant "
        "at a family practice in Fishtown."
    )
    assert status(catalog, "why_region", answer, "plan_to_stay", NORTHEAST) == "fail"
    walk = (
        "My Step 2 CK is 238, first attempt. This year I have worked as a medical assistant in "
        "a family practice in Marietta, and my letters come from the two physicians there."
    )
    assert status(catalog, "walk_through_application", walk, "forward_close") == "fail"


def test_practising_or_joining_a_practice_there_is_a_plan(catalog: Catalog) -> None:
    plan = "My wife grew up in Green Bay. I plan to practice in Wisconsin after residency."
    assert status(catalog, "why_region", plan, "plan_to_stay", MIDWEST) == "pass"
    offer = (
        "My wife grew up in Green Bay. I have a job offer to join a group practice in Green Bay "
        "after residency."
    )
    assert status(catalog, "will_you_stay", offer, "plan_to_stay", MIDWEST) == "pass"


def test_a_critique_taken_up_is_ones_own_part(catalog: Catalog) -> None:
    answer = (
        "Dr. Chen, who supervised my observership, told me I should commit to a plan sooner "
        "instead of listing every possible diagnosis. Since May I have been ending each "
        "presentation with one leading diagnosis and one next step."
    )
    assert status(catalog, "letter_writers_improve", answer, "ownership") == "pass"
