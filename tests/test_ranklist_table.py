"""The rank list's table. The ranks are a virtual table: a long list is all there at once (no
rows arriving over the frames after the pane opens, as a DataTable filled in chunks did: with
20,000 tracked programs that fill ran ~0.5 s into the next pane switches), each column as wide
as its widest cell, and a move redraws in place. The criteria tab is one too, with a cell
cursor: only the rows drawn are made, and a score change redraws in place."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.screens import ranklist, ranklist_rows
from matchtui.store import PROGRAMS
from matchtui.widgets.name_cuts import cells
from matchtui.widgets.program_table import ProgramTable
from tests.test_ranklist_pane import TODAY


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_cells_is_the_cell_width(text: str) -> None:
    assert cells(text) == cell_len(text)


def _plain_rows(table: ProgramTable[Any]) -> list[str]:
    return [table.line_plain(i) for i in range(table.row_count)]


def _ranklist_app(workspace: Any, programs: int) -> MatchApp:
    """The app opening on the Rank list, with `programs` tracked programs (a sixth or so of
    them interviewed: the starting ranks)."""
    workspace.store.save(PROGRAMS, make_programs(workspace.catalog, programs))
    return MatchApp(workspace, first_pane="ranklist", today=TODAY)


def _rank_table(app: MatchApp) -> ProgramTable[Any]:
    table: ProgramTable[Any] = app.screen.query_one("#rank-table", ProgramTable)
    return table


async def test_a_long_rank_list_is_all_there_at_once_and_a_move_redraws_in_place(
    workspace: Any,
) -> None:
    app = _ranklist_app(workspace, 3000)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = _rank_table(app)
        count = len(screen.items)
        assert count > 300
        assert table.row_count == count  # every rank, with the first frame
        names = [table.cell_text(i, "program") for i in range(count)]
        assert names == [item.program for item in screen.items]
        # Columns as wide as their widest cell: every line the same width, nothing cut.
        lines = _plain_rows(table)
        assert len({cell_len(line) for line in lines}) == 1
        assert all(item.program in line for item, line in zip(screen.items, lines, strict=True))
        # Deep in the list, a move: the two ranks swap, the cursor follows, the view stays.
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == count - 1
        top = table.scroll_offset.y
        last, before = screen.items[-1].program, screen.items[-2].program
        await pilot.press("K")
        await pilot.pause()
        assert [item.program for item in screen.items[-2:]] == [last, before]
        assert table.cursor == count - 2
        assert table.scroll_offset.y == top
        assert table.cell_text(count - 2, "program") == last
        assert table.cell_text(count - 1, "program") == before
        assert table.cell_text(count - 2, "rank") == str(count - 1)


async def test_a_hard_stop_strikes_the_name_out_and_narrow_drops_the_track(
    workspace: Any,
) -> None:
    app = _ranklist_app(workspace, 40)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = _rank_table(app)
        assert [key for key, _, _ in table.columns] == [
            "rank",
            "program",
            "track",
            "chance",
            "here",
            "sofar",
        ]
        await pilot.press("h")
        await pilot.pause()
        name = table.cells_at(0)[1]
        assert any("strike" in str(span.style) for span in name.spans)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.pause()
        assert "track" not in [key for key, _, _ in table.columns]
        assert all(
            cell_len(table.cell_text(i, "program")) <= ranklist_rows.NARROW_NAME
            for i in range(table.row_count)
        )


class Narrow(App[None]):
    """A table wider than its space: a horizontal scrollbar under the rows."""

    CSS = "ProgramTable { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ProgramTable[int](
            [("n", "Number", 6), ("name", "A long program name column", 40)],
            lambda i: [Text(str(i)), Text(f"Program {i}")],
        )


async def test_the_cursor_row_never_hides_under_a_horizontal_scrollbar() -> None:
    """At 80 columns the rank list (and the Mix list) are wider than their space: `end` put
    the cursor on a row under the scrollbar, so the last rank was out of sight (and `K` moved
    a program nobody could see)."""
    app = Narrow()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        table.set_rows(range(100))
        await pilot.pause()
        assert table.scrollbars_enabled[1]  # the horizontal one is there
        table.focus()
        visible = table.scrollable_content_region.height - 1  # rows below the header
        for key in ("end", "pageup", "pagedown", "home", "pagedown"):
            await pilot.press(key)
            await pilot.pause()
            top = int(table.scroll_offset.y)
            assert top <= table.cursor < top + visible, key
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 99
        assert int(table.scroll_offset.y) + visible == 100  # the last row shows, at the bottom


class Tall(App[None]):
    CSS = "ProgramTable { width: 40; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ProgramTable[int]([("n", "Number", 8)], lambda i: [Text(str(i))])


async def test_fewer_rows_keep_the_scrollbar_right_and_the_end_in_reach() -> None:
    """A filter that changes only the number of rows (the scrollbars stay) is drawn without a
    layout of the screen: the scrollbar still spans the new rows and the last row is reached;
    one that makes the scrollbar unneeded hides it."""
    app = Tall()
    async with app.run_test(size=(50, 16)) as pilot:
        table = app.query_one(ProgramTable)
        table.set_rows(range(1000))
        await pilot.pause()
        assert table.show_vertical_scrollbar
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        table.set_rows(range(300))  # fewer rows, a scrollbar still needed
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == 301
        assert table.max_scroll_y == 301 - table.scrollable_content_region.height
        await pilot.press("end")
        await pilot.pause()
        visible = table.scrollable_content_region.height - 1
        assert table.cursor == 299 and int(table.scroll_offset.y) + visible == 300
        table.set_rows(range(3))  # fits: the scrollbar goes
        await pilot.pause()
        assert not table.show_vertical_scrollbar
        assert table.scroll_offset.y == 0
        table.set_rows(range(500))  # needed again: it comes back
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.window_virtual_size == 501


async def test_the_criteria_tab_makes_only_the_rows_drawn_and_a_score_redraws_in_place(
    workspace: Any,
) -> None:
    """With a thousand ranks the criteria tab shows at once, every column as wide as its widest
    cell, but only the rows on screen are made; + on a rank deep in the list changes that
    rank's score and its weighted score, and the cursor and the view stay where they were."""
    app = _ranklist_app(workspace, 6000)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        count = len(screen.items)
        assert count >= 1000
        await screen._later.build("tab-criteria")  # built out of sight at a pause in the keys
        table: ProgramTable[int] = screen.query_one("#criteria-table", ProgramTable)
        made: list[int] = []
        cells = table.cells

        def counted(position: int) -> Any:
            made.append(position)
            return cells(position)

        table.cells = counted
        await pilot.press("t")
        await pilot.pause()
        assert table.has_focus and table.row_count == count + 1  # the weights, then each rank
        assert made and set(made) <= set(range(table.size.height))
        made.clear()
        await pilot.press("end", "right", "right")
        await pilot.pause()
        assert (table.cursor, table.cursor_column) == (count, 2)
        top = table.scroll_offset.y
        on_screen = set(range(int(top), int(top) + table.size.height))
        assert set(made) <= on_screen
        made.clear()
        criterion = ranklist.CRITERIA[1]
        before = screen.items[-1].scores.get(criterion, 0)
        sim, violations = screen.sim, screen.violations
        await pilot.press("plus")
        await pilot.pause()
        assert screen.items[-1].scores.get(criterion, 0) == before + 1
        assert screen.sim is sim and screen.violations is violations  # scores: no new odds
        assert [it.scores for it in screen.items[:-1]] == [{} for _ in range(count - 1)]
        assert (table.cursor, table.cursor_column) == (count, 2)
        assert table.scroll_offset.y == top
        assert set(made) == {count}  # that rank's line alone is made again
        assert table.cell_text(count, criterion) == str(before + 1)
        assert table.cell_text(count, "program") == screen.resolved[-1].label
        # Columns as wide as their widest cell: every line the same width, nothing cut.
        lines = [table.line_plain(i) for i in range(0, count + 1, 97)]
        assert len({cell_len(line) for line in lines}) == 1
        weights = dict(screen.state.weights)
        await pilot.press("home", "left", "left", "plus")  # the program column: not a score
        await pilot.pause()
        assert table.cursor_column == 0 and screen.state.weights == weights
        await pilot.press("right", "plus")  # the weights row: the first criterion's weight
        await pilot.pause()
        first = ranklist.CRITERIA[0]
        assert screen.state.weights == {**weights, first: weights[first] + 1}
        assert table.cell_text(0, first) == str(weights[first] + 1)


