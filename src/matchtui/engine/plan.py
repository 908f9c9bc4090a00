"""The plan: the re-entry timeline and back-home steps placed on real months, their status and
whether they are overdue, the items the Reality check points to, the season's key dates, entry
routes, plan B and the cycle advice. Pure: no Textual, no clock (today is an argument)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

from matchtui.engine.calendar import (
    MatchYearCheck,
    SeasonDate,
    check_match_year,
    dated,
    day_label,
    month_name,
    next_event,
    phase_in,
    season_date,
    season_dates,
    window_closes,
)
from matchtui.engine.clinical import ClinicalReading, read_clinical
from matchtui.engine.wording import plural
from matchtui.models.plan import ItemState, ItemStatus, PlanFile, TimelineState
from matchtui.models.plan_data import (
    BackHomeStep,
    CycleAdvice,
    DoingWhen,
    DoneWhen,
    EntryRoute,
    ParallelQuestion,
    PlanBPath,
    ShownWhile,
    StepsFile,
    StepVariant,
    steps_data,
    timeline_data,
)

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.assessment import Action, Assessment
    from matchtui.models.profile import Profile
    from matchtui.models.programs import Program
    from matchtui.models.results import StoryVerdict

TimingState = Literal["done", "overdue", "now", "upcoming", "unscheduled"]
TrackId = Literal["reentry", "back_home", "season"]
Relation = Literal["this_cycle", "previous_cycle", "later_cycle"]

STATUS_ORDER: tuple[ItemStatus, ...] = ("todo", "doing", "done")
STATUS_LABELS: dict[str, str] = {"todo": "to do", "doing": "doing", "done": "done"}
STATE_LABELS: dict[str, str] = {
    "done": "done",
    "overdue": "overdue",
    "now": "due now",
    "upcoming": "upcoming",
    "unscheduled": "no month set",
}
MAX_GRID_MONTHS = 24


# --- months ------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class YearMonth:
    """A calendar month; ordered, so months compare and sort naturally."""

    year: int
    month: int  # 1-12

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """'2026-03' -> YearMonth(2026, 3); ValueError with a readable message otherwise."""
        year, sep, month = text.strip().partition("-")
        if not sep or not (year.isdigit() and month.isdigit()) or len(year) != 4:
            raise ValueError(f"{text!r} is not a month written YYYY-MM")
        value = cls(int(year), int(month))
        if not 1 <= value.month <= 12:
            raise ValueError(f"{text!r}: the month must be 01-12")
        return value

    @classmethod
    def of(cls, day: dt.date) -> YearMonth:
        return cls(day.year, day.month)

    def add(self, months: int) -> YearMonth:
        index = self.year * 12 + (self.month - 1) + months
        return YearMonth(index // 12, index % 12 + 1)

    def minus(self, other: YearMonth) -> int:
        """Whole months from `other` to self."""
        return (self.year - other.year) * 12 + (self.month - other.month)

    @property
    def short(self) -> str:
        return month_name(self.month)

    @property
    def label(self) -> str:
        return f"{self.short} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def span_label(first: YearMonth, last: YearMonth) -> str:
    """'Mar-May 2026', 'Nov 2026-Jan 2027' or 'Jul 2026'."""
    if first == last:
        return first.label
    if first.year == last.year:
        return f"{first.short}-{last.short} {last.year}"
    return f"{first.label}-{last.label}"


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkedAction:
    """A Reality check action that points at a plan item."""

    id: str
    priority: int
    text: str


@dataclass(frozen=True)
class PlanRow:
    """One checkable item on the plan (a re-entry timeline item or a back-home step)."""

    id: str
    track: TrackId
    title: str
    kind: str  # the timeline kind (done, active, milestone, ...) or "step" for a back-home step
    phase: str
    detail: str
    first: YearMonth | None
    last: YearMonth | None
    status: ItemStatus
    note: str
    state: TimingState
    profile_done: bool  # the profile (or the program list) shows this done (Step 3 passed)
    marked: tuple[MarkedAction, ...]
    source: str
    reliability: str
    timing_source: str  # where the months come from
    timing_reliability: str
    done_by: str = ""  # what shows it done: "your program list shows 30 applications sent"
    done_from: str = "profile"  # whose facts tick its box: "profile" or "program list"
    profile_doing: bool = False  # the profile shows it under way (the clinical work goes on)
    doing_by: str = ""  # what shows it under way, as the item's detail names it
    recorded: bool = False  # the applicant's saved plan holds this item (a status or a note)

    @property
    def ticked_by_profile(self) -> bool:
        """Left "to do" by the applicant but shown done because the profile says so: its box
        is ticked, and it counts as done."""
        return self.profile_done and self.status == "todo"

    @property
    def started_by_profile(self) -> bool:
        """Left "to do" by the applicant but shown under way because the profile says so (and
        not done): its box shows doing, and it counts as under way."""
        return self.profile_doing and not self.profile_done and self.status == "todo"

    @property
    def shown_status(self) -> ItemStatus:
        """The status its box shows and the counts use."""
        if self.ticked_by_profile:
            return "done"
        return "doing" if self.started_by_profile else self.status

    @property
    def window(self) -> str:
        if self.first is None or self.last is None:
            return "no month set"
        return span_label(self.first, self.last)

    def covers(self, month: YearMonth) -> bool:
        return self.first is not None and self.last is not None and self.first <= month <= self.last


@dataclass(frozen=True)
class Track:
    id: TrackId
    title: str
    rows: tuple[PlanRow, ...]


@dataclass(frozen=True)
class KeyDateRow:
    id: str
    kind: str  # the season event id (dates.toml), e.g. "rank_deadline"
    title: str
    label: str
    match_year: int
    relation: Relation
    first: YearMonth
    passed: bool
    current: bool
    note: str
    source: str
    reliability: str
    date: dt.date
    days_from_today: int
    derived: bool


@dataclass(frozen=True)
class RouteView:
    route: EntryRoute
    marked: tuple[MarkedAction, ...]
    dates: tuple[KeyDateRow, ...]


@dataclass(frozen=True)
class CyclesView:
    cycles_applied: int
    this_cycle: int
    serious_limit: int
    verdict: str
    reason: str  # the Reality check's own reason
    parallel_plan_due: bool
    plan_b_present: bool
    advice_title: str
    advice_text: str
    source: str
    reliability: str


@dataclass(frozen=True)
class PlanView:
    start: YearMonth
    start_is_default: bool  # derived from the Match year (not pinned by the applicant)
    today: dt.date
    months: tuple[YearMonth, ...]
    tracks: tuple[Track, ...]
    audience_note: str
    key_dates: tuple[KeyDateRow, ...]
    dates_note: str
    cycles: CyclesView
    routes: tuple[RouteView, ...]
    plan_b_text: str
    plan_b_paths: tuple[PlanBPath, ...]
    parallel_plan: tuple[ParallelQuestion, ...]
    sources: tuple[str, ...] = field(default=())
    match_year: int = 0
    derived_start: YearMonth | None = None
    start_warning: str = ""  # a pinned start month that no longer fits the Match year
    match_check: MatchYearCheck | None = None
    next_date: SeasonDate | None = None  # the next event of the Match, of any kind
    season_phases: tuple[str, ...] = ()  # the Match season's phase in each grid month
    applications: int | None = None  # applications the program list shows sent (None: unknown)
    # Said in place of a plan B none wrote when none is needed (`plan_b_covered`; "" otherwise).
    plan_b_covered: str = ""

    @property
    def today_month(self) -> YearMonth:
        return YearMonth.of(self.today)

    @property
    def rows(self) -> tuple[PlanRow, ...]:
        return tuple(row for track in self.tracks for row in track.rows)

    def row(self, item_id: str) -> PlanRow | None:
        return next((row for row in self.rows if row.id == item_id), None)

    @property
    def overdue(self) -> tuple[PlanRow, ...]:
        return tuple(row for row in self.rows if row.state == "overdue")

    @property
    def marked(self) -> tuple[PlanRow, ...]:
        """Items the Reality check's actions point to, most important action first."""
        rows = [row for row in self.rows if row.marked]
        return tuple(sorted(rows, key=lambda row: min(a.priority for a in row.marked)))

    def status_counts(self) -> dict[str, int]:
        counts = Counter(row.shown_status for row in self.rows)
        return {status: counts.get(status, 0) for status in STATUS_ORDER}

    def date_months(self) -> dict[YearMonth, list[KeyDateRow]]:
        """Key dates by the grid month they fall in (only months on the grid)."""
        grid = set(self.months)
        found: dict[YearMonth, list[KeyDateRow]] = {}
        for row in self.key_dates:
            if row.first in grid:
                found.setdefault(row.first, []).append(row)
        return found


