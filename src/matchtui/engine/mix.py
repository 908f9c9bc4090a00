"""The program-mix estimate: counts per tier, interviews, P(match), fees, warnings. Pure.

The model, kept as simple and explicit as the product spec asks:

* Counts. The list of N applications is split into academic / mid-tier / community by largest
  remainder applied at each tier boundary: community = N x c rounded, community + mid-tier =
  N x (c + m) rounded, academic takes the rest. Every count is its exact share rounded down or
  up, the counts always sum to N, and (unlike a three-way Hamilton split, which suffers the
  Alabama paradox) no tier ever loses an application when N grows, nor when share moves
  towards community. Both properties are what make the estimate monotone.
* Interview probability of one application in tier t:
      p = min(p_max, base(band, applicant type) x tier factor x risk factor
                     x ties factor (target-region programs, if the applicant has a tie there)
                     x signal factor (signalled programs))
  Which programs lie in the target region is not known for a target mix, so each application
  is in the region with probability equal to the region share: its p is the average of the
  in-region and out-of-region values. Signals go to community programs first, then mid-tier,
  then academic.
* Interviews K: the Poisson-binomial of those p, computed exactly (applications with the same
  p form binomial blocks, which are convolved; no sampling). P(K >= k) follows.
* P(match) = sum over k of P(K = k) x curve(k), the specialty's curve from curves.toml (flat
  past its last point, so the tail beyond it is summed in one term).
* The diminishing-returns point: the smallest N past which 10 more applications (same mix)
  never add 1 percentage point or more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from typing import TYPE_CHECKING

from matchtui.engine.fees import eras_fee
from matchtui.models.base import SOFT_RELIABILITY
from matchtui.models.mix import (
    Anchor,
    Assumption,
    BaseRates,
    Curve,
    ListEstimate,
    MixEstimate,
    MixFile,
    MixWarning,
    Preset,
    PresetRef,
    RiskTier,
    SignalFactor,
    TierCounts,
    curves_data,
    mix_data,
)
from matchtui.models.plan import MixPlan
from matchtui.models.profile import DEGREE_LABELS

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.profile import Profile
    from matchtui.models.programs import ProgramList

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


# --- the applicant and the factors ------------------------------------------------------------
def applicant_type(profile: Profile) -> str:
    return profile.applicant.degree


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


def risk_tier_for(profile: Profile, catalog: Catalog, mix: MixPlan | None = None) -> RiskTier:
    """The Reality check's overall risk tier (its contract: assess(...).risk.tier)."""
    from matchtui.engine.assess import assess

    tier: RiskTier = assess(profile, catalog, mix).risk.tier
    return tier


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


@dataclass(frozen=True)
class Factors:
    """Everything the estimate multiplies, resolved for one profile and specialty."""

    specialty: str
    band: str
    applicant_type: str
    base: float
    tiers: tuple[float, float, float]
    risk: float
    ties: float  # 1.0 when the applicant has no tie to the target region
    signal: float
    p_max: float
    curve: tuple[float, ...]  # curve(0..top)
    top: int  # the estimate tracks interview counts below this (P(K >= k) up to k = top)
    curve_top: int  # the curve's last point: it is flat from there
    at_least: tuple[int, ...]
    signals_available: int


def resolve(profile: Profile, catalog: Catalog, specialty: str, risk_tier: RiskTier) -> Factors:
    data = mix_data(catalog)
    band = _band(catalog, specialty)
    kind = applicant_type(profile)
    curve = curves_data(catalog).for_specialty(specialty, band)
    top = max(curve.last_k, max(data.model.at_least))
    signals = catalog.specialties[specialty].signals
    return Factors(
        specialty=specialty,
        band=band,
        applicant_type=kind,
        base=_for(data.base_rates, specialty, band).of(kind),
        tiers=(
            data.tier_factors.academic,
            data.tier_factors.mid_tier,
            data.tier_factors.community,
        ),
        risk=data.risk_factor(risk_tier).factor,
        ties=data.ties.factor if has_ties(profile) else 1.0,
        signal=_signal_for(data.signal_factors, specialty, band).factor,
        p_max=data.model.p_max,
        curve=tuple(curve.table(top)),
        top=top,
        curve_top=curve.last_k,
        at_least=tuple(data.model.at_least),
        signals_available=signals.total if signals else 0,
    )


