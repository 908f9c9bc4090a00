"""The Rank list saves plan.toml in a worker thread: a change shows at once and the newest list
is written off the UI thread, one write at a time; a conflict still asks; a change not yet
written is written before another pane can save plan.toml and when the app quits."""

from __future__ import annotations

import threading
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from matchtui.app import MatchApp
from matchtui.models.plan import PlanFile
from matchtui.models.rank_state import RankItem, RanklistState
from matchtui.widgets.confirm import QuitDialog
from tests.test_ranklist_pane import make_app, write_tracker

SLOW = 0.5  # seconds a worker's write waits before writing (so changes pile up meanwhile)


def on_disk(home: Path) -> dict[str, Any]:
    return tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))


def location_on_disk(home: Path, index: int = 0) -> int:
    score: int = on_disk(home)["ranklist"]["items"][index].get("scores", {}).get("location", 0)
    return score


class Writes:
    """Wraps the workspace's save_plan: records each write (which thread, Alpha's location
    score) and makes the worker thread's writes wait `delay` first."""

    def __init__(self, workspace: Any, monkeypatch: pytest.MonkeyPatch, delay: float = 0.0):
        self.real = workspace.save_plan
        self.delay = delay
        self.log: list[tuple[bool, int | None]] = []  # (on the UI thread, Alpha's location)
        monkeypatch.setattr(workspace, "save_plan", self.save_plan)

    def save_plan(self, plan: PlanFile, *, keep_mine: bool = False) -> Path:
        ui = threading.current_thread() is threading.main_thread()
        if not ui and self.delay:
            time.sleep(self.delay)
        path = self.real(plan, keep_mine=keep_mine)
        items = plan.ranklist.items if plan.ranklist is not None else []
        self.log.append((ui, items[0].scores.get("location", 0) if items else None))
        return path


async def to_alpha_location(pilot: Pilot[Any]) -> None:
    """The Criteria tab, the cursor on Alpha's (rank 1) location score."""
    await pilot.press("t", "down", "right")
    await pilot.pause()


async def saves_done(app: MatchApp, pilot: Pilot[Any]) -> None:
    """Wait for the save worker (started once the change is on screen) and what it posts."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_score_change_is_saved_by_the_worker_thread(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """+ on the Criteria tab: the new score is on disk, written off the UI thread (it was
    written on it: ~25 ms of tomli-w per key at 3,400 ranks)."""
    write_tracker(home)
    writes = Writes(workspace, monkeypatch)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await to_alpha_location(pilot)
        await pilot.press("plus")
        await pilot.pause()
        assert screen.items[0].scores == {"location": 1}  # shown at once
        await saves_done(app, pilot)
        assert location_on_disk(home) == 1
        assert writes.log == [(False, 1)]
        assert "ranklist" not in app.unsaved
        assert not screen.save_pending


async def test_quick_changes_end_with_the_last_value_on_disk(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five quick + while a write is under way: fewer writes than keys, in order, the last
    value last; the pane counts as unsaved until then."""
    write_tracker(home)
    writes = Writes(workspace, monkeypatch, delay=SLOW)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await to_alpha_location(pilot)
        await pilot.press("plus", "plus", "plus", "plus", "plus")
        await pilot.pause()
        assert "ranklist" in app.unsaved  # a write is still under way
        await saves_done(app, pilot)
        assert location_on_disk(home) == 5
        written = [score for _, score in writes.log]
        assert written == sorted(written) and written[-1] == 5
        assert len(written) < 5
        assert all(not ui for ui, _ in writes.log)
        assert "ranklist" not in app.unsaved


def change_elsewhere(home: Path) -> RanklistState:
    """Another window saves plan.toml (its own list) after this app read it."""
    from matchtui.workspace import Workspace

    theirs = RanklistState(items=[RankItem(program="Written Elsewhere")])
    Workspace.from_options(str(home)).save_plan(PlanFile(ranklist=theirs))
    return theirs


