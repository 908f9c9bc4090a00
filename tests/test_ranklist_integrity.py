"""The rank list's integrity (season audit D, defects 1, 2 and 6): a program is ranked once and
counted once; a program renamed in the Applications pane keeps its rank; a program removed
from the list says what it takes with it (its ranks, a paid ERAS fee)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.engine.ranklist import (
    Tracker,
    estimates_for,
    ranklist_data,
    repeats,
    resolve,
    simulate,
)
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankItem, RanklistState

TODAY = dt.date(2027, 2, 20)  # ranking season of the 2027 Match


def interviewed(name: str, code: str | None, tier: str, state: str = "OH") -> Program:
    return Program(
        name=name,
        state=state,
        specialty="internal_medicine",
        tier=tier,  # type: ignore[arg-type]
        nrmp_code=code,
        status="interviewed",
        applied_on=dt.date(2026, 9, 24),
        invited_on=dt.date(2026, 10, 10),
        interview_on=dt.date(2026, 11, 20),
        interviewed_on=dt.date(2026, 11, 20),
    )


PROGRAMS = [
    interviewed("Cleveland Academic IM", "1000000C0", "academic"),
    interviewed("Chicago Community IM", "1000074C0", "community", "IL"),
    interviewed("Ann Arbor Mid Tier IM", "1000148C0", "mid_tier", "MI"),
    interviewed("Indianapolis Academic IM", "1000222C0", "academic", "IN"),
]
CODES = [p.nrmp_code or p.name for p in PROGRAMS]


def items(refs: list[str], chances: dict[int, float] | None = None) -> list[RankItem]:
    chances = chances or {}
    return [RankItem(program=ref, chance=chances.get(i)) for i, ref in enumerate(refs)]


def rendered(widget: Static) -> str:
    return str(widget.render())


# --- 1. a program ranked twice --------------------------------------------------------------------


@pytest.mark.parametrize("own", [False, True])
def test_a_program_ranked_twice_counts_once_in_the_odds(catalog: Any, own: bool) -> None:
    """Audit: the pane showed P(match) 85% for four ranks and 89% once the first was ranked
    again at rank 5. A program that did not take the applicant at rank 1 will not take them at
    rank 5: the odds are those of the list without the repeat, whatever chance it is given."""
    data = ranklist_data(catalog)
    tracker = Tracker.of(PROGRAMS, TODAY)
    estimates = estimates_for(catalog, None, None, TODAY)
    # the repeat named by name while rank 1 names the code; given its own (other) chance too
    chances = {0: 0.3, 1: 0.5, 2: 0.4, 3: 0.2, 4: 0.9} if own else {}
    twice = resolve(items([*CODES, "Cleveland Academic IM"], chances), tracker, data)
    once = resolve(items(CODES, chances), tracker, data)
    assert repeats(twice) == {4} and not repeats(once)
    for how in (estimates, None):
        doubled, single = simulate(twice, data, tracker, how), simulate(once, data, tracker, how)
        assert doubled.p_unmatched == pytest.approx(single.p_unmatched, abs=1e-12)
        assert doubled.match_text == single.match_text
        assert doubled.p_unmatched_plus_one == pytest.approx(single.p_unmatched_plus_one, abs=1e-12)
        assert doubled.unique_codes == single.unique_codes == 4
        last = doubled.ranks[4]
        assert (last.chance, last.chance_source, last.p_match_here, last.mark) == (
            0.0,
            "repeat",
            0.0,
            "!",
        )
        assert last.p_cumulative == pytest.approx(doubled.p_match)
        assert doubled.to_json()["ranks"][4]["chance"] == 0.0


def test_the_first_of_two_ranks_is_the_one_counted(catalog: Any) -> None:
    """Moved above its twin, the repeat is the one counted, with its own chance."""
    data = ranklist_data(catalog)
    tracker = Tracker.of(PROGRAMS, TODAY)
    refs = ["1000000C0", "1000074C0", "1000000C0"]
    sim = simulate(resolve(items(refs, {0: 0.2, 1: 0.5, 2: 0.9}), tracker, data), data, tracker)
    assert sim.p_match == pytest.approx(1 - 0.8 * 0.5)
    moved = simulate(
        resolve(items([refs[2], refs[0], refs[1]], {0: 0.9, 1: 0.2, 2: 0.5}), tracker, data),
        data,
        tracker,
    )
    assert moved.p_match == pytest.approx(1 - 0.1 * 0.5)
    assert [r.chance_source for r in moved.ranks] == ["yours", "repeat", "yours"]


def _save(workspace: Any, refs: list[str]) -> None:
    workspace.save_programs(ProgramList(programs=PROGRAMS))
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items(refs))))


def _saved_refs(home: Path) -> list[str]:
    data = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    return [item["program"] for item in data["ranklist"]["items"]]


async def test_the_pane_refuses_a_program_ranked_already_as_the_cli_refuses_the_list(
    workspace: Any, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: typing rank 1's name on the add line ranked it again (flagged, yet counted and
    saved), and `ranklist simulate` then refused the saved list (exit 2). The pane now refuses
    the addition with the rule the CLI names, and the list stays one `ranklist check` takes."""
    _save(workspace, CODES)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        before = screen.sim.match_text
        for typed in ("Cleveland Academic IM", "1000000C0", "cleveland acad"):
            await pilot.press("a", *typed, "enter")
            await pilot.pause()
            assert [i.program for i in screen.items] == CODES, typed
            assert screen.sim.match_text == before
            field = screen.query_one(".rank-add", Input)
            assert field.value == typed  # kept, to be corrected
            field.value = ""
            screen.query_one("#rank-table").focus()
        said = [n.message for n in app._notifications]
        assert "'1000000C0' is already at rank 1: a program can be ranked once" in said
        assert (
            "'Cleveland Academic IM' has the NRMP code of rank 1 (1000000C0): a program can be "
            "ranked once"
        ) in said
        assert not any(m.startswith("Added ") for m in said)  # a beginning is refused alike
        await pilot.press("x")  # a change, so the list is saved
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _saved_refs(home) == CODES[1:]
    capsys.readouterr()
    assert main(["--today", TODAY.isoformat(), "ranklist", "check"]) == 0


async def test_a_saved_list_ranking_a_program_twice_shows_the_odds_of_it_once(
    workspace: Any, home: Path
) -> None:
    """A list saved before (or written by hand) with a repeat: the pane names the rule broken
    and shows the odds with the program counted once, as the list without the repeat."""
    _save(workspace, [*CODES, "1000000C0"])
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert "'1000000C0' is already at rank 1" in summary
        doubled = screen.sim
        screen.query_one("#rank-table").move_cursor(4)
        await pilot.press("x")
        await pilot.pause()
        assert [i.program for i in screen.items] == CODES
        assert screen.sim.match_text == doubled.match_text
        assert screen.sim.p_unmatched == pytest.approx(doubled.p_unmatched, abs=1e-12)
