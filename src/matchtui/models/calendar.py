"""dates.toml: the season calendar (events, the rules that place them, published dates)."""

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from matchtui.models.base import Sourced, Strict, empty_dict, empty_list

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

Loc = tuple[str | int, ...]

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# The events every season must be able to date (the engine and the panes name them).
EVENT_IDS: tuple[str, ...] = (
    "eras_opens",
    "token_release",
    "submit_opens",
    "programs_review",
    "nrmp_registration_opens",
    "ranking_opens",
    "rank_deadline",
    "match_week_start",
    "soap_start",
    "soap_end",
    "match_day",
    "eras_season_ends",
)


class DateRule(Strict):
    """How to place an event in a season nobody has published yet."""

    kind: Literal["nth_weekday", "fixed", "after"]
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    weekday: Weekday | None = None
    n: int | None = Field(default=None, ge=1, le=5)
    year_offset: int = Field(default=0, ge=-2, le=0)
    event: str | None = None
    days: int | None = Field(default=None, ge=-120, le=120)

    @model_validator(mode="after")
    def _complete(self) -> "DateRule":
        needs = {
            "nth_weekday": ("month", "weekday", "n"),
            "fixed": ("month", "day"),
            "after": ("event", "days"),
        }[self.kind]
        missing = [name for name in needs if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind!r} rule needs {', '.join(missing)}")
        return self


class ClockTime(Sourced):
    """The time of day an event falls at, in the time zone its source gives it in (an IANA
    name, "America/New_York" for Eastern time), with its own source: a date whose source gives
    no time has none (it stays an all-day date)."""

    time: dt.time
    zone: str

    @field_validator("time")
    @classmethod
    def _plain_time(cls, value: dt.time) -> dt.time:
        if value.tzinfo is not None:
            raise ValueError("give the time without an offset; the zone goes in `zone`")
        return value

    @field_validator("zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(
                f"{value!r} is not a time zone name (e.g. 'America/New_York')"
            ) from None
        return value


class EventDef(Sourced):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(max_length=60)
    short: str = Field(max_length=24)  # for the header's countdown
    rule: DateRule
    # the time of day of a date placed by the rule (a published date carries its own, or none)
    at: ClockTime | None = None
    note: str = ""
    deadline: bool = False  # something the applicant must do by this date


class SeasonDate(Sourced):
    event: str
    date: dt.date
    at: ClockTime | None = None  # the time of day, where the date's source gives one
    note: str = ""


class Season(Strict):
    match_year: int = Field(ge=2000, le=2100)
    note: str = ""
    dates: list[SeasonDate] = Field(default_factory=empty_list)


class Window(Sourced):
    """When a season stops taking newcomers (an event id)."""

    closes_at: str
    note: str = ""


class CountdownRule(Sourced):
    """How near a deadline must be for the header's countdown to give its time of day (the
    `dates` command and the calendar file always give it)."""

    time_within_days: int = Field(ge=0, le=60)
    note: str = ""


class DatesFile(Strict):
    window: Window
    countdown: CountdownRule | None = None  # none: the time only on the deadline's own day
    events: list[EventDef] = Field(min_length=1)
    seasons: list[Season] = Field(default_factory=empty_list)
    # engine.calendar's computed seasons, by (match year, published): the data never changes
    _derived: dict[tuple[int, bool], tuple[Any, ...]] = PrivateAttr(default_factory=empty_dict)

    @property
    def derived_cache(self) -> dict[tuple[int, bool], tuple[Any, ...]]:
        return self._derived

    def event(self, event_id: str) -> EventDef:
        return next(e for e in self.events if e.id == event_id)

    def season(self, match_year: int) -> Season | None:
        return next((s for s in self.seasons if s.match_year == match_year), None)

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        ids = [e.id for e in self.events]
        for wanted in EVENT_IDS:
            if wanted not in ids:
                yield ("events",), f"event {wanted!r} is missing"
        for index, event in enumerate(self.events):
            if ids.count(event.id) > 1:
                yield ("events", index, "id"), f"event {event.id!r} is defined twice"
            if event.rule.kind == "after" and event.rule.event not in ids:
                yield ("events", index, "rule", "event"), f"unknown event {event.rule.event!r}"
        # "after" rules must not go round in a circle
        for index, event in enumerate(self.events):
            seen, current = {event.id}, event
            while current.rule.kind == "after" and current.rule.event in ids:
                current = self.event(str(current.rule.event))
                if current.id in seen:
                    yield ("events", index, "rule"), f"rule of {event.id!r} refers back to itself"
                    break
                seen.add(current.id)
        if self.window.closes_at not in ids:
            yield ("window", "closes_at"), f"unknown event {self.window.closes_at!r}"
        years = [s.match_year for s in self.seasons]
        for index, season in enumerate(self.seasons):
            if years.count(season.match_year) > 1:
                yield ("seasons", index, "match_year"), f"season {season.match_year} twice"
            for j, date in enumerate(season.dates):
                if date.event not in ids:
                    yield ("seasons", index, "dates", j, "event"), f"unknown event {date.event!r}"


def dates_data(catalog: "Catalog") -> DatesFile:
    return catalog.get("dates.toml", DatesFile)
