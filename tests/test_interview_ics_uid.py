"""The interview calendar keeps one event per interview.

Found by an auditor: moving "Tiny Rural FM" from 15 to 18 December changed the exported
event's UID (`...-2026-12-15@matchtui` to `...-2026-12-18@matchtui`), so importing the file
again left the old interview in the calendar beside the new one; and a withdrawn interview just
vanished from the file, so the calendar kept it. Now each event's UID is the program's, whatever
the date (engine.programs.ics_uid), its SEQUENCE grows with each export, and an interview
turned down or withdrawn is written as cancelled (STATUS:CANCELLED) under the same UID.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar

from matchtui.catalog import Catalog
from matchtui.engine.programs import to_ics
from matchtui.engine.tracker import move
from matchtui.models.programs import Program, ProgramList

TODAY = dt.date(2026, 12, 1)
TINY = Program(
    name="Tiny Rural FM",
    city="Elko",
    state="NV",
    specialty="family_medicine",
    tier="community",
    status="invited",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2026, 11, 20),
    respond_by=dt.date(2026, 12, 4),
)


def _events(program: Program, catalog: Catalog, stamp: dt.datetime) -> list[Any]:
    text = to_ics(ProgramList(programs=[program]), catalog, stamp)
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_a_moved_interview_keeps_its_uid_and_supersedes_the_old_one(catalog: Catalog) -> None:
    first_stamp = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    later_stamp = dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)
    booked = move(TINY, "scheduled", dt.date(2026, 12, 15), today=TODAY)
    moved = move(booked, "scheduled", dt.date(2026, 12, 18), today=TODAY)
    (before,) = _events(booked, catalog, first_stamp)
    (after,) = _events(moved, catalog, later_stamp)
    assert after.decoded("dtstart") == dt.date(2026, 12, 18)
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    # another program: another UID
    other = booked.model_copy(update={"name": "Big City FM"})
    assert str(_events(other, catalog, first_stamp)[0]["uid"]) != str(before["uid"])
    # an NRMP code added later does not change it either
    coded = moved.model_copy(update={"nrmp_code": "1234120C0"})
    assert str(_events(coded, catalog, later_stamp)[0]["uid"]) == str(before["uid"])


def test_a_withdrawn_interview_is_written_as_cancelled(catalog: Catalog) -> None:
    stamp = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    booked = move(TINY, "scheduled", dt.date(2026, 12, 15), today=TODAY)
    gone = move(booked, "withdrawn", dt.date(2026, 12, 3), today=dt.date(2026, 12, 3))
    (held,) = _events(booked, catalog, stamp)
    (cancelled,) = _events(gone, catalog, stamp + dt.timedelta(days=2))
    assert str(cancelled["uid"]) == str(held["uid"])
    assert str(cancelled["status"]) == "CANCELLED" and "STATUS" not in held
    assert int(cancelled["sequence"]) > int(held["sequence"])
    assert str(cancelled["summary"]).startswith("Cancelled: Interview: Tiny Rural FM")


def test_an_answer_deadline_keeps_its_uid_when_it_moves(catalog: Catalog) -> None:
    stamp = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    (first,) = _events(TINY, catalog, stamp)
    later = TINY.model_copy(update={"respond_by": dt.date(2026, 12, 6)})
    (second,) = _events(later, catalog, stamp)
    assert str(first["uid"]) == str(second["uid"])
    assert second.decoded("dtstart") == dt.date(2026, 12, 6)