# --- the rules ---------------------------------------------------------------------------------


def default_start(profile: Profile, catalog: Catalog) -> YearMonth:
    """The start month derived from the Match year, used unless the applicant pinned one."""
    rule = timeline_data(catalog).default_start
    return YearMonth(profile.cycle_year - rule.years_before_cycle, rule.month)


def start_of(profile: Profile, catalog: Catalog, state: TimelineState | None) -> YearMonth:
    if state is None or state.start_month is None:
        return default_start(profile, catalog)
    return YearMonth.parse(state.start_month)


PLAN_MONTHS = 12


def start_warning(catalog: Catalog, match_year: int, start: YearMonth) -> str:
    """Why a pinned start month no longer fits the Match year ("" when it fits): the twelve
    months must include the month applications can first be submitted."""
    submit = season_date(catalog, match_year, "submit_opens")
    month = YearMonth.of(submit.date)
    if start <= month <= start.add(PLAN_MONTHS - 1):
        return ""
    last = start.add(PLAN_MONTHS - 1)
    return (
        f"Your pinned start ({start.label}) does not fit the {match_year} Match: the plan runs "
        f"{span_label(start, last)}, but applications go in from {day_label(submit.date)}. "
        f"Press d to follow the Match year again."
    )


def applications_count(programs: Iterable[Program]) -> int:
    """The applications the program list shows sent: programs past "planned" (one withdrawn
    counts only with the day it was applied to: it may have been dropped before)."""
    return sum(
        1
        for p in programs
        if p.status != "planned" and (p.status != "withdrawn" or p.applied_on is not None)
    )