@pytest.mark.parametrize("choice", ["reload", "keep"])
async def test_a_conflict_in_the_worker_asks_and_does_what_is_chosen(
    workspace: Any, home: Path, choice: str
) -> None:
    from matchtui.widgets.conflict import ConflictDialog

    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await to_alpha_location(pilot)
        await pilot.press("plus")  # the first save: plan.toml holds this list
        await saves_done(app, pilot)
        theirs = change_elsewhere(home)
        await pilot.press("plus")
        await saves_done(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert "ranklist" in app.unsaved
        assert location_on_disk(home) == 0  # theirs, untouched so far
        await pilot.click(f"#conflict-{choice}")
        await saves_done(app, pilot)
        assert app.screen is screen
        assert "ranklist" not in app.unsaved
        if choice == "reload":
            assert app.plan is not None and app.plan.ranklist == theirs
            assert [item.program for item in screen.items] == ["Written Elsewhere"]
        else:
            assert location_on_disk(home) == 2
            others = list(home.glob("plan.toml.other-*"))
            assert len(others) == 1 and "Written Elsewhere" in others[0].read_text("utf-8")
    text = (home / "plan.toml").read_text(encoding="utf-8")
    assert ("Written Elsewhere" in text) == (choice == "reload")  # nothing written at exit


async def test_a_cancelled_conflict_asks_again_on_the_next_change(
    workspace: Any, home: Path
) -> None:
    """Cancel leaves the change unsaved (the pane says so on quit); the next change asks again,
    and nothing is lost: at exit ours is written, theirs kept beside it."""
    from matchtui.widgets.conflict import ConflictDialog

    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await to_alpha_location(pilot)
        await pilot.press("plus")
        await saves_done(app, pilot)
        change_elsewhere(home)
        await pilot.press("plus")
        await saves_done(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.click("#conflict-cancel")
        await saves_done(app, pilot)
        assert not isinstance(app.screen, ConflictDialog)
        assert "ranklist" in app.unsaved
        assert location_on_disk(home) == 0
        await pilot.press("plus")
        await saves_done(app, pilot)
        assert isinstance(app.screen, ConflictDialog)  # asks again
        await pilot.click("#conflict-cancel")
        await saves_done(app, pilot)
        app.exit()
    assert location_on_disk(home) == 3
    others = list(home.glob("plan.toml.other-*"))
    assert len(others) == 1 and "Written Elsewhere" in others[0].read_text("utf-8")


async def test_a_failed_save_notifies_and_the_next_change_saves(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    real = workspace.save_plan
    failing = [True]

    def save_plan(plan: PlanFile, *, keep_mine: bool = False) -> Path:
        if failing[0]:
            raise OSError(28, "No space left on device", str(home / "plan.toml"))
        return real(plan, keep_mine=keep_mine)

    monkeypatch.setattr(workspace, "save_plan", save_plan)
    app = make_app(workspace)
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(message))
        await pilot.pause()
        await to_alpha_location(pilot)
        await pilot.press("plus")
        await saves_done(app, pilot)
        assert any("Could not save plan.toml" in n and "No space left" in n for n in notes)
        assert "ranklist" in app.unsaved
        failing[0] = False
        await pilot.press("plus")
        await saves_done(app, pilot)
        assert location_on_disk(home) == 2
        assert "ranklist" not in app.unsaved


async def test_leaving_the_pane_writes_a_pending_change_before_another_pane_saves(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change still waiting for the worker when the Plan pane opens is on disk before that
    pane can save plan.toml, and the Plan pane's save keeps it (and the other way round)."""
    write_tracker(home)
    writes = Writes(workspace, monkeypatch, delay=SLOW)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await to_alpha_location(pilot)
        await pilot.press("plus", "plus")  # the worker writes 1 (slowly); 2 waits
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.sub_title.startswith("Plan")
        assert location_on_disk(home) == 2  # written as the pane was left
        assert "ranklist" not in app.unsaved
        await pilot.press("space")  # the Plan pane saves plan.toml: the first item -> doing
        await saves_done(app, pilot)
        data = on_disk(home)
        assert data["timeline"]["items"]["reality_sheet"]["status"] == "doing"
        assert location_on_disk(home) == 2
        assert writes.log[-1] == (True, 2)  # the Plan pane's write (UI thread) came last
    data = on_disk(home)
    assert data["timeline"]["items"]["reality_sheet"]["status"] == "doing"
    assert location_on_disk(home) == 2


@pytest.mark.parametrize("how", ["exit", "ctrl+q"])
async def test_quitting_writes_a_pending_change(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    write_tracker(home)
    Writes(workspace, monkeypatch, delay=SLOW)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await to_alpha_location(pilot)
        await pilot.press("plus", "plus", "plus")
        if how == "exit":
            app.exit()
        else:
            # The change not yet written is written now: nothing is left to ask about.
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not isinstance(app.screen, QuitDialog)  # nothing to ask: it quit
            assert not app.is_running
    assert not app.is_running
    assert location_on_disk(home) == 3
