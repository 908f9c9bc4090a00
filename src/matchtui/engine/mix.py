"""The program-mix estimate: counts per tier, interviews, P(match), fees, warnings. Pure.

The model, kept as simple and explicit as the product spec asks:

* Counts. The list of N applications is split into academic / mid-tier / community by largest
  remainder applied at each tier boundary: community = N x c rounded, community + mid-tier =
  N x (c + m) rounded, academic takes the rest. Every count is its exact share rounded down or
  up, the counts always sum to N, and (unlike a three-way Hamilton split, which suffers the
  Alabama paradox) no tier ever loses an application when N grows, nor when share moves
  towards community. Both properties are what make the estimate monotone.
* Interview probability of one application in tier t:
      p = min(cap, band rate x exp(specialty intercept + applicant term) x tier factor
                   x signal factor (signalled programs)
                   x region factor (target-region programs: the back-home factor for a
                     returner, by the Reality check's likelihood; else the ties factor))
      cap = the published signal yields' bound (mix.toml [yield_caps]): a signalled
            application at most the best reported yield per signal, one without a signal at
            most the mean yield per signal; both under p_max
      applicant term = type offset (NRMP group) + Step 2 CK term (modelled logistic slope
                       (matched - unmatched mean) / sigma^2, read against the
                       specialty's senior centre; no score: a senior (US MD or DO) is
                       the population term, anyone else their group's typical member; a
                       DO's COMLEX Level 2-CE score is never converted: with no Step 2 CK
                       score beside it, the same as no score, and said so: comlex_note)
                       - labelled adjustments (years out, failures, clinical gap, earlier
                       cycles, visa: each counted once)
  The intercepts, population terms and type offsets are fitted constants (mix.toml [fitted],
  engine/calibrate.py) that make documented synthetic cohorts reproduce every anchor. Which
  programs lie in the target region is not known for a target mix, so each application is in
  the region with probability equal to the region share: its p is the average of the
  in-region and out-of-region values. Signals go to community programs first, then mid-tier,
  then academic. The Reality check's risk tier is words only, never a factor.
* Interviews K: the Poisson-binomial of those p, computed exactly (applications with the same
  p form binomial blocks, which are convolved; no sampling). P(K >= k) follows.
* P(match) = sum over k of P(K = k) x curve(k), the specialty's curve from curves.toml (flat
  past its last point, so the tail beyond it is summed in one term).
* P(match in the target region): the same from the target-region applications alone (a
  returner ranks home programs first), never above P(match). P(placed incl. SOAP) =
  P + (1 - P) x the SOAP conversion: the group's 2025 figure, its log-odds lowered by how far
  the profile's adjustments exceed their mean over the group's cohort ([soap_model]).
* Ranges: the model at the shallow and steep settings of the assumption parameters (type
  offsets refitted for each; back-home factor low/high), widened by a margin; always containing
  the point.
* The diminishing-returns point: the smallest N past which 10 more applications (same mix)
  never raise P(match) by 2% of itself or more (relative, so a low chance that still grows by
  half is never told to stop).
* The recommended mix: the first matching preset, its list no longer than that point plus the
  warning's slack for this profile (`sized_preset`), so the recommendation never trips the
  warning; a returner keeps the preset's programs in the target region.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Sequence
from functools import lru_cache
from operator import mul
from typing import TYPE_CHECKING, NamedTuple

from matchtui.engine.clinical import ClinicalReading, read_clinical
from matchtui.engine.fees import (
    FeeQuote,
    application_fee,
    fee_season,
    season_label,
    stand_in_note,
)
from matchtui.engine.wording import (
    and_list,
    beside,
    percent,
    percent_span,
    place,
    plural,
    stored_chance,
)
from matchtui.models.base import SOFT_RELIABILITY
from matchtui.models.mix import (
    APPLICANT_TYPE_LABELS,
    SETTINGS,
    ApplicantType,
    Assumption,
    BaseRates,
    Curve,
    Likelihood,
    ListEstimate,
    MixEstimate,
    MixFile,
    MixWarning,
    Preset,
    PresetRef,
    RiskTier,
    SignalFactor,
    TierCounts,
    mix_data,
    specialty_curve,
)
from matchtui.models.plan import MixPlan

if TYPE_CHECKING:
    import datetime as dt

    from matchtui.catalog import Catalog
    from matchtui.engine.programs import ListTally
    from matchtui.models.profile import Profile
    from matchtui.models.programs import Program, ProgramList

MAX_APPLICATIONS = 200
Shares = tuple[int, int, int]


# --- counts ------------------------------------------------------------------------------------
def _round_half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def apportion(total: int, shares: Sequence[int]) -> tuple[int, int, int]:
    """(academic, mid-tier, community) counts for `total` applications and percentage `shares`.

    Largest remainder at each tier boundary; the counts always sum to `total`.
    """
    academic, mid_tier, community = shares
    if academic + mid_tier + community != 100 or min(shares) < 0:
        raise ValueError(f"shares must be three non-negative percentages summing to 100: {shares}")
    top = _round_half_up(total * community, 100)
    top_two = _round_half_up(total * (community + mid_tier), 100)
    return (total - top_two, top_two - top, top)


def in_region_count(total: int, share_pct: int) -> int:
    """Applications in the target region: the share of the total, rounded half up."""
    return _round_half_up(total * share_pct, 100)


def rebalance(shares: Sequence[int], changed_index: int, new_value: int) -> Shares:
    """Linked sliders: set one share, rescale the other two so the three sum to 100.

    The other two keep their proportions (largest remainder, ties to the lower index); when both
    were zero they split what is left evenly (the odd point to the lower index). Deterministic.
    """
    if len(shares) != 3 or changed_index not in (0, 1, 2):
        raise ValueError("three shares and an index 0-2")
    value = max(0, min(100, int(new_value)))
    rest = 100 - value
    others = [i for i in range(3) if i != changed_index]
    weights = [max(0, int(shares[i])) for i in others]
    if sum(weights) == 0:
        parts = [rest - rest // 2, rest // 2]
    else:
        quotas = [rest * w for w in weights]
        weight_sum = sum(weights)
        parts = [q // weight_sum for q in quotas]
        remainders = [q % weight_sum for q in quotas]
        for j in sorted(range(2), key=lambda j: (-remainders[j], j))[: rest - sum(parts)]:
            parts[j] += 1
    out = [0, 0, 0]
    out[changed_index] = value
    for i, part in zip(others, parts, strict=True):
        out[i] = part
    return (out[0], out[1], out[2])


def signals_by_tier(signals: int, counts: Sequence[int]) -> tuple[int, int, int]:
    """Signals placed community first, then mid-tier, then academic (never more than a tier has)."""
    academic, mid_tier, community = counts
    left = max(0, min(signals, academic + mid_tier + community))
    to_community = min(left, community)
    left -= to_community
    to_mid = min(left, mid_tier)
    return (left - to_mid, to_mid, to_community)


# The group whose cohort the specialty intercepts and population terms are fitted to.
SENIOR_TYPE = "us_md_senior"


# --- the applicant and the factors ------------------------------------------------------------
def applicant_type(profile: Profile) -> ApplicantType:
    """One of NRMP's six groups (the profile's own property)."""
    return profile.applicant_type


def graduated_by_note(profile: Profile, catalog: Catalog, match_year: int | None = None) -> str:
    """For a student who will have graduated by `match_year`'s Match (the profile's by default;
    Profile.graduated_by), that they are a prior graduate in it and not a senior, with both
    groups' published match rates (mix.toml [[type_anchors]]); "" for anyone else. The Reality
    check, the estimate and the Plan pane's offer of the next Match all say it in these words."""
    year = profile.cycle_year if match_year is None else match_year
    kind = profile.applicant_type_in(year)
    if not (profile.graduated_by(year) and kind.endswith("_graduate")):  # an IMG stays an IMG
        return ""
    data = mix_data(catalog)
    graduates = data.type_anchor(kind)
    seniors = data.type_anchor(kind.replace("_graduate", "_senior"))
    group = APPLICANT_TYPE_LABELS[kind]
    return (
        f"You graduate in {profile.applicant.graduation_year}, before the {year} Match: in it "
        f"you apply as a {group}, not a senior ({graduates.published_pct:g}% of "
        f"{group}s matched in {graduates.year}, against {seniors.published_pct:g}% of "
        f"{APPLICANT_TYPE_LABELS[seniors.id]}s)."
    )


def has_ties(profile: Profile) -> bool:
    """A connection to the target region: a tie, home or training region, or a done rotation."""
    region = profile.targets.region
    return (
        profile.applicant.home_region == region
        or profile.applicant.current_region == region
        or any(tie.region == region for tie in profile.ties)
        or any(r.region == region and r.status == "done" for r in profile.rotations)
    )


def default_specialty(profile: Profile, catalog: Catalog) -> str:
    for target in profile.targets.specialties:
        if target in catalog.specialties:
            return target
    return next(iter(catalog.specialties))


# Engine records are named tuples where they can be (the same fields, equality and hash, and
# read-only): a command defines each at import, ~0.1 ms, where a frozen dataclass generates
# and compiles its methods, ~0.6 ms.
class Verdict(NamedTuple):
    """What the estimate takes from the Reality check: the overall re-entry risk tier (words
    only, never a factor: the adjustments below carry the same facts once) and the back-home
    likelihood (None when no back-home question applies)."""

    risk_tier: RiskTier
    back_home: Likelihood | None


# (id of the catalog, the profile pickled) -> (the catalog itself, kept so its id cannot be
# reused while the entry lives, and the verdict). Pickled, not dumped to JSON: a profile read
# from its validated cache has no serializer built, and dumping would build one (~5 ms).
_VERDICTS: dict[tuple[int, bytes], tuple[Catalog, Verdict]] = {}


def verdict_for(profile: Profile, catalog: Catalog, mix: MixPlan | None = None) -> Verdict:
    """The Reality check's verdict (its contract: assess(...).risk.tier and .back_home).

    Neither depends on the mix (only the archetypes read it), so the verdict is computed once per
    profile and catalog and kept in a small cache keyed by the profile's content."""
    from matchtui.engine.assess import risk_and_back_home

    del mix  # the verdict does not depend on it
    key = (id(catalog), pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL))
    found = _VERDICTS.get(key)
    if found is not None and found[0] is catalog:
        return found[1]
    risk, back_home = risk_and_back_home(profile, catalog)  # the rest of assess is not needed
    likelihood: Likelihood | None = (
        back_home.likelihood
        if back_home.applicable and back_home.likelihood != "not_applicable"
        else None
    )
    verdict = Verdict(risk_tier=risk.tier, back_home=likelihood)
    if len(_VERDICTS) >= 16:
        _VERDICTS.clear()
    _VERDICTS[key] = (catalog, verdict)
    return verdict


