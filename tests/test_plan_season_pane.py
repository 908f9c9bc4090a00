"""The Plan pane and the header with the season calendar: countdown, Match-year banner and its
one-key fix, pinned start warning, key dates with reliability, the column width after a save.
Every test pins today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import DataTable, Static, TabbedContent
from textual.widgets.data_table import ColumnKey, RowKey

from matchtui.app import MatchApp
from matchtui.models.profile import Profile
from matchtui.models.programs import ProgramList
from matchtui.widgets.pane_footer import PaneFooter
from matchtui.widgets.plan_gantt import (
    ITEM_COLUMN,
    MARK_WIDTH,
    STATUS_WIDTH,
    TITLE_MAX,
    PlanGantt,
)
from tests.test_plan_snapshots import sent_application


def make_app(workspace: Any, today: dt.date) -> MatchApp:
    return MatchApp(workspace, first_pane="plan", today=today)


def save_year(workspace: Any, demo_profile: Profile, year: int) -> None:
    workspace.save_profile(
        Profile.model_validate({**demo_profile.model_dump(), "cycle_year": year})
    )


async def test_header_counts_down_to_the_next_date(workspace: Any) -> None:
    app = make_app(workspace, dt.date(2027, 2, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert (
            app.screen.sub_title
            == "Plan · 2027: rank list deadline in 11 days (3 Mar 2027, expected)"
        )
        await pilot.press("f1")
        await pilot.pause()
        assert "rank list deadline in 11 days (3 Mar 2027" in app.screen.sub_title


async def test_a_passed_match_gets_a_banner_and_a_one_key_fix(
    workspace: Any, demo_profile: Profile
) -> None:
    save_year(workspace, demo_profile, 2026)
    # A program listed and none sent: a record that nothing went out this season.
    unsent = sent_application().model_copy(update={"status": "planned", "applied_on": None})
    workspace.save_programs(ProgramList(programs=[unsent]))
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#plan-banner", Static)
        assert banner.display
        text = str(banner.content)
        assert "2026 Match, which is over" in text and "Press y" in text and "2027" in text
        await pilot.press("y")
        await pilot.pause()
        assert app.profile is not None and app.profile.cycle_year == 2027
        assert workspace.load_profile().cycle_year == 2027  # saved through the Workspace
        # 2027 still takes newcomers, but its season may have gone on without the demo's
        # application (a program on its list, none sent): that is asked next.
        text = str(app.screen.query_one("#plan-banner", Static).content)
        assert "which is over" not in text and "Did the 2027 season go on without" in text
        assert "2027: rank list deadline in 93 days" in app.screen.sub_title
        screen: Any = app.screen
        assert str(screen.view.start) == "2026-02"  # the derived start followed


async def test_a_closed_match_is_pointed_out(workspace: Any) -> None:
    app = make_app(workspace, dt.date(2027, 3, 16))  # the demo aims at 2027, in SOAP days
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#plan-banner", Static).content)
        assert "no longer takes newcomers" in text and "2028" in text


async def test_no_banner_when_the_match_is_right(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[sent_application()]))
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#plan-banner", Static).display
        await pilot.press("y")  # nothing to fix: the key does nothing
        await pilot.pause()
        assert app.profile is not None and app.profile.cycle_year == 2027


async def test_pinned_start_that_no_longer_fits_is_flagged_and_d_unpins(
    workspace: Any, demo_profile: Profile
) -> None:
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")  # pin March 2026
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.start_month == "2026-03"
        app.profile = Profile.model_validate({**demo_profile.model_dump(), "cycle_year": 2028})
        await pilot.pause()
        text = str(app.screen.query_one("#plan-banner", Static).content)
        assert "does not fit the 2028 Match" in text and "Press d" in text
        await pilot.press("d")
        await pilot.pause()
        assert app.plan.timeline is not None and app.plan.timeline.start_month is None
        screen: Any = app.screen
        assert str(screen.view.start) == "2027-02"
        assert not app.screen.query_one("#plan-banner", Static).display


async def test_a_status_change_does_not_pin_the_start(workspace: Any) -> None:
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.start_month is None
    assert "start_month" not in (workspace.home / "plan.toml").read_text(encoding="utf-8")


async def test_key_dates_show_reliability_source_and_days(workspace: Any) -> None:
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-dates"
        await pilot.pause()
        table: DataTable[Any] = app.screen.query_one("#dates-table", DataTable)
        rows = {str(key.value): [str(c) for c in table.get_row(key)] for key in table.rows}
        week = rows["match_week_start_2027"]
        assert week[1] == "in 105 days" and week[3] == "2027 (yours)"
        assert week[4] == "third-party, unconfirmed"
        assert rows["soap_end_2027"][4] == "derived: our assumption"
        assert rows["match_day_2026"][4] == "official" and "ago" in rows["match_day_2026"][1]
        for cells in rows.values():
            assert "ahead" not in cells[1] and "last Match" not in cells[3]
            assert cells[4] and cells[5]  # every date names reliability and source


async def test_the_rank_list_deadline_gives_its_time_as_matchtui_dates_does(
    workspace: Any, capsys: Any
) -> None:
    """Found: the Key dates tab gave the rank list deadline as "3 Mar 2027" and the report's
    key dates too, where `matchtui dates` gives "3 Mar 2027, 9 p.m. EST". The tab writes it
    on two lines, the day over the time (the Date column keeps a day's width at 80 columns)."""
    from matchtui.cli import main

    today = dt.date(2026, 11, 30)
    app = make_app(workspace, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-dates"
        await pilot.pause()
        table: DataTable[Any] = app.screen.query_one("#dates-table", DataTable)
        cell = str(table.get_row("rank_deadline_2027")[0])
        assert table.rows[RowKey("rank_deadline_2027")].height == 2
        assert table.columns[ColumnKey("when")].get_render_width(table) == len("15 Sep 2026") + 2
    assert cell.splitlines() == ["3 Mar 2027,", "9 p.m. EST"]
    shown = " ".join(cell.splitlines())
    assert main(["--today", today.isoformat(), "dates"]) == 0
    assert f"Next deadline: Rank order list deadline (certify your list), {shown} (" in (
        capsys.readouterr().out
    )
    assert main(["--today", today.isoformat(), "report", "--format", "md"]) == 0
    assert f"| {shown} | Rank order list deadline (certify your list) |" in (
        capsys.readouterr().out
    )


async def test_at_80x24_the_key_dates_scroll_within_the_screen(workspace: Any) -> None:
    """Found at 80x24: the Key dates table ran on past the screen's foot and was clipped (the
    tab did not scroll), so the applicant's own Match's dates and the note under the table
    could not be seen at all, the cursor's row among them. The table now scrolls in the
    height the tab has, the next date of the Match at its head, and the note stays in sight."""
    # A program listed and none sent: the late-season banner above the tabs takes its lines.
    unsent = sent_application().model_copy(update={"status": "planned", "applied_on": None})
    workspace.save_programs(ProgramList(programs=[unsent]))
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "without your application" in str(app.screen.query_one("#plan-banner").render())
        app.screen.query_one(TabbedContent).active = "tab-dates"
        await pilot.pause()
        table: DataTable[Any] = app.screen.query_one("#dates-table", DataTable)
        footer = app.query_one(PaneFooter).region
        note = app.screen.query_one("#dates-note", Static).region
        assert table.region.bottom <= note.y and note.bottom <= footer.y

        def row_on_screen(index: int) -> bool:
            top = sum(row.height for row in table.ordered_rows[:index]) - table.scroll_y
            y = table.region.y + table.header_height + top
            return table.region.y + table.header_height <= y < table.region.bottom

        keys = [str(row.key.value) for row in table.ordered_rows]
        assert keys[table.cursor_row] == "ranking_opens_2027"  # the next date of the Match
        assert row_on_screen(table.cursor_row)
        assert not row_on_screen(table.cursor_row - 1)  # the past is above, a scroll away
        await pilot.press(*["down"] * (table.row_count - 1 - table.cursor_row))
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1 and row_on_screen(table.cursor_row)


async def test_items_column_keeps_its_width_after_a_save_elsewhere(
    workspace: Any, demo_profile: Profile
) -> None:
    """Bug: a profile save while the timeline was hidden rebuilt the chart for 80 columns."""
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gantt = app.screen.query_one(PlanGantt)
        wide = gantt.title_width
        assert wide == TITLE_MAX
        item_width = gantt.columns[ITEM_COLUMN].width
        assert item_width == MARK_WIDTH + STATUS_WIDTH + wide
        app.screen.query_one(TabbedContent).active = "tab-dates"  # the chart is hidden
        await pilot.pause()
        app.profile = Profile.model_validate(demo_profile.model_dump())  # a save elsewhere
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-timeline"
        await pilot.pause()
        assert gantt.title_width == wide
        assert gantt.columns[ITEM_COLUMN].width == item_width


async def test_the_one_key_fix_asks_when_the_profile_changed_elsewhere(
    workspace: Any, demo_profile: Profile
) -> None:
    """Another window saved profile.toml after the app read it: `y` shows the conflict dialog
    (it raised out of the pane and closed the app); Reload takes the file as it is on disk."""
    from matchtui.widgets.conflict import ConflictDialog
    from matchtui.workspace import Workspace

    save_year(workspace, demo_profile, 2026)
    app = make_app(workspace, dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        other = Workspace.from_options(str(workspace.store.home))
        theirs = Profile.model_validate({**demo_profile.model_dump(), "cycle_year": 2028})
        other.save_profile(theirs)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.click("#conflict-reload")
        await pilot.pause()
        assert app.return_code is None
        assert app.profile is not None and app.profile.cycle_year == 2028
    assert workspace.load_profile().cycle_year == 2028  # their version, not overwritten
