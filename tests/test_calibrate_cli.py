"""`matchtui calibrate` and the estimate keys `matchtui mix --json` adds for issue 11."""

from __future__ import annotations

import json
from typing import Any

import pytest

from matchtui.cli import COMMANDS, build_parser, main
from matchtui.models.mix import APPLICANT_TYPES

ISSUE_11_KEYS = {
    "p_match",
    "p_match_range",
    "p_match_in_region",
    "p_match_in_region_range",
    "p_placed_with_soap",
    "applicant_type",
    "calibrated",
    "calibration_note",
}


def test_calibrate_json_lists_every_anchor_within_5_points(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["calibrate", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"anchors"}
    rows = data["anchors"]
    assert all(
        set(r) == {"id", "population", "published", "model", "diff_pp", "source", "held_out"}
        for r in rows
    )
    ids = [r["id"] for r in rows]
    assert ids[:6] == list(APPLICANT_TYPES)
    assert "co2024_plastic_surgery" in ids and "co2024_internal_medicine" in ids
    assert all(abs(r["diff_pp"]) <= 5 for r in rows)
    assert all(r["diff_pp"] == pytest.approx(r["model"] - r["published"], abs=0.11) for r in rows)


def test_calibrate_text_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calibrate"]) == 0
    out = capsys.readouterr().out
    assert "us_md_graduate" in out and "45.9%" in out
    assert "OFF BY MORE THAN 5 POINTS" not in out
    assert "calibrate" in COMMANDS
    assert "calibrate" in build_parser().format_help()


def test_mix_json_adds_the_issue_11_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mix", "--json"]) == 0  # the demo profile
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert set(data) >= ISSUE_11_KEYS
    low, high = data["p_match_range"]
    assert low <= data["p_match"] <= high
    assert data["applicant_type"] == "us_md_graduate"
    assert isinstance(data["calibrated"], bool) and data["calibration_note"]
    # the demo wants to go back to the Midwest: the in-region figure is there and not above
    assert data["p_match_in_region"] is not None
    assert data["p_match_in_region"] <= data["p_match"]
    assert len(data["p_match_in_region_range"]) == 2
    assert data["p_placed_with_soap"] >= data["p_match"]


def test_mix_json_in_region_is_null_without_a_back_home_question(
    capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    import tomllib

    import tomli_w

    from matchtui.locations import demo_profile_path

    data = tomllib.loads(demo_profile_path().read_text(encoding="utf-8"))
    # a final-year student at school in the target region: no back-home question
    target = data["targets"]["region"]
    data["applicant"].update(
        situation="in_school",
        student_year="m4",
        graduation_year=data["cycle_year"],
        lives_in=target,
        training_region=target,
    )
    data["applicant"].pop("decided_year", None)
    data["applicant"].pop("decided_month", None)
    data["history"] = {"cycles": []}
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps(data))
    assert main(["mix", "--json", "--profile", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["p_match_in_region"] is None and data["p_match_in_region_range"] is None


def test_mix_text_says_which_figure_is_which(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mix"]) == 0
    out = capsys.readouterr().out
    assert "anywhere in Internal Medicine" in out
    assert "in your target region, the Midwest" in out
    assert "including SOAP" in out


def test_mix_text_names_the_service_for_obgyn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mix", "--specialty", "obgyn"]) == 0
    out = capsys.readouterr().out
    assert "ResidencyCAS" in out and "ERAS fees" not in out
    assert main(["mix", "--specialty", "obgyn", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fees_usd"] is None


def test_calibrate_exits_1_when_the_stored_constants_no_longer_fit(
    capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    """A data folder whose fitted intercept for IM was tampered with: the IM anchor is off, the
    command says which and exits 1."""
    import shutil

    from matchtui.locations import bundled_data_dir

    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    mix = folder / "mix.toml"
    text = mix.read_text(encoding="utf-8")
    start = text.index("[fitted.intercepts]")
    line_start = text.index("internal_medicine = ", start)
    line_end = text.index("\n", line_start)
    mix.write_text(text[:line_start] + "internal_medicine = -3.0" + text[line_end:])
    assert main(["--data", str(folder), "calibrate"]) == 1
    captured = capsys.readouterr()
    assert "co2024_internal_medicine" in captured.err
    assert "OFF BY MORE THAN 5 POINTS" in captured.out
