"""The plan's cycle advice follows where the applicant's season stands.

Found by persona audit E (e3, a graduate dismissed in PGY-1 applying to psychiatry for the 2027
Match; e5 alike): on 5 Dec 2026 the Plan pane's "Plan B & cycles" tab and section 5 of the report
said "Make it count: ... and the story written before ERAS opens", though ERAS opened for that
Match on 3 Jun 2026 (dates.toml). A sentence bound to the season is now said only before the day
of the Match its event names (steps.toml [[cycle_advice.later]], engine/plan.py advice_text, the
day from calendar.season_date): from ERAS opening, the story is to be finished before submitting;
once applications go to programs, the advice names what still helps this season."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.engine.calendar import season_date
from matchtui.engine.plan import plan_for
from matchtui.engine.report import build_report, to_markdown
from matchtui.errors import FileProblems
from matchtui.models.plan_data import steps_data
from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from tests.test_plan_b_covered_on_plan import rendered
from tests.test_plan_engine import edit

# Audit E's persona e3 (its stories left out: they play no part here).
E3_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "E3 US MD 2024, matched surgery, dismissed PGY-1 (2025), now psychiatry"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2024
visa = "none"
home_region = "west"
lives_in = "west"
decided_year = 2025
decided_month = 10
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 241
step2_attempts = 1
step3 = "not_taken"
[[history.cycles]]
year = 2024
specialty = "general_surgery"
outcome = "matched"
[targets]
specialties = ["psychiatry"]
region = "west"
divisions = ["pacific", "mountain"]
[clinical]
role = "clinical_job"
months_last_24 = 9
months_since_last = 0
[narrative]
plan_b = "Keep working on the crisis unit."
"""

BEFORE_ERAS = dt.date(2026, 5, 1)  # the 2027 season's ERAS opens on 3 Jun 2026
BEFORE_SUBMIT = dt.date(2026, 7, 1)  # applications go to programs from 2 Sep 2026
AUDIT_DAY = dt.date(2026, 12, 5)
STALE = "before ERAS opens"


@pytest.fixture
def e3(tmp_path: Path) -> Profile:
    path = tmp_path / "e3.toml"
    path.write_text(E3_TOML)
    return load_model(path, Profile)


def advice(profile: Profile, catalog: Catalog, today: dt.date) -> str:
    return plan_for(profile, catalog, None, today).cycles.advice_text


def test_the_dates_are_the_ones_the_audit_read(catalog: Catalog) -> None:
    assert season_date(catalog, 2027, "eras_opens").date == dt.date(2026, 6, 3)
    assert season_date(catalog, 2027, "submit_opens").date == dt.date(2026, 9, 2)


def test_before_eras_opens_the_advice_is_as_it_was(e3: Profile, catalog: Catalog) -> None:
    text = advice(e3, catalog, BEFORE_ERAS)
    assert STALE in text and "Step 3 done" in text
    assert text == advice(e3, catalog, dt.date(2026, 6, 2))  # the day before


def test_once_eras_has_opened_the_story_is_for_submitting(e3: Profile, catalog: Catalog) -> None:
    text = advice(e3, catalog, BEFORE_SUBMIT)
    assert STALE not in text
    assert "the story finished before you submit" in text and "broad list" in text
    assert text == advice(e3, catalog, dt.date(2026, 6, 3))  # from its day


def test_in_the_season_it_says_what_still_helps(e3: Profile, catalog: Catalog) -> None:
    text = advice(e3, catalog, AUDIT_DAY)
    assert STALE not in text and "before you submit" not in text
    assert text.startswith("This Match's season is under way: what still helps is")
    assert "non-residency plan B" in text  # the part the season does not bind stays


def test_the_pane_and_the_report_say_it(e3: Profile, catalog: Catalog) -> None:
    report = to_markdown(build_report(e3, catalog, today=AUDIT_DAY, plan=None, practice=None))
    cycles = report[report.index("### Cycles") :]
    cycles = cycles[: cycles.index("###", 4)]
    assert STALE not in cycles and "This Match's season is under way" in cycles
    earlier = to_markdown(build_report(e3, catalog, today=BEFORE_ERAS, plan=None, practice=None))
    assert STALE in earlier


async def test_the_plan_b_tab_says_it(workspace: Any, e3: Profile) -> None:
    workspace.save_profile(e3)
    app = MatchApp(workspace, first_pane="plan", today=AUDIT_DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", "t")
        await pilot.pause()
        text = " ".join(rendered(app.screen.query_one("#planb-text", Static)).split())
    assert "First serious cycle This Match's season is under way" in text
    assert STALE not in text


@pytest.mark.parametrize("situation", ["in_school", "in_training", "not_in_training"])
@pytest.mark.parametrize("applied", [0, 1, 3])
def test_no_advice_speaks_of_a_day_gone_by(
    e3: Profile, catalog: Catalog, situation: str, applied: int
) -> None:
    """Every situation and count: in the season nothing says ERAS has yet to open, or asks
    for applying broadly or an application made different, which went to programs already."""
    cycles = [{"year": 2020 + i, "outcome": "unmatched"} for i in range(applied)]
    changed = {"situation": situation}
    if situation == "in_training":
        changed["training_region"] = "west"
        cycles.insert(0, {"year": 2019, "outcome": "matched"})
    if situation == "in_school":
        changed["graduation_year"] = 2027
        cycles = []
    profile = edit(e3, applicant=changed, history={"cycles": cycles})
    text = advice(profile, catalog, AUDIT_DAY)
    for stale in (STALE, "apply broadly", "Apply only with", "This application has to differ"):
        assert stale not in text, text
    # and before ERAS opens, each says what it always said
    view = plan_for(profile, catalog, None, BEFORE_ERAS)
    said = next(
        a
        for a in steps_data(catalog).cycle_advice
        if a.verdict == view.cycles.verdict and situation in a.situations
    )
    assert view.cycles.advice_text == said.text


def test_an_unknown_event_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    steps = folder / "steps.toml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(text.replace('event = "eras_opens"', 'event = "eras_open"', 1))
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    found = {(p.file.name, p.message) for p in caught.value.problems}
    assert found == {("steps.toml", "unknown season event 'eras_open'")}
