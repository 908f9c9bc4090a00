"""Invitation yields rounded once, alike on the command line and in the pane.

Found by an auditor: `programs summary` printed `gold 209/1072 (20%)` where the Yields view
showed 19% (209/1072 is 19.496%): the command rounded the rate to four places for its JSON and
then rounded that again. Now both show `Yield.rate_text`, worked out once from the counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.tracker import Yield, division_map, yields
from matchtui.engine.wording import percent
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.tracker_views import yields_text

APPLIED, INVITED = 1072, 209  # 19.496%: four places make it 0.1950, which reads 20%


def _gold(applied: int, invited: int) -> list[Program]:
    return [
        Program(
            name=f"Program {i}",
            state="OH",
            specialty="internal_medicine",
            tier="community",
            signal="gold",
            status="invited" if i < invited else "applied",
            applied_on=dt.date(2026, 9, 2),
        )
        for i in range(applied)
    ]


def test_the_summary_and_the_yields_view_show_one_figure(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = percent(INVITED / APPLIED)
    assert shown != f"{round(INVITED / APPLIED, 4):.0%}"  # the case where rounding twice differs
    programs = _gold(APPLIED, INVITED)
    assert main(["--today", "2027-02-20", "assess", "--json"]) == 0
    workspace.save_programs(ProgramList(programs=programs))
    capsys.readouterr()
    assert main(["--today", "2027-02-20", "programs", "summary"]) == 0
    out = capsys.readouterr().out
    assert f"gold {INVITED}/{APPLIED} ({shown})" in out
    assert f"Invited / applied: {INVITED}/{APPLIED} ({shown})" in out
    got = yields(programs, catalog.region_of_state, "midwest", division_map(catalog))
    pane = yields_text(got, catalog.region_choices(), {}).plain
    assert f"{INVITED:>4} of {APPLIED:<4} {shown:>4}" in pane


def test_a_share_neither_none_nor_all_never_reads_as_either(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert Yield(400, 399).rate_text == ">99%" and Yield(400, 1).rate_text == "<1%"
    assert Yield(4, 4).rate_text == "100%" and Yield(0, 0).text() == "0/0 (-)"
    programs = _gold(400, 399)
    got = yields(programs, catalog.region_of_state, "midwest", division_map(catalog))
    assert " 399 of 400  >99%" in yields_text(got, catalog.region_choices(), {}).plain
    assert main(["--today", "2027-02-20", "assess", "--json"]) == 0
    workspace.save_programs(ProgramList(programs=programs))
    capsys.readouterr()
    assert main(["--today", "2027-02-20", "programs", "summary"]) == 0
    assert "gold 399/400 (>99%)" in capsys.readouterr().out