def risk_tier_for(profile: Profile, catalog: Catalog, mix: MixPlan | None = None) -> RiskTier:
    """The Reality check's overall risk tier (its contract: assess(...).risk.tier)."""
    return verdict_for(profile, catalog, mix).risk_tier


class Inputs(NamedTuple):
    """What the applicant brings to the interview chance: from a profile or a cohort member."""

    applicant_type: str
    step2: float | None
    years_out: float = 0.0
    failures: float = 0.0
    clinical_gap_years: float = 0.0
    prior_cycles: float = 0.0
    visa: bool = False
    no_step3: bool = False  # out of training with no Step 3 / Level 3 passed

    def value(self, adjustment_id: str) -> float:
        if adjustment_id == "visa":
            return 1.0 if self.visa else 0.0
        if adjustment_id == "no_step3":
            return 1.0 if self.no_step3 else 0.0
        if adjustment_id == "years_out":
            return self.years_out
        if adjustment_id == "failures":
            return self.failures
        if adjustment_id == "clinical_gap":
            return self.clinical_gap_years
        return self.prior_cycles


def clinical_reading(profile: Profile, catalog: Catalog) -> ClinicalReading:
    """The profile's clinical activity read by the Reality check's clinical-gap rule (risk.toml
    [clinical_gap], engine/clinical.py): one reading for both."""
    from matchtui.models.risk_rules import RiskFile

    return read_clinical(profile, catalog.get("risk.toml", RiskFile).clinical_gap)


def clinical_gap_years(profile: Profile, catalog: Catalog) -> float:
    """Years without clinical work, for someone out of training (0 otherwise), by the Reality
    check's rule: only clinical roles count (a non-clinical job leaves the gap open), no
    clinical month in the last 24 reads as at least 24 months, and an observership closes the
    gap only in part (mix.toml [weak_clinical])."""
    if not profile.is_reentry:
        return 0.0
    credit = mix_data(catalog).weak_clinical.month_credit
    return clinical_reading(profile, catalog).estimate_gap_months(credit) / 12


def inputs_of(profile: Profile, catalog: Catalog, today: dt.date | None = None) -> Inputs:
    """The profile's inputs: the clinical gap by the Reality check's rule, and a Step 3 booked
    too late for the Match's rank lists, or for a day gone by by `today` with no result
    recorded, counts as missing (see missing_step3)."""
    return Inputs(
        applicant_type=profile.applicant_type,
        step2=profile.exams.step2_score,
        years_out=float(profile.years_since_graduation),
        failures=float(profile.exams.failures),
        clinical_gap_years=clinical_gap_years(profile, catalog),
        prior_cycles=float(profile.history.serious),  # failed attempts only
        visa=profile.needs_visa,
        no_step3=missing_step3(profile, catalog, today),
    )


def missing_step3(profile: Profile, catalog: Catalog, today: dt.date | None = None) -> bool:
    """A US MD or DO prior graduate out of training by the Match (one still in school who
    graduates before it included) with Step 3 / Level 3 neither passed nor booked in time: the
    re-entry article's higher-risk case (one whose result is in before the rank lists close is
    its acceptable one). A booking is read by the Reality check's own rule
    (engine.assess.step3_booking): one whose result comes after rank lists close counts as
    missing (the Reality check's 'late'), and so, with the caller's `today`, does one booked
    for a day gone by (its 'date_passed'): a sitting that happened is no pass until its result
    is recorded. Whom it is expected of is the Reality check's rule too (_step3_expected); an
    IMG group's own rate already stands for members most of whom apply without it (mix.toml
    no_step3)."""
    if not _step3_expected(profile, catalog):
        return False
    status = profile.exams.third.status  # Step 3, or COMLEX Level 3, whichever is further
    if status == "not_taken":
        return True
    if status != "scheduled":
        return False
    from matchtui.engine.assess import step3_booking

    booking = step3_booking(profile, catalog, today)
    return booking is not None and not booking.counts_as_booked


def _step3_expected(profile: Profile, catalog: Catalog) -> bool:
    """Whom the no_step3 adjustment reads: US MD and DO prior graduates of whom the Reality
    check expects Step 3 by their Match (engine.assess.step3_expected: out of training, a
    student who graduates before the Match included)."""
    from matchtui.engine.assess import step3_expected

    return profile.applicant_type.endswith("_graduate") and step3_expected(profile, catalog)


def _band(catalog: Catalog, specialty: str) -> str:
    return catalog.specialties[specialty].competitiveness.level


def _for(records: Sequence[BaseRates], specialty: str, band: str) -> BaseRates:
    for record in records:
        if record.specialty == specialty:
            return record
    for record in records:
        if record.band == band:
            return record
    raise KeyError(specialty)


def _signal_for(records: Sequence[SignalFactor], specialty: str, band: str) -> SignalFactor:
    for record in records:
        if record.specialty == specialty:
            return record
    for record in records:
        if record.band == band:
            return record
    raise KeyError(specialty)


def score_anchor(catalog: Catalog, specialty: str) -> tuple[float, float, float] | None:
    """(slope per point, centre score, senior match rate) of the specialty's modelled Step 2 CK
    logistic, or None without a Charting Outcomes row."""
    means = catalog.specialties[specialty].step2_means
    if means is None or means.match_rate_pct is None:
        return None
    sigma = mix_data(catalog).score.sigma
    rate = means.match_rate_pct / 100
    slope = (means.matched - means.unmatched) / sigma**2
    centre = rate * means.matched + (1 - rate) * means.unmatched
    return slope, centre, rate


def group_score_term(catalog: Catalog, specialty: str, applicant_type: str) -> float:
    """The score term of the group's typical member, the middle of its cohort's spread (mix.toml
    [[type_anchors]] score_centre): 0 at the senior centre; slope x (unmatched mean - centre)
    for a group centred on the specialty's unmatched seniors."""
    anchor = score_anchor(catalog, specialty)
    means = catalog.specialties[specialty].step2_means
    if anchor is None or means is None:
        return 0.0
    cohort = mix_data(catalog).type_anchor(applicant_type).cohort
    if cohort.score_centre == "senior":
        return 0.0
    slope, centre, _ = anchor
    return slope * (means.unmatched - centre)


def no_score_detail(catalog: Catalog, specialty: str, applicant_type: str) -> str | None:
    """Where a member of the group who enters no Step 2 CK score sits on the specialty's curve,
    in words: "the seniors' population", "the senior centre, 251", "the unmatched seniors' mean,
    227" (None without a Charting Outcomes row: the score plays no part there)."""
    anchor = score_anchor(catalog, specialty)
    means = catalog.specialties[specialty].step2_means
    if anchor is None or means is None:
        return None
    if no_score_is_population(catalog, applicant_type):
        return "the seniors' population"
    if mix_data(catalog).type_anchor(applicant_type).cohort.score_centre == "senior":
        return f"the senior centre, {anchor[1]:.0f}"
    return f"the unmatched seniors' mean, {means.unmatched}"


def comlex_note(profile: Profile, catalog: Catalog, specialty: str) -> str:
    """The sentence every output of the estimate shows beside a COMLEX Level 2-CE score ("" without
    one): never converted, and where the estimate places the applicant instead."""
    if profile.exams.level2_score is None:
        return ""
    from matchtui.engine.exams import GROUP_PLACE, score_note

    detail = no_score_detail(catalog, specialty, profile.applicant_type)
    place = f"{GROUP_PLACE} in {catalog.specialty_name(specialty)} ({detail})" if detail else ""
    return score_note(profile, catalog, place or GROUP_PLACE)


def no_score_is_population(catalog: Catalog, applicant_type: str) -> bool:
    """Whether a member of the group who enters no score is the seniors' population: a group of
    students spread like seniors, whose rates sit where the population term was fitted."""
    cohort = mix_data(catalog).type_anchor(applicant_type).cohort
    return cohort.stage == "student" and cohort.score_centre == "senior"


def score_term(
    catalog: Catalog, specialty: str, step2: float | None, applicant_type: str = SENIOR_TYPE
) -> float:
    """The Step 2 CK term: slope x (score - centre). With no score: for seniors (US MD and DO)
    the population term, the single score term that meets the specialty's senior rate over the
    seniors' spread; for graduates and IMGs the middle of their group's spread
    (`group_score_term`), where their offset was fitted."""
    anchor = score_anchor(catalog, specialty)
    if anchor is None:
        return 0.0
    if step2 is None:
        if no_score_is_population(catalog, applicant_type):
            return mix_data(catalog).fitted.population.get(specialty, 0.0)
        return group_score_term(catalog, specialty, applicant_type)
    slope, centre, _ = anchor
    return slope * (step2 - centre)


def adjustment_terms(data: MixFile, inputs: Inputs, setting: str) -> dict[str, float]:
    """Each labelled adjustment's (non-positive) term at one range setting."""
    return {
        adj.id: -adj.slope(setting) * adj.units(inputs.value(adj.id)) for adj in data.adjustments
    }


def applicant_term(
    catalog: Catalog, specialty: str, inputs: Inputs, setting: str = "point"
) -> float:
    """The applicant's log-scale factor on every interview chance: type offset + Step 2 CK term
    + the labelled adjustments, at one range setting."""
    data = mix_data(catalog)
    offset = data.fitted.type_offsets[inputs.applicant_type][SETTINGS.index(setting)]
    return (
        offset
        + score_term(catalog, specialty, inputs.step2, inputs.applicant_type)
        + sum(adjustment_terms(data, inputs, setting).values())
    )


class Factors(NamedTuple):
    """Everything the estimate multiplies, resolved for one applicant and specialty."""

    specialty: str
    band: str
    base: float  # band rate x exp(specialty intercept + applicant term)
    tiers: tuple[float, float, float]
    ties: float  # the target-region factor (back-home or ties factor; 1.0 when neither)
    signal: float
    p_max: float  # the highest chance of a signalled application
    p_plain: float  # ... of one without a signal
    curve: tuple[float, ...]  # curve(0..top)
    top: int  # the estimate tracks interview counts below this (P(K >= k) up to k = top - 1)
    curve_top: int  # the curve's last point: it is flat from there
    at_least: tuple[int, ...]
    signals_available: int


