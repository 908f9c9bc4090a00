"""Property tests (hypothesis) for the program-mix engine, exactly as issue 5 lists them:
counts sum to the total; shares sum to 100 after any slider sequence; P(match) lies in [0, 1]
and never falls as applications grow (same mix); a more community-heavy mix never lowers it for
the same count; fees match the published schedule for 1..200 applications."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchtui.engine.mix import Verdict, apportion, estimate, p_match_by_apps, rebalance, resolve
from matchtui.models.plan import MixPlan

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
EPSILON = 1e-9  # floating-point slack only

SPECIALTIES = (
    "internal_medicine",
    "emergency_medicine",
    "psychiatry",
    "general_surgery",
    "orthopaedic_surgery",
    "dermatology",
)
RISK_TIERS = ("not_applicable", "low", "moderate", "high")
DEGREES = ("us_md", "us_do", "us_img", "non_us_img")


@st.composite
def shares(draw: st.DrawFn) -> tuple[int, int, int]:
    academic = draw(st.integers(0, 100))
    mid_tier = draw(st.integers(0, 100 - academic))
    return (academic, mid_tier, 100 - academic - mid_tier)


def with_degree(profile: Any, degree: str) -> Any:
    return profile.model_copy(
        update={"applicant": profile.applicant.model_copy(update={"degree": degree})}
    )


def mix_plan(
    specialty: str, total: int, split: tuple[int, int, int], region: int, signals: int
) -> MixPlan:
    return MixPlan(
        specialty=specialty,
        applications=total,
        academic_pct=split[0],
        mid_tier_pct=split[1],
        community_pct=split[2],
        region_share_pct=region,
        signals_used=signals,
    )


@SETTINGS
@given(total=st.integers(0, 200), split=shares())
def test_counts_sum_to_the_total(total: int, split: tuple[int, int, int]) -> None:
    counts = apportion(total, split)
    assert sum(counts) == total
    assert all(count >= 0 for count in counts)
    for count, share in zip(counts, split, strict=True):
        assert abs(count - total * share / 100) < 1  # each within one of its exact share


@SETTINGS
@given(
    start=shares(),
    moves=st.lists(st.tuples(st.integers(0, 2), st.integers(-50, 150)), max_size=40),
)
def test_shares_sum_to_100_after_any_slider_sequence(
    start: tuple[int, int, int], moves: list[tuple[int, int]]
) -> None:
    current = start
    for index, value in moves:
        current = rebalance(current, index, value)
        assert sum(current) == 100
        assert all(0 <= share <= 100 for share in current)
        assert current[index] == max(0, min(100, value))


@SETTINGS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    degree=st.sampled_from(DEGREES),
    tier=st.sampled_from(RISK_TIERS),
    split=shares(),
    region=st.integers(0, 100),
    signals=st.integers(0, 30),
)
def test_p_match_is_a_probability_and_never_falls_as_applications_grow(
    catalog: Any,
    demo_profile: Any,
    specialty: str,
    degree: str,
    tier: Any,
    split: tuple[int, int, int],
    region: int,
    signals: int,
) -> None:
    profile = with_degree(demo_profile, degree)
    factors = resolve(profile, catalog, specialty, Verdict(tier, None))
    signals = min(signals, factors.signals_available)
    curve = p_match_by_apps(factors, split, region, signals)
    assert len(curve) == 201
    assert all(0.0 <= p <= 1.0 for p in curve)
    for smaller, larger in itertools.pairwise(curve):
        assert larger >= smaller - EPSILON


@SETTINGS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    tier=st.sampled_from(RISK_TIERS),
    total=st.integers(1, 200),
    split=shares(),
    region=st.integers(0, 100),
    signals=st.integers(0, 30),
    step=st.integers(1, 100),
)
def test_estimate_p_match_is_in_range_and_grows_with_the_count(
    catalog: Any,
    demo_profile: Any,
    specialty: str,
    tier: Any,
    total: int,
    split: tuple[int, int, int],
    region: int,
    signals: int,
    step: int,
) -> None:
    smaller = estimate(
        demo_profile, catalog, mix_plan(specialty, total, split, region, signals), risk_tier=tier
    )
    larger = estimate(
        demo_profile,
        catalog,
        mix_plan(specialty, min(200, total + step), split, region, signals),
        risk_tier=tier,
    )
    assert 0.0 <= smaller.p_match <= 1.0
    assert larger.p_match >= smaller.p_match - 1e-6  # results are rounded to 6 places
    assert sum(smaller.counts.as_tuple()) == total


@SETTINGS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    degree=st.sampled_from(DEGREES),
    tier=st.sampled_from(RISK_TIERS),
    split=shares(),
    moved=st.integers(1, 100),
    source=st.sampled_from(("academic", "mid_tier", "both")),
    region=st.integers(0, 100),
    signals=st.integers(0, 30),
)
def test_a_more_community_heavy_mix_never_lowers_p_match(
    catalog: Any,
    demo_profile: Any,
    specialty: str,
    degree: str,
    tier: Any,
    split: tuple[int, int, int],
    moved: int,
    source: str,
    region: int,
    signals: int,
) -> None:
    academic, mid_tier, community = split
    if source == "academic":
        take_a, take_m = min(moved, academic), 0
    elif source == "mid_tier":
        take_a, take_m = 0, min(moved, mid_tier)
    else:
        take_a = min(moved, academic)
        take_m = min(moved - take_a, mid_tier)
    heavier = (academic - take_a, mid_tier - take_m, community + take_a + take_m)
    profile = with_degree(demo_profile, degree)
    factors = resolve(profile, catalog, specialty, Verdict(tier, None))
    signals = min(signals, factors.signals_available)
    before = p_match_by_apps(factors, split, region, signals)
    after = p_match_by_apps(factors, heavier, region, signals)
    for total in range(1, 201):
        assert after[total] >= before[total] - EPSILON, (total, split, heavier)


def scheduled_fee(programs: int) -> int:
    """The 2026 ERAS schedule as AAMC states it: $11 each for 1-30, $30 each from 31."""
    return 11 * min(programs, 30) + 30 * max(0, programs - 30)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(total=st.integers(1, 200))
def test_fees_match_the_schedule(catalog: Any, demo_profile: Any, total: int) -> None:
    result = estimate(
        demo_profile,
        catalog,
        mix_plan("internal_medicine", total, (5, 25, 70), 40, 0),
        risk_tier="low",
    )
    assert result.fees_usd == scheduled_fee(total)


def test_fees_match_the_schedule_for_every_count_from_1_to_200(
    catalog: Any, demo_profile: Any
) -> None:
    for total in range(1, 201):
        result = estimate(
            demo_profile,
            catalog,
            mix_plan("internal_medicine", total, (5, 25, 70), 40, 0),
            risk_tier="low",
        )
        assert result.fees_usd == scheduled_fee(total), total
    assert scheduled_fee(60) == 1230 and scheduled_fee(43) == 720


@SETTINGS
@given(
    specialty=st.sampled_from(SPECIALTIES),
    tier=st.sampled_from(RISK_TIERS),
    split=shares(),
    region=st.integers(0, 100),
    signals=st.integers(0, 30),
    sizes=st.lists(st.integers(1, 200), min_size=1, max_size=5),
)
def test_the_fast_all_sizes_curve_equals_the_direct_computation(
    catalog: Any,
    demo_profile: Any,
    specialty: str,
    tier: Any,
    split: tuple[int, int, int],
    region: int,
    signals: int,
    sizes: list[int],
) -> None:
    from matchtui.engine import mix as engine

    factors = resolve(demo_profile, catalog, specialty, Verdict(tier, None))
    signals = min(signals, factors.signals_available)
    curve = p_match_by_apps(factors, split, region, signals)
    for total in sizes:
        blocks = engine.blocks_for(factors, total, split, region, signals)
        pmf = engine.pmf_of_blocks(blocks, factors.top)
        direct = engine.p_match_of(pmf, factors.curve, factors.top)
        assert abs(curve[total] - direct) < 1e-9
