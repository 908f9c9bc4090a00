"""The Mix pane's drawn widgets (the bars, the estimate, the warnings) work out their parts'
looks from their own style and background (`part_style`, one walk of the ancestors per widget)
and get exactly the Style Textual gives each component class, in both themes, with the results
focused (tinted) or not, and after a theme switch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.widgets.mix_bars import MixBars
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.widgets.mix_lines import LinesWidget
from matchtui.widgets.mix_warnings import WarningList

TODAY = dt.date(2026, 11, 23)


def mismatches(widget: LinesWidget) -> list[str]:
    names = sorted(widget._get_component_classes())
    assert names
    widget._style_memo.clear()
    return [
        name
        for name in names
        if widget.component_style(name) != widget.get_component_rich_style(name)
    ]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_parts_look_as_textuals_component_styles(workspace: Any, theme: str) -> None:
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        widgets = [app.screen.query_one(kind) for kind in (MixBars, EstimatePanel, WarningList)]
        for state in ("built", "results focused", "theme switched"):
            if state == "results focused":
                app.screen.query_one("#mix-results").focus()
            elif state == "theme switched":
                app.theme = "textual-light" if theme == "textual-dark" else "textual-dark"
            await pilot.pause()
            for widget in widgets:
                assert not mismatches(widget), (state, type(widget).__name__)