def forget_factors() -> None:
    """Drop the cached applicant-free factors (a catalog's fitted constants were replaced)."""
    _static.cache_clear()


@lru_cache(maxsize=64)
def _static(catalog: Catalog, specialty: str) -> Factors:
    """The applicant-free part of the factors of a specialty (cached per catalog)."""
    data = mix_data(catalog)
    band = _band(catalog, specialty)
    curve = specialty_curve(catalog, specialty)
    # One past the largest reported count, so P(K >= that count) is summed from its own terms:
    # as the mass past the end (1 minus the rest) a chance under ~1e-16 read as nil.
    top = max(curve.last_k, max(data.model.at_least) + 1)
    signals = catalog.specialties[specialty].signals
    rate = _for(data.base_rates, specialty, band).rate
    return Factors(
        specialty=specialty,
        band=band,
        base=rate * math.exp(data.fitted.intercepts.get(specialty, 0.0)),
        tiers=(
            data.tier_factors.academic,
            data.tier_factors.mid_tier,
            data.tier_factors.community,
        ),
        ties=1.0,
        signal=_signal_for(data.signal_factors, specialty, band).factor,
        p_max=yield_cap(data, signalled=True),
        p_plain=yield_cap(data, signalled=False),
        curve=tuple(curve.table(top)),
        top=top,
        curve_top=curve.last_k,
        at_least=tuple(data.model.at_least),
        signals_available=signals.total if signals else 0,
    )


def yield_cap(data: MixFile, *, signalled: bool) -> float:
    """The highest interview chance of one application, with a signal or without: [yield_caps]
    under [model] p_max (p_max alone for data written before the caps)."""
    caps = data.yield_caps
    if caps is None:
        return data.model.p_max
    return min(data.model.p_max, caps.signalled if signalled else caps.unsignalled)


def factors_at(catalog: Catalog, specialty: str, term: float, region_factor: float) -> Factors:
    """The specialty's factors for an applicant term and a target-region factor."""
    static = _static(catalog, specialty)
    return static._replace(base=static.base * math.exp(term), ties=region_factor)


def region_factor(
    profile: Profile, catalog: Catalog, verdict: Verdict, which: str = "factor"
) -> float:
    """Target-region factor: the back-home factor (by likelihood) for a returner, else the ties
    factor when the applicant has a connection there, else 1. `which`: factor | low | high."""
    data = mix_data(catalog)
    if verdict.back_home is not None:
        value: float = getattr(data.back_home_factor(verdict.back_home), which)
        return value
    return data.ties.factor if has_ties(profile) else 1.0


def resolve(
    profile: Profile,
    catalog: Catalog,
    specialty: str,
    verdict: Verdict,
    setting: str = "point",
    *,
    today: dt.date | None = None,
) -> Factors:
    return factors_at(
        catalog,
        specialty,
        applicant_term(catalog, specialty, inputs_of(profile, catalog, today), setting),
        region_factor(profile, catalog, verdict),
    )


def cell_probability(factors: Factors, tier: int, region_pct: int, signalled: bool) -> float:
    """Interview probability of one application in `tier` (0 academic, 1 mid, 2 community)."""
    x = factors.base * factors.tiers[tier]
    cap = factors.p_plain
    if signalled:
        x *= factors.signal
        cap = factors.p_max
    out_of_region = min(cap, x)
    in_region = min(cap, x * factors.ties)
    r = region_pct / 100
    return (1 - r) * out_of_region + r * in_region


# --- the Poisson-binomial -----------------------------------------------------------------------
def _binomial(trials: int, p: float, top: int) -> list[float]:
    """P(X = 0..min(trials, top - 1)) for X ~ Binomial(trials, p)."""
    if trials <= 0 or p <= 0.0:
        return [1.0]
    q = 1.0 - p
    value = q**trials
    out = [value]
    ratio = p / q
    for j in range(min(trials, top - 1)):
        value = value * (trials - j) / (j + 1) * ratio
        out.append(value)
    return out


def _convolve(a: list[float], b: list[float], top: int) -> list[float]:
    """The distribution of the sum, kept for values below `top`."""
    if len(a) == 1:
        return [a[0] * y for y in b]
    if len(b) == 1:
        return [b[0] * x for x in a]
    size = min(len(a) + len(b) - 1, top)
    last_b = len(b) - 1
    reversed_b = b[::-1]
    out = []
    for k in range(size):
        low = max(0, k - last_b)
        out.append(sum(map(mul, a[low : k + 1], reversed_b[last_b - k + low :])))
    return out


def _add_one(pmf: list[float], p: float, top: int) -> list[float]:
    """The distribution after one more application with interview probability p."""
    q = 1.0 - p
    grown = [x * q + y * p for x, y in zip(pmf, [0.0, *pmf], strict=False)]
    if len(pmf) < top:
        grown.append(pmf[-1] * p)
    return grown


def pmf_of_blocks(blocks: Sequence[tuple[int, float]], top: int) -> list[float]:
    """P(K = k) for k < top, K the sum of Binomial(count, p) blocks (exact Poisson-binomial)."""
    pmf = [1.0]
    for count, p in blocks:
        if count > 0 and p > 0.0:
            pmf = _convolve(pmf, _binomial(count, p, top), top)
    return pmf


def pmf_of_probabilities(probabilities: Sequence[float], top: int) -> list[float]:
    """P(K = k) for k < top by the textbook one-application-at-a-time dynamic programme."""
    pmf = [1.0]
    for p in probabilities:
        q = 1.0 - p
        grown = [x * q for x in pmf] + [0.0]
        for k, x in enumerate(pmf):
            grown[k + 1] += x * p
        pmf = grown[:top]
    return pmf


def p_match_of(pmf: Sequence[float], curve: Sequence[float], top: int) -> float:
    """sum_k P(K = k) curve(k), with P(K >= top) x curve(top) for the flat tail."""
    body = sum(x * c for x, c in zip(pmf[:top], curve, strict=False))
    tail = max(0.0, 1.0 - sum(pmf))
    return min(1.0, max(0.0, body + tail * curve[top]))


def at_least_of(pmf: Sequence[float], ks: Sequence[int]) -> dict[int, float]:
    """P(K >= k) for each k: the pmf's entries from k on, plus the mass past its end. Summed
    from the tail, a chance of 1e-11 stays one (1 minus the head's sum lost it: 0.0)."""
    beyond = max(0.0, 1.0 - math.fsum(pmf))
    out: dict[int, float] = {}
    for k in ks:
        out[k] = min(1.0, max(0.0, math.fsum(pmf[k:]) + beyond))
    return out


def blocks_for(
    factors: Factors, total: int, shares: Shares, region_pct: int, signals: int
) -> list[tuple[int, float]]:
    counts = apportion(total, shares)
    signalled = signals_by_tier(signals, counts)
    blocks: list[tuple[int, float]] = []
    for tier in (2, 1, 0):
        blocks.append(
            (counts[tier] - signalled[tier], cell_probability(factors, tier, region_pct, False))
        )
        blocks.append((signalled[tier], cell_probability(factors, tier, region_pct, True)))
    return blocks


@lru_cache(maxsize=256)
def p_match_by_apps(
    factors: Factors, shares: Shares, region_pct: int, signals: int
) -> tuple[float, ...]:
    """P(match) for 0..200 applications with the same mix (cached: the app-count slider reuses it).

    Same exact computation as the estimate, arranged to be cheap for 200 list sizes: only
    interview counts below the curve's last point are tracked (the curve is flat from there);
    each tier's distribution is memoised by (count, signalled), two tiers are convolved and the
    third enters through E[curve(y + K_third)], memoised the same way.
    """
    top = factors.curve_top
    curve = factors.curve
    probabilities = [
        (
            cell_probability(factors, t, region_pct, False),
            cell_probability(factors, t, region_pct, True),
        )
        for t in range(3)
    ]
    tier_memo: dict[tuple[int, int, int], list[float]] = {}
    g_memo: dict[tuple[int, int], list[float]] = {}
    f_memo: dict[tuple[int, int, int, int], list[float]] = {}
    tail_value = curve[top]
    # The tier with the largest share changes count at almost every list size: it enters through
    # a dot product with F, a memoised table of expected curve values over the other two tiers.
    order = sorted(range(3), key=lambda t: (-shares[t], t))
    big, middle, small = order

    def tier_pmf(tier: int, count: int, signalled: int) -> list[float]:
        key = (tier, count, signalled)
        found = tier_memo.get(key)
        if found is None:
            plain, boosted = probabilities[tier]
            smaller = tier_memo.get((tier, count - 1, signalled))
            if smaller is not None and count > signalled:
                found = _add_one(smaller, plain, top)
            else:
                found = pmf_of_blocks(((count - signalled, plain), (signalled, boosted)), top)
            tier_memo[key] = found
        return found

    def g_table(count: int, signalled: int) -> list[float]:
        # G(z) = E[curve(min(z + K_small, top))] for z = 0..2*top
        key = (count, signalled)
        found = g_memo.get(key)
        if found is None:
            q = tier_pmf(small, count, signalled)
            found = []
            for z in range(2 * top + 1):
                if z >= top:
                    found.append(tail_value)
                    continue
                head = q[: top - z]
                body = sum(map(mul, head, curve[z:]))
                found.append(body + (1.0 - sum(head)) * tail_value)
            g_memo[key] = found
        return found

    def f_table(key: tuple[int, int, int, int]) -> list[float]:
        # F(y) = E[curve(min(y + K_middle + K_small, top))] for y = 0..top-1
        found = f_memo.get(key)
        if found is None:
            q = tier_pmf(middle, key[0], key[1])
            g = g_table(key[2], key[3])
            rest = (1.0 - sum(q)) * tail_value
            found = [sum(map(mul, q, g[y:])) + rest for y in range(top)]
            f_memo[key] = found
        return found

    out = [curve[0]]
    for total in range(1, MAX_APPLICATIONS + 1):
        counts = apportion(total, shares)
        signalled = signals_by_tier(signals, counts)
        first = tier_pmf(big, counts[big], signalled[big])
        weights = f_table((counts[middle], signalled[middle], counts[small], signalled[small]))
        value = sum(map(mul, first, weights)) + (1.0 - sum(first)) * tail_value
        out.append(min(1.0, max(0.0, value)))
    return tuple(out)


