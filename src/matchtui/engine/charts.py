"""What the Specialties pane draws: chart inputs computed from the catalog and the profile.

Pure: no Textual, no plotext. `chart_inputs(...)` returns a frozen, hashable ChartInputs that
says which rows are drawn (ordered by competitiveness), their values, the applicant's marker,
which rows are highlighted, the messages about missing figures, and the table beside the chart
(exact numbers with source, year, reliability and a one-line note). The widget turns it into
a plotext drawing; a chart is rebuilt only when these inputs (or its size or theme) change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypedDict, TypeVar

from matchtui.catalog import Catalog
from matchtui.engine.exams import score_spread
from matchtui.models.base import Reliability, Sourced
from matchtui.models.figures import CHART_IDS, ChartId, FiguresFile, load_figures
from matchtui.models.profile import APPLICANT_TYPE_LABELS, Profile
from matchtui.models.reference import ScoreDistribution, Specialty

ChartKind = Literal["box", "dumbbell", "bar", "stacked"]
SelectionKind = Literal["default", "targets", "all", "none"]
SELECTION_KINDS: tuple[SelectionKind, ...] = ("default", "targets", "all", "none")

# Tightest market first. The banding itself is data (specialties.toml, an assumption).
LEVEL_RANK: dict[str, int] = {"very_high": 0, "high": 1, "moderate": 2, "low": 3}

# Segments of the fill chart, in drawing order (left to right).
FILL_SERIES: tuple[tuple[str, str], ...] = (
    ("us_md", "US MD seniors"),
    ("us_do", "US DO seniors"),
    ("us_img", "US-citizen IMGs"),
    ("non_us_img", "Non-US IMGs"),
    ("other", "Other"),
    ("no_split", "Filled (no split)"),
    ("unfilled", "Unfilled"),
)


@dataclass(frozen=True)
class Series:
    """One kind of value drawn in a chart (a legend entry)."""

    key: str
    label: str
    mine: bool = False  # the applicant's own group (fill chart)


@dataclass(frozen=True)
class Bar:
    """One drawn row of a chart: a specialty, a factor or a region."""

    id: str
    label: str  # short axis label
    values: tuple[float, ...]
    highlight: bool = False


@dataclass(frozen=True)
class TableRow:
    id: str
    name: str
    values: tuple[str, ...]
    you: str
    year: str
    reliability: str
    note: str
    source: str
    highlight: bool = False
    missing: bool = False


@dataclass(frozen=True)
class ChartInputs:
    chart: ChartId
    kind: ChartKind
    title: str
    reading: str
    bars: tuple[Bar, ...]  # top row first
    series: tuple[Series, ...]
    marker: float | None  # the applicant's value on the x axis (Step 2 CK)
    marker_label: str
    x_min: float
    x_max: float
    x_ticks: tuple[float, ...]
    x_label: str
    columns: tuple[str, ...]  # headers of TableRow.values
    you_header: str  # "" = no "you" column
    table: tuple[TableRow, ...]
    messages: tuple[str, ...]
    notes: tuple[str, ...]
    illustrative: bool
    uses_selection: bool

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(bar.id for bar in self.bars)

    @property
    def highlighted(self) -> tuple[str, ...]:
        return tuple(bar.id for bar in self.bars if bar.highlight)


# -- ordering and selection ----------------------------------------------------------------


def competitiveness_key(specialty: Specialty) -> tuple[int, float, str]:
    """Sort key: banding first, then the lower US MD match rate, then the name."""
    rate = specialty.step2_means.match_rate_pct if specialty.step2_means else None
    return (
        LEVEL_RANK[specialty.competitiveness.level],
        101.0 if rate is None else rate,
        specialty.name,
    )


def by_competitiveness(catalog: Catalog, ids: Iterable[str] | None = None) -> list[Specialty]:
    """The specialties (all, or those in `ids` known to the catalog), tightest market first."""
    wanted = catalog.specialties.values() if ids is None else _known(catalog, ids)
    return sorted(wanted, key=competitiveness_key)


def _known(catalog: Catalog, ids: Iterable[str]) -> list[Specialty]:
    seen: dict[str, Specialty] = {}
    for specialty_id in ids:
        found = catalog.specialties.get(specialty_id)
        if found is not None:
            seen[specialty_id] = found
    return list(seen.values())


def targets(profile: Profile, catalog: Catalog) -> tuple[str, ...]:
    return tuple(s for s in profile.targets.specialties if s in catalog.specialties)


def default_selection(profile: Profile, catalog: Catalog) -> tuple[str, ...]:
    """The applicant's targets plus the comparison set in figures.toml (with the IMG-heavy
    specialties for an international graduate), tightest market first."""
    selection = load_figures(catalog).selection
    ids = [*targets(profile, catalog), *selection.compare]
    if profile.is_img:
        ids += selection.img_compare
    return tuple(s.id for s in by_competitiveness(catalog, ids))


def selection_for(kind: SelectionKind, profile: Profile, catalog: Catalog) -> tuple[str, ...]:
    """The specialties a quick selection stands for (default = targets + comparison set)."""
    if kind == "default":
        return default_selection(profile, catalog)
    if kind == "targets":
        return tuple(s.id for s in by_competitiveness(catalog, targets(profile, catalog)))
    if kind == "all":
        return tuple(s.id for s in by_competitiveness(catalog))
    return ()


# -- helpers -------------------------------------------------------------------------------


def _year(catalog: Catalog, source: str, year: int | None) -> str:
    if year is not None:
        return str(year)
    found = catalog.sources.get(source)
    return str(found.year) if found and found.year else "undated"


def _reliability_label(reliability: Reliability) -> str:
    return reliability.replace("_", " ")


def _num(value: float | None, suffix: str = "") -> str:
    """A figure exactly as stored: thousands separated, no spurious decimals."""
    if value is None:
        return "—"
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}{suffix}"
    return f"{value:.10g}{suffix}"


def _pct(value: float | None) -> str:
    """A percentage with its one published decimal kept (60.0% stays 60.0%)."""
    return "—" if value is None else f"{value:.1f}%"


def _names(catalog: Catalog, ids: Sequence[str]) -> str:
    names = [catalog.specialty_name(i) for i in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _ticks(lo: float, hi: float, step: float) -> tuple[float, ...]:
    count = round((hi - lo) / step)
    return tuple(float(lo + step * i) for i in range(count + 1))


def _score_range(values: Iterable[float], pad: float, step: float) -> tuple[float, float]:
    found = list(values)
    lo = math.floor((min(found) - pad) / step) * step
    hi = math.ceil((max(found) + pad) / step) * step
    return float(lo), float(hi)


def _missing_row(catalog: Catalog, specialty: Specialty, width: int, highlight: bool) -> TableRow:
    return TableRow(
        id=specialty.id,
        name=specialty.name,
        values=("—",) * width,
        you="",
        year="",
        reliability="",
        note="No figure in the data for this specialty.",
        source="",
        highlight=highlight,
        missing=True,
    )


F = TypeVar("F", bound=Sourced)


@dataclass
class _Walk:
    """Collects a chart's table rows while walking the selected specialties: a specialty without
    the figure gets a placeholder row and is listed as missing; any soft figure marks the chart."""

    rows: list[TableRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    soft: bool = False

    def each(
        self, ctx: _Context, figure_of: Callable[[Specialty], F | None], width: int
    ) -> Iterator[tuple[Specialty, F, bool]]:
        for spec in ctx.selected:
            figure = figure_of(spec)
            highlight = spec.id in ctx.targets
            if figure is None:
                self.missing.append(spec.id)
                self.rows.append(_missing_row(ctx.catalog, spec, width, highlight))
                continue
            self.soft = self.soft or figure.is_soft
            yield spec, figure, highlight


class Provenance(TypedDict):
    year: str
    reliability: str
    note: str
    source: str


@dataclass
class _Context:
    catalog: Catalog
    profile: Profile
    figures: FiguresFile
    chart: ChartId
    selected: list[Specialty]
    targets: frozenset[str]

    def note(self, reliability: Reliability, extra: str = "") -> str:
        return extra or self.figures.reliability_notes.for_(reliability)

    def provenance(self, figure: Sourced, year: int | None, extra: str = "") -> Provenance:
        """The table columns that say where a figure comes from and how far to trust it."""
        return {
            "year": _year(self.catalog, figure.source, year),
            "reliability": _reliability_label(figure.reliability),
            "note": self.note(figure.reliability, extra),
            "source": self.catalog.cite(figure.source),
        }

    def base_notes(self, *extra: str) -> tuple[str, ...]:
        text = self.figures.chart(self.chart).note
        return tuple(n for n in (text, *extra) if n)

    def missing_message(self, ids: Sequence[str], available: Sequence[str]) -> tuple[str, ...]:
        template = self.figures.chart(self.chart).missing
        if not ids or not template:
            return ()
        return (
            template.format(
                names=_names(self.catalog, ids), available=_names(self.catalog, available)
            ),
        )


def _marker(ctx: _Context) -> tuple[float | None, str, tuple[str, ...]]:
    exams = ctx.profile.exams
    score = exams.step2_score
    if score is None:
        messages = ctx.figures.messages
        if exams.level2_score is not None and messages.comlex_score:  # never converted
            return None, "", (messages.comlex_score.format(score=exams.level2_score),)
        return None, "", (messages.no_score,)
    return float(score), f"your Step 2 CK ({score})", ()


# -- the six charts ------------------------------------------------------------------------


def _scores(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("scores")
    marker, marker_label, marker_msgs = _marker(ctx)
    bars: list[Bar] = []
    walk = _Walk()
    rows, missing = walk.rows, walk.missing
    for spec, dist, highlight in walk.each(ctx, score_spread, 5):
        five = (dist.min, dist.q1, dist.median, dist.q3, dist.max)
        bars.append(Bar(spec.id, spec.short, tuple(float(v) for v in five), highlight))
        rows.append(
            TableRow(
                id=spec.id,
                name=spec.name,
                values=tuple(str(v) for v in five),
                you=_score_position(marker, dist),
                **ctx.provenance(dist, dist.year),
                highlight=highlight,
            )
        )
    available = [s.id for s in by_competitiveness(ctx.catalog) if score_spread(s) is not None]
    values = [v for bar in bars for v in bar.values]
    if marker is not None:
        values.append(marker)
    lo, hi = _score_range(values or [200.0, 270.0], 3, 10)
    return ChartInputs(
        chart="scores",
        kind="box",
        title=text.title,
        reading=text.reading,
        bars=tuple(bars),
        series=(),
        marker=marker,
        marker_label=marker_label,
        x_min=lo,
        x_max=hi,
        x_ticks=_ticks(lo, hi, 10),
        x_label=text.x_label,
        columns=("Min", "Q1", "Median", "Q3", "Max"),
        you_header=f"You ({int(marker)})" if marker is not None else "",
        table=tuple(rows),
        messages=_messages(ctx, marker_msgs, ctx.missing_message(missing, available)),
        notes=ctx.base_notes(ctx.figures.messages.order),
        illustrative=walk.soft,
        uses_selection=True,
    )


def _score_position(marker: float | None, dist: ScoreDistribution) -> str:
    """Where the applicant's score falls in a five-number summary, e.g. "+6, median-Q3"."""
    if marker is None:
        return ""
    q1, median, q3, hi = dist.q1, dist.median, dist.q3, dist.max
    if dist.below(marker):
        band = "below min"
    elif marker < q1:
        band = "min-Q1"
    elif marker < median:
        band = "Q1-median"
    elif marker == median:
        band = "at median"
    elif marker <= q3:
        band = "median-Q3"
    elif marker <= hi:
        band = "Q3-max"
    else:
        band = "above max"
    return f"{int(marker - median):+d} vs median, {band}"


