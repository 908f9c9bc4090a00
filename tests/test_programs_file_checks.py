"""A programs.toml edited by hand is checked as an import is.

Found by an auditor: a programs.toml holding one program twice, or a specialty typed
"internal_medicin", loaded without a word and changed the figures (`32 programs`, `gold 4/4`,
the rank list's odds), while `programs import` refused the same data ("the same program as
line 2", "did you mean internal_medicine?"). Now the load applies the import's rules
(engine.programs.list_problems): a repeat, an unknown specialty or state do not load, named
with file, line and field; an NRMP code two programs share is a warning with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.programs import parse_toml
from matchtui.errors import Conflict, FileProblems
from matchtui.models.programs import Program, ProgramList
from matchtui.tomlio import key_lines, line_of
from matchtui.workspace import Workspace

LAKE = Program(
    name="Lake IM",
    city="Milwaukee",
    state="WI",
    specialty="internal_medicine",
    tier="community",
    nrmp_code="1234140C0",
    signal="gold",
    status="invited",
)
RIVER = Program(
    name="River IM",
    state="IL",
    specialty="internal_medicine",
    tier="academic",
    nrmp_code="1234141C0",
    status="applied",
)


def _saved_text(workspace: Any, programs: list[Program]) -> tuple[Path, str]:
    saved = workspace.save_programs(ProgramList(programs=programs))
    return saved.path, saved.path.read_text()


def _table(text: str, index: int) -> str:
    """The [[programs]] table `index` of a saved file, as text (to repeat it by hand)."""
    tables = text.split("[[programs]]")
    return "[[programs]]" + tables[index + 1]


def test_a_program_written_twice_does_not_load_and_says_where(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    path, text = _saved_text(workspace, [LAKE, RIVER])
    edited = text.rstrip("\n") + "\n\n" + _table(text, 0)
    path.write_text(edited)
    lines = key_lines(edited)
    first, again = line_of(lines, ("programs", 0)), line_of(lines, ("programs", 2))
    assert main(["programs", "summary"]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # no figure counts it twice
    assert f"{path}:{again}: [programs[2]] the same program as line {first}" in err
    # the import's own wording for the same data (an import takes the CSV columns, not the
    # list of cost entries a saved list keeps)
    imported = parse_toml(edited.replace("costs = []\n", ""), catalog)
    assert [p.message for p in imported.problems] == [f"the same program as line {first}"]
    with pytest.raises(FileProblems):  # the panes read it through the same door
        Workspace.from_options().load_programs()


def test_an_unknown_specialty_does_not_load_and_the_odds_are_not_worked_out(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, text = _saved_text(workspace, [LAKE, RIVER])
    head, river = text.split('name = "River IM"')
    edited = head + 'name = "River IM"' + river.replace('"internal_medicine"', '"internal_medicin"')
    assert edited != text
    path.write_text(edited)
    line = line_of(key_lines(edited), ("programs", 1, "specialty"))
    assert main(["programs", "list"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: [programs[1].specialty] 'internal_medicin' is not a specialty" in err
    assert "did you mean internal_medicine" in err
    ranks = tmp_path / "ranks.toml"
    ranks.write_text('[[ranks]]\nprogram = "River IM"\n')
    assert main(["ranklist", "simulate", str(ranks)]) == 2
    assert "'internal_medicin' is not a specialty" in capsys.readouterr().err


def test_an_unknown_state_does_not_load(workspace: Any, capsys: pytest.CaptureFixture[str]) -> None:
    path, text = _saved_text(workspace, [LAKE, RIVER])
    path.write_text(text.replace('state = "IL"', 'state = "ZZ"'))
    assert main(["programs", "list"]) == 2
    assert "[programs[1].state] 'ZZ' is not a US state code we know" in capsys.readouterr().err


def test_a_code_two_programs_share_is_a_warning_with_its_line(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """As before, a shared code loads (the look-ups by code and the rank list already refuse
    to pick one of the two: tests/test_nrmp_code_once.py); the load now says where it is."""
    path, text = _saved_text(workspace, [LAKE, RIVER])
    edited = text.replace('nrmp_code = "1234141C0"', 'nrmp_code = "1234140C0"')
    path.write_text(edited)
    lines = key_lines(edited)
    assert main(["programs", "list"]) == 0
    out, err = capsys.readouterr()
    assert "2 programs" in out
    first, again = line_of(lines, ("programs", 0)), line_of(lines, ("programs", 1, "nrmp_code"))
    assert (
        f"matchtui: warning: {path}:{again}: [programs[1].nrmp_code] 1234140C0 is the code of "
        f"'Lake IM' on line {first} already"
    ) in err
    assert err.count("1234140C0 is the code of") == 1  # once, however often the list is read


def test_a_merge_that_would_list_a_program_twice_is_not_made(home: Path, catalog: Catalog) -> None:
    """Two windows each adding the same program (with different notes): keeping both would
    write a list that no longer loads, so the second save is a conflict to settle instead."""
    first, second = Workspace.from_options(), Workspace.from_options()
    for ws in (first, second):
        ws.__dict__["catalog"] = catalog
    first.save_programs(ProgramList(programs=[LAKE]))
    mine, theirs = first.load_programs(), second.load_programs()
    added = RIVER.model_copy(update={"notes": "from the app"})
    second.save_programs(theirs.model_copy(update={"programs": [*theirs.programs, added]}))
    also = RIVER.model_copy(update={"notes": "from the command line"})
    with pytest.raises(Conflict) as caught:
        first.save_programs(
            mine.model_copy(update={"programs": [*mine.programs, also]}), merge=True
        )
    assert not caught.value.mergeable
    assert [p.notes for p in Workspace.from_options().load_programs().programs] == [
        "",
        "from the app",
    ]
