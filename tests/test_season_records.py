"""In its season, the next actions follow what the applicant's own records say of the
applications of their Match, read by the same rule as the late-season note (engine.plan
late_check, through engine.assess.applications_gone).

Found by the review of this session's work (item 2): a graduate aiming at the 2027 Match, on
5 December 2026, with the saved plan holding "Submit ERAS" still to do and one program listed and
none sent. One `matchtui assess` run printed on stderr "note: The 2027 season went on without
your application…" and, on stdout, "Your applications are out; … Rank each program … that
interviewed you", "Your statement has gone" and "Your letters went in". Now the records that
make the note also word the actions: nothing sent gives the next Match's wording, one sent the
in-season one, nothing recorded the in-season one saying what it assumes. The command, the
Reality pane and the report say the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import Records, applications_gone, assess, records_of
from matchtui.engine.plan import with_item
from matchtui.engine.report import build_report, to_text
from matchtui.models.assessment import Assessment
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.rules import ActionsFile
from matchtui.workspace import Workspace
from tests.test_actions_season import graduate, student
from tests.test_plan_snapshots import sent_application

TODAY = dt.date(2026, 12, 5)  # the 2027 Match's applications went to programs in September
LATE = "The 2027 season went on without your application"
# The in-season wordings the review saw beside the note.
IN_SEASON = ("Your applications are out", "Your statement has gone", "Your letters went in")

# The review's home h3 (fictional): a US MD graduate of 2016, out of training, aiming at the
# 2027 Match in internal medicine in the South.
GRADUATE_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "US MD 2016, observership only"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2016
visa = "none"
home_region = "south"
lives_in = "south"
decided_year = 2026
decided_month = 9
[exams]
step1 = "pass"
step1_attempts = 2
step2_score = 221
step2_attempts = 1
step3 = "not_taken"
total_failures = 1
[[history.cycles]]
year = 2016
specialty = "internal_medicine"
outcome = "unmatched"
soap = true
[[history.cycles]]
year = 2017
specialty = "internal_medicine"
outcome = "unmatched"
[targets]
specialties = ["internal_medicine"]
region = "south"
[clinical]
role = "observership"
months_last_24 = 2
months_since_last = 0
months_since_hands_on = 110
"""


def unsent() -> Program:
    return sent_application().model_copy(update={"status": "planned", "applied_on": None})


def plan_with(status: str) -> PlanFile:
    return PlanFile(timeline=with_item(None, "submit_eras", status=status))  # type: ignore[arg-type]


def assumed_text(catalog: Catalog) -> str:
    note = catalog.get("actions.toml", ActionsFile).season_assumed
    assert note is not None
    return note.text


def before_ids(catalog: Catalog) -> set[str]:
    return {r.id for r in catalog.get("actions.toml", ActionsFile).actions if r.before_applications}


def in_season(result: Assessment) -> list[str]:
    return [a.id for a in result.actions if a.rule.endswith(".in_season")]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the engine ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "records",
    [
        records_of(plan_with("todo"), [unsent()]),  # both records: the note says it
        records_of(plan_with("todo"), None),  # the plan alone: the note asks it
        records_of(None, [unsent()]),  # the program list alone: asked too
    ],
    ids=["plan-and-list", "plan", "list"],
)
def test_records_saying_nothing_went_give_the_next_match(
    catalog: Catalog, records: Records
) -> None:
    profile = graduate()
    plain = assess(profile, catalog, None, TODAY)
    assert in_season(plain)  # without records, what still helps this season
    assert applications_gone(profile, catalog, plain, records, TODAY) is False
    result = assess(profile, catalog, None, TODAY, records)
    assert in_season(result) == []
    waiting = [a for a in result.actions if a.id in before_ids(catalog)]
    assert waiting and all("2028 Match" in a.text for a in waiting)
    for action in result.actions:
        assert not any(words in action.text for words in IN_SEASON), action.text
        assert assumed_text(catalog) not in action.text


@pytest.mark.parametrize(
    "records",
    [records_of(None, [sent_application(), unsent()]), records_of(plan_with("done"), [unsent()])],
    ids=["one-sent", "plan-item-done"],
)
def test_records_showing_the_applications_gone_keep_this_season(
    catalog: Catalog, records: Records
) -> None:
    profile = graduate()
    plain = assess(profile, catalog, None, TODAY)
    assert applications_gone(profile, catalog, plain, records, TODAY) is True
    result = assess(profile, catalog, None, TODAY, records)
    assert in_season(result) == in_season(plain) != []
    for action in result.actions:
        assert assumed_text(catalog) not in action.text
        assert not action.assumptions


