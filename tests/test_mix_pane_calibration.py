"""The Mix pane shows the calibrated estimate: the range first, words saying which figure is
"anywhere in the specialty" and which "in your target region", and the Assumptions tab holds the
same calibration table as `matchtui calibrate` (the same engine function)."""

from __future__ import annotations

from typing import Any

from matchtui.app import MatchApp
from matchtui.engine.calibrate import calibration_table
from matchtui.engine.wording import percent_span
from matchtui.screens.mix import MixScreen
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.widgets.mix_warnings import AssumptionList
from tests.test_mix_pane import TODAY


async def test_range_comes_first_with_words_for_each_figure(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        result = screen.result
        lines = screen.query_one(EstimatePanel).plain_lines
        first = lines[0]
        assert first.startswith("Anywhere")
        assert first.index(percent_span(*result.p_match_range)) < first.index("point")
        assert "anywhere in Internal Medicine" in first
        assert result.p_match_in_region_range is not None
        assert percent_span(*result.p_match_in_region_range) in lines[1]
        assert "in your target region" in lines[1]
        assert "incl. SOAP" in lines[2]


async def test_assumptions_tab_shows_the_calibration_table(workspace: Any, catalog: Any) -> None:
    """The first visit starts the table in a thread (about a second) and shows it when ready;
    the slider path never computes it."""
    from matchtui.engine import calibrate

    calibrate._TABLES.clear()
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert calibrate.cached_calibration_table(catalog) is None  # not at start-up
        await pilot.press("a")
        await pilot.pause()
        widget = app.screen.query_one(AssumptionList)
        first = str(widget.render())
        assert "Computing the table" in first or "co2024_internal_medicine" in first
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(widget.render())
        assert "Calibration (as matchtui calibrate)" in text
        assert "Computing the table" not in text
        for row in calibration_table(catalog):
            assert row.id in text