def applications_sent(programs: Iterable[Program]) -> bool:
    """The program list shows an application sent (`applications_count` above none)."""
    return applications_count(programs) > 0


def sent_on_list(programs: Sequence[Program]) -> bool | None:
    """What the program list records of the application: True (one is sent), False (programs
    are listed and none is sent), None (nothing is listed: an empty list records nothing
    either way, as most applicants never keep one)."""
    return listed_sent(applications_count(programs), len(programs))


def listed_sent(count: int, listed: int) -> bool | None:
    """`sent_on_list` from the counts: `count` applications sent of `listed` programs."""
    if count > 0:
        return True
    return False if listed > 0 else None


def year_check(view: PlanView, catalog: Catalog, sent: bool | None) -> MatchYearCheck | None:
    """What the Plan pane's banner and the report say of the profile's Match, when something
    needs saying: it is over or closed to newcomers (`view.match_check`), or its season went on
    without the applicant's application (`late_check`; `sent` as there)."""
    if view.match_check is not None and view.match_check.state != "ok":
        return view.match_check
    return late_check(view, catalog, sent)


def late_check(view: PlanView, catalog: Catalog, sent: bool | None) -> MatchYearCheck | None:
    """The applicant's Match still takes applications, but its season may have gone on without
    theirs (timeline.toml `[late]`): programs have been reviewing applications since the rule's
    event, and the plan's item for sending the application is past and neither done nor under
    way. That alone is no evidence (a plan nobody filled in leaves every item to do): the
    applicant's own records must say nothing went out, their saved plan holding that item still
    to do, or their program list listing programs and none sent (`sent` False, as
    `sent_on_list` reads it; None when nothing is listed or the list is not known). Both
    records: it is said; one: it is asked. The next Match is offered: its season leaves room
    for the plan's twelve months. None when none of this holds, or the Match is over or closed
    already (`view.match_check` says that)."""
    if sent or (view.match_check is not None and view.match_check.state != "ok"):
        return None
    rule = timeline_data(catalog).late
    row = view.row(rule.item)
    if row is None or row.state != "overdue" or row.status != "todo":
        return None
    reviewing = season_date(catalog, view.match_year, rule.after)
    if view.today < reviewing.date:
        return None
    records = [
        *([f"your plan's '{row.title}' is still to do"] if row.recorded else []),
        *(["none of the programs on your list is marked sent"] if sent is False else []),
    ]
    if not records:
        return None
    closes = window_closes(catalog, view.match_year)
    following = view.match_year + 1
    late = (
        f"Late applications go in until {closes.short} ({dated(closes)}); the {following} "
        "Match gives the plan its twelve months."
    )
    if len(records) == 2:
        message = (
            f"The {view.match_year} season went on without your application ({reviewing.short} "
            f"from {dated(reviewing)}): {records[0]}, and {records[1]}. {late} If you have "
            "applied, mark that item done."
        )
    else:
        fix = (
            "mark that item done" if row.recorded else "mark the programs you sent it to as applied"
        )
        expected = "" if reviewing.reliability == "primary" else " (expected)"
        since = day_label(reviewing.date) + expected
        message = (
            f"Did the {view.match_year} season go on without your application? Programs have "
            f"been reviewing applications since {since}, and {records[0]}. If you have "
            f"applied, {fix}. If not: {late[0].lower()}{late[1:]}"
        )
    return MatchYearCheck(view.match_year, following, "late", message)