def test_nothing_recorded_says_what_it_assumes(catalog: Catalog) -> None:
    profile = graduate()
    nothing = records_of(None, None)
    plain = assess(profile, catalog, None, TODAY)
    assert applications_gone(profile, catalog, plain, nothing, TODAY) is None
    for result in (plain, assess(profile, catalog, None, TODAY, nothing)):
        seasonal = [a for a in result.actions if a.id in in_season(result)]
        assert seasonal
        for action in seasonal:
            assert action.text.endswith(assumed_text(catalog))
            assert action.assumptions  # the rule panel lists it too
    # the plan's item still to do, but before programs start reviewing: too early to tell
    early = dt.date(2026, 9, 10)
    result = assess(profile, catalog, None, early, records_of(plan_with("todo"), None))
    assert in_season(result) and all(
        a.text.endswith(assumed_text(catalog)) for a in result.actions if a.id in in_season(result)
    )


def test_a_student_follows_the_same_rule(catalog: Catalog) -> None:
    """A student's plan has no item for sending the application (the re-entry timeline is a
    graduate's), so the late-season rule never finds their season gone on without them, and
    the note never says it: their actions stay this season's, assumed unless a program is
    marked sent."""
    profile = student()
    listed = assess(profile, catalog, None, TODAY, records_of(plan_with("todo"), [unsent()]))
    assert "second look" in {a.id: a.text for a in listed.actions}["away_rotation"]
    assert all(
        a.text.endswith(assumed_text(catalog)) for a in listed.actions if a.id in in_season(listed)
    )
    sent = assess(profile, catalog, None, TODAY, records_of(None, [sent_application()]))
    assert in_season(sent) == in_season(listed) != []
    assert not any(assumed_text(catalog) in a.text for a in sent.actions)


# --- the command, the report and the pane agree ---------------------------------------------


def save_nothing_sent(home: Path) -> Workspace:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(GRADUATE_TOML)
    workspace = Workspace.from_options(home)
    workspace.save_plan(plan_with("todo"))
    workspace.save_programs(ProgramList(programs=[unsent()]))
    return workspace


def cli_actions(capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str, str]:
    """The actions' texts of `assess --json`, and the readable sheet's stdout and stderr."""
    assert main(["--today", TODAY.isoformat(), "assess", "--json"]) == 0
    texts = [a["text"] for a in json.loads(capsys.readouterr().out)["actions"]]
    assert main(["--today", TODAY.isoformat(), "assess"]) == 0
    out, err = capsys.readouterr()
    return texts, out, err


def test_the_command_agrees_with_its_own_note(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_nothing_sent(home)
    texts, out, err = cli_actions(capsys)
    assert f"matchtui: note: {LATE}" in err
    actions = flat(out[out.index("Next actions") :])
    for words in IN_SEASON:
        assert words not in actions
    assert "If you apply for the 2028 Match" in actions
    for text in texts:  # the script's actions are the reader's
        assert flat(text) in actions


def test_one_application_sent_turns_the_command_back_to_this_season(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = save_nothing_sent(home)
    workspace.save_programs(ProgramList(programs=[sent_application()]))
    _, out, err = cli_actions(capsys)
    assert LATE not in err
    assert "Your applications are out" in flat(out)


def test_the_report_says_what_the_command_says(
    home: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = save_nothing_sent(home)
    texts, _, _ = cli_actions(capsys)
    report = flat(
        to_text(
            build_report(
                workspace.load_profile(),
                catalog,
                today=TODAY,
                plan=workspace.load_plan(),
                practice=None,
                programs=workspace.load_programs(),
            )
        )
    )
    assert LATE in report  # the Plan section's note
    for text in texts:
        assert flat(text) in report
    for words in IN_SEASON:
        assert words not in report


async def test_the_reality_pane_says_what_the_command_says(
    home: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = save_nothing_sent(home)
    texts, _, _ = cli_actions(capsys)
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table: DataTable[Any] = app.screen.query_one("#actions-table", DataTable)
        rows = [flat(str(table.get_row_at(i)[1])) for i in range(table.row_count)]
        assert len(rows) == len(texts)
        for row, text in zip(rows, texts, strict=True):
            assert flat(text) in row
        # an application recorded in another pane turns it back to this season once shown again
        app.programs_changed(ProgramList(programs=[sent_application()]))
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#actions-table", DataTable)
        rows = [flat(str(table.get_row_at(i)[1])) for i in range(table.row_count)]
        assert any("Your applications are out" in row for row in rows)
