"""A resident switching specialty is not given advice written for graduates out of training.

Found by persona audit E (e9x: a PGY-2 in family medicine switching to psychiatry, her 2025
cycle matched, no plan B written): on the Plan pane's "Plan B & cycles" tab, right after "None
written: covered by the residency you are in", came "At what point will you call residency
closed..." and "Paths outside residency"; the Routes tab offered "A preliminary year as a bridge"
that "puts you back inside US training"; and her why-now story (her intern year in Macon, a
consult-liaison month in October 2026, her program director's support) was "generic" and told
to "Add the reason for any time away from patients, ... why this cycle rather than the last",
though she has had no time away and her last cycle matched.

Now the plan leaves out what steps.toml marks `without_fallback` for one with a position to fall
back on (the Reality check's reading, engine.assess._fallback), and the cycle that placed a
resident in the residency she holds is no past for the why-now story to explain
(engine.assess._has_past): she gets the first-time wording. A resident whose earlier switch went
unmatched, and a graduate who matched and left, still have a past to tell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TabbedContent

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.plan import plan_for
from matchtui.models.profile import Profile
from matchtui.models.results import StoryVerdict
from matchtui.tomlio import load_model
from tests.test_plan_b_covered_on_plan import rendered
from tests.test_plan_engine import edit

TODAY = dt.date(2026, 12, 5)

# Audit E's persona e9x_resident_switch_check.toml.
E9X_TOML = '''\
schema_version = 2
cycle_year = 2027
[applicant]
name = "E9x Nadia Brooks, US DO 2025, PGY-2 family medicine switching to psychiatry"
situation = "in_training"
degree = "us_do"
graduation_year = 2025
visa = "none"
home_region = "west"
lives_in = "south"
training_region = "south"
region_decided = "residency_late"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 243
step2_attempts = 1
step3 = "scheduled"
step3_date = 2027-01-20
[[history.cycles]]
year = 2025
specialty = "family_medicine"
outcome = "matched"
[targets]
specialties = ["psychiatry"]
region = "west"
divisions = ["pacific"]
setting = "any"
[clinical]
role = "clinical_job"
months_last_24 = 17
months_since_last = 0
[[ties]]
kind = "grew_up"
region = "west"
note = "Grew up in Eugene, Oregon."
[[letters]]
specialty = "psychiatry"
region = "south"
months_ago = 2
saw_real_work = true
author = "Dr. V. Amin, consult-liaison psychiatrist, my program's hospital"
[narrative]
why_now = """During my family medicine intern year in Macon I managed depression and anxiety in \\
clinic every week and spent a month on consult-liaison psychiatry in October 2026. I want to \\
train in psychiatry; my program director knows and supports this application."""
why_home = """I grew up in Eugene and my parents still live there; I want to practise in Oregon."""
'''

# What the why-now advice asks of one with a past (lexicon.toml [stories.why_now] advice).
PAST_ASKS = ("time away from patients", "rather than the last", "what changed since then")


@pytest.fixture
def e9x(tmp_path: Path) -> Profile:
    path = tmp_path / "e9x.toml"
    path.write_text(E9X_TOML)
    return load_model(path, Profile)


def graduate(profile: Profile) -> Profile:
    """The same record out of training: she matched in 2025 and left."""
    return edit(profile, applicant={"situation": "not_in_training", "training_region": None})


def why_now(profile: Profile, catalog: Catalog) -> StoryVerdict:
    return next(s for s in assess(profile, catalog, today=TODAY).stories if s.kind == "why_now")


def test_her_why_now_story_is_not_asked_about_a_past_she_does_not_have(
    e9x: Profile, catalog: Catalog
) -> None:
    story = why_now(e9x, catalog)
    for asked in PAST_ASKS:
        assert asked not in story.reason, story.reason
    assert story.quality == "concrete", story.reason
    assert "stepped_away" not in story.missing and "what_happened" not in story.missing


def test_the_command_line_says_the_same(
    e9x: Profile, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(E9X_TOML)
    assert main(["--today", "2026-12-05", "assess"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Why-now story: concrete (41 words" in out
    assert "time away from patients" not in out


def test_a_past_is_still_asked_of_those_who_have_one(e9x: Profile, catalog: Catalog) -> None:
    """An earlier switch that went unmatched, or a matched residency left, is a past to tell."""
    missed = edit(
        e9x,
        history={
            "cycles": [
                {"year": 2025, "specialty": "family_medicine", "outcome": "matched"},
                {"year": 2026, "specialty": "psychiatry", "outcome": "unmatched"},
            ]
        },
    )
    assert why_now(missed, catalog).quality == "generic"
    assert "rather than the last" in why_now(missed, catalog).reason
    assert "rather than the last" in why_now(graduate(e9x), catalog).reason


def test_her_plan_leaves_out_what_is_written_for_graduates(e9x: Profile, catalog: Catalog) -> None:
    view = plan_for(e9x, catalog, None, TODAY)
    assert view.plan_b_covered.startswith("None written: covered by the residency")
    assert view.plan_b_paths == ()
    assert [q.id for q in view.parallel_plan] == ["no_interviews", "interviews_no_match"]
    assert [r.route.id for r in view.routes] == ["soap", "off_cycle"]
    # out of training, the same record is shown all of it
    out = plan_for(graduate(e9x), catalog, None, TODAY)
    assert {p.id for p in out.plan_b_paths} >= {"research_leadership", "medical_affairs"}
    assert "stop_point" in {q.id for q in out.parallel_plan}
    assert "prelim_bridge" in {r.route.id for r in out.routes}


async def tab_text(workspace: Any, profile: Profile, presses: tuple[str, ...], tab: str) -> str:
    workspace.save_profile(profile)
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*presses)
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == f"tab-{tab}"
        return " ".join(rendered(app.screen.query_one(f"#{tab}-text", Static)).split())


async def test_the_plan_pane_for_a_resident(workspace: Any, e9x: Profile) -> None:
    planb = await tab_text(workspace, e9x, ("t", "t"), "planb")
    assert "None written: covered by the residency you are in" in planb
    assert "Decide these in advance" in planb  # the questions that fit her stay
    assert "call residency closed" not in planb
    assert "Paths outside residency" not in planb
    routes = await tab_text(workspace, e9x, ("t",), "routes")
    assert "Off-cycle and off-Match vacancies" in routes
    assert "back inside US training" not in routes


async def test_the_plan_pane_for_a_graduate(workspace: Any, e9x: Profile) -> None:
    planb = await tab_text(workspace, graduate(e9x), ("t", "t"), "planb")
    assert "call residency closed" in planb and "Paths outside residency" in planb
    routes = await tab_text(workspace, graduate(e9x), ("t",), "routes")
    assert "back inside US training" in routes
