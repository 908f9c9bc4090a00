"""`matchtui calibrate`: every published anchor next to the estimate's figure for its cohort."""

from __future__ import annotations

import argparse
import json
import sys

from matchtui.engine.calibrate import (
    REFITTED_NOTE,
    calibration_table,
    fit_constants,
    fit_inputs,
    fitted_toml,
)
from matchtui.models.mix import CalibrationRow, mix_data
from matchtui.workspace import Workspace

TOLERANCE_PP = 5.0


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalog = workspace.catalog
    if args.fit:
        print(fitted_toml(fit_constants(catalog), fit_inputs(catalog)), end="")
        return 0
    rows = calibration_table(catalog)
    if args.json:
        print(json.dumps({"anchors": [row.model_dump(mode="json") for row in rows]}, indent=2))
    else:
        print(render_text(rows))
    if mix_data(catalog).fitted.refitted:  # a note beside the JSON, a line under the table
        print(REFITTED_NOTE, file=sys.stderr if args.json else sys.stdout)
    off = [row.id for row in rows if abs(row.diff_pp) > TOLERANCE_PP]
    if off:
        # the data and its fitted constants disagree: refit (matchtui calibrate --fit)
        print(
            f"matchtui: error: {len(off)} anchor(s) off by more than {TOLERANCE_PP:g} points: "
            f"{', '.join(off)}; refit with matchtui calibrate --fit",
            file=sys.stderr,
        )
        return 1
    return 0


def render_text(rows: tuple[CalibrationRow, ...]) -> str:
    """The anchors as a table; a row off by more than 5 points is marked."""
    width = max(len(row.id) for row in rows)
    lines = [
        "Calibration: each published anchor next to the model's figure for its synthetic cohort",
        f"{'anchor':<{width}}  {'published':>9}  {'model':>6}  {'diff':>6}  source / population",
    ]
    for row in rows:
        mark = "" if abs(row.diff_pp) <= TOLERANCE_PP else "  OFF BY MORE THAN 5 POINTS"
        lines.append(
            f"{row.id:<{width}}  {row.published:>8.1f}%  {row.model:>5.1f}%  "
            f"{row.diff_pp:>+5.1f}  {row.source}: {row.population}{mark}"
        )
    worst = max(abs(row.diff_pp) for row in rows)
    lines.append(
        f"{len(rows)} anchors; the largest difference is {worst:.1f} points "
        f"(tolerance {TOLERANCE_PP:g})."
    )
    return "\n".join(lines)
