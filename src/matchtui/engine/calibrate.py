"""Calibration: the synthetic cohort behind every anchor, the model's figure for it, and the
fit of the constants stored in mix.toml ([fitted]). Pure.

Cohorts (documented in mix.toml):
* `co2024_<specialty>`: US MD seniors applying to one specialty with the preset the app
  recommends for it (all signals, target region = where they train), Step 2 CK spread by the
  [score] nodes around the specialty's senior mean. Reproduced through the specialty intercept.
* one per NRMP applicant group ([[type_anchors]]): the group spread over specialties by the 2025
  positions it filled, with its cohort's preset, years out, failures, clinical gap, earlier
  cycles and visa share; every group's Step 2 CK spread ([score]) around its own middle: the
  specialty's senior centre, or the specialty's unmatched seniors' mean for prior graduates
  (`score_centre`), the same scale an entered score is read on.
  Reproduced through the group's type offset (fitted once per range setting).

`fit_constants` is run by `matchtui calibrate --fit`, its output pasted into mix.toml with the
digest of the data it was fitted to (`fit_inputs`), and `calibration_table` (what `matchtui
calibrate` and the Mix pane's Assumptions tab show) checks the constants against every anchor.
Data whose figures were changed (a new Match year's rates, a corrected transcription) are not
left with constants fitted to other figures: when mix.toml is validated (`current_fit`, once per
data content, the result kept in the validated-catalog cache), a digest that differs from the
stored one leads to a check of the fitted anchors, and a refit (~3 s) if any has moved by more
than [model] refit_tolerance_pp.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from matchtui.engine.mix import (
    SENIOR_TYPE,
    Inputs,
    adjustment_terms,
    apportion,
    factors_at,
    group_score_term,
    p_match_for,
    preset_by,
    score_anchor,
)
from matchtui.models.mix import (
    SETTINGS,
    CalibrationRow,
    Cohort,
    MixFile,
    Preset,
    TypeAnchor,
    curves_data,
    mix_data,
)

if TYPE_CHECKING:
    from matchtui.catalog import Catalog

Plan = tuple[int, tuple[int, int, int], int, int]  # applications, shares, region %, signals


@dataclass
class Constants:
    """The fitted constants (as in mix.toml [fitted])."""

    intercepts: dict[str, float] = field(default_factory=dict)
    population: dict[str, float] = field(default_factory=dict)
    type_offsets: dict[str, tuple[float, float, float]] = field(default_factory=dict)


def stored(catalog: Catalog) -> Constants:
    fitted = mix_data(catalog).fitted
    return Constants(
        intercepts=dict(fitted.intercepts),
        population=dict(fitted.population),
        type_offsets={k: tuple(v) for k, v in fitted.type_offsets.items()},  # type: ignore[misc]
    )


def anchored_specialties(catalog: Catalog) -> list[str]:
    """Specialties with a Charting Outcomes 2024 senior match rate, in catalog order."""
    return [s for s in catalog.specialties if score_anchor(catalog, s) is not None]


def plan_for(catalog: Catalog, specialty: str, preset: Preset) -> Plan:
    signals = catalog.specialties[specialty].signals
    total = preset.size.applications
    return (
        total,
        preset.shares,
        preset.size.region_share_pct,
        min(signals.total if signals else 0, total),
    )


def cohort_preset(catalog: Catalog, cohort: Cohort, specialty: str) -> Preset:
    if cohort.preset is not None:
        return mix_data(catalog).preset(cohort.preset)
    band = catalog.specialties[specialty].competitiveness.level
    return preset_by(
        catalog,
        band,
        reentry=cohort.stage == "graduate",
        img=cohort.degree in ("us_img", "non_us_img"),
        prior_graduate=cohort.stage == "graduate" and cohort.degree in ("us_md", "us_do"),
    )


def _p(catalog: Catalog, specialty: str, term: float, plan: Plan) -> float:
    """P(match) for a cohort member whose log-scale term (relative to the stored intercept) is
    `term`; the member trains in the target region, so the ties factor applies there."""
    factors = factors_at(catalog, specialty, term, mix_data(catalog).ties.factor)
    return p_match_for(factors, *plan)


Evaluator = Callable[[str, float, Plan], float]


def exact(catalog: Catalog) -> Evaluator:
    memo: dict[tuple[str, float, Plan], float] = {}

    def evaluate(specialty: str, term: float, plan: Plan) -> float:
        key = (specialty, round(term, 9), plan)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _p(catalog, specialty, term, plan)
        return found

    return evaluate


def gridded(
    catalog: Catalog, step: float = 0.05, low: float = -14.0, high: float = 8.0
) -> Evaluator:
    """P(match) interpolated linearly on a grid of terms, each grid point worked out the first
    time a term next to it is asked for (a cohort reaches a few hundred of them). At the fit's
    0.05, within 0.01 point of the exact figure for every cohort the data holds (measured:
    0.0024 at most)."""
    tables: dict[tuple[str, Plan], list[float | None]] = {}
    size = round((high - low) / step)

    def evaluate(specialty: str, term: float, plan: Plan) -> float:
        table = tables.get((specialty, plan))
        if table is None:
            table = tables[(specialty, plan)] = [None] * (size + 1)
        x = (min(high, max(low, term)) - low) / step
        i = min(size - 1, int(x))
        below, above = table[i], table[i + 1]
        if below is None:
            below = table[i] = _p(catalog, specialty, low + i * step, plan)
        if above is None:
            above = table[i + 1] = _p(catalog, specialty, low + (i + 1) * step, plan)
        return below + (above - below) * (x - i)

    return evaluate


# --- cohorts -----------------------------------------------------------------------------------
def members(anchor: TypeAnchor, catalog: Catalog, setting: str) -> list[tuple[float, float]]:
    """(sum of the adjustment terms, weight) over the cohort's independent distributions (kept
    for the last anchors and catalog asked: a fit asks for them at every step)."""
    key = (id(anchor), id(catalog), setting)
    found = _MEMBERS.get(key)
    if found is not None and found[0] is anchor and found[1] is catalog:
        return found[2]
    spread = _members(anchor, catalog, setting)
    if len(_MEMBERS) >= 32:
        _MEMBERS.clear()
    _MEMBERS[key] = (anchor, catalog, spread)
    return spread


_MEMBERS: dict[tuple[int, int, str], tuple[TypeAnchor, Catalog, list[tuple[float, float]]]] = {}


def _members(anchor: TypeAnchor, catalog: Catalog, setting: str) -> list[tuple[float, float]]:
    data = mix_data(catalog)
    cohort = anchor.cohort
    visa = [(True, cohort.visa_share), (False, 1 - cohort.visa_share)]
    step3 = [(True, cohort.no_step3_share), (False, 1 - cohort.no_step3_share)]
    out: dict[float, float] = {}
    for (years, wy), (fails, wf), (gap, wg), (cycles, wc), (needs, wv), (
        none,
        ws,
    ) in itertools.product(
        cohort.years_out,
        cohort.failures,
        cohort.clinical_gap_years,
        cohort.prior_cycles,
        visa,
        step3,
    ):
        weight = wy * wf * wg * wc * wv * ws
        if weight <= 0:
            continue
        inputs = Inputs(anchor.id, None, years, fails, gap, cycles, needs, none)
        total = round(sum(adjustment_terms(data, inputs, setting).values()), 12)
        out[total] = out.get(total, 0.0) + weight
    return sorted(out.items())


def specialty_weight(catalog: Catalog, cohort: Cohort, specialty: str) -> float:
    """Positions the cohort's group filled in the specialty in the 2025 Match."""
    fill = catalog.specialties[specialty].fill
    share = getattr(fill, cohort.weights_from, None) if fill else None
    if fill is None or fill.filled is None or share is None:
        return 0.0
    return float(fill.filled) * float(share) / 100