async def test_a_hard_stop_is_dim_on_the_criteria_tab(workspace: Any) -> None:
    app = _ranklist_app(workspace, 40)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("h", "t")
        await pilot.pause()
        table: ProgramTable[int] = screen.query_one("#criteria-table", ProgramTable)
        label = table.cells_at(1)[0]
        assert label.plain == screen.resolved[0].label + " (hard stop)"
        assert any("dim" in str(span.style) for span in label.spans)
        assert table.cell_text(2, "program") == screen.resolved[1].label
        assert table.cell_text(0, "program") == "WEIGHT"
        # Every column as wide as its widest cell or header, over every row (the widths are
        # worked out from the names alone: the other cells are bounded numbers).
        rows = [[c.plain for c in table.cells_at(p)] for p in range(table.row_count)]
        for index, (key, header, width) in enumerate(table.columns):
            widest = max(cell_len(header), *(cell_len(row[index]) for row in rows))
            assert width == max(3, widest), key


def _widths_fit_every_row(table: ProgramTable[Any]) -> None:
    rows = [[c.plain for c in table.cells_at(p)] for p in range(table.row_count)]
    for index, (key, header, width) in enumerate(table.columns):
        widest = max(cell_len(header), *(cell_len(row[index]) for row in rows))
        assert width == max(3, widest), key


