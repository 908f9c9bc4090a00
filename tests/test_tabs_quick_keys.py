"""Tabs switched faster than their activations are handled: the pane ends on the last tab
asked for. A tab's activation handled late moved the focus into that tab, and Textual takes a
focus inside a tab as choosing it: quick keys on a loaded machine ended a tab short."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widgets import TabbedContent

from matchtui.app import MatchApp
from tests.test_ranklist_pane import write_tracker

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("pane", "tabs"),
    [
        ("ranklist", ["tab-criteria", "tab-compare", "tab-soap"]),
        ("plan", None),
    ],
)
async def test_the_last_tab_asked_for_is_the_one_shown(
    workspace: Any, home: Any, pane: str, tabs: list[str] | None
) -> None:
    write_tracker(home)
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        for tab in screen._later.tabs:  # built, so no activation waits for a build
            await screen._later.build(tab)
        await pilot.pause()
        content = screen.query_one(TabbedContent)
        ids = tabs or [p.id for p in content.query("TabPane") if p.id][1:]
        # Several switches in one go, before any of their activations is handled.
        for tab in ids:
            content.active = tab
        await pilot.pause()
        await pilot.pause()
        assert content.active == ids[-1]
        focused = app.focused
        assert focused is None or ids[-1] in {a.id for a in focused.ancestors}