def diminishing_point(curve: Sequence[float], step: int, gain: float) -> int | None:
    """Smallest n past which `step` more applications never raise P(match) by `gain` x its own
    value or more (a relative gain); None if the gain is still that large at the end."""

    def small(n: int) -> bool:
        return curve[n + step] - curve[n] < gain * curve[n]

    last = len(curve) - 1 - step
    if last < 1 or not small(last):
        return None
    n = last
    while n > 1 and small(n - 1):
        n -= 1
    return n


# --- presets ------------------------------------------------------------------------------------
def preset_for(profile: Profile, catalog: Catalog, specialty: str | None = None) -> Preset:
    """The first preset in mix.toml whose conditions match the profile (the last always does)."""
    band = _band(catalog, specialty or default_specialty(profile, catalog))
    return preset_by(
        catalog,
        band,
        reentry=profile.is_reentry,
        img=profile.is_img,
        prior_graduate=profile.is_prior_graduate,
    )


def preset_by(
    catalog: Catalog, band: str, *, reentry: bool, img: bool, prior_graduate: bool = False
) -> Preset:
    data = mix_data(catalog)
    for preset in data.presets:
        when = preset.when
        if when.reentry is not None and when.reentry != reentry:
            continue
        if when.img is not None and when.img != img:
            continue
        if when.prior_graduate is not None and when.prior_graduate != prior_graduate:
            continue
        if when.bands is not None and band not in when.bands:
            continue
        return preset
    return data.presets[-1]


class Sized(NamedTuple):
    """The list size and target-region share the recommendation takes for one profile."""

    applications: int
    region_share_pct: int
    point: int | None  # the diminishing-returns point that shortened it; None: the preset's size


def sized_preset(profile: Profile, catalog: Catalog, preset: Preset, factors: Factors) -> Sized:
    """The preset's list size, or a shorter one where the preset's would trip the estimate's own
    "past diminishing returns" warning: the longest list that warning lets pass (its point plus
    [warnings] diminishing_slack), worked out for the preset's mix with the same P(match) by list
    size the warning reads. A returner keeps the preset's programs in the target region (where
    they mean to go back): the programs cut are outside it, so the region's share rises. Never
    longer than the preset's (a list that still gains is left to the low-chance warning)."""
    data = mix_data(catalog)
    rules = data.warnings
    step, gain = data.model.diminishing_step, data.model.diminishing_gain_rel_pct / 100
    size, share = preset.size.applications, preset.size.region_share_pct
    keep = in_region_count(size, share) if profile.is_returner else 0
    for _ in range(4):  # a shorter list or a larger share moves the point a little: re-read it
        signals = min(factors.signals_available, size)
        point = diminishing_point(
            p_match_by_apps(factors, preset.shares, share, signals), step, gain
        )
        if point is None or size <= point + rules.diminishing_slack:
            return Sized(size, share, point if size < preset.size.applications else None)
        size = point + rules.diminishing_slack
        while share < 100 and in_region_count(size, share) < min(keep, size):
            share += 1
    return Sized(preset.size.applications, preset.size.region_share_pct, None)


def recommended_mix(
    profile: Profile,
    catalog: Catalog,
    specialty: str | None = None,
    *,
    verdict: Verdict | None = None,
    today: dt.date | None = None,
) -> MixPlan:
    """The recommended preset for this profile as a MixPlan (all available signals used), its
    list no longer than the estimate's own diminishing-returns warning lets pass (sized_preset).
    `verdict` and `today` as for `estimate`."""
    chosen = specialty or default_specialty(profile, catalog)
    preset = preset_for(profile, catalog, chosen)
    if verdict is None:
        verdict = verdict_for(profile, catalog)
    sized = sized_preset(
        profile, catalog, preset, resolve(profile, catalog, chosen, verdict, today=today)
    )
    signals = catalog.specialties[chosen].signals
    return MixPlan(
        specialty=chosen,
        applications=sized.applications,
        academic_pct=preset.academic,
        mid_tier_pct=preset.mid_tier,
        community_pct=preset.community,
        region_share_pct=sized.region_share_pct,
        signals_used=min(signals.total if signals else 0, sized.applications),
    )


def _preset_ref(preset: Preset, sized: Sized, region: str, slack: int) -> PresetRef:
    return PresetRef(
        id=preset.id,
        name=preset.name,
        mix=TierCounts.of(preset.shares),
        applications=sized.applications,
        region_share_pct=sized.region_share_pct,
        source=preset.source,
        reliability=preset.reliability,
        note=_sized_note(preset, sized, region, slack),
    )


def _sized_note(preset: Preset, sized: Sized, region: str, slack: int) -> str:
    """Why the recommended list is shorter than the preset's ("" when it is the preset's)."""
    if sized.point is None:
        return ""
    text = (
        f"Shortened from the preset's {preset.size.applications} applications: with its mix, "
        f"more than about {sized.point} add little to your estimated chance of matching, so "
        f"the recommendation stops at {sized.applications} (that point plus the {slack} the "
        "diminishing-returns warning allows)."
    )
    if sized.region_share_pct != preset.size.region_share_pct:
        there = in_region_count(sized.applications, sized.region_share_pct)
        text += (
            f" The programs cut are outside {region}: the {plural(there, 'program')} there "
            f"stay, so its share rises from {preset.size.region_share_pct}% to "
            f"{sized.region_share_pct}%."
        )
    return text


# --- the estimate -------------------------------------------------------------------------------
def p_match_for(
    factors: Factors, total: int, shares: Shares, region_pct: int, signals: int
) -> float:
    """P(match) anywhere in the specialty for one list (exact Poisson-binomial, then the curve)."""
    pmf = pmf_of_blocks(blocks_for(factors, total, shares, region_pct, signals), factors.top)
    return p_match_of(pmf, factors.curve, factors.top)


def p_in_region_for(
    factors: Factors,
    total: int,
    shares: Shares,
    region_pct: int,
    signals: int,
    overall: float | None = None,
) -> float:
    """P(match in the target region): the chance the target-region applications alone bring
    (a returner ranks the programs back home first), each with the target-region factor;
    signals are spread over the region like the list. Never above P(match) for the same list."""
    n_in = in_region_count(total, region_pct)
    if n_in <= 0:
        return 0.0
    counts = apportion(n_in, shares)
    signalled = signals_by_tier(_round_half_up(signals * n_in, total), counts)
    blocks: list[tuple[int, float]] = []
    for tier in (2, 1, 0):
        blocks.append((counts[tier] - signalled[tier], cell_probability(factors, tier, 100, False)))
        blocks.append((signalled[tier], cell_probability(factors, tier, 100, True)))
    pmf = pmf_of_blocks(blocks, factors.top)
    inside = p_match_of(pmf, factors.curve, factors.top)
    if overall is None:
        overall = p_match_for(factors, total, shares, region_pct, signals)
    return min(inside, overall)


class Figures(NamedTuple):
    """The estimate's three figures with their ranges (probabilities, 0-1)."""

    p_match: float
    p_match_range: tuple[float, float]
    p_in_region: float | None
    p_in_region_range: tuple[float, float] | None
    p_placed: float
    p_placed_range: tuple[float, float]
    terms: tuple[float, float, float]  # the applicant term at the shallow, point, steep settings


def figures_for(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan,
    verdict: Verdict,
    factors: Factors,
    signals: int,
    point: float | None = None,
    *,
    today: dt.date | None = None,
) -> Figures:
    """P(match), P(match in the target region) and P(placed incl. SOAP), each with its range.

    The range re-evaluates the model at the shallow and steep settings of the assumption
    parameters (adjustment slopes and the type offsets refitted for each, back-home factor low
    and high), widened by the model margin; it always contains the point."""
    data = mix_data(catalog)
    inputs = inputs_of(profile, catalog, today)
    shallow, middle, steep = (applicant_term(catalog, mix.specialty, inputs, s) for s in SETTINGS)
    terms = (shallow, middle, steep)
    margin = data.model.margin
    low_f = factors_at(
        catalog,
        mix.specialty,
        min(terms) - margin,
        region_factor(profile, catalog, verdict, "low"),
    )
    high_f = factors_at(
        catalog,
        mix.specialty,
        max(terms) + margin,
        region_factor(profile, catalog, verdict, "high"),
    )
    shares: Shares = (mix.academic_pct, mix.mid_tier_pct, mix.community_pct)
    args = (mix.applications, shares, mix.region_share_pct, signals)
    if point is None:
        point = p_match_for(factors, *args)
    low_value = p_match_for(low_f, *args)
    high_value = p_match_for(high_f, *args)
    low, high = min(point, low_value), max(point, high_value)
    in_region: float | None = None
    in_range: tuple[float, float] | None = None
    if verdict.back_home is not None:
        in_region = p_in_region_for(factors, *args, overall=point)
        in_range = (
            min(in_region, p_in_region_for(low_f, *args, overall=low_value)),
            max(in_region, p_in_region_for(high_f, *args, overall=high_value)),
        )
    conversions = [soap_conversion(catalog, inputs, setting) for setting in SETTINGS]
    point_share = conversions[SETTINGS.index("point")]

    def placed(p: float, share: float) -> float:
        return p + (1 - p) * share

    return Figures(
        p_match=point,
        p_match_range=(low, high),
        p_in_region=in_region,
        p_in_region_range=in_range,
        p_placed=placed(point, point_share),
        p_placed_range=(placed(low, min(conversions)), placed(high, max(conversions))),
        terms=terms,
    )


class RangeParts(NamedTuple):
    """What widens the P(match) range, on the log scale of each interview chance (the scale the
    range settings and the margin act on): the readings (the applicant term's spread over the
    shallow, point and steep settings), the margin (twice the model margin: less and plus), and
    the back-home factor (the log of its high over its low value, times the share of the list in
    the target region, the applications it multiplies; 0 when none applies)."""

    readings: float
    margin: float
    back_home: float
    lowest: str  # the range setting whose applicant term is lowest: it gives the low end
    highest: str


def range_parts(
    catalog: Catalog, verdict: Verdict, region_share_pct: int, terms: Sequence[float]
) -> RangeParts:
    """How much of the range each of its sources makes, read from the applicant terms at the
    three settings: which one is lowest is read, not assumed (the type offsets are refitted for
    each setting, so the shallow reading can be the lower one)."""
    data = mix_data(catalog)
    order = sorted(range(len(SETTINGS)), key=lambda i: (terms[i], i))
    back_home = 0.0
    if verdict.back_home is not None:
        record = data.back_home_factor(verdict.back_home)
        back_home = region_share_pct / 100 * math.log(record.high / record.low)
    return RangeParts(
        readings=max(terms) - min(terms),
        margin=2 * data.model.margin,
        back_home=back_home,
        lowest=SETTINGS[order[0]],
        highest=SETTINGS[order[-1]],
    )


