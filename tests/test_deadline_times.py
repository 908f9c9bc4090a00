"""A deadline's time of day: the 2027 rank order list deadline is 9 p.m. Eastern (the third-party
calendar, FIGURES.md), but `dates`, the header and the calendar file gave only the day (the file
an all-day event with no zone), the hour left to the event's description. The time is now data
(dates.toml `at`: time, IANA zone, source), shown by `dates` and the header, and written to the
.ics at that moment (UTC). A date whose source gives no time stays an all-day date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.cli import main
from matchtui.engine.calendar import countdown, season_date, season_dates, season_ics
from matchtui.errors import FileProblems

D = dt.date
EASTERN = ZoneInfo("America/New_York")
UTC = dt.UTC


def data_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the bundled data with one change to dates.toml."""
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    text = (folder / "dates.toml").read_text(encoding="utf-8")
    assert old in text
    (folder / "dates.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def vevents(text: str) -> dict[str, Any]:
    calendar = Calendar.from_ical(text)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


# --- the data and the engine ---------------------------------------------------------------


def test_the_2027_rank_deadline_is_9pm_eastern_standard_time(catalog: Catalog) -> None:
    deadline = season_date(catalog, 2027, "rank_deadline")
    assert deadline.at is not None
    assert deadline.at.source == "calendar_2027_third_party"  # the time's own source
    assert deadline.at.reliability == "third_party"
    moment = deadline.moment
    assert moment == dt.datetime(2027, 3, 3, 21, 0, tzinfo=EASTERN)
    assert moment is not None and moment.utcoffset() == dt.timedelta(hours=-5)  # EST
    assert moment.astimezone(UTC) == dt.datetime(2027, 3, 4, 2, 0, tzinfo=UTC)
    assert deadline.time_label == "9 p.m. EST"
    assert deadline.day_and_time == "3 Mar 2027, 9 p.m. EST"


def test_a_date_whose_source_gives_no_time_stays_a_date(catalog: Catalog) -> None:
    for year in (2026, 2027, 2028):
        for date in season_dates(catalog, year):
            if date.id != "rank_deadline":
                assert date.at is None and date.moment is None, date
                assert date.time_label == "" and date.day_and_time.endswith(str(date.date.year))


def test_a_derived_deadline_carries_the_time_as_an_assumption(catalog: Catalog) -> None:
    deadline = season_date(catalog, 2028, "rank_deadline")
    assert deadline.derived and deadline.date == D(2028, 3, 1)
    assert deadline.at is not None and deadline.at.reliability == "assumption"
    assert deadline.time_label == "9 p.m. EST"


def test_the_zone_abbreviation_follows_summer_time() -> None:
    from matchtui.engine.calendar import clock_label, moment_of
    from matchtui.models.calendar import ClockTime

    nine_pm = ClockTime(
        time=dt.time(21, 0), zone="America/New_York", source="x", reliability="assumption"
    )
    before, after = moment_of(D(2027, 3, 3), nine_pm), moment_of(D(2027, 3, 17), nine_pm)
    assert before.utcoffset() == dt.timedelta(hours=-5)  # EST until 14 Mar 2027
    assert after.utcoffset() == dt.timedelta(hours=-4)  # EDT from 14 Mar 2027
    assert (clock_label(before), clock_label(after)) == ("9 p.m. EST", "9 p.m. EDT")
    assert clock_label(dt.datetime(2027, 3, 19, 12, 0, tzinfo=EASTERN)) == "noon EDT"
    assert clock_label(dt.datetime(2027, 3, 19, 8, 30, tzinfo=EASTERN)) == "8:30 a.m. EDT"


def test_a_zone_that_is_not_one_is_refused(tmp_path: Path) -> None:
    folder = data_with(tmp_path, 'zone = "America/New_York"', 'zone = "Eastern"')
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    assert "'Eastern' is not a time zone name" in str(caught.value.problems)


# --- the header ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "line"),
    [
        (D(2027, 3, 3), "2027: rank list deadline today at 9 p.m. EST (3 Mar 2027, expected)"),
        (D(2027, 3, 1), "2027: rank list deadline in 2 days at 9 p.m. EST (3 Mar 2027, expected)"),
        # further off than dates.toml's [countdown] time_within_days (7): the date is enough
        (D(2027, 2, 20), "2027: rank list deadline in 11 days (3 Mar 2027, expected)"),
    ],
)
def test_the_header_gives_the_time_of_a_near_deadline(
    catalog: Catalog, today: dt.date, line: str
) -> None:
    assert countdown(catalog, 2027, today) == line


