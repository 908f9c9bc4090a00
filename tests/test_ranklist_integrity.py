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


# --- 2. a program renamed -------------------------------------------------------------------------

MERCY = interviewed("Mercy Dayton IM", None, "community")  # no NRMP code: ranked by name
AKRON = interviewed("Akron IM", "1000001C0", "mid_tier")


def _rank_state(home: Path) -> dict[str, Any]:
    return tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))["ranklist"]


async def _correct(pilot: Any, row: int, field: str, value: str) -> None:
    """Applications pane: e on the program at `row` (sorted by name), `field` set, saved."""
    from matchtui.widgets.tracker_dialogs import AddProgram

    screen: Any = pilot.app.screen
    screen.query_one("#apps-table").move_cursor(row=row)
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AddProgram)
    dialog.query_one(f"#add-{field}", Input).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()


async def test_a_rename_in_the_applications_pane_carries_the_rank_list_with_it(
    workspace: Any, home: Path
) -> None:
    """Audit: renaming a program ranked by name ('Mercy Dayton IM' -> '... Hospital') left
    its rank naming a program the list no longer held ('Not in your program list'), and i
    then ranked the same interview again: P(match) 45% -> 65%. The rank list now names the
    program as the program list does after an edit (by code when it has one), its pairs and
    hard stops too, and i adds nothing."""
    from matchtui.models.ranklist import PairEntry

    workspace.save_programs(ProgramList(programs=[AKRON, MERCY]))
    state = RanklistState(
        items=items(["Mercy Dayton IM", "1000001C0"]),
        pairs=[PairEntry(a="Mercy Dayton IM", b="no_match"), PairEntry(a="Akron IM", b="x IM")],
        hard_stops=["mercy dayton im"],
    )
    workspace.save_plan(PlanFile(ranklist=state))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        before = app.screen.sim.p_unmatched  # type: ignore[attr-defined]
        await pilot.press("f7")
        await pilot.pause()
        await _correct(pilot, 1, "name", "Mercy Dayton IM Hospital")
        saved = _rank_state(home)
        assert [i["program"] for i in saved["items"]] == ["Mercy Dayton IM Hospital", "1000001C0"]
        assert [(p["a"], p["b"]) for p in saved["pairs"]] == [
            ("Mercy Dayton IM Hospital", "no_match"),
            ("Akron IM", "x IM"),  # by its name still: the name did not change
        ]
        assert saved["hard_stops"] == ["Mercy Dayton IM Hospital"]
        said = [n.message for n in app._notifications]
        assert (
            "Your rank list now names Mercy Dayton IM Hospital where it named Mercy Dayton IM."
            in said
        )
        await _correct(pilot, 0, "nrmp_code", "1000002C0")  # a code corrected
        assert [i["program"] for i in _rank_state(home)["items"]] == [
            "Mercy Dayton IM Hospital",
            "1000002C0",
        ]
        assert [p["a"] for p in _rank_state(home)["pairs"]] == [
            "Mercy Dayton IM Hospital",
            "1000002C0",
        ]
        await pilot.press("f8")
        await pilot.pause()
        screen: Any = app.screen
        assert [i.program for i in screen.items] == ["Mercy Dayton IM Hospital", "1000002C0"]
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert "Not in your program list" not in summary
        assert "not on the list" not in summary
        assert screen.sim.p_unmatched == pytest.approx(before)
        await pilot.press("i")
        await pilot.pause()
        assert len(screen.items) == 2


def test_renamed_changes_only_what_names_the_program(catalog: Any) -> None:
    from matchtui.engine.ranklist import renamed

    tracker = Tracker.of([AKRON, MERCY])
    state = RanklistState(items=items(["1000001C0", "Mercy Dayton IM"]))
    # Akron renamed: its rank names its code, which stays
    assert renamed(state, tracker, 0, AKRON.model_copy(update={"name": "Akron City IM"})) is None
    moved = renamed(state, tracker, 1, MERCY.model_copy(update={"nrmp_code": "1000003C0"}))
    assert moved is not None and [i.program for i in moved.items] == ["1000001C0", "1000003C0"]
    assert renamed(None, tracker, 1, MERCY) is None


async def test_i_leaves_off_a_program_a_rank_may_name_under_an_earlier_name(
    workspace: Any, home: Path
) -> None:
    """The program renamed outside the pane (by hand in programs.toml): the rank names its old
    name, and i no longer ranks the same interview a second time (45% -> 65% in the audit);
    it says which rank may be it, and the warning offers the new name."""
    renamed_program = MERCY.model_copy(update={"name": "Mercy Dayton IM Hospital"})
    other = interviewed("Toledo IM", None, "community")
    workspace.save_programs(ProgramList(programs=[renamed_program, other]))
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items(["Mercy Dayton IM"]))))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert "(did you mean 'Mercy Dayton IM Hospital'?)" in summary
        assert "1 interviewed program from the tracker not on the list: i adds them" in summary
        assert "1 interviewed program not on the list that i leaves off" in summary
        await pilot.press("i")
        await pilot.pause()
        assert [i.program for i in screen.items] == ["Mercy Dayton IM", "Toledo IM"]
        said = [n.message for n in app._notifications]
        assert any(
            m.startswith("Not added: 'Mercy Dayton IM Hospital' (rank 1 'Mercy Dayton IM' may")
            for m in said
        )
        screen.query_one("#rank-table").move_cursor(0)
        await pilot.press("x", "i")  # the old rank off: i adds the program
        await pilot.pause()
        assert [i.program for i in screen.items] == ["Toledo IM", "Mercy Dayton IM Hospital"]


