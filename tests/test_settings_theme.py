"""The theme: only the curated set is offered, and the choice is remembered in settings.toml."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from matchtui.app import MatchApp
from matchtui.themes import CURATED_THEMES


async def test_only_curated_themes_and_the_choice_is_remembered(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="reality")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert set(app.available_themes) == set(CURATED_THEMES)
        app.theme = "textual-light"
        await pilot.pause()
    settings = home / "settings.toml"
    assert 'theme = "textual-light"' in settings.read_text()
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    again = MatchApp(workspace, first_pane="reality")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_a_broken_settings_file_is_ignored(workspace: Any, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.toml").write_text('theme = "no-such-theme"\n[[[')
    app = MatchApp(workspace, first_pane="reality")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
