"""The cyclic GC runs young collections only while the app starts, and is back to CPython's
usual thresholds once the first pane is on screen (the long-lived objects frozen)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import matchtui
from matchtui.app import _freeze_long_lived


def test_start_up_thresholds_are_restored_once_the_first_pane_is_up() -> None:
    before = gc.get_threshold()
    try:
        matchtui.startup_gc()
        assert gc.get_threshold() == matchtui.STARTUP_GC_THRESHOLDS
        assert gc.isenabled()  # young collections still run: start-up garbage is not frozen
        _freeze_long_lived()
        assert gc.get_threshold() == before
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_opening_the_app_uses_the_start_up_thresholds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from matchtui import app as app_module
    from matchtui import cli

    seen: list[tuple[int, ...]] = []

    def fake_run_app(*args: object, **kwargs: object) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    before = gc.get_threshold()
    try:
        assert cli.main(["--home", str(tmp_path / "home")]) == 0
    finally:
        gc.set_threshold(*before)
    assert seen == [matchtui.STARTUP_GC_THRESHOLDS]
