"""A real session reads programs.toml in a worker thread on the Mix pane's first visit: the
estimate, which depends on the list, appears once the list is read, and is the one a session
that read the list at once shows."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.screens.mix import MixScreen
from matchtui.store import PROGRAMS
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.workspace import Workspace

TODAY = dt.date(2026, 11, 23)


def _rendered(widget: Any) -> str:
    return str(widget.render())


async def _estimate_at_once(workspace: Any) -> Any:
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        return screen.result, screen.comparison


async def test_the_list_is_read_in_a_thread_and_the_estimate_waits_for_it(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    programs = make_programs(workspace.catalog, 300)
    workspace.store.save(PROGRAMS, programs)
    expected_result, expected_comparison = await _estimate_at_once(workspace)
    assert expected_comparison.actual_total > 0
    go = threading.Event()
    read = Workspace.load_programs
    threads: list[str] = []

    def slow_read(self: Any) -> Any:
        threads.append(threading.current_thread().name)
        go.wait(10)  # the test looks at the pane while the thread is still reading
        return read(self)

    monkeypatch.setattr(Workspace, "load_programs", slow_read)
    app = MatchApp(workspace, first_pane="mix", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        assert screen._reading and screen.result is None
        assert "Loading your programs" in _rendered(screen.query_one("#mix-note"))
        screen.refresh_estimate()  # a slider step meanwhile shows nothing yet
        assert screen.result is None
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads and threads[0] != threading.main_thread().name
        assert not screen._reading
        assert screen.result == expected_result
        assert screen.comparison == expected_comparison
        assert "Loading" not in _rendered(screen.query_one("#mix-note"))
        estimate = "\n".join(screen.query_one("#mix-estimate", EstimatePanel).plain_lines)
        assert "P(match) by number of applications" in estimate


async def test_a_list_that_does_not_load_is_reported_after_the_thread(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles: list[str] = []
    monkeypatch.setattr(
        MixScreen, "notify", lambda self, *args, **kw: titles.append(kw.get("title", ""))
    )
    path = workspace.store.path(PROGRAMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("schema_version = 2\n[[programs]]\nname = 'x'\n")
    app = MatchApp(workspace, first_pane="mix", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        assert not screen._reading and not screen._programs_ok
        assert screen.result is not None  # the estimate without a list
        assert "programs.toml could not be loaded" in titles