async def test_the_program_column_is_measured_again_when_names_or_stops_change(
    workspace: Any,
) -> None:
    """A +/- keeps the program column's width (the names did not change: not read again); a
    hard stop or a new program after it still widens the column to fit."""
    app = _ranklist_app(workspace, 40)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        for tab in screen._later.tabs:  # built out of sight at a pause in the keys
            await screen._later.build(tab)
        table: ProgramTable[int] = screen.query_one("#criteria-table", ProgramTable)
        await pilot.press("t", "down", "right", "plus")
        await pilot.pause()
        _widths_fit_every_row(table)
        widest = max(range(len(screen.items)), key=lambda i: cell_len(screen.resolved[i].label))
        await pilot.press("t", "t", "t", "t")  # back to the list
        for _ in range(widest):
            await pilot.press("down")
        await pilot.press("h", "t")  # the longest name gets " (hard stop)"
        await pilot.pause()
        assert table.cell_text(widest + 1, "program").endswith("(hard stop)")
        _widths_fit_every_row(table)
        await pilot.press("up", "plus")
        await pilot.pause()
        _widths_fit_every_row(table)
        await pilot.press("t", "t", "t", "t", "a", *("A much longer program name " * 2), "enter")
        await pilot.press("t")
        await pilot.pause()
        _widths_fit_every_row(table)
        assert table.columns[0][2] == len("A much longer program name " * 2) - 1


def test_a_rank_list_as_long_as_the_tracker_can_be_saved() -> None:
    """The list starts as the tracker's interviewed programs; with 6,000 tracked programs
    that is over 1,000 ranks, which the saved list refused: the first change (a move, a score)
    raised a ValidationError and closed the app."""
    from pydantic import ValidationError

    from matchtui.models.programs import ProgramList
    from matchtui.models.ranklist import RankItem, RanklistState

    limit = ProgramList.model_fields["programs"].metadata[0].max_length
    state = RanklistState(items=[RankItem(program=f"Program {i}") for i in range(limit)])
    assert len(state.items) == limit
    try:
        RanklistState(items=[RankItem(program="P")] * (limit + 1))
    except ValidationError:
        pass
    else:
        raise AssertionError("a list longer than the tracker's limit was accepted")
