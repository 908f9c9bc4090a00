"""A Step 2 CK below the lowest score of the specialty's spread (the box the Specialties chart
draws) is named by the Program mix as a warning, and by the Reality check's Target specialties
row: one rule (engine.exams.below_spread, reading the chart's own accessor).

Found in audit E (e7): a US MD senior aiming at dermatology with Step 2 CK 230 got
"Dermatology 29-51% (point 39%)", while the chart showed dermatology's scores at 240-270 (the
back-home article's illustrative spread) and placed 230 "below min". The score term is a
logistic fitted to the matched and unmatched means (257 / 250), which knows nothing of how few
match from below the range, and nothing said so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.charts import chart_inputs
from matchtui.engine.mix import estimate
from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from tests.test_mix_engine import plan


def senior(tmp_path: Path, score: int, specialty: str = "dermatology") -> Path:
    from matchtui.workspace import demo_profile_path

    text = (
        demo_profile_path()
        .read_text()
        .replace('situation = "not_in_training"', 'situation = "in_school"')
        .replace("graduation_year = 2021", "graduation_year = 2027")
        .replace("step2_score = 238", f"step2_score = {score}")
        .replace(
            'specialties = ["internal_medicine", "family_medicine"]',
            f'specialties = ["{specialty}"]',
        )
    )
    path = tmp_path / f"senior_{specialty}_{score}.toml"
    path.write_text(text)
    return path


def lowest(catalog: Catalog, specialty: str) -> int:
    spread = catalog.specialties[specialty].step2_distribution
    assert spread is not None
    return spread.min


def warning(profile: Profile, catalog: Catalog, specialty: str) -> Any:
    result = estimate(profile, catalog, plan(specialty=specialty, signals_used=0))
    return next((w for w in result.warnings if w.id == "below_score_spread"), None)


def test_below_the_spread_the_mix_warns_and_the_row_says_so(
    tmp_path: Path, catalog: Catalog
) -> None:
    floor = lowest(catalog, "dermatology")
    profile = load_model(senior(tmp_path, floor - 10), Profile)
    found = warning(profile, catalog, "dermatology")
    assert found is not None
    assert f"Step 2 CK of {floor - 10} is below the lowest Dermatology score ({floor})" in (
        found.text
    )
    assert "fitted to two group means" in found.text and "upper bound" in found.text
    row = assess(profile, catalog).specialties[0]
    assert f"below the lowest Dermatology score ({floor})" in row.reason
    # the chart places the same score below its box
    chart = chart_inputs("scores", catalog, profile, ["dermatology"])
    derm = next(r for r in chart.table if r.id == "dermatology")
    assert derm.you.endswith("below min")


@pytest.mark.parametrize("offset", [0, 10])
def test_at_or_within_the_spread_nothing_is_said(
    tmp_path: Path, catalog: Catalog, offset: int
) -> None:
    floor = lowest(catalog, "dermatology")
    profile = load_model(senior(tmp_path, floor + offset), Profile)
    assert warning(profile, catalog, "dermatology") is None
    assert "below the lowest" not in assess(profile, catalog).specialties[0].reason


def test_a_specialty_without_a_spread_is_not_judged(tmp_path: Path, catalog: Catalog) -> None:
    assert catalog.specialties["psychiatry"].step2_distribution is None
    profile = load_model(senior(tmp_path, 215, "psychiatry"), Profile)
    assert warning(profile, catalog, "psychiatry") is None


def test_the_cli_lists_the_same_warning(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str], workspace: Any
) -> None:
    path = senior(tmp_path, 230)
    assert main(["mix", "--json", "--profile", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = [w["id"] for w in data["warnings"]]
    assert "below_score_spread" in ids
    text = next(w["text"] for w in data["warnings"] if w["id"] == "below_score_spread")
    assert main(["mix", "--profile", str(path)]) == 0
    assert text in " ".join(capsys.readouterr().out.split())
