"""Reality check pane, driven with Pilot: rows show their rule and source; the pane follows the
shared profile and the saved program mix."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import DataTable, Static

from matchtui.app import MatchApp
from matchtui.models.plan import MixPlan, PlanFile
from matchtui.models.profile import Profile
from matchtui.widgets.rule_detail import RulePanel

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="reality", today=TODAY)


def panel_text(app: MatchApp) -> str:
    return str(app.screen.query_one("#rule-panel", RulePanel).render())


def column_labels(table: DataTable[Any]) -> list[str]:
    return [str(c.label) for c in table.ordered_columns]


async def test_demo_sections_are_filled(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        risk = screen.query_one("#risk-table", DataTable)
        assert column_labels(risk) == ["Factor", "Your value", "Level", "Why"]
        assert risk.row_count == 5
        assert "MODERATE" in str(screen.query_one("#risk-title", Static).render())
        assert "HIGH" in str(screen.query_one("#home-title", Static).render())
        assert screen.query_one("#arch-none", Static).display
        # letters, step 3, 2 specialties, cycles, the why-now story and plan B
        assert screen.query_one("#ready-table", DataTable).row_count == 7
        actions = screen.query_one("#actions-table", DataTable)
        assert actions.row_count == 4
        summary = str(screen.query_one("#reality-summary", Static).render())
        assert "MODERATE" in summary and "READY" in summary
        # The panel starts on the tier's own rule.
        assert "risk.tier" in panel_text(app)


async def test_selecting_a_row_shows_its_rule_and_source(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # jump to the risk table
        await pilot.pause()
        text = panel_text(app)
        assert "risk.years_since_graduation" in text
        assert "Residency Advisor" in text and "illustrative" in text
        assert "higher min: 5" in text  # the setting in words, not its key
        for _ in range(3):
            await pilot.press("down")
        await pilot.pause()
        text = panel_text(app)
        assert "risk.clinical_gap" in text
        assert "lower max since: 3" in text and "Assumed by matchtui" in text
        await pilot.press("a")
        await pilot.pause()
        text = panel_text(app)
        assert "actions.away_rotation" in text
        assert "back_home.away_planned" in text
        assert "Back-home article: getting back to a home region" in text


async def test_follows_the_shared_profile(workspace: Any, demo_profile: Profile) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        changed = demo_profile.model_copy(deep=True)
        changed.applicant.graduation_year = 2019
        changed.exams.step1_attempts = 2
        changed.targets.specialties = ["dermatology"]
        changed.clinical.role = "nonclinical"
        changed.clinical.months_last_24 = 0
        changed.clinical.months_since_last = 40
        app.profile = changed
        await pilot.pause()
        statement = screen.query_one("#risk-statement", Static)
        assert statement.display and "essay" in str(statement.render())
        assert "HIGH" in str(screen.query_one("#risk-title", Static).render())
        actions = screen.query_one("#actions-table", DataTable)
        first = str(actions.get_row_at(0)[1])
        assert "Change the target specialty" in first
        ready = screen.query_one("#ready-table", DataTable)
        derm = str(ready.get_row_at(2)[2])
        assert "More open: Internal Medicine, Family Medicine, Psychiatry" in derm


async def test_follows_the_saved_mix(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        mix = MixPlan(
            specialty="internal_medicine",
            applications=30,
            academic_pct=70,
            mid_tier_pct=20,
            community_pct=10,
            region_share_pct=80,
        )
        app.plan = PlanFile(mix=mix)
        await pilot.pause()
        table = screen.query_one("#arch-table", DataTable)
        assert table.display and table.row_count == 1
        assert "prestige gambler" in str(table.get_row_at(0)[0]).lower()
        assert "70% academic" in str(table.get_row_at(0)[1])
        assert "WARNINGS" in str(screen.query_one("#reality-summary", Static).render()).upper()


async def test_narrow_terminal_drops_the_value_column(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        risk = app.screen.query_one("#risk-table", DataTable)
        assert column_labels(risk) == ["Factor", "Level", "Why"]
        assert app.screen.has_class("-narrow")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        risk = app.screen.query_one("#risk-table", DataTable)
        assert column_labels(risk) == ["Factor", "Your value", "Level", "Why"]


async def test_student_sees_not_applicable(workspace: Any, demo_profile: Profile) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        student = demo_profile.model_copy(deep=True)
        student.applicant.situation = "in_school"
        student.applicant.training_region = "midwest"
        student.applicant.graduation_year = 2027
        app.profile = student
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#risk-table", DataTable).display
        assert "NOT APPLICABLE" in str(screen.query_one("#risk-title", Static).render())
        assert "graduates" in str(screen.query_one("#risk-reason", Static).render())


async def test_sections_below_the_first_screen_are_filled_just_after_it(
    workspace: Any, demo_profile: Profile
) -> None:
    # Readiness and next actions are filled just after the pane's first frame: a key pressed
    # at once still finds them filled, with the row's rule in the panel.
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        actions = screen.query_one("#actions-table", DataTable)
        assert actions.has_focus and actions.row_count == 4
        assert "actions.away_rotation" in panel_text(app)
        assert screen.query_one("#ready-table", DataTable).row_count == 7
        assert "matchtui paths" in str(screen.query_one("#reality-foot", Static).render())
        # Any later refresh redraws every section at once.
        changed = demo_profile.model_copy(deep=True)
        changed.targets.specialties = ["dermatology"]
        app.profile = changed
        assert "Change the target specialty" in str(actions.get_row_at(0)[1])
