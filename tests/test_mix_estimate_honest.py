"""Issue 11: an honest, calibrated P(match). Behaviour tests for the cases the issue found wrong
(demo applicant, years out, Step 2 CK, visa counted twice, back home, fees outside ERAS, the
diminishing-returns point, the two engines agreeing), plus hypothesis properties."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from matchtui.commands.mix import estimate_lines
from matchtui.engine.mix import estimate, recommended_mix, verdict_for
from matchtui.engine.wording import percent, percent_span
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile

PROPS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def vary(profile: Any, **changes: Any) -> Profile:
    """The profile with `section__field=value` changes."""
    data = copy.deepcopy(profile.model_dump())
    for key, value in changes.items():
        section, field = key.split("__")
        data[section][field] = value
    return Profile.model_validate(data)


def student(profile: Any, **changes: Any) -> Profile:
    """A final-year US MD student in the target region (no back-home question)."""
    return vary(
        profile,
        applicant__stage="student",
        applicant__student_year="m4",
        applicant__graduation_year=2027,
        applicant__current_region=profile.targets.region,
        history__cycles_applied=0,
        **changes,
    )


def plan(specialty: str = "internal_medicine", applications: int = 60, **more: Any) -> MixPlan:
    base: dict[str, Any] = {
        "specialty": specialty,
        "applications": applications,
        "academic_pct": 10,
        "mid_tier_pct": 30,
        "community_pct": 60,
        "region_share_pct": 40,
        "signals_used": 0,
    }
    return MixPlan.model_validate({**base, **more})


# --- the cases ----------------------------------------------------------------------------
def test_demo_is_believable_against_the_prior_graduate_anchor(
    catalog: Any, demo_profile: Any
) -> None:
    """US MD graduate six years out, once unmatched, in internal medicine (the most open large
    specialty) with the recommended 80 applications: was 94%. Prior graduates matched 45.9%;
    the demo, with no failures, Step 3 passed and recent clinical work, applying to IM, may sit
    above the group but nowhere near a senior's 98%."""
    result = estimate(demo_profile, catalog, recommended_mix(demo_profile, catalog))
    assert result.applicant_type == "us_md_graduate"
    assert result.total == 80
    low, high = result.p_match_range
    assert 0.40 <= result.p_match <= 0.70
    assert low < 0.5  # the range reaches down to about the group's published 45.9%
    assert high < 0.85  # and nowhere near the 94% shown before
    # the in-region chance (the Midwest, where the demo wants to go back) is lower still
    assert result.p_match_in_region is not None and result.p_match_in_region < result.p_match
    assert result.calibrated
    assert "45.9%" in result.calibration_note


def test_fifteen_years_out_is_lower_than_six_and_says_it_is_outside_the_anchors(
    catalog: Any, demo_profile: Any
) -> None:
    six = estimate(demo_profile, catalog, plan())
    fifteen_profile = vary(
        demo_profile,
        applicant__graduation_year=2012,
        exams__total_failures=2,
        exams__step3="not_taken",
        clinical__months_since_last=60,
        clinical__months_last_24=0,
        history__cycles_applied=2,
    )
    fifteen = estimate(fifteen_profile, catalog, plan())
    assert fifteen.p_match < six.p_match / 3
    assert not fifteen.calibrated
    assert "outside what any anchor covers" in fifteen.calibration_note
    assert "15 years past graduation" in fifteen.calibration_note


def test_the_two_engines_agree_on_high_risk(catalog: Any, demo_profile: Any) -> None:
    """The Reality check rates this profile high risk; the estimate is low and carries the range
    and a sentence that explains it."""
    profile = vary(
        demo_profile,
        applicant__graduation_year=2012,
        exams__total_failures=2,
        exams__step3="not_taken",
        clinical__months_since_last=60,
        clinical__months_last_24=0,
        history__cycles_applied=2,
    )
    result = estimate(profile, catalog, recommended_mix(profile, catalog))
    assert result.risk_tier == "high"
    assert result.p_match < 0.2
    assert "rates your re-entry risk as high, and this estimate agrees" in result.range_note
    low, high = result.p_match_range
    assert f"{percent(low, prose=True)} to {percent(high, prose=True)}" in result.range_note


