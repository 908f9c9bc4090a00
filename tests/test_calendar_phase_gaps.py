"""The season calendar's gaps (issue 14's audit):

1. The days after the rank order list deadline and before Match Week are their own phase (lists
   locked, waiting for Match Week), not "Match Week": on every day of a season the phase agrees
   with the next event the app prints.
2. The header counts down to the next *deadline* (an event dates.toml flags `deadline = true`)
   of the applicant's Match, not to the next event of any kind; when the Match has none left it
   says so, and once the Match is over it names the next Match's first deadline.

The clock is always pinned.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any, get_args

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.cli import main
from matchtui.engine.calendar import (
    PHASE_LABELS,
    PHASE_SHORT,
    Phase,
    SeasonDate,
    countdown,
    cycles_today,
    day_label,
    default_match_year,
    header_countdown,
    next_deadline,
    next_event,
    phase_on,
    season_dates,
    when_label,
)

D = dt.date
# Published (2026 official, 2027 third-party) and derived seasons; 2026 and 2031 have the day
# before Match Week's Monday on the 15th or later, 2028 and 2029 do not.
YEARS = (2026, 2027, 2028, 2029, 2031)

# The phase on every day before each event (that event the next one still ahead)...
BEFORE: dict[str, set[str]] = {
    "eras_opens": {"preparing"},
    "token_release": {"preparing"},
    "submit_opens": {"eras_open"},
    "nrmp_registration_opens": {"applications_in"},
    "programs_review": {"applications_in"},
    "ranking_opens": {"interview_season"},
    "rank_deadline": {"ranking"},
    "match_week_start": {"lists_locked"},
    "soap_start": {"lists_locked"},
    "soap_end": {"soap"},
    "match_day": {"soap", "match_week"},
    "eras_season_ends": {"after_match"},
}
# ... and on the event's own day.
ON: dict[str, set[str]] = {
    "eras_opens": {"eras_open"},
    "token_release": {"eras_open"},
    "submit_opens": {"applications_in"},
    "nrmp_registration_opens": {"applications_in"},
    "programs_review": {"interview_season"},
    "ranking_opens": {"ranking"},
    "rank_deadline": {"ranking"},  # the list can be certified until 9 p.m. that day
    "match_week_start": {"soap", "match_week"},
    "soap_start": {"soap"},
    "soap_end": {"soap"},
    "match_day": {"match_week"},
    "eras_season_ends": {"after_match"},
}


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(n) for n in range((last - first).days + 1)]


def season_days(catalog: Catalog, year: int) -> list[dt.date]:
    """From a month before ERAS opens to a month after the ERAS season ends."""
    at = {d.id: d.date for d in season_dates(catalog, year)}
    return days(at["eras_opens"] - dt.timedelta(31), at["eras_season_ends"] + dt.timedelta(31))


def flagged(catalog: Catalog, year: int) -> list[SeasonDate]:
    return [d for d in season_dates(catalog, year) if d.deadline]


# --- 1. the phase between the rank-list deadline and Match Week ---------------------------------


def test_the_days_after_the_rank_deadline_wait_for_match_week(catalog: Catalog) -> None:
    assert phase_on(catalog, 2027, D(2027, 3, 3)) == "ranking"  # the deadline's own day
    for day in days(D(2027, 3, 4), D(2027, 3, 14)):
        assert phase_on(catalog, 2027, day) == "lists_locked", day
    assert phase_on(catalog, 2027, D(2027, 3, 15)) == "soap"  # Monday of Match Week
    assert phase_on(catalog, 2027, D(2027, 3, 19)) == "match_week"  # Match Day
    assert [(c.match_year, c.phase) for c in cycles_today(catalog, D(2027, 3, 5))] == [
        (2027, "lists_locked"),
        (2028, "preparing"),
    ]
    assert PHASE_LABELS["lists_locked"] == "rank lists locked, waiting for Match Week"


@pytest.mark.parametrize("year", YEARS)
def test_every_day_the_phase_agrees_with_the_next_event(catalog: Catalog, year: int) -> None:
    dates = season_dates(catalog, year)
    for day in season_days(catalog, year):
        phase = phase_on(catalog, year, day)
        shown = next_event(catalog, year, day)  # what `matchtui dates` prints as Next
        if shown is None:
            assert phase == "after_match", day
        elif shown.date > day:  # no event today: the phase leads up to the next one
            assert phase in BEFORE[shown.id], (day, phase, shown.id)
        for today in (d for d in dates if d.date == day):  # the phase each event opens
            assert phase in ON[today.id], (day, phase, today.id)


def test_every_phase_has_its_labels() -> None:
    phases = set(get_args(Phase))
    assert set(PHASE_LABELS) == phases and set(PHASE_SHORT) == phases
    for name, short in PHASE_SHORT.values():
        assert name and 1 <= len(short) <= 3


def test_the_dates_command_names_the_waiting_phase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2027-03-05", "dates", "--year", "2027"]) == 0
    out = capsys.readouterr().out
    assert "The 2027 Match, as of 5 Mar 2027: rank lists locked, waiting for Match Week" in out
    assert "2027 (rank lists locked, waiting for Match Week)" in out
    assert "Next: Match Week begins (matched or not), 15 Mar 2027 (in 10 days)" in out
    assert "Next deadline: none left in the 2027 Match" in out


# --- 2. the header counts down to a deadline ----------------------------------------------------


def test_next_deadline_reads_the_flags(catalog: Catalog) -> None:
    today = D(2026, 12, 3)
    assert next_event(catalog, 2027, today).id == "ranking_opens"  # type: ignore[union-attr]
    deadline = next_deadline(catalog, 2027, today)
    assert deadline is not None and deadline.id == "rank_deadline" and deadline.deadline
    assert next_deadline(catalog, 2027, D(2027, 3, 4)) is None  # none left in that Match
    assert {d.id for d in flagged(catalog, 2027)} == {
        "submit_opens",
        "programs_review",
        "rank_deadline",
    }


@pytest.mark.parametrize(
    ("year", "today", "line"),
    [
        (2027, D(2026, 12, 3), "2027: rank list deadline in 90 days (3 Mar 2027, expected)"),
        (2027, D(2026, 6, 10), "2027: submission opens in 84 days (2 Sep 2026, expected)"),
        (
            2027,
            D(2027, 3, 3),
            "2027: rank list deadline today at 9 p.m. EST (3 Mar 2027, expected)",
        ),
        (
            2027,
            D(2027, 3, 5),
            "2027: no deadline left; Match Week in 10 days (15 Mar 2027, expected)",
        ),
        (2026, D(2026, 3, 20), "2026: no deadline left; Match Day today (20 Mar 2026)"),
        (
            2027,
            D(2027, 3, 20),
            "2027 Match over; 2028: submission opens in 165 days (1 Sep 2027, expected)",
        ),
        (
            2026,
            D(2026, 7, 1),
            "2026 Match over; 2027: submission opens in 63 days (2 Sep 2026, expected)",
        ),
        # The 2027 Match no longer takes newcomers on 10 Feb 2027: the next one is 2028's.
        (
            2026,
            D(2027, 2, 10),
            "2026 Match over; 2028: submission opens in 203 days (1 Sep 2027, expected)",
        ),
    ],
)
def test_header_lines(catalog: Catalog, year: int, today: dt.date, line: str) -> None:
    assert countdown(catalog, year, today) == line


@pytest.mark.parametrize("year", YEARS)
def test_every_day_the_header_counts_down_to_a_flagged_deadline(
    catalog: Catalog, year: int
) -> None:
    match_day = next(d.date for d in season_dates(catalog, year) if d.id == "match_day")
    for day in season_days(catalog, year):
        shown = header_countdown(catalog, year, day)
        own = [d for d in flagged(catalog, year) if d.date >= day]
        if shown.deadline is not None:
            assert shown.deadline.deadline and shown.deadline.date >= day, (day, shown)
            assert shown.event is None
        if own:  # the applicant's Match still has one: the first of them
            assert shown.deadline == own[0], (day, shown)
            assert shown.text.startswith(f"{year}: {own[0].short} ")
        elif day <= match_day:  # none left, the Match still to come: its next event, said so
            assert shown.deadline is None and shown.event is not None, (day, shown)
            assert day <= shown.event.date <= match_day
            assert shown.text.startswith(f"{year}: no deadline left; {shown.event.short} ")
        else:  # over: the first deadline of the next Match one can still apply to
            suggested = default_match_year(catalog, day)
            assert shown.deadline is not None, (day, shown)
            assert shown.deadline.match_year == suggested
            assert shown.deadline == next_deadline(catalog, suggested, day)
            assert shown.text.startswith(f"{year} Match over; {suggested}: ")
        counted = shown.deadline or shown.event
        assert counted is not None
        # the days left, then (a deadline's hour once it is a week or less away) the date
        days = counted.days_from(day)
        hour = f" at {counted.time_label}" if counted.at is not None and days <= 7 else ""
        assert f"{when_label(days)}{hour} ({day_label(counted.date)}" in shown.text
        assert ("expected" in shown.text) is (counted.reliability != "primary")
        # with a pane's title, it fits the header of a 120-column terminal
        assert len(shown.text) <= 76, shown.text


def test_a_data_folder_without_deadline_flags_never_claims_one(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    dates = folder / "dates.toml"
    text = dates.read_text(encoding="utf-8")
    assert "deadline = true\n" in text
    dates.write_text(text.replace("deadline = true\n", ""), encoding="utf-8")
    catalog = Catalog.load(folder)
    assert countdown(catalog, 2027, D(2026, 12, 3)) == (
        "2027: no deadline left; ranking opens in 60 days (1 Feb 2027, expected)"
    )
    assert countdown(catalog, 2027, D(2027, 3, 20)) == "2027 Match over"


def test_dates_json_splits_the_next_event_from_the_next_deadline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--today", "2026-12-03", "dates", "--year", "2027", "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert data["next_event"]["id"] == "ranking_opens"
    assert data["next_deadline"]["id"] == "rank_deadline"
    assert data["next_deadline"]["days_from_today"] == 90


@pytest.mark.parametrize(
    ("today", "size", "expected"),
    [
        (D(2026, 12, 3), (120, 40), "2027: rank list deadline in 90 days (3 Mar 2027"),
        (D(2027, 3, 5), (80, 24), "2027: no deadline left; Match Week in 10 days"),
        # the deadline's hour goes before the date in brackets a narrow header drops first
        (D(2027, 3, 3), (80, 24), "2027: rank list deadline today at 9 p.m. EST"),
    ],
)
async def test_the_app_header_shows_the_deadline(
    workspace: Any, today: dt.date, size: tuple[int, int], expected: str
) -> None:
    app = MatchApp(workspace, first_pane="plan", today=today)  # the demo aims at 2027
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.sub_title.startswith("Plan · ")
        assert expected in app.screen.sub_title