def _score_nodes(catalog: Catalog, specialty: str, anchor_id: str) -> list[tuple[float, float]]:
    """(score term, weight): the [score] spread around the group's typical member."""
    anchor = score_anchor(catalog, specialty)
    if anchor is None:
        return [(0.0, 1.0)]
    score = mix_data(catalog).score
    middle = group_score_term(catalog, specialty, anchor_id)
    return [(middle + anchor[0] * score.sigma * x, w) for x, w in score.nodes]


def _shift(catalog: Catalog, specialty: str, constants: Constants) -> float:
    """The candidate intercept relative to the stored one (the factors carry the stored one)."""
    fitted = mix_data(catalog).fitted.intercepts
    return constants.intercepts.get(specialty, 0.0) - fitted.get(specialty, 0.0)


def senior_rate(
    catalog: Catalog, specialty: str, constants: Constants, evaluate: Evaluator
) -> float:
    """The co2024 cohort: US MD seniors in one specialty, score spread, recommended preset."""
    band = catalog.specialties[specialty].competitiveness.level
    plan = plan_for(catalog, specialty, preset_by(catalog, band, reentry=False, img=False))
    shift = _shift(catalog, specialty, constants) + constants.type_offsets[SENIOR_TYPE][1]
    return sum(
        w * evaluate(specialty, shift + z, plan)
        for z, w in _score_nodes(catalog, specialty, SENIOR_TYPE)
    )


