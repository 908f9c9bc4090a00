"""The applications tracker: stage moves, today's agenda, yields and the cost ledger.

Pure functions over the Program model: the pane, the CLI (`matchtui programs list/set/summary`)
and the report all call these. "Today" is always passed in, never read from the clock here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from matchtui.engine.fees import (
    application_fee,
    eras_fee,
    extra_codes,
    extra_codes_fee,
    fee_season,
    season_label,
)
from matchtui.engine.wording import and_list, percent, plural
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import (
    COST_KINDS,
    DATE_FIELDS,
    PROGRAM_STATUSES,
    SIGNAL_KINDS,
    STAGE_LABELS,
    Program,
)
from matchtui.models.reference import APPLICATION_SERVICE_NAMES

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.engine.calendar import SeasonDate
    from matchtui.engine.programs import Screened
    from matchtui.models.rank_state import RankItem

# Where each stage keeps its date.
STAGE_DATE: dict[str, str] = {
    "applied": "applied_on",
    "invited": "invited_on",
    "scheduled": "interview_on",
    "interviewed": "interviewed_on",
    "thanked": "thank_you_on",
    "second_look": "second_look_on",
    "ranked": "ranked_on",
    "rejected": "rejected_on",
    "withdrawn": "withdrawn_on",
}

# The moves that make sense from each stage. "scheduled" -> "scheduled" is a new interview date.
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    "planned": ("applied", "withdrawn"),
    "applied": ("invited", "rejected", "withdrawn"),
    "invited": ("scheduled", "rejected", "withdrawn"),
    "scheduled": ("scheduled", "interviewed", "withdrawn"),
    "interviewed": ("thanked", "second_look", "ranked", "withdrawn"),
    "thanked": ("second_look", "ranked", "withdrawn"),
    "second_look": ("thanked", "ranked", "withdrawn"),
    "ranked": ("withdrawn",),
    "rejected": (),
    "withdrawn": (),
}

# A stage's date may not come before these dates (when they are known).
NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "applied": (),
    "invited": ("applied_on",),
    "scheduled": ("invited_on",),
    "interviewed": ("invited_on",),
    "thanked": ("interviewed_on",),
    "second_look": ("interviewed_on",),
    "ranked": ("interviewed_on",),
    "rejected": ("applied_on",),
    "withdrawn": ("applied_on",),
}

# Only an interview date can lie ahead; every other stage records something that happened.
FUTURE_ALLOWED = frozenset({"scheduled"})

# Stages after an interview where a thank-you not yet sent is still worth sending (a program
# moved to second look straight from the interview skipped "thanked"; a ranked one is past it).
THANKS_DUE = frozenset({"interviewed", "second_look"})
APPLIED_STAGES = frozenset(PROGRAM_STATUSES) - {"planned", "withdrawn"}
INVITED_STAGES = frozenset(
    {"invited", "scheduled", "interviewed", "thanked", "second_look", "ranked"}
)
INTERVIEWED_STAGES = frozenset({"interviewed", "thanked", "second_look", "ranked"})


class MoveError(ValueError):
    """A stage change that does not make sense; the message says why in one line."""


def _label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage).lower()


def default_day(program: Program, stage: str, today: dt.date) -> dt.date:
    """The date a stage move takes when none is given: today, but for an interview booked
    for a day gone by and now recorded as held, that booked day."""
    booked = program.interview_on
    if stage == "interviewed" and booked is not None and booked <= today:
        return booked
    return today


def ranking_opens(catalog: Catalog, match_year: int) -> SeasonDate:
    """The day programs can first be entered on the `match_year` Match's rank list
    (dates.toml, `ranking_opens`): a program cannot be ranked before it."""
    from matchtui.engine.calendar import season_date

    return season_date(catalog, match_year, "ranking_opens")


def moved_note(before: Program, after: Program) -> str:
    """What a move changed besides the stage, for the message that confirms it: '' or
    ' (interview date moved from 2027-01-12 to 2026-12-01, the day it was held)'."""
    if (
        after.status == "interviewed"
        and before.interview_on is not None
        and after.interview_on != before.interview_on
        and after.interview_on is not None
    ):
        return (
            f" (interview date moved from {before.interview_on.isoformat()} to "
            f"{after.interview_on.isoformat()}, the day it was held)"
        )
    return ""


def move(
    program: Program,
    stage: str,
    on: dt.date | None = None,
    *,
    today: dt.date,
    respond_by: dt.date | None = None,
    interview_format: str | None = None,
    ranking: SeasonDate | None = None,
) -> Program:
    """`program` moved to `stage` on date `on` (default: `default_day`); MoveError if it makes
    no sense.

    For "scheduled" the date is the interview date (it may lie ahead); for "invited" an
    optional `respond_by` records the deadline to answer the invitation. "interviewed" on a
    day other than the one booked moves the booked day to it (the interview was held then:
    the calendar export and the Today view follow; `moved_note` says so). With `ranking`
    (`ranking_opens` of the applicant's Match), "ranked" may not come before it.
    """
    if stage not in STAGE_DATE:
        known = ", ".join(STAGE_DATE)
        raise MoveError(f"{stage!r} is not a stage (stages: {known})")
    allowed = NEXT_STAGES[program.status]
    if stage not in allowed:
        if allowed:
            options = ", ".join(_label(s) for s in allowed)
            raise MoveError(
                f"{program.name}: cannot go from {_label(program.status)} to {_label(stage)} "
                f"(next: {options})"
            )
        raise MoveError(
            f"{program.name}: {_label(program.status)} is final; it cannot move to "
            f"{_label(stage)} (a move made by mistake can be undone: back a stage)"
        )
    when = on or default_day(program, stage, today)
    if when > today and stage not in FUTURE_ALLOWED:
        hint = " (book a date ahead with 'scheduled')" if stage == "interviewed" else ""
        raise MoveError(
            f"{program.name}: {_label(stage)} on {when.isoformat()} is in the future "
            f"(today is {today.isoformat()}){hint}"
        )
    for earlier in NOT_BEFORE[stage]:
        before = getattr(program, earlier)
        if before is not None and when < before:
            raise MoveError(
                f"{program.name}: {_label(stage)} on {when.isoformat()} comes before "
                f"{earlier.removesuffix('_on').replace('_', ' ')} on {before.isoformat()}"
            )
    if stage == "ranked" and ranking is not None and when < ranking.date:
        from matchtui.engine.calendar import RELIABILITY_WORDS, dated

        how = RELIABILITY_WORDS.get(ranking.reliability, ranking.reliability)
        raise MoveError(
            f"{program.name}: ranked on {when.isoformat()} comes before ranking opens for the "
            f"{ranking.match_year} Match on {dated(ranking)} (dates.toml, event "
            f"'{ranking.id}': {how}, source {ranking.source}); order your programs in the "
            "Rank list pane until then, and mark them ranked once your list is entered"
        )
    update: dict[str, Any] = {"status": stage, STAGE_DATE[stage]: when}
    if stage == "interviewed" and program.interview_on is not None:
        update["interview_on"] = when  # held on this day, whatever day was booked
    if stage == "invited" and respond_by is not None:
        if respond_by < when:
            raise MoveError(
                f"{program.name}: respond by {respond_by.isoformat()} is before the invitation "
                f"on {when.isoformat()}"
            )
        update["respond_by"] = respond_by
    if stage == "scheduled" and interview_format is not None:
        update["interview_format"] = interview_format
    return Program.model_validate({**program.model_dump(), **update})


# The stages a program passes through, in order: going back a stage returns to the latest one
# still dated (a stage's date is cleared when the program goes back from it).
PROGRESS: tuple[str, ...] = tuple(
    stage for stage in PROGRAM_STATUSES if stage not in ("planned", "rejected", "withdrawn")
)


def step_back(program: Program) -> tuple[Program, dt.date | None]:
    """`program` as it was before its last stage move, and the date that move had recorded:
    the current stage's date is cleared (an invitation's respond-by with it) and the status
    goes back to the latest stage still dated, or to planned. MoveError when planned."""
    if program.status == "planned":
        raise MoveError(f"{program.name}: planned is the first stage; there is no stage before it")
    date_field = STAGE_DATE[program.status]
    cleared = getattr(program, date_field)
    update: dict[str, Any] = {date_field: None}
    if program.status == "invited":
        update["respond_by"] = None
    dated = [
        (when, PROGRESS.index(stage), stage)
        for stage in PROGRESS
        if stage != program.status
        and isinstance(when := getattr(program, STAGE_DATE[stage]), dt.date)
    ]
    update["status"] = max(dated)[2] if dated else "planned"
    return Program.model_validate({**program.model_dump(), **update}), cleared


def reached_applied(program: Program) -> bool:
    return (
        program.status in APPLIED_STAGES
        or program.applied_on is not None
        or program.invited_on is not None
    )


def reached_invited(program: Program | Screened) -> bool:
    """Invited there (the stage, or an invitation dated): the tracker's count of invitations,
    the Mix estimate's and the rule on years-out limits (engine.programs.closed_to) alike."""
    return program.status in INVITED_STAGES or program.invited_on is not None


