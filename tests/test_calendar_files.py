"""Calendar files for the season: `matchtui dates --ics` writes the Match's dates (each marked
expected until official), and `programs export --ics` adds the day each waiting invitation must
be answered by. Before, the only calendar file held interview days: the rank-list deadline and
an invitation's answer-by day, the dates an applicant most needs reminding of, were in neither."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from matchtui.cli import main
from matchtui.models.programs import Program, ProgramList
from matchtui.store import PROGRAMS


def events_of(path: Path) -> list[Any]:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_seasons_dates_as_a_calendar(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "season.ics"
    assert main(["--today", "2026-12-04", "dates", "--year", "2027", "--ics", str(out)]) == 0
    assert "wrote the 2027 Match's 12 dates" in capsys.readouterr().out
    events = {str(e["uid"]): e for e in events_of(out)}
    deadline = events["2027-rank_deadline@matchtui"]
    # 9 p.m. Eastern (EST) on 3 March, written in UTC (tests/test_deadline_times.py)
    assert deadline.decoded("dtstart") == dt.datetime(2027, 3, 4, 2, 0, tzinfo=dt.UTC)
    assert str(deadline["summary"]).endswith("2027 Match (expected)")  # third-party, unconfirmed
    assert all(uid.startswith("2027-") for uid in events)  # only the Match asked for
    assert "Reliability: third-party" in str(deadline["description"])
    # An official date carries no "expected".
    out_2026 = tmp_path / "season-2026.ics"
    assert main(["dates", "--year", "2026", "--ics", str(out_2026)]) == 0
    match_day = next(e for e in events_of(out_2026) if "match_day" in str(e["uid"]))
    assert str(match_day["summary"]) == "Match Day (Friday of Match Week), 2026 Match"
    # No overwrite without --force; "-" writes to standard output.
    assert main(["dates", "--year", "2027", "--ics", str(out)]) == 2
    capsys.readouterr()
    assert main(["dates", "--year", "2027", "--ics", "-"]) == 0
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")


def test_an_invitation_waiting_for_an_answer_is_in_the_calendar(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.store.save(
        PROGRAMS,
        ProgramList(
            programs=[
                Program(
                    name="Lake IM",
                    state="WI",
                    specialty="internal_medicine",
                    tier="community",
                    status="invited",
                    invited_on=dt.date(2026, 11, 20),
                    respond_by=dt.date(2026, 12, 8),
                ),
            ]
        ),
    )
    out = tmp_path / "season.ics"
    assert main(["programs", "export", "--ics", str(out)]) == 0
    assert "wrote 0 interviews and 1 answer deadline" in capsys.readouterr().out
    (event,) = events_of(out)
    assert str(event["summary"]) == "Answer the interview invitation: Lake IM"
    assert event.decoded("dtstart") == dt.date(2026, 12, 8)