def type_rate(
    catalog: Catalog,
    anchor: TypeAnchor,
    constants: Constants,
    evaluate: Evaluator,
    setting: str = "point",
    offset: float | None = None,
) -> float:
    """The group's cohort match rate at one range setting (offset: a candidate type offset)."""
    cohort = anchor.cohort
    if offset is None:
        offset = constants.type_offsets[anchor.id][SETTINGS.index(setting)]
    spread = members(anchor, catalog, setting)
    weighted = total = 0.0
    for specialty in cohort.specialties:
        weight = specialty_weight(catalog, cohort, specialty)
        if weight <= 0:
            continue
        plan = plan_for(catalog, specialty, cohort_preset(catalog, cohort, specialty))
        shift = _shift(catalog, specialty, constants) + offset
        nodes = _score_nodes(catalog, specialty, anchor.id)
        value = sum(
            wm * wn * evaluate(specialty, shift + zm + zn, plan)
            for zm, wm in spread
            for zn, wn in nodes
        )
        weighted += weight * value
        total += weight
    if total <= 0:
        raise ValueError(f"anchor {anchor.id}: no fill figures to weight its specialties")
    return weighted / total


# --- the table ---------------------------------------------------------------------------------
# id of the catalog -> (the catalog, kept so the id cannot be reused, and its table)
_TABLES: dict[int, tuple[Catalog, tuple[CalibrationRow, ...]]] = {}


def cached_calibration_table(catalog: Catalog) -> tuple[CalibrationRow, ...] | None:
    """The table if it has been computed for this catalog already, else None (no work)."""
    found = _TABLES.get(id(catalog))
    return found[1] if found is not None and found[0] is catalog else None


def calibration_table(catalog: Catalog) -> tuple[CalibrationRow, ...]:
    """Every anchor the data holds next to the model's figure for its cohort (stored constants,
    P(match) interpolated on the fit's grid, within 0.01 point of the exact figure: about a
    second, where working out each member's exact figure took four, every group's cohort
    carrying a score spread; cached per catalog)."""
    found = cached_calibration_table(catalog)
    if found is not None:
        return found
    rows = _compute_table(catalog)
    if len(_TABLES) >= 4:
        _TABLES.clear()
    _TABLES[id(catalog)] = (catalog, rows)
    return rows


