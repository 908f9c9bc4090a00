"""A medical student who graduates before the Match the profile aims at is a prior graduate in
it, not a senior: the estimate, the Reality check, the report and the Plan pane's offer of the
next Match all read and say the applicant type at that Match.

Found by audit C (defect 1): a DO senior graduating in 2027 was told in December 2026 that the
2027 season had gone on without their application (from a plan they never saved) and pressed y
to switch to the 2028 Match. The profile, still in school and graduating in 2027, was then
estimated as a "US DO senior" of the 2028 Match (64-84%), where the same person entered as a
2027 graduate read "US DO prior graduate" (10-41%): NRMP counts as seniors only students due to
graduate in the Match year (2025: DO seniors 92.6% matched, DO prior graduates 43.8%)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine import mix as mix_engine
from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, mix_data
from matchtui.engine.plan import year_check
from matchtui.engine.report import build_report, to_text
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.workspace import Workspace
from tests.test_cli import run_cli
from tests.test_ranklist_warm import _gc_as_before as _gc_as_before  # autouse: a real session

TODAY = dt.date(2026, 12, 5)

# The audit's persona c4 (fictional): a DO senior graduating in 2027, COMLEX only, anesthesiology
# in the South, aiming at the 2027 Match.
DO_SENIOR = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "DO senior, COMLEX only (fictional)"
situation = "in_school"
student_year = "m4"
degree = "us_do"
graduation_year = 2027
home_region = "south"
lives_in = "south"
training_region = "south"
region_decided = "m3"
[exams]
level1 = "pass"
level1_attempts = 1
level2_score = 585
level2_attempts = 1
[targets]
specialties = ["anesthesiology"]
region = "south"
divisions = ["west_south_central"]
setting = "urban"
[clinical]
role = "clinical_job"
months_last_24 = 20
months_since_last = 0
[[rotations]]
region = "south"
status = "done"
specialty = "anesthesiology"
place = "Anesthesiology audition rotation (fictional)"
[[letters]]
specialty = "anesthesiology"
region = "south"
months_ago = 3
saw_real_work = true
author = "Anesthesiology faculty (fictional)"
"""


def student(cycle_year: int = 2027, **applicant: Any) -> Profile:
    data = tomllib.loads(DO_SENIOR)
    data["cycle_year"] = cycle_year
    data["applicant"].update(applicant)
    if data["applicant"]["degree"] != "us_do":  # COMLEX is a DO's
        data["exams"] = {"step1": "pass", "step2_score": 240}
    return Profile.model_validate(data)


def flat(text: str) -> str:
    """The report's text with its lines joined (it wraps paragraphs)."""
    return " ".join(text.split())


def published(catalog: Catalog, kind: str) -> str:
    return f"{mix_data(catalog).type_anchor(kind).published_pct:g}%"


@pytest.mark.parametrize(
    ("degree", "senior", "graduate"),
    [("us_do", "us_do_senior", "us_do_graduate"), ("us_md", "us_md_senior", "us_md_graduate")],
)
def test_a_student_graduating_before_the_match_is_its_prior_graduate(
    degree: str, senior: str, graduate: str
) -> None:
    in_match_year = student(2027, degree=degree)
    assert in_match_year.applicant_type == senior
    assert not in_match_year.graduates_before_match
    assert in_match_year.years_since_graduation == 0
    # Graduating in May 2027, before the 2028 Match in March 2028.
    switched = student(2028, degree=degree)
    assert switched.applicant_type == graduate and switched.is_prior_graduate
    assert switched.graduates_before_match
    assert switched.years_since_graduation == 1
    assert not switched.is_reentry  # in school now: no time away to weigh
    # The type in another Match than the profile's: the one the Plan pane offers.
    assert in_match_year.applicant_type_in(2028) == graduate
    assert in_match_year.applicant_type_in(2027) == senior
    assert "prior graduate at this Match" in switched.path_labels()
    assert "prior graduate at this Match" not in in_match_year.path_labels()


def test_an_img_student_keeps_the_img_group(catalog: Catalog) -> None:
    for degree in ("us_img", "non_us_img"):
        profile = student(2028, degree=degree)
        assert profile.applicant_type == degree
        assert "prior graduate at this Match" not in profile.path_labels()
        assert mix_engine.graduated_by_note(profile, catalog) == ""


def test_the_estimate_reads_the_type_at_the_match(catalog: Catalog) -> None:
    """The same student in the 2027 Match (a senior) and the 2028 Match (graduated in 2027):
    the 2028 estimate is a prior graduate's, and lower; it says why, with both published rates
    (mix.toml [[type_anchors]])."""
    senior, switched = student(2027), student(2028)
    mix = MixPlan(
        specialty="anesthesiology",
        applications=60,
        academic_pct=25,
        mid_tier_pct=45,
        community_pct=30,
        region_share_pct=40,
        signals_used=15,
    )
    as_senior = estimate(senior, catalog, mix, today=TODAY)
    as_graduate = estimate(switched, catalog, mix, today=TODAY)
    assert as_senior.applicant_type == "us_do_senior"
    assert as_graduate.applicant_type == "us_do_graduate"
    assert as_graduate.p_match < as_senior.p_match
    assert as_graduate.p_placed_with_soap < as_senior.p_placed_with_soap
    (note,) = [w.text for w in as_graduate.warnings if w.id == "graduated_by_match"]
    assert "You graduate in 2027, before the 2028 Match" in note
    assert "you apply as a US DO prior graduate, not a senior" in note
    assert published(catalog, "us_do_graduate") in note
    assert published(catalog, "us_do_senior") in note
    assert "Anchored to the 2025 match rate of US DO prior graduates" in (
        as_graduate.calibration_note
    )
    assert not [w for w in as_senior.warnings if w.id == "graduated_by_match"]


