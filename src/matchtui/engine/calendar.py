"""The season calendar: which Match cycles are open on a given day and in which phase, the dates
of any season (published where the data has them, derived from the rules otherwise), the next
event, the next deadline (an event the data flags `deadline = true`), the header's countdown and
the Match year a new applicant can still aim for.

Pure: no Textual, no clock. `today` is always an argument (the app's `today`, the CLI's
`--today`), so tests pin it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, NamedTuple

from matchtui.models.calendar import WEEKDAYS, ClockTime, DateRule, DatesFile, dates_data

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

Phase = Literal[
    "preparing",
    "eras_open",
    "applications_in",
    "interview_season",
    "ranking",
    "lists_locked",
    "match_week",
    "soap",
    "after_match",
]

PHASE_LABELS: dict[str, str] = {
    "preparing": "preparing, ERAS not open yet",
    "eras_open": "ERAS open: build the application",
    "applications_in": "applications going in",
    "interview_season": "interview season",
    "ranking": "ranking",
    "lists_locked": "rank lists locked, waiting for Match Week",
    "match_week": "Match Week",
    "soap": "Match Week: SOAP days",
    "after_match": "after the Match",
}
# On the Plan's chart: the name where it fits the phase's months, else three letters.
PHASE_SHORT: dict[str, tuple[str, str]] = {
    "preparing": ("preparing", "prp"),
    "eras_open": ("ERAS open", "ERA"),
    "applications_in": ("applying", "app"),
    "interview_season": ("interviews", "int"),
    "ranking": ("ranking", "rnk"),
    "lists_locked": ("lists locked", "lck"),
    "match_week": ("Match Week", "MW"),
    "soap": ("SOAP", "SOP"),
    "after_match": ("after", "aft"),
}
RELIABILITY_WORDS: dict[str, str] = {
    "primary": "official",
    "secondary": "secondary report",
    "third_party": "third-party, unconfirmed",
    "illustrative": "illustrative",
    "assumption": "our assumption",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# The records here are named tuples (read-only, compared by value): `matchtui assess` reads the
# season's dates to word its actions, and a frozen dataclass costs ~0.5 ms more to define.
class SeasonDate(NamedTuple):
    """One dated event of one season."""

    id: str
    label: str
    short: str
    date: dt.date
    match_year: int
    source: str
    reliability: str
    derived: bool  # placed by a rule, not published
    deadline: bool
    note: str
    # the time of day, in its source's time zone, with its own source (None: an all-day date)
    at: ClockTime | None = None

    def days_from(self, today: dt.date) -> int:
        return (self.date - today).days

    @property
    def moment(self) -> dt.datetime | None:
        """The date at its time of day, in its time zone (None for an all-day date)."""
        return None if self.at is None else moment_of(self.date, self.at)

    @property
    def time_label(self) -> str:
        """'9 p.m. EST' ('' for an all-day date): the zone's abbreviation on that day, so a
        date after the change to summer time reads EDT."""
        moment = self.moment
        return "" if moment is None else clock_label(moment)

    @property
    def day_and_time(self) -> str:
        """'3 Mar 2027, 9 p.m. EST', or '3 Mar 2027' for an all-day date."""
        return day_label(self.date) + (f", {self.time_label}" if self.at is not None else "")

    def to_json(self, today: dt.date) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "date": self.date.isoformat(),
            "at": None if self.at is None else _at_json(self.date, self.at),
            "days_from_today": self.days_from(today),
            "source": self.source,
            "reliability": self.reliability,
            "derived": self.derived,
        }


def moment_of(day: dt.date, at: ClockTime) -> dt.datetime:
    """`day` at the time of `at`, in its zone (its offset that day: summer time or not)."""
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, at.time, tzinfo=ZoneInfo(at.zone))


def clock_label(moment: dt.datetime) -> str:
    """'9 p.m. EST', '8:30 a.m. EDT', 'noon EST', 'midnight EST'."""
    hour, minute = moment.hour, moment.minute
    if (hour, minute) == (12, 0):
        text = "noon"
    elif (hour, minute) == (0, 0):
        text = "midnight"
    else:
        text = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
        text += " a.m." if hour < 12 else " p.m."
    return f"{text} {moment.tzname()}"


def _at_json(day: dt.date, at: ClockTime) -> dict[str, object]:
    moment = moment_of(day, at)
    return {
        "time": at.time.isoformat(timespec="minutes"),
        "zone": at.zone,
        "zone_abbreviation": moment.tzname(),
        "local": moment.isoformat(),
        "utc": moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": at.source,
        "reliability": at.reliability,
    }


class CycleNow(NamedTuple):
    match_year: int
    phase: Phase

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.phase]


# --- dates ---------------------------------------------------------------------------------


def day_label(day: dt.date) -> str:
    """'3 Mar 2027'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_name(month: int) -> str:
    """'Mar' for 3."""
    return _MONTHS[month - 1]


