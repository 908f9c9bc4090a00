"""A problem in one item of an array written inline points at that item's line.

Found checking a rank list written as tomli-w writes an array of tables (`ranks = [ {...},
{...} ]`, one item a line): a duplicate at rank 26 was reported at line 1, the `ranks =` line,
because only [[ranks]] headers were mapped to lines. Each item of a multi-line array now has
its line (strings with brackets or commas, escapes and comments do not confuse it)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

from matchtui.cli import main
from matchtui.tomlio import key_lines


def test_each_item_of_a_multi_line_array_has_its_line() -> None:
    text = (
        "a = 1\n"
        "ranks = [\n"
        '    { program = "P [0]", chance = 0.2 },  # a comment, with [brackets]\n'
        '    { program = "P, \\" 1" }, { program = "P2" },\n'
        '    "x",\n'
        "]\n"
        "[t]\n"
        "b = [1,\n"
        "  2]\n"
        "c = 3\n"
    )
    lines = key_lines(text)
    assert [lines[("ranks", i)] for i in range(4)] == [3, 4, 4, 5]
    assert lines[("t", "b", 1)] == 9 and lines[("t", "c")] == 10 and lines[("a",)] == 1


def test_a_duplicate_rank_written_inline_names_its_line(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ranks = [{"program": f"Program {i}", "chance": 0.2} for i in range(25)]
    ranks.append({"program": "Program 3"})
    path = tmp_path / "ranks.toml"
    path.write_text(tomli_w.dumps({"ranks": ranks}), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('    { program = "Program 3" },')
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line + 1}: [ranks[25]]" in err