def cell_probability(factors: Factors, tier: int, region_pct: int, signalled: bool) -> float:
    """Interview probability of one application in `tier` (0 academic, 1 mid, 2 community)."""
    x = factors.base * factors.tiers[tier] * factors.risk
    if signalled:
        x *= factors.signal
    out_of_region = min(factors.p_max, x)
    in_region = min(factors.p_max, x * factors.ties)
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
    out: dict[int, float] = {}
    for k in ks:
        out[k] = min(1.0, max(0.0, 1.0 - sum(pmf[:k])))
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
    """Smallest n past which `step` more applications never add `gain` or more; None if the
    gain is still that large at the end of the range."""
    last = len(curve) - 1 - step
    if last < 1 or curve[last + step] - curve[last] >= gain:
        return None
    n = last
    while n > 1 and curve[n - 1 + step] - curve[n - 1] < gain:
        n -= 1
    return n


# --- presets ------------------------------------------------------------------------------------
def preset_for(profile: Profile, catalog: Catalog, specialty: str | None = None) -> Preset:
    """The first preset in mix.toml whose conditions match the profile (the last always does)."""
    data = mix_data(catalog)
    band = _band(catalog, specialty or default_specialty(profile, catalog))
    for preset in data.presets:
        when = preset.when
        if when.reentry is not None and when.reentry != profile.is_reentry:
            continue
        if when.img is not None and when.img != profile.is_img:
            continue
        if when.bands is not None and band not in when.bands:
            continue
        return preset
    return data.presets[-1]


def recommended_mix(profile: Profile, catalog: Catalog, specialty: str | None = None) -> MixPlan:
    """The recommended preset for this profile as a MixPlan (all available signals used)."""
    chosen = specialty or default_specialty(profile, catalog)
    preset = preset_for(profile, catalog, chosen)
    signals = catalog.specialties[chosen].signals
    return MixPlan(
        specialty=chosen,
        applications=preset.size.applications,
        academic_pct=preset.academic,
        mid_tier_pct=preset.mid_tier,
        community_pct=preset.community,
        region_share_pct=preset.size.region_share_pct,
        signals_used=min(signals.total if signals else 0, preset.size.applications),
    )


def _preset_ref(preset: Preset) -> PresetRef:
    return PresetRef(
        id=preset.id,
        name=preset.name,
        mix=TierCounts.of(preset.shares),
        applications=preset.size.applications,
        region_share_pct=preset.size.region_share_pct,
        source=preset.source,
        reliability=preset.reliability,
    )


# --- the estimate -------------------------------------------------------------------------------
def estimate(
    profile: Profile,
    catalog: Catalog,
    mix: MixPlan,
    programs: ProgramList | None = None,
    *,
    risk_tier: RiskTier | None = None,
) -> MixEstimate:
    """Counts, interviews, P(match), fees, warnings and assumptions for one target mix.

    `risk_tier` defaults to the Reality check's tier for the profile; a caller that already
    has it (the pane, per slider step) passes it to skip the assessment.
    """
    if mix.specialty not in catalog.specialties:
        raise ValueError(f"unknown specialty {mix.specialty!r}")
    tier = risk_tier or risk_tier_for(profile, catalog, mix)
    data = mix_data(catalog)
    factors = resolve(profile, catalog, mix.specialty, tier)
    total = mix.applications
    shares: Shares = (mix.academic_pct, mix.mid_tier_pct, mix.community_pct)
    signals = min(mix.signals_used, factors.signals_available, total)
    counts = apportion(total, shares)
    blocks = blocks_for(factors, total, shares, mix.region_share_pct, signals)
    pmf = pmf_of_blocks(blocks, factors.top)
    p_match = p_match_of(pmf, factors.curve, factors.top)
    by_apps = p_match_by_apps(factors, shares, mix.region_share_pct, signals)
    point = diminishing_point(
        by_apps, data.model.diminishing_step, data.model.diminishing_gain_pp / 100
    )
    fee_season, fees = _fees(catalog, profile, total)
    in_region = in_region_count(total, mix.region_share_pct)
    preset = preset_for(profile, catalog, mix.specialty)
    assumptions = _assumptions(profile, catalog, data, factors, tier, preset, fee_season, signals)
    warnings = _warnings(
        profile, catalog, data, factors, tier, mix, in_region, p_match, point, programs
    )
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
        applicant_type=profile.applicant.degree,
        expected_interviews=round(sum(n * p for n, p in blocks), 4),
        p_interviews_at_least={
            k: round(v, 6) for k, v in at_least_of(pmf, factors.at_least).items()
        },
        p_match=round(p_match, 6),
        diminishing_returns_at=point,
        fees_usd=fees,
        fee_season=fee_season,
        warnings=warnings,
        assumptions=assumptions,
        preset=_preset_ref(preset),
        illustrative=any(a.reliability in SOFT_RELIABILITY for a in assumptions),
        p_match_by_apps=by_apps,
    )


