"""`assess` and `mix` say, as the Plan pane and the report do, that the profile's Match went on
without the applicant's application.

Found running `matchtui assess` on 4 December 2026 as a returner aiming at the 2027 Match with
nothing sent: the sheet advised "Before applications go in, spend months ..." with no word that
the 2027 applications went out in September, where the Plan pane and the report offered the
2028 Match."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchtui.engine.plan import with_item
from matchtui.models.plan import PlanFile
from matchtui.models.programs import ProgramList
from matchtui.workspace import Workspace
from tests.test_cli import run_cli
from tests.test_plan_snapshots import sent_application

LATE = "The 2027 season went on without your application"
ASKED = "Did the 2027 season go on without your application?"


def nothing_sent_recorded(home: Path) -> None:
    """The saved plan holds the item for sending the application, still to do, and the
    program list lists a program, not sent."""
    workspace = Workspace.from_options(home)
    workspace.save_profile(workspace.load_profile())
    workspace.save_plan(PlanFile(timeline=with_item(None, "submit_eras", status="todo")))
    unsent = sent_application().model_copy(update={"status": "planned", "applied_on": None})
    workspace.save_programs(ProgramList(programs=[unsent]))


@pytest.mark.parametrize("command", ["assess", "mix"])
def test_nothing_sent_in_december_is_said(home: Path, command: str) -> None:
    nothing_sent_recorded(home)
    result = run_cli("--today", "2026-12-04", command, home=home)
    assert result.returncode == 0, result.stderr
    assert f"matchtui: note: {LATE}" in result.stderr
    assert "the 2028 Match gives the plan its twelve months" in result.stderr
    assert LATE not in result.stdout


def test_nothing_recorded_says_nothing(home: Path) -> None:
    """No plan saved and no program listed: no record says the season went on without the
    applicant, so no note says it or asks it."""
    result = run_cli("--today", "2026-12-04", "assess", home=home)
    assert result.returncode == 0, result.stderr
    assert LATE not in result.stderr and ASKED not in result.stderr


def test_not_once_an_application_is_on_the_list(home: Path) -> None:
    Workspace.from_options(home).save_programs(ProgramList(programs=[sent_application()]))
    result = run_cli("--today", "2026-12-04", "assess", home=home)
    assert result.returncode == 0, result.stderr
    assert LATE not in result.stderr


def test_not_while_the_season_has_room(home: Path) -> None:
    result = run_cli("--today", "2026-08-04", "assess", home=home)
    assert result.returncode == 0, result.stderr
    assert LATE not in result.stderr


def test_not_for_scripts_nor_for_a_profile_file(home: Path, tmp_path: Path) -> None:
    result = run_cli("--today", "2026-12-04", "assess", "--json", home=home)
    assert result.returncode == 0 and LATE not in result.stderr
    workspace = Workspace.from_options(home)
    workspace.save_profile(workspace.load_profile())  # the demo, as a file of its own
    profile = tmp_path / "profile.toml"
    profile.write_bytes((home / "profile.toml").read_bytes())
    result = run_cli("--today", "2026-12-04", "assess", "--profile", str(profile), home=home)
    assert result.returncode == 0, result.stderr
    assert LATE not in result.stderr
