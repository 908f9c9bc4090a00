"""The Rank list's first visit with its data worked out at idle (`RanklistScreen.warm_data`, in
the app's preload thread): the visit computes nothing and draws the list in its first frame;
when the programs, the saved list, its hard stops, the width or the profile changed after the
warming, the visit shows the new numbers, never the warm ones."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.engine import ranklist as engine
from matchtui.engine.ranklist import Tracker, first_items, ready_tracker, tracker_of
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankItem, RanklistFile, RanklistState
from matchtui.screens.ranklist import RanklistScreen
from matchtui.screens.ranklist_rows import RankRows, first_rows
from matchtui.store import PROGRAMS, Store
from tests.test_ranklist_pane import TODAY, programs_in, rendered, write_tracker

INTERVIEWED = ["Alpha Medical Center", "Beta Community Hospital", "Gamma University"]


@pytest.fixture(autouse=True)
def _gc_as_before() -> Iterator[None]:
    """A real session freezes what it read out of the GC's sight (and sets its thresholds):
    undone after each test, for the tests that run next in this process."""
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


class Calls:
    """How many times the visit's computations ran, in any thread and on the UI thread (each
    wrapped in place of the original)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, bool]] = []
        of = Tracker.of.__func__  # type: ignore[attr-defined]
        starting = engine.starting_items
        full = RankRows.full

        def note(what: str) -> None:
            self.calls.append((what, threading.current_thread() is threading.main_thread()))

        def counted_of(cls: type[Tracker], programs: Any, today: Any = None) -> Tracker:
            note("tracker")
            return of(cls, programs, today)  # type: ignore[no-any-return]

        def counted_starting(*args: Any) -> list[RankItem]:
            note("items")
            return starting(*args)

        def counted_full(rows: RankRows, *args: Any) -> None:
            note("rows")
            full(rows, *args)

        monkeypatch.setattr(Tracker, "of", classmethod(counted_of))
        monkeypatch.setattr(engine, "starting_items", counted_starting)
        monkeypatch.setattr(RankRows, "full", counted_full)

    def reset(self) -> None:
        self.calls.clear()

    def count(self, *, ui_only: bool = False) -> tuple[int, int, int]:
        """(trackers, starting lists, rows) worked out."""
        made = [what for what, on_ui in self.calls if on_ui or not ui_only]
        return (made.count("tracker"), made.count("items"), made.count("rows"))

    @property
    def all(self) -> tuple[int, int, int]:
        return self.count()

    @property
    def on_ui(self) -> tuple[int, int, int]:
        return self.count(ui_only=True)


