"""The rules of the re-entry risk sheet, the back-home verdict and the readiness checks (risk.toml,
back_home.toml, readiness.toml) and the rule record they share: the part of the Reality check's
rules the Program mix also reads (the risk sheet's specialty row is rated from readiness.toml's
feasibility band, so the mix reads that file too; models/rules.py holds the rest and names these
too). Kept apart so `matchtui mix` defines only these rule models.
"""

import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from matchtui.models.base import Sourced, Strict, empty_list
from matchtui.models.profile import ClinicalRole, Step3Status, TieKind, Visa

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

Level = Literal["lower", "middle", "higher"]
Band = Literal["realistic", "stretch", "reach"]  # a specialty's feasibility (readiness.toml)
TierName = Literal["low", "moderate", "high"]
Competitiveness = Literal["low", "moderate", "high", "very_high"]
TieStrength = Literal["strong", "weak", "none"]
Narrative = Literal["concrete", "generic", "missing"]
Likelihood = Literal["very_high", "high", "moderate_to_low", "very_low"]

Loc = tuple[str | int, ...]


class Rule(Sourced):
    """A rule record: provenance plus the names of keys that are matchtui assumptions."""

    assumed: list[str] = Field(default_factory=empty_list)
    note: str = ""

    @model_validator(mode="after")
    def _assumed_are_keys(self) -> "Rule":
        unknown = [k for k in self.assumed if k not in type(self).model_fields]
        if unknown:
            raise ValueError(f"assumed names keys this record does not have: {unknown}")
        return self

    def params(self) -> dict[str, Any]:
        """The record's own settings (thresholds, lists), without provenance fields: what
        `model_dump(mode="json")` gives, read directly (no serializer is built for it)."""
        skip = {"source", "reliability", "assumed", "note", "id"}
        try:
            values = {k: _plain(getattr(self, k)) for k in type(self).model_fields}
        except TypeError:  # a value that is not plain text, numbers, lists or tables
            values = self.model_dump(mode="json")
        return {k: v for k, v in values.items() if k not in skip}


def _plain(value: Any) -> Any:
    """A copy of a plain record value as JSON mode dumps it; TypeError for anything else."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: _plain(item) for key, item in value.items()}
    raise TypeError(type(value).__name__)


def _unknown_specialties(
    catalog: "Catalog", loc: Loc, ids: Iterable[str]
) -> Iterator[tuple[Loc, str]]:
    for index, sid in enumerate(ids):
        if sid not in catalog.specialties:
            yield (*loc, index), f"unknown specialty {sid!r}"


# --- risk.toml -----------------------------------------------------------------------------


class YearsRule(Rule):
    label: str = "Years since graduation"
    lower_max: int = Field(ge=0)  # at most this many years: lower risk
    higher_min: int = Field(ge=1)  # at least this many years: higher risk

    @model_validator(mode="after")
    def _ordered(self) -> "YearsRule":
        if self.higher_min <= self.lower_max:
            raise ValueError("higher_min must be greater than lower_max")
        return self


class ExamRule(Rule):
    label: str = "Exam status"
    middle_failures_min: int = Field(ge=1)
    higher_failures_min: int = Field(ge=1)
    step3: dict[Step3Status, Level]  # level for a graduate by Step 3 status
    step1_not_passed: Level = "higher"
    step1_missing: Level = "middle"  # no Step 1 result recorded
    step2_missing: Level = "middle"


def _side_by_side() -> dict[Band, Level]:
    return {"realistic": "lower", "stretch": "middle", "reach": "higher"}


class SpecialtyTargetRule(Rule):
    """The first target's level: the feasibility band readiness.toml [feasibility] gives it (the
    one the Target specialties section shows), read through `by_feasibility`, so the two never
    disagree. `lower` and `higher` are the source's own risk table, kept for reference (the data
    tests check that the band reproduces them); they decide nothing."""

    label: str = "Specialty target"
    # Default for a data folder written before the key existed: the three steps side by side.
    by_feasibility: dict[Band, Level] = Field(default_factory=_side_by_side)
    lower: list[str] = Field(default_factory=empty_list)
    higher: list[str] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _every_band(self) -> "SpecialtyTargetRule":
        missing = [b for b in ("realistic", "stretch", "reach") if b not in self.by_feasibility]
        if missing:
            raise ValueError(f"by_feasibility needs a level for every band: {missing} missing")
        return self


class SpecialtyFallbackRule(Rule):
    """No longer read: the specialty row is rated from the feasibility band. Kept so a data
    folder written before that still loads."""

    by_competitiveness: dict[Competitiveness, Level]


class ClinicalGapRule(Rule):
    label: str = "Clinical gap"
    counting_roles: list[ClinicalRole]
    weak_roles: list[ClinicalRole] = Field(default_factory=empty_list)  # best level is middle
    higher_gap_months: int = Field(ge=1, le=600)
    lower_min_months: int = Field(ge=1, le=24)
    lower_max_since: int = Field(ge=0, le=600)
    # A weak role shorter than this after a hands-on gap of higher_gap_months or more: higher.
    weak_min_months: int = Field(ge=1, le=24)


class VisaRule(Rule):
    label: str = "Visa"
    levels: dict[Visa, Level]


class TierRule(Rule):
    high_min_higher: int = Field(ge=1)
    moderate_min_higher: int = Field(ge=1)
    moderate_min_middle: int = Field(ge=1)


class RiskOverride(Rule):
    """A hard rule: when every condition holds, the tier is forced and a plain statement shown."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    years_min: int = Field(default=0, ge=0)
    failures_min: int = Field(default=0, ge=0)
    step3_in: list[Step3Status] = Field(default_factory=empty_list)  # empty: any status
    require_higher: list[str] = Field(default_factory=empty_list)
    tier: TierName = "high"
    statement: str


