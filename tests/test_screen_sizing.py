"""Panes start with the size classes their first Resize would give them (styled once), and
still follow the terminal when it changes size."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.screens.sizing import breakpoint_class

TODAY = dt.date(2026, 11, 23)


def test_breakpoint_class_is_the_largest_at_or_below_the_size() -> None:
    points = [(0, "-narrow"), (100, "-wide")]
    assert breakpoint_class(points, 99) == "-narrow"
    assert breakpoint_class(points, 100) == "-wide"
    assert breakpoint_class(points, 0) == "-narrow"
    assert breakpoint_class([(10, "-big")], 5) is None
    assert breakpoint_class([], 50) is None


@pytest.mark.parametrize(
    ("pane", "narrow_below"),
    [("specialties", 100), ("practice", 110)],
)
async def test_width_class_from_the_start_and_after_a_resize(
    workspace: Any, pane: str, narrow_below: int
) -> None:
    for width, expected in ((narrow_below - 1, "-narrow"), (narrow_below, "-wide")):
        app = MatchApp(workspace, first_pane=pane, today=TODAY)
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.has_class(expected)
            assert not screen.has_class("-wide" if expected == "-narrow" else "-narrow")
            other = narrow_below if expected == "-narrow" else narrow_below - 1
            await pilot.resize_terminal(other, 40)
            await pilot.pause()
            assert not screen.has_class(expected)


async def test_plan_compact_class_from_the_start_and_after_a_resize(workspace: Any) -> None:
    for height, compact in ((24, True), (40, False)):
        app = MatchApp(workspace, first_pane="plan", today=TODAY)
        async with app.run_test(size=(120, height)) as pilot:
            await pilot.pause()
            assert app.screen.has_class("-compact") is compact
            await pilot.resize_terminal(120, 40 if compact else 24)
            await pilot.pause()
            assert app.screen.has_class("-compact") is not compact