def fee_season_for(catalog: Catalog, profile: Profile) -> int:
    """The ERAS season feeding the profile's Match year, or the default when not published."""
    seasons = {s.season for s in catalog.fees.schedules}
    return profile.cycle_year if profile.cycle_year in seasons else catalog.fees.default_season


def _fees(catalog: Catalog, profile: Profile, total: int) -> tuple[int, int]:
    season = fee_season_for(catalog, profile)
    return season, eras_fee(catalog.fee_schedule(season), [total])


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _assumptions(
    profile: Profile,
    catalog: Catalog,
    data: MixFile,
    factors: Factors,
    tier: RiskTier,
    preset: Preset,
    fee_season: int,
    signals: int,
) -> list[Assumption]:
    base = _for(data.base_rates, factors.specialty, factors.band)
    curve: Curve = curves_data(catalog).for_specialty(factors.specialty, factors.band)
    risk = data.risk_factor(tier)
    tf = data.tier_factors
    what = "this specialty" if base.specialty else f"{factors.band.replace('_', ' ')} band"
    kind = DEGREE_LABELS.get(profile.applicant.degree, profile.applicant.degree)
    out = [
        Assumption.of(
            f"Base interview rate per application ({what}, {kind})",
            factors.base,
            base,
        ),
        Assumption.of(
            "Tier factors (academic / mid-tier / community)",
            f"{tf.academic:g} / {tf.mid_tier:g} / {tf.community:g}",
            tf,
        ),
        Assumption.of(
            f"Risk factor ({tier.replace('_', ' ')} re-entry risk)",
            risk.factor,
            risk,
        ),
        Assumption.of(
            "Ties factor for target-region programs",
            factors.ties if factors.ties != 1.0 else "not applied (no tie to the region)",
            data.ties,
        ),
    ]
    if signals > 0:
        record = _signal_for(data.signal_factors, factors.specialty, factors.band)
        out.append(
            Assumption.of(
                "Signal factor (signals go to community programs first)",
                record.factor,
                record,
            )
        )
    out += [
        Assumption.of(
            f"P(match | interviews) curve: {curve.name.lower()}",
            ", ".join(f"{k} -> {_pct(curve.at(k))}" for k in (2, 5, 10)),
            curve,
        ),
        Assumption.of(
            "Highest interview chance of one application",
            data.model.p_max,
            data.model,
        ),
        Assumption.of(
            f"Recommended mix: {preset.name}",
            f"{preset.academic}/{preset.mid_tier}/{preset.community}",
            preset,
        ),
    ]
    schedule = catalog.fee_schedule(fee_season)
    fee_note = f"{fee_season} season" + (
        f" (no schedule for {profile.cycle_year} yet)" if fee_season != profile.cycle_year else ""
    )
    out.append(
        Assumption.of(
            "ERAS fee schedule",
            fee_note,
            schedule,
        )
    )
    return out


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
) -> list[MixWarning]:
    rules = data.warnings
    out: list[MixWarning] = []
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
                    f"Only {in_region} of {mix.applications} programs ({mix.region_share_pct}%) "
                    f"are in the {region}, where you want to go back: aim for at least "
                    f"{rules.few_in_region_min_count} programs and {rules.few_in_region_min_pct}% "
                    "there."
                ),
            )
        )
    if point is not None and mix.applications > point + rules.diminishing_slack:
        out.append(
            MixWarning(
                id="past_diminishing_returns",
                text=(
                    f"Beyond about {point} applications, each further "
                    f"{data.model.diminishing_step} add less than "
                    f"{data.model.diminishing_gain_pp:g} percentage point with this mix; "
                    f"{mix.applications} is well past that."
                ),
            )
        )
    if p_match < rules.low_p_match:
        out.append(
            MixWarning(
                id="low_p_match",
                text=(
                    f"The estimated chance of matching is {_pct(p_match)}, below "
                    f"{_pct(rules.low_p_match)}: shift towards community programs, consider a "
                    "more open specialty, and keep a parallel plan ready."
                ),
            )
        )
    if programs is not None:
        years = profile.years_since_graduation
        over = [
            p
            for p in programs.programs
            if p.active and p.yog_limit_years is not None and years > p.yog_limit_years
        ]
        if over:
            names = "; ".join(p.name for p in over[:5]) + ("; ..." if len(over) > 5 else "")
            count = len(over)
            out.append(
                MixWarning(
                    id="yog_cutoff",
                    text=(
                        f"{count} program{'s' if count != 1 else ''} on your list "
                        f"{'take' if count != 1 else 'takes'} graduates only up to a set number "
                        f"of years out, and you are {years} years out: {names}."
                    ),
                )
            )
    return out