class RiskFile(Strict):
    applies_to_stages: list[Literal["student", "resident", "graduate"]]
    years_since_graduation: YearsRule
    exam_status: ExamRule
    specialty_target: SpecialtyTargetRule
    specialty_target_fallback: SpecialtyFallbackRule | None = None  # not read (old folders)
    clinical_gap: ClinicalGapRule
    visa: VisaRule
    tier: TierRule
    overrides: list[RiskOverride] = Field(default_factory=empty_list)

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        yield from _unknown_specialties(
            catalog, ("specialty_target", "lower"), self.specialty_target.lower
        )
        yield from _unknown_specialties(
            catalog, ("specialty_target", "higher"), self.specialty_target.higher
        )
        factors = {"years_since_graduation", "exam_status", "specialty_target", "clinical_gap"}
        factors.add("visa")
        for i, override in enumerate(self.overrides):
            for j, factor in enumerate(override.require_higher):
                if factor not in factors:
                    yield ("overrides", i, "require_higher", j), f"unknown risk factor {factor!r}"


# --- back_home.toml ------------------------------------------------------------------------


class TiesRule(Rule):
    strong_kinds: list[TieKind]
    strong_min_count: int = Field(ge=1)  # this many ties of any kind also count as strong


class AwayRule(Rule):
    count_planned: bool = False
    # A graduate out of training who lives in the target region and works clinically now (one
    # of `local_roles`, ended no longer ago than risk.toml [clinical_gap] lower_max_since) has
    # the presence there that a rotation gives a student.
    local_clinical_work_counts: bool = False
    local_roles: list[ClinicalRole] = Field(default_factory=empty_list)


class LocalLettersRule(Rule):
    min_count: int = Field(ge=1)


class NarrativeRule(Rule):
    """The why-home story: judged with lexicon.toml [stories.why_home] (engine/text.py)."""

    # What the story is called for one aiming at a region that is not home ("" keeps the
    # lexicon's label).
    new_region_label: str = ""


