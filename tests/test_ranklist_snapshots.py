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