def _compute_table(catalog: Catalog) -> tuple[CalibrationRow, ...]:
    data = mix_data(catalog)
    constants = stored(catalog)
    evaluate = gridded(catalog)
    rows: list[CalibrationRow] = []
    for anchor in data.type_anchors:
        model = 100 * type_rate(catalog, anchor, constants, evaluate)
        rows.append(
            CalibrationRow(
                id=anchor.id,
                population=anchor.population,
                published=anchor.published_pct,
                model=round(model, 1),
                diff_pp=round(model - anchor.published_pct, 1),
                source=anchor.source,
            )
        )
    for specialty in anchored_specialties(catalog):
        means = catalog.specialties[specialty].step2_means
        assert means is not None and means.match_rate_pct is not None
        model = 100 * senior_rate(catalog, specialty, constants, evaluate)
        rows.append(
            CalibrationRow(
                id=f"co2024_{specialty}",
                population=(
                    f"US MD seniors, {catalog.specialty_name(specialty)}, Charting Outcomes 2024"
                ),
                published=means.match_rate_pct,
                model=round(model, 1),
                diff_pp=round(model - means.match_rate_pct, 1),
                source=means.source,
            )
        )
    by_group = {row.id: row.model for row in rows}
    for held in data.held_out:
        rows.append(
            CalibrationRow(
                id=f"{held.id}_{held.year}",
                population=held.population,
                published=held.published_pct,
                model=by_group[held.id],
                diff_pp=round(by_group[held.id] - held.published_pct, 1),
                source=held.source,
                held_out=True,
            )
        )
    return tuple(rows)


# --- the fit -----------------------------------------------------------------------------------
def _bisect(f: Callable[[float], float], target: float, low: float, high: float) -> float:
    """x in [low, high] with f(x) = target for a non-decreasing f (the nearer end if out).

    Regula falsi with the Illinois step (the end that stays put has its value halved, so both
    ends close in): 8-24 evaluations where halving took 40, which is most of a refit's time
    (each evaluation a cohort's rate over its specialties and members)."""
    f_low, f_high = f(low) - target, f(high) - target
    if f_low >= 0:
        return low
    if f_high <= 0:
        return high
    side = 0
    for _ in range(80):
        width = high - low
        if width < 1e-7:
            break
        x = low - f_low * width / (f_high - f_low)
        x = min(max(x, low + 1e-9 * width), high - 1e-9 * width)
        fx = f(x) - target
        if abs(fx) < 1e-8:  # a rate within a millionth of a point
            return x
        if fx < 0:
            low, f_low = x, fx
            if side == -1:
                f_high /= 2
            side = -1
        else:
            high, f_high = x, fx
            if side == 1:
                f_low /= 2
            side = 1
    return (low + high) / 2


def fit_constants(catalog: Catalog) -> Constants:
    """Fit the intercepts, the population terms and the type offsets (all settings)."""
    data = mix_data(catalog)
    evaluate = gridded(catalog)
    constants = Constants(type_offsets={t.id: (0.0, 0.0, 0.0) for t in data.type_anchors})
    for specialty in anchored_specialties(catalog):
        score = score_anchor(catalog, specialty)
        assert score is not None
        rate = min(score[2], data.model.fit_ceiling)  # 100% would need an unbounded intercept

        def senior(a: float, specialty: str = specialty) -> float:
            constants.intercepts[specialty] = a
            return senior_rate(catalog, specialty, constants, evaluate)

        a = _bisect(senior, rate, -8.0, 6.0)
        constants.intercepts[specialty] = round(a, 4)
        band = catalog.specialties[specialty].competitiveness.level
        plan = plan_for(catalog, specialty, preset_by(catalog, band, reentry=False, img=False))
        shift = _shift(catalog, specialty, constants)
        z = _bisect(lambda z: evaluate(specialty, shift + z, plan), rate, -6.0, 6.0)  # noqa: B023
        constants.population[specialty] = round(z, 4)
    for anchor in data.type_anchors:
        if anchor.id == SENIOR_TYPE:
            continue
        offsets = []
        for setting in SETTINGS:
            offset = _bisect(
                lambda d: type_rate(catalog, anchor, constants, evaluate, setting, d),  # noqa: B023
                anchor.published_pct / 100,
                -8.0,
                6.0,
            )
            offsets.append(round(offset, 4))
        constants.type_offsets[anchor.id] = (offsets[0], offsets[1], offsets[2])
    return constants


