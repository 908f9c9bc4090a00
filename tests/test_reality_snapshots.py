"""SVG snapshots of the Reality check pane with the demo profile (today pinned)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.app import MatchApp

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="reality", today=TODAY)


def test_reality_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(80, 24))


def test_reality_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40))


def test_reality_row_detail_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(
        make_app(workspace), terminal_size=(120, 40), press=["r", "down", "down", "down"]
    )
