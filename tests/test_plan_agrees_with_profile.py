"""The Plan reads the profile one way for every item that speaks of the same thing.

Found by a persona audit (a US-IMG a year out, working on a depression trial since May 2026, Step
3 booked for January 2027): the Plan pane and the report showed "Start a clinical job or long
observership: done (profile)" beside "Keep the clinical work going: to do, overdue", and "Book
Step 3: done (profile)" beside "Sit and pass Step 3: overdue", though the profile says the
clinical work goes on (months_since_last 0, clinical research) and the Reality check reads the
Step 3 date as in time for rank lists. Work going on now (engine/clinical.py read_clinical, the
one reading) now shows "keep it going" under way, and a job going on counts as started; Step 3
booked in time is under way; the letters item is done when the Reality check finds the letters
ready. Each rule still says "to do" where the profile does not answer it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.plan import PlanView, plan_for
from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from matchtui.widgets.plan_gantt import PlanGantt
from tests.test_plan_engine import edit

TODAY = dt.date(2026, 12, 5)

# The auditor's persona c3 (a US-IMG, clinical research going on, Step 3 booked in time).
C3_TOML = '''\
schema_version = 2
cycle_year = 2027
[applicant]
name = "C3 Marcus Bell, US-IMG (Caribbean) 2025, Step 2 228, 1 unmatched + SOAP, psychiatry"
situation = "not_in_training"
degree = "us_img"
graduation_year = 2025
visa = "none"
home_region = "south"
lives_in = "south"
decided_year = 2026
decided_month = 4
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 228
step2_attempts = 1
step3 = "scheduled"
step3_date = 2027-01-14
[[history.cycles]]
year = 2026
specialty = "psychiatry"
outcome = "unmatched"
soap = true
[targets]
specialties = ["psychiatry", "family_medicine"]
region = "south"
divisions = ["south_atlantic"]
setting = "any"
[clinical]
role = "clinical_research"
months_last_24 = 10
months_since_last = 0
[[ties]]
kind = "grew_up"
region = "south"
note = "Raised in Jacksonville, Florida."
[[rotations]]
region = "south"
status = "done"
specialty = "psychiatry"
place = "Psychiatry core and elective rotations, Atlanta and Miami (2024)"
[[letters]]
specialty = "psychiatry"
region = "south"
months_ago = 26
saw_real_work = true
author = "Dr. T. Nguyen, attending psychiatrist, Miami (core rotation)"
[[letters]]
specialty = "psychiatry"
region = "south"
months_ago = 5
saw_real_work = true
author = "Dr. R. Greene, psychiatrist, PI of the depression study I coordinate, Gainesville"
[narrative]
why_home = "Florida is where I am from and I want to stay near my family."
why_now = """Last cycle I applied to 120 psychiatry programs and got 3 interviews. Honestly SOAP \\
felt like a lottery and I was unlucky with timing. Since May 2026 I have worked as a research \\
assistant on a depression trial at a university hospital in Gainesville, where I do the \\
PHQ-9 and MADRS ratings with patients twice a week. I scheduled Step 3 for January so programs \\
see a pass before ranking."""
plan_b = "Apply again to psychiatry and more family medicine programs."
'''


def load(tmp_path: Path, text: str, name: str) -> Profile:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    return load_model(path, Profile)


@pytest.fixture
def c3(tmp_path: Path) -> Profile:
    return load(tmp_path, C3_TOML, "c3")


def plan(profile: Profile, catalog: Catalog) -> PlanView:
    return plan_for(profile, catalog, None, TODAY)


def shown(view: PlanView, item_id: str) -> tuple[str, str]:
    """The item's box (what it shows and counts) and where it stands."""
    row = view.row(item_id)
    assert row is not None, item_id
    return row.shown_status, row.state


# --- the clinical work ---------------------------------------------------------------------


def test_clinical_work_going_on_is_kept_going_not_overdue(c3: Profile, catalog: Catalog) -> None:
    assert assess(c3, catalog, today=TODAY).factor("clinical_gap").level == "lower"  # type: ignore[union-attr]
    view = plan(c3, catalog)
    assert shown(view, "clinical_role") == ("done", "done")
    # Aug-Oct 2026 is over, and the work goes on: under way, not overdue
    assert shown(view, "stay_clinical") == ("doing", "now")
    row = view.row("stay_clinical")
    assert row is not None and row.started_by_profile and row.status == "todo"
    assert "stay_clinical" not in {r.id for r in view.overdue}
    assert view.status_counts()["doing"] == 2  # with Step 3, below


def test_an_observership_going_on_does_not_start_the_clinical_job(
    c3: Profile, catalog: Catalog
) -> None:
    """Found by review: an observership going on ticked "Start a clinical job or long
    observership" done, while the Reality check rated the gap higher (two months watching care
    after 110 months without hands-on work) and its top action asked for a role with patient
    contact: watching care is not the clinical work the item asks for."""
    observing = edit(
        c3,
        clinical={
            "role": "observership",
            "months_last_24": 2,
            "months_since_last": 0,
            "months_since_hands_on": 110,
        },
    )
    assert assess(observing, catalog, today=TODAY).factor("clinical_gap").level == "higher"  # type: ignore[union-attr]
    assert shown(plan(observing, catalog), "clinical_role") == ("todo", "overdue")


