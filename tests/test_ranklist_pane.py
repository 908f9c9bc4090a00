"""The Rank list pane (F8) driven with Pilot: built from the tracker's interviewed programs,
reordered, added to and pruned by keyboard, weighted criteria, hard stops, A-versus-B, and the
list saved to plan.toml (and read back)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Input, Static

from matchtui.app import MatchApp
from matchtui.models.programs import Program, ProgramList
from matchtui.store import PROGRAMS, Store
from matchtui.widgets.program_table import ProgramTable

TODAY = dt.date(2026, 11, 23)


def write_tracker(home: Path) -> None:
    programs = [
        Program(
            name="Alpha Medical Center",
            city="Albany",
            state="NY",
            specialty="internal_medicine",
            tier="academic",
            status="interviewed",
            notes="Strong fellowships; busy wards",
        ),
        Program(
            name="Beta Community Hospital",
            city="Dayton",
            state="OH",
            specialty="family_medicine",
            tier="community",
            status="interviewed",
            notes="Close to family",
        ),
        Program(
            name="Gamma University",
            state="TX",
            specialty="internal_medicine",
            tier="mid_tier",
            status="ranked",
        ),
        Program(
            name="Delta Prelim",
            state="TX",
            specialty="preliminary_medicine",
            tier="community",
            status="applied",
        ),
    ]
    Store(home).save(PROGRAMS, ProgramList(programs=programs))


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="ranklist", today=TODAY)


def rendered(widget: Static, width: int = 100) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


def programs_in(app: MatchApp) -> list[str]:
    screen: Any = app.screen
    return [item.program for item in screen.items]


def saved(home: Path) -> list[str]:
    data = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    return [item["program"] for item in data["ranklist"]["items"]]


async def test_list_built_from_interviewed_programs_and_reordered_by_keyboard(
    workspace: Any, home: Path
) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#rank-table", ProgramTable)
        assert table.has_focus
        # Interviewed and ranked programs, tracker order; "applied" is left off.
        assert programs_in(app) == [
            "Alpha Medical Center",
            "Beta Community Hospital",
            "Gamma University",
        ]
        assert table.row_count == 3
        assert not (home / "plan.toml").exists()  # nothing saved until the applicant acts

        await pilot.press("J")  # Alpha down one
        await pilot.pause()
        assert programs_in(app)[:2] == ["Beta Community Hospital", "Alpha Medical Center"]
        assert table.cursor == 1
        await pilot.press("down", "T")  # Gamma to the top
        await pilot.pause()
        assert programs_in(app) == [
            "Gamma University",
            "Beta Community Hospital",
            "Alpha Medical Center",
        ]
        assert table.cursor == 0
        await pilot.press("K")  # already at the top: stays
        await pilot.press("down", "x")  # remove Beta
        await pilot.pause()
        assert programs_in(app) == ["Gamma University", "Alpha Medical Center"]
        await pilot.press("a", *"Omega Clinic", "enter")
        await pilot.pause()
        assert programs_in(app)[-1] == "Omega Clinic"
        assert table.has_focus
        await pilot.pause()  # saved by a worker thread, started once the change is shown
        await app.workers.wait_for_complete()
        assert saved(home) == ["Gamma University", "Alpha Medical Center", "Omega Clinic"]
        summary = rendered(app.screen.query_one("#rank-summary", Static))
        assert "P(unmatched)" in summary and "Codes 3 of 20" in summary
        assert "independent" in rendered(app.screen.query_one("#rank-assumption", Static), 200)

    again = make_app(workspace)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert programs_in(again) == ["Gamma University", "Alpha Medical Center", "Omega Clinic"]


async def test_odds_chance_keys_and_hard_stop(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        before = screen.sim.p_unmatched
        worked_out = screen.resolved[0].chance
        assert screen.resolved[0].chance_source == "estimate"
        await pilot.press("right_square_bracket")  # Alpha: 5 points up, your own number now
        await pilot.pause()
        assert screen.items[0].chance == round(worked_out + 0.05, 2)
        assert screen.sim.ranks[0].chance_source == "yours"
        assert screen.sim.p_unmatched < before
        await pilot.press("h")
        await pilot.pause()
        assert screen.state.hard_stops == ["Alpha Medical Center"]
        assert "hard stops" in rendered(screen.query_one("#rank-summary", Static))
        await pilot.press("h")  # clears it
        await pilot.pause()
        assert screen.state.hard_stops == []


async def test_criteria_weights_scores_and_suggested_order(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("t")  # criteria tab
        await pilot.pause()
        criteria = screen.query_one("#criteria-table", ProgramTable)
        assert criteria.has_focus
        # Gamma (third program, row 3): location +2.
        await pilot.press("down", "down", "down", "right", "plus", "plus")
        await pilot.pause()
        assert screen.items[2].scores == {"location": 2}
        assert (criteria.cursor, criteria.cursor_column) == (3, 1)  # still on that cell
        assert criteria.cell_text(3, "location") == "2"
        # Weight row: training up to 5.
        await pilot.press("up", "up", "up", "right", "right", "plus", "plus")
        await pilot.pause()
        assert screen.state.weights["training"] == 5
        assert criteria.cell_text(0, "training") == "5"
        await pilot.press("s")
        await pilot.pause()
        assert programs_in(app)[0] == "Gamma University"
    data = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    assert data["ranklist"]["weights"]["training"] == 5


async def test_a_score_change_shows_on_the_compare_tab(workspace: Any, home: Path) -> None:
    """A score or weight change redraws only the tabs that show scores: the comparison too."""
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("t")  # the criteria tab, then the comparison: drawn, then kept
        await pilot.press("t", "t", "t", "t", "t")
        await pilot.pause()
        for _ in range(100):  # built on demand: on a loaded machine it took a few frames more
            tables = screen.query("#criteria-table")
            if tables and tables.first().has_focus:
                break
            await pilot.pause(0.02)
        await pilot.press("down", "right", "plus")  # Alpha (B: under the list's cursor)
        await pilot.press("up", "right", "plus")  # the weight of Program feel: 3 -> 4
        await pilot.pause()
        assert screen.items[0].scores == {"location": 1}
        await pilot.press("t")
        await pilot.pause()
        b = rendered(screen.query_one("#compare-b", Static))
        assert "B: Alpha Medical Center" in b
        assert "Location & ties: 1" in b
        assert "Weighted score 0.2" in b  # 1 x 3 / (3 + 4 + 3 + 3)
        await pilot.press("t", "t", "t")  # the list: its odds as they were
        await pilot.pause()
        assert programs_in(app)[0] == "Alpha Medical Center"


async def test_compare_a_and_b_side_by_side(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m", "down", "t", "t")
        await pilot.pause()
        a = rendered(app.screen.query_one("#compare-a", Static))
        b = rendered(app.screen.query_one("#compare-b", Static))
        assert "A: Alpha Medical Center" in a and "Strong fellowships" in a
        assert "B: Beta Community Hospital" in b and "Close to family" in b


async def test_soap_kit_tab(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", "t", "t")
        await pilot.pause()
        text = rendered(app.screen.query_one("#soap-text", Static), 140)
        assert "up to 45" in text and "2 hours" in text
        assert text.index("Delta Prelim") < text.index("Beta Community Hospital")
        assert "Off-cycle" in text


async def test_f8_opens_the_pane(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen.sub_title.startswith("Rank list")
        # No tracker: an empty list with the empty-list warning.
        assert "empty" in rendered(app.screen.query_one("#rank-summary", Static))


async def test_saving_the_list_keeps_the_other_panes_sections(workspace: Any, home: Path) -> None:
    from matchtui.models.plan import ItemState, PlanFile, TimelineState

    write_tracker(home)
    timeline = TimelineState(
        start_month="2026-01", items={"reality_sheet": ItemState(status="done")}
    )
    workspace.save_plan(PlanFile(timeline=timeline))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause()
    data = tomllib.loads((home / "plan.toml").read_text(encoding="utf-8"))
    assert data["timeline"]["items"]["reality_sheet"]["status"] == "done"
    assert saved(home)[0] == "Beta Community Hospital"


async def test_a_name_with_markup_and_escapes_is_shown_as_text(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"[bold]Mark[/bold] Clinic", "enter")
        await pilot.pause()
        screen: Any = app.screen
        assert screen.items[-1].program == "[bold]Mark[/bold] Clinic"
        await pilot.press("m", "t", "t")
        await pilot.pause()
        assert "[bold]Mark[/bold] Clinic" in rendered(screen.query_one("#compare-a", Static))


async def test_interviewed_programs_missing_from_a_saved_list_are_offered(
    workspace: Any, home: Path
) -> None:
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import RankItem, RanklistState

    write_tracker(home)
    workspace.save_plan(PlanFile(ranklist=RanklistState(items=[RankItem(program="Omega Clinic")])))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        summary = rendered(app.screen.query_one("#rank-summary", Static))
        assert "3 interviewed programs from the tracker not on the list" in summary
        await pilot.press("i")
        await pilot.pause()
        assert programs_in(app) == [
            "Omega Clinic",
            "Alpha Medical Center",
            "Beta Community Hospital",
            "Gamma University",
        ]
        await pilot.press("i")  # nothing left to add
        await pilot.pause()
        assert len(programs_in(app)) == 4


async def test_tracker_changes_show_when_the_pane_comes_back(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert programs_in(app) == []
        write_tracker(home)  # as the tracker pane would, while this pane is away
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert len(programs_in(app)) == 3


async def test_key_state_asked_before_the_pane_is_composed(workspace: Any) -> None:
    """The footer can ask which keys are live before the pane's tabs exist (a key typed just
    as the pane opens): the answer is the list tab's, not an error."""
    from matchtui.screens.ranklist import RanklistScreen

    app = MatchApp(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)):
        screen = RanklistScreen()
        assert screen.check_action("score", ()) is False
        assert all(screen.check_action(action, ()) for action in RanklistScreen.LIST_ACTIONS)


