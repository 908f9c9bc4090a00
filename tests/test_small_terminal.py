"""80x24: every section of every pane can be reached with the keyboard (Tab, then PageDown
inside a scrolling region) and is then actually drawn on screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.widgets.pane_footer import PaneFooter

TODAY = dt.date(2026, 11, 23)

# pane -> (keys pressed first, e.g. a tab's key) -> section ids that must be reachable
SECTIONS: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {
    "profile": [
        (
            (),
            [
                "f-applicant-name",
                "section-exams",
                "section-history",
                "section-narrative",
            ],
        )
    ],
    "reality": [
        (
            (),
            [
                "reality-summary",
                "risk-table",
                "home-table",
                "arch-title",
                "ready-table",
                "actions-table",
                "reality-foot",
                "rule-panel",
            ],
        )
    ],
    "specialties": [
        ((), ["spec-list", "spec-hint", "chart", "chart-table", "chart-reading", "chart-notes"])
    ],
    "mix": [
        (
            (),
            [
                "mix-specialty",
                "slider-signals",
                "mix-preset",
                "mix-status",
                "mix-bars",
                "mix-estimate",
                "mix-note",
                "mix-warnings",
            ],
        ),
        (("l",), ["programs-panel"]),
        (("a",), ["mix-assumptions"]),
    ],
    "practice": [((), ["questions", "q-prompt", "answer", "tips", "feedback", "history"])],
    "plan": [((), ["start-month", "plan-gantt", "item-detail", "item-note"])],
}


def on_screen(widget: Widget) -> bool:
    """True when some cell of the widget is the one drawn at that point of the screen."""
    screen = widget.screen
    region = widget.region.intersection(screen.region)
    if not region:
        return False
    x = region.x + min(2, region.width - 1)
    for y in range(region.y, region.bottom):
        try:
            found, _ = screen.get_widget_at(x, y)
        except Exception:  # nothing drawn at that point
            continue
        if found is widget or widget in found.ancestors:
            return True
    return False


def related(focused: Widget | None, widget: Widget) -> bool:
    if focused is None:
        return False
    return focused is widget or focused in widget.ancestors or widget in focused.ancestors


async def reach(pilot: Any, app: MatchApp, widget: Widget, tabs: int = 60) -> bool:
    for _ in range(tabs):
        if on_screen(widget):
            return True
        if related(app.screen.focused, widget):
            for _ in range(40):
                if on_screen(widget):
                    return True
                await pilot.press("pagedown")
                await pilot.pause()
            return on_screen(widget)
        await pilot.press("tab")
        await pilot.pause()
    return False


@pytest.mark.parametrize("pane", list(SECTIONS))
async def test_every_section_is_reachable_at_80x24(workspace: Any, pane: str) -> None:
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        built = getattr(app.screen, "form_built", None)
        if built is not None:
            await built()  # Profile builds what is below its first screen after it
        for keys, ids in SECTIONS[pane]:
            app.screen.set_focus(None)
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            for section in ids:
                widget = app.screen.query_one(f"#{section}")
                assert await reach(pilot, app, widget), f"{pane}: #{section} not reachable"


def test_footer_keeps_the_panes_own_keys(workspace: Any) -> None:
    import asyncio

    async def run() -> None:
        app = MatchApp(workspace, first_pane="mix", today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            footer = app.screen.query_one(PaneFooter)
            shown, _compact = footer.shown()
            keys = [key.description for key in shown]
            for own in ("Save mix", "Use recommended", "Mix", "List", "Assumptions"):
                assert own in keys and own in footer.render().plain
            assert not any(k.startswith("Specialties") for k in keys)  # F3 gives way
            assert shown[-1].palette
        app = MatchApp(workspace, first_pane="mix", today=TODAY)
        async with app.run_test(size=(200, 24)) as pilot:
            await pilot.pause()
            footer = app.screen.query_one(PaneFooter)
            keys = [key.description for key in footer.shown()[0]]
            assert "Specialties" in keys  # room for the pane keys at 200 columns

    asyncio.run(run())


def test_estimate_panel_fits_its_column(workspace: Any) -> None:
    """The estimate panel is laid out within the results column at 80x24 (it is not wider
    than the column that scrolls it, so nothing runs off the right edge)."""
    import asyncio

    async def run() -> None:
        app = MatchApp(workspace, first_pane="mix", today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            panel = app.screen.query_one("#mix-estimate")
            widths = [s.size.width for s in panel.query(Static)]
            assert all(w > 0 for w in widths)
            assert panel.size.width <= app.screen.query_one("#mix-results").size.width

    asyncio.run(run())
