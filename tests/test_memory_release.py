"""Freed memory goes back to the system once the app is idle after big work (glibc's
malloc_trim; elsewhere nothing happens), never while keys are coming, and not in tests or
headless runs."""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
import textwrap
from typing import Any

import pytest

import matchtui.app as app_module
import matchtui.memory as memory
from matchtui.app import MatchApp

TODAY = dt.date(2026, 11, 23)


@pytest.mark.skipif(not memory.give_back(), reason="no malloc_trim here (not glibc)")
def test_give_back_returns_what_a_thread_freed() -> None:
    # A worker thread makes and frees 60 MB in blocks the C allocator keeps in the thread's
    # arena: resident size stays up until give_back hands the pages back.
    script = textwrap.dedent(
        """
        import threading
        from matchtui.memory import give_back

        def rss():
            for line in open("/proc/self/status"):
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024

        def work():
            blocks = [bytearray(20_000) for _ in range(3_000)]
            # Every tenth block lives on, so the freed ones between cannot merge into the
            # arena's top (which the allocator would hand back by itself).
            keep.extend(blocks[::10])
            del blocks

        keep = []
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        before = rss()
        assert give_back()
        print(before - rss())
        """
    )
    freed = int(
        subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True
        ).stdout
    )
    assert freed >= 30, f"only {freed} MiB given back"


async def _settle(pilot: Any, app: MatchApp, seconds: float) -> None:
    for _ in range(int(seconds / 0.05)):
        await pilot.pause(0.05)


@pytest.mark.parametrize("interactive", [True, False])
async def test_one_give_back_after_a_pane_is_built_and_keys_pause(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, interactive: bool
) -> None:
    calls: list[float] = []  # seconds since the last key at each give-back
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=interactive)
    monkeypatch.setattr(memory, "give_back", lambda: calls.append(app.input_idle()) or True)
    monkeypatch.setattr(app_module, "TRIM_IDLE", 1.0)
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)
    async with app.run_test(size=(120, 40)) as pilot:
        # Whatever start-up asked for, given back once its idle work is over (later on a busy
        # machine than a fixed wait allowed for): no give-back for longer than TRIM_IDLE.
        await _settle(pilot, app, 1.5)
        for _ in range(20):
            seen = len(calls)
            await _settle(pilot, app, 1.2)
            if len(calls) == seen:
                break
        calls.clear()
        # A pause of TRIM_IDLE between two keys is a pause, not keys coming: on a machine so
        # loaded that a key's handling takes that long, a give-back there is right.
        paused = False

        async def press(key: str) -> None:
            nonlocal paused
            paused = paused or app.input_idle() >= app_module.TRIM_IDLE
            await pilot.press(key)

        await press("f6")  # a first build asks for one
        await press("f3")  # and another: still one give-back
        # Keys keep coming: nothing is given back meanwhile.
        for _ in range(8):
            await press("f2")
            await asyncio.sleep(0.1)
            assert calls == [] or paused
        await _settle(pilot, app, 1.6)
        assert all(idle >= app_module.TRIM_IDLE for idle in calls)  # never while keys were coming
        if not interactive:
            assert calls == []
        elif not paused:
            assert len(calls) == 1
        else:
            assert calls


async def test_work_done_ahead_waits_for_a_pause_in_the_keys_and_for_a_build_to_end(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preload thread's work for the panes (`_warm_data`) waits while keys come and while
    a pane is being built: panes opened one after another right after start-up, with 20,000
    programs, took turns with it (the first switches after stalled the loop 100-170 ms)."""
    import threading
    import time

    monkeypatch.setattr(app_module, "WARM_IDLE", 0.3)
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot, app, 0.3)

        def waited() -> tuple[float, threading.Event, threading.Thread]:
            done = threading.Event()

            def wait() -> None:
                app._wait_for_pause()
                done.set()

            thread = threading.Thread(target=wait)
            thread.start()
            return time.monotonic(), done, thread

        app._last_input = time.monotonic()  # a key just now
        start, done, thread = waited()
        while not done.is_set():
            await asyncio.sleep(0.02)
        assert time.monotonic() - start >= 0.25
        app._last_input = 0.0
        app._holding_keys = True  # a pane being built
        start, done, thread = waited()
        await asyncio.sleep(0.4)
        assert not done.is_set()
        app._holding_keys = False
        for _ in range(40):
            if done.is_set():
                break
            await asyncio.sleep(0.05)
        assert done.is_set()
        thread.join()


def test_a_request_from_the_preload_thread_after_the_loop_closed_leaves_no_coroutine(
    workspace: Any,
) -> None:
    """CI printed 'coroutine App.call_from_thread.<locals>.run_callback was never awaited'
    (app.py): the preload thread asked for a trim through call_from_thread just as the app's
    loop closed; the coroutine was made, the loop refused it and it was dropped unawaited.
    The thread now posts messages, which make nothing to await."""
    import gc
    import threading
    import warnings

    app = MatchApp(workspace, first_pane="reality", today=dt.date(2026, 12, 3))

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(run())
    finally:
        loop.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for request in (app._imports_done, lambda: app._warm_data()):
            thread = threading.Thread(target=request)
            thread.start()
            thread.join(10)
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
