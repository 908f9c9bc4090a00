"""SVG snapshots of the practice pane at 80x24 and 120x40: as it opens, and with feedback on a
submitted answer. The clock is pinned and the timer never ticks on its own here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.notifications import Notification
from textual.widgets import OptionList

from matchtui.app import MatchApp
from matchtui.screens.practice import PracticeClock, PracticeScreen
from matchtui.widgets.practice_answer import real_answer

TODAY = dt.date(2026, 11, 23)

ANSWER = (
    "I did not match in 2022, and looking back my list was too short. Um, I grew up in Tucson "
    "and my parents still live there. I did an away rotation there in 2025 and went back each "
    "summer to volunteer at a free clinic. I think I will probably stay for good."
)


class PinnedClock(PracticeClock):
    def monotonic(self) -> float:
        return 500.0

    def now(self) -> dt.datetime:
        return dt.datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PracticeScreen, "clock", PinnedClock())


@pytest.fixture(autouse=True)
def toasts_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    # The feedback snapshots show the "Saved attempt" toast, which leaves after 3 s: on a loaded
    # machine the screenshot came after it had gone (the suite failed once that way). Here a
    # toast stays until the screenshot, however long the steps before it take.
    monkeypatch.setattr(Notification, "time_left", property(lambda self: 3600.0))


def app_for(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="practice", today=TODAY)


async def submit_region_answer(pilot: Any) -> None:
    await pilot.pause()
    screen = pilot.app.screen
    listing = screen.query_one("#questions", OptionList)
    listing.highlighted = listing.get_option_index("why_region")
    await pilot.pause()
    area = await real_answer(screen)
    area.focus()
    area.insert(ANSWER)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    # The pane bar's unsaved mark goes once the attempt is saved: on a loaded machine the
    # screenshot came first and showed "Practice ●" (the suite failed once that way).
    for _ in range(100):
        if screen.view == "review" and "practice" not in pilot.app.unsaved:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def submit_and_browse_checks(pilot: Any) -> None:
    await submit_region_answer(pilot)
    pilot.app.screen.query_one("#fb-checks", OptionList).focus()
    await pilot.press("down", "down")
    await pilot.pause()


def test_practice_opens_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(app_for(workspace), terminal_size=(80, 24))


def test_practice_opens_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(app_for(workspace), terminal_size=(120, 40))


def test_practice_feedback_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(
        app_for(workspace), terminal_size=(120, 40), run_before=submit_and_browse_checks
    )


def test_practice_feedback_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(app_for(workspace), terminal_size=(80, 24), run_before=submit_region_answer)