def _means(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("means")
    marker, marker_label, marker_msgs = _marker(ctx)
    bars: list[Bar] = []
    walk = _Walk()
    rows, missing = walk.rows, walk.missing
    for spec, means, highlight in walk.each(ctx, lambda s: s.step2_means, 5):
        bars.append(
            Bar(spec.id, spec.short, (float(means.matched), float(means.unmatched)), highlight)
        )
        rows.append(
            TableRow(
                id=spec.id,
                name=spec.name,
                values=(
                    str(means.matched),
                    str(means.unmatched),
                    _num(means.matched_n),
                    _num(means.unmatched_n),
                    _num(means.match_rate_pct, "%"),
                ),
                you=_means_position(marker, means.matched, means.unmatched),
                **ctx.provenance(means, means.year),
                highlight=highlight,
            )
        )
    values = [v for bar in bars for v in bar.values]
    if marker is not None:
        values.append(marker)
    lo, hi = _score_range(values or [230.0, 260.0], 2, 5)
    step = 5.0 if hi - lo <= 40 else 10.0
    if step == 10.0:
        lo, hi = _score_range(values, 2, 10)
    return ChartInputs(
        chart="means",
        kind="dumbbell",
        title=text.title,
        reading=text.reading,
        bars=tuple(bars),
        series=(Series("matched", "matched mean"), Series("unmatched", "unmatched mean")),
        marker=marker,
        marker_label=marker_label,
        x_min=lo,
        x_max=hi,
        x_ticks=_ticks(lo, hi, step),
        x_label=text.x_label,
        columns=("Matched", "Unmatched", "Matched n", "Unmatched n", "US MD match rate"),
        you_header=f"You ({int(marker)})" if marker is not None else "",
        table=tuple(rows),
        messages=_messages(ctx, marker_msgs, ctx.missing_message(missing, [])),
        notes=ctx.base_notes(ctx.figures.messages.order),
        illustrative=walk.soft,
        uses_selection=True,
    )


def _means_position(marker: float | None, matched: int, unmatched: int) -> str:
    """The applicant against the two means, e.g. "-13, between"."""
    if marker is None:
        return ""
    if marker >= matched:
        band = "above matched"
    elif marker > unmatched:
        band = "between"
    else:
        band = "below unmatched"
    return f"{int(marker - matched):+d} vs matched, {band}"


def _reentry(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("reentry")
    bars: list[Bar] = []
    walk = _Walk()
    rows, missing = walk.rows, walk.missing
    for spec, feas, highlight in walk.each(ctx, lambda s: s.reentry_feasibility, 2):
        bars.append(Bar(spec.id, spec.short, (float(feas.score),), highlight))
        rows.append(
            TableRow(
                id=spec.id,
                name=spec.name,
                values=(str(feas.score), feas.group),
                you="your target" if highlight else "",
                **ctx.provenance(feas, None),
                highlight=highlight,
            )
        )
    extra = () if ctx.profile.is_reentry else (ctx.figures.messages.not_reentry,)
    return ChartInputs(
        chart="reentry",
        kind="bar",
        title=text.title,
        reading=text.reading,
        bars=tuple(bars),
        series=(Series("value", "feasibility"), Series("target", "your target")),
        marker=None,
        marker_label="",
        x_min=0.0,
        x_max=100.0,
        x_ticks=_ticks(0, 100, 20),
        x_label=text.x_label,
        columns=("Feasibility", "Article's group"),
        you_header="You",
        table=tuple(rows),
        messages=_messages(ctx, extra, ctx.missing_message(missing, [])),
        notes=ctx.base_notes(ctx.figures.messages.order),
        illustrative=walk.soft,
        uses_selection=True,
    )


def _pd_factors(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("pd_factors")
    ratings = ctx.figures.pd_factors
    factors = sorted(ratings.factors, key=lambda f: -f.rating)
    bars = tuple(Bar(f.id, f.label, (f.rating,), f.id == "ties") for f in factors)
    rows = tuple(
        TableRow(
            id=f.id,
            name=f.name,
            values=(_num(f.rating),),
            you="",
            **ctx.provenance(ratings, ratings.year, ratings.note),
        )
        for f in factors
    )
    hi = float(math.ceil(ratings.scale_max))
    return ChartInputs(
        chart="pd_factors",
        kind="bar",
        title=text.title,
        reading=text.reading,
        bars=bars,
        series=(Series("value", "rating"), Series("target", "ties to the area")),
        marker=None,
        marker_label="",
        x_min=0.0,
        x_max=hi,
        x_ticks=_ticks(0, hi, 1),
        x_label=text.x_label,
        columns=(f"Rating ({_num(ratings.scale_min)}-{_num(ratings.scale_max)})",),
        you_header="",
        table=rows,
        messages=(),
        notes=ctx.base_notes(),
        illustrative=ratings.is_soft,
        uses_selection=False,
    )


# The fill series that counts the applicant's NRMP group (None: prior US graduates are not in
# the senior shares; they sit in "Other"). The group's name: models.profile.APPLICANT_TYPE_LABELS.
FILL_SERIES_OF_TYPE: dict[str, str] = {
    "us_md_senior": "us_md",
    "us_do_senior": "us_do",
    "us_img": "us_img",
    "non_us_img": "non_us_img",
}


def _fill(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("fill")
    kind = ctx.profile.applicant_type
    mine = FILL_SERIES_OF_TYPE.get(kind)
    bars: list[Bar] = []
    walk = _Walk()
    rows, missing = walk.rows, walk.missing
    partial: list[str] = []
    used: set[str] = set()
    for spec, fill, highlight in walk.each(ctx, lambda s: s.fill, 8):
        shares = (fill.us_md_pct, fill.us_do_pct, fill.us_img_pct, fill.non_us_img_pct)
        rate = fill.fill_rate_pct
        if all(s is not None for s in shares):
            known = [float(s or 0.0) for s in shares]
            other = max(0.0, 100.0 - sum(known))
            segments = [round(s * rate / 100, 3) for s in (*known, other)] + [0.0]
        else:
            partial.append(spec.id)
            segments = [0.0, 0.0, 0.0, 0.0, 0.0, rate]
        segments.append(round(100.0 - rate, 3))
        used.update(key for (key, _), v in zip(FILL_SERIES, segments, strict=True) if v > 0)
        bars.append(Bar(spec.id, spec.short, tuple(segments), highlight))
        own = dict(zip(("us_md", "us_do", "us_img", "non_us_img"), shares, strict=True)).get(
            mine or ""
        )
        rows.append(
            TableRow(
                id=spec.id,
                name=spec.name,
                values=(
                    _num(fill.offered),
                    _num(fill.filled),
                    _pct(rate),
                    *(_pct(s) for s in shares),
                    _num(fill.programs),
                ),
                you=_pct(own),
                **ctx.provenance(fill, fill.year),
                highlight=highlight,
            )
        )
    messages = list(ctx.missing_message(missing, []))
    if partial and text.partial:
        messages.append(text.partial.format(names=_names(ctx.catalog, partial)))
    group = APPLICANT_TYPE_LABELS[kind]
    series = tuple(
        Series(key, label, mine=key == mine) for key, label in FILL_SERIES if key in used
    )
    return ChartInputs(
        chart="fill",
        kind="stacked",
        title=text.title,
        reading=text.reading,
        bars=tuple(bars),
        series=series,
        marker=None,
        marker_label="",
        x_min=0.0,
        x_max=100.0,
        x_ticks=_ticks(0, 100, 25),
        x_label=text.x_label,
        columns=(
            "Offered",
            "Filled",
            "Fill rate",
            "US MD",
            "US DO",
            "US IMG",
            "Non-US IMG",
            "Programs",
        ),
        you_header=f"You ({group})",
        table=tuple(rows),
        messages=_messages(ctx, (), tuple(messages)),
        notes=ctx.base_notes(
            ctx.figures.messages.your_group.format(group=group), ctx.figures.messages.order
        ),
        illustrative=walk.soft,
        uses_selection=True,
    )


def _regions(ctx: _Context) -> ChartInputs:
    text = ctx.figures.chart("regions")
    volume = ctx.figures.regional_volume
    applicant = ctx.profile.applicant
    bars: list[Bar] = []
    rows: list[TableRow] = []
    for item in volume.regions:
        roles = [
            label
            for label, region in (
                ("target", ctx.profile.targets.region),
                ("home", applicant.home_region),
                ("lives", applicant.lives_in),
                ("trains", applicant.training_region),
            )
            if region == item.region
        ]
        highlight = item.region == ctx.profile.targets.region
        name = ctx.catalog.region_name(item.region)
        bars.append(Bar(item.region, name, (item.value,), highlight))
        rows.append(
            TableRow(
                id=item.region,
                name=name,
                values=(_num(item.value),),
                you=", ".join(roles),
                **ctx.provenance(volume, volume.year, volume.note),
                highlight=highlight,
            )
        )
    top = max((item.value for item in volume.regions), default=0.0)
    hi = float(max(50, math.ceil(top / 50) * 50))
    return ChartInputs(
        chart="regions",
        kind="bar",
        title=text.title,
        reading=text.reading,
        bars=tuple(bars),
        series=(Series("value", "case volume"), Series("target", "your target region")),
        marker=None,
        marker_label="",
        x_min=0.0,
        x_max=hi,
        x_ticks=_ticks(0, hi, 50),
        x_label=text.x_label,
        columns=(f"Volume ({volume.unit})",),
        you_header="You",
        table=tuple(rows),
        messages=(),
        notes=ctx.base_notes(),
        illustrative=volume.is_soft,
        uses_selection=False,
    )


def _messages(ctx: _Context, *groups: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    if not ctx.selected:
        found.append(ctx.figures.messages.no_selection)
    for group in groups:
        found.extend(group)
    return tuple(found)


_BUILDERS = {
    "scores": _scores,
    "means": _means,
    "reentry": _reentry,
    "pd_factors": _pd_factors,
    "fill": _fill,
    "regions": _regions,
}


def chart_inputs(
    chart: ChartId, catalog: Catalog, profile: Profile, selected: Iterable[str]
) -> ChartInputs:
    """Everything the pane draws for one chart, from the catalog, the profile and the
    specialties the applicant chose to show (unknown ids are ignored; order is by
    competitiveness, tightest market first)."""
    if chart not in CHART_IDS:
        raise ValueError(f"unknown chart {chart!r}")
    ctx = _Context(
        catalog=catalog,
        profile=profile,
        figures=load_figures(catalog),
        chart=chart,
        selected=by_competitiveness(catalog, selected),
        targets=frozenset(targets(profile, catalog)),
    )
    return _BUILDERS[chart](ctx)


def chart_tabs(catalog: Catalog) -> list[tuple[ChartId, str]]:
    """(chart id, tab label) in the order the pane offers them."""
    figures = load_figures(catalog)
    return [(chart_id, figures.chart(chart_id).tab) for chart_id in CHART_IDS]
