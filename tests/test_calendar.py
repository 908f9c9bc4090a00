"""engine/calendar: season dates (published and derived), phases, the next deadline, the default
Match year, and how the plan follows the Match year. The clock is always pinned."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.engine.assess import assess
from matchtui.engine.calendar import (
    check_match_year,
    countdown,
    cycles_today,
    default_match_year,
    next_deadline,
    next_event,
    phase_on,
    season_dates,
    when_label,
)
from matchtui.engine.plan import YearMonth, migrate_plan, plan_for, with_item, with_start
from matchtui.errors import FileProblems
from matchtui.models.calendar import EVENT_IDS, dates_data
from matchtui.models.plan import PlanFile, TimelineState
from matchtui.models.profile import Profile

D = dt.date


def edit(profile: Profile, **sections: Any) -> Profile:
    data = profile.model_dump()
    for section, values in sections.items():
        if isinstance(data[section], dict):
            data[section].update(values)
        else:
            data[section] = values
    return Profile.model_validate(data)


def dates_of(catalog: Catalog, year: int) -> dict[str, Any]:
    return {d.id: d for d in season_dates(catalog, year)}


# --- the data ------------------------------------------------------------------------------


def test_every_season_dates_every_event_with_source_and_reliability(catalog: Catalog) -> None:
    for year in (2026, 2027, 2028, 2035):
        dates = season_dates(catalog, year)
        assert sorted(d.id for d in dates) == sorted(EVENT_IDS)
        assert [d.date for d in dates] == sorted(d.date for d in dates)
        for d in dates:
            assert d.source in catalog.sources, d
            assert d.reliability in ("primary", "third_party", "assumption")
            assert d.derived is (d.reliability == "assumption")


def test_2026_is_official_and_soap_ended_on_thursday(catalog: Catalog) -> None:
    dates = dates_of(catalog, 2026)
    assert dates["soap_end"].date == D(2026, 3, 19)  # Monday-Thursday of Match Week
    assert dates["soap_end"].date.weekday() == 3
    assert dates["match_day"].date == D(2026, 3, 20)
    assert dates["eras_opens"].date == D(2025, 6, 4)
    assert dates["submit_opens"].date == D(2025, 9, 3)
    assert dates["programs_review"].date == D(2025, 9, 24)
    assert dates["eras_season_ends"].date == D(2026, 5, 31)
    for event in ("eras_opens", "submit_opens", "match_week_start", "soap_end", "match_day"):
        assert dates[event].reliability == "primary" and not dates[event].derived


def test_2027_is_third_party_and_labelled(catalog: Catalog) -> None:
    dates = dates_of(catalog, 2027)
    assert dates["rank_deadline"].date == D(2027, 3, 3)
    assert dates["rank_deadline"].reliability == "third_party"
    assert dates["rank_deadline"].source == "calendar_2027_third_party"
    assert dates["match_week_start"].date == D(2027, 3, 15)
    assert dates["match_day"].date == D(2027, 3, 19)
    assert dates["nrmp_registration_opens"].date == D(2026, 9, 15)
    assert dates["ranking_opens"].date == D(2027, 2, 1)
    # SOAP 2027 is not published: derived from the rule (Monday-Thursday), said so
    assert dates["soap_end"].date == D(2027, 3, 18) and dates["soap_end"].derived


def test_2028_is_derived_from_the_rules(catalog: Catalog) -> None:
    dates = dates_of(catalog, 2028)
    assert all(d.derived and d.reliability == "assumption" for d in dates.values())
    assert dates["match_day"].date == D(2028, 3, 17)  # third Friday of March
    assert dates["match_week_start"].date == D(2028, 3, 13)
    assert dates["soap_start"].date == D(2028, 3, 13) and dates["soap_end"].date == D(2028, 3, 16)
    assert dates["rank_deadline"].date == D(2028, 3, 1)
    assert dates["rank_deadline"].date.weekday() == 2  # a Wednesday
    assert dates["eras_opens"].date == D(2027, 6, 2)
    assert dates["submit_opens"].date == D(2027, 9, 1)


def test_the_rules_reproduce_every_published_date(catalog: Catalog) -> None:
    """The rules derive later years; checked against every date the data publishes."""
    data = dates_data(catalog)
    assert data.seasons
    for season in data.seasons:
        derived = {d.id: d for d in season_dates(catalog, season.match_year, published=False)}
        for record in season.dates:
            assert derived[record.event].date == record.date, (season.match_year, record.event)


def _data_copy(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    (folder / "dates.toml").write_text(text, encoding="utf-8")
    return folder


def test_bad_dates_file_names_the_problem(tmp_path: Path) -> None:
    text = (bundled_data_dir() / "dates.toml").read_text(encoding="utf-8")
    bad = text.replace('event = "match_day", days = -4', 'event = "no_such_event", days = -4')
    bad = bad.replace('event = "rank_deadline"\ndate', 'event = "rank_deadlin"\ndate')
    with pytest.raises(FileProblems) as caught:
        Catalog.load(_data_copy(tmp_path, bad))
    summary = str(caught.value.problems)
    assert "no_such_event" in summary and "rank_deadlin" in summary


# --- today ---------------------------------------------------------------------------------

DAYS = [
    # today, phase of the 2027 Match, next 2027 event, days left, default Match year, cycles
    (
        D(2026, 11, 30),
        "interview_season",
        "ranking_opens",
        63,
        2027,
        [(2027, "interview_season"), (2028, "preparing")],
    ),
    (
        D(2027, 2, 20),
        "ranking",
        "rank_deadline",
        11,
        2028,
        [(2027, "ranking"), (2028, "preparing")],
    ),
    (D(2027, 3, 16), "soap", "soap_end", 2, 2028, [(2027, "soap"), (2028, "preparing")]),
    (D(2027, 7, 1), "after_match", None, None, 2028, [(2028, "eras_open"), (2029, "preparing")]),
]
# the next event flagged `deadline = true` of the 2027 Match, and its days left
DEADLINES = {
    D(2026, 11, 30): ("rank_deadline", 93),
    D(2027, 2, 20): ("rank_deadline", 11),
    D(2027, 3, 16): None,
    D(2027, 7, 1): None,
}


@pytest.mark.parametrize(("today", "phase", "nxt", "left", "default", "cycles"), DAYS)
def test_phase_next_deadline_and_default_year(
    catalog: Catalog,
    today: dt.date,
    phase: str,
    nxt: str | None,
    left: int | None,
    default: int,
    cycles: list[tuple[int, str]],
) -> None:
    assert phase_on(catalog, 2027, today) == phase
    upcoming = next_event(catalog, 2027, today)
    assert (upcoming.id if upcoming else None) == nxt
    if upcoming is not None:
        assert upcoming.days_from(today) == left
        assert upcoming.date >= today
    deadline = next_deadline(catalog, 2027, today)
    assert (deadline and (deadline.id, deadline.days_from(today))) == DEADLINES[today]
    assert default_match_year(catalog, today) == default
    assert [(c.match_year, c.phase) for c in cycles_today(catalog, today)] == cycles


@pytest.mark.parametrize(("today", "phase", "nxt", "left", "default", "cycles"), DAYS)
def test_plan_on_each_day(
    demo_profile: Profile,
    catalog: Catalog,
    today: dt.date,
    phase: str,
    nxt: str | None,
    left: int | None,
    default: int,
    cycles: list[tuple[int, str]],
) -> None:
    view = plan_for(demo_profile, catalog, None, today)  # the demo aims at the 2027 Match
    assert view.start == YearMonth(2026, 2) and view.start_is_default
    assert (view.next_date.id if view.next_date else None) == nxt
    # the season row: each month's phase of the 2027 Match on the real months
    phases = dict(zip(view.months, view.season_phases, strict=True))
    assert phases[YearMonth(2026, 11)] == "interview_season"
    assert phases[YearMonth(2027, 2)] == "ranking"
    assert phases[YearMonth(2026, 7)] == "eras_open"
    # no date in the past is ahead, none ahead is passed
    for row in view.key_dates:
        assert row.passed is (row.date < today)
        assert row.days_from_today == (row.date - today).days
    expected = "ok" if today < D(2027, 2, 1) else ("closed" if today <= D(2027, 3, 19) else "past")
    assert view.match_check is not None and view.match_check.state == expected
    if expected != "ok":
        assert view.match_check.suggested == default


def test_countdown_line(catalog: Catalog) -> None:
    assert (
        countdown(catalog, 2027, D(2027, 2, 20))
        == "2027: rank list deadline in 11 days (3 Mar 2027, expected)"
    )
    assert (
        countdown(catalog, 2026, D(2026, 3, 20))
        == "2026: no deadline left; Match Day today (20 Mar 2026)"
    )
    assert (
        countdown(catalog, 2026, D(2026, 7, 1))
        == "2026 Match over; 2027: submission opens in 63 days (2 Sep 2026, expected)"
    )


def test_when_label_never_calls_the_past_ahead() -> None:
    assert when_label(0) == "today"
    assert when_label(1) == "in 1 day"
    assert when_label(-1) == "1 day ago"
    assert when_label(-30) == "30 days ago"


def test_match_year_check(catalog: Catalog) -> None:
    past = check_match_year(catalog, 2026, D(2026, 11, 30))
    assert past.state == "past" and past.suggested == 2027 and "2026 Match" in past.message
    closed = check_match_year(catalog, 2027, D(2027, 2, 20))
    assert closed.state == "closed" and closed.suggested == 2028
    assert check_match_year(catalog, 2028, D(2027, 2, 20)).state == "ok"
    assert check_match_year(catalog, 2028, D(2026, 11, 30)).state == "ok"  # planning ahead


# --- the plan follows the Match year --------------------------------------------------------


def test_changing_the_match_year_moves_the_plan_and_the_dates(
    demo_profile: Profile, catalog: Catalog
) -> None:
    today = D(2026, 11, 30)
    plan = PlanFile(timeline=with_item(None, "submit_eras", status="doing"))
    v2027 = plan_for(demo_profile, catalog, plan, today)
    v2028 = plan_for(edit(demo_profile, cycle_year=2028), catalog, plan, today)
    assert v2027.start == YearMonth(2026, 2) and v2028.start == YearMonth(2027, 2)
    assert v2028.row("submit_eras").first == v2027.row("submit_eras").first.add(12)  # type: ignore[union-attr]
    assert v2028.row("submit_eras").state != "overdue"  # type: ignore[union-attr]
    assert {d.match_year for d in v2028.key_dates} == {2027, 2028}
    assert v2028.next_date is not None and v2028.next_date.id == "eras_opens"
    assert v2028.next_date.date == D(2027, 6, 2)
    assert not v2028.start_warning


def test_a_pinned_start_that_no_longer_fits_is_flagged(
    demo_profile: Profile, catalog: Catalog
) -> None:
    today = D(2026, 11, 30)
    pinned = PlanFile(timeline=with_start(None, YearMonth(2026, 3)))
    assert pinned.timeline is not None and pinned.timeline.start_month == "2026-03"
    fits = plan_for(demo_profile, catalog, pinned, today)
    assert fits.start == YearMonth(2026, 3) and not fits.start_is_default
    assert fits.start_warning == ""
    later = plan_for(edit(demo_profile, cycle_year=2028), catalog, pinned, today)
    assert later.start == YearMonth(2026, 3)  # kept, because the applicant chose it ...
    assert "does not fit the 2028 Match" in later.start_warning  # ... but pointed out
    assert "1 Sep 2027" in later.start_warning
    # choosing the derived month again unpins it
    assert with_start(pinned.timeline, YearMonth(2026, 2), YearMonth(2026, 2)).start_month is None


def test_old_plan_files_are_migrated(demo_profile: Profile, catalog: Catalog) -> None:
    """Before, the first status change saved the default start: that was not a choice."""
    auto = PlanFile(timeline=TimelineState(start_month="2026-02"))
    migrated = migrate_plan(auto, demo_profile, catalog)
    assert migrated is not None and migrated.timeline is not None
    assert migrated.timeline.start_month is None
    moved = plan_for(edit(demo_profile, cycle_year=2028), catalog, auto, D(2026, 11, 30))
    # the 2028 profile derives Feb 2027; a saved 2026-02 differs from it, so it counts as pinned
    assert moved.start == YearMonth(2026, 2) and moved.start_warning
    chosen = PlanFile(timeline=TimelineState(start_month="2026-04"))
    kept = migrate_plan(chosen, demo_profile, catalog)
    assert kept is not None and kept.timeline is not None
    assert kept.timeline.start_month == "2026-04" and kept.timeline.pinned


# --- Step 3 advice uses the year's own rank-list deadline ----------------------------------


@pytest.mark.parametrize(
    ("year", "step3_date", "verdict"),
    [
        (2027, "2027-02-03", "scheduled"),  # + 4 weeks = 3 Mar 2027, the deadline
        (2027, "2027-02-04", "late"),
        (2028, "2028-02-02", "scheduled"),  # derived deadline 1 Mar 2028
        (2028, "2028-02-03", "late"),
    ],
)
def test_step3_against_the_years_rank_deadline(
    demo_profile: Profile, catalog: Catalog, year: int, step3_date: str, verdict: str
) -> None:
    profile = edit(
        demo_profile,
        cycle_year=year,
        exams={"step3": "scheduled", "step3_year": None, "step3_date": step3_date},
    )
    result = assess(profile, catalog)
    assert result.step3.verdict == verdict
    deadline = "2027-03-03" if year == 2027 else "2028-03-01"
    assert deadline in result.step3.reason


# --- the cycle label -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("applied", "label"),
    [
        (0, "Cycle 1 of 2"),
        (1, "Cycle 2 of 2"),
        (2, "third cycle, past the usual two"),
        (10, "11th cycle, past the usual two"),
    ],
)
def test_cycle_label_never_reads_3_of_2(
    demo_profile: Profile, catalog: Catalog, applied: int, label: str
) -> None:
    profile = edit(demo_profile, history={"cycles_applied": applied})
    assert assess(profile, catalog).cycles.label == label