# Each adjustment's input as a cohort holds it (the yes/no ones: the share of members it holds
# for, in _COHORT_SHARE).
_COHORT_FIELD = {
    "years_out": "years_out",
    "failures": "failures",
    "clinical_gap": "clinical_gap_years",
    "prior_cycles": "prior_cycles",
}
_COHORT_SHARE = {"visa": "visa_share", "no_step3": "no_step3_share"}


def cohort_adjustments(catalog: Catalog, applicant_type: str, setting: str) -> dict[str, float]:
    """Each labelled adjustment's mean term over the group's cohort (mix.toml
    [[type_anchors]]): what the group's fitted offset already carries for its average member."""
    data = mix_data(catalog)
    cohort = data.type_anchor(applicant_type).cohort
    out: dict[str, float] = {}
    for adj in data.adjustments:
        if adj.id in _COHORT_SHARE:
            share: float = getattr(cohort, _COHORT_SHARE[adj.id])
            out[adj.id] = -adj.slope(setting) * adj.units(1.0) * share
            continue
        out[adj.id] = -sum(
            weight * adj.slope(setting) * adj.units(value)
            for value, weight in getattr(cohort, _COHORT_FIELD[adj.id])
        )
    return out


def cohort_adjustment(catalog: Catalog, applicant_type: str, setting: str) -> float:
    """The mean of the labelled adjustments over the group's cohort: each adjustment reads one
    input, so the mean of their sum is the sum of each one's mean over its own distribution."""
    return sum(cohort_adjustments(catalog, applicant_type, setting).values())


def soap_conversion(catalog: Catalog, inputs: Inputs, setting: str = "point") -> float:
    """The share of this profile's unmatched outcomes that SOAP turns into a position: the
    group's published conversion, lowered for a profile whose adjustments are heavier than the
    group's average (their mean over its cohort), on the log-odds ([soap_model]; a labelled
    assumption). Never above the published figure: nothing published says a better-placed
    member of the group converts more often, while a graduate far past its typical member
    (years out, no clinical work) should not be shown the typical member's SOAP chance."""
    data = mix_data(catalog)
    share = data.soap_share(inputs.applicant_type).placed_pct / 100
    if not 0 < share < 1:
        return share
    own = sum(adjustment_terms(data, inputs, setting).values())
    shift = data.soap_model.adjustment_weight * (
        own - cohort_adjustment(catalog, inputs.applicant_type, setting)
    )
    if shift >= 0:
        return share
    return 1 / (1 + math.exp(-(math.log(share / (1 - share)) + shift)))


def calibration_status(catalog: Catalog, specialty: str, inputs: Inputs) -> tuple[bool, str, bool]:
    """(calibrated, a plain note saying which anchors the figure answers to and where the profile
    lies outside them, outside any cohort)."""
    data = mix_data(catalog)
    coverage = data.coverage
    anchor = data.type_anchor(inputs.applicant_type)
    group = APPLICANT_TYPE_LABELS[inputs.applicant_type]
    name = catalog.specialty_name(specialty)
    means = catalog.specialties[specialty].step2_means
    has_co = specialty in data.fitted.intercepts and means is not None
    note = f"Anchored to the {anchor.year} match rate of {group}s ({anchor.published_pct:g}%)"
    if has_co and means is not None:
        note += (
            f" and the Charting Outcomes {means.year} rate for {name} ({means.match_rate_pct:g}%)."
        )
    else:
        note += (
            f"; {name} has no Charting Outcomes match rate in the data, so its level rests on "
            "its competitiveness band alone."
        )
    outside: list[str] = []
    checks = (
        (inputs.years_out, coverage.years_out, "years past graduation"),
        (inputs.failures, coverage.failures, "exam failures"),
        (inputs.clinical_gap_years, coverage.clinical_gap_years, "years since clinical work"),
        (inputs.prior_cycles, coverage.prior_cycles, "earlier cycles without a lasting position"),
    )
    for value, limit, what in checks:
        if value > limit:
            outside.append(f"{round(value, 2):g} {what} (the cohorts reach {limit:g})")
    if outside:
        note += (
            " Your profile lies outside what any anchor covers: "
            + "; ".join(outside)
            + ". Past that point the figure only extends the assumed adjustments, so read it as "
            "a rough guide, not a calibrated chance."
        )
    return has_co and not outside, note, bool(outside)


# A part of the range narrower than this (log scale) is not named as widening it.
_NO_WIDTH = 0.005
_READING_NAMES = {"shallow": "shallow", "point": "central", "steep": "steep"}


def range_drivers(
    parts: RangeParts, data: MixFile, back_home: Likelihood | None, weighed: Sequence[str]
) -> str:
    """What makes the range as wide as it is, the largest part first, as `range_parts` measured
    it, and which reading of the adjustments gives each end (read from the terms)."""
    costs = and_list(list(weighed)) if weighed else "the profile's adjustments"
    named: list[tuple[float, str]] = []
    if parts.readings >= _NO_WIDTH:
        named.append((parts.readings, f"the assumed cost of {costs} (none of it published)"))
    if parts.margin >= _NO_WIDTH:
        named.append(
            (
                parts.margin,
                f"the model's margin ({data.model.margin:g} either way on the log scale of each "
                "interview chance, for the assumptions no reading varies)",
            )
        )
    if back_home is not None and parts.back_home >= _NO_WIDTH:
        record = data.back_home_factor(back_home)
        named.append(
            (
                parts.back_home,
                f"the assumed size of the back-home factor ({record.low:g} to {record.high:g})",
            )
        )
    if not named:
        return ""
    named.sort(key=lambda item: -item[0])
    total = sum(width for width, _ in named)
    first, rest = named[0][1], [what for _, what in named[1:]]
    if named[0][0] >= total / 2:
        text = f"Most of its width is {first}."
        if rest:
            more = and_list(rest)
            text += f" {more[0].upper()}{more[1:]} add{'s' if len(rest) == 1 else ''} less."
    else:
        text = f"Its width comes from {and_list([what for _, what in named])}, largest first."
    if parts.readings >= _NO_WIDTH:
        low, high = _READING_NAMES[parts.lowest], _READING_NAMES[parts.highest]
        each = "that cost" if len(weighed) == 1 else "each cost"
        text += f" The low end takes the {low} reading of {each}, the high end the {high} one"
        if parts.lowest == "shallow":
            text += (
                ": each reading refits your group's offset to its published match rate, and "
                "here the shallow reading's lower offset outweighs its lighter costs"
            )
        text += "."
    return text


def range_note(
    verdict: Verdict,
    figures: Figures,
    outside: bool,
    data: MixFile,
    weighed: Sequence[str],
    parts: RangeParts,
    *,
    why_low: Sequence[str] = (),
    risk_factors: Sequence[str] = (),
) -> str:
    """The sentences that explain the range when the Reality check rates the risk high, or low
    or moderate beside a chance under the low-chance warning's line, or the profile lies past
    the cohorts. With a high risk, it says whether the estimate agrees (a chance below that
    line) or not, and why they can differ: the tier counts factors, the estimate weighs them.
    With a low or moderate risk and a low chance, why both hold: the tier rates the re-entry
    factors (`risk_factors`, risk.toml's labels) alone, while the estimate is anchored to the
    group's published rate and weighs the score and the rest against it (`why_low`: what holds
    it down most, `heaviest`). Then what widens the range (`parts`, measured by `range_parts`;
    `range_drivers`). `weighed`: the adjustments that lower this profile's chance, as a
    sentence names them."""
    line = data.warnings.low_p_match
    reads_low = verdict.risk_tier in ("low", "moderate") and figures.p_match < line
    if verdict.risk_tier != "high" and not outside and not reads_low:
        return ""
    low, high = figures.p_match_range
    first, last = percent(low, prose=True), percent(high, prose=True)
    span = f"runs from {first} to {last}" if first != last else f"is {first} at both ends"
    drivers = range_drivers(parts, data, verdict.back_home, weighed)
    if reads_low:
        lead = (
            f"The Reality check rates your re-entry risk as {verdict.risk_tier}: it rates the "
            "re-entry factors one by one"
            + (f" ({and_list([f.lower() for f in risk_factors])})" if risk_factors else "")
            + " against the re-entry article's bands and counts how many rate higher. This "
            "estimate is anchored instead to how often your applicant group matched, and weighs "
            f"the rest of your profile against that, so it reads {percent(figures.p_match)}"
        )
        if why_low:
            lead += ": what holds it down most is " + ", then ".join(why_low)
        beyond = (
            ", and your profile lies beyond the calibrated cohorts, so both ends extend "
            "assumptions past what was fitted"
            if outside
            else ""
        )
        return f"{lead}. The range {span}{beyond}. {drivers}".rstrip()
    if verdict.risk_tier == "high":
        if figures.p_match < data.warnings.low_p_match:
            lead = "The Reality check rates your re-entry risk as high, and this estimate agrees"
        else:
            lead = (
                "The Reality check rates your re-entry risk as high, yet this estimate is "
                f"{percent(figures.p_match)}: the tier counts the factors that rate higher, while "
                "the estimate weighs each of them against the rest of the profile (your score, "
                "the specialty, how many programs and which kinds you apply to)"
            )
        return f"{lead}. The range {span}. {drivers}".rstrip()
    return (
        f"The range {span}, and your profile lies beyond the calibrated cohorts, so both ends "
        f"extend assumptions past what was fitted. {drivers}"
    ).rstrip()


