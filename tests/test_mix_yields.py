"""Interview yields within what is published, and a recommendation its own warning accepts.

Found in audit C with a US MD senior in Boston aiming at pediatrics back home in the West (Step 2
CK 244): "Recommended for you: Standard ... 40 applications" beside "Beyond about 15
applications ... 40 is well past that", and "Interviews 28.4 expected" from those 40, an
interview from 71% of applications. The published yields are far lower: 60.9% of signals led to
an interview on average, 68.9% at best (Texas STAR, Acad Med 2024), and orthopaedic applicants
had about 2 interviews from 60 unsignalled applications (JBJS Open Access 2023). The open and
moderate curves rose so slowly that fitting the 98-100% senior rates took every application to
the 0.9 cap. Now no application is given more than those published yields, the curves take each
interview as a separate chance, and the recommended list stops where the warning starts (a
returner keeps the preset's programs in the target region)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.calibrate import anchored_specialties, plan_for
from matchtui.engine.mix import (
    cell_probability,
    estimate,
    estimate_list,
    factors_at,
    preset_by,
    preset_for,
    recommended_mix,
    score_anchor,
    verdict_for,
)
from matchtui.models.mix import mix_data
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList

TODAY = dt.date(2026, 12, 5)
MEAN_SIGNAL_YIELD = 0.609  # Texas STAR 2024: interviews per signal, on average
BEST_SIGNAL_YIELD = 0.689  # ... for applicants whose signals went most to programs nearby

# Audit C's c5: an M4 in Boston, pediatrics, going back to the West.
SENIOR_GOING_WEST = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "MD senior, pediatrics, Boston to the West"
situation = "in_school"
student_year = "m4"
degree = "us_md"
graduation_year = 2027
visa = "none"
home_region = "west"
lives_in = "northeast"
training_region = "northeast"
[exams]
step1 = "pass"
step2_score = 244
[targets]
specialties = ["pediatrics"]
region = "west"
[clinical]
role = "clinical_job"
months_last_24 = 22
months_since_last = 0
[[ties]]
kind = "grew_up"
region = "west"
note = "Grew up in Colorado."
[[letters]]
specialty = "pediatrics"
region = "northeast"
months_ago = 4
saw_real_work = true
"""


def senior(text: str = SENIOR_GOING_WEST, **applicant: Any) -> Profile:
    data = tomllib.loads(text)
    data["applicant"].update(applicant)
    return Profile.model_validate(data)


@pytest.mark.parametrize("signalled", [False, True])
def test_no_application_yields_more_than_published_signal_yields(
    catalog: Catalog, signalled: bool
) -> None:
    """Every anchored specialty, a US MD senior from the centre of the score spread to two
    spreads above it, each tier, in the target region (ties) and out of it."""
    ceiling = BEST_SIGNAL_YIELD if signalled else MEAN_SIGNAL_YIELD
    ties = mix_data(catalog).ties.factor
    for specialty in anchored_specialties(catalog):
        slope = score_anchor(catalog, specialty)
        assert slope is not None
        for spreads in (0, 1, 2):
            term = slope[0] * mix_data(catalog).score.sigma * spreads
            factors = factors_at(catalog, specialty, term, ties)
            for tier in (0, 1, 2):
                for region in (0, 100):
                    p = cell_probability(factors, tier, region, signalled)
                    assert p <= ceiling + 1e-12, (specialty, spreads, tier, region, p)


def test_a_typical_senior_in_an_open_specialty_is_not_at_the_cap(catalog: Catalog) -> None:
    """The fit itself stays below the published yields, the cap aside: the typical senior's
    unsignalled community application in internal medicine and emergency medicine sits under
    the mean yield per signal, not on it (it was 0.82 and 0.77)."""
    ties = mix_data(catalog).ties.factor
    for specialty in ("internal_medicine", "emergency_medicine"):
        factors = factors_at(catalog, specialty, 0.0, ties)
        assert cell_probability(factors, 2, 0, False) < MEAN_SIGNAL_YIELD


def test_the_audit_senior_expects_fewer_interviews_than_applications_allow(
    catalog: Catalog,
) -> None:
    profile = senior()
    standard = preset_for(profile, catalog)
    plan = recommended_mix(profile, catalog, today=TODAY).model_copy(
        update={"applications": standard.size.applications, "region_share_pct": 50}
    )
    result = estimate(profile, catalog, plan, today=TODAY)
    # 28.4 of 40 before; at most the mean yield per signal now, and well under it
    assert result.expected_interviews / result.total < 0.5


