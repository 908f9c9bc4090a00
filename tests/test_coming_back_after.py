"""Coming back after training is a plan to stay.

Found answering "Did you apply to other regions?" for the West: "If I match elsewhere I would
still want to come back to California for a job after residency." failed Plan to stay ("Nothing
says you plan to stay after training"). Coming back for training, or having come back, is not
a plan for after it."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

TIES = (
    "My husband is a nurse at Kaiser in Oakland and our kids are in school in Fremont. I ranked "
    "the Bay Area programs first. "
)


@pytest.mark.parametrize(
    "close",
    [
        "If I match elsewhere I would still come back to California for a job after residency.",
        "Wherever I train, I will move back to the Bay Area after training.",
        "If I train elsewhere we will come back after residency.",
    ],
)
def test_coming_back_after_training_is_a_plan_to_stay(catalog: Catalog, close: str) -> None:
    assert status(catalog, "other_regions", TIES + close, "plan_to_stay") == "pass"


@pytest.mark.parametrize(
    "close",
    [
        "I came back to California after my father's surgery.",
        "I want to come back to California for residency.",
    ],
)
def test_coming_back_otherwise_is_not(catalog: Catalog, close: str) -> None:
    assert status(catalog, "other_regions", TIES + close, "plan_to_stay") == "fail"


@pytest.mark.parametrize(
    "close",
    [
        "I want to spend my career serving the Latino community in LA.",
        "Los Angeles is home and always will be.",
    ],
)
def test_a_career_spent_there_is_a_plan_to_stay(catalog: Catalog, close: str) -> None:
    """Found answering "You trained outside this region. Why come back?" for the West: "I
    want to spend my career serving the Latino community in LA." failed Plan to stay."""
    assert status(catalog, "trained_elsewhere", TIES + close, "plan_to_stay") == "pass"