async def test_plan_changed_by_another_window_asks_instead_of_crashing(
    workspace: Any, home: Path
) -> None:
    """Another window (or the CLI) saved plan.toml after the Rank list read it: a move then
    shows the conflict dialog (reload, keep mine, merge) as the Mix and Plan panes do; it
    raised Conflict out of the pane and closed the app."""
    from matchtui.models.plan import PlanFile
    from matchtui.models.rank_state import RankItem, RanklistState
    from matchtui.widgets.conflict import ConflictDialog
    from matchtui.workspace import Workspace

    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("J")  # the first save: plan.toml now holds this list
        await pilot.pause()  # saved by a worker thread, started once the change is shown
        await app.workers.wait_for_complete()
        await pilot.pause()
        other = Workspace.from_options(str(home))
        theirs = RanklistState(items=[RankItem(program="Written Elsewhere")])
        other.save_plan(PlanFile(ranklist=theirs))
        await pilot.press("J")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the worker's save finds the change
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.click("#conflict-reload")
        await pilot.pause()
        assert app.return_code is None  # still running
        assert app.plan is not None and app.plan.ranklist == theirs
    assert "Written Elsewhere" in (home / "plan.toml").read_text(encoding="utf-8")


async def test_the_criteria_tab_of_an_empty_rank_list_shows_its_weights(workspace: Any) -> None:
    """No programs tracked, no ranks: the Criteria tab opened (it closed the app: the program
    column's width was the largest of no names) shows the weights row, and +/- changes a
    weight."""
    from matchtui.widgets.program_table import ProgramTable

    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert screen.items == []
        await pilot.press("t")
        await pilot.pause()
        table = screen.query_one("#criteria-table", ProgramTable)
        assert table.row_count == 1 and "WEIGHT" in table.line_plain(0)
        weights = dict(screen.state.weights)
        await pilot.press("right", "plus")
        await pilot.pause()
        first = next(iter(weights))
        assert screen.state.weights[first] == min(5, weights[first] + 1)


