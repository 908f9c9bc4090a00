"""Program mix: the model data (mix.toml, curves.toml) and the estimate the engine returns."""

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from matchtui.models.base import Reliability, Sourced, Strict, empty_list
from matchtui.models.base import Tier as Tier
from matchtui.models.profile import APPLICANT_TYPE_LABELS as APPLICANT_TYPE_LABELS
from matchtui.models.profile import ApplicantType as ApplicantType
from matchtui.models.reference import Competitiveness

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

TIERS: tuple[Tier, Tier, Tier] = ("academic", "mid_tier", "community")
TIER_LABELS: dict[str, str] = {
    "academic": "Academic",
    "mid_tier": "Mid-tier",
    "community": "Community",
}
RiskTier = Literal["low", "moderate", "high", "not_applicable"]
RISK_TIERS: tuple[RiskTier, ...] = ("not_applicable", "low", "moderate", "high")
Degree = Literal["us_md", "us_do", "us_img", "non_us_img"]
# NRMP's six applicant groups (the profile's `applicant_type`), named next to their model.
APPLICANT_TYPES: tuple[ApplicantType, ...] = (
    "us_md_senior",
    "us_do_senior",
    "us_md_graduate",
    "us_do_graduate",
    "us_img",
    "non_us_img",
)
Likelihood = Literal["very_high", "high", "moderate_to_low", "very_low"]
# The three settings of the assumption parameters the range is evaluated at.
SETTINGS: tuple[str, str, str] = ("shallow", "point", "steep")
BANDS: tuple[Competitiveness, ...] = ("low", "moderate", "high", "very_high")

Loc = tuple[str | int, ...]


# --- mix.toml ---------------------------------------------------------------------------------
class ModelSettings(Sourced):
    p_max: float = Field(gt=0, lt=1)
    at_least: list[int] = Field(min_length=1)
    diminishing_step: int = Field(ge=1, le=50)
    diminishing_gain_rel_pct: float = Field(gt=0, le=100)
    margin: float = Field(ge=0, le=3)
    fit_ceiling: float = Field(gt=0.5, lt=1)
    # How far (points) a fitted anchor may sit from its target, with the data read, before the
    # stored constants are refitted for that data (engine/calibrate.py current_fit).
    refit_tolerance_pp: float = Field(gt=0, le=5)
    note: str = ""

    @model_validator(mode="after")
    def _ascending(self) -> "ModelSettings":
        if any(k < 1 for k in self.at_least) or self.at_least != sorted(set(self.at_least)):
            raise ValueError("at_least must be increasing whole numbers from 1")
        return self


class PresetWhen(Strict):
    """Conditions on the profile; an empty `when` matches everyone."""

    reentry: bool | None = None
    img: bool | None = None
    # NRMP counts the applicant as a US MD or DO prior graduate (a resident applying again too).
    prior_graduate: bool | None = None
    bands: list[Competitiveness] | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.reentry is None
            and self.img is None
            and self.prior_graduate is None
            and self.bands is None
        )


class PresetSize(Sourced):
    applications: int = Field(ge=1, le=200)
    region_share_pct: int = Field(ge=0, le=100)
    note: str = ""


class Preset(Sourced):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    academic: int = Field(ge=0, le=100)
    mid_tier: int = Field(ge=0, le=100)
    community: int = Field(ge=0, le=100)
    when: PresetWhen = Field(default_factory=PresetWhen)
    size: PresetSize
    note: str = ""

    @model_validator(mode="after")
    def _sums(self) -> "Preset":
        if self.academic + self.mid_tier + self.community != 100:
            raise ValueError("academic + mid_tier + community must be 100")
        return self

    @property
    def shares(self) -> tuple[int, int, int]:
        return (self.academic, self.mid_tier, self.community)


class TierFactors(Sourced):
    academic: float = Field(gt=0)
    mid_tier: float = Field(gt=0)
    community: float = Field(gt=0)
    note: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "TierFactors":
        # The estimate's monotonicity (a more community-heavy list never scores lower) needs it.
        if not self.academic <= self.mid_tier <= self.community:
            raise ValueError("tier factors must satisfy academic <= mid_tier <= community")
        return self

    def of(self, tier: str) -> float:
        value: float = getattr(self, tier)
        return value


