"""Every pane's frame (its columns, scrolling areas, tab panes and tab sets) is drawn one line
for all while that container's lines are alike (widgets/alike_lines.py): the lines are
Textual's, segment for segment, and one drawn line stands for all of them, so a pane left on
screen keeps one line per container where it kept one per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widget import Widget

from matchtui.app import MatchApp
from matchtui.widgets.alike_lines import (
    PaneHorizontal,
    PaneScrollable,
    PaneVertical,
    PaneVerticalScroll,
    same_lines,
)
from matchtui.widgets.alike_tabs import PaneTabbedContent, PaneTabPane
from matchtui.widgets.mix_tabs import MixTabs

ALIKE = (
    PaneHorizontal,
    PaneScrollable,
    PaneVertical,
    PaneVerticalScroll,
    PaneTabbedContent,
    PaneTabPane,
    MixTabs,
)
# The tall containers each pane is framed by, by id: drawn one line for all at 120x40.
FRAMES = {
    "reality": ["reality-scroll"],
    "specialties": ["spec-body", "spec-side", "spec-main", "spec-scroll"],
    "mix": ["mix-tabs", "tab-mix", "mix-controls", "mix-results"],
    "plan": ["plan-tabs", "tab-timeline"],
    "applications": ["apps-tabs", "apps-list", "apps-main"],
    "ranklist": ["rank-tabs", "tab-list", "rank-main", "rank-left", "rank-side"],
}


def lines(strips: list[Any]) -> list[list[Any]]:
    return [list(strip) for strip in strips]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("pane", list(FRAMES))
async def test_a_panes_frame_draws_textuals_lines_one_line_for_all(
    workspace: Any, pane: str, theme: str
) -> None:
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane=pane, today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        shown = [w for w in screen.query("*") if isinstance(w, ALIKE) and w.region.height > 1]
        assert {w.id for w in shown} >= set(FRAMES[pane])
        for widget in shown:
            crop = widget.region.reset_offset
            drawn = widget.render_lines(crop)
            textuals = Widget.render_lines(widget, crop)  # line by line, as Textual draws
            assert len(drawn) == crop.height
            assert lines(drawn) == lines(textuals), widget.id
            part = crop._replace(y=1, height=crop.height - 1)  # a partial update
            assert lines(widget.render_lines(part)) == lines(Widget.render_lines(widget, part))
            if widget.id in FRAMES[pane]:
                assert same_lines(widget), widget.id
                assert len({id(strip) for strip in drawn}) == 1, widget.id  # one line kept


async def test_a_tab_set_with_a_top_border_is_drawn_line_by_line(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="plan", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#plan-tabs", PaneTabbedContent)
        tabs.styles.border_top = ("solid", "red")
        await pilot.pause()
        assert not same_lines(tabs)
        crop = tabs.region.reset_offset
        drawn = tabs.render_lines(crop)
        assert lines(drawn[:1]) != lines(drawn[1:2])  # the border, then the rest
        assert lines(drawn) == lines(Widget.render_lines(tabs, crop))
