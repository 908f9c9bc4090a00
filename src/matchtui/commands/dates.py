"""`matchtui dates [--year Y] [--json]`: every date of a Match season with its source,
reliability and the days from today (`--today` sets the day)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from matchtui.commands import app_match_year
from matchtui.engine.calendar import (
    PHASE_LABELS,
    RELIABILITY_WORDS,
    SeasonDate,
    cycles_today,
    day_label,
    next_deadline,
    next_event,
    phase_on,
    season_dates,
    when_label,
)
from matchtui.workspace import Workspace


def match_year_of(args: argparse.Namespace, workspace: Workspace) -> tuple[int, str]:
    """--year, else the Match year the app works on for this folder (the saved profile's, or
    with none yet the demo profile's, which the app opens on), and where it came from: "",
    or a note saying it is the demo's."""
    if args.year is not None:
        return int(args.year), ""
    year, demo = app_match_year(workspace)
    if not demo:
        return year, ""
    return year, (
        f"no profile here yet: the {year} Match is the demo profile's, which the app opens on "
        "(matchtui profile new starts your own; --year Y shows another Match)"
    )


def _next_json(date: SeasonDate | None, today: dt.date) -> dict[str, object] | None:
    return None if date is None else date.to_json(today)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    today: dt.date = args.today
    catalog = workspace.catalog
    year, note = match_year_of(args, workspace)
    dates = season_dates(catalog, year)
    phase = phase_on(catalog, year, today)
    upcoming = next_event(catalog, year, today)
    deadline = next_deadline(catalog, year, today)
    if args.ics is not None:
        return _write_ics(args, workspace, dates, year)
    if args.json:
        payload = {
            "match_year": year,
            "match_year_note": note,
            "today": today.isoformat(),
            "phase": phase,
            "dates": [d.to_json(today) for d in dates],
            "next_event": _next_json(upcoming, today),
            "next_deadline": _next_json(deadline, today),
        }
        print(json.dumps(payload, indent=2))
        return 0
    print(f"The {year} Match, as of {day_label(today)}: {PHASE_LABELS[phase]}")
    if note:
        print(f"({note[0].upper()}{note[1:]}.)")
    cycles = ", ".join(f"{c.match_year} ({c.label})" for c in cycles_today(catalog, today))
    print(f"Cycles today: {cycles}")
    if upcoming is not None:
        print(
            f"Next: {upcoming.label}, {upcoming.day_and_time} "
            f"({when_label(upcoming.days_from(today))})"
        )
    if deadline is not None:
        print(
            f"Next deadline: {deadline.label}, {deadline.day_and_time} "
            f"({when_label(deadline.days_from(today))})"
        )
    else:
        print(f"Next deadline: none left in the {year} Match")
    print()
    rows = [
        (
            day_label(d.date),
            d.time_label,
            when_label(d.days_from(today)),
            d.label,
            ("derived, " if d.derived else "")
            + RELIABILITY_WORDS.get(d.reliability, d.reliability)
            + _time_reliability(d),
            d.source,
        )
        for d in dates
    ]
    header = ("Date", "Time", "When", "Event", "Reliability", "Source")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    timed = [d for d in dates if d.at is not None]
    if timed:
        zones = sorted({d.at.zone for d in timed if d.at is not None})
        print(
            f"\nTimes are given in the zone the source uses ({', '.join(zones)}); the calendar "
            "file (--ics) puts them at the same moment in your own time zone."
        )
    if any(d.derived for d in dates):
        print(
            "\nDerived dates follow the usual calendar (our assumption); check the AAMC and "
            "NRMP calendars before acting on one."
        )
    return 0


def _time_reliability(date: SeasonDate) -> str:
    """'; time: our assumption' where the time of day is less (or otherwise) sure than the
    date; '' where they agree or there is no time."""
    at = date.at
    if at is None or at.reliability == date.reliability:
        return ""
    return f"; time: {RELIABILITY_WORDS.get(at.reliability, at.reliability)}"


def _write_ics(
    args: argparse.Namespace, workspace: Workspace, dates: list[SeasonDate], year: int
) -> int:
    """The season's dates as an iCalendar file (atomic, 0600; "-": standard output)."""
    import sys
    from pathlib import Path

    from matchtui.engine.calendar import season_ics
    from matchtui.errors import UsageError

    text = season_ics(dates, year, dt.datetime.now(dt.UTC))
    if args.ics == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.ics)
    if path.exists() and not args.force:
        raise UsageError(f"{path} already exists (use --force to replace it)")
    workspace.export(path, text)
    print(f"wrote the {year} Match's {len(dates)} dates to {path}")
    return 0