class _ForBandOrSpecialty(Sourced):
    band: Competitiveness | None = None
    specialty: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_key(self) -> "_ForBandOrSpecialty":
        if (self.band is None) == (self.specialty is None):
            raise ValueError("give exactly one of band or specialty")
        return self


class BaseRates(_ForBandOrSpecialty):
    """Interview chance of one mid-tier application for a US MD senior before the specialty's
    fitted intercept (calibration) and the applicant's own factor."""

    rate: float = Field(gt=0, le=1)


class SignalFactor(_ForBandOrSpecialty):
    factor: float = Field(ge=1, le=50)


class TiesFactor(Sourced):
    factor: float = Field(ge=1, le=5)
    note: str = ""


class YieldCaps(Sourced):
    """The highest chance the estimate gives one application of bringing an interview, with a
    signal and without one: no more than published signal yields support (mix.toml
    [yield_caps]). Both at most [model] p_max, which still bounds every application."""

    signalled: float = Field(gt=0, lt=1)
    unsignalled: float = Field(gt=0, lt=1)
    note: str = ""

    @model_validator(mode="after")
    def _order(self) -> "YieldCaps":
        if self.unsignalled > self.signalled:
            raise ValueError("unsignalled must not exceed signalled: a signal never lowers the cap")
        return self


class BackHomeFactor(Sourced):
    """Multiplies the interview chance of target-region applications for a returner, by the
    Reality check's back-home likelihood; `low`/`high` bound it for the range."""

    likelihood: Likelihood
    factor: float = Field(gt=0, le=5)
    low: float = Field(gt=0, le=5)
    high: float = Field(gt=0, le=5)
    note: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "BackHomeFactor":
        if not self.low <= self.factor <= self.high:
            raise ValueError("back-home factor must satisfy low <= factor <= high")
        return self


class ScoreModel(Sourced):
    """Step 2 CK: logistic slope (matched mean - unmatched mean) / sigma^2 per specialty."""

    sigma: float = Field(gt=0, le=50)
    nodes: list[tuple[float, float]] = Field(min_length=1)  # (standard-normal z, weight)
    note: str = ""

    @model_validator(mode="after")
    def _weights(self) -> "ScoreModel":
        if abs(sum(w for _, w in self.nodes) - 1.0) > 1e-6:
            raise ValueError("score node weights must sum to 1")
        return self


class ComlexScore(Sourced):
    """How the estimate treats a COMLEX Level 2-CE score: never converted (the note says how)."""

    note: str


class Adjustment(Sourced):
    """One labelled adjustment on the log scale of every application's interview chance:
    -per_unit x min(cap, max(0, value - grace)). `shallow`/`steep` are the range settings."""

    id: Literal["years_out", "failures", "clinical_gap", "prior_cycles", "visa", "no_step3"]
    label: str
    prose: str = ""  # as a sentence names it: "years out", "a missing Step 3"
    unit: str
    per_unit: float = Field(ge=0, le=5)
    shallow: float = Field(ge=0, le=5)
    steep: float = Field(ge=0, le=5)
    grace: float = Field(default=0, ge=0)
    cap: float = Field(gt=0)
    # A yes/no input (needs a visa): its amount reads "yes" or "no", not "1 applicant".
    yes_no: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> "Adjustment":
        if not self.shallow <= self.per_unit <= self.steep:
            raise ValueError("an adjustment must satisfy shallow <= per_unit <= steep")
        return self

    def slope(self, setting: str) -> float:
        return {"shallow": self.shallow, "point": self.per_unit, "steep": self.steep}[setting]

    def units(self, value: float) -> float:
        return min(self.cap, max(0.0, value - self.grace))

    def amount(self, value: float) -> str:
        """The input as the Assumptions list shows it: "1.17 years" (14 months, not 1.16667),
        "0 failures", or "yes"/"no"."""
        if self.yes_no:
            return "yes" if value else "no"
        shown = round(value, 2)
        return f"{shown:g} {self.unit}{'' if shown == 1 else 's'}"


class WeakClinical(Sourced):
    """How the estimate reads a weak clinical role (risk.toml [clinical_gap] weak_roles, an
    observership): each of its months in the last 24 takes `month_credit` months off the gap
    it would read were the role no clinical work (engine/clinical.py)."""

    month_credit: float = Field(ge=0, le=1)
    note: str = ""


