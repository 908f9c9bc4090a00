"""The Plan pane driven with Pilot: checking items, notes, the start month, persistence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.style import Style
from textual.widgets import DataTable, Input, Static, TabbedContent

from matchtui.app import MatchApp
from matchtui.models.plan import MixPlan, PlanFile
from matchtui.models.profile import Profile
from matchtui.widgets.plan_gantt import (
    ITEM_COLUMN,
    MARK_WIDTH,
    MONTH_WIDTH,
    MONTHS_COLUMN,
    STATUS_WIDTH,
    PlanGantt,
)
from matchtui.widgets.plan_sections import routes_text
from matchtui.widgets.text_standin import field_at, real_field

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="plan", today=TODAY)


def rendered(widget: Static, width: int = 100) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


async def test_status_and_note_persist_across_restarts(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gantt = app.screen.query_one(PlanGantt)
        assert gantt.has_focus
        assert gantt.current_key() == "reality_sheet"
        await pilot.press("space")  # to do -> doing
        await pilot.pause()
        await pilot.press("space")  # doing -> done
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("space")  # clinical_role -> doing
        await pilot.press("n")
        await pilot.pause()
        note = app.screen.query_one("#item-note", Input)
        assert note.has_focus
        await pilot.press(*"CRC job since 2024", "enter")
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        items = app.plan.timeline.items
        assert items["reality_sheet"].status == "done"
        assert items["clinical_role"].status == "doing"
        assert items["clinical_role"].note == "CRC job since 2024"
    assert (home / "plan.toml").exists()

    again = make_app(workspace)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = again.screen
        assert screen.view.row("reality_sheet").status == "done"
        assert screen.view.row("clinical_role").status == "doing"
        assert screen.view.row("clinical_role").note == "CRC job since 2024"
        assert screen.view.start == screen.view.months[0]
        gantt = screen.query_one(PlanGantt)
        item_cell = gantt.get_cell("reality_sheet", ITEM_COLUMN)  # marks, status, title
        assert item_cell.plain[MARK_WIDTH : MARK_WIDTH + STATUS_WIDTH].strip() == "[x]"


async def test_enter_on_an_item_cycles_its_status(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.items["reality_sheet"].status == "doing"


async def test_start_month_keys_and_input(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert field_at(screen, "#start-month").value == "2026-02"
        start = await real_field(screen, "#start-month")  # as reached by the applicant
        assert start.value == "2026-02"  # the data's default for the 2027 Match
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.start_month == "2026-03"
        assert start.value == "2026-03"
        assert str(screen.view.row("reality_sheet").first) == "2026-03"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.plan.timeline.start_month == "2026-01"
        # typing a month
        start.focus()
        start.value = ""
        await pilot.press(*"2025-10", "enter")
        await pilot.pause()
        assert app.plan.timeline.start_month == "2025-10"
        assert screen.query_one(PlanGantt).has_focus
        # a bad month is refused with a message, nothing saved
        start.focus()
        start.value = ""
        await pilot.press(*"2025-13", "enter")
        await pilot.pause()
        assert app.plan.timeline.start_month == "2025-10"
        assert any("2025-13" in str(n.message) for n in app._notifications)


async def test_saving_keeps_the_program_mix(workspace: Any) -> None:
    mix = MixPlan(
        specialty="internal_medicine",
        applications=50,
        academic_pct=10,
        mid_tier_pct=30,
        community_pct=60,
        region_share_pct=40,
    )
    workspace.save_plan(PlanFile(mix=mix))
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
    loaded = workspace.load_plan()
    assert loaded.mix == mix
    assert loaded.timeline.items["reality_sheet"].status == "doing"


async def test_overdue_and_marked_items_stand_out(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        for row in screen.view.rows:
            mark = gantt.get_cell(row.id, ITEM_COLUMN).plain[:MARK_WIDTH]
            assert (mark[0] == "\u2605") == bool(row.marked), row.id
            assert (mark[1] == "!") == (row.state == "overdue"), row.id
        assert screen.view.overdue and screen.view.marked
        summary = rendered(screen.query_one("#plan-summary", Static))
        assert f"!{len(screen.view.overdue)} overdue" in summary
        # today's month is highlighted in the header (the months are one column, 4 cells each)
        months = gantt.columns[MONTHS_COLUMN].label
        offset = MONTH_WIDTH * screen.view.months.index(screen.view.today_month)
        assert months.plain[offset : offset + MONTH_WIDTH] == "Nov "
        styles = [span.style for span in months.spans if span.start <= offset < span.end]
        assert any(isinstance(style, Style) and style.reverse for style in styles)


async def test_plan_b_shows_the_applicants_own_text_literally(
    workspace: Any, demo_profile: Profile
) -> None:
    data = demo_profile.model_dump()
    data["narrative"]["plan_b"] = "[bold red]Research[/] leadership \x1b[31m if [link=x]no[/link]"
    workspace.save_profile(Profile.model_validate(data))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", "t")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-planb"
        text = rendered(app.screen.query_one("#planb-text", Static), width=200)
        assert "[bold red]Research[/] leadership" in text
        assert "[link=x]no[/link]" in text
        assert "\x1b" not in text
        assert "Clinical research leadership" in text  # the data's paths
        assert "cycle 2" in text


async def test_profile_change_updates_the_plan(workspace: Any, demo_profile: Profile) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert [t.id for t in screen.view.tracks] == ["reentry", "back_home"]
        data = demo_profile.model_dump()
        data["applicant"].update(situation="in_training", training_region="midwest")
        app.profile = Profile.model_validate(data)
        await pilot.pause()
        assert [t.id for t in screen.view.tracks] == ["season"]
        assert "regional_letter" not in screen.query_one(PlanGantt).rows


async def test_each_item_bar_covers_exactly_its_months(workspace: Any) -> None:
    """The months are one column: each month is MONTH_WIDTH cells of it, a bar where the item
    runs (a background colour), nothing (or today's dotted line) elsewhere."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        view = screen.view
        assert len(gantt.columns) == 2  # the item (marks, status, title), the months
        assert gantt.columns[MONTHS_COLUMN].width == MONTH_WIDTH * len(view.months)
        for row in view.rows:
            cells = gantt.get_cell(row.id, MONTHS_COLUMN).text
            assert len(cells.plain) == MONTH_WIDTH * len(view.months)
            for index, month in enumerate(view.months):
                offset = MONTH_WIDTH * index
                styles = [s.style for s in cells.spans if s.start <= offset < s.end]
                barred = any(isinstance(s, Style) and s.bgcolor is not None for s in styles)
                assert barred == row.covers(month), (row.id, str(month))
                if not barred:
                    today = month == view.today_month
                    assert cells.plain[offset] == ("\u2506" if today else " ")


async def test_item_cell_holds_marks_status_and_title_in_their_widths(workspace: Any) -> None:
    """The item column is the marks (2 cells), the status box (4) and the title, padded to
    the title width; the status box follows a status change."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        width = MARK_WIDTH + STATUS_WIDTH + gantt.title_width
        assert gantt.columns[ITEM_COLUMN].width == width
        for row in screen.view.rows:
            plain = gantt.get_cell(row.id, ITEM_COLUMN).plain
            assert len(plain) == width, row.id
            assert plain[MARK_WIDTH + STATUS_WIDTH :].startswith(row.title[:10]), row.id
        assert gantt.current_key() == "reality_sheet"
        before = gantt.get_cell("reality_sheet", ITEM_COLUMN).plain[MARK_WIDTH:][:STATUS_WIDTH]
        assert before == "[ ] "
        await pilot.press("space")  # to do -> doing
        await pilot.pause()
        after = gantt.get_cell("reality_sheet", ITEM_COLUMN).plain[MARK_WIDTH:][:STATUS_WIDTH]
        assert after == "[~] "


async def test_tabs_out_of_sight_show_the_current_plan_when_switched_to(
    workspace: Any, demo_profile: Profile
) -> None:
    """Routes, Plan B and Key dates are filled when shown: each shows the plan as it is then,
    including a profile change made while another tab was showing."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        tabs = screen.query_one(TabbedContent)
        tabs.active = "tab-dates"
        await pilot.pause()
        table = screen.query_one("#dates-table", DataTable)
        assert table.row_count == len(screen.view.key_dates) > 0
        tabs.active = "tab-timeline"
        await pilot.pause()
        data = demo_profile.model_dump()
        data["narrative"]["plan_b"] = "Lazy tab marker: research coordinator"
        app.profile = Profile.model_validate(data)  # a save elsewhere, Plan B out of sight
        await pilot.pause()
        await pilot.press("t", "t")
        await pilot.pause()
        assert tabs.active == "tab-planb"
        text = rendered(screen.query_one("#planb-text", Static), width=200)
        assert "Lazy tab marker: research coordinator" in text
        tabs.active = "tab-routes"
        await pilot.pause()
        routes = rendered(screen.query_one("#routes-text", Static), width=200)
        assert routes.strip()
        assert routes == rendered(
            Static(routes_text(screen.view, screen.palette, app.catalog.cite)), width=200
        )


async def test_every_month_shows_at_80_columns(workspace: Any) -> None:
    """The title column gave way no further than 22 cells, so at 80 columns a plan of 14
    months ran under the scroll bar: the last month (the Match itself: Match Day and SOAP) was
    cut off, or showed as "Fe"."""
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        assert len(screen.view.months) >= 13
        assert gantt.virtual_size.height > gantt.size.height  # the scroll bar shows
        assert gantt.max_scroll_x == 0