# --- the table: filter and sort -------------------------------------------------------------
ALL = "*"

SORT_KEYS: tuple[str, ...] = ("name", "state", "specialty", "tier", "signal", "stage", "date")
_TIER_ORDER = {tier: i for i, tier in enumerate(TIERS)}
_STAGE_ORDER = {stage: i for i, stage in enumerate(PROGRAM_STATUSES)}
_SIGNAL_ORDER = {kind: i for i, kind in enumerate(("gold", "silver", "signal", "none"))}


@dataclass(frozen=True)
class Filters:
    stage: str = ALL
    specialty: str = ALL
    region: str = ALL
    signal: str = ALL
    tier: str = ALL
    sort: str = "name"
    reverse: bool = False


def stage_date(program: Program) -> dt.date | None:
    """The date of the program's current stage (None for planned or undated)."""
    field_name = STAGE_DATE.get(program.status)
    value = getattr(program, field_name) if field_name else None
    return value if isinstance(value, dt.date) else None


def _passes(
    p: Program, filters: Filters, region_of_state: Mapping[str, str]
) -> bool:  # the one filter rule (Orders.visible narrows by the same tests, field by field)
    return (
        (filters.stage == ALL or p.status == filters.stage)
        and (filters.specialty == ALL or p.specialty == filters.specialty)
        and (filters.region == ALL or region_of_state.get(p.state, "") == filters.region)
        and (filters.signal == ALL or p.signal == filters.signal)
        and (filters.tier == ALL or p.tier == filters.tier)
    )