# --- `matchtui dates` ----------------------------------------------------------------------


def test_dates_prints_the_deadlines_time(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2027-03-03", "dates", "--year", "2027"]) == 0
    out = capsys.readouterr().out
    assert (
        "Next deadline: Rank order list deadline (certify your list), 3 Mar 2027, 9 p.m. EST "
        "(today)" in out
    )
    row = next(line for line in out.splitlines() if line.startswith("3 Mar 2027"))
    assert "Rank order list deadline" in row and "9 p.m. EST" in row and "today" in row
    match_day = next(line for line in out.splitlines() if "Match Day" in line)
    assert "p.m." not in match_day and "a.m." not in match_day  # no time in any source
    assert "America/New_York" in out


def test_dates_json_gives_the_moment_with_its_zone_and_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--today", "2027-03-03", "dates", "--year", "2027", "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    by_id = {d["id"]: d for d in data["dates"]}
    at = by_id["rank_deadline"]["at"]
    assert at == {
        "time": "21:00",
        "zone": "America/New_York",
        "zone_abbreviation": "EST",
        "local": "2027-03-03T21:00:00-05:00",
        "utc": "2027-03-04T02:00:00Z",
        "source": "calendar_2027_third_party",
        "reliability": "third_party",
    }
    assert by_id["match_day"]["at"] is None
    assert data["next_deadline"]["at"]["utc"] == "2027-03-04T02:00:00Z"


# --- the calendar file ---------------------------------------------------------------------


def test_the_ics_deadline_is_at_9pm_eastern_read_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--today", "2027-03-03", "dates", "--year", "2027", "--ics", "-"]) == 0
    text = capsys.readouterr().out
    events = vevents(text)
    deadline = events["2027-rank_deadline@matchtui"]
    start = deadline.decoded("dtstart")
    assert isinstance(start, dt.datetime) and start.utcoffset() == dt.timedelta(0)  # UTC
    assert start == dt.datetime(2027, 3, 4, 2, 0, tzinfo=UTC)
    assert start.astimezone(EASTERN) == dt.datetime(2027, 3, 3, 21, 0, tzinfo=EASTERN)
    assert "DTSTART:20270304T020000Z" in text  # no floating time, no zone to look up
    assert "dtend" not in deadline  # a moment, not a day
    assert "9 p.m. EST" in str(deadline["description"])
    assert not Calendar.from_ical(text).get_missing_tzids()
    # every other date is still an all-day event
    match_day = events["2027-match_day@matchtui"]
    assert match_day.decoded("dtstart") == D(2027, 3, 19)
    assert match_day.decoded("dtend") == D(2027, 3, 20)


def test_a_time_after_the_change_to_summer_time_is_written_in_edt(tmp_path: Path) -> None:
    # Test data only (no source gives Match Day's hour): noon Eastern on Friday 19 March 2027,
    # after summer time began on 14 March: 12:00 EDT is 16:00 UTC, not 17:00.
    folder = data_with(
        tmp_path,
        'event = "match_day"\ndate = 2027-03-19\n',
        'event = "match_day"\ndate = 2027-03-19\n'
        'at = { time = 12:00:00, zone = "America/New_York", source = "calendar_2027_third_party",'
        ' reliability = "third_party" }\n',
    )
    catalog = Catalog.load(folder)
    match_day = season_date(catalog, 2027, "match_day")
    assert match_day.time_label == "noon EDT"
    text = season_ics(season_dates(catalog, 2027), 2027, dt.datetime(2027, 1, 1, tzinfo=UTC))
    start = vevents(text)["2027-match_day@matchtui"].decoded("dtstart")
    assert start == dt.datetime(2027, 3, 19, 16, 0, tzinfo=UTC)
    assert start.astimezone(EASTERN).utcoffset() == dt.timedelta(hours=-4)
    deadline = vevents(text)["2027-rank_deadline@matchtui"].decoded("dtstart")
    assert deadline == dt.datetime(2027, 3, 4, 2, 0, tzinfo=UTC)  # still EST on 3 March
