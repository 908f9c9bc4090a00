"""The plan the Plan pane opens on is worked out ahead, at idle, by `PlanScreen.warm_data` (the
app's preload thread); the first visit takes it ready, and anything that changes the plan's
inputs afterwards works it out again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.app import MatchApp
from matchtui.engine.plan import plan_for
from matchtui.screens import plan as plan_screen
from matchtui.screens.plan import PlanScreen
from matchtui.widgets.plan_gantt import PlanGantt

TODAY = dt.date(2026, 11, 23)


async def test_the_first_visit_takes_the_plan_worked_out_ahead(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        views = plan_screen._VIEWS
        views.clear()
        PlanScreen.warm_data(app)
        computed = views.computed
        assert computed >= 1
        app.action_show_pane("plan")
        await pilot.pause(0.2)
        screen: Any = app.screen
        assert isinstance(screen, PlanScreen)
        assert views.computed == computed  # taken ready, not worked out again
        sent = app.applications_count()  # no program list: none sent
        assert sent == 0
        expected = plan_for(app.profile, app.catalog, app.plan, TODAY, sent)  # type: ignore[arg-type]
        assert screen.view == expected
        assert screen.query_one(PlanGantt).view == expected
        # A new start month is a new plan: worked out again, and shown.
        await pilot.press("right_square_bracket")
        await pilot.pause(0.2)
        assert views.computed == computed + 1
        assert screen.view is not None and screen.view.start == expected.start.add(1)
