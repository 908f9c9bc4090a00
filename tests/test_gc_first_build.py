"""In a real session no garbage collection runs while a pane is first built; once its first
frame is drawn and keys pause, the build's garbage is collected (not frozen with the rest),
what lives on is frozen, and the collector is on again. Tests and headless runs leave the
collector alone."""

from __future__ import annotations

import datetime as dt
import gc
import time
import weakref
from typing import Any

import pytest

import matchtui.app as app_module
from matchtui.app import MatchApp
from matchtui.screens.practice import PracticeScreen

TODAY = dt.date(2026, 11, 23)


class Node:
    """A reference cycle: freed by the cyclic collector only."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def collector_on_after() -> Any:
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def no_preload(monkeypatch: pytest.MonkeyPatch) -> None:
    # The preload thread switches the collector off and on too (matchtui.background).
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)


def watch_the_build(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bool], list[Any]]:
    """Whether the collector was on as Practice composed, and a weak reference to a cycle
    that became garbage during its build."""
    enabled: list[bool] = []
    cycles: list[Any] = []
    compose = PracticeScreen.compose

    def watched(self: Any) -> Any:
        enabled.append(gc.isenabled())
        node = Node()
        cycles.append(weakref.ref(node))
        del node
        return compose(self)

    monkeypatch.setattr(PracticeScreen, "compose", watched)
    return enabled, cycles


async def wait_until(pilot: Any, done: Any, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)


async def opened(pilot: Any, app: MatchApp) -> None:
    await wait_until(pilot, lambda: app.profile is not None and not app._holding_keys)
    await pilot.pause(0.1)


@pytest.mark.parametrize("interactive", [True, False])
async def test_no_collection_during_a_first_build_then_its_garbage_collected_at_a_pause(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, interactive: bool
) -> None:
    monkeypatch.setattr(app_module, "GC_IDLE", 0.2)
    enabled, cycles = watch_the_build(monkeypatch)
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=interactive)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        frozen = gc.get_freeze_count()
        await pilot.press("f5")
        await wait_until(pilot, lambda: app.current_mode == "practice" and bool(enabled))
        assert enabled == [not interactive]
        if interactive:
            await wait_until(pilot, lambda: gc.isenabled())
            assert gc.isenabled() and app._gc_held_since is None
            assert cycles[0]() is None  # collected, not frozen with what lives on
            assert gc.get_freeze_count() > frozen  # the pane's widgets out of sight
        else:
            assert app._gc_held_since is None
            assert gc.get_freeze_count() == frozen


async def test_keys_coming_postpone_the_collection_but_not_beyond_the_longest_hold(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "GC_IDLE", 60.0)  # keys never pause long enough
    monkeypatch.setattr(app_module, "GC_HOLD_MAX", 0.5)
    collected: list[int] = []
    times: list[float] = []
    monkeypatch.setattr(app_module, "gc", _Counting(collected, times))  # the app's calls only
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        pressed = time.monotonic()
        await pilot.press("f5")
        await wait_until(pilot, lambda: bool(collected))
        assert collected == [1]  # the young generations: what was made since the last freeze
        assert times[0] - pressed >= 0.5 - 0.05  # not before the longest hold
        assert gc.isenabled()


async def test_a_second_first_visit_during_the_hold_is_collected_with_the_first(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "GC_IDLE", 2.0)  # longer than two builds on a busy machine
    collected: list[int] = []
    monkeypatch.setattr(app_module, "gc", _Counting(collected))
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        await pilot.press("f5", "f7")
        await wait_until(pilot, lambda: app.current_mode == "applications")
        await wait_until(pilot, lambda: gc.isenabled())
        assert collected == [1] and gc.isenabled()


async def test_closing_during_a_hold_switches_the_collector_back_on(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "GC_IDLE", 60.0)
    monkeypatch.setattr(app_module, "GC_HOLD_MAX", 60.0)
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        await pilot.press("f5")
        await wait_until(pilot, lambda: app.current_mode == "practice" and not app._holding_keys)
        assert not gc.isenabled()
    assert gc.isenabled()


async def test_a_collector_already_off_is_left_off(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A background thread switched it off (matchtui.background): it switches it back on.
    monkeypatch.setattr(app_module, "GC_IDLE", 0.1)
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        gc.disable()
        await pilot.press("f5")
        await wait_until(pilot, lambda: app.current_mode == "practice" and not app._holding_keys)
        await wait_until(pilot, lambda: app._gc_held_since is None)
        assert app._gc_held_since is None and not gc.isenabled()


class _Counting:
    """The gc module, with the generations of the app's explicit collections recorded."""

    def __init__(self, collected: list[int], times: list[float] | None = None) -> None:
        self._collected = collected
        self._times = times if times is not None else []

    def collect(self, generation: int = 2) -> int:
        self._collected.append(generation)
        self._times.append(time.monotonic())
        return gc.collect(generation)

    def __getattr__(self, name: str) -> Any:
        return getattr(gc, name)
