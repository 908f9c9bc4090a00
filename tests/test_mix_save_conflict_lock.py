"""The Mix pane's save thread asks about a conflict only after letting go of its write lock:
leaving the pane or quitting flushes a queued list under that lock on the UI thread, which would
then wait for the thread while the thread waited for the UI thread to ask (a deadlock)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.errors import Conflict
from matchtui.screens.mix import MixScreen
from matchtui.store import PROGRAMS


async def test_the_conflict_question_is_asked_with_the_write_lock_free(
    workspace: Any, monkeypatch: Any
) -> None:
    workspace.store.save(PROGRAMS, make_programs(workspace.catalog, 20))
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)

        def changed_elsewhere(*_args: Any, **_kwargs: Any) -> Any:
            raise Conflict(Path("programs.toml"), "modified at 12:00:00, 1 -> 2 bytes")

        monkeypatch.setattr(workspace, "save_programs", changed_elsewhere)
        asked_with_lock: list[bool] = []
        call_from_thread = app.call_from_thread

        def recording(callback: Any, *args: Any, **kwargs: Any) -> Any:
            if getattr(callback, "__name__", "") == "_save_after_conflict":
                asked_with_lock.append(screen._write_lock.locked())
                return None  # the question itself is another test's
            return call_from_thread(callback, *args, **kwargs)

        monkeypatch.setattr(app, "call_from_thread", recording)
        screen._queue_save(make_programs(workspace.catalog, 21))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked_with_lock == [False]
