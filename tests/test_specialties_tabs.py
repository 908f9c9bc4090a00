"""The Specialties pane's chart tabs are one drawn widget (TabStrip) that looks exactly as the
Textual Tabs it replaces (as built, focused, under the mouse; dark and light) and switches the
chart as they did: left and right (wrapping round), a click on a label, the 1-6 keys."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Tab, Tabs

from matchtui.engine.charts import chart_tabs
from matchtui.models.figures import CHART_IDS
from matchtui.widgets.mix_tabs import TabStrip
from tests.conftest import SIZE_THEME_WAYS
from tests.test_specialties_pane import make_app, pane


def cells(svg: str) -> dict[tuple[float, float], tuple[str, str]]:
    """The screen an SVG screenshot shows, cell by cell: each cell's background, and its
    character with its text's style (how Rich splits a line into runs left out)."""
    styles = dict(re.findall(r"\.terminal-\d+-(r\d+) \{([^}]*)\}", svg))
    grid: dict[tuple[float, float], tuple[str, str]] = {}
    for fill, x, y, width in re.findall(
        r'<rect fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg
    ):
        for cell in range(round(float(width) / 12.2)):
            grid[(round(float(x) / 12.2) + cell, float(y))] = (fill, "")
    texts = re.findall(
        r'<text class="terminal-\d+-(r\d+)" x="([\d.]+)" y="([\d.]+)" '
        r'textLength="[\d.]+"[^>]*>([^<]*)</text>',
        svg,
    )
    for name, x, y, text in texts:
        for offset, char in enumerate(html.unescape(text)):
            grid[(round(float(x) / 12.2) + offset, float(y))] = (char, styles.get(name, ""))
    return grid


@pytest.mark.parametrize(("size", "theme"), SIZE_THEME_WAYS)
async def test_the_strip_draws_exactly_as_textuals_tabs(
    workspace: Any, theme: str, size: tuple[int, int]
) -> None:
    workspace.save_settings({"theme": theme})
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = pane(app)
        strip = screen.query_one("#chart-tabs", TabStrip)
        tabs = Tabs(
            *(Tab(Text(label), id=f"chart-{chart}") for chart, label in chart_tabs(app.catalog)),
        )
        tabs.display = False
        await strip.parent.mount(tabs, after=strip)  # type: ignore[union-attr]
        await pilot.pause(0.3)
        hover_x = strip.tabs[0][0].cell_length + 4  # over the second label

        async def look(shown: TabStrip | Tabs, state: str) -> str:
            hidden = tabs if shown is strip else strip
            hidden.display, shown.display = False, True
            screen.query_one("#spec-list").focus()
            await pilot.hover("#spec-hint")
            await pilot.pause()
            if state == "focused":
                shown.focus()
            elif state == "hover":
                await pilot.hover(shown, offset=(hover_x, 0))
            await pilot.pause(0.3)
            assert shown.region.y == screen.query_one("#spec-main").region.y
            return app.export_screenshot()

        for state in ("built", "focused", "hover"):
            ours, theirs = await look(strip, state), await look(tabs, state)
            assert cells(ours) == cells(theirs), state


async def test_keys_clicks_and_number_keys_switch_the_chart(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pane(app)
        strip = screen.query_one("#chart-tabs", TabStrip)
        ids = [tab_id for _label, tab_id in strip.tabs]
        assert ids == [f"chart-{chart}" for chart in CHART_IDS]
        assert strip.active == ids[0] and screen.chart_id == CHART_IDS[0]
        strip.focus()
        await pilot.press("right")
        await pilot.pause()
        assert strip.active == ids[1] and screen.chart_id == CHART_IDS[1]
        await pilot.press("left", "left")  # past the first: the last
        await pilot.pause()
        assert strip.active == ids[-1] and screen.chart_id == CHART_IDS[-1]
        # A click on the third label.
        x = sum(label.cell_length + 2 for label, _id in strip.tabs[:2]) + 1
        assert await pilot.click(strip, offset=(x, 0))
        await pilot.pause()
        assert strip.active == ids[2] and screen.chart_id == CHART_IDS[2]
        screen.query_one("#spec-list").focus()
        await pilot.press("2")
        await pilot.pause()
        assert strip.active == ids[1] and screen.chart_id == CHART_IDS[1]
        assert screen.inputs is not None
