"""The Plan pane's tabs out of sight (routes, plan B and cycles, key dates) are built after the
timeline's first frame, or as soon as one is switched to, whichever comes first: either way
the tab shows the plan and takes the keys as it did when they were built with the pane."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from matchtui.app import MatchApp
from matchtui.screens.plan import PlanScreen
from matchtui.widgets.plan_sections import plan_b_text, routes_text
from tests.test_gc_first_build import wait_until

TODAY = dt.date(2026, 11, 23)
LATER_TABS = ("tab-routes", "tab-planb", "tab-dates")
BUILT = {
    "tab-routes": ["PaneVerticalScroll"],
    "tab-planb": ["PaneVerticalScroll"],
    "tab-dates": ["DataTable", "Static"],
}


def text_of(widget: Static) -> str:
    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


def contents(screen: Any) -> dict[str, list[str]]:
    return {
        tab: [type(w).__name__ for w in screen.query_one(f"#{tab}", TabPane).children]
        for tab in LATER_TABS
    }


async def test_the_tabs_out_of_sight_are_built_after_the_first_frame(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_first_frame: list[dict[str, list[str]]] = []
    start = PlanScreen._start_tabs

    def recording(screen: PlanScreen) -> None:
        at_first_frame.append(contents(screen))
        start(screen)

    monkeypatch.setattr(PlanScreen, "_start_tabs", recording)
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert at_first_frame == [{tab: [] for tab in LATER_TABS}]
        # Built one after the other at idle: on a loaded machine not within a fixed 0.2 s.
        await wait_until(pilot, lambda: contents(screen) == BUILT, seconds=5.0)
        assert contents(screen) == BUILT
        # Filled when shown, as before.
        await pilot.press("t")
        await pilot.pause()
        routes = screen.query_one("#routes-text", Static)
        assert text_of(routes) == text_of(
            Static(routes_text(screen.view, screen.palette, app.catalog.cite))
        )
        assert screen.query_one("#tab-routes .plan-text").has_focus
        await pilot.press("t", "t")
        await pilot.pause()
        table = screen.query_one("#dates-table", DataTable)
        assert table.has_focus and table.row_count == len(screen.view.key_dates) > 0


@pytest.mark.parametrize("presses", [1, 2, 3])
async def test_a_tab_switched_to_before_it_is_built_is_built_filled_and_focused(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, presses: int
) -> None:
    monkeypatch.setattr(PlanScreen, "_start_tabs", lambda screen: None)  # no idle build
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert contents(screen) == {tab: [] for tab in LATER_TABS}
        await pilot.press(*"t" * presses)
        await pilot.pause()
        tab = LATER_TABS[presses - 1]
        assert screen.query_one(TabbedContent).active == tab
        focused = app.focused
        assert focused is not None and tab in {a.id for a in focused.ancestors}
        if tab == "tab-routes":
            expected = routes_text(screen.view, screen.palette, app.catalog.cite)
            assert text_of(screen.query_one("#routes-text", Static)) == text_of(Static(expected))
        elif tab == "tab-planb":
            expected = plan_b_text(screen.view, screen.palette, app.catalog.cite)
            assert text_of(screen.query_one("#planb-text", Static)) == text_of(Static(expected))
        else:
            table = screen.query_one("#dates-table", DataTable)
            assert table.row_count == len(screen.view.key_dates) > 0
            assert "AAMC and NRMP" in text_of(screen.query_one("#dates-note", Static))
        # Each tab is built once: back to the timeline and round again.
        await pilot.press(*"t" * (4 - presses), *"t" * presses)
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == tab
        built = contents(screen)
        assert built[tab] == BUILT[tab]
        assert all(built[t] in ([], BUILT[t]) for t in LATER_TABS)
