"""The Reality check's result: where the applicant stands, rule by rule.

Every finding carries the id of the rule that decided it, the rule's source (an id in
sources.toml) and its reliability, so a screen or a report can show why and how far to trust it.
`assess(...).model_dump(mode="json")` is what `matchtui assess --json` prints.
"""

from typing import Literal

from pydantic import Field

from matchtui.models.base import Strict, empty_list
from matchtui.models.results import StoryVerdict
from matchtui.models.verdict import BackHome as BackHome
from matchtui.models.verdict import FactorId as FactorId
from matchtui.models.verdict import Level as Level
from matchtui.models.verdict import Likelihood as Likelihood
from matchtui.models.verdict import NarrativeQuality as NarrativeQuality
from matchtui.models.verdict import RiskFactor as RiskFactor
from matchtui.models.verdict import RiskSheet as RiskSheet
from matchtui.models.verdict import Ruled as Ruled
from matchtui.models.verdict import Tier as Tier
from matchtui.models.verdict import TieStrength as TieStrength

ArchetypeId = Literal["ghost_applicant", "prestige_gambler", "last_second_switcher"]
LettersVerdict = Literal["ready", "short"]
Step3Verdict = Literal["passed", "scheduled", "date_passed", "late", "missing", "not_applicable"]
FeasibilityBand = Literal["realistic", "stretch", "reach"]
CyclesVerdict = Literal["first", "within_limit", "last_serious", "past_limit"]

# Action ids other panes (plan, mix, report) may refer to.
ACTION_IDS: tuple[str, ...] = (
    "pass_step1",
    "pivot_specialty",
    "take_step3",
    "explain_failures",
    "rebuild_clinical",
    "new_letters",
    "away_rotation",
    "local_letters",
    "why_home_story",
    "broaden_list",
    "commit_region_early",
    "visa_programs",
    "parallel_plan",
    "apply_broadly_community",
    "soap_ready",
)


class Archetype(Ruled):
    id: ArchetypeId
    name: str
    reason: str
    evidence: list[str] = Field(default_factory=empty_list)


class LettersCheck(Ruled):
    verdict: LettersVerdict
    total: int
    recent: int
    in_specialty: int
    saw_real_work: int
    window_months: int
    needed_recent: int
    needed_in_specialty: int
    needed_real_work: int
    reasons: list[str] = Field(default_factory=empty_list)


class Step3Check(Ruled):
    applicable: bool
    # The exam judged, as the texts name it: "Step 3", or "Level 3" for a DO whose record is
    # COMLEX's ("Step 3 or Level 3" while neither is taken by someone who holds both series).
    exam: str = "Step 3"
    status: Literal["not_taken", "scheduled", "passed"]
    verdict: Step3Verdict
    reason: str


class ScoreNote(Ruled):
    """What the Program mix estimate does with a COMLEX Level 2-CE score (never converted to
    Step 2 CK points), as the Reality check, `matchtui assess` and the report say it."""

    text: str


class SpecialtyFeasibility(Ruled):
    id: str
    name: str
    rank: int  # 1 = first-choice target
    feasibility: FeasibilityBand
    score: int | None  # re-entry feasibility 0-100 where the data has one
    competitiveness: str
    reason: str
    pivots: list[str] = Field(default_factory=empty_list)  # specialty ids with higher feasibility


class CyclesCheck(Ruled):
    cycles_applied: int
    this_cycle: int
    serious_limit: int
    verdict: CyclesVerdict
    parallel_plan_due: bool
    plan_b_present: bool
    reason: str

    @property
    def label(self) -> str:
        """'Cycle 1 of 2', or 'third cycle, past the usual two' (never 'Cycle 3/2')."""
        if self.this_cycle <= self.serious_limit:
            return f"Cycle {self.this_cycle} of {self.serious_limit}"
        return f"{_ordinal(self.this_cycle)} cycle, past the usual {_number(self.serious_limit)}"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _ordinal(n: int) -> str:
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


class Action(Ruled):
    id: str
    title: str
    text: str
    finding: str  # the finding that raised it, in words
    finding_id: str  # the finding's id, e.g. "risk.clinical_gap.higher"
    priority: int  # 1 = most important; actions are listed in this order


class Assessment(Strict):
    cycle_year: int
    reentry: bool
    returner: bool
    risk: RiskSheet
    back_home: BackHome
    archetypes: list[Archetype] = Field(default_factory=empty_list)
    letters: LettersCheck
    step3: Step3Check
    specialties: list[SpecialtyFeasibility] = Field(default_factory=empty_list)
    cycles: CyclesCheck
    actions: list[Action] = Field(default_factory=empty_list)
    # The verdicts on the profile's own stories (why_home, why_now, plan_b), phrases quoted.
    stories: list[StoryVerdict] = Field(default_factory=empty_list)
    # A DO's COMLEX Level 2-CE score and what the estimate does with it (None without one).
    score_note: ScoreNote | None = None
    # True when any finding rests on an illustrative figure or an assumption.
    illustrative: bool

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def archetype(self, archetype_id: str) -> Archetype | None:
        return next((a for a in self.archetypes if a.id == archetype_id), None)

    def factor(self, factor_id: str) -> RiskFactor | None:
        return next((f for f in self.risk.factors if f.id == factor_id), None)
