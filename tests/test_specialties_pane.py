"""The Specialties pane driven with Pilot: what it computes and shows, and when it redraws."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import SelectionList, Static

from matchtui.app import MatchApp
from matchtui.engine.charts import chart_inputs, default_selection
from matchtui.models.profile import Profile
from matchtui.screens.specialties import SpecialtiesScreen
from matchtui.widgets.chart_draw import OVERHEAD_ROWS
from matchtui.widgets.chart_view import ChartView
from matchtui.widgets.mix_tabs import TabStrip
from matchtui.widgets.program_table import ProgramTable

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="specialties", today=TODAY)


def pane(app: MatchApp) -> SpecialtiesScreen:
    screen = app.screen
    assert isinstance(screen, SpecialtiesScreen)
    return screen


def chart(app: MatchApp) -> ChartView:
    return pane(app).query_one("#chart", ChartView)


def modified(profile: Profile, score: int | None, targets: list[str]) -> Profile:
    copy = profile.model_copy(deep=True)
    copy.exams.step2_score = score
    copy.targets.specialties = targets
    return copy


async def test_opens_on_the_score_chart_with_targets_preselected(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pane(app)
        profile = screen.profile
        expected = default_selection(profile, app.catalog)
        selection_list = screen.query_one("#spec-list", SelectionList)
        assert set(selection_list.selected) == set(expected)
        assert {"internal_medicine", "family_medicine"} <= set(selection_list.selected)
        inputs = screen.inputs
        assert inputs is not None
        assert inputs == chart_inputs("scores", app.catalog, profile, expected)
        assert inputs.ids == (
            "dermatology",
            "orthopaedic_surgery",
            "internal_medicine",
            "pediatrics",
        )
        assert inputs.marker == 238 and inputs.highlighted == ("internal_medicine",)
        # The chart shows exactly these inputs, each item on its own band.
        view = chart(app)
        assert view.inputs == inputs and view.builds == 1 and view.drawn == 4
        assert view.size.height >= 4 + OVERHEAD_ROWS
        # Table: every selected specialty, exact numbers, source and year.
        table = screen.query_one("#chart-table", ProgramTable)
        assert table.row_count == len(expected)
        at = [row.id for row in table.rows].index("internal_medicine")
        im = [c.plain for c in table.cells_at(at)]
        assert im[:6] == ["*Internal Medicine", "215", "225", "232", "240", "250"]
        assert "undated" in im and app.catalog.cite("article_match_back_home") in im
        messages = str(screen.query_one("#chart-messages", Static).render())
        assert "Family Medicine" in messages
        title = str(screen.query_one("#chart-title", Static).render())
        assert "illustrative" in title


async def test_keys_switch_charts_and_selections(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pane(app)
        await pilot.press("2")
        await pilot.pause()
        assert screen.chart_id == "means"
        assert screen.query_one("#chart-tabs", TabStrip).active == "chart-means"
        assert screen.inputs is not None and screen.inputs.kind == "dumbbell"
        await pilot.press("t")
        await pilot.pause()
        assert screen.inputs.ids == ("internal_medicine", "family_medicine")
        selection_list = screen.query_one("#spec-list", SelectionList)
        assert set(selection_list.selected) == {"internal_medicine", "family_medicine"}
        await pilot.press("a")
        await pilot.pause()
        assert len(screen.inputs.ids) == 22  # every specialty with Charting Outcomes means
        await pilot.press("r")
        await pilot.pause()
        assert set(screen.selected) == set(default_selection(screen.profile, app.catalog))
        for key, chart_id in zip("3456", ("reentry", "pd_factors", "fill", "regions"), strict=True):
            await pilot.press(key)
            await pilot.pause()
            assert screen.inputs.chart == chart_id
            assert chart(app).drawn == len(screen.inputs.bars) > 0


async def test_toggling_a_specialty_in_the_list_changes_the_chart(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pane(app)
        await pilot.press("2")
        selection_list = screen.query_one("#spec-list", SelectionList)
        selection_list.focus()
        await pilot.pause()
        index = next(
            i
            for i in range(selection_list.option_count)
            if selection_list.get_option_at_index(i).value == "internal_medicine"
        )
        selection_list.highlighted = index
        await pilot.press("space")
        await pilot.pause()
        assert screen.inputs is not None and "internal_medicine" not in screen.inputs.ids
        await pilot.press("space")
        await pilot.pause()
        assert "internal_medicine" in screen.inputs.ids


async def test_a_saved_profile_moves_the_marker_and_the_highlight(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pane(app)
        view = chart(app)
        before = screen.inputs
        assert before is not None and before.marker == 238
        builds = view.builds
        app.profile = modified(screen.profile, 261, ["dermatology", "pediatrics"])
        await pilot.pause()
        after = screen.inputs
        assert after is not None and after != before
        assert after.marker == 261
        assert after.highlighted == ("dermatology", "pediatrics")
        assert view.inputs == after and view.builds == builds + 1
        # The list marks the new targets and keeps them selected.
        selection_list = screen.query_one("#spec-list", SelectionList)
        assert {"dermatology", "pediatrics"} <= set(selection_list.selected)
        prompts = {
            selection_list.get_option_at_index(i).value: str(
                selection_list.get_option_at_index(i).prompt
            )
            for i in range(selection_list.option_count)
        }
        assert prompts["dermatology"].startswith("*")
        assert not prompts["internal_medicine"].startswith("*")
        # The other charts follow too.
        await pilot.press("3")
        await pilot.pause()
        assert screen.inputs is not None
        assert set(screen.inputs.highlighted) == {"dermatology", "pediatrics"}
        # Removing the score removes the marker and says why.
        await pilot.press("1")
        app.profile = modified(screen.profile, None, ["dermatology"])
        await pilot.pause()
        assert screen.inputs.marker is None
        assert "no Step 2 CK score" in str(screen.query_one("#chart-messages", Static).render())


async def test_chart_is_rebuilt_only_when_its_inputs_size_or_theme_change(
    workspace: Any,
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = chart(app)
        assert view.builds == 1
        key = view.key
        # Moving focus, refreshing and re-selecting the same chart do not rebuild.
        await pilot.press("tab", "tab", "shift+tab")
        view.refresh()
        await pilot.press("1")
        await pilot.pause()
        assert view.builds == 1 and view.key == key
        # Same selection set again (reset): still the same inputs.
        await pilot.press("r")
        await pilot.pause()
        assert view.builds == 1
        # A resize changes the key and rebuilds once.
        await pilot.resize_terminal(100, 34)
        await pilot.pause()
        assert view.builds == 2 and view.key != key
        # So does a theme change, and the legend takes the new theme's colours too.
        legend = pane(app).query_one("#chart-legend", Static)
        dark_styles = {str(span.style) for span in legend.content.spans}  # type: ignore[union-attr]
        app.theme = "textual-light"
        await pilot.pause()
        assert view.builds == 3
        assert view.key is not None and "textual-light" in view.key  # type: ignore[operator]
        light_styles = {str(span.style) for span in legend.content.spans}  # type: ignore[union-attr]
        assert light_styles != dark_styles


async def test_fits_80x24_without_dropping_items(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pane(app)
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
            inputs = screen.inputs
            assert inputs is not None
            view = chart(app)
            assert view.display
            assert view.drawn == len(inputs.bars)
            assert view.size.width >= 40
            assert view.size.height >= len(inputs.bars) + OVERHEAD_ROWS
        # Everything selected still draws every item (the pane scrolls).
        await pilot.press("2", "a")
        await pilot.pause()
        assert chart(app).drawn == len(screen.inputs.bars) == 22


async def test_no_selection_shows_a_message_not_a_broken_chart(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pane(app)
        screen.action_select("none")
        await pilot.pause()
        assert screen.inputs is not None and screen.inputs.bars == ()
        assert not chart(app).display
        assert "No specialty is selected" in str(
            screen.query_one("#chart-messages", Static).render()
        )
        # Charts that do not depend on the selection still draw.
        await pilot.press("4")
        await pilot.pause()
        assert chart(app).display and chart(app).drawn == 5


async def test_legend_follows_a_theme_changed_while_the_pane_was_away(workspace: Any) -> None:
    """Coming back with the same theme leaves the legend alone; with another theme (changed
    while another pane showed) it takes the new colours."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        legend = pane(app).query_one("#chart-legend", Static)
        before = legend.content
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert legend.content is before  # same theme: not rebuilt
        await pilot.press("f2")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        after = legend.content
        styles = {str(span.style) for span in after.spans}  # type: ignore[union-attr]
        assert styles != {str(span.style) for span in before.spans}  # type: ignore[union-attr]


async def test_the_table_follows_the_chart_and_takes_keys(workspace: Any) -> None:
    """The table (drawn line by line, as a DataTable drew it) changes with the chart: its
    columns, its rows; the cursor moves with the keys and starts again on a new chart."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#chart-table", ProgramTable)
        headers = [header for _, header, _ in table.columns]
        assert headers[0] == "Specialty" and "Median" in headers and headers[-1] == "Source"
        # every column as wide as its widest text
        for column, (_, header, width) in enumerate(table.columns):
            texts = [header] + [table.cells_at(row)[column].plain for row in range(table.row_count)]
            assert width == max(len(text) for text in texts), header
        table.focus()
        await pilot.press("down", "down")
        assert table.cursor == 2
        await pilot.press("3")  # the re-entry chart
        await pilot.pause()
        assert [header for _, header, _ in table.columns] != headers
        assert table.cursor == 0 and table.row_count
