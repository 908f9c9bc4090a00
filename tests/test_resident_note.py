"""A resident applying again is told what the prior-graduate rate their estimate is anchored to
holds: NRMP counts residents changing course with graduates who went unmatched, and nothing
published splits them. Found as a PGY-2 in surgery applying to psychiatry, shown "Anchored to the
2025 match rate of US MD prior graduates (45.9%)" as if that were the rate of residents."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.mix import estimate, recommended_mix
from tests.test_assess_engine import make

SENTENCE = "NRMP counts a resident who applies again among its prior graduates"


def test_a_resident_is_told_what_the_anchor_holds(catalog: Catalog) -> None:
    resident = make(
        applicant__stage="resident",
        applicant__graduation_year=2024,
        applicant__current_region="south",
        targets__specialties=["psychiatry"],
    )
    assert resident.applicant.situation == "in_training"
    found = estimate(resident, catalog, recommended_mix(resident, catalog))
    assert found.applicant_type == "us_md_graduate"
    assert SENTENCE in found.calibration_note


def test_a_graduate_out_of_training_is_not(catalog: Catalog) -> None:
    graduate = make()
    found = estimate(graduate, catalog, recommended_mix(graduate, catalog))
    assert found.applicant_type == "us_md_graduate"
    assert SENTENCE not in found.calibration_note