class SoapShare(Sourced):
    """Share of a group's unmatched applicants placed through SOAP (per cent)."""

    applicant_type: ApplicantType
    placed_pct: float = Field(ge=0, le=100)
    note: str = ""


class SoapModel(Sourced):
    """How a profile's own adjustments move its group's SOAP conversion: on the log-odds of
    the conversion, `adjustment_weight` x (the profile's adjustments - their mean over the
    group's cohort). A group's average member keeps the published conversion."""

    adjustment_weight: float = Field(ge=0, le=2)
    note: str = ""


class InTraining(Sourced):
    """How the estimate speaks to an applicant in a residency now (most often changing
    specialty): no new position leaves them in the one they hold, so the placement figure is
    the chance of a new position and the fallback is their current program, not SOAP alone."""

    placed_note: str  # shown beside the chance of a position including SOAP
    low_chance_close: str  # ends the low-chance warning in place of "Keep a parallel plan ready."
    note: str = ""


Distribution = list[tuple[float, float]]  # (value, weight), weights summing to 1


class Cohort(Strict):
    """A synthetic population for one anchor (see mix.toml, [[type_anchors]])."""

    stage: Literal["student", "resident", "graduate"]
    degree: Degree
    specialties: list[str] = Field(min_length=1)
    weights_from: Literal["us_md_pct", "us_do_pct", "us_img_pct", "non_us_img_pct"]
    preset: str | None = None  # None: the preset the app recommends per specialty
    # The middle of the cohort's Step 2 CK spread: the specialty's senior centre, or the mean of
    # its unmatched seniors (Charting Outcomes); a member who enters no score is this member.
    score_centre: Literal["senior", "unmatched"] = "senior"
    visa_share: float = Field(default=0.0, ge=0, le=1)
    # Members out of training with no Step 3 / Level 3 passed (the no_step3 adjustment).
    no_step3_share: float = Field(default=0.0, ge=0, le=1)
    years_out: Distribution = Field(default_factory=lambda: [(0.0, 1.0)])
    failures: Distribution = Field(default_factory=lambda: [(0.0, 1.0)])
    clinical_gap_years: Distribution = Field(default_factory=lambda: [(0.0, 1.0)])
    prior_cycles: Distribution = Field(default_factory=lambda: [(0.0, 1.0)])

    @model_validator(mode="after")
    def _weights(self) -> "Cohort":
        for name in ("years_out", "failures", "clinical_gap_years", "prior_cycles"):
            values: Distribution = getattr(self, name)
            if not values or abs(sum(w for _, w in values) - 1.0) > 1e-6:
                raise ValueError(f"{name}: weights must sum to 1")
        return self


class TypeAnchor(Sourced):
    """A group's published PGY-1 match rate and placement including SOAP, in one Match year."""

    id: ApplicantType
    population: str
    year: int = Field(ge=2000, le=2100)  # the Match the rates are from
    published_pct: float = Field(ge=0, le=100)
    placed_pct: float = Field(ge=0, le=100)
    tolerance_pp: float = Field(gt=0, le=50)
    cohort: Cohort
    note: str = ""


class HeldOut(Sourced):
    """A group's published PGY-1 match rate in a Match the constants were not fitted to: shown
    beside the model's figure for that group's cohort (its `type_anchors` record), never fitted."""

    id: ApplicantType
    population: str
    year: int = Field(ge=2000, le=2100)
    published_pct: float = Field(ge=0, le=100)
    note: str = ""


class Coverage(Sourced):
    """How far the anchors' cohorts reach; a profile beyond any of these is extrapolated."""

    years_out: float
    failures: float
    clinical_gap_years: float
    prior_cycles: float
    note: str = ""


class Fitted(Sourced):
    """Constants fitted by engine/calibrate.py (`fit_constants`) and stored so the estimate does
    not fit on every start; tests/test_mix_calibration.py checks they reproduce the anchors.
    `inputs` is the digest of the data they were fitted to: data read with another digest whose
    anchors the constants no longer reproduce is refitted once (`current_fit`)."""

    intercepts: dict[str, float]  # specialty -> log-scale intercept on the band base rate
    population: dict[str, float]  # specialty -> score term standing for "no score entered"
    type_offsets: dict[str, tuple[float, float, float]]  # type -> (shallow, point, steep)
    inputs: str = ""
    refitted: bool = False  # fitted when the data were read, not the stored constants
    note: str = ""


