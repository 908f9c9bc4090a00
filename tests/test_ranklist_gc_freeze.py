"""In a real session the Rank list moves the tracker it reads out of the cyclic GC's sight, as
the Mix and Applications panes do; tests and headless runs leave the GC alone."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest

import matchtui.app as app_module
from matchtui.app import MatchApp
from tests.test_ranklist_pane import TODAY, programs_in, write_tracker


@pytest.mark.parametrize("interactive", [True, False])
async def test_the_tracker_read_is_frozen_in_a_real_session_only(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch, interactive: bool
) -> None:
    write_tracker(home)
    frozen: list[int] = []
    monkeypatch.setattr(app_module, "gc", types.SimpleNamespace(freeze=lambda: frozen.append(1)))
    # The preload thread freezes the list it warms too (at some point): counted apart.
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY, interactive=interactive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(programs_in(app)) == 3
        assert len(frozen) == (1 if interactive else 0)
