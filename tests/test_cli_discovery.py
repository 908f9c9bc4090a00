"""CLI discoverability: `data list`, "did you mean", state names in imports, `practice --list`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.programs import parse_csv, state_code
from matchtui.suggest import closest, did_you_mean

HEADER = "name,city,state,specialty,tier,signal,yog_limit_years,visa_sponsor,status,notes\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("what", ["specialties", "questions", "regions"])
def test_data_list_prints_ids_and_json(capsys: pytest.CaptureFixture[str], what: str) -> None:
    code, out, _ = run(capsys, "data", "list", what)
    assert code == 0 and out.splitlines()[0].startswith("ID")
    code, out, _ = run(capsys, "data", "list", what, "--json")
    rows = json.loads(out)
    assert (
        code == 0
        and rows
        and all(("id" in row and "name" in row) or "prompt" in row for row in rows)
    )


def test_data_list_specialties_names_dermatology(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "data", "list", "specialties")
    assert any(line.split()[:2] == ["dermatology", "Dermatology"] for line in out.splitlines())
    assert "very_high" not in out  # words, not ids


def test_data_list_divisions_without_divisions_is_not_an_error(
    capsys: pytest.CaptureFixture[str], catalog: Any
) -> None:
    code, out, _ = run(capsys, "data", "list", "divisions", "--json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, _ = run(capsys, "data", "list", "divisions")
    assert code == 0 and out.strip()


def test_unknown_specialty_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "mix", "--specialty", "derm")
    assert code == 2
    assert "did you mean dermatology?" in err and len(err.strip().splitlines()) == 1


def test_unknown_question_suggests_and_practice_lists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text("I chose medicine because I like people.")
    code, _, err = run(
        capsys, "practice", "--question", "tell_me_about_yourslf", "--answer-file", str(answer)
    )
    assert code == 2 and "did you mean tell_me_about_yourself?" in err
    code, out, _ = run(capsys, "practice", "--list")
    assert code == 0 and "tell_me_about_yourself" in out
    code, _, err = run(capsys, "practice")
    assert code == 2 and "practice --list" in err


def test_nothing_close_points_at_the_list() -> None:
    assert did_you_mean("zzzz", ["dermatology"], "matchtui data list specialties") == (
        "; see `matchtui data list specialties`"
    )
    assert closest("Derm", {"dermatology": ("Dermatology", "Derm")}) == ["dermatology"]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("OH", "OH"),
        ("Ohio", "OH"),
        ("ohio", "OH"),
        ("Calif.", "CA"),
        ("N.Y.", "NY"),
        ("New York", "NY"),
        ("Washington, D.C.", "DC"),
        ("Pa.", "PA"),
        ("", ""),
    ],
)
def test_states_by_name_and_abbreviation(catalog: Any, written: str, code: str) -> None:
    assert state_code(written, catalog) == code


def test_csv_import_accepts_state_names_and_suggests(catalog: Any) -> None:
    text = HEADER + (
        "A,Columbus,Ohio,internal_medicine,community,no,,,planned,\n"
        "B,Los Angeles,Calif.,internal_medicine,community,no,,,planned,\n"
        "C,Austin,Texsa,internal_medicine,community,no,,,planned,\n"
    )
    result = parse_csv(text, catalog)
    assert [p.state for p in result.programs] == ["OH", "CA"]
    assert "did you mean TX?" in result.problems[0].message


def test_a_choice_named_by_one_word_of_what_was_typed_is_suggested() -> None:
    """'West Coast' for a region suggested nothing, though one of its words is a region."""
    regions = ["northeast", "midwest", "south", "west", "abroad"]
    assert closest("West Coast", regions) == ["west"]
    assert closest("the Deep South", regions) == ["south"]


@pytest.mark.parametrize(
    ("written", "region"), [("Texas", "south"), ("CA", "west"), ("New York", "northeast")]
)
def test_a_state_given_as_a_region_names_its_region(
    catalog: Any, written: str, region: str
) -> None:
    """region = "Texas" was told only the region ids."""
    import tomllib

    from matchtui.engine.refs import profile_ref_problems
    from matchtui.models.profile import Profile
    from matchtui.workspace import demo_profile_path

    profile = Profile.model_validate(tomllib.loads(demo_profile_path().read_text()))
    profile.targets.region = written
    ((loc, message),) = profile_ref_problems(profile, catalog)
    assert loc == ("targets", "region")
    assert f"{written} is a state in the {region} region; did you mean {region}?" in message