class WarningThresholds(Sourced):
    top_heavy_by_risk: dict[RiskTier, int]
    top_heavy_by_band: dict[Competitiveness, int]
    few_in_region_min_pct: int = Field(ge=0, le=100)
    few_in_region_min_count: int = Field(ge=0, le=200)
    diminishing_slack: int = Field(ge=0, le=200)
    low_p_match: float = Field(ge=0, le=1)
    # The low-chance warning names what weighs on the estimate most: the Step 2 CK term and the
    # adjustments at least this heavy on the log scale of every interview chance.
    weighs_min: float = Field(default=0.25, ge=0)
    note: str = ""

    @model_validator(mode="after")
    def _complete(self) -> "WarningThresholds":
        if set(self.top_heavy_by_risk) != set(RISK_TIERS):
            raise ValueError(f"top_heavy_by_risk needs every risk tier: {', '.join(RISK_TIERS)}")
        if set(self.top_heavy_by_band) != set(BANDS):
            raise ValueError(f"top_heavy_by_band needs every band: {', '.join(BANDS)}")
        return self


class MixFile(Strict):
    model: ModelSettings
    presets: list[Preset] = Field(min_length=1)
    tier_factors: TierFactors
    base_rates: list[BaseRates] = Field(min_length=1)
    ties: TiesFactor
    # Optional, so a data folder written before it still loads (p_max alone then bounds every
    # application, as it did).
    yield_caps: YieldCaps | None = None
    back_home_factors: list[BackHomeFactor] = Field(min_length=4, max_length=4)
    signal_factors: list[SignalFactor] = Field(min_length=1)
    score: ScoreModel
    comlex: ComlexScore
    adjustments: list[Adjustment] = Field(min_length=6, max_length=6)
    weak_clinical: WeakClinical
    soap: list[SoapShare] = Field(min_length=6, max_length=6)
    soap_model: SoapModel
    # Optional, so a data folder written before it still loads (the estimate then speaks to a
    # resident as to anyone else).
    in_training: InTraining | None = None
    type_anchors: list[TypeAnchor] = Field(min_length=6, max_length=6)
    held_out: list[HeldOut] = Field(default_factory=empty_list)
    coverage: Coverage
    fitted: Fitted
    warnings: WarningThresholds

    @model_validator(mode="after")
    def _complete(self) -> "MixFile":
        if not self.presets[-1].when.is_empty:
            raise ValueError("the last preset must have no `when` conditions (it is the fallback)")
        for name, records in (
            ("base_rates", self.base_rates),
            ("signal_factors", self.signal_factors),
        ):
            bands = {r.band for r in records if r.band is not None}
            missing = [b for b in BANDS if b not in bands]
            if missing:
                raise ValueError(f"{name} has no record for band(s): {', '.join(missing)}")
            keys = [r.band or f"specialty {r.specialty}" for r in records]
            if len(keys) != len(set(keys)):
                raise ValueError(f"{name} names a band or specialty twice")
        groups: tuple[tuple[str, list[str]], ...] = (
            ("soap", [r.applicant_type for r in self.soap]),
            ("type_anchors", [a.id for a in self.type_anchors]),
        )
        for name, keys in groups:
            if sorted(keys) != sorted(APPLICANT_TYPES):
                raise ValueError(f"{name} needs each applicant type once")
        if len({a.id for a in self.adjustments}) != len(self.adjustments):
            raise ValueError("adjustments names one id twice")
        return self

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        specialties = catalog.specialties
        for field, records in (
            ("base_rates", self.base_rates),
            ("signal_factors", self.signal_factors),
        ):
            for i, record in enumerate(records):
                if record.specialty is not None and record.specialty not in specialties:
                    yield (field, i, "specialty"), f"unknown specialty {record.specialty!r}"
        for i, anchor in enumerate(self.type_anchors):
            for j, specialty in enumerate(anchor.cohort.specialties):
                if specialty not in specialties:
                    yield (
                        ("type_anchors", i, "cohort", "specialties", j),
                        f"unknown specialty {specialty!r}",
                    )

    def preset(self, preset_id: str) -> Preset:
        for preset in self.presets:
            if preset.id == preset_id:
                return preset
        raise KeyError(preset_id)

    def adjustment(self, adjustment_id: str) -> Adjustment:
        for record in self.adjustments:
            if record.id == adjustment_id:
                return record
        raise KeyError(adjustment_id)

    def back_home_factor(self, likelihood: str) -> BackHomeFactor:
        for record in self.back_home_factors:
            if record.likelihood == likelihood:
                return record
        raise KeyError(likelihood)

    def soap_share(self, applicant_type: str) -> SoapShare:
        for record in self.soap:
            if record.applicant_type == applicant_type:
                return record
        raise KeyError(applicant_type)

    def type_anchor(self, applicant_type: str) -> TypeAnchor:
        for record in self.type_anchors:
            if record.id == applicant_type:
                return record
        raise KeyError(applicant_type)