def warming(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set once the app's preload thread has run the Rank list's `warm_data`."""
    done = threading.Event()
    warm = RanklistScreen.warm_data.__func__  # type: ignore[attr-defined]

    def warm_data(cls: type[RanklistScreen], app: MatchApp) -> None:
        try:
            warm(cls, app)
        finally:
            done.set()

    monkeypatch.setattr(RanklistScreen, "warm_data", classmethod(warm_data))
    return done


async def started_and_warm(
    app: MatchApp, pilot: Any, done: threading.Event, calls: Calls | None = None
) -> None:
    for _ in range(400):
        if done.is_set():
            break
        await pilot.pause(0.05)
    assert done.is_set(), "the preload thread never warmed the Rank list"
    if calls is not None:
        assert calls.all == (1, 1, 1)  # worked out once, at idle (in the preload thread)
        assert calls.on_ui == (0, 0, 0)
        calls.reset()


def real_session(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)


async def visit(app: MatchApp, pilot: Any) -> Any:
    await pilot.press("f8")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen: Any = app.screen
    assert isinstance(screen, RanklistScreen)
    return screen


async def test_warmed_first_visit_computes_nothing_and_draws_the_list_at_once(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    calls = Calls(monkeypatch)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done, calls)
        await pilot.press("f8")
        screen: Any = app.screen
        assert isinstance(screen, RanklistScreen)
        # Drawn as the pane mounted: no thread reading the programs, no "Loading" frame.
        assert not screen.reading_programs
        assert screen.sim is not None
        await pilot.pause()
        assert calls.all == (0, 0, 0)
        assert programs_in(app) == INTERVIEWED
        assert "P(match)" in rendered(screen.query_one("#rank-summary"))
        # The rows are the pane's own: a change leaves the remembered ones as they were.
        await pilot.press("J")
        await pilot.pause()
        assert programs_in(app)[:2] == [INTERVIEWED[1], INTERVIEWED[0]]
        assert calls.all == (0, 0, 0)  # a move redoes only what it alters


async def test_programs_written_by_another_window_after_warming_show(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done)
        store = Store(home)  # another window: one more program interviewed
        programs = store.load(PROGRAMS, ProgramList).programs
        extra = Program(
            name="Epsilon General",
            state="OH",
            specialty="internal_medicine",
            tier="academic",
            status="interviewed",
        )
        store.save(PROGRAMS, ProgramList(programs=[*programs, extra]))
        screen = await visit(app, pilot)
        assert programs_in(app) == [*INTERVIEWED, "Epsilon General"]
        assert screen.tracker.find("Epsilon General") is not None
        assert len(screen.resolved) == 4


async def test_a_visit_before_the_warming_works_the_list_out_in_its_reading_thread(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened first (nothing warm yet): the tracker, the starting list and the numbers are
    worked out in the thread that reads the programs, none on the UI thread."""
    write_tracker(home)
    calls = Calls(monkeypatch)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert programs_in(app) == INTERVIEWED
        assert calls.on_ui == (0, 0, 0)
        assert calls.all[0] >= 1 and calls.all[2] >= 1


async def test_programs_changed_while_away_are_worked_out_in_the_reading_thread(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back on the pane after the tracker changed (in another window, or the Applications
    pane): the new list's numbers are worked out in the reading thread, and shown."""
    write_tracker(home)
    calls = Calls(monkeypatch)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done, calls)
        screen = await visit(app, pilot)
        await pilot.press("J")  # Alpha below Beta: the saved list is no longer the tracker's
        await pilot.pause()
        slower = screen.resolved[2].chance
        app.action_show_pane("reality")
        await pilot.pause()
        store = Store(home)
        programs = store.load(PROGRAMS, ProgramList).programs
        gamma = next(p for p in programs if p.name == "Gamma University")
        faster = gamma.model_copy(update={"tier": "community"})  # its default chance changes
        store.save(PROGRAMS, ProgramList(programs=[faster if p is gamma else p for p in programs]))
        calls.reset()
        app.action_show_pane("ranklist")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert programs_in(app) == [INTERVIEWED[1], INTERVIEWED[0], INTERVIEWED[2]]
        assert screen.tracker.find("Gamma University").tier == "community"
        # A community program's chance on the match curve is above a mid-tier one's.
        assert screen.resolved[2].chance_source == "estimate"
        assert screen.resolved[2].chance > slower
        assert calls.on_ui == (0, 0, 0)
        assert calls.all == (1, 0, 1)


async def test_a_plan_changed_after_warming_shows_its_list(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done)
        # plan.toml read again (a reload in another pane): a saved list of one rank at 50%.
        saved = RanklistState(items=[RankItem(program="Gamma University", chance=0.5)])
        app.plan = (app.plan or PlanFile()).model_copy(update={"ranklist": saved})
        screen = await visit(app, pilot)
        assert programs_in(app) == ["Gamma University"]
        assert screen.sim.p_unmatched == pytest.approx(0.5)
        assert "P(match) 50%" in rendered(screen.query_one("#rank-summary"))


async def test_hard_stops_changed_after_warming_strike_their_rank(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same ranks (the very items warmed), only a hard stop more: its rank is struck."""
    write_tracker(home)
    items = [RankItem(program=name) for name in INTERVIEWED]
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items)))
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done)
        plan = app.plan or PlanFile()
        assert plan.ranklist is not None
        stopped = plan.ranklist.model_copy(update={"hard_stops": ["Beta Community Hospital"]})
        app.plan = plan.model_copy(update={"ranklist": stopped})
        screen = await visit(app, pilot)
        assert programs_in(app) == INTERVIEWED
        assert screen._stopped == {1}
        assert any(v.id == "hard_stop" for v in screen.violations)
        assert "hard stops" in rendered(screen.query_one("#rank-summary"))


async def test_a_narrower_terminal_after_warming_draws_narrow_rows(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done)
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        screen = await visit(app, pilot)
        assert screen.narrow and screen._narrow_rows
        assert "track" not in [key for key, _, _ in screen._rank_table().columns]


async def test_a_profile_edited_after_warming_shows_in_the_soap_kit(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    done = warming(monkeypatch)
    app = real_session(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await started_and_warm(app, pilot, done)
        assert app.profile is not None
        year = app.profile.cycle_year + 1
        app.profile = app.profile.model_copy(update={"cycle_year": year})
        screen = await visit(app, pilot)
        await pilot.press("t", "t", "t")
        await pilot.pause()
        assert f"SOAP for the {year} Match" in rendered(screen.query_one("#soap-text"), 140)


# -- the memos themselves ----------------------------------------------------------------------


def programs(names: list[str]) -> list[Program]:
    return [
        Program(
            name=n, state="OH", specialty="internal_medicine", tier="academic", status="interviewed"
        )
        for n in names
    ]


def test_the_tracker_is_worked_out_once_for_the_same_records() -> None:
    records = programs(["Alpha", "Beta"])
    tracker = tracker_of(records)
    assert tracker_of(list(records)) is tracker  # a list of its own, the same records
    assert ready_tracker(records) is tracker
    again = programs(["Alpha", "Beta"])  # read again: new records
    assert ready_tracker(again) is None
    assert tracker_of(again) is not tracker


def test_first_items_and_rows_are_the_callers_own(catalog: Any) -> None:
    from matchtui.engine.ranklist import ranklist_data

    data: RanklistFile = ranklist_data(catalog)
    tracker = tracker_of(programs(["Alpha", "Beta", "Gamma"]))
    items = first_items(tracker, [])
    items.append(RankItem(program="Omega"))  # the caller's list: the memo's is untouched
    assert [i.program for i in first_items(tracker, [])] == ["Alpha", "Beta", "Gamma"]
    made = first_items(tracker, [])
    rows = first_rows(tracker, data, made, [], None, False)
    rows.moved(engine.move(made, 0, 2), 0, 2)
    rows.removed(made[:2], 2)
    fresh = first_rows(tracker, data, made, [], None, False)
    assert [r.label for r in fresh.resolved] == ["Alpha", "Beta", "Gamma"]
    expected = RankRows(tracker, data)
    expected.full(made, [], None, False)
    assert fresh.widths == expected.widths and fresh.missing == expected.missing
    assert fresh.sim == expected.sim