def test_a_high_risk_with_a_high_estimate_is_not_said_to_agree(
    catalog: Any, demo_profile: Any
) -> None:
    """The tier counts factors (a visa, no Step 3 and years out make it high), the estimate
    weighs them: a non-US IMG three years out with a good score, aiming at internal medicine,
    can be high risk and still likely to match. The sentence said the estimate "agrees" with
    the high tier whatever the estimate was (91% here)."""
    profile = vary(
        demo_profile,
        applicant__degree="non_us_img",
        applicant__graduation_year=2024,
        applicant__visa="needs_sponsorship",
        exams__step2_score=245,
        exams__step3="not_taken",
        exams__step3_year=None,
        history__cycles=[],
    )
    result = estimate(profile, catalog, recommended_mix(profile, catalog))
    assert result.risk_tier == "high" and result.p_match >= 0.5
    assert "agrees" not in result.range_note
    assert f"yet this estimate is {result.p_match * 100:.0f}%" in result.range_note
    low, high = result.p_match_range
    assert f"{low * 100:.0f}% to {high * 100:.0f}%" in result.range_note


def test_step2_190_and_280_differ(catalog: Any, demo_profile: Any) -> None:
    for specialty, apps in (("internal_medicine", 40), ("dermatology", 80)):
        low = estimate(
            student(demo_profile, exams__step2_score=190), catalog, plan(specialty, apps)
        )
        high = estimate(
            student(demo_profile, exams__step2_score=280), catalog, plan(specialty, apps)
        )
        assert high.p_match - low.p_match > 0.3, specialty


def test_no_score_is_the_population(catalog: Any, demo_profile: Any) -> None:
    """With no Step 2 CK a senior with the recommended list gets the specialty's senior rate."""
    for specialty in ("internal_medicine", "general_surgery", "dermatology"):
        profile = student(demo_profile, exams__step2_score=None)
        result = estimate(profile, catalog, recommended_mix(profile, catalog, specialty))
        rate = catalog.specialties[specialty].step2_means.match_rate_pct / 100
        assert result.p_match == pytest.approx(rate, abs=0.02), specialty


def test_visa_is_counted_once(catalog: Any, demo_profile: Any) -> None:
    """Was 9% whatever else was true for a non-US IMG graduate needing a visa, 57.8% as a
    resident. Now the visa is one labelled factor: it lowers the chance, not to a floor."""
    needs = vary(
        demo_profile,
        applicant__degree="non_us_img",
        applicant__visa="needs_sponsorship",
        applicant__graduation_year=2024,
    )
    free = vary(needs, applicant__visa="none")
    with_visa = estimate(needs, catalog, plan(applications=100))
    without = estimate(free, catalog, plan(applications=100))
    assert with_visa.applicant_type == "non_us_img"
    assert 0.3 < with_visa.p_match < without.p_match
    assert without.p_match - with_visa.p_match < 0.2
    names = [a.name for a in with_visa.assumptions if "visa" in a.name.lower()]
    assert len(names) == 1


def test_ghost_and_strong_returner_get_clearly_different_in_region_chances(
    catalog: Any, demo_profile: Any
) -> None:
    """Same applicant, every application in the home region: the back-home verdict (from the
    Reality check) drives P(match in the target region)."""
    strong = vary(demo_profile)
    strong_data = strong.model_dump()
    strong_data["rotations"][0]["status"] = "done"
    strong = Profile.model_validate(strong_data)
    ghost_data = demo_profile.model_dump()
    ghost_data.update(ties=[], rotations=[], letters=[])
    ghost_data["narrative"]["why_home"] = ""
    ghost_data["applicant"]["home_region"] = "west"
    ghost = Profile.model_validate(ghost_data)
    assert verdict_for(strong, catalog).back_home == "very_high"
    assert verdict_for(ghost, catalog).back_home == "very_low"
    mix = plan(applications=60, region_share_pct=100)
    s = estimate(strong, catalog, mix)
    g = estimate(ghost, catalog, mix)
    assert s.p_match_in_region is not None and g.p_match_in_region is not None
    assert s.p_match_in_region - g.p_match_in_region > 0.25
    assert s.p_match_in_region <= s.p_match and g.p_match_in_region <= g.p_match


