"""The stage words applicants' own trackers use are read as the stages they mean.

Found importing a spreadsheet whose status column said "interview_offered": the import refused
the whole file with "did you mean interviewed?", where an interview offered is an invitation
(the stage before it is scheduled, let alone done)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.models.programs import ProgramList
from matchtui.store import PROGRAMS, Store


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("interview_offered", "invited"),
        ("Interview offered", "invited"),
        ("interview invite", "invited"),
        ("II", "invited"),
        ("submitted", "applied"),
        ("to apply", "planned"),
        ("interview scheduled", "scheduled"),
        ("interview completed", "interviewed"),
        ("withdrew", "withdrawn"),
    ],
)
def test_a_trackers_word_is_its_stage(tmp_path: Path, home: Path, word: str, stage: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        f"name,state,specialty,tier,status\nEmory Psychiatry,GA,psychiatry,academic,{word}\n",
        encoding="utf-8",
    )
    assert main(["programs", "import", str(path)]) == 0
    (program,) = Store(home).load(PROGRAMS, ProgramList).programs
    assert program.status == stage


def test_a_word_that_is_no_stage_is_still_refused(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "name,state,specialty,tier,status\nEmory Psychiatry,GA,psychiatry,academic,maybe later\n",
        encoding="utf-8",
    )
    assert main(["programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "list.csv:2: status: 'maybe later' is not one of planned" in err


def test_the_cli_reads_the_same_words(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "name,state,specialty,tier,status\nEmory Psychiatry,GA,psychiatry,academic,applied\n",
        encoding="utf-8",
    )
    assert main(["programs", "import", str(path)]) == 0
    assert main(["programs", "set", "Emory Psychiatry", "--stage", "Interview offered"]) == 0
    (program,) = Store(home).load(PROGRAMS, ProgramList).programs
    assert program.status == "invited"
    assert main(["programs", "set", "Emory Psychiatry", "--stage", "maybe"]) == 2


def test_a_mistyped_key_in_a_toml_list_is_named_with_its_fix(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found importing a TOML list with `stauts = "applied"`: the CSV header's typo was answered
    "did you mean status?", the TOML key's only "unknown key(s) stauts"."""
    path = tmp_path / "list.toml"
    path.write_text(
        '[[programs]]\nname = "Emory Psychiatry"\nstate = "GA"\nspecialty = "psychiatry"\n'
        'tier = "academic"\nstauts = "applied"\n',
        encoding="utf-8",
    )
    assert main(["programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "list.toml:6: unknown key(s) 'stauts' (did you mean status?)" in err