def region_note(
    profile: Profile,
    catalog: Catalog,
    verdict: Verdict,
    figures: Figures,
    region: str,
    *,
    in_region: int = 0,
    total: int = 0,
    why_low: Sequence[str] = (),
) -> str:
    """Why the Reality check's back-home rating and the in-region figure can read apart.

    Rated moderate to low or very low while the figure reads high: the rating comes from an
    advice article's rough scenarios, and the estimate turns it into an assumed factor on each
    application there (the one published pointer, signal yield by geographic connection, moves
    it far less). Rated high or very high while the figure reads under the low-chance warning's
    line: the rating reads how programs there will take the applicant's ties, not the chance of
    matching at all; the estimate multiplies the `in_region` applications of `total` by its
    factor, but a chance held down by the group's rate, the score and the rest (`why_low`,
    `heaviest`) stays low, and the figure counts the programs there alone."""
    likelihood = verdict.back_home
    inside = figures.p_in_region
    if likelihood is None or inside is None:
        return ""
    from matchtui.models.verdict import LIKELIHOOD_LABELS

    record = mix_data(catalog).back_home_factor(likelihood)
    line = mix_data(catalog).warnings.low_p_match
    if likelihood in ("very_high", "high") and inside < line:
        lead = (
            f"The Reality check rates matching in {region} {LIKELIHOOD_LABELS[likelihood]}: that "
            "rating reads how programs there will take your ties, rotations, letters and story, "
            "not your chance of matching at all."
        )
        if in_region <= 0:
            return (
                f"{lead} None of your applications is in {region}, so the rating has nothing "
                "to act on here: put programs there to use it."
            )
        factor = (
            f" Here it is a factor of {record.factor:g} ({record.low:g}-{record.high:g}, "
            f"assumed) on each of your {plural(in_region, 'application')} there"
        )
        if figures.p_match >= line:
            return (
                f"{lead}{factor}; this figure counts those {in_region} alone, not the other "
                f"{total - in_region}, so it reads lower than your chance anywhere "
                f"({percent(figures.p_match)}). More programs in {region} raise it."
            )
        held = f", held down most by {', then '.join(why_low)}" if why_low else ""
        return (
            f"{lead}{factor}, but it multiplies a chance that is low to begin with: "
            f"{percent(figures.p_match)} anywhere{held}. The figure for {region} counts those "
            f"{plural(in_region, 'program')} alone, so it reads lower still."
        )
    if likelihood not in ("moderate_to_low", "very_low") or inside < 0.5:
        return ""
    presence = "clinical work there" if profile.is_reentry else "a rotation there"
    return (
        f"The Reality check rates matching in {region} {LIKELIHOOD_LABELS[likelihood]}, from an "
        f"advice article's rough scenarios; here that is a factor of {record.factor:g} "
        f"({record.low:g}-{record.high:g}, assumed) on each application there, so this "
        f"figure reads higher. Ties, {presence} and letters from {region} raise both."
    )


def estimate(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan,
    programs: ProgramList | None = None,
    *,
    risk_tier: RiskTier | None = None,
    verdict: Verdict | None = None,
    tally: ListTally | None = None,
    today: dt.date | None = None,
) -> MixEstimate:
    """Counts, interviews, P(match) with its range, P(match in the target region), P(placed
    incl. SOAP), fees, warnings and assumptions for one target mix.

    `verdict` defaults to the Reality check's for the profile; a caller that already has it
    (the pane, per slider step) passes it to skip the assessment. `risk_tier` overrides its tier.
    `tally` (engine.programs.ListTally for `programs`, kept by the pane) saves the warnings a
    pass over the list; one that does not fit the list and profile is ignored. `today` (the
    caller's: the CLI's --today, the app's) reads a Step 3 booked for a day gone by as the
    Reality check does (missing_step3); None reads no booked day as gone by.
    """
    if mix.specialty not in catalog.specialties:
        raise ValueError(f"unknown specialty {mix.specialty!r}")
    if verdict is None:
        verdict = verdict_for(profile, catalog, mix)
    if risk_tier is not None:
        verdict = verdict._replace(risk_tier=risk_tier)
    tier = verdict.risk_tier
    data = mix_data(catalog)
    factors = resolve(profile, catalog, mix.specialty, verdict, today=today)
    total = mix.applications
    shares: Shares = (mix.academic_pct, mix.mid_tier_pct, mix.community_pct)
    signals = min(mix.signals_used, factors.signals_available, total)
    counts = apportion(total, shares)
    blocks = blocks_for(factors, total, shares, mix.region_share_pct, signals)
    pmf = pmf_of_blocks(blocks, factors.top)
    figures = figures_for(
        profile,
        catalog,
        mix,
        verdict,
        factors,
        signals,
        p_match_of(pmf, factors.curve, factors.top),
        today=today,
    )
    p_match = figures.p_match
    by_apps = p_match_by_apps(factors, shares, mix.region_share_pct, signals)
    point = diminishing_point(
        by_apps, data.model.diminishing_step, data.model.diminishing_gain_rel_pct / 100
    )
    season = fee_season(catalog.fees, profile.cycle_year)
    quote = application_fee(catalog.specialties[mix.specialty], catalog.fee_schedule(season), total)
    in_region = in_region_count(total, mix.region_share_pct)
    preset = preset_for(profile, catalog, mix.specialty)
    sized = sized_preset(profile, catalog, preset, factors)
    inputs = inputs_of(profile, catalog, today)
    calibrated, note, outside = calibration_status(catalog, mix.specialty, inputs)
    if profile.applicant.situation == "in_training" and inputs.applicant_type.endswith("_graduate"):
        note += (
            " NRMP counts a resident who applies again among its prior graduates; that rate "
            "mixes residents changing course with graduates who went unmatched, and no "
            "published figure tells them apart."
        )
    assumptions = _assumptions(
        profile, catalog, data, factors, verdict, inputs, preset, season, signals, quote, today
    )
    # What holds a low chance down, for the notes that reconcile it with the Reality check.
    why_low = (
        heaviest(catalog, data, mix.specialty, inputs)
        if p_match < data.warnings.low_p_match
        else []
    )
    region_label = place(catalog.region_name(profile.targets.region))
    warnings = _warnings(
        profile,
        catalog,
        data,
        factors,
        tier,
        mix,
        in_region,
        p_match,
        point,
        programs,
        inputs,
        preset,
        tally,
    )

    def r6(pair: tuple[float, float]) -> tuple[float, float]:
        return (stored_chance(pair[0]), stored_chance(pair[1]))

    return MixEstimate(
        specialty=mix.specialty,
        specialty_name=catalog.specialty_name(mix.specialty),
        total=total,
        shares=TierCounts.of(shares),
        counts=TierCounts.of(counts),
        region_share_pct=mix.region_share_pct,
        in_region=in_region,
        signals_used=signals,
        signals_available=factors.signals_available,
        risk_tier=tier,
        applicant_type=profile.applicant_type,
        expected_interviews=round(sum(n * p for n, p in blocks), 4),
        p_interviews_at_least={
            k: stored_chance(v) for k, v in at_least_of(pmf, factors.at_least).items()
        },
        p_match=stored_chance(p_match),
        p_match_range=r6(figures.p_match_range),
        p_match_in_region=(
            stored_chance(figures.p_in_region) if figures.p_in_region is not None else None
        ),
        p_match_in_region_range=(
            r6(figures.p_in_region_range) if figures.p_in_region_range is not None else None
        ),
        p_placed_with_soap=stored_chance(figures.p_placed),
        p_placed_with_soap_range=r6(figures.p_placed_range),
        placed_note=_in_training(profile, data).placed_note,
        calibrated=calibrated,
        calibration_note=note,
        range_note=range_note(
            verdict,
            figures,
            outside,
            data,
            [
                adj.prose or adj.label.lower()
                for adj in data.adjustments
                if adj.units(inputs.value(adj.id)) > 0
            ],
            range_parts(catalog, verdict, mix.region_share_pct, figures.terms),
            why_low=why_low,
            risk_factors=_risk_factor_labels(catalog),
        ),
        region_note=region_note(
            profile,
            catalog,
            verdict,
            figures,
            region_label,
            in_region=in_region,
            total=total,
            why_low=why_low,
        ),
        score_note=comlex_note(profile, catalog, mix.specialty),
        diminishing_returns_at=point,
        application_service=quote.service,
        application_service_name=quote.service_name,
        fees_usd=quote.fee_usd,
        fee_season=season,
        fee_stand_in=stand_in_note(season, profile.cycle_year) if quote.fee_usd is not None else "",
        warnings=warnings,
        assumptions=assumptions,
        preset=_preset_ref(preset, sized, region_label, data.warnings.diminishing_slack),
        illustrative=any(a.reliability in SOFT_RELIABILITY for a in assumptions),
        p_match_by_apps=by_apps,
    )


def placed_figure(result: MixEstimate) -> tuple[str, str]:
    """The chance of a position including SOAP as every estimate shows it (`matchtui mix`,
    the report): its name and "28-51% (point 37%)", range first."""
    return (
        "Chance of a position including SOAP",
        f"{percent_span(*result.p_placed_with_soap_range)} "
        f"(point {percent(result.p_placed_with_soap)})",
    )


def _risk_factor_labels(catalog: Catalog) -> list[str]:
    """The re-entry risk sheet's factors as the Reality check labels them (risk.toml)."""
    from matchtui.models.risk_rules import RiskFile

    rules = catalog.get("risk.toml", RiskFile)
    return [
        rules.years_since_graduation.label,
        rules.exam_status.label,
        rules.specialty_target.label,
        rules.clinical_gap.label,
        rules.visa.label,
    ]


