"""The program-mix engine: counts, linked shares, the exact Poisson-binomial, P(match), the
diminishing-returns point, fees, presets, warnings and assumptions."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

import pytest

from matchtui.engine import mix as engine
from matchtui.engine.mix import (
    Verdict,
    apportion,
    estimate,
    in_region_count,
    rebalance,
    recommended_mix,
    signals_by_tier,
)
from matchtui.models.mix import CurvesFile, MixFile, curves_data, mix_data
from matchtui.models.plan import MixPlan
from matchtui.models.programs import Program, ProgramList


def plan(**changes: Any) -> MixPlan:
    base: dict[str, Any] = {
        "specialty": "internal_medicine",
        "applications": 60,
        "academic_pct": 5,
        "mid_tier_pct": 25,
        "community_pct": 70,
        "region_share_pct": 40,
        "signals_used": 0,
    }
    return MixPlan.model_validate({**base, **changes})


# --- counts and shares ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("total", "shares", "expected"),
    [
        (60, (5, 25, 70), (3, 15, 42)),
        (43, (5, 25, 70), (2, 11, 30)),  # quotas 2.15, 10.75, 30.1
        (80, (5, 25, 70), (4, 20, 56)),
        (1, (5, 25, 70), (0, 0, 1)),
        (10, (0, 100, 0), (0, 10, 0)),
        (7, (34, 33, 33), (2, 3, 2)),
        (200, (100, 0, 0), (200, 0, 0)),
    ],
)
def test_counts_sum_to_the_total_and_stay_within_one_of_the_share(
    total: int, shares: tuple[int, int, int], expected: tuple[int, int, int]
) -> None:
    counts = apportion(total, shares)
    assert counts == expected
    assert sum(counts) == total
    for count, share in zip(counts, shares, strict=True):
        quota = total * share / 100
        assert math.floor(quota) <= count <= math.ceil(quota)


def test_counts_never_shrink_as_the_list_grows() -> None:
    # Plain three-way Hamilton rounding takes an application away here (the Alabama paradox):
    # 50 -> (1, 1, 48), 51 -> (0, 2, 49). The boundary method does not.
    shares = (1, 3, 96)
    previous = apportion(50, shares)
    current = apportion(51, shares)
    assert current[2] >= previous[2] and current[2] + current[1] >= previous[2] + previous[1]


def test_bad_shares_are_refused() -> None:
    with pytest.raises(ValueError):
        apportion(10, (50, 50, 10))


def test_in_region_rounds_half_up() -> None:
    assert in_region_count(85, 40) == 34
    assert in_region_count(5, 50) == 3
    assert in_region_count(200, 0) == 0


@pytest.mark.parametrize(
    ("shares", "index", "value", "expected"),
    [
        ((5, 25, 70), 0, 10, (10, 24, 66)),
        ((5, 25, 70), 2, 100, (0, 0, 100)),
        ((0, 0, 100), 2, 40, (30, 30, 40)),  # both others empty: split evenly
        ((0, 0, 100), 2, 41, (30, 29, 41)),  # the odd point goes to the lower index
        ((20, 45, 35), 1, 0, (36, 0, 64)),
        ((20, 45, 35), 1, 250, (0, 100, 0)),  # clamped
    ],
)
def test_rebalance_keeps_the_others_in_proportion(
    shares: tuple[int, int, int], index: int, value: int, expected: tuple[int, int, int]
) -> None:
    assert rebalance(shares, index, value) == expected
    assert sum(rebalance(shares, index, value)) == 100


def test_rebalance_is_deterministic() -> None:
    assert {rebalance((33, 33, 34), 0, 50) for _ in range(5)} == {(50, 25, 25)}


def test_signals_go_to_community_first() -> None:
    assert signals_by_tier(15, (4, 20, 56)) == (0, 0, 15)
    assert signals_by_tier(30, (27, 40, 23)) == (0, 7, 23)
    assert signals_by_tier(500, (1, 1, 1)) == (1, 1, 1)


# --- the Poisson-binomial ----------------------------------------------------------------------
def brute_force_pmf(probabilities: list[float]) -> list[float]:
    """P(K = k) by enumerating every outcome (small lists only)."""
    pmf = [0.0] * (len(probabilities) + 1)
    for outcome in itertools.product((0, 1), repeat=len(probabilities)):
        weight = 1.0
        for hit, p in zip(outcome, probabilities, strict=True):
            weight *= p if hit else 1 - p
        pmf[sum(outcome)] += weight
    return pmf


def test_block_convolution_equals_enumeration() -> None:
    blocks = [(3, 0.2), (2, 0.55), (4, 0.05), (1, 0.9)]
    flat = [p for count, p in blocks for _ in range(count)]
    exact = brute_force_pmf(flat)
    top = len(flat) + 1
    assert engine.pmf_of_blocks(blocks, top) == pytest.approx(exact, abs=1e-12)
    assert engine.pmf_of_probabilities(flat, top) == pytest.approx(exact, abs=1e-12)


def test_truncated_distribution_keeps_the_tail_in_one_term() -> None:
    flat = [0.4] * 12
    exact = brute_force_pmf(flat)
    top = 5
    pmf = engine.pmf_of_blocks([(12, 0.4)], top)
    assert pmf == pytest.approx(exact[:top], abs=1e-12)
    curve = [0.0, 0.2, 0.5, 0.7, 0.8, 0.9]
    # curve flat at 0.9 from k = 5
    expected = sum(exact[k] * curve[min(k, 5)] for k in range(13))
    assert engine.p_match_of(pmf, curve, top) == pytest.approx(expected, abs=1e-12)


def test_estimate_matches_an_independent_calculation(catalog: Any, demo_profile: Any) -> None:
    mix = plan(applications=20, academic_pct=20, mid_tier_pct=30, community_pct=50, signals_used=3)
    result = estimate(demo_profile, catalog, mix, risk_tier="low")
    factors = engine.resolve(
        demo_profile, catalog, "internal_medicine", engine.verdict_for(demo_profile, catalog)
    )
    counts = apportion(20, (20, 30, 50))
    assert result.counts.as_tuple() == counts == (4, 6, 10)
    signalled = signals_by_tier(3, counts)
    probabilities = [
        engine.cell_probability(factors, tier, 40, i < signalled[tier])
        for tier in range(3)
        for i in range(counts[tier])
    ]
    pmf = engine.pmf_of_probabilities(probabilities, 21)
    curve = curves_data(catalog).for_specialty("internal_medicine", "low")
    expected = sum(x * curve.at(k) for k, x in enumerate(pmf)) + (1 - sum(pmf)) * curve.at(20)
    assert result.p_match == pytest.approx(expected, abs=1e-6)
    assert result.expected_interviews == pytest.approx(sum(probabilities), abs=1e-4)
    assert result.p_interviews_at_least[1] == pytest.approx(1 - pmf[0], abs=1e-6)
    assert result.p_interviews_at_least[5] == pytest.approx(1 - sum(pmf[:5]), abs=1e-6)


def test_curve_for_all_sizes_agrees_with_single_estimates(catalog: Any, demo_profile: Any) -> None:
    for specialty in ("internal_medicine", "orthopaedic_surgery"):
        result = estimate(
            demo_profile, catalog, plan(specialty=specialty, signals_used=5), risk_tier="low"
        )
        for total in (1, 7, 30, 60, 141, 200):
            single = estimate(
                demo_profile,
                catalog,
                plan(specialty=specialty, applications=total, signals_used=5),
                risk_tier="low",
            )
            assert result.p_match_by_apps[total] == pytest.approx(single.p_match, abs=1e-6)


def test_interview_probability_multiplies_the_factors(catalog: Any, demo_profile: Any) -> None:
    """p = min(p_max, band rate x exp(specialty intercept + applicant term) x tier x signal x
    region factor); the demo is a returner, so the region factor is its back-home factor."""
    data = mix_data(catalog)
    verdict = engine.verdict_for(demo_profile, catalog)
    assert verdict.back_home == "high"
    factors = engine.resolve(demo_profile, catalog, "internal_medicine", verdict)
    rate = next(r for r in data.base_rates if r.band == "low").rate
    term = engine.applicant_term(
        catalog, "internal_medicine", engine.inputs_of(demo_profile, catalog)
    )
    base = rate * math.exp(data.fitted.intercepts["internal_medicine"] + term)
    assert factors.base == pytest.approx(base)
    assert factors.ties == data.back_home_factor("high").factor
    out_of_region = engine.cell_probability(factors, 0, 0, False)
    assert out_of_region == pytest.approx(base * data.tier_factors.academic)
    in_region = engine.cell_probability(factors, 2, 100, True)
    assert in_region == pytest.approx(
        min(data.model.p_max, base * data.tier_factors.community * factors.ties * factors.signal)
    )


def test_applicant_term_adds_the_labelled_parts(catalog: Any, demo_profile: Any) -> None:
    """Type offset + Step 2 CK (modelled) + years out, failures, gap, cycles, visa."""
    data = mix_data(catalog)
    inputs = engine.inputs_of(demo_profile, catalog)
    assert inputs.applicant_type == "us_md_graduate" and inputs.years_out == 6
    assert inputs.prior_cycles == 1 and inputs.failures == 0 and not inputs.visa
    means = catalog.specialties["internal_medicine"].step2_means
    slope = (means.matched - means.unmatched) / data.score.sigma**2
    centre = 0.98 * means.matched + 0.02 * means.unmatched
    expected = (
        data.fitted.type_offsets["us_md_graduate"][1]
        + slope * (238 - centre)
        - data.adjustment("years_out").per_unit * (6 - 1)
        - data.adjustment("prior_cycles").per_unit * 1
    )
    assert engine.applicant_term(catalog, "internal_medicine", inputs) == pytest.approx(expected)


def test_no_ties_means_no_ties_factor(catalog: Any, demo_profile: Any) -> None:
    profile = demo_profile.model_copy(
        update={
            "ties": [],
            "rotations": [],
            "applicant": demo_profile.applicant.model_copy(update={"home_region": "west"}),
        }
    )
    assert not engine.has_ties(profile)
    assert engine.resolve(profile, catalog, "internal_medicine", Verdict("low", None)).ties == 1.0


# --- diminishing returns -------------------------------------------------------------------------
def test_diminishing_point_is_the_first_size_past_which_gains_stay_small() -> None:
    curve = [min(1.0, n / 50) for n in range(201)]  # +0.2 per 10 until 50, flat after
    assert engine.diminishing_point(curve, 10, 0.01) == 50
    rising = [n / 200 for n in range(201)]
    assert engine.diminishing_point(rising, 10, 0.01) is None  # still +5 points per 10 at 190
    flat = [0.3] * 201
    assert engine.diminishing_point(flat, 10, 0.01) == 1


def test_estimate_reports_the_point_by_its_definition(catalog: Any, demo_profile: Any) -> None:
    result = estimate(demo_profile, catalog, plan(), risk_tier="moderate")
    point = result.diminishing_returns_at
    curve = result.p_match_by_apps
    assert point is not None
    # a relative gain: 10 more applications add less than 2% of the chance itself
    assert all(curve[n + 10] - curve[n] < 0.02 * curve[n] for n in range(point, 191))
    assert curve[point - 1 + 10] - curve[point - 1] >= 0.02 * curve[point - 1]


# --- fees ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("total", "fee"), [(30, 330), (43, 720), (60, 1230), (1, 11), (200, 5430)])
def test_fees_follow_the_2026_schedule(
    catalog: Any, demo_profile: Any, total: int, fee: int
) -> None:
    result = estimate(demo_profile, catalog, plan(applications=total), risk_tier="low")
    assert result.fees_usd == fee
    assert result.fee_season == 2026  # the demo's 2027 Match has no published schedule yet
    assert any("no schedule for 2027" in str(a.value) for a in result.assumptions)
    assert result.fee_stand_in == "no schedule for 2027 yet"
    own = estimate(
        demo_profile.model_copy(update={"cycle_year": 2026}),
        catalog,
        plan(applications=total),
        risk_tier="low",
    )
    assert (own.fee_season, own.fee_stand_in) == (2026, "")


# --- presets ------------------------------------------------------------------------------------
def test_reentry_profile_gets_the_article_mix(catalog: Any, demo_profile: Any) -> None:
    assert demo_profile.is_reentry
    recommended = recommended_mix(demo_profile, catalog)
    assert (recommended.academic_pct, recommended.mid_tier_pct, recommended.community_pct) == (
        5,
        25,
        70,
    )
    assert recommended.specialty == "internal_medicine"
    assert recommended.signals_used == 15  # every IM signal
    result = estimate(demo_profile, catalog, recommended, risk_tier="moderate")
    assert result.preset.id == "reentry"
    assert result.preset.reliability == "illustrative"
    assert result.preset.source == "article_reentry"


def student(demo_profile: Any, **applicant: Any) -> Any:
    """The demo as a final-year student: graduating in its Match year (a senior of it)."""
    changes = {"situation": "in_school", "student_year": "m4", **applicant}
    changes.setdefault("graduation_year", demo_profile.cycle_year)
    return demo_profile.model_copy(
        update={"applicant": demo_profile.applicant.model_copy(update=changes)}
    )


def resident(demo_profile: Any, **applicant: Any) -> Any:
    return demo_profile.model_copy(
        update={
            "applicant": demo_profile.applicant.model_copy(
                update={"situation": "in_training", "training_region": "south", **applicant}
            )
        }
    )


@pytest.mark.parametrize("specialty", ["psychiatry", "internal_medicine", "dermatology"])
def test_a_resident_applying_again_gets_the_prior_graduate_list(
    catalog: Any, demo_profile: Any, specialty: str
) -> None:
    """A US MD resident changing specialty is an NRMP prior graduate, estimated from the
    prior-graduate anchor (fitted on the long, community-weighted re-entry list), but was
    recommended the students' 40-program standard list: 18% for a psychiatry applicant, with a
    warning to shift towards community programs under the list just recommended."""
    applicant = resident(demo_profile)
    assert applicant.is_prior_graduate and not applicant.is_reentry
    preset = engine.preset_for(applicant, catalog, specialty)
    assert preset.id == "prior_graduate" and preset.reliability == "assumption"
    assert preset.community > preset.academic and preset.size.applications >= 80
    recommended = recommended_mix(applicant, catalog, specialty)
    standard = mix_data(catalog).preset("standard")
    as_before = recommended.model_copy(
        update={
            "applications": standard.size.applications,
            "academic_pct": standard.academic,
            "mid_tier_pct": standard.mid_tier,
            "community_pct": standard.community,
            "region_share_pct": standard.size.region_share_pct,
            "signals_used": min(recommended.signals_used, standard.size.applications),
        }
    )
    now = estimate(applicant, catalog, recommended).p_match
    before = estimate(applicant, catalog, as_before).p_match
    assert now > before * 1.2, (now, before)
    # An international graduate in training keeps the IMG list; a student the standard one.
    assert (
        engine.preset_for(resident(demo_profile, degree="us_img"), catalog, specialty).id == "img"
    )
    assert engine.preset_for(student(demo_profile), catalog, "psychiatry").id == "standard"


def test_other_presets_are_assumptions_chosen_by_data(catalog: Any, demo_profile: Any) -> None:
    us_md = student(demo_profile)
    assert engine.preset_for(us_md, catalog, "internal_medicine").id == "standard"
    assert engine.preset_for(us_md, catalog, "dermatology").id == "very_competitive"
    assert engine.preset_for(us_md, catalog, "general_surgery").id == "competitive"
    img = student(demo_profile, degree="non_us_img")
    assert engine.preset_for(img, catalog, "dermatology").id == "img"
    for preset in mix_data(catalog).presets:
        if preset.id != "reentry":
            assert preset.reliability == "assumption" and preset.source == "matchtui_assumption"


# --- warnings -----------------------------------------------------------------------------------
def warning_ids(result: Any) -> set[str]:
    return {w.id for w in result.warnings}


def test_top_heavy_depends_on_the_risk_tier(catalog: Any, demo_profile: Any) -> None:
    mix = plan(academic_pct=25, mid_tier_pct=25, community_pct=50)
    assert "top_heavy" in warning_ids(estimate(demo_profile, catalog, mix, risk_tier="moderate"))
    assert "top_heavy" not in warning_ids(estimate(demo_profile, catalog, mix, risk_tier="low"))
    high = estimate(
        demo_profile,
        catalog,
        plan(academic_pct=15, mid_tier_pct=35, community_pct=50),
        risk_tier="high",
    )
    assert "top_heavy" in warning_ids(high)
    text = next(w.text for w in high.warnings if w.id == "top_heavy")
    assert "15%" in text and "prestige gambler" in text


def test_top_heavy_for_a_competitive_target(catalog: Any, demo_profile: Any) -> None:
    mix = plan(specialty="dermatology", academic_pct=38, mid_tier_pct=32, community_pct=30)
    result = estimate(student(demo_profile), catalog, mix, risk_tier="not_applicable")
    assert "top_heavy" in warning_ids(result)


def test_few_in_region_only_for_returners(catalog: Any, demo_profile: Any) -> None:
    assert demo_profile.is_returner
    few = plan(region_share_pct=10)
    assert "few_in_region" in warning_ids(estimate(demo_profile, catalog, few, risk_tier="low"))
    home = demo_profile.model_copy(
        update={
            "applicant": demo_profile.applicant.model_copy(
                update={"situation": "in_training", "training_region": "midwest"}
            )
        }
    )
    assert not home.is_returner
    assert "few_in_region" not in warning_ids(estimate(home, catalog, few, risk_tier="low"))
    enough = plan(region_share_pct=40)
    assert "few_in_region" not in warning_ids(
        estimate(demo_profile, catalog, enough, risk_tier="low")
    )


def test_past_diminishing_returns(catalog: Any, demo_profile: Any) -> None:
    result = estimate(demo_profile, catalog, plan(applications=200), risk_tier="low")
    assert result.diminishing_returns_at is not None
    assert "past_diminishing_returns" in warning_ids(result)
    assert "past_diminishing_returns" not in warning_ids(
        estimate(demo_profile, catalog, plan(applications=20), risk_tier="low")
    )


def test_low_p_match(catalog: Any, demo_profile: Any) -> None:
    result = estimate(
        demo_profile, catalog, plan(specialty="dermatology", applications=10), risk_tier="high"
    )
    assert result.p_match < 0.5 and "low_p_match" in warning_ids(result)


def test_yog_cutoff_names_the_programs_as_plain_text(catalog: Any, demo_profile: Any) -> None:
    programs = ProgramList(
        programs=[
            Program(
                name="[bold]x[/]",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                yog_limit_years=3,
            ),
            Program(
                name="Open Door IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                yog_limit_years=10,
            ),
            Program(
                name="Gone",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                yog_limit_years=1,
                status="withdrawn",
            ),
        ]
    )
    assert demo_profile.years_since_graduation == 6
    result = estimate(demo_profile, catalog, plan(), programs, risk_tier="low")
    texts = [w.text for w in result.warnings if w.id == "yog_cutoff"]
    assert len(texts) == 1 and "[bold]x[/]" in texts[0]
    assert "Open Door" not in texts[0] and "Gone" not in texts[0]


# --- assumptions and the illustrative flag -----------------------------------------------------
def test_assumptions_list_every_factor_with_provenance(catalog: Any, demo_profile: Any) -> None:
    result = estimate(demo_profile, catalog, plan(signals_used=5), risk_tier="moderate")
    names = " | ".join(a.name for a in result.assumptions)
    for word in (
        "Base interview rate",
        "Specialty intercept",
        "Applicant type offset",
        "Step 2 CK, modelled logistic",
        "Years since graduation",
        "Exam failures",
        "Time since last clinical work",
        "Earlier cycles without a lasting position",
        "Needs visa sponsorship",
        "Tier factors",
        "Back-home factor",
        "Signal factor",
        "curve",
        "placed through SOAP",
        "ERAS fee",
    ):
        assert word in names
    assert all(a.source in catalog.sources for a in result.assumptions)
    assert result.illustrative  # the curves are assumptions
    assert result.risk_tier == "moderate"


def test_risk_tier_comes_from_the_reality_check(catalog: Any, demo_profile: Any) -> None:
    from matchtui.engine.assess import assess

    expected = assess(demo_profile, catalog).risk.tier
    assert estimate(demo_profile, catalog, plan()).risk_tier == expected
    assert engine.risk_tier_for(demo_profile, catalog) == expected


def test_actual_list_estimate_uses_each_program(catalog: Any, demo_profile: Any) -> None:
    programs = ProgramList(
        programs=[
            Program(
                name=f"P{i}",
                state="WI" if i % 2 else "TX",
                specialty="internal_medicine",
                tier="community",
                signal="signal" if i < 3 else "none",
            )
            for i in range(10)
        ]
        + [
            Program(
                name="Limit",
                state="WI",
                specialty="internal_medicine",
                tier="academic",
                yog_limit_years=2,
            )
        ]
        + [Program(name="FM", state="WI", specialty="family_medicine", tier="community")]
    )
    verdict = engine.verdict_for(demo_profile, catalog)
    listed = engine.estimate_list(demo_profile, catalog, programs, "internal_medicine", verdict)
    assert listed.programs == 11 and listed.excluded_over_limit == 1
    factors = engine.resolve(demo_profile, catalog, "internal_medicine", verdict)
    x = factors.base * factors.tiers[2]
    expected = sum(
        min(factors.p_max, x * (factors.signal if i < 3 else 1) * (factors.ties if i % 2 else 1))
        for i in range(10)
    )
    assert listed.expected_interviews == pytest.approx(expected, abs=1e-4)
    assert 0 <= listed.p_match <= 1


def test_the_list_estimate_counts_what_the_season_has_told(catalog: Any, demo_profile: Any) -> None:
    """A list with an invitation in hand showed 'Your list 0% from 2 programs, 0.0 interviews':
    an invited program was still guessed as an application, a rejection too. An invitation
    counts as an interview, a rejection as none."""
    base = dict(state="WI", specialty="internal_medicine", tier="community")
    waiting = [Program(name=f"P{i}", status="applied", **base) for i in range(3)]
    verdict = engine.verdict_for(demo_profile, catalog)

    def listed(*extra: Program) -> Any:
        programs = ProgramList(programs=[*waiting, *extra])
        return engine.estimate_list(demo_profile, catalog, programs, "internal_medicine", verdict)

    before = listed()
    told = listed(
        Program(name="Yes", status="invited", invited_on=dt.date(2026, 10, 1), **base),
        Program(name="Held", status="interviewed", interviewed_on=dt.date(2026, 11, 2), **base),
        Program(name="No", status="rejected", **base),
    )
    assert (told.programs, told.invited, told.rejected) == (6, 2, 1)
    assert told.expected_interviews == pytest.approx(before.expected_interviews + 2, abs=1e-4)
    assert told.p_interviews_at_least[1] == 1.0
    assert told.p_match > before.p_match
    only_no = listed(Program(name="No", status="rejected", **base))
    assert only_no.expected_interviews == pytest.approx(before.expected_interviews, abs=1e-4)


def test_unknown_specialty_is_refused(catalog: Any, demo_profile: Any) -> None:
    with pytest.raises(ValueError):
        estimate(demo_profile, catalog, plan(specialty="astrology"), risk_tier="low")


# --- data rules ---------------------------------------------------------------------------------
def test_data_files_reject_broken_models(catalog: Any) -> None:
    from pydantic import ValidationError

    data = mix_data(catalog).model_dump()
    data["tier_factors"]["academic"] = 2.0  # above mid-tier: monotonicity would break
    with pytest.raises(ValidationError, match="academic <= mid_tier <= community"):
        MixFile.model_validate(data)
    data = mix_data(catalog).model_dump()
    data["presets"].append(data["presets"][0])
    with pytest.raises(ValidationError, match="fallback"):
        MixFile.model_validate(data)
    curves = curves_data(catalog).model_dump()
    curves["curves"][0]["points"] = [[0, 0.0], [1, 0.6], [2, 0.5]]
    with pytest.raises(ValidationError, match="monotone"):
        CurvesFile.model_validate(curves)


def test_every_specialty_has_a_curve_and_rates(catalog: Any) -> None:
    data = mix_data(catalog)
    curves = curves_data(catalog)
    for specialty in catalog.specialties.values():
        band = specialty.competitiveness.level
        curve = curves.for_specialty(specialty.id, band)
        assert curve.reliability in ("assumption", "illustrative")
        assert engine._for(data.base_rates, specialty.id, band)
        assert engine._signal_for(data.signal_factors, specialty.id, band)


def test_curve_interpolates_and_stays_flat() -> None:
    from matchtui.models.mix import Curve

    curve = Curve(
        id="t",
        name="t",
        bands=["low"],
        points=[(0, 0.0), (2, 0.5), (4, 0.9)],
        source="matchtui_assumption",
        reliability="assumption",
    )
    assert curve.at(1) == pytest.approx(0.25)
    assert curve.at(3) == pytest.approx(0.7)
    assert curve.at(40) == 0.9


def test_an_adjustment_shows_its_amount_rounded(catalog: Any, demo_profile: Any) -> None:
    """14 months since the last clinical work is "1.17 years" on the Assumptions list, not the
    raw 1.16667 the estimate computes with, and each amount names its unit."""
    profile = demo_profile.model_copy(
        update={"clinical": demo_profile.clinical.model_copy(update={"months_since_last": 14})}
    )
    result = estimate(profile, catalog, plan(), risk_tier="moderate")
    gap = next(a for a in result.assumptions if a.name.startswith("Time since last clinical"))
    assert str(gap.value).startswith("1.17 years: ")
    failures = next(a for a in result.assumptions if a.name.startswith("Exam failures"))
    assert str(failures.value).startswith("0 failures: ")
    visa = next(a for a in result.assumptions if a.name.startswith("Needs visa"))
    assert str(visa.value).startswith("no: ")


def test_a_student_who_leaves_the_school_region_blank_studies_where_they_live(
    catalog: Any, demo_profile: Any
) -> None:
    """Found trying a DO student who lives in the Northeast and aims there: with the optional
    school region left blank, they were read as a returner and told to do an away rotation in
    the region they live and study in."""
    from matchtui.engine.assess import assess

    def at_school(lives_in: str) -> Any:
        applicant = demo_profile.applicant.model_copy(
            update={"situation": "in_school", "training_region": None, "lives_in": lives_in}
        )
        return demo_profile.model_copy(update={"applicant": applicant})

    local = at_school(demo_profile.targets.region)
    assert not local.is_returner
    assert assess(local, catalog).back_home.likelihood == "not_applicable"
    away = at_school("south")
    assert away.is_returner
    assert assess(away, catalog).back_home.likelihood != "not_applicable"


def _low_chance_text(result: Any) -> str:
    (warning,) = [w for w in result.warnings if w.id == "low_p_match"]
    return str(warning.text)


def test_a_low_chance_names_what_weighs_on_it_and_only_the_changes_left(
    catalog: Any, demo_profile: Any
) -> None:
    """The low-chance warning told a graduate six years from clinical work, applying to family
    medicine with 70% community programs, to 'shift towards community programs' and 'consider a
    more open specialty': neither was open to them, and it never said what pulled the chance
    down. It names the heaviest terms and only the changes the list and specialty leave."""
    ghost = demo_profile.model_copy(
        update={
            "applicant": demo_profile.applicant.model_copy(update={"graduation_year": 2018}),
            "clinical": demo_profile.clinical.model_copy(
                update={"role": "nonclinical", "months_last_24": 0, "months_since_last": 70}
            ),
        }
    )
    reentry = recommended_mix(ghost, catalog, "family_medicine")
    assert reentry.community_pct == 70
    result = estimate(ghost, catalog, reentry)
    assert result.p_match < 0.5
    text = _low_chance_text(result)
    assert "What weighs on it most:" in text
    assert "time since last clinical work (5.83 years)" in text
    assert "applying as a US MD prior graduate (45.9% of them matched in 2025)" in text
    assert "community" not in text and "open specialty" not in text
    assert "More applications still raise it" in text  # 80 is short of where gains flatten
    assert text.endswith("Keep a parallel plan ready.")
    # The same graduate with a top-heavy internal medicine list is told both, with the share
    # the recommended list has.
    top_heavy = recommended_mix(ghost, catalog, "general_surgery").model_copy(
        update={"academic_pct": 40, "mid_tier_pct": 40, "community_pct": 20}
    )
    text = _low_chance_text(estimate(ghost, catalog, top_heavy))
    assert "a larger community share helps (the list recommended for you has 70%)" in text
    assert "a more open specialty would raise it" in text


def test_a_program_that_sponsors_no_visa_is_closed_to_one_who_needs_it(
    catalog: Any, demo_profile: Any
) -> None:
    """The program list's visa_sponsor column was read and then never used: an IMG who needs a
    visa was estimated and advised as if a program that sponsors none could train them."""
    from matchtui.engine.programs import compare

    base = dict(state="WI", specialty="internal_medicine", tier="community")
    programs = ProgramList(
        programs=[
            Program(name="Closed IM", visa_sponsor=False, **base),
            Program(name="Open IM", visa_sponsor=True, **base),
            Program(name="Unknown IM", **base),
        ]
    )
    img = demo_profile.model_copy(
        update={
            "applicant": demo_profile.applicant.model_copy(
                update={"degree": "non_us_img", "visa": "needs_sponsorship"}
            )
        }
    )
    plan_ = recommended_mix(img, catalog, "internal_medicine")
    result = estimate(img, catalog, plan_, programs)
    (warning,) = [w for w in result.warnings if w.id == "no_visa"]
    assert warning.text == (
        "1 program on your list sponsors no visa, and you need one to train: Closed IM."
    )
    verdict = engine.verdict_for(img, catalog)
    listed = engine.estimate_list(img, catalog, programs, "internal_medicine", verdict)
    only_open = engine.estimate_list(
        img,
        catalog,
        ProgramList(programs=programs.programs[1:]),
        "internal_medicine",
        verdict,
    )
    assert listed.excluded_no_visa == 1
    assert listed.expected_interviews == pytest.approx(only_open.expected_interviews, abs=1e-6)
    advice = compare(programs, result, img, catalog).advice
    assert "Drop 1 program that sponsors no visa: you need one to train." in advice
    # A citizen is not told any of it.
    citizen = estimate(demo_profile, catalog, recommended_mix(demo_profile, catalog), programs)
    assert all(w.id != "no_visa" for w in citizen.warnings)


def test_a_chance_just_under_the_line_is_not_rounded_onto_it(
    catalog: Any, demo_profile: Any
) -> None:
    """A point estimate of 49.6% warned of as "50%, below 50%" contradicts itself: the warning
    shows the figure to a tenth when whole percents would put it on the line."""
    line = mix_data(catalog).warnings.low_p_match
    found = None
    for region, applications in itertools.product(range(40, 101, 5), range(10, 201)):
        result = engine.estimate(
            demo_profile, catalog, plan(applications=applications, region_share_pct=region)
        )
        if line - 0.005 <= result.p_match < line:
            found = result
            break
    assert found is not None, "no list size lands within half a point under the line"
    text = next(w.text for w in found.warnings if w.id == "low_p_match")
    shown = f"{found.p_match * 100:.1f}%"
    assert text.startswith(f"The estimated chance of matching is {shown}, below 50%.")


def test_a_profile_without_a_target_specialty_is_told_which_one_the_estimate_is_for(
    catalog: Any, demo_profile: Any
) -> None:
    """A blank profile lists no target specialty: the estimate falls back to one, and says so
    rather than show 98% for a specialty the applicant never chose."""
    blank = demo_profile.model_copy(
        update={"targets": demo_profile.targets.model_copy(update={"specialties": []})}
    )
    specialty = engine.default_specialty(blank, catalog)
    result = engine.estimate(blank, catalog, plan(specialty=specialty))
    notice = [w.text for w in result.warnings if w.id == "no_target_specialty"]
    assert notice and catalog.specialty_name(specialty) in notice[0]
    chosen = engine.estimate(demo_profile, catalog, plan())
    assert "no_target_specialty" not in warning_ids(chosen)