def month_year(year: int, month: int | None) -> str:
    """'Jun 2025', or '2025' when the month is not known."""
    return f"{month_name(month)} {year}" if month else str(year)


def when_label(days: int) -> str:
    """'today', 'in 1 day', 'in 93 days', '5 days ago': never 'ahead' for a past date."""
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days} day" + ("s" if days != 1 else "")
    return f"{-days} day" + ("s" if days != -1 else "") + " ago"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    shift = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=shift + 7 * (n - 1))


def _by_rule(
    rule: DateRule, match_year: int, resolve: dict[str, dt.date], data: DatesFile
) -> dt.date:
    year = match_year + rule.year_offset
    if rule.kind == "nth_weekday":
        assert rule.month is not None and rule.weekday is not None and rule.n is not None
        return _nth_weekday(year, rule.month, WEEKDAYS.index(rule.weekday), rule.n)
    if rule.kind == "fixed":
        assert rule.month is not None and rule.day is not None
        return dt.date(year, rule.month, rule.day)
    assert rule.event is not None and rule.days is not None
    return resolve[rule.event] + dt.timedelta(days=rule.days)


def season_dates(catalog: Catalog, match_year: int, *, published: bool = True) -> list[SeasonDate]:
    """Every event of the `match_year` season in date order: published dates where the data has
    them (with their source), the rest derived from the rules (derived=True, assumption).
    published=False derives every date (to check the rules against the published ones)."""
    data = dates_data(catalog)
    cached = data.derived_cache.get((match_year, published))
    if cached is None:
        cached = data.derived_cache[(match_year, published)] = tuple(
            _compute_season(data, match_year, published)
        )
    return list(cached)


def _compute_season(data: DatesFile, match_year: int, published: bool) -> list[SeasonDate]:
    season = data.season(match_year) if published else None
    records = {d.event: d for d in season.dates} if season is not None else {}
    found: dict[str, SeasonDate] = {}
    resolved: dict[str, dt.date] = {}

    def resolve(event_id: str) -> dt.date:
        if event_id in resolved:
            return resolved[event_id]
        event = data.event(event_id)
        record = records.get(event_id)
        if record is not None:  # a published date has the time its source gives, or none
            day, at = record.date, record.at
            source, reliability, derived = record.source, record.reliability, False
            note = record.note or event.note
        else:
            if event.rule.kind == "after":
                assert event.rule.event is not None
                resolve(event.rule.event)
            day, at = _by_rule(event.rule, match_year, resolved, data), event.at
            source, reliability, derived, note = event.source, event.reliability, True, event.note
        resolved[event_id] = day
        found[event_id] = SeasonDate(
            id=event.id,
            label=event.label,
            short=event.short,
            date=day,
            match_year=match_year,
            source=source,
            reliability=reliability,
            derived=derived,
            deadline=event.deadline,
            note=note,
            at=at,
        )
        return day

    for event in data.events:
        resolve(event.id)
    order = {event.id: index for index, event in enumerate(data.events)}
    return sorted(found.values(), key=lambda d: (d.date, order[d.id]))


def season_date(catalog: Catalog, match_year: int, event_id: str) -> SeasonDate:
    return next(d for d in season_dates(catalog, match_year) if d.id == event_id)


def next_event(catalog: Catalog, match_year: int, today: dt.date) -> SeasonDate | None:
    """The first event of any kind of the season on or after today (None once it is over)."""
    return next((d for d in season_dates(catalog, match_year) if d.date >= today), None)


def next_deadline(catalog: Catalog, match_year: int, today: dt.date) -> SeasonDate | None:
    """The first event of the season flagged as a deadline (`deadline = true` in dates.toml) on
    or after today; None once the season has no deadline left."""
    return next(
        (d for d in season_dates(catalog, match_year) if d.deadline and d.date >= today), None
    )


# --- phases --------------------------------------------------------------------------------