def sort_key(programs: Sequence[Program], sort: str) -> Callable[[int], tuple[Any, ...]]:
    """The key that orders program indices for one sort: the field, then the name, then the
    index (so no two keys are equal and a reversed sort is the exact reverse)."""
    far = dt.date.max
    field: Callable[[Program], Any] = {
        "name": lambda p: "",
        "state": lambda p: p.state,
        "specialty": lambda p: p.specialty,
        "tier": lambda p: _TIER_ORDER[p.tier],
        "signal": lambda p: _SIGNAL_ORDER[p.signal],
        "stage": lambda p: _STAGE_ORDER[p.status],
        "date": lambda p: stage_date(p) or far,
    }[sort]

    def key(i: int) -> tuple[Any, ...]:
        p = programs[i]
        return (field(p), p.name.lower(), i)

    return key


def visible(
    programs: Sequence[Program], filters: Filters, region_of_state: Mapping[str, str]
) -> list[int]:
    """Indices of the programs the filters let through, in sort order."""
    rows = [i for i, p in enumerate(programs) if _passes(p, filters, region_of_state)]
    return sorted(rows, key=sort_key(programs, filters.sort), reverse=filters.reverse)


class Orders:
    """`visible` for a long list that changes one program at a time (the Applications pane).

    Each sort's full order is computed once (`prepare` can do them all in a worker thread) and
    kept right as programs change (`changed` moves one program in each order), so a filter or
    sort change is one pass over a ready order, never a sort. `visible` gives exactly what the
    function `visible` gives for the same list (tests/test_tracker_orders.py checks it).
    """

    def __init__(self, programs: list[Program]) -> None:
        self.programs = programs  # the same list the caller changes in place
        self._orders: dict[str, list[int]] = {}

    def prepare(self, sorts: Iterable[str] = SORT_KEYS) -> Orders:
        for sort in sorts:
            self.order(sort)
        return self

    def order(self, sort: str) -> list[int]:
        """Every program index, ascending by `sort` (do not change the list returned)."""
        found = self._orders.get(sort)
        if found is None:
            programs = self.programs
            found = self._orders[sort] = sorted(range(len(programs)), key=sort_key(programs, sort))
        return found

    def adopt(self, other: Orders) -> None:
        """Take the orders `other` computed over a copy of this same, unchanged list."""
        if len(other.programs) != len(self.programs):
            raise ValueError("orders over a different list")
        for sort, order in other._orders.items():
            self._orders.setdefault(sort, order)

    def changed(self, index: int) -> None:
        """programs[index] was replaced: put it where its new values sort in every order."""
        for sort, order in self._orders.items():
            order.remove(index)
            bisect.insort(order, index, key=sort_key(self.programs, sort))

    def added(self, index: int) -> None:
        """programs[index] was appended: put it where its values sort in every order."""
        for sort, order in self._orders.items():
            bisect.insort(order, index, key=sort_key(self.programs, sort))

    def visible(self, filters: Filters, region_of_state: Mapping[str, str]) -> list[int]:
        programs = self.programs
        rows = self.order(filters.sort)
        if filters.stage != ALL:
            rows = [i for i in rows if programs[i].status == filters.stage]
        if filters.specialty != ALL:
            rows = [i for i in rows if programs[i].specialty == filters.specialty]
        if filters.region != ALL:
            region = filters.region
            rows = [i for i in rows if region_of_state.get(programs[i].state, "") == region]
        if filters.signal != ALL:
            rows = [i for i in rows if programs[i].signal == filters.signal]
        if filters.tier != ALL:
            rows = [i for i in rows if programs[i].tier == filters.tier]
        return rows[::-1] if filters.reverse else list(rows)


# --- today ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Waiting:
    index: int
    name: str
    invited_on: dt.date | None
    respond_by: dt.date | None
    hours_left: float | None  # to the end of respond_by; negative when overdue


# Up to this many hours, time to a respond-by date is told in hours; past it, in days.
HOURS_SHOWN = 48


