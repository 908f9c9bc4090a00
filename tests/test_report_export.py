"""Exporting the advisor report from the app: key, palette command, notification, no clobber."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from matchtui.app import MatchApp

TODAY = dt.date(2026, 11, 23)


async def test_export_key_writes_a_new_file_each_time(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # a plan change, in memory and saved
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        first = home / "report-2026-11-23.md"
        assert first.exists()
        text = first.read_text()
        assert text.startswith("# Advisor report: Avery Lindqvist, 2027 Match")
        assert "| One-page reality sheet; choose the specialty | Feb 2026 | doing |" in text
        messages = [str(n.message) for n in app._notifications]
        assert any("report-2026-11-23.md" in m for m in messages)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert (home / "report-2026-11-23-2.md").exists()
        assert first.read_text() == text  # never overwritten


async def test_export_from_the_palette_and_from_a_text_field(workspace: Any, home: Path) -> None:
    from matchtui.widgets.text_standin import real_field

    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export advisor report")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert (home / "report-2026-11-23.md").exists()
        (await real_field(app.screen, "#item-note")).focus()
        await pilot.pause()
        await pilot.press("ctrl+r")  # priority: works while typing a note
        await pilot.pause()
        assert (home / "report-2026-11-23-2.md").exists()
