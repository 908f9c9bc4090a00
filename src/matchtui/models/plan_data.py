"""Reference data for the Plan pane: the re-entry timeline, back-home steps, entry routes,
plan B paths and cycle advice (steps.toml). The season's dates are models/calendar.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import Field, model_validator

from matchtui.models.assessment import ACTION_IDS, CyclesVerdict
from matchtui.models.base import Sourced, Strict, empty_list
from matchtui.models.calendar import EVENT_IDS
from matchtui.models.profile import Situation, WordingFact

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

Loc = tuple[str | int, ...]

ItemKind = Literal["done", "active", "milestone", "ongoing", "target", "critical", "decision"]

# Facts that mean an item is already done (evaluated in engine/plan.py): the profile's, and
# `applications_sent`, the program list's (an application past "planned").
DoneWhen = Literal[
    "applications_sent",
    "clinical_started",
    "step3_booked",
    "step3_passed",
    "rotation_in_region",
    "letter_from_region",
    "letters_ready",
    "why_home_written",
]

# Profile facts that mean an item is under way, not to do (evaluated in engine/plan.py): the
# clinical work goes on now, Step 3 is booked in time for rank lists.
DoingWhen = Literal["clinical_ongoing", "step3_in_time"]

# Profile facts without which an item is not shown at all (evaluated in engine/plan.py).
ShownWhile = Literal["step1_open"]

_ID = r"^[a-z][a-z0-9_]*$"


def _unknown_actions(actions: list[str], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for index, action in enumerate(actions):
        if action not in ACTION_IDS:
            yield (*loc, "actions", index), f"unknown Reality check action id {action!r}"


# --- timeline.toml -----------------------------------------------------------------------------


class DefaultStart(Sourced):
    """Where the plan starts when the applicant has not picked a month."""

    month: int = Field(ge=1, le=12)
    years_before_cycle: int = Field(ge=0, le=5)


class Phase(Strict):
    id: str = Field(pattern=_ID)
    title: str
    first_month: int = Field(ge=1, le=36)  # 1 = the start month
    last_month: int = Field(ge=1, le=36)

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        if self.last_month < self.first_month:
            raise ValueError("last_month must be >= first_month")
        return self


class StepVariant(Strict):
    """A plan item's or step's wording for a profile of which every fact in `when` holds (the
    first such variant listed wins over the other wordings)."""

    when: list[WordingFact] = Field(min_length=1)
    title: str = Field(default="", max_length=60)  # "" keeps the title
    detail: str = ""  # "" keeps the detail


class TimelineItem(Sourced):
    id: str = Field(pattern=_ID)
    title: str = Field(max_length=60)
    phase: str
    offset: int = Field(ge=0, le=35)  # whole months after the start month
    duration: int = Field(ge=1, le=24)
    kind: ItemKind
    actions: list[str] = Field(default_factory=empty_list)
    done_when: DoneWhen | None = None
    doing_when: DoingWhen | None = None  # a profile fact that shows it under way
    # Shown only while this holds ("step1_open": Step 1 still to be passed); None: always.
    shown_while: ShownWhile | None = None
    for_everyone: bool = False  # shown even to applicants who are neither re-entry nor returners
    detail: str = ""
    # Wordings for particular profiles (one in a residency now), the first whose facts all hold.
    variants: list[StepVariant] = Field(default_factory=empty_list)


class LateRule(Sourced):
    """When the Plan pane tells (or asks) an applicant that their Match went on without their
    application: the plan's `item` for sending it is past, neither done nor under way, the
    applicant's saved plan or program list records nothing sent (engine.plan.late_check), and
    programs have been reviewing applications since the season event `after`."""

    item: str = Field(pattern=_ID)
    after: str
    note: str = ""


class TimelineFile(Strict):
    default_start: DefaultStart
    late: LateRule
    phases: list[Phase] = Field(min_length=1)
    items: list[TimelineItem] = Field(min_length=1)

    def check_refs(self, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
        if self.late.after not in EVENT_IDS:
            yield ("late", "after"), f"unknown season event {self.late.after!r}"
        if all(item.id != self.late.item for item in self.items):
            yield ("late", "item"), f"unknown timeline item {self.late.item!r}"
        phases = {phase.id: phase for phase in self.phases}
        for index, item in enumerate(self.items):
            phase = phases.get(item.phase)
            if phase is None:
                yield ("items", index, "phase"), f"unknown phase {item.phase!r}"
            elif not phase.first_month <= item.offset + 1 <= phase.last_month:
                yield (
                    ("items", index, "offset"),
                    f"month {item.offset + 1} is outside phase {phase.id!r} "
                    f"(months {phase.first_month}-{phase.last_month})",
                )
            yield from _unknown_actions(item.actions, ("items", index))


# --- steps.toml --------------------------------------------------------------------------------


class Timing(Sourced):
    """Where a step sits on the plan's month grid (months after the start month)."""

    offset: int = Field(ge=0, le=35)
    duration: int = Field(ge=1, le=24)


