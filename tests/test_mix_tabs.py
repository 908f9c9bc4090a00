"""The Mix pane's tab strip (one drawn widget in place of Textual's Tabs): its keys, clicks,
hover and underline behave as Textual's did (its look is held to the snapshots taken from
TabbedContent, tests/test_mix_snapshots.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.renderables.bar import Bar

from matchtui.app import MatchApp
from matchtui.widgets.mix_tabs import MixTabs, TabStrip, bar_segments

TODAY = dt.date(2026, 11, 23)
# The strip's cells: " Mix " 0-4, " My programs " 5-17, " Assumptions " 18-30.
LABEL_X = {"tab-mix": 2, "tab-programs": 8, "tab-assumptions": 22}


def app_for(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="mix", today=TODAY)


async def focus_strip(app: MatchApp, pilot: Any) -> TabStrip:
    await pilot.pause()
    await pilot.press("shift+tab", "shift+tab", "shift+tab")  # back from the first slider
    await pilot.pause()
    strip = app.screen.query_one(TabStrip)
    assert app.screen.focused is strip
    return strip


@pytest.mark.parametrize(
    ("width", "start", "end"),
    [(40, 1, 4), (40, 6, 17), (40, 0, 0), (40, 2.5, 9.5), (40, 3.2, 12.7), (31, 19, 30)],
)
def test_the_underline_is_drawn_as_textuals_bar(width: int, start: float, end: float) -> None:
    lit, rest = Style(color="blue"), Style(color="grey30")
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    theirs = list(console.render(Bar((start, end), highlight_style=lit, background_style=rest)))
    text = "".join(s.text for s in theirs if s.text != "\n")
    ours = bar_segments(width, start, end, lit, rest)
    assert "".join(s.text for s in ours) == text
    expected = [(s.text, s.style) for s in Segment.simplify(theirs) if s.text != "\n"]
    assert [(s.text, s.style) for s in Segment.simplify(ours)] == expected


async def test_left_and_right_step_round_the_tabs(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        strip = await focus_strip(app, pilot)
        tabs = app.screen.query_one("#mix-tabs", MixTabs)
        await pilot.press("left")  # before the first: the last
        await pilot.pause()
        assert tabs.active == strip.active == "tab-assumptions"
        # as with TabbedContent, the keyboard then goes into the pane shown
        assert app.focused is not None and app.focused.id == "assumptions-scroll"
        strip.focus()
        await pilot.press("right")  # after the last: the first
        await pilot.pause()
        assert tabs.active == "tab-mix"
        assert app.focused is not None and app.focused.id == "slider-apps"


@pytest.mark.parametrize("row", [0, 1])  # a label, or the underline below it
async def test_a_click_on_a_tab_shows_its_pane(workspace: Any, row: int) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#mix-tabs", MixTabs)
        for tab, focused in (
            ("tab-programs", "programs-table"),
            ("tab-assumptions", "assumptions-scroll"),
            ("tab-mix", "slider-apps"),
        ):
            await pilot.click(TabStrip, offset=(LABEL_X[tab], row))
            await pilot.pause()
            assert tabs.active == tab
            shown = [pane.id for pane in app.screen.query("#mix-tabs > TabPane") if pane.display]
            assert shown == [tab]
            assert app.focused is not None and app.focused.id == focused


async def test_a_click_past_the_last_tab_changes_nothing(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#mix-tabs", MixTabs)
        await pilot.click(TabStrip, offset=(60, 0))
        await pilot.pause()
        assert tabs.active == "tab-mix"
        assert app.focused is app.screen.query_one(TabStrip)  # as a click on Tabs focuses it


async def test_a_tab_under_the_mouse_is_drawn_at_full_strength(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        strip = app.screen.query_one(TabStrip)

        def colour_at(x: int) -> object:
            cells = 0
            for segment in strip.render_line(0):
                cells += len(segment.text)
                if cells > x:
                    assert segment.style is not None
                    return segment.style.color
            raise AssertionError(x)

        muted, full = colour_at(LABEL_X["tab-programs"]), colour_at(LABEL_X["tab-mix"])
        assert muted != full
        await pilot.hover(TabStrip, offset=(LABEL_X["tab-programs"], 0))
        await pilot.pause()
        assert colour_at(LABEL_X["tab-programs"]) == full
        assert strip.styles.pointer == "pointer"
        await pilot.hover(TabStrip, offset=(LABEL_X["tab-programs"], 1))  # the underline
        await pilot.pause()
        assert colour_at(LABEL_X["tab-programs"]) == muted
        assert strip.styles.pointer == "default"
        await pilot.hover("#slider-apps")
        await pilot.pause()
        assert colour_at(LABEL_X["tab-programs"]) == muted


async def test_a_widget_focused_in_a_hidden_pane_shows_that_pane(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tabs = app.screen.query_one("#mix-tabs", MixTabs)
        app.screen.query_one("#assumptions-scroll").focus()
        await pilot.pause()
        assert tabs.active == "tab-assumptions"


@pytest.mark.parametrize("animations", ["none", "full"])
async def test_the_underline_moves_under_the_active_label(workspace: Any, animations: str) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        app.animation_level = animations  # type: ignore[assignment]
        strip = await focus_strip(app, pilot)
        assert (strip.highlight_start, strip.highlight_end) == (1, 4)  # "Mix"
        await pilot.press("right")
        await pilot.pause(0.5 if animations == "full" else 0)
        assert (strip.highlight_start, strip.highlight_end) == (6, 17)  # "My programs"
        bar = "".join(segment.text for segment in strip.render_line(1))
        assert bar[:20] == "━━━━━╸" + "━" * 11 + "╺━━"


async def test_the_hidden_tabs_are_filled_just_after_the_first_frame(workspace: Any) -> None:
    from matchtui.widgets.mix_programs import ProgramsPanel
    from matchtui.widgets.mix_warnings import AssumptionList

    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(ProgramsPanel).is_mounted  # ready before it is asked for
        assert screen.query_one(AssumptionList).is_mounted
        assert screen.query_one("#mix-tabs", MixTabs).active == "tab-mix"


@pytest.mark.parametrize(
    ("key", "tab", "focused"),
    [("l", "tab-programs", "programs-table"), ("a", "tab-assumptions", "assumptions-scroll")],
)
async def test_a_hidden_tab_asked_for_before_it_is_filled_fills_it(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, key: str, tab: str, focused: str
) -> None:
    from matchtui.screens.mix import MixScreen

    async def not_yet(self: MixScreen) -> None:
        return None

    monkeypatch.setattr(MixScreen, "_after_first_frame", not_yet)
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#programs-scroll")
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#mix-tabs", MixTabs).active == tab
        assert app.focused is not None and app.focused.id == focused
