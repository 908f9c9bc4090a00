"""SVG snapshots of the program-mix pane (demo profile, today pinned to 2026-11-23)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from matchtui.app import MatchApp

TODAY = dt.date(2026, 11, 23)
LIST_CSV = (
    "name,city,state,specialty,tier,signal,yog_limit_years,visa_sponsor,status,notes\n"
    "[bold]x[/],Madison,WI,internal_medicine,community,yes,,no,planned,\n"
    "Lakeshore Community IM,Milwaukee,WI,internal_medicine,community,no,3,no,applied,\n"
    "Prairie University IM,Iowa City,IA,internal_medicine,academic,no,,yes,planned,\n"
    "Gulf Regional,Houston,TX,internal_medicine,mid_tier,no,,,interview,\n"
    "Great Lakes Health,Chicago,IL,internal_medicine,mid_tier,yes,10,,planned,\n"
)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="mix", today=TODAY)


def with_list(tmp_path: Path) -> None:
    from matchtui.cli import main

    path = tmp_path / "list.csv"
    path.write_text(LIST_CSV)
    assert main(["programs", "import", str(path)]) == 0


def test_mix_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(80, 24))


def test_mix_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40))


def test_mix_after_steps_with_list_120x40(
    snap_compare: Any, workspace: Any, tmp_path: Path
) -> None:
    with_list(tmp_path)
    keys = ["right", "right", "tab", "right", "right", "tab", "tab", "tab", "left"]
    assert snap_compare(make_app(workspace), press=keys, terminal_size=(120, 40))


def test_program_list_80x24(snap_compare: Any, workspace: Any, tmp_path: Path) -> None:
    with_list(tmp_path)
    assert snap_compare(make_app(workspace), press=["l"], terminal_size=(80, 24))


def test_assumptions_120x40(snap_compare: Any, workspace: Any) -> None:
    from matchtui.engine.calibrate import calibration_table

    # the pane computes the calibration table in a thread on the first visit; have it ready so
    # the snapshot shows the table, not the "computing" line
    calibration_table(workspace.catalog)
    assert snap_compare(make_app(workspace), press=["a"], terminal_size=(120, 40))


def test_tab_strip_focused_120x40(snap_compare: Any, workspace: Any) -> None:
    """The tab strip with the keyboard (from the first slider back past the specialty and the
    controls): the active tab in the block cursor's colours, the underline brighter."""
    keys = ["shift+tab", "shift+tab", "shift+tab"]
    assert snap_compare(make_app(workspace), press=keys, terminal_size=(120, 40))


def test_tab_strip_focused_light_80x24(snap_compare: Any, workspace: Any) -> None:
    workspace.save_settings({"theme": "textual-light"})
    keys = ["shift+tab", "shift+tab", "shift+tab"]
    assert snap_compare(make_app(workspace), press=keys, terminal_size=(80, 24))


def test_tab_under_the_mouse_80x24(snap_compare: Any, workspace: Any) -> None:
    """An inactive tab under the mouse is drawn at full strength."""

    async def hover(pilot: Any) -> None:
        await pilot.hover("#mix-tabs", offset=(8, 0))  # "My programs"
        await pilot.pause()

    assert snap_compare(make_app(workspace), run_before=hover, terminal_size=(80, 24))


def test_a_step_right_on_the_strip_120x40(snap_compare: Any, workspace: Any) -> None:
    """A step right on the focused strip: the list tab active, its underline under it, the
    keyboard in the list (the strip's own look unfocused)."""
    keys = ["shift+tab", "shift+tab", "shift+tab", "right"]
    assert snap_compare(make_app(workspace), press=keys, terminal_size=(120, 40))