def phase_on(catalog: Catalog, match_year: int, day: dt.date) -> Phase:
    """Where the `match_year` season stands on `day`."""
    return phase_in(season_dates(catalog, match_year), day)


def phase_in(dates: list[SeasonDate], day: dt.date) -> Phase:
    """Where a season (its `season_dates`) stands on `day`."""
    at = {d.id: d.date for d in dates}
    if day < at["eras_opens"]:
        return "preparing"
    if day < at["submit_opens"]:
        return "eras_open"
    if day < at["programs_review"]:
        return "applications_in"
    if day < at["ranking_opens"]:
        return "interview_season"
    if day <= at["rank_deadline"]:
        return "ranking"
    if day < at["match_week_start"]:
        return "lists_locked"  # lists are locked; nothing happens until Match Week
    if at["soap_start"] <= day <= at["soap_end"]:
        return "soap"
    if day <= at["match_day"]:
        return "match_week"
    return "after_match"


def cycles_today(catalog: Catalog, today: dt.date) -> list[CycleNow]:
    """The Match cycles that matter today, oldest first: every season whose ERAS window
    (opening to the end of the ERAS season) contains today, and the next one, preparing."""
    found: list[CycleNow] = []
    for year in range(today.year - 1, today.year + 3):
        at = {d.id: d.date for d in season_dates(catalog, year)}
        if at["eras_opens"] <= today <= at["eras_season_ends"]:
            found.append(CycleNow(year, phase_on(catalog, year, today)))
        elif today < at["eras_opens"]:
            found.append(CycleNow(year, "preparing"))
            break
    return found


def window_closes(catalog: Catalog, match_year: int) -> SeasonDate:
    """The day a newcomer can no longer join the `match_year` season (a data rule)."""
    return season_date(catalog, match_year, dates_data(catalog).window.closes_at)


def default_match_year(catalog: Catalog, today: dt.date) -> int:
    """The next Match one can still apply to: the earliest season whose window is still open."""
    year = today.year
    while window_closes(catalog, year).date <= today:
        year += 1
    return year


# --- is the profile's Match still the right one? --------------------------------------------


class MatchYearCheck(NamedTuple):
    match_year: int
    suggested: int
    state: Literal["ok", "past", "closed", "late"]
    message: str  # empty when ok


def check_match_year(catalog: Catalog, match_year: int, today: dt.date) -> MatchYearCheck:
    """past: that Match is over. closed: it has not happened yet, but newcomers can no longer
    join it (someone who already applied keeps it). ok otherwise."""
    suggested = default_match_year(catalog, today)
    match_day = season_date(catalog, match_year, "match_day")
    if match_day.date < today:
        return MatchYearCheck(
            match_year,
            suggested,
            "past",
            f"Your profile is set to the {match_year} Match, which is over (Match Day was "
            f"{day_label(match_day.date)}). The next Match you can apply to is {suggested}.",
        )
    closes = window_closes(catalog, match_year)
    if closes.date <= today and suggested != match_year:
        return MatchYearCheck(
            match_year,
            suggested,
            "closed",
            f"The {match_year} Match no longer takes newcomers ({closes.label.lower()} on "
            f"{day_label(closes.date)}). If you did not apply this season, your Match is "
            f"{suggested}.",
        )
    return MatchYearCheck(match_year, suggested, "ok", "")


# --- the header's countdown -----------------------------------------------------------------


class Countdown(NamedTuple):
    """What the header says about the applicant's Match.

    - `deadline`: the deadline counted down to, always a flagged deadline on or after today: the
      next one of the applicant's Match; once that Match is over (after Match Day), the first one
      of the next Match one can still apply to (`deadline.match_year` says which).
    - `event`: set instead while the applicant's Match has no deadline left but is not over yet
      (lists locked, Match Week): its next event, said to be no deadline.
    - `text`: the line itself, the event and the days left first (a narrow terminal cuts the end
      of the title), then the date, marked "expected" while it is not official.
    """

    match_year: int
    deadline: SeasonDate | None
    event: SeasonDate | None
    text: str


def dated(date: SeasonDate) -> str:
    """'3 Mar 2027', with ', expected' after a date that is not official yet."""
    return day_label(date.date) + ("" if date.reliability == "primary" else ", expected")