class BackHomeStep(Sourced):
    id: str = Field(pattern=_ID)
    title: str = Field(max_length=60)
    actions: list[str] = Field(default_factory=empty_list)
    done_when: DoneWhen | None = None
    detail: str = ""
    timing: Timing | None = None
    # The step as a graduate out of training takes it, where the step is one only students and
    # residents can take (an away rotation); "" keeps title and detail.
    graduate_title: str = Field(default="", max_length=60)
    graduate_detail: str = ""
    # Wordings for particular profiles (one aiming at a region that is not home, one who lives
    # in the target region), checked in order after the graduate's.
    variants: list[StepVariant] = Field(default_factory=empty_list)


# `without_fallback`: the record is written for one who has no position to fall back on if no
# match comes (a student, a graduate out of training), and is not shown to one who has (in a
# residency now: engine.assess.fallback_text, the Reality check's one reading of it).


class EntryRoute(Sourced):
    id: str = Field(pattern=_ID)
    title: str
    when: str
    summary: str
    steps: list[str] = Field(default_factory=empty_list)
    actions: list[str] = Field(default_factory=empty_list)
    # season event ids (dates.toml) of the route
    dates: list[str] = Field(default_factory=empty_list)
    without_fallback: bool = False


class PlanBPath(Sourced):
    id: str = Field(pattern=_ID)
    title: str
    detail: str = ""
    without_fallback: bool = False


class ParallelQuestion(Sourced):
    id: str = Field(pattern=_ID)
    question: str
    without_fallback: bool = False


def every_situation() -> list[Situation]:
    """Each applicant situation (a field default: advice for everyone)."""
    return list(get_args(Situation))


class LaterWording(Strict):
    """Advice worded for once a season event of the applicant's Match has come (`event`,
    dates.toml): a sentence bound to the season ("the story written before ERAS opens") gives
    way to what still helps."""

    event: str
    text: str


class CycleAdvice(Sourced):
    """What to do at one of the Reality check's cycle verdicts (first, within the limit, the
    last serious cycle, past the limit): the count decides the verdict, the verdict the advice,
    for the situations listed (a student's first cycle is not a returner's). `text` is said
    before the events of `later` (engine.plan.advice_text): from each one's day, its own."""

    verdict: CyclesVerdict
    situations: list[Situation] = Field(default_factory=every_situation, min_length=1)
    title: str
    text: str
    later: list[LaterWording] = Field(default_factory=empty_list)


class StepsFile(Strict):
    back_home: list[BackHomeStep] = Field(min_length=1)
    entry_routes: list[EntryRoute] = Field(min_length=1)
    plan_b_paths: list[PlanBPath] = Field(min_length=1)
    parallel_plan: list[ParallelQuestion] = Field(default_factory=empty_list)
    cycle_advice: list[CycleAdvice] = Field(min_length=1)

    def check_refs(self, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
        for index, step in enumerate(self.back_home):
            yield from _unknown_actions(step.actions, ("back_home", index))
        for index, route in enumerate(self.entry_routes):
            yield from _unknown_actions(route.actions, ("entry_routes", index))
            for j, event in enumerate(route.dates):
                if event not in EVENT_IDS:
                    yield ("entry_routes", index, "dates", j), f"unknown season event {event!r}"
        for index, advice in enumerate(self.cycle_advice):
            for j, later in enumerate(advice.later):
                if later.event not in EVENT_IDS:
                    yield (
                        ("cycle_advice", index, "later", j, "event"),
                        f"unknown season event {later.event!r}",
                    )
        seen = [
            (advice.verdict, situation)
            for advice in self.cycle_advice
            for situation in advice.situations
        ]
        for verdict in get_args(CyclesVerdict):
            for situation in get_args(Situation):
                found = seen.count((verdict, situation))
                if found != 1:
                    yield (
                        ("cycle_advice",),
                        f"cycle verdict {verdict!r} needs exactly one entry for {situation!r} "
                        f"(found {found})",
                    )
        timeline = catalog.get("timeline.toml", TimelineFile)
        timeline_ids = {item.id for item in timeline.items}
        for index, step in enumerate(self.back_home):
            if step.id in timeline_ids:
                yield (
                    ("back_home", index, "id"),
                    f"id {step.id!r} is also a timeline item (plan.toml keys must be unique)",
                )


# --- typed access ------------------------------------------------------------------------------


def timeline_data(catalog: Catalog) -> TimelineFile:
    return catalog.get("timeline.toml", TimelineFile)


def steps_data(catalog: Catalog) -> StepsFile:
    return catalog.get("steps.toml", StepsFile)
