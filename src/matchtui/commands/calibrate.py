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
    off = [row.id for row in rows if abs(row.diff_pp) > TOLERANCE_PP and not row.held_out]
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
    """The anchors as a table, then the held-out rates (a Match the constants were not fitted
    to); a fitted anchor off by more than 5 points is marked."""
    width = max(len(row.id) for row in rows)
    fitted = [row for row in rows if not row.held_out]
    held = [row for row in rows if row.held_out]

    def line(row: CalibrationRow, mark: str = "") -> str:
        return (
            f"{row.id:<{width}}  {row.published:>8.1f}%  {row.model:>5.1f}%  "
            f"{row.diff_pp:>+5.1f}  {row.source}: {row.population}{mark}"
        )

    lines = [
        "Calibration: each published anchor next to the model's figure for its synthetic cohort",
        f"{'anchor':<{width}}  {'published':>9}  {'model':>6}  {'diff':>6}  source / population",
    ]
    for row in fitted:
        off = abs(row.diff_pp) > TOLERANCE_PP
        lines.append(line(row, "  OFF BY MORE THAN 5 POINTS" if off else ""))
    worst = max(abs(row.diff_pp) for row in fitted)
    lines.append(
        f"{len(fitted)} anchors; the largest difference is {worst:.1f} points "
        f"(tolerance {TOLERANCE_PP:g})."
    )
    if held:
        lines.append("")
        lines.append(
            "Held out: rates of a Match the model was not fitted to, beside its figure for the "
            "same group"
        )
        lines.extend(line(row) for row in held)
        worst_held = max(abs(row.diff_pp) for row in held)
        lines.append(
            f"{len(held)} held-out rates; the largest difference is {worst_held:.1f} points."
        )
    return "\n".join(lines)