def test_no_back_home_question_means_no_in_region_figure(catalog: Any, demo_profile: Any) -> None:
    result = estimate(student(demo_profile), catalog, plan())
    assert result.p_match_in_region is None and result.p_match_in_region_range is None


def test_soap_placement_adds_the_groups_conversion(catalog: Any, demo_profile: Any) -> None:
    result = estimate(demo_profile, catalog, plan())
    p = result.p_match
    assert result.p_placed_with_soap == pytest.approx(p + (1 - p) * 0.138, abs=1e-5)
    low, high = result.p_placed_with_soap_range
    assert low <= result.p_placed_with_soap <= high


@pytest.mark.parametrize(
    ("specialty", "service"),
    [
        ("obgyn", "residencycas"),
        ("emergency_medicine", "residencycas"),
        ("plastic_surgery", "plastics"),
    ],
)
def test_no_eras_fee_outside_eras(
    catalog: Any, demo_profile: Any, specialty: str, service: str
) -> None:
    result = estimate(demo_profile, catalog, plan(specialty))
    assert result.fees_usd is None
    assert result.application_service == service
    names = " | ".join(f"{a.name}: {a.value}" for a in result.assumptions)
    assert "ERAS fee schedule" not in names
    assert result.application_service_name in names


def test_eras_specialties_keep_their_fee(catalog: Any, demo_profile: Any) -> None:
    from matchtui.engine.fees import eras_fee

    result = estimate(demo_profile, catalog, plan("internal_medicine", 60))
    assert result.application_service == "eras"
    assert result.fees_usd == 1230 == eras_fee(catalog.fee_schedule(2026), [60])


def test_low_chance_applicant_is_not_told_to_stop_while_the_chance_multiplies(
    catalog: Any, demo_profile: Any
) -> None:
    """An 8-year-out IMG: the chance grows by a large factor from 21 to 80 applications, so the
    diminishing-returns point is not below 80."""
    profile = vary(
        demo_profile,
        applicant__degree="non_us_img",
        applicant__visa="needs_sponsorship",
        applicant__graduation_year=2019,
    )
    result = estimate(profile, catalog, plan(applications=80))
    curve = result.p_match_by_apps
    assert curve[80] > 1.5 * curve[21]
    assert result.diminishing_returns_at is None or result.diminishing_returns_at > 80
    assert all(w.id != "past_diminishing_returns" for w in result.warnings)


# --- properties --------------------------------------------------------------------------------
SPECIALTIES = ("internal_medicine", "general_surgery", "dermatology", "psychiatry")


@PROPS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    apps=st.integers(1, 190),
    more=st.integers(1, 60),
    score=st.one_of(st.none(), st.integers(200, 280)),
)
def test_p_match_never_falls_with_more_applications(
    catalog: Any, demo_profile: Any, specialty: str, apps: int, more: int, score: int | None
) -> None:
    profile = vary(demo_profile, exams__step2_score=score)
    a = estimate(profile, catalog, plan(specialty, apps))
    b = estimate(profile, catalog, plan(specialty, min(200, apps + more)))
    assert b.p_match >= a.p_match - 1e-6


@PROPS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    score=st.integers(180, 290),
    more=st.integers(1, 40),
)
def test_p_match_never_falls_with_a_higher_step2(
    catalog: Any, demo_profile: Any, specialty: str, score: int, more: int
) -> None:
    a = estimate(vary(demo_profile, exams__step2_score=score), catalog, plan(specialty))
    higher = min(300, score + more)
    b = estimate(vary(demo_profile, exams__step2_score=higher), catalog, plan(specialty))
    assert b.p_match >= a.p_match - 1e-6


