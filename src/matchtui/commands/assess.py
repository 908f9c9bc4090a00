"""`matchtui assess [--profile F] [--json]`: the Reality check as JSON or a readable sheet."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from matchtui.catalog import Catalog
from matchtui.commands import note_match_year
from matchtui.engine.assess import assess, records_matter, records_of, story_shown
from matchtui.errors import FileProblems
from matchtui.models.assessment import Assessment
from matchtui.models.profile import STAGE_LABELS, Profile
from matchtui.models.verdict import LIKELIHOOD_LABELS
from matchtui.store import PROGRAMS
from matchtui.workspace import Workspace

if TYPE_CHECKING:
    from matchtui.models.plan import PlanFile
    from matchtui.models.programs import ProgramList

WIDTH = 100


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    path = Path(args.profile) if args.profile else None
    profile = workspace.load_profile(path)
    plan: PlanFile | None = None
    programs: ProgramList | None = None
    if path is None:  # the saved plan and list belong to the saved profile, not to a file given
        try:
            plan = workspace.load_plan()
        except FileProblems as exc:
            print(f"matchtui: note: program mix ignored: {exc.summary()}", file=sys.stderr)
        # In its season, the next actions follow what the saved plan and program list record
        # of the applications (engine.assess.applications_gone), as the late-season note
        # below reads them. A list that does not load records nothing.
        # (No file, no list: its model is not even imported, as --json keeps its import budget.)
        if records_matter(profile, workspace.catalog, args.today) and workspace.store.exists(
            PROGRAMS
        ):
            with suppress(FileProblems):
                programs = workspace.load_programs()
    records = records_of(plan, programs.programs if programs is not None else None)
    mix = plan.mix if plan is not None else None
    result = assess(profile, workspace.catalog, mix, args.today, records)
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2))
    else:  # a person reading, not a script (--json keeps its import budget)
        note_match_year(workspace, profile, args.today, saved=path is None, programs=programs)
        print(sheet(result, profile, workspace.catalog))
    return 0


def _wrap(text: str, indent: int = 2, hang: int = 4) -> list[str]:
    import textwrap  # only the readable sheet wraps (--json does not)

    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_on_hyphens=False,
    ) or [""]


def _heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def sheet(result: Assessment, profile: Profile, catalog: Catalog) -> str:
    """A readable plain-text Reality check (what `matchtui assess` prints)."""
    who = profile.applicant.name or "Applicant"
    kind = [STAGE_LABELS[profile.applicant.stage].lower(), *profile.path_labels()]
    lines = [f"Reality check: {who}, {result.cycle_year} Match ({', '.join(kind)})"]

    risk = result.risk
    lines += _heading(f"Re-entry risk: {risk.tier.replace('_', ' ').upper()}")
    lines += _wrap(risk.reason)
    if risk.statement:
        lines += _wrap(f"PLAINLY: {risk.statement}")
    if risk.factors:
        label_w = max(len(f.label) for f in risk.factors)
        value_w = max(len(f.value) for f in risk.factors)
        for f in risk.factors:
            lines.append(f"  {f.label:<{label_w}}  {f.value:<{value_w}}  {f.level}")
            lines += _wrap(f"why: {f.reason} [{f.rule}; {f.source}, {f.reliability}]", 4)

    bh = result.back_home
    lines += _heading(f"{bh.heading}: {LIKELIHOOD_LABELS[bh.likelihood].upper()}")
    for reason in bh.reasons:
        lines += _wrap(f"- {reason}")
    if bh.applicable:
        lines += _wrap(f"[{bh.rule}; {bh.source}, {bh.reliability}]")

    lines += _heading(f"Archetypes: {len(result.archetypes) or 'none'} flagged")
    for arch in result.archetypes:
        lines += _wrap(f"! {arch.name}: {arch.reason}")
        for item in arch.evidence:
            lines += _wrap(f"- {item}", 4)

    letters = result.letters
    lines += _heading(f"Letters: {letters.verdict}")
    for reason in letters.reasons:
        lines += _wrap(f"- {reason}")

    step3 = result.step3
    lines += _heading(f"{step3.exam}: {step3.verdict.replace('_', ' ')}")
    lines += _wrap(step3.reason)

    if (scores := result.score_note) is not None:
        lines += _heading("Exam scores and the estimate")
        lines += _wrap(scores.text)
        lines += _wrap(f"[{scores.rule}; {scores.source}, {scores.reliability}]")

    lines += _heading("Target specialties")
    if not result.specialties:
        lines += _wrap("No target specialty chosen yet.")
    for spec in result.specialties:
        lines += _wrap(f"{spec.rank}. {spec.name}: {spec.feasibility}. {spec.reason}")
        if spec.pivots:
            names = ", ".join(catalog.specialty_name(p) for p in spec.pivots)
            lines += _wrap(f"more open options: {names}", 5)

    cycles = result.cycles
    lines += _heading(f"Cycles: {cycles.verdict.replace('_', ' ')}")
    lines += _wrap(cycles.reason)

    lines += _heading("Your stories")
    for story in result.stories:
        lines += _wrap(f"- {story.label}: {story_shown(story)}")

    lines += _heading("Next actions")
    if not result.actions:
        lines += _wrap("Nothing pressing: keep the plan going.")
    for action in result.actions:
        lines += _wrap(f"{action.priority}. {action.text}", 2, 3)
        lines += _wrap(f"because: {action.finding}", 5)

    lines.append("")
    if result.illustrative:
        lines += _wrap(
            "Some of these rules rest on illustrative figures from advice articles or on "
            "matchtui's own assumptions; `matchtui data check` shows where the rule files live.",
            0,
            0,
        )
    return "\n".join(lines)
