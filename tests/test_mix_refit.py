"""The fitted constants follow the figures in the data read (engine/calibrate.py current_fit).

Before, a published rate changed in mix.toml (a new Match year, a corrected transcription) left
the estimate on constants fitted to the old figure: `matchtui calibrate` showed the anchor off by
the change and every estimate for that group stayed where it was.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.cli import main
from matchtui.engine import calibrate
from matchtui.engine.calibrate import calibration_table, fit_inputs, fitted_misses
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.models.mix import mix_data


def data_copy(tmp_path: Path, old: str, new: str, name: str = "mix.toml") -> Path:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


GRADUATE_RATE = 'id = "us_md_graduate"\npopulation = "US MD prior graduates, PGY-1 match rate, 2025 Match"\nyear = 2025\npublished_pct = 45.9'  # noqa: E501


def test_the_stored_constants_are_fitted_to_the_bundled_data() -> None:
    """The digest in mix.toml is the bundled data's: a fresh install never refits (run
    `matchtui calibrate --fit` after changing mix.toml, specialties.toml or curves.toml)."""
    catalog = Catalog.load(lazy=True)
    raw = tomllib.loads((bundled_data_dir() / "mix.toml").read_text(encoding="utf-8"))
    assert raw["fitted"]["inputs"] == fit_inputs(catalog)
    fitted = mix_data(catalog).fitted
    assert not fitted.refitted and fitted.intercepts == raw["fitted"]["intercepts"]


def test_a_changed_published_rate_is_refitted(tmp_path: Path, demo_profile: Any) -> None:
    folder = data_copy(tmp_path, GRADUATE_RATE, GRADUATE_RATE.replace("45.9", "55.0"))
    changed = Catalog.load(folder, lazy=True)
    fitted = mix_data(changed).fitted
    assert fitted.refitted and fitted.inputs == fit_inputs(changed)
    rows = {row.id: row for row in calibration_table(changed)}
    assert rows["us_md_graduate"].published == 55.0
    assert abs(rows["us_md_graduate"].diff_pp) <= 0.5
    tolerance = mix_data(changed).model.refit_tolerance_pp
    misses = fitted_misses(changed, tuple(rows.values()))
    assert all(abs(m) <= tolerance for m in misses.values())
    # the demo is a US MD prior graduate: a group that matches more often lifts its estimate
    plan = recommended_mix(demo_profile, changed)
    before = estimate(demo_profile, Catalog.load(lazy=True), plan).p_match
    after = estimate(demo_profile, changed, plan)
    assert after.p_match > before
    names = " ".join(a.name for a in after.assumptions)
    assert "refitted when the data were read to its 2025 match rate" in names


def test_prose_or_a_figure_the_fit_does_not_use_keeps_the_stored_constants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fit(catalog: Any) -> Any:
        raise AssertionError("refitted")

    monkeypatch.setattr(calibrate, "fit_constants", no_fit)
    stored = mix_data(Catalog.load(lazy=True)).fitted
    folder = data_copy(tmp_path / "a", "unbounded intercept.", "an unbounded intercept.")
    fitted = mix_data(Catalog.load(folder, lazy=True)).fitted
    assert fitted == stored  # prose is not in the digest
    # placement incl. SOAP is not fitted: the digest moves, the anchors do not
    placed = "published_pct = 45.9\nplaced_pct = 53.3"
    folder = data_copy(tmp_path / "b", placed, placed.replace("53.3", "54.0"))
    fitted = mix_data(Catalog.load(folder, lazy=True)).fitted
    assert not fitted.refitted and fitted.intercepts == stored.intercepts
    assert fitted.inputs != stored.inputs


def test_the_refit_is_kept_with_the_validated_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_copy(tmp_path, GRADUATE_RATE, GRADUATE_RATE.replace("45.9", "40.0"))
    cache = tmp_path / "home"
    first = mix_data(Catalog.load(folder, cache_dir=cache)).fitted
    assert first.refitted

    def no_fit(catalog: Any) -> Any:
        raise AssertionError("refitted again")

    monkeypatch.setattr(calibrate, "fit_constants", no_fit)
    again = mix_data(Catalog.load(folder, cache_dir=cache)).fitted
    assert again == first


def test_calibrate_says_when_it_refitted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_copy(tmp_path, GRADUATE_RATE, GRADUATE_RATE.replace("45.9", "55.0"))
    assert main(["--data", str(folder), "calibrate"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"us_md_graduate +55\.0% +55\.0%", out)
    assert "refitted to these figures" in out
    assert main(["--data", str(folder), "calibrate", "--json"]) == 0
    captured = capsys.readouterr()
    assert set(json.loads(captured.out)) == {"anchors"}
    assert "refitted to these figures" in captured.err
    assert main(["calibrate"]) == 0
    assert "refitted" not in capsys.readouterr().out


def test_data_check_says_the_constants_were_refitted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_copy(tmp_path, GRADUATE_RATE, GRADUATE_RATE.replace("45.9", "50.0"))
    assert main(["data", "check", str(folder)]) == 0
    assert "refitted to these" in capsys.readouterr().out
    assert main(["data", "check"]) == 0
    assert "refitted" not in capsys.readouterr().out
