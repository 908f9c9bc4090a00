"""A file's extra check (Workspace's: the profile's ids, the program list's import rules, a
walk over every program) runs once per content: a read from memory of content that passed does
not run it again (each pane's first read of a 20,000-program list walked it anew, 23-68 ms on
the event loop), while changed content is checked afresh and a failing one keeps failing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matchtui.errors import FileProblems, Problem
from matchtui.models.programs import ProgramList
from matchtui.store import PROGRAMS


def test_content_that_passed_is_not_checked_again(workspace: Any, home: Path) -> None:
    from bench.programs_fixture import make_programs

    workspace.save_programs(make_programs(workspace.catalog, 30, seed=3))
    store = workspace.store
    real = store.checks[PROGRAMS]
    calls: list[int] = []

    def counted(programs: Any) -> None:
        calls.append(len(programs.programs))
        real(programs)

    store.checks[PROGRAMS] = counted
    first = workspace.load_programs()
    for _ in range(3):
        assert workspace.load_programs_warm() == first
        assert workspace.peek_programs_warm() == first
    assert len(calls) <= 1  # at most the first read (a save may have left it in memory, passed)

    changed = ProgramList(programs=first.programs[:-1])
    workspace.save_programs(changed)
    calls.clear()
    workspace.load_programs()
    workspace.load_programs_warm()
    assert len(calls) <= 1 and workspace.load_programs() == changed

    def refuse(programs: Any) -> None:
        calls.append(-1)
        raise FileProblems([Problem(store.path(PROGRAMS), "programs", "refused")])

    store.checks[PROGRAMS] = refuse
    (home / "programs.toml").write_text(
        (home / "programs.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    calls.clear()
    for _ in range(2):
        with pytest.raises(FileProblems):
            workspace.load_programs()
    assert calls == [-1, -1]  # content that failed is checked on every read