async def test_a_typed_beginning_adds_the_one_tracked_program_it_names(
    workspace: Any, home: Path
) -> None:
    """Found building a rank list: typing 'Toledo' for the tracked 'Toledo Hospital IM' added a
    program called 'Toledo', which the pane then warned was not in the program list. The
    beginning of one tracked name adds that program; one shared by two names, or under three
    characters, adds what was typed."""
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        before = len(screen.items)
        # (a program not on the list yet: one ranked already is refused, test_ranklist_integrity)
        await pilot.press("a", *"delta  p", "enter")
        await pilot.pause()
        assert programs_in(app)[before:] == ["Delta Prelim"]
        await pilot.press("a", *"De", "enter")  # too short to pick
        await pilot.pause()
        assert programs_in(app)[before + 1 :] == ["De"]
    from matchtui.engine.ranklist import Tracker

    tracker = Tracker.of(
        [
            Program(
                name="Toledo Hospital IM",
                state="OH",
                specialty="internal_medicine",
                tier="community",
            ),
            Program(
                name="Toledo Mercy FM", state="OH", specialty="family_medicine", tier="community"
            ),
        ]
    )
    assert tracker.find_beginning("toledo") is None  # two begin so
    found = tracker.find_beginning("Toledo  Hosp")
    assert found is not None and found.name == "Toledo Hospital IM"