@PROPS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    years=st.integers(0, 30),
    more=st.integers(1, 15),
)
def test_p_match_never_rises_with_years_out_also_past_five(
    catalog: Any, demo_profile: Any, specialty: str, years: int, more: int
) -> None:
    a = estimate(
        vary(demo_profile, applicant__graduation_year=2027 - years), catalog, plan(specialty)
    )
    b = estimate(
        vary(demo_profile, applicant__graduation_year=2027 - years - more), catalog, plan(specialty)
    )
    assert b.p_match <= a.p_match + 1e-6


def test_years_out_keeps_lowering_past_five(catalog: Any, demo_profile: Any) -> None:
    values = [
        estimate(vary(demo_profile, applicant__graduation_year=2027 - y), catalog, plan()).p_match
        for y in (5, 6, 8, 10, 15)
    ]
    assert all(b < a for a, b in itertools.pairwise(values)), values


@PROPS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    failures=st.integers(0, 8),
    more=st.integers(1, 5),
)
def test_p_match_never_rises_with_failures(
    catalog: Any, demo_profile: Any, specialty: str, failures: int, more: int
) -> None:
    a = estimate(vary(demo_profile, exams__total_failures=failures), catalog, plan(specialty))
    b = estimate(
        vary(demo_profile, exams__total_failures=min(20, failures + more)), catalog, plan(specialty)
    )
    assert b.p_match <= a.p_match + 1e-6


@PROPS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    apps=st.integers(1, 200),
    region=st.integers(0, 100),
    years=st.integers(0, 25),
    degree=st.sampled_from(("us_md", "us_do", "us_img", "non_us_img")),
    visa=st.sampled_from(("none", "needs_sponsorship")),
    score=st.one_of(st.none(), st.integers(190, 280)),
)
def test_ranges_contain_the_point_and_in_region_never_exceeds_anywhere(
    catalog: Any,
    demo_profile: Any,
    specialty: str,
    apps: int,
    region: int,
    years: int,
    degree: str,
    visa: str,
    score: int | None,
) -> None:
    assume(not (degree == "us_img" and visa == "needs_sponsorship"))  # a US citizen needs none
    profile = vary(
        demo_profile,
        applicant__graduation_year=2027 - years,
        applicant__degree=degree,
        applicant__visa=visa,
        exams__step2_score=score,
    )
    result = estimate(profile, catalog, plan(specialty, apps, region_share_pct=region))
    low, high = result.p_match_range
    assert low <= result.p_match <= high
    low, high = result.p_placed_with_soap_range
    assert low <= result.p_placed_with_soap <= high
    assert result.p_placed_with_soap >= result.p_match
    assert result.p_match_in_region is not None and result.p_match_in_region_range is not None
    assert result.p_match_in_region <= result.p_match + 1e-9
    low, high = result.p_match_in_region_range
    assert low <= result.p_match_in_region <= high


def test_report_shows_the_range_and_no_eras_fee_for_obgyn(catalog: Any, demo_profile: Any) -> None:
    """The advisor report reads the same estimate: range, in-region figure, and for a specialty
    outside ERAS the service instead of a fee (a None fee must not break it)."""
    import datetime as dt

    from matchtui.engine.report import build_report, to_markdown
    from matchtui.models.plan import PlanFile

    saved = plan("obgyn")
    report = build_report(
        demo_profile, catalog, today=dt.date(2026, 11, 23), plan=PlanFile(mix=saved), practice=None
    )
    md = to_markdown(report)
    result = estimate(demo_profile, catalog, saved)
    low, high = result.p_match_range
    assert f"{low * 100:.0f}-{high * 100:.0f}%" in md  # as `matchtui mix` writes a range
    assert "P(match) in the target region" in md
    assert "via ResidencyCAS, not ERAS" in md and "ERAS fees" not in md