def offer_text(check: MatchYearCheck, profile: Profile, catalog: Catalog) -> str:
    """The check's message, and for a student who will have graduated by the Match it offers,
    that they are a prior graduate in it (engine.mix.graduated_by_note): the Plan pane's
    banner, the report and the commands' note say both."""
    from matchtui.engine.mix import graduated_by_note

    graduated = graduated_by_note(profile, catalog, check.suggested)
    return f"{check.message} {graduated}" if graduated else check.message


def migrate_plan(plan: PlanFile | None, profile: Profile, catalog: Catalog) -> PlanFile | None:
    """Older plan.toml files saved the start month with the first status change, pinned or not
    (no `pinned` key). A saved month equal to the derived one was not a choice: drop it so the
    plan follows the Match year; any other month counts as pinned (and is flagged if it no longer
    fits)."""
    timeline = plan.timeline if plan is not None else None
    if plan is None or timeline is None or timeline.start_month is None or timeline.pinned:
        return plan
    if timeline.start_month == str(default_start(profile, catalog)):
        timeline = timeline.model_copy(update={"start_month": None, "pinned": None})
    else:
        timeline = timeline.model_copy(update={"pinned": True})
    return plan.model_copy(update={"timeline": timeline})


def place(start: YearMonth, offset: int, duration: int) -> tuple[YearMonth, YearMonth]:
    """First and last month of an item `offset` months after `start`, lasting `duration`."""
    first = start.add(offset)
    return first, first.add(duration - 1)


def timing_state(
    first: YearMonth | None,
    last: YearMonth | None,
    status: ItemStatus,
    kind: str,
    today: YearMonth,
    profile_done: bool = False,
    profile_doing: bool = False,
) -> TimingState:
    """Where an item stands on `today`'s month.

    done: marked done (or the profile shows it done). overdue: its last month is over and it is
    not done; an ongoing habit that is under way ("doing") is never overdue, nor is an item the
    profile shows under way (`profile_doing`: the clinical work goes on, Step 3 is booked in
    time). now: today's month is inside its window. upcoming: it has not started.
    """
    if status == "done" or profile_done:
        return "done"
    if first is None or last is None:
        return "unscheduled"
    if today > last:
        if profile_doing or (kind == "ongoing" and status == "doing"):
            return "now"
        return "overdue"
    if today >= first:
        return "now"
    return "upcoming"


def next_status(status: ItemStatus) -> ItemStatus:
    """todo -> doing -> done -> todo."""
    return STATUS_ORDER[(STATUS_ORDER.index(status) + 1) % len(STATUS_ORDER)]


def marked_actions(
    item_actions: Iterable[str], actions: Sequence[Action]
) -> tuple[MarkedAction, ...]:
    """The assessment's actions that name one of the item's action ids, in priority order."""
    wanted = set(item_actions)
    return tuple(
        MarkedAction(a.id, a.priority, a.text)
        for a in sorted(actions, key=lambda a: a.priority)
        if a.id in wanted
    )


def _step_wording(step: BackHomeStep, profile: Profile) -> tuple[str, str]:
    """A back-home step's title and detail as this profile reads them: the graduate's wording
    out of training (where a step is one only students and residents take), then the first of
    its variants whose facts all hold (steps.toml: one aiming at a region that is not home)."""
    graduate = profile.is_reentry
    title = step.graduate_title if graduate and step.graduate_title else step.title
    detail = step.graduate_detail if graduate and step.graduate_detail else step.detail
    return _worded(step.variants, profile, title, detail)