def fitted_toml(constants: Constants, inputs: str) -> str:
    """The [fitted] digest and tables of mix.toml for these constants."""

    def number(x: float) -> str:
        return repr(float(x)) if math.isfinite(x) else "0.0"

    lines = [f'inputs = "{inputs}"  # fit_inputs: the data these were fitted to', ""]
    lines += ["[fitted.intercepts]"]
    lines += [f"{k} = {number(v)}" for k, v in constants.intercepts.items()]
    lines += ["", "[fitted.population]"]
    lines += [f"{k} = {number(v)}" for k, v in constants.population.items()]
    lines += ["", "[fitted.type_offsets]"]
    lines += [
        f"{k} = [{', '.join(number(x) for x in v)}]" for k, v in constants.type_offsets.items()
    ]
    return "\n".join(lines) + "\n"


# --- the fit kept current ------------------------------------------------------------------------
# What `calibrate` and `data check` say when the constants in use were refitted.
REFITTED_NOTE = (
    "The constants stored in mix.toml were fitted to other figures than the data read; the "
    "estimate uses constants refitted to these figures (`matchtui calibrate --fit` prints them "
    "for mix.toml)."
)

# Prose in the data (why a figure is what it is, where it comes from) does not move the fit.
_PROSE = frozenset(
    {
        "note",
        "notes",
        "source",
        "reliability",
        "name",
        "short",
        "description",
        "label",
        "prose",
        "population",
    }
)


def _figures_only(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: _figures_only(v)
            for k, v in value.items()
            if not (k in _PROSE and isinstance(v, str))
        }
    if isinstance(value, list):
        return [_figures_only(v) for v in value]
    return value


def fit_inputs(catalog: Catalog) -> str:
    """A digest of everything the fit reads: mix.toml but its [fitted] table, the held-out
    rates it never fits and the wording for residents ([in_training]), specialties.toml and
    curves.toml, their prose left out (~1 ms)."""
    import hashlib
    import json

    from matchtui.models.reference import SpecialtiesFile

    parts = [
        mix_data(catalog).model_dump(mode="json", exclude={"fitted", "held_out", "in_training"}),
        catalog.get("specialties.toml", SpecialtiesFile).model_dump(mode="json"),
        curves_data(catalog).model_dump(mode="json"),
    ]
    text = json.dumps(_figures_only(parts), sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def fitted_misses(catalog: Catalog, rows: tuple[CalibrationRow, ...]) -> dict[str, float]:
    """Points between each fitted anchor and the figure the fit aims at (the published rate,
    capped at fit_ceiling); US MD seniors are not fitted (their offset is the reference), nor
    are the held-out rates."""
    ceiling = 100 * mix_data(catalog).model.fit_ceiling
    return {
        row.id: round(row.model - min(row.published, ceiling), 1)
        for row in rows
        if row.id != SENIOR_TYPE and not row.held_out
    }


def current_fit(catalog: Catalog, data: MixFile) -> MixFile:
    """mix.toml as validated, with constants that reproduce the anchors of the data read (the
    catalog calls this once per content of its data; `data` is the file it holds meanwhile).
    Stored constants whose digest matches are kept as they are; with another digest, they are
    kept if every fitted anchor is within refit_tolerance_pp, else refitted. A fit that fails
    (data the cohorts cannot use) leaves the stored constants, which `matchtui calibrate` then
    shows off."""
    from matchtui.engine.mix import forget_factors

    inputs = fit_inputs(catalog)
    fitted = data.fitted
    if fitted.inputs == inputs:
        return data
    update: dict[str, object] = {"inputs": inputs}
    try:
        misses = fitted_misses(catalog, _compute_table(catalog))
        worst = max((abs(m) for m in misses.values()), default=0.0)
        constants = fit_constants(catalog) if worst > data.model.refit_tolerance_pp else None
    except (ValueError, KeyError, ArithmeticError):
        return data
    if constants is not None:
        update.update(
            intercepts=constants.intercepts,
            population=constants.population,
            type_offsets=constants.type_offsets,
            refitted=True,
        )
        forget_factors()  # factors worked out meanwhile carry the stored intercepts
    return data.model_copy(update={"fitted": fitted.model_copy(update=update)})


__all__ = [
    "Constants",
    "apportion",
    "calibration_table",
    "current_fit",
    "fit_constants",
    "fit_inputs",
    "fitted_toml",
    "senior_rate",
    "type_rate",
]