def test_a_program_list_is_held_to_the_same_caps(catalog: Catalog) -> None:
    profile = senior(lives_in="west", training_region="west")
    programs = ProgramList(
        programs=[
            Program(name=f"Community {i}", state="CO", specialty="pediatrics", tier="community")
            for i in range(10)
        ]
    )
    listed = estimate_list(profile, catalog, programs, "pediatrics", verdict_for(profile, catalog))
    assert listed.expected_interviews <= 10 * MEAN_SIGNAL_YIELD + 1e-9


def test_the_recommended_list_never_trips_its_own_warning(catalog: Catalog) -> None:
    """A US MD senior at the population score and two spreads above it, every anchored
    specialty, staying home and going elsewhere: the recommended mix gets no "past diminishing
    returns" warning."""
    for specialty in anchored_specialties(catalog):
        centre = score_anchor(catalog, specialty)
        assert centre is not None
        for score in (None, round(centre[1] + 2 * mix_data(catalog).score.sigma)):
            for home in ("west", "northeast"):
                data = tomllib.loads(SENIOR_GOING_WEST)
                data["exams"]["step2_score"] = score
                data["targets"]["specialties"] = [specialty]
                data["targets"]["region"] = home
                profile = Profile.model_validate(data)
                plan = recommended_mix(profile, catalog, today=TODAY)
                result = estimate(profile, catalog, plan, today=TODAY)
                ids = [w.id for w in result.warnings]
                assert "past_diminishing_returns" not in ids, (specialty, score, home)
                assert "few_in_region" not in ids, (specialty, score, home)
                assert result.total == result.preset.applications
                assert result.region_share_pct == result.preset.region_share_pct


def test_the_audit_senior_is_told_why_the_list_is_shorter(catalog: Catalog) -> None:
    profile = senior()
    preset = preset_for(profile, catalog)
    plan = recommended_mix(profile, catalog, today=TODAY)
    result = estimate(profile, catalog, plan, today=TODAY)
    point = result.diminishing_returns_at
    slack = mix_data(catalog).warnings.diminishing_slack
    assert point is not None and plan.applications == point + slack < preset.size.applications
    # the programs cut are outside the West: the preset's 20 there stay
    assert result.in_region == round(preset.size.applications * preset.size.region_share_pct / 100)
    assert result.preset.note == (
        f"Shortened from the preset's {preset.size.applications} applications: with its mix, "
        f"more than about {point} add little to your estimated chance of matching, so the "
        f"recommendation stops at {plan.applications} (that point plus the {slack} the "
        "diminishing-returns warning allows). The programs cut are outside the West: the "
        f"{result.in_region} programs there stay, so its share rises from "
        f"{preset.size.region_share_pct}% to {plan.region_share_pct}%."
    )
    assert "past_diminishing_returns" not in [w.id for w in result.warnings]


def test_a_list_that_still_gains_keeps_the_preset(catalog: Catalog, demo_profile: Any) -> None:
    plan = recommended_mix(demo_profile, catalog, today=TODAY)
    preset = preset_for(demo_profile, catalog)
    assert plan.applications == preset.size.applications
    assert estimate(demo_profile, catalog, plan, today=TODAY).preset.note == ""


def test_calibration_cohorts_keep_the_presets_own_sizes(catalog: Catalog) -> None:
    # The anchors are fitted on the presets' list sizes, not on any one applicant's.
    standard = preset_by(catalog, "low", reentry=False, img=False)
    assert plan_for(catalog, "pediatrics", standard)[0] == standard.size.applications


def test_the_command_prints_the_shorter_list_and_why(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c5.toml"
    path.write_text(SENIOR_GOING_WEST)
    assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("Program mix: Pediatrics, ") and "40 applications" not in first
    assert "Shortened from the preset's 40 applications" in out
    assert "Beyond about" not in out


async def test_the_pane_recommends_the_shorter_list_and_applies_it(workspace: Any) -> None:
    from textual.widgets import Static

    from matchtui.app import MatchApp
    from matchtui.screens.mix import MixScreen

    workspace.save_profile(senior())
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        preset = screen.result.preset
        shown = " ".join(str(screen.query_one("#mix-preset", Static).render()).split())
        assert f"{preset.applications} applications" in shown and preset.applications < 40
        assert " ".join(preset.note.split()) in shown
        await pilot.press("p")
        await pilot.pause()
        assert screen.result.total == preset.applications
        assert "past_diminishing_returns" not in [w.id for w in screen.result.warnings]