async def test_the_add_line_completes_a_tracked_name_as_it_is_typed(
    workspace: Any, home: Path
) -> None:
    """The add line took a name typed in full or a unique beginning, with nothing shown while
    typing: it now completes from the tracker as a name is typed (dimmed after the cursor),
    and right arrow takes the name as the tracker writes it."""
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        before = len(screen.items)
        await pilot.press("a", *"delta p")
        await pilot.pause()
        field = screen.query_one(".rank-add", Input)
        assert field.value == "delta p"
        await pilot.press("right")  # takes the completion
        await pilot.pause()
        assert field.value == "Delta Prelim"
        await pilot.press("enter")
        await pilot.pause()
        assert programs_in(app)[before:] == ["Delta Prelim"]
        await pilot.press("a", *"zz", "right")  # nothing tracked begins so: nothing to take
        await pilot.pause()
        assert screen.query_one(".rank-add", Input).value == "zz"


def test_completion_is_the_first_tracked_name_or_code_with_that_beginning() -> None:
    from matchtui.engine.ranklist import Tracker

    tracker = Tracker.of(
        [
            Program(
                name="Toledo Mercy FM", state="OH", specialty="family_medicine", tier="community"
            ),
            Program(
                name="Toledo Hospital IM",
                state="OH",
                specialty="internal_medicine",
                tier="community",
                nrmp_code="1234140C0",
            ),
        ]
    )
    assert tracker.completion("tol") == "Toledo Hospital IM"  # alphabetically first
    assert tracker.completion("TOLEDO M") == "Toledo Mercy FM"
    assert tracker.completion("1234") == "1234140C0"
    assert tracker.completion("Toledo Mercy FM") is None  # typed in full: nothing to add
    assert tracker.completion("") is None and tracker.completion("  ") is None
    assert tracker.completion("x") is None


async def test_long_names_leave_every_column_in_sight_at_120x40(workspace: Any, home: Path) -> None:
    """Found at 120x40: the program column took its longest name (34 cells), so the table was
    wider than its side of the pane and the last header read 'So fa'. The names now take the
    width the other columns leave, cut so that two alike names still read apart."""
    names = [
        "Indianapolis Academic IM Program 7",
        "Indianapolis Academic IM Program 22",
        "Philadelphia Community IM Program 12",
        "Minneapolis Mid Tier IM Program 8",
    ]
    programs = [
        Program(
            name=name,
            state="IN",
            specialty="internal_medicine",
            tier="academic",
            status="interviewed",
        )
        for name in names
    ]
    Store(home).save(PROGRAMS, ProgramList(programs=programs))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#rank-table", ProgramTable)
        lines = [
            "".join(segment.text for segment in table.render_line(y)) for y in range(len(names) + 1)
        ]
        header, *rows = lines
        assert header.split() == ["#", "Program", "Track", "Chance", "Here", "So", "far"]
        assert table.virtual_size.width <= table.size.width  # nothing scrolls sideways
        shown = [row.split("  ")[1].strip() for row in rows]
        assert len(set(shown)) == len(names), shown
        # The two Indianapolis names share 33 characters: each keeps the number at its end.
        assert shown[0].endswith("…7") and shown[1].endswith("…22"), shown
        for row in rows:
            assert row.rstrip().endswith("%")  # the 'So far' figure, whole