def _assumptions(
    profile: Profile,
    catalog: Catalog,
    data: MixFile,
    factors: Factors,
    verdict: Verdict,
    inputs: Inputs,
    preset: Preset,
    fee_season: int,
    signals: int,
    quote: FeeQuote,
    today: dt.date | None = None,
) -> list[Assumption]:
    specialty = factors.specialty
    base = _for(data.base_rates, specialty, factors.band)
    curve: Curve = specialty_curve(catalog, specialty)
    tf = data.tier_factors
    fitted = data.fitted
    what = "this specialty" if base.specialty else f"{factors.band.replace('_', ' ')} band"
    group = APPLICANT_TYPE_LABELS[inputs.applicant_type]
    offsets = fitted.type_offsets[inputs.applicant_type]
    # Constants refitted when the data were read (their figures differ from the stored fit's).
    fit = "refitted when the data were read" if fitted.refitted else "fitted"
    means = catalog.specialties[specialty].step2_means
    co_year = f" {means.year}" if means is not None else ""
    year = data.type_anchor(inputs.applicant_type).year
    out = [
        Assumption.of(f"Base interview rate per application ({what})", base.rate, base),
        Assumption.of(
            f"Specialty intercept ({fit} to its Charting Outcomes{co_year} rate)",
            round(fitted.intercepts[specialty], 3)
            if specialty in fitted.intercepts
            else "none (no Charting Outcomes rate)",
            fitted,
        ),
        Assumption.of(
            f"Applicant type offset: {group} ({fit} to its {year} match rate)",
            f"{offsets[1]:.3f} (range settings {offsets[0]:.3f} / {offsets[2]:.3f})",
            fitted,
        ),
    ]
    anchor = score_anchor(catalog, specialty)
    detail = no_score_detail(catalog, specialty, inputs.applicant_type)
    if anchor is not None and means is not None and detail is not None:
        slope, centre, _ = anchor
        if no_score_is_population(catalog, inputs.applicant_type):
            no_score = detail
        else:
            no_score = f"your group's typical member ({detail})"
        comlex = profile.exams.level2_score
        term = f"({score_term(catalog, specialty, None, inputs.applicant_type):+.2f})"
        if inputs.step2 is not None:
            value = (
                f"your score {inputs.step2:g}: {score_term(catalog, specialty, inputs.step2):+.2f}"
            )
        elif comlex is not None:  # a COMLEX score only: not converted (mix.toml [comlex])
            value = f"no Step 2 CK score (COMLEX {comlex} not converted): {no_score} {term}"
        else:
            value = f"no score entered: {no_score} {term}"
        out.append(
            Assumption(
                name=(
                    f"Step 2 CK, modelled logistic: slope {slope:.4f} per point around "
                    f"{centre:.0f} (matched {means.matched}, unmatched {means.unmatched}, "
                    f"sigma {data.score.sigma:g})"
                ),
                value=value,
                reliability=means.reliability,
                source=means.source,
                note="Modelled: " + data.score.note,
            )
        )
    if (comlex := profile.exams.level2_score) is not None:
        used = (
            f"not used: the Step 2 CK score {inputs.step2:g} is"
            if inputs.step2 is not None
            else f"placed at your group's typical score ({detail})"
            if detail is not None
            else "placed at your group's typical score"
        )
        out.append(
            Assumption.of(
                "COMLEX Level 2-CE score (no published conversion to Step 2 CK points)",
                f"{comlex}: {used}",
                data.comlex,
            )
        )
    terms = adjustment_terms(data, inputs, "point")
    for adj in data.adjustments:
        amount = inputs.value(adj.id)
        counted = _cycles_counted(profile) if adj.id == "prior_cycles" else ""
        out.append(
            Assumption.of(
                f"{adj.label} (-{adj.per_unit:g} per {adj.unit}"
                + (f" past {adj.grace:g}" if adj.grace else "")
                + f", range {adj.shallow:g}-{adj.steep:g})",
                f"{adj.amount(amount)}{counted}: {terms[adj.id]:+.2f}",
                adj,
            )
        )
        if adj.id == "clinical_gap" and profile.is_reentry:
            out += _weak_clinical(profile, catalog, data)
        if adj.id == "no_step3":
            out += _step3_booked(profile, catalog, today)
    if verdict.back_home is not None:
        record = data.back_home_factor(verdict.back_home)
        out.append(
            Assumption.of(
                "Back-home factor for target-region programs "
                f"({verdict.back_home.replace('_', ' ')})",
                f"{record.factor:g} (range {record.low:g}-{record.high:g})",
                record,
            )
        )
    else:
        out.append(
            Assumption.of(
                "Ties factor for target-region programs",
                factors.ties if factors.ties != 1.0 else "not applied (no tie to the region)",
                data.ties,
            )
        )
    out.append(
        Assumption.of(
            "Tier factors (academic / mid-tier / community)",
            f"{tf.academic:g} / {tf.mid_tier:g} / {tf.community:g}",
            tf,
        )
    )
    if signals > 0:
        record_s = _signal_for(data.signal_factors, specialty, factors.band)
        out.append(
            Assumption.of(
                "Signal factor (signals go to community programs first)",
                record_s.factor,
                record_s,
            )
        )
    soap = data.soap_share(inputs.applicant_type)
    out += [
        Assumption.of(
            f"P(match | interviews) curve: {curve.name.lower()}",
            ", ".join(f"{k} -> {percent(curve.at(k))}" for k in (2, 5, 10)),
            curve,
        ),
        *_caps(data),
        Assumption.of("Range margin (log scale)", data.model.margin, data.model),
        Assumption.of(f"Unmatched {group}s placed through SOAP", f"{soap.placed_pct:g}%", soap),
        Assumption.of(
            "SOAP conversion for this profile (the group's, lowered where your adjustments are "
            "heavier than the group's average)",
            percent(soap_conversion(catalog, inputs)),
            data.soap_model,
        ),
        Assumption.of(
            f"Recommended mix: {preset.name}",
            f"{preset.academic}/{preset.mid_tier}/{preset.community}",
            preset,
        ),
    ]
    specialty_record = catalog.specialties[specialty]
    if quote.service == "eras":
        schedule = catalog.fee_schedule(fee_season)
        fee_note = season_label(fee_season, profile.cycle_year)
        out.append(Assumption.of("ERAS fee schedule", fee_note, schedule))
    elif specialty_record.application is not None:
        out.append(
            Assumption.of(
                "Application service",
                f"{quote.service_name}: no ERAS fee; matchtui holds no fee for it",
                specialty_record.application,
            )
        )
    return out


def _caps(data: MixFile) -> list[Assumption]:
    """The line (or lines) that give the highest interview chance of one application."""
    caps = data.yield_caps
    if caps is None:
        return [
            Assumption.of(
                "Highest interview chance of one application", data.model.p_max, data.model
            )
        ]
    return [
        Assumption.of(
            "Highest interview chance of one application (with a signal / without one)",
            f"{yield_cap(data, signalled=True):g} / {yield_cap(data, signalled=False):g}",
            caps,
        )
    ]


def _step3_booked(profile: Profile, catalog: Catalog, today: dt.date | None) -> list[Assumption]:
    """The line that says how a booked Step 3 (or Level 3) was read for the no_step3
    adjustment, by the Reality check's rule (engine.assess.step3_booking), when the
    adjustment is one the profile can carry and the exam is booked with a date (none
    otherwise)."""
    if not _step3_expected(profile, catalog):
        return []
    from matchtui.engine.assess import step3_booking

    booking = step3_booking(profile, catalog, today)
    if booking is None:
        return []
    from matchtui.models.risk_rules import ReadinessFile

    rule = catalog.get("readiness.toml", ReadinessFile).step3
    name = profile.exams.third.name
    deadline = booking.rank_deadline.date.isoformat()
    if booking.gone_by:
        value = (
            "the day booked has gone by with no result in the Profile: counted as not taken "
            "until you record it (passed, with the year, or a new date), as the Reality check "
            "asks"
        )
    elif booking.late:
        value = (
            f"its result comes about {booking.result_day.isoformat()}, after rank lists close "
            f"({deadline}): counted as not taken for this Match"
        )
    else:
        value = (
            f"its result should be in about {booking.result_day.isoformat()}, before rank "
            f"lists close ({deadline}): counted as booked in time"
        )
    return [
        Assumption.of(
            f"{name} booked for {booking.sitting.isoformat()} (results take about "
            f"{rule.results_weeks} weeks)",
            value,
            rule,
        )
    ]


def _cycles_counted(profile: Profile) -> str:
    """What the earlier-cycles count holds when a preliminary year is part of it: " (1
    unmatched, 1 ending in a preliminary year only)", so that the count reads beside the
    Reality check's "Went unmatched before (1 cycle)"; "" when every cycle counted went
    unmatched."""
    history = profile.history
    prelim = history.preliminary_only
    if not prelim:
        return ""
    missed = history.serious - prelim
    parts = [f"{missed} unmatched"] if missed else []
    parts.append(f"{prelim} ending in a preliminary year only")
    return " (" + ", ".join(parts) + ")"


def _weak_clinical(profile: Profile, catalog: Catalog, data: MixFile) -> list[Assumption]:
    """The line that says how a weak role (an observership) was read for the clinical gap,
    when the profile has one (none otherwise)."""
    reading = clinical_reading(profile, catalog)
    if not reading.weak:
        return []
    from matchtui.models.profile import ROLE_LABELS

    weak = data.weak_clinical
    read = reading.estimate_gap_months(weak.month_credit)
    ended = "ongoing" if reading.since == 0 else f"ended {plural(reading.since, 'month')} ago"
    return [
        Assumption.of(
            f"{ROLE_LABELS[reading.role]} months against the clinical gap ({weak.month_credit:g} "
            "month of the gap closed per month; weaker than a clinical job)",
            f"{plural(reading.months, 'month')}, {ended}; {reading.hands_on_note()}: "
            f"read as {round(read, 2):g} months without clinical work",
            weak,
        )
    ]


def heaviest(catalog: Catalog, data: MixFile, specialty: str, inputs: Inputs) -> list[str]:
    """What weighs on the estimate most, heaviest first (at most two), as a sentence names them;
    the low-chance warning and the notes that reconcile the Reality check with a low estimate
    read the same list.

    Each factor is weighed by what it changes against the group's own baseline, so the pieces
    add up to the applicant term less a US MD senior's with no score: the group by its average
    member (fitted offset, the score of a member who enters none, the cohort's mean
    adjustments) against that senior; the Step 2 CK score against the group's member who enters
    none; each adjustment against its mean over the group's cohort. A score or an adjustment
    the group's baseline already carries (a prior graduate's 234 in internal medicine, the
    unmatched seniors' mean) changes nothing and is never named."""
    rules = data.warnings
    kind = inputs.applicant_type
    typical = cohort_adjustments(catalog, kind, "point")
    no_score = score_term(catalog, specialty, None, kind)
    weights: list[tuple[float, str]] = []
    if not kind.endswith("_senior"):  # a group far below the seniors' rate
        offset = data.fitted.type_offsets[kind][SETTINGS.index("point")]
        anchor = data.type_anchor(kind)
        group = APPLICANT_TYPE_LABELS[kind]
        group = group[0].lower() + group[1:] if group[1:2].islower() else group
        senior = score_term(catalog, specialty, None, SENIOR_TYPE)
        weights.append(
            (
                offset + no_score - senior + sum(typical.values()),
                f"applying as a {group} ({anchor.published_pct:g}% of them matched in "
                f"{anchor.year})",
            )
        )
    if inputs.step2 is not None:
        weights.append(
            (
                score_term(catalog, specialty, inputs.step2, kind) - no_score,
                f"your Step 2 CK score ({inputs.step2:g})",
            )
        )
    terms = adjustment_terms(data, inputs, "point")
    for adj in data.adjustments:
        label = adj.label[0].lower() + adj.label[1:]
        weights.append(
            (terms[adj.id] - typical[adj.id], f"{label} ({adj.amount(inputs.value(adj.id))})")
        )
    return [what for term, what in sorted(weights) if term <= -rules.weighs_min][:2]


