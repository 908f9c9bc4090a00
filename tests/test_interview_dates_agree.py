"""Dates that contradict each other, accepted.

Found by an auditor: `programs set "Baltimore ..." --stage interviewed --date 2026-12-01` was
accepted while the interview stayed booked for 2027-01-12, and `programs export --ics` still
wrote an in-person interview on 2027-01-12. An applicant who says the interview was held on 1
December means it was held then: the booked day follows (and the message says it moved), and
the calendar writes the day it was held. And `--stage ranked` on 5 December 2026 was accepted
although programs can only be ranked from 1 February 2027 (dates.toml, `ranking_opens`): now
refused, naming that date and where it comes from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.programs import to_ics
from matchtui.engine.tracker import MoveError, interview_day, move, moved_note, ranking_opens
from matchtui.models.programs import Program, ProgramList

TODAY = dt.date(2026, 12, 5)
BALTIMORE = Program(
    name="Baltimore Academic IM",
    city="Baltimore",
    state="MD",
    specialty="internal_medicine",
    tier="academic",
    nrmp_code="1000444C0",
    status="scheduled",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2026, 11, 25),
    interview_on=dt.date(2027, 1, 12),
    interview_format="in_person",
)


def ics_days(text: str) -> list[dt.date]:
    return [event.decoded("dtstart") for event in Calendar.from_ical(text).walk("VEVENT")]


def test_interviewed_on_another_day_moves_the_booked_day(catalog: Catalog) -> None:
    held = move(BALTIMORE, "interviewed", dt.date(2026, 12, 1), today=TODAY)
    assert (held.interviewed_on, held.interview_on) == (dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert moved_note(BALTIMORE, held) == (
        " (interview date moved from 2027-01-12 to 2026-12-01, the day it was held)"
    )
    stamp = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    assert ics_days(to_ics(ProgramList(programs=[held]), catalog, stamp)) == [dt.date(2026, 12, 1)]
    # the same day as booked: nothing moved, nothing said
    on_the_day = move(BALTIMORE, "interviewed", dt.date(2027, 1, 12), today=dt.date(2027, 1, 12))
    assert on_the_day.interview_on == dt.date(2027, 1, 12)
    assert moved_note(BALTIMORE, on_the_day) == ""


def test_a_file_that_already_disagrees_exports_the_day_it_was_held(catalog: Catalog) -> None:
    """A list saved before (or imported) with both days: the day held wins."""
    both = BALTIMORE.model_copy(
        update={"status": "interviewed", "interviewed_on": dt.date(2026, 12, 1)}
    )
    assert interview_day(both) == dt.date(2026, 12, 1)
    assert interview_day(BALTIMORE) == dt.date(2027, 1, 12)
    stamp = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    assert ics_days(to_ics(ProgramList(programs=[both]), catalog, stamp)) == [dt.date(2026, 12, 1)]


def test_the_command_says_the_day_moved_and_the_calendar_agrees(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.save_programs(ProgramList(programs=[BALTIMORE]))
    args = ["--today", TODAY.isoformat(), "programs", "set", "Baltimore Academic IM"]
    assert main([*args, "--stage", "interviewed", "--date", "2026-12-01"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Baltimore Academic IM: interviewed (interview date moved from 2027-01-12 to "
        "2026-12-01, the day it was held)"
    )
    assert main(["--today", TODAY.isoformat(), "programs", "export", "--ics", "-"]) == 0
    text = capsys.readouterr().out
    assert ics_days(text) == [dt.date(2026, 12, 1)]
    assert "20270112" not in text


def test_ranked_before_ranking_opens_is_refused_naming_the_date(catalog: Catalog) -> None:
    opens = ranking_opens(catalog, 2027)
    assert opens.date == dt.date(2027, 2, 1)
    held = move(BALTIMORE, "interviewed", dt.date(2026, 12, 1), today=TODAY)
    with pytest.raises(MoveError) as caught:
        move(held, "ranked", today=TODAY, ranking=opens)
    message = str(caught.value)
    assert "ranked on 2026-12-05 comes before ranking opens for the 2027 Match on 1 Feb 2027" in (
        message
    )
    assert "dates.toml, event 'ranking_opens'" in message
    assert "source calendar_2027_third_party" in message
    later = move(held, "ranked", today=dt.date(2027, 2, 3), ranking=opens)
    assert later.ranked_on == dt.date(2027, 2, 3)


def test_the_command_refuses_ranked_before_ranking_opens(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.load_profile()  # the demo profile: the 2027 Match
    held = move(BALTIMORE, "interviewed", dt.date(2026, 12, 1), today=TODAY)
    workspace.save_programs(ProgramList(programs=[held]))
    args = ["--today", TODAY.isoformat(), "programs", "set", "1000444C0", "--stage", "ranked"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "comes before ranking opens for the 2027 Match on 1 Feb 2027" in err
    assert "dates.toml" in err
    assert workspace.load_programs().programs[0].status == "interviewed"
    assert main([*args[:1], "2027-02-02", *args[2:]]) == 0
    assert workspace.load_programs().programs[0].ranked_on == dt.date(2027, 2, 2)


async def test_the_pane_moves_the_booked_day_with_an_interview_held_earlier(
    workspace: Any,
) -> None:
    from textual.widgets import Input

    from matchtui.app import MatchApp

    workspace.save_programs(ProgramList(programs=[BALTIMORE]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#stage-date", Input).value = "2026-12-01"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    saved = workspace.load_programs().programs[0]
    assert (saved.status, saved.interviewed_on, saved.interview_on) == (
        "interviewed",
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 1),
    )