@pytest.mark.parametrize(
    ("ref", "name", "alike"),
    [
        ("Mercy Dayton IM", "Mercy Dayton IM Hospital", True),  # made longer
        ("Mercy Dayton IM Hospital", "Mercy Dayton IM", True),  # made shorter, whole words
        ("Akron Genral IM", "Akron General IM", True),  # a typo fixed
        ("Mercyville Hospital", "Mercy", False),  # not at a word's end
        ("Toledo IM", "Akron IM", False),
        ("IM", "IM Program", False),  # too short to tell
    ],
)
def test_may_be_reads_names_as_nearest_name_does(ref: str, name: str, alike: bool) -> None:
    from matchtui.engine.ranklist import may_be, nearest_name

    assert may_be(ref, name) is alike
    program = Program(name=name, state="OH", specialty="internal_medicine", tier="community")
    assert (nearest_name(ref, Tracker.of([program])) == name) is alike


# --- 6. a program removed -------------------------------------------------------------------------


def _season(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=PROGRAMS))
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items(CODES))))


def _eras(workspace: Any, catalog: Any) -> float:
    from matchtui.engine.tracker import ledger

    return ledger(workspace.load_programs().programs, catalog, 2027).eras


def test_cli_remove_names_the_rank_and_keeps_a_paid_fee_unless_forced(
    workspace: Any, home: Path, catalog: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `programs remove` of a ranked program printed only 'removed'; rank 2 became a
    bare code at a made-up 38% chance, and the ERAS fee paid for it left the costs ($330 ->
    $319). A program applied to is refused now, naming its rank and the fee, with the way to
    keep both (withdraw it); --force removes it and its ranks, saying so."""
    _season(workspace)
    paid = _eras(workspace, catalog)
    capsys.readouterr()
    assert main(["programs", "remove", "Chicago Community IM"]) == 2
    err = capsys.readouterr().err
    assert "Chicago Community IM: you applied to it on 2026-09-24" in err
    assert "its ERAS fee is paid and counted in your costs" in err
    assert "It is rank 2 on your rank list." in err
    assert "--stage withdrawn" in err and "--force" in err
    assert len(workspace.load_programs().programs) == 4 and _eras(workspace, catalog) == paid

    assert main(["programs", "set", "Chicago Community IM", "--stage", "withdrawn"]) == 0
    assert _eras(workspace, catalog) == paid  # withdrawn: on record, its fee counted

    assert main(["programs", "remove", "Chicago Community IM", "--force"]) == 0
    out, err = capsys.readouterr()
    assert "Chicago Community IM: was rank 2 on your rank list; taken off it too" in out
    assert "warning: Chicago Community IM: its ERAS fee is no longer counted" in err
    assert [i["program"] for i in _rank_state(home)["items"]] == [CODES[0], *CODES[2:]]
    assert main(["--today", TODAY.isoformat(), "ranklist", "check"]) == 0
    assert "Not in your program list" not in capsys.readouterr().out


def test_cli_remove_of_a_program_never_applied_to_takes_its_rank_off(
    workspace: Any, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planned = Program(name="Zed IM", state="OH", specialty="internal_medicine", tier="community")
    workspace.save_programs(ProgramList(programs=[*PROGRAMS, planned]))
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items([*CODES, "Zed IM"]))))
    assert main(["programs", "remove", "Zed IM"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[1] == "Zed IM: was rank 5 on your rank list; taken off it too"
    assert not err
    assert [i["program"] for i in _rank_state(home)["items"]] == CODES


async def test_the_delete_dialog_names_the_rank_and_the_fee_and_offers_withdrawing(
    workspace: Any, home: Path, catalog: Any
) -> None:
    """Audit: the pane's Delete dialog did not mention the rank list. It now names the rank
    and the paid fee; 'Withdraw instead' keeps both, Remove takes the rank off too."""
    _season(workspace)
    paid = _eras(workspace, catalog)
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table")
        table.move_cursor(row=1)  # sorted by name: Chicago Community IM
        assert screen.programs.programs[screen.selected_index()].name == "Chicago Community IM"
        await pilot.press("delete")
        await pilot.pause()
        question = str(app.screen.query_one("#question", Static).render())
        assert question.startswith(
            "Remove Chicago Community IM (IL) and every date recorded for it from your list?"
        )
        assert "It is rank 2 on your rank list: removing it takes that rank off too." in question
        assert (
            "You applied to it on 2026-09-24: its ERAS fee is paid and counted in your costs, "
            "and removing the program takes the fee out of them. To keep it on record and its "
            "fee counted, withdraw it instead."
        ) in question
        await pilot.press("w")  # withdraw instead: the date prompt, Enter takes today
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert [p.status for p in screen.programs.programs][1] == "withdrawn"
        assert _eras(workspace, catalog) == paid
        assert [i["program"] for i in _rank_state(home)["items"]] == CODES

        await pilot.press("delete")  # withdrawn now: only removing is offered
        await pilot.pause()
        assert "keep it on your list" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("w")  # not offered: nothing happens
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert [p.name for p in screen.programs.programs] == [
            p.name for p in PROGRAMS if p.name != "Chicago Community IM"
        ]
        assert any(
            n.message == "Chicago Community IM: taken off your rank list too (it was rank 2 on "
            "your rank list)."
            for n in app._notifications
        )
        await pilot.press("f8")
        await pilot.pause()
        assert [i.program for i in app.screen.items] == [CODES[0], *CODES[2:]]  # type: ignore[attr-defined]
    assert [i["program"] for i in _rank_state(home)["items"]] == [CODES[0], *CODES[2:]]