def test_clinical_work_that_ended_is_not_kept_going(c3: Profile, catalog: Catalog) -> None:
    """Ended five months ago: nothing goes on, so keeping it going is still to do (and late),
    and the Reality check no longer rates the gap lower, so the job is to start again."""
    ended = edit(c3, clinical={"months_since_last": 5})
    view = plan(ended, catalog)
    assert shown(view, "stay_clinical") == ("todo", "overdue")
    assert shown(view, "clinical_role") == ("todo", "overdue")


def test_a_role_that_is_not_clinical_work_goes_on_as_nothing(c3: Profile, catalog: Catalog) -> None:
    """The one reading (read_clinical): a non-clinical job counts no clinical month, however
    current it is."""
    office = edit(c3, clinical={"role": "nonclinical"})
    view = plan(office, catalog)
    assert shown(view, "stay_clinical") == ("todo", "overdue")
    assert shown(view, "clinical_role") == ("todo", "overdue")


def test_a_job_begun_lately_is_started_and_going_on(c3: Profile, catalog: Catalog) -> None:
    """Three months in, going on: the Reality check still rates the gap middle (it wants six)
    and asks to keep at it; the plan shows the job started and being kept going, as the
    back-home step "Work clinically where you live" shows it done, never "start a job" to do."""
    begun = edit(c3, clinical={"months_last_24": 3})
    result = assess(begun, catalog, today=TODAY)
    assert result.factor("clinical_gap").level == "middle"  # type: ignore[union-attr]
    view = plan(begun, catalog)
    assert shown(view, "region_rotation") == ("done", "done")
    assert shown(view, "clinical_role") == ("done", "done")
    assert shown(view, "stay_clinical") == ("doing", "now")
    # the Reality check's ask stays on both items
    for item in ("clinical_role", "stay_clinical"):
        row = view.row(item)
        assert row is not None and [a.id for a in row.marked] == ["rebuild_clinical"]


def test_marked_doing_by_the_applicant_is_theirs(c3: Profile, catalog: Catalog) -> None:
    """A box the applicant set is theirs: the profile shows nothing over it."""
    from matchtui.models.plan import ItemState, PlanFile, TimelineState

    done = PlanFile(timeline=TimelineState(items={"stay_clinical": ItemState(status="done")}))
    row = plan_for(c3, catalog, done, TODAY).row("stay_clinical")
    assert row is not None and not row.started_by_profile
    assert (row.shown_status, row.state) == ("done", "done")


# --- Step 3 --------------------------------------------------------------------------------


def test_step3_booked_in_time_is_under_way(c3: Profile, catalog: Catalog) -> None:
    assert assess(c3, catalog, today=TODAY).step3.verdict == "scheduled"
    view = plan(c3, catalog)
    assert shown(view, "step3_booked") == ("done", "done")
    assert shown(view, "step3_passed") == ("doing", "now")


def test_step3_booked_too_late_is_still_overdue(c3: Profile, catalog: Catalog) -> None:
    """A date whose result would come after rank lists close: the Reality check asks to book
    earlier, and the plan still says the pass is late."""
    late = edit(c3, exams={"step3_date": dt.date(2027, 3, 1)})
    assert assess(late, catalog, today=TODAY).step3.verdict == "late"
    view = plan(late, catalog)
    assert shown(view, "step3_booked") == ("done", "done")
    assert shown(view, "step3_passed") == ("todo", "overdue")
    row = view.row("step3_passed")
    assert row is not None and [a.id for a in row.marked] == ["take_step3"]


# --- letters -------------------------------------------------------------------------------


def test_letters_the_reality_check_finds_ready_are_done(
    demo_profile: Profile, catalog: Catalog
) -> None:
    assert assess(demo_profile, catalog, today=TODAY).letters.verdict == "ready"
    view = plan(demo_profile, catalog)
    assert shown(view, "regional_letter") == ("done", "done")
    assert shown(view, "letter_writers") == ("done", "done")


def test_letters_found_short_are_still_to_do(c3: Profile, catalog: Catalog) -> None:
    assert assess(c3, catalog, today=TODAY).letters.verdict == "short"
    view = plan(c3, catalog)
    assert shown(view, "regional_letter") == ("done", "done")  # one from the South
    assert shown(view, "letter_writers") == ("todo", "overdue")  # but one recent of two wanted


# --- where the applicant reads it ----------------------------------------------------------


def test_the_report_gives_the_profiles_reading(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c3.toml"
    path.write_text(C3_TOML)
    argv = ["--today", TODAY.isoformat(), "report", "--profile", str(path), "--format", "text"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()

    def status(title: str) -> list[str]:
        """The item's row: status and where it stands, after its months."""
        line = next(line for line in lines if line.startswith(title))
        return line.split("2026", 1)[1].split()

    assert status("Keep the clinical") == ["doing", "(profile)", "due", "now"]
    assert status("Start a clinical job") == ["done", "(profile)", "done"]
    assert status("Sit and pass Step 3") == ["doing", "(profile)", "due", "now"]


async def test_the_pane_shows_the_work_going_on(workspace: Any, c3: Profile) -> None:
    workspace.save_profile(c3)
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gantt = app.screen.query_one(PlanGantt)
        for _ in range(len(gantt.rows)):
            if gantt.current_key() == "stay_clinical":
                break
            await pilot.press("down")
            await pilot.pause()
        assert gantt.current_key() == "stay_clinical"
        detail = rendered(app.screen.query_one("#item-detail", Static))
        first = detail.splitlines()[0]
        assert "Keep the clinical work going" in first
        assert "due now" in first and "overdue" not in first and "marked" not in first
        assert "your profile shows clinical work going on now" in " ".join(detail.split())


def rendered(widget: Static, width: int = 120) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()
