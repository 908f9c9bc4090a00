"""Reference data shipped in data/: sources, regions, specialties and their figures, fees."""

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from matchtui.models.base import Sourced, Strict, empty_list

Competitiveness = Literal["low", "moderate", "high", "very_high"]
SpecialtyGroup = Literal["primary_care", "medical", "surgical", "hospital_based", "other"]


class Source(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    publisher: str
    year: int | None = None
    url: str | None = None
    kind: Literal["primary", "secondary", "third_party", "article", "internal"]
    note: str = ""


class SourcesFile(Strict):
    sources: list[Source]


class Region(Sourced):
    id: str = Field(pattern=r"^[a-z_]+$")
    name: str
    states: list[str] = Field(min_length=1)


class Division(Sourced):
    """A Census division (ERAS geographic preferences name up to three), inside one region."""

    id: str = Field(pattern=r"^[a-z_]+$")
    name: str
    region: str
    states: list[str] = Field(min_length=1)


class RegionsFile(Strict):
    regions: list[Region] = Field(min_length=1)
    divisions: list[Division] = Field(default_factory=empty_list)

    def check_refs(self, catalog: object) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Each division lies in a region of this file and has an id no region has (reported
        with its key path and line, as every cross-check is)."""
        ids = {r.id for r in self.regions}
        for index, division in enumerate(self.divisions):
            if division.region not in ids:
                yield (
                    ("divisions", index, "region"),
                    f"division {division.id!r} names unknown region {division.region!r}",
                )
            if division.id in ids:
                yield (
                    ("divisions", index, "id"),
                    f"division id {division.id!r} is also a region id",
                )


class ScoreDistribution(Sourced):
    """Five-number summary of Step 2 CK scores among matched applicants."""

    year: int | None = None
    min: int
    q1: int
    median: int
    q3: int
    max: int

    @model_validator(mode="after")
    def _ordered(self) -> "ScoreDistribution":
        if not self.min <= self.q1 <= self.median <= self.q3 <= self.max:
            raise ValueError("must satisfy min <= q1 <= median <= q3 <= max")
        return self

    def below(self, score: float) -> bool:
        """Whether a score lies below every score of the summary (the chart's "below min")."""
        return score < self.min


class Step2Means(Sourced):
    """Mean Step 2 CK of matched and unmatched US MD seniors, with counts."""

    year: int
    matched: int
    unmatched: int
    matched_n: int | None = None
    unmatched_n: int | None = None
    match_rate_pct: float | None = Field(default=None, ge=0, le=100)
    research_items_matched: float | None = None


class FillFigures(Sourced):
    """Positions and who filled them (shares are of filled positions, in percent)."""

    year: int
    programs: int | None = None
    offered: int
    filled: int | None = None
    fill_rate_pct: float = Field(ge=0, le=100)
    us_md_pct: float | None = Field(default=None, ge=0, le=100)
    us_do_pct: float | None = Field(default=None, ge=0, le=100)
    us_img_pct: float | None = Field(default=None, ge=0, le=100)
    non_us_img_pct: float | None = Field(default=None, ge=0, le=100)


class Signals(Sourced):
    """Program signals allowed in one ERAS season."""

    season: int
    gold: int = 0
    silver: int = 0
    total: int = Field(ge=1)
    note: str = ""

    @model_validator(mode="after")
    def _sum(self) -> "Signals":
        if (self.gold or self.silver) and self.gold + self.silver != self.total:
            raise ValueError("gold + silver must equal total")
        return self


class Feasibility(Sourced):
    """Relative re-entry feasibility, 0 (closed) to 100 (most open)."""

    score: int = Field(ge=0, le=100)
    group: str


class CompetitivenessRating(Sourced):
    level: Competitiveness


class ApplicationService(Sourced):
    """Where applications to the specialty go: ERAS, ResidencyCAS or the plastic surgery service."""

    service: Literal["eras", "residencycas", "plastics"]
    note: str = ""


APPLICATION_SERVICE_NAMES: dict[str, str] = {
    "eras": "ERAS",
    "residencycas": "ResidencyCAS",
    "plastics": "the plastic surgery application service",
}


class Specialty(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    short: str = Field(max_length=12)
    group: SpecialtyGroup
    description: str
    competitiveness: CompetitivenessRating
    step2_distribution: ScoreDistribution | None = None
    step2_means: Step2Means | None = None
    fill: FillFigures | None = None
    signals: Signals | None = None
    reentry_feasibility: Feasibility | None = None
    application: ApplicationService | None = None  # None: ERAS

    @property
    def application_service(self) -> str:
        return self.application.service if self.application is not None else "eras"


class SpecialtiesFile(Strict):
    specialties: list[Specialty] = Field(min_length=1)


class FeeTier(Strict):
    """Programs first..last (inclusive; last omitted = no upper end) cost `each` apiece,
    or `flat` in total for the whole block."""

    first: int = Field(ge=1)
    last: int | None = None
    each: int | None = Field(default=None, ge=0)
    flat: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _one_price(self) -> "FeeTier":
        if (self.each is None) == (self.flat is None):
            raise ValueError("give exactly one of each or flat")
        if self.last is not None and self.last < self.first:
            raise ValueError("last must be >= first")
        return self


class FeeSchedule(Sourced):
    season: int
    resets_per_specialty: bool = True
    note: str = ""
    tiers: list[FeeTier] = Field(min_length=1)

    @model_validator(mode="after")
    def _contiguous(self) -> "FeeSchedule":
        expected = 1
        for i, tier in enumerate(self.tiers):
            if tier.first != expected:
                raise ValueError(f"tiers[{i}] starts at {tier.first}, expected {expected}")
            if tier.last is None:
                if i != len(self.tiers) - 1:
                    raise ValueError("only the last tier may be open-ended")
                break
            expected = tier.last + 1
        else:
            raise ValueError("the last tier must be open-ended (no last)")
        return self


class NrmpFees(Sourced):
    """NRMP Main Match registration: a primary rank list of `included_codes` program codes is
    covered by the registration fee; each further code costs `extra_code_usd`."""

    registration_usd: int = Field(ge=0)
    included_codes: int = Field(ge=0)
    extra_code_usd: int = Field(ge=0)
    note: str = ""


class FeesFile(Strict):
    default_season: int
    schedules: list[FeeSchedule] = Field(min_length=1)
    nrmp: NrmpFees | None = None
