"""Chart-level reference data for the Specialties pane (data/figures.toml).

Specialty figures (score distributions, Step 2 means, fill, re-entry feasibility) live in
specialties.toml; this file carries what is not per specialty: the program director factor
ratings, the regional case-volume figure, the texts of each chart and the default selection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from matchtui.models.base import Reliability, Sourced, Strict, empty_list

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

FIGURES_FILE = "figures.toml"

ChartId = Literal["scores", "means", "reentry", "pd_factors", "fill", "regions"]
CHART_IDS: tuple[ChartId, ...] = ("scores", "means", "reentry", "pd_factors", "fill", "regions")

RefIssue = tuple[tuple[str | int, ...], str]


class ChartText(Strict):
    """What a chart is called and how to read it."""

    id: ChartId
    tab: str = Field(min_length=1, max_length=12)
    title: str
    reading: str
    x_label: str
    note: str = ""
    # Shown when selected specialties lack this chart's figure; {names} = those specialties,
    # {available} = the specialties that do have it.
    missing: str = ""
    # Shown when a specialty has the figure only in part (fill rate without the shares).
    partial: str = ""


class Messages(Strict):
    """Pane-wide messages."""

    no_selection: str
    no_score: str
    # A COMLEX Level 2-CE score and no Step 2 CK score: not drawn, and why ({score}).
    comlex_score: str = ""
    order: str
    not_reentry: str
    your_group: str


class Selection(Strict):
    """Specialties shown beside the applicant's targets when the pane first opens."""

    compare: list[str] = Field(default_factory=empty_list)
    # Added for international graduates: specialties where IMGs fill many positions.
    img_compare: list[str] = Field(default_factory=empty_list)


class Factor(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1, max_length=14)
    name: str
    rating: float


class FactorRatings(Sourced):
    """How much program directors weigh each factor, on a 1-5 scale."""

    title: str
    scale_min: float = 1
    scale_max: float = 5
    attributed_to: str | None = None  # id of the source the article credits the pattern to
    year: int | None = None
    note: str = ""
    factors: list[Factor] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_scale(self) -> FactorRatings:
        for factor in self.factors:
            if not self.scale_min <= factor.rating <= self.scale_max:
                raise ValueError(
                    f"rating {factor.rating} of {factor.id!r} is outside "
                    f"{self.scale_min}-{self.scale_max}"
                )
        return self


class RegionValue(Strict):
    region: str
    value: float = Field(ge=0)


class RegionalVolume(Sourced):
    """A per-region quantity; the article's case-volume figure is fictional by its own account."""

    title: str
    unit: str
    year: int | None = None
    note: str = ""
    regions: list[RegionValue] = Field(min_length=1)


class ReliabilityNotes(Strict):
    """One-line notes shown beside a figure of each reliability ("" = no note)."""

    primary: str = ""
    secondary: str = ""
    third_party: str
    illustrative: str
    assumption: str

    def for_(self, reliability: Reliability) -> str:
        text: str = getattr(self, reliability)
        return text


class FiguresFile(Strict):
    selection: Selection = Field(default_factory=Selection)
    reliability_notes: ReliabilityNotes
    messages: Messages
    charts: list[ChartText]
    pd_factors: FactorRatings
    regional_volume: RegionalVolume

    @model_validator(mode="after")
    def _every_chart_once(self) -> FiguresFile:
        ids = [chart.id for chart in self.charts]
        missing = [c for c in CHART_IDS if c not in ids]
        if missing:
            raise ValueError(f"charts is missing {', '.join(missing)}")
        return self

    def chart(self, chart_id: ChartId) -> ChartText:
        for chart in self.charts:
            if chart.id == chart_id:
                return chart
        raise KeyError(chart_id)

    def check_refs(self, catalog: Catalog) -> Iterable[RefIssue]:
        return list(self._refs(catalog))

    def _refs(self, catalog: Catalog) -> Iterator[RefIssue]:
        for field in ("compare", "img_compare"):
            for index, specialty in enumerate(getattr(self.selection, field)):
                if specialty not in catalog.specialties:
                    yield ("selection", field, index), f"unknown specialty id {specialty!r}"
        attributed = self.pd_factors.attributed_to
        if attributed is not None and attributed not in catalog.sources:
            yield ("pd_factors", "attributed_to"), f"unknown source id {attributed!r}"
        seen: set[str] = set()
        for index, item in enumerate(self.regional_volume.regions):
            loc: tuple[str | int, ...] = ("regional_volume", "regions", index, "region")
            if item.region not in catalog.regions:
                yield loc, f"unknown region id {item.region!r}"
            elif item.region in seen:
                yield loc, f"region {item.region!r} is listed twice"
            seen.add(item.region)
        factor_ids = [f.id for f in self.pd_factors.factors]
        for index, factor_id in enumerate(factor_ids):
            if factor_id in factor_ids[:index]:
                yield ("pd_factors", "factors", index, "id"), f"duplicate id {factor_id!r}"


def load_figures(catalog: Catalog) -> FiguresFile:
    """The validated figures.toml of this catalog."""
    return catalog.get(FIGURES_FILE, FiguresFile)
