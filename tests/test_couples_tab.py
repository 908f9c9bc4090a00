"""A couple's rank list in the app: the Rank list pane's Couples tab builds the pairs by keyboard,
refuses what the couples rules refuse as it is typed, shows the couple's odds as
`ranklist simulate --couple` gives them, and saves the pairs in plan.toml beside the list (the
CLI and the report read them back). Before, couples lists existed only as files for the CLI."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Static

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.engine.ranklist import Tracker, couples_lines, couples_result, ranklist_data
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import PairEntry, RankItem, RanklistState
from matchtui.screens import ranklist_couples
from matchtui.screens.ranklist_couples import (
    PairNames,
    couples_summary,
    pair_of,
    pairs_alone,
    read_pair,
)
from matchtui.store import PROGRAMS, Store
from matchtui.widgets.program_table import ProgramTable
from tests.test_ranklist_pane import TODAY, rendered, write_tracker


def tracker() -> Tracker:
    return Tracker.of(
        [
            Program(name="Alpha Medical Center", state="NY", specialty="internal_medicine",
                    tier="academic", status="interviewed"),
            Program(name="Beta Community Hospital", state="OH", specialty="family_medicine",
                    tier="community", status="interviewed", nrmp_code="1234120C0"),
        ]
    )  # fmt: skip


def saved_pairs(home: Path) -> list[dict[str, Any]]:
    data = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    pairs: list[dict[str, Any]] = data["ranklist"]["pairs"]
    return pairs


# -- reading a typed pair ---------------------------------------------------------------------


def test_a_typed_pair_is_read_as_the_couples_rules_take_it(catalog: Any) -> None:
    known, data = tracker(), ranklist_data(catalog)
    read = read_pair("Alpha Medical Center / beta community hospital", known, [], data)
    assert read.pair == PairEntry(a="Alpha Medical Center", b="1234120C0")  # its code
    assert read.problem == ""
    read = read_pair("alpha | no_match", known, [], data)  # a unique beginning; the other separator
    assert read.pair == PairEntry(a="Alpha Medical Center", b="no_match")
    assert "Alpha Medical Center" in read.problem  # says which program 'alpha' was taken for


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("Alpha Medical Center", "Write both sides"),
        ("no_match / No Match", "at least one partner"),
        ("Alpha Medical Center / Omega Clinic", "not in your program tracker (programs.toml)"),
        ("Beta Community Hospital / Alpha Medical Center", "already at rank 1"),
        ("1234120C0 / alpha medical center", "already at rank 1"),  # the same pair by its code
        ("<b> / Alpha Medical Center", "a: '<b>' is not in your program tracker"),
        ("Alpha Medical Center | " + "x" * 201, "b: String should have at most 200"),
    ],
)
def test_a_pair_the_rules_refuse_is_refused_as_it_is_typed(
    typed: str, refused: str, catalog: Any
) -> None:
    ranked = [PairEntry(a="Beta Community Hospital", b="Alpha Medical Center")]
    read = read_pair(typed, tracker(), ranked, ranklist_data(catalog))
    assert read.pair is None
    assert refused in read.problem


def test_without_a_tracker_any_well_formed_name_is_taken(catalog: Any) -> None:
    read = read_pair("Omega Clinic / Zeta Hospital", Tracker(), [], ranklist_data(catalog))
    assert read.pair == PairEntry(a="Omega Clinic", b="Zeta Hospital")


async def test_the_side_being_typed_is_completed_from_the_tracker() -> None:
    names = PairNames(tracker)
    assert await names.get_suggestion("Alp") == "Alpha Medical Center"
    assert await names.get_suggestion("Alpha Medical Center / be") == (
        "Alpha Medical Center / Beta Community Hospital"
    )
    assert await names.get_suggestion("no_match | al") == "no_match | Alpha Medical Center"
    assert await names.get_suggestion("Alpha Medical Center / zz") is None


# -- what the tab shows -------------------------------------------------------------------------


def test_the_summary_shows_the_engines_odds_and_the_rules_when_empty(catalog: Any) -> None:
    data = ranklist_data(catalog)
    empty = couples_summary(couples_result([], Tracker(), data), data, None)
    text = "".join(piece for piece, _ in empty)
    assert "No pairs yet" in text
    assert all(rule.text in text for rule in data.couples_rules)

    pairs = [
        PairEntry(a="Ann Arbor", b="Boston", a_chance=0.5, b_chance=0.4),
        PairEntry(a="Ann Arbor", b="no_match"),
    ]
    result = couples_result(pairs, Tracker(), data)
    assert result.odds is not None
    text = "".join(piece for piece, _ in couples_summary(result, data, None))
    assert all(line in text for line in couples_lines(result.odds))
    assert "worked out by matchtui" not in text  # every chance is the applicant's own
    pending = couples_result(pairs, Tracker(), data, with_odds=False)  # as a session's first
    working = "".join(piece for piece, _ in couples_summary(pending, data, None))
    assert "Working out" in working and "Both matched" not in working


def test_a_broken_rule_shows_instead_of_odds(catalog: Any) -> None:
    data = ranklist_data(catalog)
    pairs = [
        PairEntry(a="Ann Arbor", b="Boston"),
        PairEntry(a="Ann Arbor", b="Boston"),
    ]  # the same pair twice
    result = couples_result(pairs, Tracker(), data)
    assert result.odds is None and [v.id for v in result.violations] == ["duplicate_pair"]
    pieces = couples_summary(result, data, None)
    assert ("! rank 2: the same pair is already at rank 1\n", "error") in pieces
    assert "Both matched" not in "".join(piece for piece, _ in pieces)


# -- the pane, by keyboard ------------------------------------------------------------------------


async def open_couples(app: MatchApp, pilot: Any) -> Any:
    await pilot.pause()
    await pilot.press("t", "t", "t", "t")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def test_a_couples_list_built_by_keyboard_is_saved_and_simulated_alike(
    workspace: Any, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tracker(home)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_couples(app, pilot)
        assert screen.query_one("TabbedContent").active == "tab-couples"
        table = screen.query_one("#couples-table", ProgramTable)
        assert table.has_focus
        assert "No pairs yet" in rendered(screen.query_one("#couples-summary", Static))

        await pilot.press("a", *"alpha / beta c", "right", "enter")
        await pilot.press("a", *"Alpha Medical Center / no_match", "enter")
        await pilot.press("a", *"Gamma University | Alpha", "enter")
        await pilot.pause()
        assert table.row_count == 3 and table.has_focus
        assert [line.split()[1] for line in map(table.line_plain, range(3))] == [
            "Alpha",
            "Alpha",
            "Gamma",
        ]
        await pilot.press("a", *"Alpha Medical Center / Omega Clinic", "enter")  # not tracked
        await pilot.pause()
        assert table.row_count == 3
        assert screen.query_one(".couples-add", Input).value  # kept, to be mended
        await pilot.press("escape")
        screen.query_one("#couples-table").focus()

        # Gamma's pair to the top, the No-Match pair down, the partner's chance on Gamma's pair.
        table.move_cursor(2)
        await pilot.press("T")
        await pilot.pause()
        assert table.cursor == 0
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pairs = screen.state.pairs
        assert [(p.a, p.b) for p in pairs] == [
            ("Gamma University", "Alpha Medical Center"),
            ("Alpha Medical Center", "Beta Community Hospital"),
            ("Alpha Medical Center", "no_match"),
        ]
        shown = screen._couples.pairs[0]
        assert pairs[0].b_chance == round(shown.b.chance, 2)
        assert pairs[0].a_chance is not None and pairs[0].a_chance == round(shown.a.chance, 2)
        summary = rendered(screen.query_one("#couples-summary", Static), 140)

        # A change on the list tab keeps the pairs (it saved the list without them before).
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one("TabbedContent").active == "tab-list"
        await pilot.press("J")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = saved_pairs(home)
    assert [(p["a"], p["b"]) for p in written] == [(p.a, p.b) for p in pairs]
    assert written[0]["b_chance"] == pairs[0].b_chance

    # The CLI simulates the pairs the tab saved, and prints the figures the tab showed.
    assert main(["ranklist", "simulate", "--couple", "--json"]) == 0
    odds = json.loads(capsys.readouterr().out)
    for label, key in (("Both matched:", "p_both"), ("Neither:", "p_neither")):
        line = next(x for x in summary.splitlines() if label in x)
        assert line.split()[-1] == f"{round(odds[key] * 100)}%"
    assert main(["ranklist", "check", "--couple"]) == 0
    assert "ok, a couples list of 3 pairs" in capsys.readouterr().out
    assert main(["ranklist", "simulate", "--couple"]) == 0
    text = capsys.readouterr().out
    assert all(line in text for line in summary.splitlines() if line.startswith("Both matched"))

    # The report's rank list section names the pairs and the same odds.
    assert main(["report", "--format", "md"]) == 0
    report = capsys.readouterr().out
    couples = report[report.index("### Couples list") :]
    assert "| 1 | Gamma University |" in couples
    assert f"- Both matched: {round(odds['p_both'] * 100)}%" in couples

    # Read back by a new session.
    again = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_couples(again, pilot)
        assert screen.query_one("#couples-table", ProgramTable).row_count == 3


async def test_the_couples_keys_leave_the_rank_list_alone(workspace: Any, home: Path) -> None:
    write_tracker(home)
    state = RanklistState(
        items=[RankItem(program="Alpha Medical Center"), RankItem(program="Gamma University")],
        pairs=[PairEntry(a="Alpha Medical Center", b="Gamma University")],
    )
    workspace.save_plan(PlanFile(ranklist=state))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_couples(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert screen.state.pairs == []
        assert [item.program for item in screen.items] == [
            "Alpha Medical Center",
            "Gamma University",
        ]
        # No pair: the partner's chance keys do nothing; off the tab they are not offered.
        await pilot.press("right_curly_bracket")
        await pilot.press("t")
        await pilot.pause()
        assert screen.check_action("chance_b", (5,)) is False
        assert screen.check_action("chance", (5,)) is True


# -- the applicant's hard stops hold on their side of the pairs -----------------------------------


def test_a_hard_stop_on_the_applicants_side_is_refused(catalog: Any) -> None:
    stops, data = ["Alpha Medical Center"], ranklist_data(catalog)
    read = read_pair("alpha / Beta Community Hospital", tracker(), [], data, stops)
    assert read.pair is None and "hard stops" in read.problem
    # The partner's side is the partner's to decide.
    assert read_pair("Beta Community Hospital / alpha", tracker(), [], data, stops).pair
    pairs = [
        PairEntry(a="Beta Community Hospital", b="no_match"),
        PairEntry(a="alpha medical center", b="Beta Community Hospital"),
    ]
    result = couples_result(pairs, tracker(), data, hard_stops=stops)
    assert [(v.id, v.index) for v in result.violations] == [("hard_stop", 1)]
    assert result.odds is None


def test_the_cli_refuses_a_couples_file_against_the_saved_hard_stops(
    workspace: Any, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tracker(home)
    workspace.save_plan(PlanFile(ranklist=RanklistState(hard_stops=["Beta Community Hospital"])))
    path = tmp_path / "couple.toml"
    path.write_text(
        '[[pairs]]\na = "Alpha Medical Center"\nb = "Beta Community Hospital"\n\n'
        '[[pairs]]\na = "Beta Community Hospital"\nb = "no_match"\n',
        encoding="utf-8",
    )
    assert main(["ranklist", "check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{path}:5: [pairs[1]] hard_stop: a: 'Beta Community Hospital' is one of your" in err


def test_the_pair_past_nrmps_limit_is_refused_as_it_is_typed(catalog: Any) -> None:
    data = ranklist_data(catalog)
    limit = int(data.rules.max_ranks.value)
    ranked = [PairEntry(a=f"Hospital {n:03d}", b="no_match") for n in range(limit)]
    read = read_pair("One More Hospital / no_match", Tracker(), ranked, data)
    assert read.pair is None and f"at most {limit}" in read.problem
    assert read_pair("One More Hospital / no_match", Tracker(), ranked[:-1], data).pair
    # A list past the limit already (a file made so, or a limit since lowered) takes no more.
    over = [*ranked, PairEntry(a="Hospital 999", b="no_match")]
    read = read_pair("One More Hospital / no_match", Tracker(), over, data)
    assert read.pair is None and f"at most {limit}" in read.problem


async def test_a_hard_stop_set_on_the_list_marks_the_pair_that_ranks_it(
    workspace: Any, home: Path
) -> None:
    write_tracker(home)
    pairs = [
        PairEntry(a="Beta Community Hospital", b="no_match"),
        PairEntry(a="Alpha Medical Center", b="Beta Community Hospital"),
    ]
    workspace.save_plan(PlanFile(ranklist=RanklistState(pairs=pairs)))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_couples(app, pilot)
        table = screen.query_one("#couples-table", ProgramTable)
        assert "Both matched" in rendered(screen.query_one("#couples-summary", Static), 140)
        assert "!" not in table.line_plain(0)
        await pilot.press("t")  # the list: its first rank is Alpha, hard-stopped with h
        await pilot.pause()
        assert screen.items[0].program == "Alpha Medical Center"
        await pilot.press("h", "t", "t", "t", "t")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = rendered(screen.query_one("#couples-summary", Static), 140)
        assert "! rank 2: a: 'Alpha Medical Center' is one of your hard stops" in summary
        assert "Both matched" not in summary
        assert table.line_plain(1).split()[:2] == ["2", "!"]
        assert "!" not in table.line_plain(0)


async def test_in_a_session_one_thread_works_the_odds_out_for_the_newest_pairs(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long list's odds take a Monte Carlo of tens of milliseconds: in a session they are
    worked out off the UI thread. A key held down asks for them many times; one thread works
    them out at a time, and what shows is for the pairs as they end up."""
    import threading
    import time

    from matchtui.screens import ranklist as pane
    from tests.test_gc_first_build import opened, wait_until

    pairs = [PairEntry(a=f"Hospital {n}", b=f"Clinic {n}") for n in range(8)]  # 16 chances
    workspace.save_plan(PlanFile(ranklist=RanklistState(pairs=pairs)))
    inside, most, calls = 0, 0, 0
    lock = threading.Lock()
    real = pane.couples_result

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal inside, most, calls
        if not kwargs.get("with_odds", True):
            return real(*args, **kwargs)  # the pairs drawn at once, on the UI thread
        assert threading.current_thread() is not threading.main_thread()
        with lock:
            inside, calls = inside + 1, calls + 1
            most = max(most, inside)
        try:
            time.sleep(0.1)  # as on a slow machine: each key comes before the last odds
            return real(*args, **kwargs)
        finally:
            with lock:
                inside -= 1

    monkeypatch.setattr(pane, "couples_result", counted)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, app)
        screen: Any = app.screen
        await wait_until(pilot, lambda: not screen.reading_programs)
        # Once the pane has settled (its other tabs built at idle): on a loaded machine a key
        # pressed while a tab is being built could come late, or the tabs' first activation
        # after a switch made early. The keys to the tabs are tested without a session above.
        await wait_until(pilot, lambda: screen._later.built("tab-soap"))
        tabs = screen.query_one("TabbedContent")
        await pilot.press("t", "t", "t", "t")
        await wait_until(
            pilot, lambda: tabs.active == "tab-couples" and screen._later.built("tab-couples")
        )
        assert tabs.active == "tab-couples", tabs.active
        assert screen._later.built("tab-couples")
        await pilot.press(*["right_curly_bracket"] * 12)
        summary = screen.query_one("#couples-summary", Static)
        await wait_until(
            pilot, lambda: not screen._odds_running and "Both matched" in rendered(summary, 140)
        )
        assert screen.state.pairs[0].b_chance is not None
        final = real(screen.state.pairs, Tracker(), ranklist_data(app.catalog), screen.estimates)
        assert final.odds is not None and final.odds.method == "monte_carlo"
        assert couples_lines(final.odds)[0] in rendered(summary, 140)
    assert most == 1 and 1 <= calls < 12  # (the keys between two workings-out: one)