def test_soap_conversion_is_lowered_for_a_profile_far_past_its_group(
    catalog: Any, demo_profile: Any
) -> None:
    """Found trying a graduate eleven years out with no clinical work for seven: matching 0%,
    a position including SOAP 14%, the group's conversion of its typical unmatched member."""
    from matchtui.engine.mix import cohort_adjustment, inputs_of, soap_conversion

    applicant = demo_profile.applicant.model_copy(update={"graduation_year": 2016})
    clinical = demo_profile.clinical.model_copy(
        update={"role": "none", "months_last_24": 0, "months_since_last": 84}
    )
    gone = demo_profile.model_copy(update={"applicant": applicant, "clinical": clinical})
    inputs = inputs_of(gone, catalog)
    assert soap_conversion(catalog, inputs) < 0.05  # the group's is 13.8%
    result = estimate(gone, catalog, plan())
    p = result.p_match
    assert p < result.p_placed_with_soap < p + (1 - p) * 0.05
    low, high = result.p_placed_with_soap_range
    assert low <= result.p_placed_with_soap <= high
    # the demo (five years out, in clinical work) is lighter than the group's average: kept
    assert soap_conversion(catalog, inputs_of(demo_profile, catalog)) == pytest.approx(0.138)
    assert cohort_adjustment(catalog, "us_md_senior", "point") == 0.0
    names = [a.name for a in result.assumptions]
    assert any(n.startswith("SOAP conversion for this profile") for n in names)


def test_a_gap_past_the_cohorts_is_named_as_the_assumptions_show_it(
    catalog: Any, demo_profile: Any
) -> None:
    """70 months since clinical work read "5.83333 years since clinical work" in the note while
    the Assumptions list said "5.83 years": the note now rounds the same way."""
    ghost = vary(demo_profile, clinical__months_since_last=70, clinical__months_last_24=0)
    result = estimate(ghost, catalog, plan())
    assert "5.83 years since clinical work (the cohorts reach 4)" in result.calibration_note
    assert "5.8333" not in result.calibration_note


@pytest.mark.parametrize(
    ("value", "short", "prose"),
    [
        (0.0, "0%", "0%"),
        (0.0001, "<1%", "under 1%"),
        (0.0049, "<1%", "under 1%"),
        (0.005, "<1%", "under 1%"),
        (0.0051, "1%", "1%"),
        (0.5, "50%", "50%"),
        (0.994, "99%", "99%"),
        (0.9951, ">99%", "over 99%"),
        (0.99999, ">99%", "over 99%"),
        (1.0, "100%", "100%"),
    ],
)
def test_a_chance_that_is_neither_nil_nor_certain_never_reads_as_either(
    value: float, short: str, prose: str
) -> None:
    assert percent(value) == short
    assert percent(value, prose=True) == prose


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (0.12, 0.5, "12-50%"),
        (0.0001, 0.003, "<1%"),
        (0.0001, 0.16, "<1% to 16%"),
        (0.9, 0.999, "90% to >99%"),
        (0.3, 0.3, "30%"),
    ],
)
def test_a_span_of_chances(low: float, high: float, shown: str) -> None:
    assert percent_span(low, high) == shown


def test_a_tiny_chance_is_not_shown_as_nought(catalog: Any, demo_profile: Any) -> None:
    """A non-US IMG 18 years out, with a failure, no clinical work for five years, three unmatched
    cycles and a visa, aiming at dermatology: the chance is tiny but not nil. It read "0-0%
    (point 0%)", "The range runs from 0% to 0%" and "The estimated chance of matching is 0%"."""
    profile = vary(
        demo_profile,
        applicant__degree="non_us_img",
        applicant__graduation_year=2009,
        applicant__visa="needs_sponsorship",
        exams__total_failures=1,
        exams__step3="not_taken",
        exams__step2_score=211,
        clinical__months_since_last=60,
        clinical__months_last_24=0,
        history__cycles_applied=3,
        targets__specialties=["dermatology"],
    )
    result = estimate(profile, catalog, recommended_mix(profile, catalog))
    assert 0 < result.p_match < 0.005
    lines = "\n".join(estimate_lines(result, "Midwest"))
    assert "0-0%" not in lines and "point 0%" not in lines
    assert "Dermatology: <1% (point <1%;" in lines
    assert "The range is under 1% at both ends" in result.range_note
    low = next(w for w in result.warnings if w.id == "low_p_match")
    assert low.text.startswith("The estimated chance of matching is under 1%, below 50%.")
