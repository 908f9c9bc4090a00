"""Late-season reminders that had gone stale.

Found by an auditor on 20 March 2027, the day after the 2027 Match Day: `programs summary` still
said "Answer invitation ... 101 days overdue" and "Thank-you not sent" six times, and the Plan
kept "Submit ERAS early with a broad list" overdue although the program list showed 30
applications sent. After Match Day the interview season's reminders stop and are counted once;
a plan item whose done-condition the program list meets (timeline.toml `done_when =
"applications_sent"`) is shown done, with the count.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.plan import applications_count, plan_for
from matchtui.engine.report import build_report, to_markdown
from matchtui.engine.tracker import match_day_of, today_view
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.plan_gantt import PlanGantt

AFTER = dt.date(2027, 3, 20)


def program(name: str, **changes: Any) -> Program:
    base: dict[str, Any] = {
        "name": name,
        "state": "OH",
        "specialty": "internal_medicine",
        "tier": "community",
        "applied_on": dt.date(2026, 9, 2),
    }
    return Program.model_validate({**base, **changes})


def season() -> list[Program]:
    return [
        program(
            "Columbus IM",
            status="invited",
            invited_on=dt.date(2026, 11, 20),
            respond_by=dt.date(2026, 12, 8),
        ),
        program(
            "Cleveland IM",
            status="interviewed",
            invited_on=dt.date(2026, 10, 1),
            interview_on=dt.date(2026, 11, 5),
            interviewed_on=dt.date(2026, 11, 5),
        ),
        program(
            "St. Louis IM",
            status="scheduled",
            invited_on=dt.date(2026, 10, 1),
            interview_on=dt.date(2026, 11, 19),
        ),
        program("Houston IM", status="applied"),
        program("Akron IM", applied_on=None),  # planned: not sent
    ]


def test_after_match_day_the_reminders_are_counted_once(catalog: Catalog) -> None:
    match_day = match_day_of(catalog, 2027)
    assert match_day.date == dt.date(2027, 3, 19)
    after = today_view(season(), dt.datetime.combine(AFTER, dt.time(9)), match_day=match_day)
    assert (after.waiting, after.thank_you_due, after.passed, after.upcoming) == ((), (), (), ())
    over = after.season_over
    assert over is not None
    assert (over.unanswered, over.unrecorded, over.thanks) == (1, 1, 1)
    assert over.text() == (
        "The 2027 Match took place on 19 Mar 2027, so the interview season's reminders stop "
        "here. Left as they were on your list: 1 invitation never answered, 1 booked interview "
        "never recorded as held and 1 thank-you note not sent; none of it can change that "
        "Match now."
    )
    # On Match Day itself, the season is still on
    on_the_day = dt.datetime.combine(match_day.date, dt.time(9))
    still = today_view(season(), on_the_day, match_day=match_day)
    assert still.season_over is None and len(still.waiting) == 1 and len(still.thank_you_due) == 1


def test_the_summary_stops_the_reminders_after_match_day(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.load_profile()  # the demo profile: the 2027 Match
    workspace.save_programs(ProgramList(programs=season()))
    assert main(["--today", AFTER.isoformat(), "programs", "summary"]) == 0
    out = capsys.readouterr().out
    assert "overdue" not in out and "Thank-you not sent" not in out
    assert "Interview date passed" not in out
    assert "The 2027 Match took place on 19 Mar 2027" in out
    assert main(["--today", "2027-03-01", "programs", "summary"]) == 0
    before = capsys.readouterr().out
    assert "Answer invitation: Columbus IM (82 days overdue)" in before
    assert "Thank-you not sent: Cleveland IM" in before


async def test_the_today_tab_after_match_day(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    app = MatchApp(workspace, first_pane="applications", today=AFTER)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        text = app.screen.query_one("#apps-today-text").plain  # type: ignore[attr-defined]
        assert "The season is over" in text
        assert "The 2027 Match took place on 19 Mar 2027" in text
        assert "Thank-you notes not sent" not in text and "overdue" not in text


def test_the_plan_ticks_submit_eras_from_the_program_list(
    catalog: Catalog, demo_profile: Profile
) -> None:
    sent = applications_count(season())
    assert sent == 4  # the planned one is not sent
    day = dt.date(2026, 12, 5)
    ticked = plan_for(demo_profile, catalog, None, day, sent).row("submit_eras")
    assert ticked is not None
    assert (ticked.state, ticked.profile_done, ticked.status) == ("done", True, "todo")
    assert ticked.done_by == "your program list shows 4 applications sent"
    assert ticked.done_from == "program list"
    for none in (0, None):
        row = plan_for(demo_profile, catalog, None, day, none).row("submit_eras")
        assert row is not None and row.state == "overdue" and row.done_by == ""
    report = to_markdown(
        build_report(
            demo_profile,
            catalog,
            today=day,
            plan=None,
            practice=None,
            programs=ProgramList(programs=season()),
        )
    )
    assert (
        "| Submit ERAS early with a broad list | Aug-Sep 2026 | done (program list) | done |"
        in (report)
    )


async def test_the_plan_pane_shows_the_count_that_ticks_it(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    app = MatchApp(workspace, first_pane="plan", today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        row = screen.view.row("submit_eras")
        assert row is not None and row.state == "done"
        gantt.move_cursor(gantt._keys.index("submit_eras"))
        await pilot.pause()
        detail = screen.query_one("#item-detail").render().plain
        assert "(your program list shows 4 applications sent)" in detail