async def test_i_pairs_each_of_your_ranks_with_your_partner_unmatched(
    workspace: Any, home: Path
) -> None:
    """The couples' own warning asks for pairs with one side at the No-Match code; on the
    Couples tab i adds each rank of the applicant's list so, in the list's order, once, and not
    a hard stop."""
    write_tracker(home)
    pairs = [PairEntry(a="Beta Community Hospital", b="no_match")]
    state = RanklistState(
        items=[
            RankItem(program="Gamma University"),
            RankItem(program="Beta Community Hospital"),
            RankItem(program="Alpha Medical Center"),
        ],
        hard_stops=["Alpha Medical Center"],
        pairs=pairs,
    )
    workspace.save_plan(PlanFile(ranklist=state))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_couples(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert [(p.a, p.b) for p in screen.state.pairs] == [
            ("Beta Community Hospital", "no_match"),
            ("Gamma University", "no_match"),
        ]
        assert screen.query_one("#couples-table", ProgramTable).cursor == 1
        await pilot.press("i")  # nothing more to add
        await pilot.pause()
        assert len(screen.state.pairs) == 2
        assert screen.items[0].program == "Gamma University"  # the list as it was


def test_one_program_chance_is_written_in_the_singular(catalog: Any) -> None:
    """A pair with your partner at no_match read "every outcome of 1 program chances"."""
    data = ranklist_data(catalog)
    result = couples_result([PairEntry(a="Mayo Clinic", b="no_match")], Tracker(), data)
    assert result.odds is not None
    assert couples_lines(result.odds)[-1] == "Method: exact, over every outcome of 1 program chance"


# -- i on a long list -------------------------------------------------------------------------

_SIDES = st.sampled_from(
    [
        "Alpha Medical Center",  # a hard stop below
        "Beta Community Hospital",
        "1234120C0",  # Beta's NRMP code: the same program
        "beta comm",  # the one name it begins
        "Nowhere General",  # not in the tracker
        "no_match",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(st.tuples(_SIDES, _SIDES), max_size=4),
    ranks=st.lists(_SIDES, max_size=8),
    limit=st.integers(min_value=0, max_value=6),
)
def test_pairing_each_rank_at_once_takes_what_one_by_one_would(
    catalog: Any, before: list[tuple[str, str]], ranks: list[str], limit: int
) -> None:
    """`i` checks the couples rules once for the whole list; it takes exactly the pairs that
    adding them one at a time (as the add line does) would take, in the same order: hard
    stops, unknown programs, duplicates (one spelling or another) and NRMP's limit alike."""
    data = ranklist_data(catalog)
    data = data.model_copy(
        update={
            "rules": data.rules.model_copy(
                update={"max_ranks": data.rules.max_ranks.model_copy(update={"value": limit})}
            )
        }
    )
    stops = ["Alpha Medical Center"]
    pairs = [PairEntry(a=a, b=b) for a, b in before if a and b]
    one_by_one = list(pairs)
    for rank in ranks:
        read = pair_of((rank, "no_match"), tracker(), one_by_one, data, stops)
        if read.pair is not None:
            one_by_one.append(read.pair)
    at_once = pairs_alone(ranks, tracker(), pairs, data, stops)
    assert [*pairs, *at_once] == one_by_one


async def test_i_on_a_long_list_checks_the_couples_rules_once(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With 300 ranks, `i` re-checked the whole couples list once per rank (O(n^2): ~60 ms on
    one key, over the 50 ms the loop may be held); now the rules run once."""
    programs = [
        Program(name=f"Hospital {n:03d}", state="OH", specialty="internal_medicine",
                tier="community", status="interviewed")
        for n in range(300)
    ]  # fmt: skip
    Store(home).save(PROGRAMS, ProgramList(programs=programs))
    items = [RankItem(program=p.name) for p in programs]
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=items)))
    calls: list[int] = []
    checked = ranklist_couples.check_couples

    def counted(pairs: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(pairs))
        return checked(pairs, *args, **kwargs)

    monkeypatch.setattr(ranklist_couples, "check_couples", counted)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_couples(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert len(screen.state.pairs) == 300
        assert [(p.a, p.b) for p in screen.state.pairs[:2]] == [
            ("Hospital 000", "no_match"),
            ("Hospital 001", "no_match"),
        ]
        assert calls == [300]


def test_the_four_outcomes_add_to_100_alike_in_the_cli_the_tab_and_the_report(
    workspace: Any, home: Path, catalog: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found: each outcome was rounded on its own, so a 3% partner A over a 50% partner B
    (both 1.5%, only A 1.5%, neither 97%) read 2% + 2% + 0% + 97% = 101%, and partner A's
    chance (both + only A) read 4% for an exact 3%. The four are now split once, by largest
    remainder, in the engine: they add to 100 wherever they are shown, alike."""
    pairs = [
        PairEntry(a="Alpha Medical Center", b="Beta Community Hospital", a_chance=0.03,
                  b_chance=0.5),
        PairEntry(a="Alpha Medical Center", b="no_match"),
    ]  # fmt: skip
    workspace.save_plan(PlanFile(ranklist=RanklistState(pairs=pairs)))
    data = ranklist_data(catalog)
    result = couples_result(pairs, Tracker(), data)
    assert result.odds is not None
    tab = "".join(piece for piece, _ in couples_summary(result, data, None))

    def figures(text: str, prefix: str = "") -> dict[str, int]:
        found = {}
        for label in ("Both matched:", "Only A:", "Only B:", "Neither:"):
            line = next(x for x in text.splitlines() if x.startswith(prefix + label))
            shown = line.split()[-1]
            found[label] = 0 if shown == "<1%" else int(shown.removesuffix("%"))
        return found

    shown = figures(tab)
    assert sum(shown.values()) == 100
    assert shown["Both matched:"] + shown["Only A:"] == 3  # partner A: exactly 3%
    assert shown["Neither:"] == 97
    assert main(["ranklist", "simulate", "--couple"]) == 0
    cli = capsys.readouterr().out
    assert figures(cli) == shown
    assert "The chance that neither of you matches is 97%" in cli  # the warning, alike
    assert main(["report", "--format", "md"]) == 0
    report = capsys.readouterr().out
    assert figures(report[report.index("### Couples list") :], "- ") == shown
