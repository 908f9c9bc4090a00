"""A mistake told in the passive, an unclear order blamed, a stay stated as "not going
anywhere", and activities counted ("two away rotations").

Found answering the practice questions: "There was a time where a mistake happened with a
patients medication. The nurse gave the wrong dose because the order was not clear." passed No
blaming; "We are not going anywhere." was not read as a plan to stay; "I did two away rotations
at Baylor and UTMB in 2025" was one local activity, "a visit", though it was two."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

SOUTH = TargetRegion("south", "the South")


@pytest.mark.parametrize(
    "sentence",
    [
        "There was a time where a mistake happened with a patient's medication.",
        "Mistakes were made with a patient's medication.",
        "An error occurred with a patient's insulin.",
        "The nurse gave the wrong dose because the order was not clear.",
        "The dose was wrong because the orders were unclear.",
    ],
)
def test_an_error_put_on_no_one_or_on_the_order_is_blame(catalog: Catalog, sentence: str) -> None:
    answer = f"{sentence} After that the hospital changed the order sets in 2024."
    assert status(catalog, "mistake", answer, "no_blame") == "fail"


def test_an_order_of_ones_own_owned_is_not(catalog: Catalog) -> None:
    answer = (
        "I wrote an insulin order that was not clear about timing, and the nurse gave it early. "
        "I told my resident at once and now I read every order back."
    )
    assert status(catalog, "mistake", answer, "no_blame") == "pass"


@pytest.mark.parametrize(
    "close",
    ["We are not going anywhere.", "We're not going anywhere.", "I am not going anywhere."],
)
def test_not_going_anywhere_is_a_plan_to_stay(catalog: Catalog, close: str) -> None:
    answer = f"My wife is from Milwaukee and her parents help us with our children. {close}"
    assert status(catalog, "will_you_stay", answer, "plan_to_stay") == "pass"


def test_counted_activities_are_repeated(catalog: Catalog) -> None:
    answer = (
        "I am from Houston and my parents still live in Sugar Land. I did two away rotations at "
        "Baylor and UTMB in 2025. I want to practice in Houston after residency."
    )
    assert status(catalog, "why_region", answer, "local_activity", SOUTH) == "pass"


def test_one_activity_is_still_one(catalog: Catalog) -> None:
    answer = (
        "I am from Houston and my parents still live in Sugar Land. I did an away rotation at "
        "Baylor for two weeks in 2025. I want to practice in Houston after residency."
    )
    assert status(catalog, "why_region", answer, "local_activity", SOUTH) == "warn"
