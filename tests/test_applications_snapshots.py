"""SVG snapshots of the Applications pane (F7) with a small seeded list, today 2026-11-30."""

from __future__ import annotations

from typing import Any

from matchtui.app import MatchApp
from tests.test_applications_pane import TODAY, seed


def make_app(workspace: Any) -> MatchApp:
    seed(workspace)
    return MatchApp(workspace, first_pane="applications", today=TODAY)


def test_list_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(80, 24))


def test_list_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40))


def test_today_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["2"], terminal_size=(80, 24))


def test_yields_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["3"], terminal_size=(120, 40))


def test_costs_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["4"], terminal_size=(120, 40))


def test_stage_prompt_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["down", "i"], terminal_size=(80, 24))


def test_details_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), press=["down", "enter"], terminal_size=(120, 40))


def test_add_program_80x24(snap_compare: Any, workspace: Any) -> None:
    """The Add dialog with a state it does not know: the reason shows above the fields."""
    keys = ["n", *"Akron General", "tab", "tab", *"Ohioo", "ctrl+s"]
    assert snap_compare(make_app(workspace), press=keys, terminal_size=(80, 24))
