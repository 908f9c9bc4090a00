"""`matchtui mix`: counts, interviews, P(match), fees and warnings for a program mix."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from matchtui.commands import note_match_year
from matchtui.engine.mix import default_specialty, estimate, placed_figure, recommended_mix
from matchtui.engine.wording import percent, percent_span, plural
from matchtui.errors import UsageError
from matchtui.filenames import PROGRAMS
from matchtui.models.base import RELIABILITY_LABELS
from matchtui.models.mix import APPLICANT_TYPE_LABELS, TIER_LABELS, TIERS, MixEstimate
from matchtui.models.plan import MixPlan
from matchtui.workspace import Workspace

if TYPE_CHECKING:
    from matchtui.models.profile import Profile


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalog = workspace.catalog
    profile = workspace.load_profile(Path(args.profile) if args.profile else None)
    if args.specialty is not None and args.specialty not in catalog.specialties:
        from matchtui.suggest import did_you_mean

        hint = did_you_mean(
            args.specialty, catalog.specialty_words, "matchtui data list specialties"
        )
        raise UsageError(f"--specialty: unknown specialty {args.specialty!r}{hint}")
    specialty = args.specialty or default_specialty(profile, catalog)
    plan = _starting_plan(workspace, args, specialty, profile)
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
    # The list is read only for its warnings (programs over a graduation limit), so without one
    # the estimate gets none and the list's models are not even defined (~1.5 ms).
    programs = workspace.load_programs() if workspace.store.exists(PROGRAMS) else None
    result = estimate(profile, catalog, plan, programs, today=args.today)
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2))
    else:  # a person reading, not a script (--json keeps its import budget); the input is
        # known good by now, so a usage error stays the one line it is
        saved = args.profile is None
        note_match_year(workspace, profile, args.today, saved=saved, programs=programs)
        print(render_text(result, catalog.region_name(profile.targets.region)))
    return 0


def _starting_plan(
    workspace: Workspace, args: argparse.Namespace, specialty: str, profile: Profile
) -> MixPlan:
    """The saved plan for this specialty (own profile only), else the recommended preset for
    `profile` (the one just loaded: not read and validated a second time)."""
    if args.profile is None:
        saved = workspace.load_plan().mix
        if saved is not None and saved.specialty == specialty:
            return saved
    return recommended_mix(profile, workspace.catalog, specialty, today=args.today)


def estimate_lines(result: MixEstimate, region_name: str) -> list[str]:
    """The three figures, each range first, with words saying what each one means."""
    lines = [
        f"Chance of matching anywhere in {result.specialty_name}: "
        f"{percent_span(*result.p_match_range)} "
        f"(point {percent(result.p_match)}; {APPLICANT_TYPE_LABELS[result.applicant_type]}, "
        f"re-entry risk: {result.risk_tier.replace('_', ' ')})",
    ]
    if result.p_match_in_region is not None and result.p_match_in_region_range is not None:
        lines.append(
            f"Chance of matching in your target region, the {region_name}: "
            f"{percent_span(*result.p_match_in_region_range)} "
            f"(point {percent(result.p_match_in_region)})"
        )
        if result.region_note:
            lines.append(result.region_note)
    lines.append(": ".join(placed_figure(result)))
    if result.placed_note:
        lines.append(result.placed_note)
    lines.append(
        ("Calibrated. " if result.calibrated else "Not fully calibrated. ")
        + result.calibration_note
    )
    if result.range_note:
        lines.append(result.range_note)
    if result.score_note:
        lines.append(result.score_note)
    return lines


def render_text(result: MixEstimate, region_name: str) -> str:
    lines = [
        f"Program mix: {result.specialty_name}, {plural(result.total, 'application')}"
        + (" (estimate; some inputs are assumptions)" if result.illustrative else " (estimate)"),
    ]
    shares = result.shares.model_dump()
    counts = result.counts.model_dump()
    for tier in TIERS:
        word = "program" if counts[tier] == 1 else "programs"
        lines.append(f"  {TIER_LABELS[tier]:<10} {shares[tier]:>3}%  {counts[tier]:>3} {word}")
    lines.append(
        f"  In the {region_name}: {result.region_share_pct}% = "
        f"{plural(result.in_region, 'program')}; "
        f"signals used: {result.signals_used} of {result.signals_available}"
    )
    at_least = "  ".join(f"P(>={k}) {percent(p)}" for k, p in result.p_interviews_at_least.items())
    lines.append(f"Expected interviews: {result.expected_interviews:.1f}   {at_least}")
    lines += estimate_lines(result, region_name)
    point = result.diminishing_returns_at
    lines.append(
        f"Diminishing returns: past about {point} applications"
        if point is not None
        else "Diminishing returns: not reached within 200 applications"
    )
    if result.fees_usd is None:
        lines.append(
            f"Fees: {result.specialty_name} applies through {result.application_service_name}, "
            "not ERAS; matchtui holds no fee for it"
        )
    else:
        stand_in = f" ({result.fee_stand_in})" if result.fee_stand_in else ""
        lines.append(f"ERAS fees ({result.fee_season} season): ${result.fees_usd:,}{stand_in}")
    preset = result.preset
    lines.append(
        f"Recommended for this profile: {preset.name} "
        f"({preset.mix.academic}/{preset.mix.mid_tier}/{preset.mix.community}, "
        f"{preset.applications} applications, {preset.region_share_pct}% in region; "
        f"{RELIABILITY_LABELS[preset.reliability]}, {preset.source})"
    )
    if preset.note:
        lines.append(f"  {preset.note}")
    if result.warnings:
        lines.append("Warnings:")
        lines += [f"  - {w.text}" for w in result.warnings]
    lines.append("Assumptions:")
    lines += [
        f"  - {a.name}: {a.value} ({RELIABILITY_LABELS[a.reliability]}, {a.source})"
        for a in result.assumptions
    ]
    return "\n".join(lines)
