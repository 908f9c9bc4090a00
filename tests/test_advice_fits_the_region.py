"""Back-home advice fits where the applicant stands.

Found trying personas: a non-US IMG living abroad and aiming at the Northeast, a region they have
no tie to, was flagged "The ghost applicant ... Why-home story is missing" and told to say "who
and what ties you to the Northeast (people, years lived there ...)". The source's ghost grew up
in the region and goes back to it; someone with no home there is not returning. And a graduate
who lives in the South and aims at it was told to "spend months rather than days in the South",
as if away from it. Now the ghost is flagged only for one going home (archetypes.toml
going_home_only), the story is a why-this-region story for a region that is not home, and
advice to build presence in the region is worded for one who lives there, in the Reality check's
actions and in the plan's back-home steps alike (actions.toml and steps.toml `variants`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.plan import build_plan
from matchtui.models.profile import Profile
from tests.test_assess_engine import make

AWAY = "spend months rather than days"

ABROAD_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "IMG abroad"
situation = "not_in_training"
degree = "non_us_img"
graduation_year = 2015
visa = "needs_sponsorship"
home_region = "abroad"
lives_in = "abroad"
[exams]
step1 = "pass"
step2_score = 230
step3 = "not_taken"
[targets]
specialties = ["internal_medicine"]
region = "northeast"
[clinical]
role = "clinical_job"
months_last_24 = 24
months_since_last = 0
"""

LIVES_THERE_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "Lives in the South"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2021
visa = "none"
home_region = "south"
lives_in = "south"
[exams]
step1 = "pass"
step2_score = 228
step3 = "not_taken"
[targets]
specialties = ["internal_medicine"]
region = "south"
[clinical]
role = "nonclinical"
months_last_24 = 0
months_since_last = 48
"""

NO_STORY = {"why_home": "", "why_now": "", "plan_b": ""}


def _bare(**changes: object) -> Profile:
    """A graduate with nothing in the target region: no ties, rotations, letters or story."""
    return make(ties=[], rotations=[], letters=[], narrative=NO_STORY, **changes)


def abroad() -> Profile:
    return _bare(
        applicant__degree="non_us_img",
        applicant__visa="needs_sponsorship",
        applicant__home_region="abroad",
        applicant__current_region="abroad",
        targets__region="northeast",
    )


def lives_in_south() -> Profile:
    return _bare(
        applicant__home_region="south",
        applicant__current_region="south",
        targets__region="south",
        clinical={"role": "nonclinical", "months_last_24": 0, "months_since_last": 48},
    )


def away_from_home() -> Profile:
    """The source's ghost: home in the Midwest, living in the South, aiming back home."""
    return _bare(applicant__home_region="midwest", applicant__current_region="south")


def _action(result: object, action_id: str) -> object:
    return next(a for a in result.actions if a.id == action_id)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "profile",
    [
        abroad,
        # A US graduate moving to a region that is not home is not a returner either.
        lambda: _bare(applicant__home_region="midwest", targets__region="west"),
    ],
    ids=["home abroad", "new US region"],
)
def test_no_ghost_without_a_home_in_the_target(catalog: Catalog, profile: object) -> None:
    result = assess(profile(), catalog)  # type: ignore[operator]
    assert result.back_home.new_region
    assert "ghost_applicant" not in [a.id for a in result.archetypes]


def test_the_ghost_is_still_one_going_home(catalog: Catalog) -> None:
    result = assess(away_from_home(), catalog)
    ghost = next(a for a in result.archetypes if a.id == "ghost_applicant")
    assert "Why-home story is missing" in ghost.evidence


def test_a_region_not_home_asks_why_that_region(catalog: Catalog) -> None:
    result = assess(abroad(), catalog)
    assert result.stories[0].label == "Why-this-region story"
    assert "Why-this-region story: not written yet" in result.back_home.reasons
    story = _action(result, "why_home_story")
    assert story.title == "Write a concrete why-this-region story"  # type: ignore[attr-defined]
    assert story.text.startswith("Say why the Northeast in particular")  # type: ignore[attr-defined]
    assert "years lived there" not in story.text  # type: ignore[attr-defined]
    assert story.finding == "No why-this-region story written"  # type: ignore[attr-defined]
    # Going home, the story and its prompt are still about home.
    home = assess(away_from_home(), catalog)
    assert home.stories[0].label == "Why-home story"
    assert "years lived there" in _action(home, "why_home_story").text  # type: ignore[attr-defined]


def test_presence_advice_for_one_who_lives_there(catalog: Catalog) -> None:
    there = _action(assess(lives_in_south(), catalog), "away_rotation")
    assert AWAY not in there.text  # type: ignore[attr-defined]
    assert there.text.startswith("You live in the South already")  # type: ignore[attr-defined]
    assert there.title == "Work clinically where you live"  # type: ignore[attr-defined]
    # Living elsewhere, the advice still sends them there.
    away = _action(assess(away_from_home(), catalog), "away_rotation")
    assert AWAY + " in the Midwest" in away.text  # type: ignore[attr-defined]


def _steps(profile: Profile, catalog: Catalog) -> dict[str, str]:
    plan = build_plan(profile, catalog, None, dt.date(2026, 12, 5), assess(profile, catalog))
    track = next(t for t in plan.tracks if t.id == "back_home")
    return {row.id: f"{row.title} | {row.detail}" for row in track.rows}


def test_the_plans_back_home_steps_follow_the_same_rule(catalog: Catalog) -> None:
    new = _steps(abroad(), catalog)
    assert not [s for s in new.values() if "home region" in s or "back home" in s]
    assert new["why_home_story"].startswith("Write a concrete why-this-region story")
    assert new["region_rotation"].startswith("Work in the target region")
    there = _steps(lives_in_south(), catalog)
    assert there["region_rotation"].startswith("Work clinically where you live")
    home = _steps(away_from_home(), catalog)
    assert home["region_rotation"].startswith("Work in the home region")


def test_cli_abroad_and_living_there(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "abroad.toml"
    profile.write_text(ABROAD_TOML)
    # before the 2027 Match's applications go to programs (after, the season's wordings apply)
    before = ["--today", "2026-08-01"]
    assert main([*before, "assess", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    assert "The ghost applicant" not in out and "Why-home story" not in out
    assert "Why-this-region story: not written yet" in out
    assert "Say why the Northeast in particular" in out
    there = tmp_path / "south.toml"
    there.write_text(LIVES_THERE_TOML)
    assert main([*before, "assess", "--profile", str(there)]) == 0
    out = capsys.readouterr().out
    assert AWAY not in out
    assert "You live in the South already" in out


def test_the_plans_checklist_is_named_for_where_it_leads(catalog: Catalog) -> None:
    """Aiming at a region that is not home, the checklist was still the 'Back-home checklist'."""

    def track(profile: Profile) -> object:
        plan = build_plan(profile, catalog, None, dt.date(2026, 12, 5), assess(profile, catalog))
        return next(t for t in plan.tracks if t.id == "back_home")

    new = track(abroad())
    assert new.title == "New-region checklist"  # type: ignore[attr-defined]
    assert {row.phase for row in new.rows} == {"New region"}  # type: ignore[attr-defined]
    home = track(away_from_home())
    assert home.title == "Back-home checklist"  # type: ignore[attr-defined]
