"""A pane's tabs out of sight (LaterTabs: the Plan's and the Rank list's) are built in the
background only while that pane is on screen and keys have paused: a pane left at once builds
nothing while another is shown (mounted there, they were laid out all at once on the return,
which waited for them), and builds the rest once it is back; while keys keep coming nothing is
built between a key and its frame. A tab switched to is built at once either way."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from typing import Any

import pytest
from textual.widgets import TabPane

from matchtui.app import MatchApp
from matchtui.screens.base import LaterTabs
from tests.test_gc_first_build import wait_until

TODAY = dt.date(2026, 11, 23)
PLAN_LATER = ("tab-routes", "tab-planb", "tab-dates")
QUIET = 1.0  # longer than the app's, so that the steps below fit inside it on a slow machine


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LaterTabs, "QUIET", QUIET)


def built(screen: Any) -> list[str]:
    """The later tabs with their widgets mounted."""
    return [t for t in PLAN_LATER if screen.query_one(f"#{t}", TabPane).children]


async def test_a_pane_left_at_once_builds_its_tabs_only_once_back(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("f6")  # the Plan, first visit
        shown = time.monotonic()
        await pilot.pause()
        plan: Any = app.screen
        assert plan.PANE_ID == "plan" and plan.is_current
        await pilot.press("f1")  # left before keys paused
        stayed = time.monotonic() - shown
        await pilot.pause(QUIET * 1.5)  # (QUIET is over: only its being away holds it)
        assert not plan.is_current
        # On a machine so loaded that the pane stayed QUIET seconds before the key that left it
        # went through, keys did pause as the app sees them and the tabs were rightly built.
        if stayed < QUIET:
            assert built(plan) == []  # nothing mounted into the pane while it was away
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen is plan and plan.is_current
        await wait_until(pilot, lambda: built(plan) == list(PLAN_LATER), seconds=QUIET * 10)
        assert built(plan) == list(PLAN_LATER)


async def test_nothing_is_built_while_keys_keep_coming(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("f6")
        plan: Any = app.screen
        gaps: list[float] = []
        last = time.monotonic()
        # when the app took each key in (it waits for QUIET seconds between two of them)
        taken = [time.monotonic() - app.input_idle()]
        for _ in range(8):  # a key every 0.15 s: never a pause of QUIET seconds
            await pilot.pause(0.15)
            await pilot.press("down")
            now = time.monotonic()
            gaps.append(now - last)
            taken.append(now - app.input_idle())
            last = now
        gaps += [after - before for before, after in itertools.pairwise(taken)]
        # On a machine so loaded that one key took QUIET seconds to go through, keys did pause
        # as the app sees them; the build that follows is then right, and nothing to check.
        if max(gaps) < QUIET:
            assert built(plan) == []
        await wait_until(pilot, lambda: built(plan) == list(PLAN_LATER), seconds=QUIET * 10)
        assert built(plan) == list(PLAN_LATER)


async def test_a_tab_switched_to_is_built_at_once(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("f6", "t")  # straight on to the next tab, "Routes"
        await pilot.pause()
        plan: Any = app.screen
        assert built(plan) == ["tab-routes"]  # keys have not paused: only the one shown
