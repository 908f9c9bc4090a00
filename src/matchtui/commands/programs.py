"""`matchtui programs import FILE`: add programs from CSV or TOML to programs.toml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matchtui.engine.programs import read_import
from matchtui.safetext import one_line
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
    if not result.programs and bad:
        print(f"matchtui: error: no good rows in {path}; nothing imported", file=sys.stderr)
        return 2
    # Read, merge and write under the file's lock: an app or another import saving meanwhile
    # is never overwritten.
    written, duplicates = workspace.import_programs(result.programs, replace=args.replace)
    merged, saved = written.model, written.path
    added = len(result.programs) - len(duplicates)
    parts = [f"imported {added} program{'s' if added != 1 else ''} into {saved}"]
    if duplicates:
        parts.append(f"{len(duplicates)} already on the list")
    if bad:
        parts.append(f"{bad} bad row{'s' if bad != 1 else ''} skipped (listed above)")
    print("; ".join(parts) + f" ({len(merged.programs)} in total)")
    return 0