def estimate_list(
    profile: Profile,
    catalog: Catalog,
    programs: ProgramList,
    specialty: str,
    risk_tier: RiskTier,
) -> ListEstimate:
    """The estimate for the actual list: each active program of `specialty` with its own tier,
    region (from its state) and signal; a program whose years-since-graduation limit the
    applicant exceeds counts as no chance. Exact per-application Poisson-binomial."""
    factors = resolve(profile, catalog, specialty, risk_tier)
    region = profile.targets.region
    years = profile.years_since_graduation
    tier_index = {"academic": 0, "mid_tier": 1, "community": 2}
    signals_left = factors.signals_available
    probabilities: list[float] = []
    excluded = 0
    mine = [p for p in programs.programs if p.active and p.specialty == specialty]
    for program in mine:
        if program.yog_limit_years is not None and years > program.yog_limit_years:
            excluded += 1
            probabilities.append(0.0)
            continue
        x = factors.base * factors.tiers[tier_index[program.tier]] * factors.risk
        if program.signalled and signals_left > 0:
            signals_left -= 1
            x *= factors.signal
        if catalog.region_of_state.get(program.state) == region:
            x *= factors.ties
        probabilities.append(min(factors.p_max, x))
    pmf = pmf_of_probabilities(probabilities, factors.top)
    return ListEstimate(
        specialty=specialty,
        programs=len(mine),
        expected_interviews=round(sum(probabilities), 4),
        p_interviews_at_least={
            k: round(v, 6) for k, v in at_least_of(pmf, factors.at_least).items()
        },
        p_match=round(p_match_of(pmf, factors.curve, factors.top), 6),
        excluded_over_limit=excluded,
    )


# --- calibration --------------------------------------------------------------------------------
_FILL_SHARE = {
    "us_md": "us_md_pct",
    "us_do": "us_do_pct",
    "us_img": "us_img_pct",
    "non_us_img": "non_us_img_pct",
}


def anchor_profile(anchor: Anchor, catalog: Catalog, specialty: str) -> Profile:
    """A final-year student of the anchor's degree applying to `specialty`.

    With `anchor.ties` the target region is the home and training region; without, the
    applicant has no connection to it.
    """
    from matchtui.models.profile import Profile

    regions = list(catalog.regions)
    home = regions[0]
    target = home if anchor.ties else regions[1 % len(regions)]
    year = catalog.fees.default_season
    return Profile.model_validate(
        {
            "cycle_year": year,
            "applicant": {
                "stage": "student",
                "student_year": "m4",
                "degree": anchor.degree,
                "graduation_year": year,
                "visa": "needs_sponsorship" if anchor.degree == "non_us_img" else "none",
                "home_region": home,
                "current_region": home,
            },
            "targets": {"specialties": [specialty], "region": target},
        }
    )


def anchor_weight(anchor: Anchor, catalog: Catalog, specialty: str) -> float:
    """Positions filled by applicants of the anchor's degree in the specialty (2025 Match)."""
    fill = catalog.specialties[specialty].fill
    share = getattr(fill, _FILL_SHARE[anchor.degree], None) if fill else None
    if fill is None or fill.filled is None or share is None:
        return 0.0
    return float(fill.filled) * float(share) / 100


def anchor_estimate(anchor: Anchor, catalog: Catalog, specialty: str) -> MixEstimate:
    profile = anchor_profile(anchor, catalog, specialty)
    plan = recommended_mix(profile, catalog, specialty)
    update: dict[str, int] = {}
    if anchor.applications is not None:
        update["applications"] = anchor.applications
    if anchor.signals is not None:
        update["signals_used"] = anchor.signals
    plan = plan.model_copy(update=update)
    return estimate(profile, catalog, plan, risk_tier=anchor.risk_tier)


def anchor_value(anchor: Anchor, catalog: Catalog) -> float:
    """The model's P(match) in percent for the anchor (weighted over its specialties)."""
    if len(anchor.specialties) == 1:
        return 100 * anchor_estimate(anchor, catalog, anchor.specialties[0]).p_match
    weighted = total = 0.0
    for specialty in anchor.specialties:
        weight = anchor_weight(anchor, catalog, specialty)
        weighted += weight * anchor_estimate(anchor, catalog, specialty).p_match
        total += weight
    if total <= 0:
        raise ValueError(f"anchor {anchor.id}: no fill figures to weight its specialties")
    return 100 * weighted / total
