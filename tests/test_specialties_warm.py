"""The chart the Specialties pane opens on is built ahead, at idle, by `SpecialtiesScreen.warm_data`
(the app's preload thread), at the sizes the pane gives it; the first visit draws that figure
without building one, and the figure is the one a build on the spot makes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual_plotext import Plot

from matchtui.app import MatchApp
from matchtui.screens.specialties import SpecialtiesScreen
from matchtui.widgets import chart_view
from matchtui.widgets.chart_view import (
    ChartView,
    plotext_theme_name,
    register_plotext_theme,
    theme_palette,
)

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_first_visit_draws_the_chart_built_ahead(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    built: list[tuple[int, int]] = []
    draw = chart_view.draw

    def counting(plt: Any, inputs: Any, palette: Any, width: int, height: int) -> int:
        built.append((width, height))
        count: int = draw(plt, inputs, palette, width, height)
        return count

    monkeypatch.setattr(chart_view, "draw", counting)
    monkeypatch.setattr(chart_view, "_figures", [])
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        SpecialtiesScreen.warm_data(app)
        ahead = list(built)
        assert len(ahead) == 2  # with and without the scroll area's scrollbar
        app.action_show_pane("specialties")
        await pilot.pause(0.3)
        view = app.screen.query_one("#chart", ChartView)
        assert view.inputs is not None and view.builds >= 1
        assert (view.size.width, view.size.height) in ahead
        assert built == ahead  # nothing built by the visit
        # The figure drawn is the one a build on the spot makes.
        plt = Plot()
        plt.theme(plotext_theme_name(app.theme))
        drawn = draw(plt, view.inputs, theme_palette(app), view.size.width, view.size.height)
        fresh = chart_view.ansi_content(plt.build(), app.ansi_theme)
        assert view.render() == fresh and view.drawn == drawn


async def test_the_warm_up_registers_the_theme_as_a_chart_does(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="specialties", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        name = plotext_theme_name(app.theme)
        registered = chart_view.plotext_themes[name]  # by the pane's ChartView, as it mounted
        del chart_view.plotext_themes[name]
        try:
            assert register_plotext_theme(app) == name
            assert chart_view.plotext_themes[name] == registered
        finally:
            chart_view.plotext_themes[name] = registered
