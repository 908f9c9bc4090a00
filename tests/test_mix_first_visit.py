"""The Mix pane's first visit: built once at the terminal's width (no restyle of every widget
when the first Resize arrives), and what that used to hide stays right."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchtui.app import MatchApp
from matchtui.screens.mix import MixScreen
from matchtui.widgets.mix_bars import MixBars
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.widgets.mix_warnings import WarningList
from matchtui.widgets.slider import Slider


def app_for(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))


async def test_the_focused_sliders_label_is_highlighted_as_focus_moves(workspace: Any) -> None:
    """Each slider draws its own label: bold (and not muted) on the focused slider only."""
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        labels = {
            "slider-apps": "Applications",
            "slider-academic": "Academic",
            "slider-mid": "Mid-tier",
            "slider-community": "Community",
        }
        for presses in range(4):
            focused = app.screen.focused
            assert focused is not None and focused.id and focused.id.startswith("slider-")
            for slider in app.screen.query(Slider):
                if slider.id not in labels:
                    continue
                first = next(iter(slider.render_line(0)))
                assert first.text.startswith(labels[slider.id]), first.text
                assert first.style is not None
                assert bool(first.style.bold) == (slider is focused), (presses, slider.id)
            await pilot.press("tab")
            await pilot.pause()


async def test_a_click_on_a_sliders_label_focuses_it_without_moving_it(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        slider = app.screen.query_one("#slider-region", Slider)
        before = slider.value
        await pilot.click("#slider-region", offset=(2, 0))  # on "In region"
        await pilot.pause()
        assert app.screen.focused is slider
        assert slider.value == before
        await pilot.click("#slider-region", offset=(13, 0))  # the track's first cell
        await pilot.pause()
        assert slider.value == slider.minimum


async def test_the_controls_open_at_the_top_with_the_first_slider_focused(
    workspace: Any,
) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#slider-apps")
        assert app.screen.query_one("#mix-controls").scroll_y == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_panels_are_as_tall_as_their_lines(workspace: Any, size: tuple[int, int]) -> None:
    app = app_for(workspace)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen)
        assert screen.has_class("-narrow" if size[0] < 100 else "-wide")
        for panel in screen.query("MixBars, EstimatePanel, WarningList"):
            assert isinstance(panel, (MixBars, EstimatePanel, WarningList))
            assert panel.size.height == len(panel.plain_lines), panel.id
        caption = screen.query_one(EstimatePanel).plain_lines[-1]
        assert "▲ 80" in caption  # the curve's caption, the last line, is on screen


@given(st.text())
def test_column_width_of_any_text_is_its_cells_or_length(text: str) -> None:
    from rich.cells import cell_len

    from matchtui.widgets.mix_programs import _width

    assert _width(text) == max(len(text), cell_len(text))


async def test_list_tab_built_after_the_first_frame_shows_the_list(workspace: Any) -> None:
    """The list tab is mounted lazily (right after the pane's first frame), with the list."""
    from bench.programs_fixture import make_programs
    from matchtui.store import PROGRAMS
    from matchtui.widgets.mix_programs import ProgramsPanel

    programs = make_programs(workspace.catalog, 300)
    workspace.store.save(PROGRAMS, programs)
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")  # at once, before the panel may be there
        for _ in range(50):
            await pilot.pause()
            panels = app.screen.query(ProgramsPanel)
            focused = app.screen.focused
            if panels and focused is not None and focused.id == "programs-table":
                break
        panel = app.screen.query_one(ProgramsPanel)
        table = panel.query_one("#programs-table")
        assert app.screen.focused is table
        assert table.row_count == 300
        count = str(panel.query_one("#programs-count").render())
        assert "300 of 300 programs shown" in count
        assert "target" in str(panel.query_one("#programs-compare").render())
        await pilot.press("s")  # the table takes keys: the status changes and is saved
        await pilot.pause()
        await app.workers.wait_for_complete()
        saved = workspace.reload_programs()
        assert saved.programs != programs.programs


async def test_assumptions_mounted_after_the_first_frame_show_when_asked_at_once(
    workspace: Any,
) -> None:
    """The Assumptions tab's list is mounted just after the pane's first frame (Lazy): asked
    for at once, it shows the estimate's assumptions as soon as it is there."""
    from matchtui.widgets.mix_warnings import AssumptionList

    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")  # at once, before the list may be there
        for _ in range(50):
            await pilot.pause()
            found = app.screen.query(AssumptionList)
            if found and "The estimate multiplies" in str(found.first().render()):
                break
        listing = app.screen.query_one(AssumptionList)
        shown = str(listing.render())
        assert "The estimate multiplies these factors" in shown
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        assert screen.result.assumptions[0].name in shown
        assert listing.region.height > 3  # on screen, in the tab
