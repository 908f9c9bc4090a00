"""`matchtui data check [DIR]` and `matchtui data list specialties|questions|regions|divisions`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from matchtui.catalog import Catalog
from matchtui.errors import FileProblems
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.data_command == "list":
        return LISTS[args.what](workspace, args.json)
    folder = args.dir or workspace.data_dir
    try:
        catalog = Catalog.load(folder)
    except FileProblems as exc:
        if len(exc.problems) == 1:  # one problem: one line
            print(f"matchtui: error: {exc.problems[0]}", file=sys.stderr)
            return 2
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"matchtui: {count} problem{'s' if count != 1 else ''} in {folder}", file=sys.stderr)
        return 2
    print(catalog.summary())
    from matchtui.engine.calibrate import REFITTED_NOTE
    from matchtui.models.mix import mix_data

    if mix_data(catalog).fitted.refitted:
        print(REFITTED_NOTE)
    return 0


def _print(rows: list[dict[str, Any]], columns: list[tuple[str, str]], as_json: bool) -> int:
    """Rows as JSON, or as an aligned text table with the given (key, heading) columns."""
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    widths = [max([len(heading)] + [len(str(r[key])) for r in rows]) for key, heading in columns]
    print("  ".join(h.ljust(w) for (_, h), w in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        cells = (str(row[key]).ljust(w) for (key, _), w in zip(columns, widths, strict=True))
        print("  ".join(cells).rstrip())
    return 0


def print_specialties(workspace: Workspace, as_json: bool = False) -> int:
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "short": s.short,
            "competitiveness": s.competitiveness.level.replace("_", " "),
        }
        for s in sorted(workspace.catalog.specialties.values(), key=lambda s: s.name)
    ]
    return _print(
        rows, [("id", "ID"), ("name", "Name"), ("competitiveness", "Competitiveness")], as_json
    )


def print_questions(workspace: Workspace, as_json: bool = False) -> int:
    from matchtui.models.questions import question_bank

    bank = question_bank(workspace.catalog)
    categories = {c.id: c.name for c in bank.categories}
    rows = [
        {"id": q.id, "category": categories.get(q.category, q.category), "prompt": q.prompt}
        for q in bank.questions
    ]
    return _print(rows, [("id", "ID"), ("category", "Category"), ("prompt", "Question")], as_json)


def print_regions(workspace: Workspace, as_json: bool = False) -> int:
    rows: list[dict[str, Any]] = [
        {"id": r.id, "name": r.name, "states": " ".join(r.states)}
        for r in workspace.catalog.regions.values()
    ]
    if as_json:
        rows = [{**row, "states": row["states"].split()} for row in rows]
    return _print(rows, [("id", "ID"), ("name", "Name"), ("states", "States")], as_json)


def print_divisions(workspace: Workspace, as_json: bool = False) -> int:
    """Census divisions, when the data has them (in regions.toml, as [[divisions]] or inside a
    region); otherwise say so and succeed with an empty list."""
    from matchtui.models.reference import RegionsFile

    regions_file = workspace.catalog.get("regions.toml", RegionsFile)
    found: list[Any] = list(getattr(regions_file, "divisions", None) or [])
    for region in regions_file.regions:
        found.extend(getattr(region, "divisions", None) or [])
    if not found:
        if as_json:
            print("[]")
        else:
            print("This data has no census divisions (regions.toml lists regions only).")
        return 0
    rows: list[dict[str, Any]] = [
        {
            "id": getattr(d, "id", ""),
            "name": getattr(d, "name", ""),
            "region": getattr(d, "region", ""),
            "states": " ".join(getattr(d, "states", []) or []),
        }
        for d in found
    ]
    if as_json:
        rows = [{**row, "states": row["states"].split()} for row in rows]
    return _print(
        rows, [("id", "ID"), ("name", "Name"), ("region", "Region"), ("states", "States")], as_json
    )


LISTS = {
    "specialties": print_specialties,
    "questions": print_questions,
    "regions": print_regions,
    "divisions": print_divisions,
}
