"""SVG snapshots of every pane in the light theme, at 80x24 and 120x40 (the dark theme is the
default, covered by each pane's own snapshot file). Demo profile, today pinned to 2026-11-23."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.panes import PANES

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pane", [p.id for p in PANES])
def test_light_theme(snap_compare: Any, workspace: Any, pane: str, size: tuple[int, int]) -> None:
    workspace.save_settings({"theme": "textual-light"})
    app = MatchApp(workspace, first_pane=pane, today=TODAY)

    async def settled(pilot: Any) -> None:
        built = getattr(pilot.app.screen, "form_built", None)
        if built is not None:
            await built()  # Profile builds what is below its first screen just after it

    assert snap_compare(app, terminal_size=size, run_before=settled)
