"""The range note names only the adjustments that weigh on this profile.

Found as a US-citizen IMG (five years out, one failure, two unmatched cycles, clinical work
now, no visa needed): the note said the range is wide "because how much years out, exam
failures, time away from clinical work, earlier cycles, a missing Step 3 and a visa cost is
assumed", naming three costs the profile does not pay (an IMG's Step 3 is not among its
adjustments). It now names the ones that lower this profile's chance."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.mix import estimate, recommended_mix
from tests.test_assess_engine import make


def test_only_the_costs_paid_are_named(catalog: Catalog) -> None:
    img = make(
        applicant__degree="us_img",
        applicant__graduation_year=2021,
        exams__total_failures=1,
        exams__step1_attempts=2,
        exams__step3="not_taken",
        exams__step3_year=None,
        history__cycles_applied=2,
        history__last_outcome="unmatched",
        targets__specialties=["family_medicine"],
    )
    found = estimate(img, catalog, recommended_mix(img, catalog))
    assert "re-entry risk as high" in found.range_note
    assert "the assumed cost of years out, exam failures and earlier cycles (none of it" in (
        found.range_note
    )
    for unpaid in ("Step 3", "visa", "clinical work"):
        assert unpaid not in found.range_note