# --- curves.toml ------------------------------------------------------------------------------
class Curve(Sourced):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    specialties: list[str] = Field(default_factory=empty_list)
    bands: list[Competitiveness] = Field(default_factory=empty_list)
    points: list[tuple[int, float]] = Field(min_length=2)
    note: str = ""

    @model_validator(mode="after")
    def _monotone(self) -> "Curve":
        ks = [k for k, _ in self.points]
        ps = [p for _, p in self.points]
        if ks[0] != 0:
            raise ValueError("the first point must be at k = 0")
        if any(b <= a for a, b in itertools.pairwise(ks)):
            raise ValueError("k must be strictly increasing")
        if any(not 0 <= p <= 1 for p in ps):
            raise ValueError("every p must lie in [0, 1]")
        if any(b < a for a, b in itertools.pairwise(ps)):
            raise ValueError("p must not decrease as k grows (the curve must be monotone)")
        return self

    @property
    def last_k(self) -> int:
        return self.points[-1][0]

    def at(self, k: float) -> float:
        """P(match | K = k), linear between points and flat past the last one."""
        points = self.points
        if k <= 0:
            return points[0][1]
        for (k0, p0), (k1, p1) in itertools.pairwise(points):
            if k <= k1:
                return p0 + (p1 - p0) * (k - k0) / (k1 - k0)
        return points[-1][1]

    def table(self, upto: int) -> list[float]:
        """curve(0), curve(1), ..., curve(upto)."""
        return [self.at(k) for k in range(upto + 1)]


class CurvesFile(Strict):
    curves: list[Curve] = Field(min_length=1)

    @model_validator(mode="after")
    def _cover(self) -> "CurvesFile":
        bands = {b for c in self.curves for b in c.bands}
        missing = [b for b in BANDS if b not in bands]
        if missing:
            raise ValueError(f"no curve covers band(s): {', '.join(missing)}")
        seen: set[str] = set()
        for curve in self.curves:
            for specialty in curve.specialties:
                if specialty in seen:
                    raise ValueError(f"specialty {specialty!r} is listed by two curves")
                seen.add(specialty)
        return self

    def check_refs(self, catalog: "Catalog") -> Iterator[tuple[Loc, str]]:
        for i, curve in enumerate(self.curves):
            for j, specialty in enumerate(curve.specialties):
                if specialty not in catalog.specialties:
                    yield ("curves", i, "specialties", j), f"unknown specialty {specialty!r}"

    def for_specialty(self, specialty: str, band: str) -> Curve:
        for curve in self.curves:
            if specialty in curve.specialties:
                return curve
        for curve in self.curves:
            if band in curve.bands:
                return curve
        raise KeyError(specialty)


def mix_data(catalog: "Catalog") -> MixFile:
    return catalog.get("mix.toml", MixFile)


def curves_data(catalog: "Catalog") -> CurvesFile:
    return catalog.get("curves.toml", CurvesFile)


def specialty_curve(catalog: "Catalog", specialty: str) -> Curve:
    """The P(match | k interviews) curve of a specialty: the one that lists it, else its
    competitiveness band's (the Mix estimate and the rank list's chances read the same one)."""
    band = catalog.specialties[specialty].competitiveness.level
    return curves_data(catalog).for_specialty(specialty, band)


# --- the estimate -----------------------------------------------------------------------------
class _Result(BaseModel):
    # The validator is built on first use: a command that never makes one does not pay for it.
    model_config = ConfigDict(frozen=True, defer_build=True)