def _worded(
    variants: Sequence[StepVariant], profile: Profile, title: str, detail: str
) -> tuple[str, str]:
    """Title and detail from the first variant whose facts all hold of `profile`, each kept
    where the variant leaves it empty; as given when none holds."""
    for variant in variants:
        if all(profile.holds(fact) for fact in variant.when):
            return variant.title or title, variant.detail or detail
    return title, detail


def profile_shows(check: ShownWhile | None, profile: Profile) -> bool:
    """True when an item shown only while `check` holds is to be shown (None: always)."""
    if check is None:
        return True
    if check == "step1_open":  # failed or not taken (an unrecorded result is not known open)
        return not profile.exams.first_passed and not profile.exams.first_unrecorded
    raise AssertionError(f"unhandled shown_while {check!r}")


def done_by(
    check: DoneWhen | None,
    profile: Profile,
    assessment: Assessment,
    sent: int | None = None,
    clinical: ClinicalReading | None = None,
) -> str:
    """What shows the item done already, as the item's detail names it ('' when nothing
    does): the profile (as the Reality check read it), or for `applications_sent` the program
    list's count of applications sent (`sent`, None when the list is not known). `clinical`:
    the profile's clinical work as `clinical_reading` reads it (the clinical items need it)."""
    if check == "applications_sent":
        if not sent:
            return ""
        return f"your program list shows {plural(sent, 'application')} sent"
    shown = profile_shows_done(check, profile, assessment, clinical)
    return "your profile shows this done" if shown else ""


def clinical_reading(profile: Profile, catalog: Catalog) -> ClinicalReading:
    """The profile's clinical work read by the Reality check's clinical-gap rule (risk.toml
    [clinical_gap], engine/clinical.py read_clinical): the one reading the plan's items use."""
    from matchtui.models.risk_rules import RiskFile

    return read_clinical(profile, catalog.get("risk.toml", RiskFile).clinical_gap)


def clinical_goes_on(clinical: ClinicalReading | None) -> bool:
    """The reading shows clinical work going on now: months that count in the last 24, and
    none since the last of them."""
    if clinical is None:
        raise ValueError("the clinical items need the profile's clinical reading")
    return clinical.months > 0 and clinical.since == 0


def profile_shows_done(
    check: DoneWhen | None,
    profile: Profile,
    assessment: Assessment,
    clinical: ClinicalReading | None = None,
) -> bool:
    """True when the profile (as the Reality check read it) already shows the item done
    (`clinical`: as `done_by` takes it)."""
    if check is None or check == "applications_sent":  # the program list's: `done_by`
        return False
    if check == "step3_passed":  # Step 3, or COMLEX Level 3 (Exams.third)
        return profile.exams.third.status == "passed"
    if check == "step3_booked":
        return profile.exams.third.status in ("scheduled", "passed")
    if check == "clinical_started":  # rated lower by the Reality check, or going on now
        factor = assessment.factor("clinical_gap")
        if factor is not None and factor.level == "lower":
            return True
        # Hands-on work going on: an observership only watches care (a weak role: the
        # Reality check never rates it better than middle and asks for patient contact).
        return clinical_goes_on(clinical) and clinical is not None and not clinical.weak
    if check == "rotation_in_region":
        return assessment.back_home.away_rotation == "done"
    if check == "letter_from_region":
        return assessment.back_home.local_letters > 0
    if check == "letters_ready":
        return assessment.letters.verdict == "ready"
    if check == "why_home_written":
        return assessment.back_home.narrative == "concrete"
    raise AssertionError(f"unhandled done_when {check!r}")


def doing_by(
    check: DoingWhen | None,
    assessment: Assessment,
    clinical: ClinicalReading | None = None,
) -> str:
    """What shows the item under way, as the item's detail names it ('' when nothing does):
    the clinical work going on now (`clinical`, as `clinical_reading` reads it), or Step 3
    booked with its result due before rank lists close (the Reality check's Step 3 verdict)."""
    if check is None:
        return ""
    if check == "clinical_ongoing":
        return "your profile shows clinical work going on now" if clinical_goes_on(clinical) else ""
    if check == "step3_in_time":
        if assessment.step3.verdict != "scheduled":
            return ""
        return "your profile shows it booked, with the result due before rank lists close"
    raise AssertionError(f"unhandled doing_when {check!r}")


