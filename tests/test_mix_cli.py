"""`matchtui mix`: JSON keys, the same numbers as the engine, text output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.mix import estimate, recommended_mix

REQUIRED_KEYS = {
    "specialty",
    "total",
    "counts",
    "in_region",
    "expected_interviews",
    "p_interviews_at_least",
    "p_match",
    "diminishing_returns_at",
    "fees_usd",
    "warnings",
    "assumptions",
    "preset",
    "illustrative",
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["mix", "--json", *args]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_json_has_the_issue_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys)
    assert set(data) >= REQUIRED_KEYS
    assert set(data["counts"]) == {"academic", "mid_tier", "community"}
    assert sum(data["counts"].values()) == data["total"]
    assert set(data["preset"]) >= {"id", "mix"}
    assert all(set(w) == {"id", "text"} for w in data["warnings"])
    assert all(set(a) >= {"name", "value", "reliability", "source"} for a in data["assumptions"])
    assert all(k.isdigit() for k in data["p_interviews_at_least"])
    assert 0 <= data["p_match"] <= 1
    assert "p_match_by_apps" not in data


def test_defaults_are_the_recommended_preset(
    capsys: pytest.CaptureFixture[str], workspace: Any
) -> None:
    data = run_json(capsys)
    profile = workspace.load_profile()
    expected = estimate(profile, workspace.catalog, recommended_mix(profile, workspace.catalog))
    assert data == json.loads(json.dumps(expected.model_dump(mode="json")))
    assert data["preset"]["id"] == "reentry"
    assert data["preset"]["mix"] == {"academic": 5, "mid_tier": 25, "community": 70}


def test_options_override_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys,
        "--apps",
        "60",
        "--mix",
        "10,30,60",
        "--region-share",
        "50",
        "--signals",
        "5",
        "--specialty",
        "family_medicine",
    )
    assert data["specialty"] == "family_medicine"
    assert data["total"] == 60
    assert data["counts"] == {"academic": 6, "mid_tier": 18, "community": 36}
    assert data["in_region"] == 30
    assert data["fees_usd"] == 1230
    assert data["signals_used"] == 5


def test_saved_plan_is_the_starting_point(
    capsys: pytest.CaptureFixture[str], workspace: Any
) -> None:
    from matchtui.models.plan import MixPlan, PlanFile

    workspace.load_profile()
    saved = MixPlan(
        specialty="internal_medicine",
        applications=43,
        academic_pct=5,
        mid_tier_pct=25,
        community_pct=70,
        region_share_pct=60,
        signals_used=3,
    )
    workspace.save_plan(PlanFile(mix=saved))
    data = run_json(capsys)
    assert (data["total"], data["fees_usd"], data["in_region"]) == (43, 720, 26)


def test_text_output_names_estimate_and_assumptions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mix", "--apps", "60"]) == 0
    out = capsys.readouterr().out
    assert "Program mix: Internal Medicine, 60 applications" in out
    assert "estimate" in out and "assumptions" in out
    # the demo's 2027 Match has no fee schedule in the data: the line says the 2026 one stands in
    assert "ERAS fees (2026 season): $1,230 (no schedule for 2027 yet)" in out
    assert "Assumptions:" in out


def test_profile_file_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, workspace: Any
) -> None:
    from matchtui.workspace import demo_profile_path

    text = (
        demo_profile_path()
        .read_text()
        .replace('situation = "not_in_training"', 'situation = "in_school"')
        .replace("graduation_year = 2021", "graduation_year = 2027")  # a student's year
    )
    path = tmp_path / "student.toml"
    path.write_text(text)
    data = run_json(capsys, "--profile", str(path))
    assert data["preset"]["id"] == "standard"
    assert data["risk_tier"] == "not_applicable"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mix", "50,50,10"], "sum to 100"),
        (["--apps", "0"], "outside 1-200"),
        (["--specialty", "astrology"], "unknown specialty"),
        (["--signals", "99"], "allows 0-15 signals"),
        (["--region-share", "120"], "outside 0-100"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    # argparse refuses some values itself (SystemExit 2), the command refuses the others
    try:
        code = main(["mix", *args])
    except SystemExit as exited:
        code = int(exited.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_bad_profile_file_exits_2_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("schema_version = 1\ncycle_year = 'soon'\n")
    assert main(["mix", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "cycle_year" in err


@pytest.mark.parametrize(
    ("key", "wrong", "hint"),
    [
        (
            'specialties = ["internal_medicine"',
            'specialties = ["internal_medicin"',
            "internal_medicine",
        ),
        ('region = "midwest"', 'region = "midwset"', "midwest"),
        (
            'divisions = ["east_north_central"]',
            'divisions = ["east_north_centrl"]',
            "east_north_central",
        ),
    ],
)
def test_a_typo_in_a_profile_id_names_the_line_and_the_nearest_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str, wrong: str, hint: str
) -> None:
    """Found with 'dermatolgy' in a profile: the error named the file, line and field but
    offered no nearest id (the --specialty option did)."""
    from matchtui.workspace import demo_profile_path

    text = demo_profile_path().read_text(encoding="utf-8")
    assert key in text
    path = tmp_path / "typo.toml"
    path.write_text(text.replace(key, wrong, 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if wrong in row)
    assert main(["assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"typo.toml:{line}:" in err
    assert f"did you mean {hint}" in err


def test_a_match_that_is_over_is_noted_by_assess_and_mix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A profile kept on the 2026 Match, read in December 2026: the Plan pane said that Match
    was over; `assess` and `mix` printed its figures without a word (now a note on stderr
    with the readable output; --json is for scripts and stays as it was)."""
    from matchtui.workspace import demo_profile_path

    path = tmp_path / "old.toml"
    text = demo_profile_path().read_text(encoding="utf-8")
    path.write_text(text.replace("cycle_year = 2027", "cycle_year = 2026"), encoding="utf-8")
    for command in ("assess", "mix"):
        assert main(["--today", "2026-12-02", command, "--profile", str(path)]) == 0
        err = capsys.readouterr().err
        assert "2026 Match, which is over" in err and "2027" in err
    assert main(["--today", "2026-12-02", "assess"]) == 0
    err = capsys.readouterr().err  # the demo's 2027 Match is not over (its season is late:
    assert "which is over" not in err and "2026 Match" not in err  # tests/test_cli_late_note)
