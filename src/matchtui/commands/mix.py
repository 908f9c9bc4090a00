"""`matchtui mix`: counts, interviews, P(match), fees and warnings for a program mix."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from matchtui.engine.mix import default_specialty, estimate, recommended_mix
from matchtui.errors import UsageError
from matchtui.models.mix import TIER_LABELS, TIERS, MixEstimate
from matchtui.models.plan import MixPlan
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalog = workspace.catalog
    profile = workspace.load_profile(Path(args.profile) if args.profile else None)
    if args.specialty is not None and args.specialty not in catalog.specialties:
        raise UsageError(f"--specialty: unknown specialty {args.specialty!r} (see matchtui data)")
    specialty = args.specialty or default_specialty(profile, catalog)
    plan = _starting_plan(workspace, args, specialty)
    update: dict[str, object] = {}
    if args.apps is not None:
        update["applications"] = args.apps
    if args.mix is not None:
        update["academic_pct"], update["mid_tier_pct"], update["community_pct"] = args.mix
    if args.region_share is not None:
        update["region_share_pct"] = args.region_share
    if args.signals is not None:
        available = catalog.specialties[specialty].signals
        limit = available.total if available else 0
        if not 0 <= args.signals <= limit:
            raise UsageError(
                f"--signals: {catalog.specialty_name(specialty)} allows 0-{limit} signals, "
                f"not {args.signals}"
            )
        update["signals_used"] = args.signals
    plan = MixPlan.model_validate({**plan.model_dump(), **update})
    programs = workspace.load_programs()
    result = estimate(profile, catalog, plan, programs)
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2))
    else:
        print(render_text(result, catalog.region_name(profile.targets.region)))
    return 0


def _starting_plan(workspace: Workspace, args: argparse.Namespace, specialty: str) -> MixPlan:
    """The saved plan for this specialty (own profile only), else the recommended preset."""
    if args.profile is None:
        saved = workspace.load_plan().mix
        if saved is not None and saved.specialty == specialty:
            return saved
    profile = workspace.load_profile(Path(args.profile) if args.profile else None)
    return recommended_mix(profile, workspace.catalog, specialty)


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def render_text(result: MixEstimate, region_name: str) -> str:
    lines = [
        f"Program mix: {result.specialty_name}, {result.total} applications"
        + (" (estimate; some inputs are assumptions)" if result.illustrative else " (estimate)"),
    ]
    shares = result.shares.model_dump()
    counts = result.counts.model_dump()
    for tier in TIERS:
        lines.append(f"  {TIER_LABELS[tier]:<10} {shares[tier]:>3}%  {counts[tier]:>3} programs")
    lines.append(
        f"  In the {region_name}: {result.region_share_pct}% = {result.in_region} programs; "
        f"signals used: {result.signals_used} of {result.signals_available}"
    )
    at_least = "  ".join(f"P(>={k}) {_pct(p)}" for k, p in result.p_interviews_at_least.items())
    lines.append(f"Expected interviews: {result.expected_interviews:.1f}   {at_least}")
    lines.append(f"P(match): {_pct(result.p_match)}  (risk tier: {result.risk_tier})")
    point = result.diminishing_returns_at
    lines.append(
        f"Diminishing returns: past about {point} applications"
        if point is not None
        else "Diminishing returns: not reached within 200 applications"
    )
    lines.append(f"ERAS fees ({result.fee_season} season): ${result.fees_usd:,}")
    preset = result.preset
    lines.append(
        f"Recommended for this profile: {preset.name} "
        f"({preset.mix.academic}/{preset.mix.mid_tier}/{preset.mix.community}, "
        f"{preset.applications} applications, {preset.region_share_pct}% in region; "
        f"{preset.reliability}, {preset.source})"
    )
    if result.warnings:
        lines.append("Warnings:")
        lines += [f"  - [{w.id}] {w.text}" for w in result.warnings]
    lines.append("Assumptions:")
    lines += [f"  - {a.name}: {a.value} ({a.reliability}, {a.source})" for a in result.assumptions]
    return "\n".join(lines)