def time_to_answer(hours_left: float | None) -> str:
    """How long is left to answer an invitation, or how long ago its respond-by date passed,
    as the pane and `matchtui programs summary` both say it: "20 h left", "3 days left",
    "59 days overdue", "no respond-by date"."""
    if hours_left is None:
        return "no respond-by date"
    hours = abs(hours_left)
    amount = f"{hours:.0f} h" if hours < HOURS_SHOWN else plural(int(hours // 24), "day")
    return f"{amount} overdue" if hours_left < 0 else f"{amount} left"


@dataclass(frozen=True)
class Upcoming:
    index: int
    name: str
    on: dt.date
    days: int
    format: str | None
    # after the rank-list deadline of the Match the list is for (`after_rank_deadline`)
    late: bool = False


@dataclass(frozen=True)
class Passed:
    """An interview booked for a day gone by, the program still at 'scheduled'."""

    index: int
    name: str
    on: dt.date
    days_ago: int


@dataclass(frozen=True)
class Clash:
    on: dt.date
    names: tuple[str, ...]
    indices: tuple[int, ...]


@dataclass(frozen=True)
class SeasonOver:
    """The Match the list was for has taken place: what its reminders would still have said,
    counted once instead of repeated (nothing in it can be acted on for that Match)."""

    match_year: int
    match_day: dt.date
    unanswered: int  # invitations never answered
    unrecorded: int  # interviews booked for a day gone by, never recorded as held
    thanks: int  # thank-you notes never sent

    def text(self) -> str:
        """One paragraph: 'The 2027 Match took place on 19 Mar 2027, so the season's
        reminders stop. Left as they were: ...'."""
        from matchtui.engine.calendar import day_label

        left = [
            f"{plural(n, noun)} {rest}"
            for n, noun, rest in (
                (self.unanswered, "invitation", "never answered"),
                (self.unrecorded, "booked interview", "never recorded as held"),
                (self.thanks, "thank-you note", "not sent"),
            )
            if n
        ]
        said = (
            f" Left as they were on your list: {and_list(left)}; none of it can change that "
            "Match now."
            if left
            else ""
        )
        return (
            f"The {self.match_year} Match took place on {day_label(self.match_day)}, so the "
            f"interview season's reminders stop here.{said}"
        )


@dataclass(frozen=True)
class TodayView:
    today: dt.date
    waiting: tuple[Waiting, ...]
    upcoming: tuple[Upcoming, ...]
    clashes: tuple[Clash, ...]
    thank_you_due: tuple[tuple[int, str, dt.date | None], ...]
    # Interviews whose day went by with the program still at "scheduled" (`interview_passed`).
    passed: tuple[Passed, ...] = ()
    # After Match Day: the reminders above are empty and this counts what they held.
    season_over: SeasonOver | None = None
    # The programs from an earlier Match, left out of the reminders above (`earlier_season`).
    set_aside: SetAside | None = None
    # Every interview booked after the rank-list deadline, however far ahead (`late` ones).
    too_late: tuple[Upcoming, ...] = ()
    season: MatchSeason | None = None  # the Match the view was worked out for, when given

    @property
    def empty(self) -> bool:
        return not (
            self.waiting
            or self.upcoming
            or self.clashes
            or self.thank_you_due
            or self.passed
            or self.season_over
            or self.set_aside
            or self.too_late
        )


class Booked(Protocol):
    """What `interview_passed` reads of a program: a tracked Program, or the rank list's
    ProgramInfo."""

    @property
    def status(self) -> str: ...

    @property
    def interview_on(self) -> dt.date | None: ...


def interview_day(program: Booked) -> dt.date | None:
    """The day of the program's interview: the day recorded as held once there is one (a
    booking moved or kept wrong does not outvote it), else the day booked. (A record that
    keeps no held day, as the rank list's, gives the day booked.)"""
    held = getattr(program, "interviewed_on", None)
    if isinstance(held, dt.date) and program.status in INTERVIEWED_STAGES:
        return held
    return program.interview_on


def interview_passed(program: Booked, today: dt.date) -> bool:
    """The one rule for a booked interview whose day has gone by: the program is still at
    'scheduled' with an interview date before `today`. It was held, moved or cancelled, and
    the list does not say which (the rank list counts only interviews recorded as held)."""
    day = program.interview_on
    return program.status == "scheduled" and day is not None and day < today


# What to do about an interview whose day went by (`interview_passed`): the Today view, the
# summary, the report and the rank list's warnings all say it in these words.
PASSED_ADVICE = (
    "record it as interviewed, give it its new date if it moved, or withdraw it if it was cancelled"
)


def passed_line(name: str, on: dt.date, today: dt.date) -> str:
    """'Interview date passed, not recorded: X (booked for 2026-11-19, 93 days ago)'."""
    days = (today - on).days
    return (
        f"Interview date passed, not recorded: {name} (booked for {on.isoformat()}, "
        f"{plural(days, 'day')} ago)"
    )


def match_day_of(catalog: Catalog, match_year: int) -> SeasonDate:
    """Match Day of the `match_year` Match (dates.toml), after which the season's reminders
    stop (`today_view`)."""
    from matchtui.engine.calendar import season_date

    return season_date(catalog, match_year, "match_day")


# --- the Match a list is read for -------------------------------------------------------------
@dataclass(frozen=True)
class MatchSeason:
    """The Match a program list is read for (the profile's Match year), as dates.toml places
    it: the day its season opened (`eras_opens`), its rank-list deadline and its Match Day.
    What decides which programs and interviews count for that Match (`out_of_season`)."""

    match_year: int
    opens: SeasonDate
    rank_deadline: SeasonDate
    match_day: SeasonDate


def season_of(catalog: Catalog, match_year: int) -> MatchSeason:
    from matchtui.engine.calendar import season_date

    return MatchSeason(
        match_year,
        season_date(catalog, match_year, "eras_opens"),
        season_date(catalog, match_year, "rank_deadline"),
        season_date(catalog, match_year, "match_day"),
    )


def last_date(program: Booked) -> dt.date | None:
    """The latest date the record holds, of any stage (None when it holds none). A record that
    keeps fewer dates (the rank list's) gives the latest of those it keeps."""
    days = [d for f in DATE_FIELDS if isinstance(d := getattr(program, f, None), dt.date)]
    return max(days) if days else None


def earlier_season(program: Booked, season: MatchSeason) -> bool:
    """The one rule for a program kept from an earlier Match: every date it records comes
    before `season` opened (nothing of it happened in this season; a program applied to again
    gets a new date and counts again). A program with no date at all counts as this season's."""
    last = last_date(program)
    return last is not None and last < season.opens.date


def after_rank_deadline(program: Booked, season: MatchSeason) -> bool:
    """The one rule for an interview too late for the Match: its day (held, else booked)
    comes after `season`'s rank-list deadline, by which programs certify their lists, so it
    cannot put the applicant on one (a program turned down or withdrawn is none either way)."""
    if program.status not in INVITED_STAGES:
        return False
    day = interview_day(program)
    return day is not None and day > season.rank_deadline.date


OutOfSeason = Literal["earlier_match", "after_deadline"]


def out_of_season(program: Booked, season: MatchSeason) -> OutOfSeason | None:
    """Why a program's interview cannot count for `season`'s rank list (None when it can): it
    is from an earlier Match (`earlier_season`), or its interview comes after the rank-list
    deadline (`after_rank_deadline`). The rank list's odds count such a program as no chance."""
    if earlier_season(program, season):
        return "earlier_match"
    if after_rank_deadline(program, season):
        return "after_deadline"
    return None


# Why an interview after the rank-list deadline counts for nothing (`after_rank_deadline`).
TOO_LATE = (
    "Programs certify their rank lists by that deadline, so an interview after it cannot get "
    "you ranked there, and the rank list counts the program as no chance."
)


def deadline_words(season: MatchSeason) -> str:
    """'the 2027 Match's rank list deadline (3 Mar 2027, 9 p.m. EST; third-party,
    unconfirmed)'."""
    from matchtui.engine.calendar import RELIABILITY_WORDS

    deadline = season.rank_deadline
    how = RELIABILITY_WORDS.get(deadline.reliability, deadline.reliability)
    return (
        f"the {season.match_year} Match's rank list deadline ({deadline.day_and_time}; "
        f"{'derived, ' if deadline.derived else ''}{how})"
    )


def out_of_season_words(program: Booked, why: OutOfSeason, season: MatchSeason) -> str:
    """Why, as a warning names it after the program ('is from an earlier Match: ...')."""
    from matchtui.engine.calendar import dated

    if why == "earlier_match":
        last = last_date(program)
        assert last is not None
        return (
            f"is from an earlier Match: its dates (the latest {last.isoformat()}) come before "
            f"the {season.match_year} season opened ({dated(season.opens)})"
        )
    day = interview_day(program)
    assert day is not None
    return f"has its interview on {day.isoformat()}, after {deadline_words(season)}"


def deadline_warning(
    program: Booked, season: MatchSeason, today: dt.date | None = None
) -> str | None:
    """What to tell the applicant when an interview is booked (or found) after the rank-list
    deadline of their Match; None when it is not. With `today`: once the deadline has gone
    by, no earlier day is suggested."""
    if not after_rank_deadline(program, season):
        return None
    day = interview_day(program)
    assert day is not None
    gone = today is not None and today > season.rank_deadline.date
    ask = (
        "The deadline has passed, so this interview cannot count for this Match."
        if gone
        else "Ask the program for a day before the deadline if it has one."
    )
    return (
        f"the interview on {day.isoformat()} comes after {deadline_words(season)}. {TOO_LATE} {ask}"
    )


SET_ASIDE_NAMED = 3  # programs from an earlier Match named one by one (the rest counted)


@dataclass(frozen=True)
class SetAside:
    """The programs of a list kept from an earlier Match (`earlier_season`), left out of the
    season's reminders and of the rank list's odds."""

    season: MatchSeason
    names: tuple[str, ...]

    def text(self) -> str:
        from matchtui.engine.calendar import dated

        shown = [repr(n) for n in self.names[:SET_ASIDE_NAMED]]
        more = len(self.names) - len(shown)
        listed = ", ".join(shown) + (f", and {more} more" if more else "")
        year = self.season.match_year
        return (
            f"From an earlier Match: {plural(len(self.names), 'program')} whose dates all come "
            f"before the {year} season opened ({dated(self.season.opens)}): {listed}. Their "
            f"reminders are left out here, and their interviews do not count in the {year} "
            "rank list's odds; the yields and costs still include them."
        )


def today_view(
    programs: Sequence[Program],
    now: dt.datetime,
    horizon_days: int = 14,
    match_day: SeasonDate | None = None,
    season: MatchSeason | None = None,
) -> TodayView:
    """Invites waiting for an answer, interviews in the next `horizon_days`, same-day clashes,
    interviews whose day went by unrecorded and thank-you notes not yet sent, as of `now`.
    After `match_day` (the Match the list is for) none of these is a reminder any more: the
    view holds them counted once, in `season_over`. With `season` (that Match; its Match Day
    stands for `match_day`), the programs from an earlier Match are left out of the reminders
    and named in `set_aside`, and an interview after its rank-list deadline is marked late."""
    if season is not None and match_day is None:
        match_day = season.match_day
    today = now.date()
    earlier: list[str] = []
    too_late: list[Upcoming] = []
    waiting: list[Waiting] = []
    upcoming: list[Upcoming] = []
    passed: list[Passed] = []
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    thanks: list[tuple[int, str, dt.date | None]] = []
    for i, p in enumerate(programs):
        if season is not None and earlier_season(p, season):
            earlier.append(p.name)
            continue
        if p.status == "invited":
            hours = None
            if p.respond_by is not None:
                deadline = dt.datetime.combine(p.respond_by + dt.timedelta(days=1), dt.time())
                hours = (deadline - now.replace(tzinfo=None)).total_seconds() / 3600
            waiting.append(Waiting(i, p.name, p.invited_on, p.respond_by, hours))
        elif interview_passed(p, today):
            assert p.interview_on is not None
            passed.append(Passed(i, p.name, p.interview_on, (today - p.interview_on).days))
        elif p.status == "scheduled" and p.interview_on is not None:
            by_day[p.interview_on].append(i)
            days = (p.interview_on - today).days
            late = season is not None and after_rank_deadline(p, season)
            booked = Upcoming(i, p.name, p.interview_on, days, p.interview_format, late)
            if days <= horizon_days:
                upcoming.append(booked)
            if late:
                too_late.append(booked)
        elif p.status in THANKS_DUE and p.thank_you_on is None:
            thanks.append((i, p.name, p.interviewed_on))
    if match_day is not None and today > match_day.date:
        over = SeasonOver(
            match_day.match_year, match_day.date, len(waiting), len(passed), len(thanks)
        )
        return TodayView(today, (), (), (), (), (), over)
    never = float("inf")
    waiting.sort(key=lambda w: (never if w.hours_left is None else w.hours_left, w.name))
    upcoming.sort(key=lambda u: (u.on, u.name))
    passed.sort(key=lambda u: (u.on, u.name))
    clashes = tuple(
        Clash(day, tuple(programs[i].name for i in ordered), tuple(ordered))
        for day, found in sorted(by_day.items())
        if len(found) > 1
        for ordered in [sorted(found, key=lambda i: programs[i].name.lower())]
    )
    aside = SetAside(season, tuple(earlier)) if season is not None and earlier else None
    too_late.sort(key=lambda u: (u.on, u.name))
    return TodayView(
        today,
        tuple(waiting),
        tuple(upcoming),
        clashes,
        tuple(thanks),
        tuple(passed),
        None,
        aside,
        tuple(too_late),
        season,
    )


# --- yields -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Yield:
    applied: int = 0
    invited: int = 0

    @property
    def rate(self) -> float | None:
        return self.invited / self.applied if self.applied else None

    def as_dict(self) -> dict[str, Any]:
        rate = self.rate
        return {
            "applied": self.applied,
            "invited": self.invited,
            "rate": None if rate is None else round(rate, 4),
        }

    @property
    def rate_text(self) -> str:
        """The share invited as every view shows it, rounded once from the counts ("19%";
        "<1%" or ">99%" for a share that is neither none nor all; "-" with no application)."""
        rate = self.rate
        return "-" if rate is None else percent(rate)

    def text(self) -> str:
        return f"{self.invited}/{self.applied} ({self.rate_text})"


@dataclass(frozen=True)
class Yields:
    overall: Yield
    by_signal: dict[str, Yield]
    by_tier: dict[str, Yield]
    by_region: dict[str, Yield]
    by_division: dict[str, Yield]  # empty when the data has no census divisions
    target_region: str
    in_target: Yield
    outside_target: Yield


def _tally(pairs: Iterable[tuple[str, bool]], keys: Sequence[str] = ()) -> dict[str, Yield]:
    counts: dict[str, list[int]] = {k: [0, 0] for k in keys}
    for key, invited in pairs:
        cell = counts.setdefault(key, [0, 0])
        cell[0] += 1
        cell[1] += int(invited)
    return {k: Yield(a, i) for k, (a, i) in counts.items()}


def division_map(catalog: Catalog) -> Mapping[str, str]:
    """state -> census division id."""
    return catalog.division_of_state


def yields(
    programs: Sequence[Program],
    region_of_state: Mapping[str, str],
    target_region: str,
    division_of_state: Mapping[str, str] | None = None,
) -> Yields:
    """Invitations per application by signal kind, tier, region, division and target region."""
    applied = [p for p in programs if reached_applied(p)]
    invited = [reached_invited(p) for p in applied]
    regions = [region_of_state.get(p.state, "") for p in applied]
    divisions = division_of_state or {}
    in_target = _tally(
        ("in" if r == target_region else "out", v) for r, v in zip(regions, invited, strict=True)
    )
    return Yields(
        overall=Yield(len(applied), sum(invited)),
        by_signal=_tally(
            ((p.signal, v) for p, v in zip(applied, invited, strict=True)), SIGNAL_KINDS
        ),
        by_tier=_tally(((p.tier, v) for p, v in zip(applied, invited, strict=True)), TIERS),
        by_region=_tally(zip(regions, invited, strict=True)),
        by_division=(
            _tally((divisions.get(p.state, ""), v) for p, v in zip(applied, invited, strict=True))
            if divisions
            else {}
        ),
        target_region=target_region,
        in_target=in_target.get("in", Yield()),
        outside_target=in_target.get("out", Yield()),
    )


# --- costs ------------------------------------------------------------------------------------
LEDGER_KINDS: tuple[str, ...] = ("eras", "nrmp", *COST_KINDS)
UNDATED = "undated"


@dataclass(frozen=True)
class CostLine:
    kind: str  # eras | nrmp | travel | lodging | other
    usd: float
    month: str  # "YYYY-MM" or "undated"
    label: str
    program: int | None = None  # index of the program for the applicant's own entries
    source: str | None = None  # source id for computed fees


@dataclass(frozen=True)
class Ledger:
    lines: tuple[CostLine, ...]
    season: int
    notes: tuple[str, ...] = field(default_factory=tuple)
    match_year: int | None = None  # the Match the costs are for, when known

    @property
    def schedule(self) -> str:
        """The ERAS schedule the fees follow: '2026 season (no schedule for 2027 yet)'."""
        return season_label(self.season, self.match_year)

    def by_kind(self) -> dict[str, float]:
        totals = dict.fromkeys(LEDGER_KINDS, 0.0)
        for line in self.lines:
            totals[line.kind] = totals.get(line.kind, 0.0) + line.usd
        return totals

    def by_month(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for line in self.lines:
            totals[line.month] += line.usd
        return dict(sorted(totals.items(), key=lambda kv: (kv[0] == UNDATED, kv[0])))

    @property
    def eras(self) -> float:
        return sum(line.usd for line in self.lines if line.kind == "eras")

    @property
    def nrmp(self) -> float:
        return sum(line.usd for line in self.lines if line.kind == "nrmp")

    @property
    def own(self) -> float:
        return sum(line.usd for line in self.lines if line.kind in COST_KINDS)

    @property
    def total(self) -> float:
        return sum(line.usd for line in self.lines)


def _month(day: dt.date | None) -> str:
    return UNDATED if day is None else f"{day.year:04d}-{day.month:02d}"


def eras_fee_for(
    catalog: Catalog, specialty: str, count: int, season: int | None = None
) -> int | None:
    """ERAS fee for `count` applications in one specialty (the one place that asks fees.py);
    None for a specialty that applies through another service (ResidencyCAS, the plastic
    surgery service), whose fees matchtui does not hold."""
    schedule = catalog.fee_schedule(season)
    known = catalog.specialties.get(specialty)
    if known is None:
        return eras_fee(schedule, [count])
    return application_fee(known, schedule, count).fee_usd


def rank_list_codes(
    items: Sequence[RankItem], programs: Sequence[Program], catalog: Catalog
) -> int:
    """The unique program codes on the applicant's rank list (the Rank list pane's, saved in
    plan.toml), counted as the rank list counts them (engine.ranklist.unique_codes)."""
    if not items:
        return 0
    from matchtui.engine.ranklist import Tracker, ranklist_data, resolve, unique_codes

    return unique_codes(resolve(items, Tracker.of(programs), ranklist_data(catalog)))


def ledger(
    programs: Sequence[Program],
    catalog: Catalog,
    match_year: int | None = None,
    rank_codes: int = 0,
) -> Ledger:
    """ERAS fees per specialty for the programs applied to (the schedule of `match_year`'s
    season, or the default one), NRMP registration and extra rank codes, and the applicant's
    own entries, each with its month. The rank codes are those of the rank list
    (`rank_codes`: `rank_list_codes`), or the programs marked ranked when they are more (a
    list entered with NRMP beyond the one kept here), counted by engine.fees.extra_codes_fee."""
    season = fee_season(catalog.fees, match_year) if match_year is not None else None
    schedule = catalog.fee_schedule(season)
    lines: list[CostLine] = []
    notes: list[str] = []
    per_specialty: dict[str, list[Program]] = defaultdict(list)
    for p in programs:
        if reached_applied(p):
            per_specialty[p.specialty].append(p)
    for specialty, applied in sorted(per_specialty.items()):
        fee = eras_fee_for(catalog, specialty, len(applied), schedule.season)
        dates = [p.applied_on for p in applied if p.applied_on is not None]
        known = catalog.specialties.get(specialty)
        name = known.name if known is not None else specialty
        if fee is None:
            assert known is not None  # an unknown specialty is charged as ERAS
            service = APPLICATION_SERVICE_NAMES[known.application_service]
            notes.append(
                f"{name}: {plural(len(applied), 'application')} through {service}, not ERAS; "
                f"{service}'s fees are not in matchtui's data, so none is counted."
            )
            continue
        lines.append(
            CostLine(
                "eras",
                float(fee),
                _month(min(dates) if dates else None),
                f"ERAS {schedule.season}: {len(applied)} {name}",
                source=schedule.source,
            )
        )
    nrmp = catalog.fees.nrmp
    if nrmp is not None and per_specialty:
        lines.append(
            CostLine(
                "nrmp",
                float(nrmp.registration_usd),
                UNDATED,
                "NRMP registration",
                source=nrmp.source,
            )
        )
        ranked = sum(1 for p in programs if p.status == "ranked")
        codes = max(ranked, rank_codes)
        extra = extra_codes(codes, nrmp.included_codes)
        if extra:
            whose = "on your rank list" if rank_codes >= ranked else "marked ranked"
            lines.append(
                CostLine(
                    "nrmp",
                    float(extra_codes_fee(codes, nrmp.included_codes, nrmp.extra_code_usd)),
                    UNDATED,
                    f"NRMP: {plural(extra, 'rank code')} beyond {nrmp.included_codes} "
                    f"({codes} {whose})",
                    source=nrmp.source,
                )
            )
    elif nrmp is None and per_specialty:
        notes.append("NRMP fees are not in the fee data, so they are not counted.")
    for i, p in enumerate(programs):
        for entry in p.costs:
            label = f"{p.name}: {entry.kind}" + (f" ({entry.note})" if entry.note else "")
            lines.append(CostLine(entry.kind, entry.usd, _month(entry.date), label, program=i))
    return Ledger(tuple(lines), schedule.season, tuple(notes), match_year)


# --- one summary for the CLI, the report and the pane ----------------------------------------
def by_stage(programs: Iterable[Program]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(PROGRAM_STATUSES, 0)
    for p in programs:
        counts[p.status] += 1
    return counts


def summary(
    programs: Sequence[Program],
    catalog: Catalog,
    target_region: str,
    now: dt.datetime,
    match_year: int | None = None,
    rank_codes: int = 0,
) -> dict[str, Any]:
    """Everything `matchtui programs summary --json` prints (`rank_codes`: as `ledger`)."""
    got = yields(programs, catalog.region_of_state, target_region, division_map(catalog))
    season = season_of(catalog, match_year) if match_year is not None else None
    today = today_view(programs, now, season=season)
    over = today.season_over
    aside = today.set_aside
    costs = ledger(programs, catalog, match_year, rank_codes)
    return {
        "total": len(programs),
        "today": today.today.isoformat(),
        "by_stage": by_stage(programs),
        "yield_overall": got.overall.as_dict(),
        "yield_by_signal": {k: v.as_dict() for k, v in got.by_signal.items()},
        "yield_by_tier": {k: v.as_dict() for k, v in got.by_tier.items()},
        "yield_by_region": {k: v.as_dict() for k, v in got.by_region.items()},
        "yield_by_division": {k: v.as_dict() for k, v in got.by_division.items()},
        "target_region": target_region,
        "yield_in_target_region": got.in_target.as_dict(),
        "yield_outside_target_region": got.outside_target.as_dict(),
        "waiting": [
            {
                "name": w.name,
                "respond_by": w.respond_by.isoformat() if w.respond_by else None,
                "hours_left": None if w.hours_left is None else round(w.hours_left, 1),
            }
            for w in today.waiting
        ],
        "upcoming": [
            {
                "name": u.name,
                "date": u.on.isoformat(),
                "days": u.days,
                "format": u.format,
                "after_rank_deadline": u.late,
            }
            for u in today.upcoming
        ],
        "after_rank_deadline": [
            {
                "name": u.name,
                "date": u.on.isoformat(),
                "text": f"{u.name}: {deadline_warning(programs[u.index], season, today.today)}",
            }
            for u in today.too_late
            if season is not None
        ],
        "earlier_match": None
        if aside is None
        else {
            "match_year": aside.season.match_year,
            "season_opened": aside.season.opens.date.isoformat(),
            "programs": list(aside.names),
            "text": aside.text(),
        },
        "clashes": [{"date": c.on.isoformat(), "programs": list(c.names)} for c in today.clashes],
        "thank_you_due": [name for _, name, _ in today.thank_you_due],
        "interview_passed": [
            {"name": u.name, "date": u.on.isoformat(), "days_ago": u.days_ago} for u in today.passed
        ],
        "season_over": None
        if over is None
        else {
            "match_year": over.match_year,
            "match_day": over.match_day.isoformat(),
            "unanswered": over.unanswered,
            "unrecorded": over.unrecorded,
            "thank_you_not_sent": over.thanks,
            "text": over.text(),
        },
        "costs_usd": {
            "eras": round(costs.eras, 2),
            "nrmp": round(costs.nrmp, 2),
            "own": round(costs.own, 2),
            "total": round(costs.total, 2),
            "by_kind": {k: round(v, 2) for k, v in costs.by_kind().items()},
            "by_month": {k: round(v, 2) for k, v in costs.by_month().items()},
            "season": costs.season,
            "notes": list(costs.notes),
        },
    }


def tier_label(tier: str) -> str:
    return TIER_LABELS.get(tier, tier)
