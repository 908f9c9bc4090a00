"""SVG snapshots of the Plan pane with the demo profile, today pinned to 2026-11-23: in season,
with an application sent (on its program list), and without one (the late-season banner)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.app import MatchApp
from matchtui.models.programs import Program, ProgramList

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any, *, applied: bool = True) -> MatchApp:
    if applied:
        workspace.save_programs(ProgramList(programs=[sent_application()]))
    return MatchApp(workspace, first_pane="plan", today=TODAY)


def sent_application() -> Program:
    return Program(
        name="Lakeshore Community Internal Medicine (fictional)",
        state="WI",
        specialty="internal_medicine",
        tier="community",
        status="applied",
        applied_on=dt.date(2026, 9, 2),
    )


def test_timeline_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(80, 24))


def test_timeline_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40))


def test_plan_b_and_cycles_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["t", "t"], terminal_size=(80, 24))


def test_key_dates_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["t", "t", "t"], terminal_size=(120, 40))


def test_key_dates_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["t", "t", "t"], terminal_size=(80, 24))


def test_match_year_banner_120x40(snap_compare: Any, workspace: Any) -> None:
    """The 2027 Match on 16 March 2027 (SOAP days): the banner offers the 2028 Match."""
    app = MatchApp(workspace, first_pane="plan", today=dt.date(2027, 3, 16))
    assert snap_compare(app, terminal_size=(120, 40))


def test_late_season_banner_80x24(snap_compare: Any, workspace: Any) -> None:
    """On 23 November a program listed and none sent, and the plan's item to send it not done:
    the banner asks whether the 2027 season went on without the application and offers the
    2028 Match. (Nothing listed and a plan never saved record nothing: no banner then.)"""
    unsent = sent_application().model_copy(update={"status": "planned", "applied_on": None})
    workspace.save_programs(ProgramList(programs=[unsent]))
    assert snap_compare(make_app(workspace, applied=False), terminal_size=(80, 24))
