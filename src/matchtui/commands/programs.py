"""`matchtui programs import FILE`: add programs from CSV or TOML to programs.toml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matchtui.engine.programs import merge, read_import
from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
from matchtui.safetext import one_line
from matchtui.store import PROGRAMS
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.programs_command != "import":  # argparse only allows "import" today
        return 2
    path = Path(args.file)
    result = read_import(path, workspace.catalog)
    problems = [one_line(f"{p.where(path)}: {p.message}") for p in result.problems]
    bad = len(problems)
    if result.fatal or (bad == 1 and not args.skip_bad):
        # One problem: one line, the problem itself.
        what = problems[0] if problems else str(path)
        advice = "" if result.fatal else " (fix it, or use --skip-bad to import the good rows)"
        print(f"matchtui: error: {what}; nothing imported{advice}", file=sys.stderr)
        return 2
    for line in problems:
        print(line, file=sys.stderr)
    if bad and not args.skip_bad:
        print(
            f"matchtui: error: {bad} bad rows in {path}; nothing imported (fix them, or use "
            "--skip-bad to import the good rows)",
            file=sys.stderr,
        )
        return 2
    store = workspace.store
    existing = (
        store.load(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)
        if store.exists(PROGRAMS)
        else ProgramList()
    )
    merged, duplicates = merge(existing, result.programs, replace=args.replace)
    added = len(result.programs) - len(duplicates)
    if added == 0 and bad and not duplicates:
        print(f"matchtui: error: no good rows in {path}; nothing imported", file=sys.stderr)
        return 2
    saved = store.save(PROGRAMS, merged)
    parts = [f"imported {added} program{'s' if added != 1 else ''} into {saved}"]
    if duplicates:
        parts.append(f"{len(duplicates)} already on the list")
    if bad:
        parts.append(f"{bad} bad row{'s' if bad != 1 else ''} skipped (listed above)")
    print("; ".join(parts) + f" ({len(merged.programs)} in total)")
    return 0
