"""A couples list is warned of what a single list is, on each partner's side.

Found checking a couples file whose rank 2 paired a program the applicant had not applied to:
`ranklist check` said "ok" and `simulate --couple` gave its odds with no word, where the same
program on a single list is named ("No interview recorded ..."), as are chances worked out by
matchtui and a high chance of going unmatched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.models.programs import Program, ProgramList
from matchtui.store import PROGRAMS, Store

PAIRS = """[[pairs]]
a = "Lakeshore Community IM"
b = "Madison Surgery"

[[pairs]]
a = "Metro University IM"
b = "no_match"

[[pairs]]
a = "Lakeshore Community IM"
b = "no_match"
"""


def tracked(home: Path) -> None:
    def program(name: str, specialty: str, status: str) -> Program:
        return Program(name=name, state="WI", specialty=specialty, tier="community", status=status)

    Store(home).save(
        PROGRAMS,
        ProgramList(
            programs=[
                program("Lakeshore Community IM", "internal_medicine", "scheduled"),
                program("Metro University IM", "internal_medicine", "planned"),
                program("Madison Surgery", "general_surgery", "interviewed"),
            ]
        ),
    )


def test_each_partners_side_is_warned(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracked(home)
    path = tmp_path / "couple.toml"
    path.write_text(PAIRS, encoding="utf-8")
    assert main(["ranklist", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok, a couples list of 3 pairs" in out
    assert (
        "warning: Partner A (you): No interview recorded: rank 2 'Metro University IM' "
        "(not applied yet)" in out
    )
    assert "warning: Partner A (you): Interview still to come: rank 1" in out
    # Metro University IM, not applied to, counts as no chance: not worked out.
    assert "2 of the pairs' program chances are worked out by matchtui" in out
    assert "The chance that neither of you matches is" in out
    assert "Partner B:" not in out  # its one program was interviewed
    assert main(["ranklist", "simulate", "--couple", "--json", str(path)]) == 0
    ids = [w["id"] for w in json.loads(capsys.readouterr().out)["warnings"]]
    assert ids == [
        "interview_not_recorded",
        "interview_pending",
        "default_chance",
        "high_unmatched",
    ]
