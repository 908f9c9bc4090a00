"""The Reality check's rules as data: risk.toml, back_home.toml, archetypes.toml, readiness.toml,
actions.toml (the models of risk.toml, back_home.toml and readiness.toml live in
models/risk_rules.py and are named here too). Every rule record names its source and reliability;
`assumed` lists the keys of a record that are matchtui's own choices rather than figures from the
source.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from matchtui.models.assessment import ACTION_IDS
from matchtui.models.base import Strict, empty_list
from matchtui.models.profile import RegionDecided, WordingFact
from matchtui.models.risk_rules import AwayRule as AwayRule
from matchtui.models.risk_rules import BackHomeFile as BackHomeFile
from matchtui.models.risk_rules import Band as Band
from matchtui.models.risk_rules import ClinicalGapRule as ClinicalGapRule
from matchtui.models.risk_rules import Competitiveness as Competitiveness
from matchtui.models.risk_rules import CyclesRule as CyclesRule
from matchtui.models.risk_rules import ExamRule as ExamRule
from matchtui.models.risk_rules import FeasibilityRule as FeasibilityRule
from matchtui.models.risk_rules import LettersRule as LettersRule
from matchtui.models.risk_rules import Level as Level
from matchtui.models.risk_rules import Likelihood as Likelihood
from matchtui.models.risk_rules import Loc as Loc
from matchtui.models.risk_rules import LocalLettersRule as LocalLettersRule
from matchtui.models.risk_rules import Narrative as Narrative
from matchtui.models.risk_rules import NarrativeRule as NarrativeRule
from matchtui.models.risk_rules import ReadinessFile as ReadinessFile
from matchtui.models.risk_rules import RiskFile as RiskFile
from matchtui.models.risk_rules import RiskOverride as RiskOverride
from matchtui.models.risk_rules import Rule as Rule
from matchtui.models.risk_rules import Scenario as Scenario
from matchtui.models.risk_rules import SpecialtyFallbackRule as SpecialtyFallbackRule
from matchtui.models.risk_rules import SpecialtyTargetRule as SpecialtyTargetRule
from matchtui.models.risk_rules import Step3Rule as Step3Rule
from matchtui.models.risk_rules import TierName as TierName
from matchtui.models.risk_rules import TierRule as TierRule
from matchtui.models.risk_rules import TiesRule as TiesRule
from matchtui.models.risk_rules import TieStrength as TieStrength
from matchtui.models.risk_rules import VisaRule as VisaRule
from matchtui.models.risk_rules import YearsRule as YearsRule

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

# Finding ids the engine can raise; actions.toml ties actions to these.
FINDING_IDS: frozenset[str] = frozenset(
    {
        "risk.override",
        "risk.tier.high",
        "risk.tier.moderate",
        "risk.years_since_graduation.higher",
        "risk.years_since_graduation.middle",
        "risk.exam_status.higher",
        "risk.exam_status.middle",
        "risk.specialty_target.higher",
        "risk.specialty_target.middle",
        "risk.clinical_gap.higher",
        "risk.clinical_gap.middle",
        "risk.visa.higher",
        "visa.needs_sponsorship",
        "exams.failures",
        "exams.step1_open",
        "history.unmatched",
        "step3.missing",
        "step3.late",
        "step3.date_passed",
        "exams.step1_unrecorded",
        "letters.short_recent",
        "letters.short_specialty",
        "letters.short_real_work",
        "back_home.low",
        "back_home.no_away",
        "back_home.away_planned",
        "back_home.no_local_letters",
        "back_home.narrative_missing",
        "back_home.narrative_generic",
        "back_home.hard_market",
        "archetype.ghost_applicant",
        "archetype.prestige_gambler",
        "archetype.last_second_switcher",
        "feasibility.reach",
        "feasibility.competitive",
        "cycles.last_serious",
        "cycles.past_limit",
        "cycles.no_plan_b",
        "profile.student_graduation",
    }
)


# --- archetypes.toml -----------------------------------------------------------------------


class Archetype(Rule):
    name: str
    summary: str
    returners_only: bool = True  # only flagged when the target region is not the current one
    # Only flagged when the target region is the applicant's home region: the archetype is
    # someone going back (not one aiming at a new region, nor one whose home is abroad).
    going_home_only: bool = False


class GhostRule(Archetype):
    max_levers: int = Field(ge=0, le=3)  # rotation (done or planned), local letter, concrete story


class GamblerRule(Archetype):
    academic_pct_min: int = Field(ge=0, le=100)
    community_pct_max: int = Field(ge=0, le=100)
    profile_all_targets: list[Competitiveness] = Field(default_factory=empty_list)


class SwitcherRule(Archetype):
    late_decisions: list[RegionDecided]
    # For a year/month decision: late when it came less than this many months before the
    # application season opens.
    late_months: int = Field(default=6, ge=0, le=60)


class ArchetypesFile(Strict):
    ghost_applicant: GhostRule
    prestige_gambler: GamblerRule
    last_second_switcher: SwitcherRule


# --- actions.toml --------------------------------------------------------------------------


class ActionVariant(Strict):
    """The action's wording for a profile of which every fact in `when` holds (the first such
    variant listed wins over the other wordings)."""

    when: list[WordingFact] = Field(min_length=1)
    title: str = ""  # "" keeps the title
    text: str


class SeasonWording(Rule):
    """What still helps this season, said in place of an action that only makes sense before
    applications go to programs, once they have (ActionRule.in_season); its own source."""

    title: str = Field(min_length=1)
    text: str = Field(min_length=1)


class ActionRule(Rule):
    id: str = Field(pattern=r"^[a-z_0-9]+$")
    title: str
    text: str  # may use {region}, {home_region}, {current_region}, {specialty}, {pivots}, {step3}
    when: list[str] = Field(min_length=1)
    # Not raised while any of these fired: a step that must wait for another (Step 3 cannot be
    # booked before Step 1 is passed).
    unless: list[str] = Field(default_factory=empty_list)
    # Title and text for a graduate out of training, where the action asks for what only
    # students and residents can do (an away rotation); "" keeps `title` / `text`.
    graduate_title: str = ""
    graduate_text: str = ""
    # Title and text once the profile's plan B is written and concrete, where the action asks
    # for one; "" keeps the others.
    plan_b_title: str = ""
    plan_b_text: str = ""
    # Wordings for particular profiles (one who lives in the target region, one aiming at a
    # region that is not home, one in a residency now), checked in order after the others.
    variants: list[ActionVariant] = Field(default_factory=empty_list)
    # Only sensible before the applications of the applicant's Match go to programs (dates.toml
    # submit_opens). From then to its Match Day, `in_season` (what still helps this season) is
    # said instead; without one, and after its Match Day, the action is for the next Match:
    # `next_cycle_title` / `next_cycle_text` (which may use {next_match}) for a graduate or a
    # resident, and nothing for a student, whose cycle is under way or over. Where the
    # applicant's own records say the applications of their Match did not go out
    # (engine.assess.applications_gone), the next Match's wording is said.
    before_applications: bool = False
    in_season: SeasonWording | None = None
    next_cycle_title: str = ""
    next_cycle_text: str = ""

    @model_validator(mode="after")
    def _season_wordings(self) -> "ActionRule":
        if self.before_applications and not self.next_cycle_text:
            raise ValueError("an action for before applications needs next_cycle_text")
        if not self.before_applications and (
            self.in_season is not None or self.next_cycle_text or self.next_cycle_title
        ):
            raise ValueError("in_season and next_cycle_* are for before_applications actions")
        return self


class SeasonAssumed(Rule):
    """Said after an `in_season` wording when nothing the applicant saved records whether the
    applications of their Match went out (engine.assess.applications_gone is None): the action
    then assumes they did, and says so."""

    text: str = Field(min_length=1)


class StudentGraduation(Rule):
    """When a student's graduation year reads as a slip: a student applies in the final year,
    so graduates no more than `years_after_match` after the Match. (A year before the Match
    that only a graduate could have is refused as the profile loads: Profile._timeline.)"""

    years_after_match: int = Field(ge=0, le=5)


class ActionsFile(Strict):
    actions: list[ActionRule] = Field(min_length=1)
    # Optional, so a data folder written before it still loads (no profile is questioned).
    student_graduation: StudentGraduation | None = None
    # Optional as well: without it an in-season wording is said with no word of what it assumes.
    season_assumed: SeasonAssumed | None = None

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        ids = {a.id for a in self.actions}
        for missing in ACTION_IDS:
            if missing not in ids:
                yield ("actions",), f"action {missing!r} is missing (other panes rely on it)"
        for i, action in enumerate(self.actions):
            for key, findings in (("when", action.when), ("unless", action.unless)):
                for j, finding in enumerate(findings):
                    if finding not in FINDING_IDS:
                        yield ("actions", i, key, j), f"unknown finding {finding!r}"
