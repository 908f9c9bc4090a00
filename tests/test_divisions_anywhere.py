"""Census divisions as ERAS takes them: up to three, in any region, or instead of a region.

Before, a profile naming divisions in two regions ("South Atlantic" and "Middle Atlantic", an
applicant open to both coasts' east) was refused ("Middle Atlantic is in the Northeast, not the
target region South"), and one naming divisions without a region was refused for the missing
region, where the profile's own spec and ERAS take divisions or a region. Now any division
loads; a profile with divisions and no region aims at the first division's region; one with
neither is refused naming targets.region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.workspace import Workspace, demo_profile_path

DEMO_TARGETS = 'divisions = ["east_north_central"]\nsetting = "suburban"\nregion = "midwest"\n'


def _profile(tmp_path: Path, targets: str, name: str = "profile.toml") -> Path:
    text = demo_profile_path().read_text(encoding="utf-8")
    assert DEMO_TARGETS in text
    path = tmp_path / name
    path.write_text(text.replace(DEMO_TARGETS, targets), encoding="utf-8")
    return path


def _assess(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["--today", "2026-12-03", "assess", "--profile", str(path), "--json"]) == 0
    found: dict[str, object] = json.loads(capsys.readouterr().out)
    return found


def test_divisions_in_other_regions_load(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = (
        'divisions = ["east_north_central", "middle_atlantic", "pacific"]\nregion = "midwest"\n'
    )
    path = _profile(tmp_path, targets)
    both = _assess(path, capsys)
    alone = _assess(_profile(tmp_path, 'region = "midwest"\n', "alone.toml"), capsys)
    # back home is still the target region: the same verdicts as with no divisions
    assert both["back_home"] == alone["back_home"]
    profile = Workspace.from_options(home).load_profile(path)
    assert profile.targets.region == "midwest"
    assert profile.targets.divisions == ["east_north_central", "middle_atlantic", "pacific"]


def test_divisions_without_a_region_aim_at_the_first_divisions_region(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, 'divisions = ["pacific", "mountain"]\n')
    profile = Workspace.from_options(home).load_profile(path)
    assert profile.targets.region == "west"
    west = _assess(_profile(tmp_path, 'region = "west"\n', "west.toml"), capsys)
    assert _assess(path, capsys)["back_home"] == west["back_home"]


def test_the_home_profile_with_divisions_only_loads_in_the_app_and_keeps_its_region(
    home: Path,
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    _profile(home, 'divisions = ["south_atlantic"]\n')
    workspace = Workspace.from_options(home)
    profile = workspace.load_profile()
    assert profile.targets.region == "south"
    workspace.save_profile(profile)  # written out whole: the region is in the file now
    assert 'region = "south"' in (home / "profile.toml").read_text(encoding="utf-8")
    assert Workspace.from_options(home).load_profile().targets.region == "south"


def test_neither_a_region_nor_a_division_is_refused_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, 'setting = "rural"\n')
    assert main(["assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(path) in err and "[targets.region]" in err
    assert "name a target region, or up to three Census divisions" in err


def test_an_unknown_first_division_is_named_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, 'divisions = ["pacfic"]\n')
    assert main(["assess", "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[targets.divisions[0]] unknown division 'pacfic'; did you mean pacific?" in err
    assert "targets.region" not in err


def test_a_division_where_a_region_is_asked_is_read_as_its_region(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'pacific' as the target, or as a tie's region, is a place ERAS names: read as the West
    (the target keeps it as one of its divisions), not refused as an unknown region."""
    path = _profile(tmp_path, 'region = "pacific"\ndivisions = ["mountain"]\n')
    text = path.read_text(encoding="utf-8")
    assert text.count('region = "midwest"') >= 1  # the demo's ties and letters
    path.write_text(text.replace('region = "midwest"', 'region = "east_north_central"'))
    profile = Workspace.from_options(home).load_profile(path)
    assert profile.targets.region == "west"
    assert profile.targets.divisions == ["pacific", "mountain"]
    assert {tie.region for tie in profile.ties} == {"midwest"}
    assert profile.applicant.home_region == "midwest"  # "home_region = ..." too
    west = _profile(tmp_path, 'region = "west"\ndivisions = ["pacific", "mountain"]\n', "w.toml")
    assert _assess(path, capsys)["back_home"] == _assess(west, capsys)["back_home"]
