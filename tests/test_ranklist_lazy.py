"""The Rank list pane's tabs out of sight (criteria, compare, SOAP kit) are built just after the
list's first frame, or as soon as one is switched to, whichever comes first: either way the
tab shows the list and takes the keys as it did when they were built with the pane."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Static, TabbedContent, TabPane

from matchtui.app import MatchApp
from matchtui.screens.base import LaterTabs
from matchtui.screens.ranklist import LATER_TABS, RanklistScreen
from matchtui.widgets.program_table import ProgramTable
from tests.test_gc_first_build import wait_until
from tests.test_ranklist_pane import write_tracker

TODAY = dt.date(2026, 11, 23)
BUILT = {
    "tab-criteria": ["ProgramTable", "Static"],
    "tab-compare": ["PaneHorizontal"],
    "tab-soap": ["PaneVerticalScroll"],
    "tab-couples": ["PaneHorizontal"],
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


def make_app(workspace: Any, home: Path) -> MatchApp:
    write_tracker(home)
    return MatchApp(workspace, first_pane="ranklist", today=TODAY)


async def test_the_tabs_out_of_sight_are_built_after_the_first_frame(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_first_frame: list[dict[str, list[str]]] = []
    start = RanklistScreen._start_tabs

    def recording(screen: RanklistScreen) -> None:
        at_first_frame.append(contents(screen))
        start(screen)

    monkeypatch.setattr(RanklistScreen, "_start_tabs", recording)
    app = make_app(workspace, home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert at_first_frame == [{tab: [] for tab in LATER_TABS}]
        # Built one after the other at idle (LaterTabs.QUIET apart from the last key): on a
        # loaded machine the last came after a fixed 0.2 s (a fresh-clone run at 8 min).
        # The Couples tab is left for the couple who opens it.
        at_idle = {**BUILT, "tab-couples": []}
        await wait_until(pilot, lambda: contents(screen) == at_idle, seconds=5.0)
        await pilot.pause(2 * LaterTabs.QUIET)
        assert contents(screen) == at_idle
        # Keys are held while a pane is first built and replayed after; a "t" held on a loaded
        # machine reached the tabs late (the full suite failed here once at 5 s).
        await wait_until(pilot, lambda: not app._holding_keys, seconds=5.0)
        # Drawn when shown, as before.
        await pilot.press("t")
        table = screen.query_one("#criteria-table", ProgramTable)
        # The focus moves once the tab is shown: on a loaded machine that takes more than one
        # pump run (the fresh-clone run failed here at a load average of 2.4).
        await wait_until(pilot, lambda: table.has_focus, seconds=5.0)
        assert table.has_focus and table.row_count == len(screen.items) + 1 > 1
        await pilot.press("t")
        await pilot.pause()
        assert "B" in text_of(screen.query_one("#compare-b", Static))
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one("#soap-scroll").has_focus
        assert text_of(screen.query_one("#soap-text", Static)).strip()


@pytest.mark.parametrize("presses", [1, 2, 3, 4])
async def test_a_tab_switched_to_before_it_is_built_is_built_drawn_and_focused(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch, presses: int
) -> None:
    monkeypatch.setattr(RanklistScreen, "_start_tabs", lambda screen: None)  # no idle build
    app = make_app(workspace, home)
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
        if tab == "tab-criteria":
            table = screen.query_one("#criteria-table", ProgramTable)
            assert table.row_count == len(screen.items) + 1 > 1
            assert screen.items[0].program[:10] in table.line_plain(1)
            await pilot.press("down", "right", "plus")  # the keys act as before
            await pilot.pause()
            assert sum(screen.items[0].scores.values()) == 1
        elif tab == "tab-compare":
            assert "B" in text_of(screen.query_one("#compare-b", Static))
        elif tab == "tab-soap":
            assert text_of(screen.query_one("#soap-text", Static)).strip()
        else:
            assert "No pairs yet" in text_of(screen.query_one("#couples-summary", Static))
        # Each tab is built once: back to the list and round again.
        await pilot.press(*"t" * (len(LATER_TABS) + 1 - presses), *"t" * presses)
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == tab
        built = contents(screen)
        assert built[tab] == BUILT[tab]
        assert all(built[t] in ([], BUILT[t]) for t in LATER_TABS)