def plan_b_covered(story: StoryVerdict | None) -> str:
    """What the Plan pane and the report say in place of a plan B none wrote, when the Reality
    check finds none needed (its plan B verdict "covered": one in a residency keeps it), in the
    Reality check's own words; "" otherwise."""
    if story is None or story.quality != "covered":
        return ""
    return f"None written: {story.reason}."


def _key_date_row(date: SeasonDate, cycle_year: int, today: dt.date) -> KeyDateRow:
    relation: Relation = (
        "this_cycle"
        if date.match_year == cycle_year
        else ("previous_cycle" if date.match_year < cycle_year else "later_cycle")
    )
    return KeyDateRow(
        id=f"{date.id}_{date.match_year}",
        kind=date.id,
        title=date.label,
        label=date.day_and_time,  # with its time of day, as `matchtui dates` gives it
        match_year=date.match_year,
        relation=relation,
        first=YearMonth.of(date.date),
        passed=date.date < today,
        current=date.date == today,
        note=date.note,
        source=date.source,
        reliability=date.reliability,
        date=date.date,
        days_from_today=date.days_from(today),
        derived=date.derived,
    )


def key_dates(profile: Profile, catalog: Catalog, today: dt.date) -> tuple[KeyDateRow, ...]:
    """The dates of the profile's Match and the one before it, in date order."""
    rows = [
        _key_date_row(date, profile.cycle_year, today)
        for year in (profile.cycle_year - 1, profile.cycle_year)
        for date in season_dates(catalog, year)
    ]
    return tuple(sorted(rows, key=lambda r: r.date))


def season_phases(
    catalog: Catalog, match_year: int, months: Sequence[YearMonth]
) -> tuple[str, ...]:
    """The Match season's phase in the middle of each month."""
    dates = season_dates(catalog, match_year)
    return tuple(phase_in(dates, dt.date(m.year, m.month, 15)) for m in months)