def _counting(date: SeasonDate, today: dt.date, within: int) -> str:
    """'rank list deadline in 90 days (3 Mar 2027, expected)'; a timed date `within` days or
    less away gives its time before the brackets a narrow terminal drops first: 'rank list
    deadline today at 9 p.m. EST (3 Mar 2027, expected)'."""
    days = date.days_from(today)
    when = when_label(days)
    if date.at is not None and 0 <= days <= within:
        when += f" at {date.time_label}"
    return f"{date.short} {when} ({dated(date)})"


def time_within_days(catalog: Catalog) -> int:
    """How near a deadline is when the header gives its time of day (dates.toml [countdown];
    without that table, only on the day itself)."""
    rule = dates_data(catalog).countdown
    return 0 if rule is None else rule.time_within_days


def header_countdown(catalog: Catalog, match_year: int, today: dt.date) -> Countdown:
    """The header's countdown for the applicant's `match_year` Match on `today`."""
    within = time_within_days(catalog)
    deadline = next_deadline(catalog, match_year, today)
    if deadline is not None:
        text = f"{match_year}: {_counting(deadline, today, within)}"
        return Countdown(match_year, deadline, None, text)
    match_day = season_date(catalog, match_year, "match_day")
    if today <= match_day.date:  # no deadline left, but the Match is still to come
        event = next(
            d for d in season_dates(catalog, match_year) if today <= d.date <= match_day.date
        )
        return Countdown(
            match_year,
            None,
            event,
            f"{match_year}: no deadline left; {_counting(event, today, within)}",
        )
    # The Match is over: the first deadline ahead in the next Match one can still apply to (the
    # one the Plan's banner suggests), or a later one.
    suggested = default_match_year(catalog, today)
    later = [
        d
        for year in range(suggested, suggested + 3)
        if (d := next_deadline(catalog, year, today)) is not None
    ]
    if not later:  # a data folder that flags no deadline
        return Countdown(match_year, None, None, f"{match_year} Match over")
    first = min(later, key=lambda d: d.date)
    text = f"{match_year} Match over; {first.match_year}: {_counting(first, today, within)}"
    return Countdown(match_year, first, None, text)


def countdown(catalog: Catalog, match_year: int, today: dt.date) -> str:
    """The header's line: see `header_countdown`."""
    return header_countdown(catalog, match_year, today).text


# --- the season as a calendar file ----------------------------------------------------------


def season_ics(dates: list[SeasonDate], match_year: int, stamp: dt.datetime) -> str:
    """A Match season's dates as an iCalendar file, each saying how sure its date is (a date
    not official yet is marked expected in its title) and where it comes from. A date with a
    time of day (the rank list deadline, 9 p.m. Eastern) is an event at that moment, written in
    UTC (its zone's offset on that day applied, summer time or not), which every calendar app
    reads alike and shows in the applicant's own zone; its description gives the time as the
    source does. (A TZID needs the zone's rules in the file, and the rules icalendar writes are
    dates, which Outlook is known to misread.) A date with no time stays an all-day event."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//matchtui//season calendar//EN")
    calendar.add("version", "2.0")
    for date in dates:
        event = Event()
        event.add("uid", f"{match_year}-{date.id}@matchtui")
        event.add("dtstamp", stamp)
        moment = date.moment
        if moment is None:
            event.add("dtstart", date.date)
            event.add("dtend", date.date + dt.timedelta(days=1))
        else:  # a deadline is a moment: no DTEND (RFC 5545: the event ends when it starts)
            event.add("dtstart", moment.astimezone(dt.UTC))
        sure = "" if date.reliability == "primary" else " (expected)"
        event.add("summary", f"{date.label}, {match_year} Match{sure}")
        how = ("derived, " if date.derived else "") + RELIABILITY_WORDS.get(
            date.reliability, date.reliability
        )
        note = f" {date.note}" if date.note else ""
        event.add(
            "description", f"Reliability: {how}. Source: {date.source}.{_time_words(date)}{note}"
        )
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _time_words(date: SeasonDate) -> str:
    """' Time: 9 p.m. EST (America/New_York).', with the time's own source where it is not the
    date's; '' for an all-day date."""
    if date.at is None:
        return ""
    at = date.at
    words = f" Time: {date.time_label} ({at.zone})"
    if (at.source, at.reliability) != (date.source, date.reliability):
        how = RELIABILITY_WORDS.get(at.reliability, at.reliability)
        words += f", {how}, source: {at.source}"
    return words + "."
