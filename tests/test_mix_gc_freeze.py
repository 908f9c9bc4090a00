"""In a real session the Mix pane moves the program list it reads out of the cyclic GC's sight
(full collections walking 20,000 programs blocked the loop 30-110 ms); tests and headless runs
leave the GC alone."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any

import pytest

import matchtui.app as app_module
from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.screens import mix
from matchtui.store import PROGRAMS


@pytest.mark.parametrize("interactive", [True, False])
async def test_the_list_read_is_frozen_in_a_real_session_only(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, interactive: bool
) -> None:
    workspace.store.save(PROGRAMS, make_programs(workspace.catalog, 50))
    frozen: list[int] = []
    loaded: list[int] = []
    monkeypatch.setattr(app_module, "gc", types.SimpleNamespace(freeze=lambda: frozen.append(1)))
    # The preload thread freezes the list it warms too (at some point): counted apart.
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)
    load = mix.MixScreen._load_programs

    def counted(self: Any, fresh: bool = False) -> None:
        load(self, fresh)
        loaded.append(len(self._programs.programs))

    monkeypatch.setattr(mix.MixScreen, "_load_programs", counted)
    app = MatchApp(
        workspace, first_pane="mix", today=dt.date(2026, 11, 23), interactive=interactive
    )
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if loaded:
                break
        assert loaded == [50]
        assert len(frozen) == (1 if interactive else 0)
        screen: Any = app.screen
        screen._load_programs(fresh=True)  # a reload reads a new list: frozen too
        assert len(frozen) == (2 if interactive else 0)
