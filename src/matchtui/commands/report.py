"""`matchtui report [--profile F] [--format md|text] [-o FILE] [--force]`: the advisor report.

Printed to stdout by default. With -o the file is written atomically and an existing file is
never replaced without --force (exit 2, one line). The app's export uses `report_for` too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from matchtui.engine.report import build_report, to_markdown, to_text
from matchtui.errors import FileProblems, UsageError
from matchtui.models.plan import PlanFile
from matchtui.models.practice import PracticeLog
from matchtui.models.profile import Profile
from matchtui.models.programs import ProgramList
from matchtui.workspace import Workspace


def report_for(
    workspace: Workspace,
    profile: Profile,
    today: dt.date,
    *,
    fmt: str = "md",
    use_saved: bool = True,
    profile_label: str = "",
    plan: PlanFile | None = None,
) -> tuple[str, list[str]]:
    """The rendered report and a list of one-line warnings about files that could not be read.

    With `use_saved`, the applicant's saved plan, practice log and program list from the home
    folder go in; `plan` (the app's in-memory copy) is used instead of re-reading plan.toml.
    A file that cannot be read is left out with a note in its section, never fatal.
    """
    notes: dict[str, str] = {}
    warnings: list[str] = []
    practice: PracticeLog | None = None
    programs: ProgramList | None = None
    if use_saved:
        if plan is None:
            try:
                plan = workspace.load_plan()
            except FileProblems as exc:
                warnings.append(f"plan.toml left out: {exc.summary()}")
                notes["plan"] = notes["mix"] = f"plan.toml could not be read: {exc.summary()}"
        try:
            practice = workspace.load_practice()
        except FileProblems as exc:
            warnings.append(f"practice.toml left out: {exc.summary()}")
            notes["practice"] = f"practice.toml could not be read: {exc.summary()}"
        try:
            programs = workspace.load_programs()
        except FileProblems as exc:
            warnings.append(f"programs.toml left out: {exc.summary()}")
            notes["mix"] = f"programs.toml could not be read: {exc.summary()}"
    else:
        note = (
            "The saved program mix, plan status and practice log belong to the profile in the "
            "home folder, so they are left out of a report for another profile file."
        )
        notes = {"mix": note, "practice": note, "plan": note}
        plan = None
    report = build_report(
        profile,
        workspace.catalog,
        today=today,
        plan=plan,
        practice=practice,
        programs=programs,
        notes=notes,
        profile_label=profile_label,
    )
    return (to_markdown(report) if fmt == "md" else to_text(report)), warnings


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    # "-" is standard output, as for an answer file read from standard input.
    output = Path(args.output) if args.output and args.output != "-" else None
    if output is not None:
        if output.is_dir():
            raise UsageError(f"{output} is a folder; give a file name for the report")
        if output.exists() and not args.force:
            raise UsageError(f"{output} exists; use --force to overwrite it")
        if not output.parent.is_dir():
            raise UsageError(f"folder {output.parent} does not exist")
    path = Path(args.profile) if args.profile else None
    profile = workspace.load_profile(path)
    text, warnings = report_for(
        workspace,
        profile,
        getattr(args, "today", None) or dt.date.today(),
        fmt=args.format,
        use_saved=path is None,
        profile_label=str(path) if path is not None else "",
    )
    for warning in warnings:
        print(f"matchtui: note: {warning}", file=sys.stderr)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        workspace.export(output, text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    print(f"Report written to {output}", file=sys.stderr)
    return 0


def export_path(folder: Path, today: dt.date, suffix: str = "md") -> Path:
    """report-YYYY-MM-DD.md in `folder`, or report-YYYY-MM-DD-2.md, -3, ... if taken."""
    stem = f"report-{today.isoformat()}"
    candidate = folder / f"{stem}.{suffix}"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{number}.{suffix}"
        number += 1
    return candidate


def export_report(
    workspace: Workspace, profile: Profile, plan: PlanFile | None, today: dt.date
) -> Path:
    """The app's export: the Markdown report written into the home folder under a new name
    (report-YYYY-MM-DD.md, then -2, -3, ...), atomically. Returns the path written."""
    text, _ = report_for(workspace, profile, today, plan=plan)
    workspace.store.ensure_home()
    return workspace.export(export_path(workspace.home, today), text)
