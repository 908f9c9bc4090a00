"""The 2026 Match's group rates, which the estimate was not fitted to, are shown beside the
model's figures as a check (mix.toml [[held_out]]), never fitted and never failing the command.

The constants are fitted to the 2025 Match; FIGURES.md also carries the 2026 Match's rates for
seniors and IMGs (third-party notes). `matchtui calibrate` listed only what it was fitted to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.calibrate import calibration_table, fit_inputs
from matchtui.models.mix import mix_data

# FIGURES.md, "2026 Match (NRMP press release March 2026, via third-party notes; T)".
PUBLISHED_2026 = {"us_md_senior": 93.5, "us_do_senior": 93.2, "us_img": 70.0, "non_us_img": 56.4}


def test_the_held_out_rows_sit_beside_the_fitted_groups(catalog: Catalog) -> None:
    rows = {row.id: row for row in calibration_table(catalog)}
    for group, published in PUBLISHED_2026.items():
        held = rows[f"{group}_2026"]
        assert held.held_out and held.published == published
        assert held.model == rows[group].model  # the same group's cohort, the same figure
        assert held.diff_pp == round(held.model - published, 1)
        assert abs(held.diff_pp) <= 5.0  # a model fitted to 2025 tracks 2026 within 5 points
        assert not rows[group].held_out
    assert all(r.source == "nrmp_2026_results_notes" for r in rows.values() if r.held_out)


def test_held_out_rates_are_not_fitted(catalog: Catalog) -> None:
    """The fit's digest leaves them out: adding or changing one never asks for a refit."""
    data = mix_data(catalog)
    assert len(data.held_out) == 4
    assert fit_inputs(catalog) == data.fitted.inputs


def test_the_command_prints_them_apart(tmp_path: Path, capsys: Any) -> None:
    assert main(["--home", str(tmp_path), "calibrate"]) == 0
    out = capsys.readouterr().out
    head, _, held = out.partition("Held out:")
    assert "us_img_2026" not in head and "us_img_2026" in held
    assert "4 held-out rates; the largest difference is 2.2 points." in held
    assert main(["--home", str(tmp_path), "calibrate", "--json"]) == 0
    anchors = json.loads(capsys.readouterr().out)["anchors"]
    assert sum(a["held_out"] for a in anchors) == 4
