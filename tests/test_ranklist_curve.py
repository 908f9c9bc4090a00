"""The rank list's chances not given by the applicant come from the Mix estimate's match curve
for the program's specialty and the number of interviews ranked there (issue 17: "from the
calibrated estimate for that program's tier and the applicant"), not from one flat number per
tier. Before: a dermatology applicant with ten mid-tier interviews was shown 94% (25% each)
where the Mix estimate's curve gives 64% for ten interviews."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.cli import main
from matchtui.engine.ranklist import (
    Estimates,
    Tracker,
    couples_odds,
    curve_chances,
    estimates_for,
    ranklist_data,
    resolve,
    resolve_pairs,
    simulate,
)
from matchtui.models.mix import curves_data
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import PairEntry, RankEntry
from matchtui.store import PROGRAMS, Store

TIERS = ("academic", "mid_tier", "community")


def curve_at(catalog: Any, specialty: str, k: int) -> float:
    band = catalog.specialties[specialty].competitiveness.level
    return curves_data(catalog).for_specialty(specialty, band).at(k)


def interviews(specialty: str, tiers: list[str], status: str = "interviewed") -> list[Program]:
    return [
        Program(name=f"Program {i}", state="NY", specialty=specialty, tier=tier, status=status)
        for i, tier in enumerate(tiers)
    ]


def odds_of(catalog: Any, programs: list[Program], specialty: str | None) -> Any:
    data = ranklist_data(catalog)
    tracker = Tracker.of(programs)
    ranks = [RankEntry(program=p.name) for p in programs]
    return simulate(resolve(ranks, tracker, data), data, tracker, Estimates(catalog, specialty))


@settings(max_examples=60, deadline=None)
@given(
    specialty=st.sampled_from(
        ["internal_medicine", "dermatology", "psychiatry", "general_surgery", "pediatrics"]
    ),
    tiers=st.lists(st.sampled_from(TIERS), min_size=1, max_size=25),
)
def test_a_list_of_interviews_matches_with_the_curves_probability(
    catalog: Any, specialty: str, tiers: list[str]
) -> None:
    """Whatever the tiers, k interviews in one specialty, none with an own chance, give the
    curve's P(match | k): the figure the Mix estimate rests on."""
    sim = odds_of(catalog, interviews(specialty, tiers), specialty)
    assert sim.p_match == pytest.approx(curve_at(catalog, specialty, len(tiers)), abs=1e-6)
    assert all(r.chance_source == "estimate" for r in sim.ranks)
    # A community program's chance is above a mid-tier one's, above an academic one's.
    by_tier = {t: r.chance for t, r in zip(tiers, sim.ranks, strict=True)}
    ordered = [by_tier[t] for t in TIERS if t in by_tier]
    assert ordered == sorted(ordered)
    # One more rank: P(unmatched) becomes the curve's at one more interview.
    p_more = 1 - sim.p_unmatched_plus_one
    assert p_more == pytest.approx(curve_at(catalog, specialty, len(tiers) + 1), abs=1e-6)


def test_dermatology_ten_interviews_is_the_curves_64_percent_not_94(catalog: Any) -> None:
    sim = odds_of(catalog, interviews("dermatology", ["mid_tier"] * 10), "dermatology")
    assert sim.p_match == pytest.approx(curve_at(catalog, "dermatology", 10))
    assert 0.6 < sim.p_match < 0.7
    open_list = odds_of(
        catalog, interviews("internal_medicine", ["mid_tier"] * 10), "internal_medicine"
    )
    # The same interviews count for more in an open specialty.
    assert open_list.ranks[0].chance > 3 * sim.ranks[0].chance


def test_own_chances_and_no_interview_are_kept_and_count_as_the_list_says(
    catalog: Any,
) -> None:
    data = ranklist_data(catalog)
    programs = [
        *interviews("internal_medicine", ["mid_tier", "mid_tier", "community"]),
        Program(
            name="Rejected Place",
            state="NY",
            specialty="internal_medicine",
            tier="community",
            status="rejected",
        ),
    ]
    tracker = Tracker.of(programs)
    ranks = [
        RankEntry(program="Program 0", chance=0.5),
        RankEntry(program="Program 1"),
        RankEntry(program="Program 2"),
        RankEntry(program="Rejected Place"),
        RankEntry(program="Program 1"),  # twice (a rule break): one interview, not two
    ]
    sim = simulate(
        resolve(ranks, tracker, data), data, tracker, Estimates(catalog, "internal_medicine")
    )
    sources = [r.chance_source for r in sim.ranks]
    # the repeat counts no chance of its own (its program's is counted at rank 2)
    assert sources == ["yours", "estimate", "estimate", "no interview", "repeat"]
    assert sim.ranks[0].chance == 0.5
    assert sim.ranks[3].chance == 0.0 == sim.ranks[4].chance
    # The three interviews (the own chance's among them) set the curve's count: 3.
    shifts = {"mid_tier": 0.0}
    community = math.log(0.35 / 0.65) - math.log(0.25 / 0.75)
    expected = curve_chances(
        curve_at(catalog, "internal_medicine", 3), ((shifts["mid_tier"], 2), (community, 1))
    )
    assert sim.ranks[1].chance == pytest.approx(expected[0])
    assert sim.ranks[2].chance == pytest.approx(expected[1])