class Scenario(Rule):
    """First scenario whose conditions all hold decides the likelihood; unset = any."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    # For a graduate out of training, whose "rotation" is clinical work in the region.
    graduate_label: str = ""
    likelihood: Likelihood
    ties: list[TieStrength] = Field(default_factory=empty_list)
    away_rotation: bool | None = None
    local_letters: bool | None = None
    narrative: list[Narrative] = Field(default_factory=empty_list)
    min_levers: int | None = Field(default=None, ge=0, le=3)


class Market(Strict):
    """A sought-after place to train, in one census region, and the words an applicant's own
    text names it by ("Southern California": "SoCal", "Los Angeles", "San Diego", ...)."""

    name: str
    region: str
    words: list[str] = Field(min_length=1)


class HardMarketRule(Rule):
    """A specialty among the tightest in one of the most sought-after markets: hard from
    anywhere, whatever the region or the ties (the specialties and markets as listed)."""

    specialties: list[str] = Field(min_length=1)
    markets: list[Market] = Field(min_length=1)


class BackHomeFile(Strict):
    ties: TiesRule
    away: AwayRule
    local_letters: LocalLettersRule
    narrative: NarrativeRule
    scenarios: list[Scenario] = Field(min_length=1)
    hard_market: HardMarketRule | None = None

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        if self.hard_market is None:
            return
        yield from _unknown_specialties(
            catalog, ("hard_market", "specialties"), self.hard_market.specialties
        )
        for i, market in enumerate(self.hard_market.markets):
            if market.region not in catalog.regions:
                yield ("hard_market", "markets", i, "region"), f"unknown region {market.region!r}"

    @model_validator(mode="after")
    def _has_fallback(self) -> "BackHomeFile":
        last = self.scenarios[-1]
        conditions = (last.ties, last.narrative)
        if any(conditions) or last.away_rotation is not None or last.local_letters is not None:
            raise ValueError("the last scenario must have no conditions (it is the fallback)")
        if last.min_levers:
            raise ValueError("the last scenario must have no conditions (it is the fallback)")
        return self


# --- readiness.toml ------------------------------------------------------------------------


class LettersRule(Rule):
    window_months: int = Field(ge=1, le=120)
    needed_recent: int = Field(ge=0)
    needed_in_specialty: int = Field(ge=0)
    needed_real_work: int = Field(ge=0)
    # A letter written outside the US may be the real-work one (the article asks for US ones)
    real_work_abroad_counts: bool = False
    adjacent: list[str] = Field(default_factory=empty_list)


class Step3Rule(Rule):
    applies_to_stages: list[Literal["student", "resident", "graduate"]]
    rank_list_month: int = Field(ge=1, le=12)
    rank_list_day: int = Field(ge=1, le=28)
    results_weeks: int = Field(ge=0, le=26)


class FeasibilityRule(Rule):
    realistic_min_score: int = Field(ge=0, le=100)
    reach_max_score: int = Field(ge=0, le=100)
    by_competitiveness: dict[Competitiveness, Band]
    pivot_min_score: int = Field(ge=0, le=100)
    pivot_count: int = Field(ge=0, le=10)

    @model_validator(mode="after")
    def _ordered(self) -> "FeasibilityRule":
        if self.reach_max_score >= self.realistic_min_score:
            raise ValueError("reach_max_score must be below realistic_min_score")
        return self


class CyclesRule(Rule):
    serious_limit: int = Field(ge=1, le=10)
    plan_b_min_words: int = Field(ge=0)
    # Said of one in a residency now in place of asking for a written plan B: the program they
    # are in is their fallback ("" asks them as anyone else, as a data folder before it did).
    in_training_fallback: str = ""
    # The Plan B story's row for one in a residency now who wrote none: the fallback is theirs
    # already, so the row says so instead of "missing" ("" shows it missing, as before).
    in_training_plan_b: str = ""


class ComlexRule(Rule):
    """COMLEX-USA Level 2-CE figures: what a DO's score is read beside (never converted)."""

    level2_pass: int = Field(ge=1, le=9999)
    level2_mean: int = Field(ge=1, le=9999)
    level2_min: int = Field(ge=1, le=9999)
    level2_max: int = Field(ge=1, le=9999)

    @model_validator(mode="after")
    def _ordered(self) -> "ComlexRule":
        if not self.level2_min <= self.level2_pass <= self.level2_max:
            raise ValueError("level2_pass must lie between level2_min and level2_max")
        return self


class ReadinessFile(Strict):
    letters: LettersRule
    step3: Step3Rule
    comlex: ComlexRule
    feasibility: FeasibilityRule
    cycles: CyclesRule

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        yield from _unknown_specialties(catalog, ("letters", "adjacent"), self.letters.adjacent)
