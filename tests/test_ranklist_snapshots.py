"""SVG snapshots of the Rank list pane with a small tracker, today pinned to 2026-11-23."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from matchtui.app import MatchApp
from tests.test_ranklist_pane import write_tracker

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any, home: Path) -> MatchApp:
    write_tracker(home)
    return MatchApp(workspace, first_pane="ranklist", today=TODAY)


def test_list_80x24(snap_compare: Any, workspace: Any, home: Path) -> None:
    assert snap_compare(make_app(workspace, home), terminal_size=(80, 24))


def test_list_120x40(snap_compare: Any, workspace: Any, home: Path) -> None:
    assert snap_compare(make_app(workspace, home), terminal_size=(120, 40))


def test_soap_kit_120x40(snap_compare: Any, workspace: Any, home: Path) -> None:
    assert snap_compare(make_app(workspace, home), press=["t", "t", "t"], terminal_size=(120, 40))


def test_criteria_120x40(snap_compare: Any, workspace: Any, home: Path) -> None:
    """The criteria tab, its cell cursor on the first rank's Location score."""
    assert snap_compare(
        make_app(workspace, home), press=["t", "down", "right"], terminal_size=(120, 40)
    )


def couples_app(workspace: Any, home: Path) -> MatchApp:
    """Three pairs: one with both chances the applicant's, one a partner at the No-Match code,
    one worked out by matchtui."""
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import PairEntry, RanklistState

    pairs = [
        PairEntry(
            a="Alpha Medical Center", b="Beta Community Hospital", a_chance=0.5, b_chance=0.6
        ),
        PairEntry(a="Alpha Medical Center", b="no_match"),
        PairEntry(a="Gamma University", b="Alpha Medical Center"),
    ]
    app = make_app(workspace, home)
    workspace.save_plan(PlanFile(ranklist=RanklistState(pairs=pairs)))
    return app


def test_couples_80x24(snap_compare: Any, workspace: Any, home: Path) -> None:
    assert snap_compare(
        couples_app(workspace, home), press=["t", "t", "t", "t"], terminal_size=(80, 24)
    )


def test_couples_120x40(snap_compare: Any, workspace: Any, home: Path) -> None:
    assert snap_compare(
        couples_app(workspace, home), press=["t", "t", "t", "t"], terminal_size=(120, 40)
    )