def test_the_reality_check_says_it(catalog: Catalog) -> None:
    switched = assess(student(2028), catalog, today=TODAY)
    assert switched.risk.tier == "not_applicable"  # in school now: no time away to weigh
    assert "You graduate in 2027, before the 2028 Match" in switched.risk.reason
    assert "US DO prior graduate" in switched.risk.reason
    assert "before the" not in assess(student(2027), catalog, today=TODAY).risk.reason
    report = flat(
        to_text(
            build_report(
                student(2028), catalog, today=TODAY, plan=None, practice=None, programs=None
            )
        )
    )
    assert re.search(r"Applying as:? prior graduate at this Match", report), report
    assert re.search(r"Graduation:? 2027 \(expected, before the 2028 Match\)", report), report


def _point(text: str) -> tuple[int, str]:
    found = re.search(r"Chance of matching anywhere in [^:]+: \S+ \(point (\d+)%; ([^,]+),", text)
    assert found is not None, text
    return int(found.group(1)), found.group(2)


def test_the_mix_command_for_the_student_switched_to_2028(home: Path) -> None:
    """`matchtui mix` on the audit's profile after y (2028 Match, still in school, graduating
    2027): a prior graduate's estimate, below the same student's as a 2027 senior."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(DO_SENIOR.replace("cycle_year = 2027", "cycle_year = 2028"))
    result = run_cli("--today", "2026-12-05", "mix", home=home)
    assert result.returncode == 0, result.stderr
    point, group = _point(result.stdout)
    assert group == "US DO prior graduate"
    assert "Anchored to the 2025 match rate of US DO prior graduates" in result.stdout
    warnings = result.stdout.split("Warnings:")[1].split("Assumptions:")[0]
    assert "You graduate in 2027, before the 2028 Match" in warnings
    (home / "profile.toml").write_text(DO_SENIOR)
    before = run_cli("--today", "2026-12-05", "mix", home=home)
    assert before.returncode == 0, before.stderr
    senior_point, senior_group = _point(before.stdout)
    assert senior_group == "US DO senior" and point < senior_point


def unsent_program() -> Program:
    return Program(
        name="Hill Country Anesthesiology (fictional)",
        state="TX",
        specialty="anesthesiology",
        tier="community",
    )


def test_the_offer_of_the_next_match_says_it(catalog: Catalog) -> None:
    """The report (and the commands' note) offer the 2028 Match with the same sentence."""
    programs = ProgramList(programs=[unsent_program()])
    text = to_text(
        build_report(
            student(2027), catalog, today=TODAY, plan=None, practice=None, programs=programs
        )
    )
    plan = flat(text[text.index("Plan status") :])
    assert "Did the 2027 season go on without your application?" in plan
    assert "You graduate in 2027, before the 2028 Match" in plan
    assert "US DO prior graduate, not a senior" in plan


async def test_pressing_y_switches_a_student_to_the_next_match_as_a_graduate(
    workspace: Workspace,
) -> None:
    workspace.save_profile(student(2027))
    workspace.save_programs(ProgramList(programs=[unsent_program()]))
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#plan-banner", Static)
        assert banner.display
        text = str(banner.content)
        assert "Did the 2027 season go on without your application?" in text
        assert "You graduate in 2027, before the 2028 Match" in text
        assert "US DO prior graduate, not a senior" in text
        assert text.rstrip().endswith("Press y to switch to the 2028 Match.")
        await pilot.press("y")
        await pilot.pause()
        assert app.profile is not None and app.profile.cycle_year == 2028
        assert app.profile.applicant.situation == "in_school"
        assert app.profile.applicant_type == "us_do_graduate"
        saved = workspace.load_profile()
        assert saved.cycle_year == 2028 and saved.applicant_type == "us_do_graduate"
        said = [str(n.message) for n in app._notifications]
        assert any(
            "now aims at the 2028 Match" in m and "US DO prior graduate, not a senior" in m
            for m in said
        ), said
        screen: Any = app.screen
        assert year_check(screen.view, app.catalog, app.sent_on_list()) is None
        assert not app.screen.query_one("#plan-banner", Static).display
        # The Program mix pane now estimates a prior graduate, and says why.
        await pilot.press("f4")
        await pilot.pause()
        mix: Any = app.screen
        assert mix.result is not None and mix.result.applicant_type == "us_do_graduate"
        assert any(w.id == "graduated_by_match" for w in mix.result.warnings)


async def test_y_that_cannot_switch_says_why(workspace: Workspace) -> None:
    """A student graduating in 2026 whose 2026 Match is over: the next Match one can still
    apply to, on 25 March 2027, is 2028, two years after graduating, which the profile refuses
    for a student. Pressing y raised out of the pane and closed the app; now it says what to
    correct and leaves the profile as it was."""
    workspace.save_profile(student(2026, graduation_year=2026))
    app = MatchApp(workspace, first_pane="plan", today=dt.date(2027, 3, 25))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#plan-banner", Static)
        assert banner.display and "Press y to switch to the 2028 Match" in str(banner.content)
        await pilot.press("y")
        await pilot.pause()
        assert app.is_running
        assert app.profile is not None and app.profile.cycle_year == 2026
        assert workspace.load_profile().cycle_year == 2026
        said = [str(n.message) for n in app._notifications]
        assert any(
            m.startswith("applicant.graduation_year: 2026 is 2 years before the 2028 Match")
            and "Correct it in the Profile (F1)" in m
            for m in said
        ), said