def test_without_a_specialty_a_program_the_tracker_lacks_keeps_the_unknown_default(
    catalog: Any,
) -> None:
    data = ranklist_data(catalog)
    ranks = [RankEntry(program="Somewhere Hospital")]
    sim = simulate(resolve(ranks, Tracker(), data), data, Tracker(), Estimates(catalog, None))
    assert sim.ranks[0].chance == data.chances.unknown.value
    assert sim.ranks[0].chance_source == "default"
    with_specialty = simulate(
        resolve(ranks, Tracker(), data), data, Tracker(), Estimates(catalog, "psychiatry")
    )
    assert with_specialty.ranks[0].chance_source == "estimate"
    assert with_specialty.p_match == pytest.approx(curve_at(catalog, "psychiatry", 1))


def test_an_untracked_rank_and_one_more_are_in_the_lists_main_specialty(catalog: Any) -> None:
    """A family-medicine list of an applicant whose first target is internal medicine: a
    program ranked by name only, and one more, are taken as family medicine (a new internal
    medicine group of one would count each as a first interview)."""
    data = ranklist_data(catalog)
    programs = interviews("family_medicine", ["community", "mid_tier"])
    tracker = Tracker.of(programs)
    ranks = [*(RankEntry(program=p.name) for p in programs), RankEntry(program="By Name Only")]
    sim = simulate(
        resolve(ranks, tracker, data), data, tracker, Estimates(catalog, "internal_medicine")
    )
    assert sim.p_match == pytest.approx(curve_at(catalog, "family_medicine", 3))
    assert 1 - sim.p_unmatched_plus_one == pytest.approx(curve_at(catalog, "family_medicine", 4))


def test_the_applicants_specialty_is_the_mix_plans_else_the_first_target(
    catalog: Any, demo_profile: Any
) -> None:
    from matchtui.models.plan import MixPlan

    first = next(s for s in demo_profile.targets.specialties if s in catalog.specialties)
    assert estimates_for(catalog, demo_profile).specialty == first
    mix = MixPlan(
        specialty="dermatology",
        applications=40,
        academic_pct=30,
        mid_tier_pct=40,
        community_pct=30,
        region_share_pct=50,
    )
    plan = PlanFile(mix=mix)
    assert estimates_for(catalog, demo_profile, plan).specialty == "dermatology"
    assert estimates_for(catalog, None).specialty is None


def test_couples_each_partner_on_their_own_interviews(catalog: Any) -> None:
    data = ranklist_data(catalog)
    programs = interviews("internal_medicine", ["mid_tier", "mid_tier"])
    tracker = Tracker.of(programs)
    pairs = [
        PairEntry(a="Program 0", b="Partner Place"),
        PairEntry(a="Program 1", b="no_match"),
    ]
    resolved = resolve_pairs(pairs, tracker, data, Estimates(catalog, "internal_medicine"))
    assert [p.a.chance_source for p in resolved] == ["estimate", "estimate"]
    p_a = 1 - math.prod(1 - p.a.chance for p in resolved)
    assert p_a == pytest.approx(curve_at(catalog, "internal_medicine", 2))
    # The partner's program is not in the applicant's tracker and the partner's specialty is
    # not known: its default stays.
    assert resolved[0].b.chance == data.chances.unknown.value
    couples_odds(resolved, data)  # the odds take them as before


def test_cli_simulate_uses_each_tracked_programs_specialty(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(home).save(PROGRAMS, ProgramList(programs=interviews("dermatology", ["mid_tier"] * 10)))
    path = home / "ranks.toml"
    path.write_text("".join(f'[[ranks]]\nprogram = "Program {i}"\n' for i in range(10)))
    assert main(["--home", str(home), "ranklist", "simulate", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    from matchtui.catalog import Catalog

    expected = curve_at(Catalog.load(), "dermatology", 10)
    assert 1 - out["p_unmatched"] == pytest.approx(expected, abs=1e-5)
    assert main(["--home", str(home), "ranklist", "simulate", str(path)]) == 0
    text = capsys.readouterr().out
    assert "worked out by matchtui" in text and "match curve" in text


def test_a_hard_stopped_program_is_left_out_of_the_odds(catalog: Any) -> None:
    """Two ranks at 50% with one a hard stop (never rank): P(unmatched) read 25% as if it
    would be certified; it is 50%, and the stopped rank still breaks the rule."""
    data = ranklist_data(catalog)
    ranks = [
        RankEntry(program="Alpha Hospital", chance=0.5),
        RankEntry(program="Beta Hospital", chance=0.5),
    ]
    resolved = resolve(ranks, Tracker(), data)
    assert simulate(resolved, data).p_unmatched == pytest.approx(0.25)
    sim = simulate(resolved, data, hard_stops=["beta  hospital"])
    assert sim.p_unmatched == pytest.approx(0.5)
    assert [r.chance_source for r in sim.ranks] == ["yours", "hard stop"]
    assert sim.ranks[1].p_match_here == 0.0