def build_plan(
    profile: Profile,
    catalog: Catalog,
    state: TimelineState | None,
    today: dt.date,
    assessment: Assessment,
    sent: int | None = None,
) -> PlanView:
    """Everything the Plan pane and the report show, from the profile, the saved timeline state,
    today's date, the Reality check's result and the applications the program list shows sent
    (`applications_count`; None when the list is not known)."""
    timeline, steps = timeline_data(catalog), steps_data(catalog)
    start = start_of(profile, catalog, state)
    saved = state.items if state is not None else {}
    this_month = YearMonth.of(today)
    phases = {phase.id: phase.title for phase in timeline.phases}
    clinical = clinical_reading(profile, catalog)  # the one reading of the clinical work

    def row(
        item_id: str,
        track: TrackId,
        title: str,
        kind: str,
        phase: str,
        detail: str,
        timing: tuple[int, int] | None,
        actions: list[str],
        done_when: DoneWhen | None,
        sourced: tuple[str, str],
        timing_sourced: tuple[str, str],
        doing_when: DoingWhen | None = None,
    ) -> PlanRow:
        item = saved.get(item_id, ItemState())
        first, last = place(start, *timing) if timing else (None, None)
        shown_by = done_by(done_when, profile, assessment, sent, clinical)
        done = bool(shown_by)
        under_way = "" if done else doing_by(doing_when, assessment, clinical)
        return PlanRow(
            id=item_id,
            track=track,
            title=title,
            kind=kind,
            phase=phase,
            detail=detail,
            first=first,
            last=last,
            status=item.status,
            note=item.note,
            state=timing_state(first, last, item.status, kind, this_month, done, bool(under_way)),
            profile_done=done,
            marked=marked_actions(actions, assessment.actions),
            source=sourced[0],
            reliability=sourced[1],
            timing_source=timing_sourced[0],
            timing_reliability=timing_sourced[1],
            done_by=shown_by,
            done_from="program list" if done_when == "applications_sent" else "profile",
            profile_doing=bool(under_way),
            doing_by=under_way,
            recorded=item_id in saved,
        )

    def timeline_rows(track: TrackId, everyone_only: bool) -> tuple[PlanRow, ...]:
        return tuple(
            row(
                item.id,
                track,
                (worded := _worded(item.variants, profile, item.title, item.detail))[0],
                item.kind,
                phases.get(item.phase, item.phase),
                worded[1],
                (item.offset, item.duration),
                item.actions,
                item.done_when,
                (item.source, item.reliability),
                (item.source, item.reliability),
                item.doing_when,
            )
            for item in timeline.items
            if (item.for_everyone or not everyone_only) and profile_shows(item.shown_while, profile)
        )

    tracks: list[Track] = []
    if profile.is_reentry:
        tracks.append(
            Track("reentry", "Re-entry plan (12 months)", timeline_rows("reentry", False))
        )
    if profile.is_returner:
        worded = [(step, *_step_wording(step, profile)) for step in steps.back_home]
        # aiming at a region that is not home: the same steps, not called a way back home
        new_region = profile.holds("new_region")
        back_home = tuple(
            row(
                step.id,
                "back_home",
                title,
                "step",
                "New region" if new_region else "Back home",
                detail,
                (step.timing.offset, step.timing.duration) if step.timing else None,
                step.actions,
                step.done_when,
                (step.source, step.reliability),
                (step.timing.source, step.timing.reliability)
                if step.timing
                else (step.source, step.reliability),
            )
            for step, title, detail in worded
        )
        checklist = "New-region checklist" if new_region else "Back-home checklist"
        tracks.append(Track("back_home", checklist, back_home))
    audience_note = ""
    if not tracks:
        tracks.append(Track("season", "Season plan", timeline_rows("season", True)))
        audience_note = (
            "Neither the re-entry plan (graduates not in training) nor the back-home checklist "
            "(applicants targeting a region other than where they train) applies to this "
            "profile; the season's common steps are shown."
        )

    # The grid: at least twelve months, through the last item and this cycle's Match.
    rows = [r for track in tracks for r in track.rows]
    dates = key_dates(profile, catalog, today)
    ends = [r.last for r in rows if r.last is not None]
    # (through Match Day: the ERAS season's formal end in May adds nothing to plan)
    ends += [
        d.first
        for d in dates
        if d.relation == "this_cycle" and d.first >= start and d.kind != "eras_season_ends"
    ]
    end = min(max([start.add(11), *ends]), start.add(MAX_GRID_MONTHS - 1))
    months = tuple(start.add(i) for i in range(end.minus(start) + 1))

    derived = [d for d in dates if d.relation == "this_cycle" and d.derived]
    dates_note = (
        f"{len(derived)} dates of the {profile.cycle_year} Match are not published yet: they "
        "are derived from the usual calendar (our assumption)."
        if derived
        else ""
    )
    # One with a position to fall back on (in a residency now) is not shown what is written for
    # those without one: a way back into training, careers outside residency.
    fallback = has_fallback(profile, catalog)
    routes = tuple(
        RouteView(
            route,
            marked_actions(route.actions, assessment.actions),
            tuple(d for d in dates if d.kind in route.dates and d.relation == "this_cycle"),
        )
        for route in fitting(steps.entry_routes, fallback)
    )
    plan_b_paths = fitting(steps.plan_b_paths, fallback)
    parallel_plan = fitting(steps.parallel_plan, fallback)

    cycles = assessment.cycles
    advice = cycle_advice(steps, cycles.verdict, profile.applicant.situation)
    said = advice_text(advice, catalog, profile.cycle_year, today)
    cycles_view = CyclesView(
        cycles_applied=cycles.cycles_applied,
        this_cycle=cycles.this_cycle,
        serious_limit=cycles.serious_limit,
        verdict=cycles.verdict,
        reason=cycles.reason,
        parallel_plan_due=cycles.parallel_plan_due,
        plan_b_present=cycles.plan_b_present,
        advice_title=advice.title,
        advice_text=said,
        source=advice.source,
        reliability=advice.reliability,
    )

    used = [r.source for r in rows] + [r.timing_source for r in rows]
    used += [d.source for d in dates] + [r.route.source for r in routes]
    used += [p.source for p in plan_b_paths] + [q.source for q in parallel_plan]
    used += [advice.source, cycles.source]

    pinned = state is not None and state.start_month is not None
    return PlanView(
        start=start,
        start_is_default=not pinned,
        today=today,
        months=months,
        tracks=tuple(tracks),
        audience_note=audience_note,
        key_dates=dates,
        dates_note=dates_note,
        cycles=cycles_view,
        routes=routes,
        plan_b_text=profile.narrative.plan_b,
        plan_b_paths=plan_b_paths,
        parallel_plan=parallel_plan,
        sources=tuple(dict.fromkeys(used)),
        match_year=profile.cycle_year,
        derived_start=default_start(profile, catalog),
        start_warning=start_warning(catalog, profile.cycle_year, start) if pinned else "",
        match_check=check_match_year(catalog, profile.cycle_year, today),
        next_date=next_event(catalog, profile.cycle_year, today),
        season_phases=season_phases(catalog, profile.cycle_year, months),
        applications=sent,
        plan_b_covered=plan_b_covered(
            next((story for story in assessment.stories if story.kind == "plan_b"), None)
        ),
    )