class TierCounts(_Result):
    academic: int
    mid_tier: int
    community: int

    @classmethod
    def of(cls, values: Iterable[int]) -> "TierCounts":
        a, m, c = values
        return cls(academic=a, mid_tier=m, community=c)

    def as_tuple(self) -> tuple[int, int, int]:
        return (self.academic, self.mid_tier, self.community)


class MixWarning(_Result):
    id: Literal[
        "top_heavy",
        "few_in_region",
        "past_diminishing_returns",
        "low_p_match",
        "yog_cutoff",
        "no_visa",
        "no_target_specialty",
        "student_graduation",
        "graduated_by_match",
        "below_score_spread",
    ]
    text: str


class _Provenance(Protocol):
    @property
    def reliability(self) -> Reliability: ...
    @property
    def source(self) -> str: ...
    @property
    def note(self) -> str: ...


class Assumption(_Result):
    name: str
    value: float | str
    reliability: Reliability
    source: str
    note: str = ""  # how the value was chosen (from the data record)

    @classmethod
    def of(cls, name: str, value: float | str, record: _Provenance) -> "Assumption":
        """An input of the estimate, with the provenance of the data record it came from."""
        return cls(
            name=name,
            value=value,
            reliability=record.reliability,
            source=record.source,
            note=record.note,
        )


class PresetRef(_Result):
    id: str
    name: str
    mix: TierCounts
    applications: int
    region_share_pct: int
    source: str
    reliability: Reliability
    # Why the list is shorter than the preset's own size ("" when it is the preset's).
    note: str = ""


class MixEstimate(_Result):
    specialty: str
    specialty_name: str
    total: int
    shares: TierCounts
    counts: TierCounts
    region_share_pct: int
    in_region: int
    signals_used: int
    signals_available: int
    risk_tier: RiskTier
    applicant_type: ApplicantType
    expected_interviews: float
    p_interviews_at_least: dict[int, float]
    p_match: float  # anywhere in the specialty
    p_match_range: tuple[float, float]
    # In the target region: None when no back-home question applies.
    p_match_in_region: float | None
    p_match_in_region_range: tuple[float, float] | None
    p_placed_with_soap: float
    p_placed_with_soap_range: tuple[float, float]
    # What that figure means for this applicant, where it needs saying: one in a residency now
    # keeps their position if no new one comes (mix.toml [in_training]); "" otherwise.
    placed_note: str = ""
    calibrated: bool
    calibration_note: str
    range_note: str  # why the range is as wide as it is ("" when nothing to add)
    # Why the in-region figure reads higher than the Reality check's back-home rating ("").
    region_note: str = ""
    # What the estimate does with a COMLEX Level 2-CE score: never converted ("" without one).
    score_note: str = ""
    diminishing_returns_at: int | None
    application_service: str  # eras | residencycas | plastics
    application_service_name: str
    fees_usd: int | None  # None when the specialty does not apply through ERAS
    fee_season: int
    # 'no schedule for 2027 yet' when another season's fees stand in for the Match's own ('')
    fee_stand_in: str = ""
    warnings: list[MixWarning]
    assumptions: list[Assumption]
    preset: PresetRef
    illustrative: bool
    # P(match) for 1..200 applications with the same mix (index 0 = 0 applications); for charts.
    p_match_by_apps: tuple[float, ...] = Field(default=(), exclude=True, repr=False)


class CalibrationRow(_Result):
    """One anchor next to the model's figure for its synthetic cohort (`matchtui calibrate`)."""

    id: str
    population: str
    published: float  # per cent
    model: float  # per cent
    diff_pp: float  # model - published, percentage points
    source: str
    held_out: bool = False  # a Match the constants were not fitted to (a check, not a target)


class ListEstimate(_Result):
    """The same estimate for the applicant's actual list (each program's tier, region, signal)."""

    specialty: str
    programs: int
    expected_interviews: float
    p_interviews_at_least: dict[int, float]
    p_match: float
    excluded_over_limit: int
    # Programs that have invited (as the tracker counts them): counted as interviews, not
    # estimated, except those that cannot take the applicant (`invited_closed`: no chance).
    invited: int = 0
    invited_closed: int = 0
    rejected: int = 0  # programs that have said no: counted as none
    excluded_no_visa: int = 0  # programs sponsoring no visa, for one who needs it: none
