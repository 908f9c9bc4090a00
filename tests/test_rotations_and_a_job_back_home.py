"""A clinical rotation done is readiness, one called off is not; a job back home once training
is over is a plan to stay.

Before: "I have also applied to twelve family medicine programs in Texas, where I rotated in
2025" showed nothing of readiness, and "I would look for a job back in Georgia afterwards" no
plan to stay. A negation stops at "because": in "I did not match because COVID cancelled my
rotations" the "not" does not undo the cancelling."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

FALLBACK = (
    "If I do not match into emergency medicine I have also applied to twelve family medicine "
    "programs in Texas, where I rotated in 2025, and I would be glad to train in either. Family "
    "medicine keeps the breadth I like, and I will finish the cycle in whichever I match."
)


def test_a_rotation_done_is_readiness(catalog: Catalog) -> None:
    assert status(catalog, "fallback_specialty", FALLBACK, "readiness") == "pass"


def test_rotations_called_off_or_planned_are_not(catalog: Catalog) -> None:
    cancelled = (
        "I did not match because COVID cancelled my rotations in 2021. Since then I have "
        "applied again with the same list of programs."
    )
    assert status(catalog, "fallback_specialty", cancelled, "readiness") == "fail"
    planned = (
        "I plan to do an away rotation in Houston next spring, and I have applied to family "
        "medicine programs across Texas."
    )
    assert status(catalog, "fallback_specialty", planned, "readiness") == "fail"


def test_a_job_back_home_after_training_is_a_plan_to_stay(catalog: Catalog) -> None:
    answer = (
        "I am applying mainly in the South because my parents are in Atlanta, but I also applied "
        "to a few programs in the Midwest where I did my research year. If I match outside "
        "Georgia I will still drive home once a month, and I would look for a job back in "
        "Georgia afterwards."
    )
    south = TargetRegion("south", "the South")
    assert status(catalog, "other_regions", answer, "plan_to_stay", south) == "pass"