_Record = TypeVar("_Record", EntryRoute, PlanBPath, ParallelQuestion)


def fitting(records: Iterable[_Record], fallback: bool) -> tuple[_Record, ...]:
    """The records that fit the applicant: one with a position to fall back on (`fallback`,
    `has_fallback`) is not shown those written for one without (steps.toml `without_fallback`:
    a way back into training, careers outside residency)."""
    return tuple(r for r in records if not (fallback and r.without_fallback))


def has_fallback(profile: Profile, catalog: Catalog) -> bool:
    """The applicant keeps a position if no match comes: the Reality check's own reading
    (engine.assess.fallback_text: in a residency now), which the plan does not repeat."""
    from matchtui.engine.assess import fallback_text, rules_of

    return bool(fallback_text(profile, rules_of(catalog)))


def cycle_advice(steps: StepsFile, verdict: str, situation: str) -> CycleAdvice:
    """The advice for a cycle verdict, written for the applicant's situation (steps.toml
    [[cycle_advice]]: a student's first cycle is not a returner's)."""
    return next(a for a in steps.cycle_advice if a.verdict == verdict and situation in a.situations)


def advice_text(advice: CycleAdvice, catalog: Catalog, match_year: int, today: dt.date) -> str:
    """The advice as worded for where `match_year`'s season stands on `today`: its `text`
    before any event of its `later` wordings (steps.toml), from an event's day the wording of
    the latest event come (calendar.season_date)."""
    come = [
        (season_date(catalog, match_year, later.event).date, later.text) for later in advice.later
    ]
    passed = [pair for pair in come if pair[0] <= today]
    return max(passed, key=lambda pair: pair[0])[1] if passed else advice.text


def plan_for(
    profile: Profile,
    catalog: Catalog,
    plan: PlanFile | None,
    today: dt.date,
    sent: int | None = None,
) -> PlanView:
    """build_plan with the Reality check run the way the Reality check pane runs it (`sent`:
    the applications the program list shows sent, as `build_plan` takes it)."""
    from matchtui.engine.assess import assess

    plan = migrate_plan(plan, profile, catalog)
    mix = plan.mix if plan is not None else None
    timeline = plan.timeline if plan is not None else None
    assessment = assess(profile, catalog, mix, today)
    return build_plan(profile, catalog, timeline, today, assessment, sent)


# --- editing the saved state (returns new objects; the caller saves) ---------------------------


def with_start(
    state: TimelineState | None, start: YearMonth | None, derived: YearMonth | None = None
) -> TimelineState:
    """Pin the start month (None, or the derived month itself: follow the Match year)."""
    items = dict(state.items) if state is not None else {}
    if start is None or start == derived:
        return TimelineState(items=items)
    return TimelineState(start_month=str(start), pinned=True, items=items)


def with_item(
    state: TimelineState | None,
    item_id: str,
    *,
    status: ItemStatus | None = None,
    note: str | None = None,
) -> TimelineState:
    """The state with one item's status and/or note changed (the start month left as it was:
    pinned or following the Match year)."""
    items = dict(state.items) if state is not None else {}
    current = items.get(item_id, ItemState())
    items[item_id] = ItemState(
        status=current.status if status is None else status,
        note=current.note if note is None else note,
    )
    if state is None or state.start_month is None:
        return TimelineState(items=items)
    return TimelineState(start_month=state.start_month, pinned=state.pinned, items=items)


def with_timeline(plan: PlanFile | None, timeline: TimelineState) -> PlanFile:
    """plan.toml with only the `timeline` section replaced (the mix pane owns `mix`)."""
    base = plan if plan is not None else PlanFile()
    return base.model_copy(update={"timeline": timeline})
