"""`matchtui assess`: JSON with the documented keys, a readable sheet, exit 2 for a bad profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.workspace import demo_profile_path


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["risk"]["tier"] == "moderate"
    assert [f["id"] for f in data["risk"]["factors"]] == [
        "years_since_graduation",
        "exam_status",
        "specialty_target",
        "clinical_gap",
        "visa",
    ]
    assert {"id", "level", "reason"} <= set(data["risk"]["factors"][0])
    assert data["back_home"]["likelihood"] == "high" and data["back_home"]["reasons"]
    assert data["archetypes"] == []
    assert data["letters"]["verdict"] == "ready"
    assert data["step3"]["verdict"] == "passed"
    assert [(s["id"], s["feasibility"]) for s in data["specialties"]] == [
        ("internal_medicine", "realistic"),
        ("family_medicine", "realistic"),
    ]
    assert data["actions"][0]["id"] == "away_rotation"
    assert all({"id", "text"} <= set(a) for a in data["actions"])


def test_text_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess"]) == 0
    out = capsys.readouterr().out
    assert "Re-entry risk: MODERATE" in out
    assert "Years since graduation" in out and "higher" in out
    assert "Back home to the Midwest: HIGH" in out
    assert "Next actions" in out and "because:" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_profile_option_and_saved_mix(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        demo_profile_path()
        .read_text()
        .replace(
            'specialties = ["internal_medicine", "family_medicine"]',
            'specialties = ["dermatology"]',
        )
    )
    other = tmp_path / "other.toml"
    other.write_text(text)
    assert main(["assess", "--profile", str(other), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["specialties"][0]["feasibility"] == "reach"
    assert data["actions"][0]["id"] == "pivot_specialty"
    # The saved mix feeds the prestige gambler for the saved profile.
    home.mkdir(parents=True, exist_ok=True)
    (home / "plan.toml").write_text(
        'schema_version = 1\n[mix]\nspecialty = "internal_medicine"\napplications = 40\n'
        "academic_pct = 60\nmid_tier_pct = 30\ncommunity_pct = 10\nregion_share_pct = 50\n"
    )
    assert main(["assess", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["archetypes"]] == ["prestige_gambler"]


def test_bad_profile_exits_2_with_one_line_naming_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        demo_profile_path().read_text().replace("graduation_year = 2021", 'graduation_year = "x"')
    )
    assert main(["assess", "--profile", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(bad) in err and "applicant.graduation_year" in err


def test_missing_profile_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--profile", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml" in capsys.readouterr().err
