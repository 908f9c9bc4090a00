"""A key written twice in a TOML file is named.

Found by an auditor: a programs.toml with `city` written twice in one program (and a
profile.toml with a key twice) said "programs.toml:6: not valid TOML: Cannot overwrite a
value": the line, but neither the key nor that it is a repeat (tomllib's own words). Now the
message names the key path and both lines (tomlio.written_twice).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.errors import FileProblems
from matchtui.models.programs import Program, ProgramList
from matchtui.tomlio import key_lines, line_of, parse_toml

LAKE = Program(
    name="Lake IM", city="Milwaukee", state="WI", specialty="internal_medicine", tier="community"
)


def test_a_key_written_twice_is_named(
    workspace: Any, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = workspace.save_programs(ProgramList(programs=[LAKE]))
    path, text = saved.path, saved.path.read_text()
    city = line_of(key_lines(text), ("programs", 0, "city"))
    assert city is not None
    rows = text.splitlines()
    rows.insert(city, 'city = "Madison"')  # right after the first
    path.write_text("\n".join(rows) + "\n")
    assert main(["programs", "list"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"matchtui: error: {path}:{city + 1}: not valid TOML: the key programs[0].city is "
        f"written twice, on line {city} and on line {city + 1}: keep one of them"
    )
    profile = home / "profile.toml"
    profile.write_text("schema_version = 2\ndemo = true\ndemo = false\n")
    assert main(["assess"]) == 2
    assert (
        "profile.toml:3: not valid TOML: the key demo is written twice, on line 2 and on line 3"
    ) in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "key", "first", "again"),
    [
        ("a = 1\nb = 2\na = 3\n", "a", 1, 3),
        ("a.b = 1\na.b = 2\n", "a.b", 1, 2),
        ('"q k" = 1\n"q k" = """x\ny"""\n', "q k", 1, 2),  # tomllib points at the value's end
        ("a = 1\n[a]\n", "a", 1, 2),
        ("[[p]]\nn = 1\n[[p]]\nn = 2\nn = 3\n", "p[1].n", 4, 5),
        ("r = [ {a = 1},\n  {a = 2} ]\nr = 1\n", "r", 1, 3),
    ],
)
def test_each_shape_of_repeat(text: str, key: str, first: int, again: int) -> None:
    with pytest.raises(FileProblems) as caught:
        parse_toml(Path("f.toml"), text.encode())
    (problem,) = caught.value.problems
    assert problem.line == again
    assert problem.message == (
        f"not valid TOML: the key {key} is written twice, on line {first} and on line {again}: "
        "keep one of them"
    )
