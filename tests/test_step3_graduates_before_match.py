"""A student who graduates before the Match applied for is a prior graduate in it, and Step 3 (or
Level 3) is expected of them as of any graduate out of training by then: one rule
(engine.assess.step3_expected) for the Reality check's Step 3 verdict and the estimate's
no_step3 adjustment.

Found by the review of this session's work (item 5): the DO student of audit persona c4 switched
to the 2028 Match (graduating in 2027) with no Level 3 was put in the prior-graduate group but
skipped that group's Step 3 adjustment (engine.mix read `is_reentry`, False for a student):
no_step3=False and 27% where the same person entered as a graduate got no_step3=True and 20%.
The Reality check called Level 3 "not expected" for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess, step3_expected
from matchtui.engine.mix import estimate, inputs_of, missing_step3
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile
from tests.test_graduated_by_match import student

TODAY = dt.date(2026, 12, 5)
MIX = MixPlan(
    specialty="anesthesiology",
    applications=60,
    academic_pct=25,
    mid_tier_pct=35,
    community_pct=40,
    region_share_pct=50,
)


def graduate(cycle_year: int = 2028) -> Profile:
    """c4 as a graduate (out of training since 2027) aiming at the same Match."""
    data = student(cycle_year).model_dump(mode="json", exclude_none=True)
    applicant = data["applicant"]
    applicant["situation"] = "not_in_training"
    for key in ("student_year", "training_region", "region_decided"):
        applicant.pop(key, None)
    applicant.update(decided_year=2025, decided_month=1)
    return Profile.model_validate(data)


def with_level3(profile: Profile, **exams: Any) -> Profile:
    data = profile.model_dump(mode="json", exclude_none=True)
    data["exams"].update(exams)
    return Profile.model_validate(data)


def test_the_same_person_reads_the_same_as_student_or_graduate(catalog: Catalog) -> None:
    switched, entered = student(2028), graduate(2028)
    assert switched.graduates_before_match and not switched.is_reentry
    for profile in (switched, entered):
        assert step3_expected(profile, catalog)
        assert inputs_of(profile, catalog, TODAY).no_step3
        assert missing_step3(profile, catalog, TODAY)
        found = estimate(profile, catalog, MIX, today=TODAY)
        line = next(a for a in found.assumptions if a.name.startswith("No Step 3"))
        assert line.value.startswith("yes")


def test_no_level3_lowers_the_switched_students_estimate(catalog: Catalog) -> None:
    switched = student(2028)
    passed = with_level3(switched, level3="passed", level3_year=2027)
    without = estimate(switched, catalog, MIX, today=TODAY)
    holding = estimate(passed, catalog, MIX, today=TODAY)
    assert without.p_match < holding.p_match
    assert not inputs_of(passed, catalog, TODAY).no_step3


def test_the_reality_check_expects_it_too(catalog: Catalog) -> None:
    step3 = assess(student(2028), catalog, None, TODAY).step3
    assert step3.applicable and step3.verdict == "missing"
    assert "2028 Match" in step3.reason  # said to one still in school
    ids = {a.id for a in assess(student(2028), catalog, None, TODAY).actions}
    assert "take_step3" in ids


@pytest.mark.parametrize("degree", ["us_do", "us_md"])
def test_a_senior_is_still_not_asked(catalog: Catalog, degree: str) -> None:
    """Graduating in the Match year itself: a senior, of whom neither expects it."""
    senior = student(2027, degree=degree)
    assert not step3_expected(senior, catalog)
    assert not inputs_of(senior, catalog, TODAY).no_step3
    assert assess(senior, catalog, None, TODAY).step3.verdict == "not_applicable"
