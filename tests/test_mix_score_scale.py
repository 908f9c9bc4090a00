"""One Step 2 CK scale for every group: the cohorts the type offsets are fitted to spread their
scores around the same scale an entered score is read on (mix.toml [[type_anchors]]
score_centre), so entering your group's typical score tells you about what entering none does.

Before, graduates and IMGs were fitted with every member at the seniors' population term (about
230 in internal medicine) while an entered score was read against the senior centre (251): a
US-citizen IMG student was shown 70% in internal medicine with no score and 97% at 251, and at
the same score IMGs sat within a few points of a US MD senior, where the published adjusted gaps
at equal score (US-citizen IMGs -45.6, non-US IMGs -56.6 points) are larger than the raw ones."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.mix import estimate, score_anchor
from tests.test_mix_estimate_honest import plan, student, vary

SPECIALTIES = ["internal_medicine", "family_medicine", "psychiatry", "pathology", "general_surgery"]


def _p(profile: Any, catalog: Any, specialty: str) -> float:
    return estimate(profile, catalog, plan(specialty)).p_match


def _centre(catalog: Any, specialty: str) -> int:
    anchor = score_anchor(catalog, specialty)
    assert anchor is not None
    return round(anchor[1])


@pytest.mark.parametrize("specialty", SPECIALTIES)
@pytest.mark.parametrize("degree", ["us_img", "non_us_img"])
def test_an_img_entering_the_senior_centre_score_gets_what_no_score_gives(
    catalog: Any, demo_profile: Any, degree: str, specialty: str
) -> None:
    """IMG cohorts are spread around the specialty's senior centre: a member who enters that
    score is their group's typical member, as is one who enters nothing."""
    base = student(demo_profile, applicant__degree=degree)
    typical = _p(vary(base, exams__step2_score=_centre(catalog, specialty)), catalog, specialty)
    none = _p(vary(base, exams__step2_score=None), catalog, specialty)
    assert abs(typical - none) <= 0.03, (typical, none)


@pytest.mark.parametrize("specialty", SPECIALTIES)
@pytest.mark.parametrize("degree", ["us_md", "us_do"])
def test_a_graduate_entering_the_unmatched_seniors_mean_gets_what_no_score_gives(
    catalog: Any, demo_profile: Any, degree: str, specialty: str
) -> None:
    """Prior graduates' cohorts are spread around the specialty's unmatched seniors' mean (an
    assumption: most of them applied as seniors and did not match)."""
    means = catalog.specialties[specialty].step2_means
    graduate = vary(demo_profile, applicant__degree=degree)
    typical = _p(vary(graduate, exams__step2_score=means.unmatched), catalog, specialty)
    none = _p(vary(graduate, exams__step2_score=None), catalog, specialty)
    assert abs(typical - none) <= 0.03, (typical, none)


@pytest.mark.parametrize("specialty", SPECIALTIES)
def test_at_the_same_score_imgs_sit_well_below_a_us_md_senior(
    catalog: Any, demo_profile: Any, specialty: str
) -> None:
    """Same specialty, same score (the senior centre), same list: the raw 2025 gaps are 26
    points (US-citizen IMGs) and 36 (non-US IMGs), and the adjusted ones at equal score are
    larger still. Before, in internal medicine: 99.5 / 97.0 / 91.7%."""
    score = _centre(catalog, specialty)
    senior = _p(student(demo_profile, exams__step2_score=score), catalog, specialty)
    us_img = _p(
        student(demo_profile, applicant__degree="us_img", exams__step2_score=score),
        catalog,
        specialty,
    )
    visa = _p(
        student(
            demo_profile,
            applicant__degree="non_us_img",
            applicant__visa="needs_sponsorship",
            exams__step2_score=score,
        ),
        catalog,
        specialty,
    )
    assert senior - us_img >= 0.10, (senior, us_img)
    assert us_img - visa >= 0.05, (us_img, visa)
    assert senior - visa >= 0.25, (senior, visa)


@pytest.mark.parametrize("specialty", [*SPECIALTIES, "orthopaedic_surgery", "dermatology"])
def test_a_do_senior_is_never_above_a_us_md_senior_with_no_score(
    catalog: Any, demo_profile: Any, specialty: str
) -> None:
    """Both seniors' groups stand for the seniors' population when no score is entered; the DO
    offset is below the MD one, so the DO senior is never shown the higher chance."""
    md = _p(student(demo_profile, exams__step2_score=None), catalog, specialty)
    do = _p(
        student(demo_profile, applicant__degree="us_do", exams__step2_score=None),
        catalog,
        specialty,
    )
    assert do <= md


def test_the_assumptions_say_who_stands_for_no_score(catalog: Any, demo_profile: Any) -> None:
    """The Assumptions tab names what a missing score was replaced with, per group."""

    def no_score_line(profile: Any) -> str:
        result = estimate(profile, catalog, plan())
        (line,) = [a.value for a in result.assumptions if str(a.value).startswith("no score")]
        return str(line)

    graduate = no_score_line(vary(demo_profile, exams__step2_score=None))
    assert "typical member (the unmatched seniors' mean, 234)" in graduate
    img = no_score_line(student(demo_profile, applicant__degree="us_img", exams__step2_score=None))
    assert "your group's typical member (the senior centre, 251)" in img
    senior = no_score_line(student(demo_profile, exams__step2_score=None))
    assert "the seniors' population" in senior


@pytest.mark.parametrize("score", [230, 240, 250])
def test_graduates_two_years_out_at_the_same_score_follow_the_groups_order(
    catalog: Any, demo_profile: Any, score: int
) -> None:
    """Same years out, cycles, clinical work and score: a US MD prior graduate is not shown below
    a US-citizen IMG, nor that IMG below a non-US IMG (the adjusted gaps at equal score). Before,
    in internal medicine two years out, the IMGs were above the US MD graduate (63 / 74 / 70%)."""

    def p(degree: str) -> float:
        profile = vary(
            demo_profile,
            applicant__degree=degree,
            applicant__graduation_year=2025,
            exams__step2_score=score,
        )
        return _p(profile, catalog, "internal_medicine")

    md, do, us_img, non_us = p("us_md"), p("us_do"), p("us_img"), p("non_us_img")
    assert md >= do >= us_img >= non_us, (md, do, us_img, non_us)