def _low_chance(
    catalog: Catalog,
    data: MixFile,
    factors: Factors,
    mix: MixPlan,
    inputs: Inputs,
    preset: Preset,
    p_match: float,
    point: int | None,
) -> str:
    """The low-chance warning: what weighs on the estimate most, heaviest first (`heaviest`),
    then only the changes this list and specialty leave open."""
    rules = data.warnings
    weighing = heaviest(catalog, data, factors.specialty, inputs)
    line = rules.low_p_match * 100
    # A chance that would round to 0% reads "under 1%" (`percent`).
    shown = f"{beside(p_match * 100, [line])}%"
    if float(shown[:-1]) == 0:
        shown = percent(p_match, prose=True)
    text = f"The estimated chance of matching is {shown}, below {percent(rules.low_p_match)}."
    if weighing:
        text += " What weighs on it most: " + ", then ".join(weighing) + "."
    steps = []
    if point is None or point > mix.applications:
        steps.append("more applications still raise it")
    if mix.community_pct < preset.community:
        steps.append(
            f"a larger community share helps (the list recommended for you has {preset.community}%)"
        )
    if factors.band != "low":
        steps.append("a more open specialty would raise it")
    if steps:
        text += " " + "; ".join(steps)[0].upper() + "; ".join(steps)[1:] + "."
    return text


class _Fallback(NamedTuple):
    """What the estimate says of the fallback: nothing beside the SOAP figure, and a parallel
    plan at the end of a low chance, unless the applicant is in a residency now."""

    placed_note: str = ""
    low_chance_close: str = "Keep a parallel plan ready."


def _in_training(profile: Profile, data: MixFile) -> _Fallback:
    """mix.toml [in_training] for one in a residency now: their current program is the
    fallback, not SOAP alone (the default wording for anyone else)."""
    wording = data.in_training
    if wording is None or not profile.in_training:
        return _Fallback()
    return _Fallback(wording.placed_note, wording.low_chance_close)


def _warnings(
    profile: Profile,
    catalog: Catalog,
    data: MixFile,
    factors: Factors,
    tier: RiskTier,
    mix: MixPlan,
    in_region: int,
    p_match: float,
    point: int | None,
    programs: ProgramList | None,
    inputs: Inputs,
    preset: Preset,
    tally: ListTally | None = None,
) -> list[MixWarning]:
    from matchtui.engine.assess import student_graduation_note

    rules = data.warnings
    out: list[MixWarning] = []
    if (slip := student_graduation_note(profile, catalog)) is not None:
        out.append(
            MixWarning(
                id="student_graduation",
                text=(
                    f"{slip}: this estimate reads you as a final-year senior in this Match. "
                    "Check the graduation year and the Match year in the profile."
                ),
            )
        )
    if graduated := graduated_by_note(profile, catalog):
        out.append(MixWarning(id="graduated_by_match", text=graduated))
    if not any(target in catalog.specialties for target in profile.targets.specialties):
        name = catalog.specialty_name(mix.specialty)
        out.append(
            MixWarning(
                id="no_target_specialty",
                text=(
                    f"Your profile lists no target specialty, so this estimate is for {name}. "
                    "Choose the specialty you mean, and list it under your targets in the "
                    "profile so every pane reads it."
                ),
            )
        )
    by_risk = rules.top_heavy_by_risk[tier]
    by_band = rules.top_heavy_by_band[factors.band]  # type: ignore[index]
    limit = min(by_risk, by_band)
    if mix.academic_pct > limit:
        why = (
            f"a {tier} re-entry risk"
            if by_risk <= by_band
            else f"a {factors.band.replace('_', ' ')}-competition specialty"
        )
        out.append(
            MixWarning(
                id="top_heavy",
                text=(
                    f"{mix.academic_pct}% academic programs is top-heavy for {why}: keep it to "
                    f"{limit}% or less. A list aimed mainly at the big academic names is the "
                    "prestige gambler's mistake."
                ),
            )
        )
    if profile.is_returner and (
        mix.region_share_pct < rules.few_in_region_min_pct
        or in_region < rules.few_in_region_min_count
    ):
        region = catalog.region_name(profile.targets.region)
        out.append(
            MixWarning(
                id="few_in_region",
                text=(
                    f"Only {in_region} of {plural(mix.applications, 'program')} "
                    f"({mix.region_share_pct}%) {'is' if in_region == 1 else 'are'} in the "
                    f"{region}, where you want to go back: aim for at least "
                    f"{plural(rules.few_in_region_min_count, 'program')} and "
                    f"{rules.few_in_region_min_pct}% there."
                ),
            )
        )
    if point is not None and mix.applications > point + rules.diminishing_slack:
        out.append(
            MixWarning(
                id="past_diminishing_returns",
                text=(
                    f"Beyond about {point} applications, each further "
                    f"{data.model.diminishing_step} raise your chance of matching by less than "
                    f"{data.model.diminishing_gain_rel_pct:g}% of itself with this mix; "
                    f"{mix.applications} is well past that."
                ),
            )
        )
    if (below := _below_spread(profile, catalog, mix.specialty)) is not None:
        out.append(MixWarning(id="below_score_spread", text=below))
    if p_match < rules.low_p_match:
        text = _low_chance(catalog, data, factors, mix, inputs, preset, p_match, point)
        out.append(
            MixWarning(
                id="low_p_match",
                text=f"{text} {_in_training(profile, data).low_chance_close}",
            )
        )
    if programs is not None:
        years = profile.years_since_graduation
        over: Sequence[Program] = (
            tally.over_limit()
            if tally is not None and tally.fits(programs, profile)
            else [
                p
                for p in programs.programs
                if p.active and p.yog_limit_years is not None and years > p.yog_limit_years
            ]
        )
        if over:
            names = _names(over)
            count = len(over)
            out.append(
                MixWarning(
                    id="yog_cutoff",
                    text=(
                        f"{count} program{'s' if count != 1 else ''} on your list "
                        f"{'take' if count != 1 else 'takes'} graduates only up to a set number "
                        f"of years out, and you are {plural(years, 'year')} out: {names}."
                    ),
                )
            )
        no_visa: Sequence[Program] = (
            tally.no_visa()
            if tally is not None and tally.fits(programs, profile)
            else [
                p
                for p in programs.programs
                if profile.needs_visa and p.active and p.visa_sponsor is False
            ]
        )
        if no_visa:
            count = len(no_visa)
            out.append(
                MixWarning(
                    id="no_visa",
                    text=(
                        f"{count} program{'s' if count != 1 else ''} on your list "
                        f"{'sponsor' if count != 1 else 'sponsors'} no visa, and you need one "
                        f"to train: {_names(no_visa)}."
                    ),
                )
            )
    return out


def _below_spread(profile: Profile, catalog: Catalog, specialty: str) -> str | None:
    """The warning for a Step 2 CK below the lowest score of the specialty's spread, the box the
    Specialties chart draws (engine.exams.below_spread), else None: the score curve is fitted to
    group means and knows nothing of how few match from that low, so the figure is a ceiling."""
    from matchtui.engine.exams import below_spread

    spread = below_spread(profile, catalog, specialty)
    if spread is None:
        return None
    name = catalog.specialty_name(specialty)
    means = catalog.specialties[specialty].step2_means
    curve = (
        "its score part is a curve fitted to two group means (matched "
        f"{means.matched}, unmatched {means.unmatched}), which says nothing of how few match "
        "from a score this low"
        if means is not None and score_anchor(catalog, specialty) is not None
        else f"it has no score curve for {name}, so your score does not move it"
    )
    return (
        f"Your Step 2 CK of {profile.exams.step2_score} is below the lowest {name} score "
        f"({spread.min}) in the spread the Specialties chart draws ({spread.min}-{spread.max}; "
        f"{spread.reliability}, {spread.source}). This estimate does not see that: {curve}. "
        "Read its chance of matching as an upper bound."
    )


def _names(programs: Sequence[Program]) -> str:
    """The first five programs' names, then "..." when there are more."""
    return "; ".join(p.name for p in programs[:5]) + ("; ..." if len(programs) > 5 else "")


def estimate_list(
    profile: Profile,
    catalog: Catalog,
    programs: ProgramList,
    specialty: str,
    verdict: Verdict,
    today: dt.date | None = None,
) -> ListEstimate:
    """The estimate for the actual list: each active program of `specialty` with its own tier,
    region (from its state) and signal; a program that cannot take the applicant (it sponsors
    no visa and they need one, or they are past its years-out limit and it has not invited
    them: engine.programs.closed_to, the rule the rank list and the SOAP kit use too) counts as
    no chance. What the season has already told is not guessed: a program that invited counts
    as an interview, one that rejected as none. `invited` counts every program of the list
    that invited, as the tracker does, those that cannot take the applicant among them
    (`invited_closed`). Exact per-application Poisson-binomial. `today`: as for `estimate`."""
    from matchtui.engine.programs import Eligibility, closed_to
    from matchtui.engine.tracker import reached_invited

    factors = resolve(profile, catalog, specialty, verdict, today=today)
    region = profile.targets.region
    who = Eligibility.of(profile)
    tier_index = {"academic": 0, "mid_tier": 1, "community": 2}
    signals_left = factors.signals_available
    probabilities: list[float] = []
    excluded = 0
    mine = [p for p in programs.programs if p.active and p.specialty == specialty]
    invited = invited_closed = rejected = closed = 0
    for program in mine:
        why = closed_to(program, who)
        told = reached_invited(program)
        invited += told
        if why == "no_visa":
            closed += 1
            invited_closed += told
            probabilities.append(0.0)
            continue
        if program.status == "rejected":
            rejected += 1
            probabilities.append(0.0)
            continue
        if told:
            probabilities.append(1.0)
            continue
        if why == "over_limit":
            excluded += 1
            probabilities.append(0.0)
            continue
        x = factors.base * factors.tiers[tier_index[program.tier]]
        cap = factors.p_plain
        if program.signalled and signals_left > 0:
            signals_left -= 1
            x *= factors.signal
            cap = factors.p_max
        if catalog.region_of_state.get(program.state) == region:
            x *= factors.ties
        probabilities.append(min(cap, x))
    pmf = pmf_of_probabilities(probabilities, factors.top)
    return ListEstimate(
        specialty=specialty,
        programs=len(mine),
        expected_interviews=round(sum(probabilities), 4),
        p_interviews_at_least={
            k: stored_chance(v) for k, v in at_least_of(pmf, factors.at_least).items()
        },
        p_match=stored_chance(p_match_of(pmf, factors.curve, factors.top)),
        excluded_over_limit=excluded,
        invited=invited,
        invited_closed=invited_closed,
        rejected=rejected,
        excluded_no_visa=closed,
    )
