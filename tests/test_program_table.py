"""The program table (widgets/program_table.py), the one virtual table of the Mix and
Applications panes: keys move the cursor, a header click sorts, a status change draws only that
row again, a filter shows the right count and rows, a big list is shown without reading every
row, and the footer keeps the key sets a Select's list swaps between."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.models.programs import PROGRAM_STATUSES, STAGE_LABELS, ProgramList
from matchtui.store import PROGRAMS
from matchtui.widgets.mix_programs import Filters, ProgramsPanel, visible
from matchtui.widgets.program_table import ProgramTable

TODAY = dt.date(2026, 11, 23)
COLUMNS = (("name", "Name", 8), ("n", "N", 4))


def mix_app(workspace: Any, count: int) -> tuple[MatchApp, ProgramList]:
    """The app opening on the Mix pane, with `count` programs in the list (and that list)."""
    programs = make_programs(workspace.catalog, count)
    workspace.store.save(PROGRAMS, programs)
    return MatchApp(workspace, first_pane="mix", today=TODAY), programs


async def open_mix_list(app: MatchApp, pilot: Any) -> tuple[ProgramsPanel, ProgramTable[Any]]:
    """The Mix pane with its program list tab open: the panel and its table."""
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    panel = app.screen.query_one(ProgramsPanel)
    return panel, panel.query_one("#programs-table", ProgramTable)


class TableApp(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.built: list[int] = []  # items whose cells were asked for
        self.highlighted: list[int] = []
        self.headers: list[str] = []

    def cells(self, item: int) -> list[Text]:
        self.built.append(item)
        return [Text(f"row {item}"), Text(str(item))]

    def compose(self) -> ComposeResult:
        yield ProgramTable[int](COLUMNS, self.cells, id="table")

    def on_mount(self) -> None:
        table = self.query_one(ProgramTable)
        table.set_rows(list(range(self.count)))
        table.focus()

    def on_program_table_row_highlighted(self, event: ProgramTable.RowHighlighted) -> None:
        self.highlighted.append(event.position)

    def on_program_table_header_selected(self, event: ProgramTable.HeaderSelected) -> None:
        self.headers.append(event.column)


async def test_keys_move_the_cursor_and_report_it() -> None:
    app = TableApp(100)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        assert table.cursor == 0 and table.selected == 0
        await pilot.press("down", "down")
        assert table.cursor == 2
        await pilot.press("up")
        assert table.cursor == 1
        await pilot.press("pagedown")
        assert table.cursor == 1 + table.size.height - 2
        await pilot.press("end")
        assert table.cursor == 99 and table.selected == 99
        assert table.scroll_offset.y > 0  # the last row is on screen
        await pilot.press("pageup")
        assert table.cursor == 99 - (table.size.height - 2)
        await pilot.press("home")
        assert table.cursor == 0 and table.scroll_offset.y == 0
        await pilot.pause()
        assert app.highlighted[-1] == 0 and 99 in app.highlighted
        # The cursor's line is drawn in the cursor's colours, the others not.
        cursor_style = table.get_component_rich_style("program-table--cursor")
        first, second = (next(iter(table.render_line(y))).style for y in (1, 2))
        assert first is not None and first.bgcolor == cursor_style.bgcolor
        assert second is not None and second.bgcolor != cursor_style.bgcolor


async def test_a_header_click_names_the_column_under_the_mouse() -> None:
    app = TableApp(5)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click("#table", offset=(0, 0))
        await pilot.click("#table", offset=(9, 0))  # the name column's right padding
        await pilot.click("#table", offset=(10, 0))  # the second column
        await pilot.click("#table", offset=(30, 0))  # past the last: the last
        await pilot.pause()
        assert app.headers == ["name", "name", "n", "n"]


async def test_a_big_list_reads_only_the_rows_on_screen() -> None:
    app = TableApp(20_000)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        assert table.row_count == 20_000
        assert table.virtual_size.height == 20_001  # the header and every row
        assert len(set(app.built)) <= table.size.height
        app.built.clear()
        await pilot.press("end")
        await pilot.pause()
        assert set(app.built) <= set(range(20_000 - table.size.height, 20_000))


async def test_a_changed_row_draws_only_its_own_line() -> None:
    app = TableApp(50)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        app.built.clear()
        table.update_row(3)
        await pilot.pause()
        assert app.built == [3]
        app.built.clear()
        await pilot.press("down")  # two lines change look; their texts are kept
        await pilot.pause()
        assert app.built == []


async def test_status_change_in_the_mix_pane_redraws_only_that_row(workspace: Any) -> None:
    app, programs = mix_app(workspace, 2000)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_mix_list(app, pilot)
        table.focus()
        table.move_cursor(2)
        await pilot.pause()
        asked: list[int] = []
        cells = table.cells

        def counting(row: Any) -> Any:
            asked.append(row[0])
            return cells(row)

        table.cells = counting
        index = table.selected[0]
        before = [table.line_plain(i) for i in range(10)]
        asked.clear()
        await pilot.press("s")
        await pilot.pause()
        assert set(asked) == {index}  # only that row's texts were built again
        after = [table.line_plain(i) for i in range(10)]
        assert [i for i in range(10) if before[i] != after[i]] == [2]
        status = panel.programs.programs[index].status
        assert (
            status
            == PROGRAM_STATUSES[
                (PROGRAM_STATUSES.index(programs.programs[index].status) + 1)
                % len(PROGRAM_STATUSES)
            ]
        )
        assert f"  {STAGE_LABELS[status]}  " in after[2]  # the column after the name


async def test_filter_and_header_sort_show_the_right_count_and_rows(workspace: Any) -> None:
    from matchtui.widgets.cycle_select import CycleSelect

    app, programs = mix_app(workspace, 20_000)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_mix_list(app, pilot)
        panel.query_one("#filter-tier", CycleSelect).value = "community"
        await pilot.pause()
        expected = visible(programs, Filters(tier="community"), workspace.catalog)
        count = str(panel.query_one("#programs-count").render())
        assert f"{len(expected)} of 20000 programs shown" in count
        assert table.row_count == len(expected)
        assert len(table.rows._read) <= 40  # type: ignore[attr-defined]  # not every row
        names = [str(table.cells_at(i)[0]) for i in range(20)]
        assert names == [p.name for _, p in expected[:20]]
        # Header click on "St": sorted by state, then the same click turns the order round.
        state_x = 1 + sum(width + 2 for _, _, width in table.columns[:3])
        for reverse in (False, True):
            await pilot.click("#programs-table", offset=(state_x, 0))
            await pilot.pause()
            wanted = Filters(tier="community", sort="state", reverse=reverse)
            assert panel.filters == wanted
            expected = visible(programs, wanted, workspace.catalog)
            shown = [(str(table.cells_at(i)[0]), str(table.cells_at(i)[3])) for i in range(20)]
            assert shown == [(p.name, p.state) for _, p in expected[:20]]


async def test_right_on_the_mix_tier_filter_filters_the_table(workspace: Any) -> None:
    from matchtui.widgets.cycle_select import CycleSelect

    app, programs = mix_app(workspace, 300)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_mix_list(app, pilot)
        tier = panel.query_one("#filter-tier", CycleSelect)
        tier.focus()
        await pilot.pause()
        count = panel.query_one("#programs-count")
        assert "300 of 300 programs shown" in str(count.render())
        for wanted in ("academic", "mid_tier", "community", "all"):  # right, then round
            await pilot.press("right")
            await pilot.pause()
            assert tier.value == wanted and tier.has_focus  # the focus stays on the filter
            expected = visible(programs, Filters(tier=wanted), workspace.catalog)
            assert f"{len(expected)} of 300 programs shown" in str(count.render())
            assert table.row_count == len(expected)
            assert str(table.cells_at(0)[0]) == expected[0][1].name
        await pilot.press("left")  # back to the last tier
        await pilot.pause()
        assert panel.filters == Filters(tier="community")


async def test_a_mix_filter_applies_in_the_same_step_as_its_new_value(workspace: Any) -> None:
    """The count and rows change with the filter's value, not a message hop later (which
    drew the value alone first and the rows a frame slot or two after)."""
    from matchtui.widgets.cycle_select import CycleSelect

    app, programs = mix_app(workspace, 300)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_mix_list(app, pilot)
        tier = panel.query_one("#filter-tier", CycleSelect)
        tier.action_step(1)  # what right runs; no await: no message handled meanwhile
        expected = visible(programs, Filters(tier="academic"), workspace.catalog)
        assert panel.filters == Filters(tier="academic")
        assert table.row_count == len(expected)
        assert f"{len(expected)} of 300 programs shown" in str(
            panel.query_one("#programs-count").render()
        )
        panel.query_one("#filter-sort", CycleSelect).value = "state"
        assert panel.filters == Filters(tier="academic", sort="state")


async def test_a_focused_filter_shows_how_it_changes_in_the_footer(workspace: Any) -> None:
    from matchtui.widgets.pane_footer import PaneFooter

    app, _programs = mix_app(workspace, 50)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, _table = await open_mix_list(app, pilot)
        panel.query_one("#filter-region").focus()
        await pilot.pause(0.1)
        footer = app.screen.query_one(PaneFooter)
        shown = [(key.display, key.description) for key in footer.shown()[0]]
        assert ("←→", "Change") in shown
        assert "Dismiss menu" not in [description for _key, description in shown]


async def test_the_footer_follows_a_select_list_opening_and_closing(workspace: Any) -> None:
    from textual.widgets import Select

    from matchtui.widgets.pane_footer import PaneFooter

    app, _programs = mix_app(workspace, 50)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # A Select still (the filter row steps in place: no list to open).
        app.screen.query_one("#mix-specialty", Select).focus()
        await pilot.pause(0.1)
        footer = app.screen.query_one(PaneFooter)

        def shown() -> list[str]:
            return [key.description for key in footer.shown()[0]]

        closed = shown()
        assert "Use recommended" in closed and "Dismiss menu" not in closed
        await pilot.press("enter")  # the list opens: its keys show
        await pilot.pause(0.1)
        assert "Dismiss menu" in shown() and "Use recommended" not in shown()
        assert "Dismiss menu" in footer.render().plain
        await pilot.press("escape")  # closed again: the first keys
        await pilot.pause(0.1)
        assert shown() == closed and "Dismiss menu" not in footer.render().plain
        assert not footer.children  # drawn, never mounted


async def test_the_mix_table_highlights_the_row_under_the_mouse_until_a_key(
    workspace: Any,
) -> None:
    app, _programs = mix_app(workspace, 30)
    async with app.run_test(size=(120, 40)) as pilot:
        _panel, table = await open_mix_list(app, pilot)
        hover = table.get_component_rich_style("program-table--hover").bgcolor

        def background(y: int) -> Any:
            style = next(iter(table.render_line(y))).style
            return None if style is None else style.bgcolor

        await pilot.hover("#programs-table", offset=(5, 4))  # the fourth row
        await pilot.pause()
        assert background(4) == hover and background(3) != hover
        await pilot.press("down")  # a key: as a DataTable, the mouse's row is no longer shown
        await pilot.pause()
        assert background(4) != hover


# -- the cell cursor (the Rank list's criteria tab) ---------------------------------------------
WIDE = (("n", "N", 6), ("name", "A long program name column", 40), ("score", "Score", 10))


class CellApp(App[None]):
    """A cell-cursor table, narrower than its columns (a horizontal scrollbar)."""

    CSS = "ProgramTable { width: 30; height: 12; }"

    def __init__(self, columns: Any = COLUMNS, cell_cursor: bool = True) -> None:
        super().__init__()
        self.columns = columns
        self.cell_cursor = cell_cursor
        self.cells_seen: list[tuple[int, str, int]] = []
        self.rows_seen: list[int] = []

    def compose(self) -> ComposeResult:
        yield ProgramTable[int](
            self.columns,
            lambda i: [Text(f"{i}"), Text(f"Program {i}"), Text(f"{i % 6}")][: len(self.columns)],
            cell_cursor=self.cell_cursor,
            id="table",
        )

    def on_mount(self) -> None:
        table = self.query_one(ProgramTable)
        table.set_rows(range(40))
        table.focus()

    def on_program_table_cell_highlighted(self, event: ProgramTable.CellHighlighted) -> None:
        self.cells_seen.append((event.position, event.column_key, event.item))

    def on_program_table_row_highlighted(self, event: ProgramTable.RowHighlighted) -> None:
        self.rows_seen.append(event.position)


async def test_left_and_right_move_a_cell_cursor_between_columns_clamped() -> None:
    app = CellApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        app.cells_seen.clear()
        await pilot.press("left")  # already in the first column: stays, nothing posted
        await pilot.pause()
        assert table.cursor_column == 0 and app.cells_seen == []
        await pilot.press("right")
        await pilot.pause()
        assert (table.cursor, table.cursor_column) == (0, 1)
        assert app.cells_seen == [(0, "n", 0)]
        await pilot.press("right")  # the last column: clamped
        await pilot.pause()
        assert table.cursor_column == 1 and len(app.cells_seen) == 1
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.cells_seen[-2:] == [(1, "n", 1), (2, "n", 2)]
        await pilot.press("left")
        await pilot.pause()
        assert (table.cursor, table.cursor_column) == (2, 0)
        assert app.cells_seen[-1] == (2, "name", 2)
        assert app.rows_seen == []  # a cell cursor posts CellHighlighted only
        assert table.scroll_offset.x == 0  # left/right did not scroll sideways


async def test_a_click_selects_the_cell_under_the_mouse() -> None:
    app = CellApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        await pilot.click("#table", offset=(12, 3))  # the N column (x 10-15), third row
        await pilot.pause()
        assert (table.cursor, table.cursor_column) == (2, 1)
        assert app.cells_seen[-1] == (2, "n", 2)
        await pilot.click("#table", offset=(3, 5))
        await pilot.pause()
        assert (table.cursor, table.cursor_column) == (4, 0)


def _backgrounds(table: ProgramTable[Any], y: int) -> list[Any]:
    """The background of each cell of line `y` as drawn."""
    found: list[Any] = []
    for segment in table.render_line(y):
        bgcolor = segment.style.bgcolor if segment.style is not None else None
        found += [bgcolor] * len(segment.text)
    return found


async def test_the_cell_cursor_is_drawn_on_its_cell_only_and_the_row_keeps_its_stripe() -> None:
    app = CellApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        await pilot.press("down", "right")  # row 1 (striped), the N column (x 10-15)
        await pilot.pause()
        cursor = table.get_component_rich_style("program-table--cursor").bgcolor
        stripe = table.get_component_rich_style("program-table--even-row").bgcolor
        line = _backgrounds(table, 2)
        assert set(line[10:16]) == {cursor}
        assert cursor not in line[:10] + line[16:]
        assert set(line[:10]) == {_backgrounds(table, 4)[0]}  # as the other striped rows
        assert stripe is not None and line[0] != _backgrounds(table, 3)[0]
        assert cursor not in _backgrounds(table, 1) + _backgrounds(table, 3)
        await pilot.press("left")  # the look follows the cell
        await pilot.pause()
        line = _backgrounds(table, 2)
        assert set(line[:10]) == {cursor} and cursor not in line[10:]


async def test_the_cell_cursor_scrolls_sideways_to_stay_in_sight() -> None:
    app = CellApp(WIDE)
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        width = table.scrollable_content_region.width
        assert width < 70  # wider than the table: a horizontal scrollbar
        await pilot.press("right")  # the name column (x 8-50), wider than the table: its start
        await pilot.pause()
        assert table.scroll_offset.x == 8
        await pilot.press("right")  # the score column (x 50-62): its end at the right edge
        await pilot.pause()
        assert table.scroll_offset.x == 62 - width
        await pilot.press("left")
        await pilot.pause()
        assert table.scroll_offset.x == 8
        await pilot.press("left")
        await pilot.pause()
        assert table.scroll_offset.x == 0


async def test_a_row_cursor_table_still_scrolls_sideways_on_left_and_right() -> None:
    app = CellApp(WIDE, cell_cursor=False)
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(ProgramTable)
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        assert table.scroll_offset.x > 0 and table.cursor_column == 0
        await pilot.press("left", "left")
        await pilot.pause()
        assert table.scroll_offset.x == 0
        assert app.cells_seen == [] and app.rows_seen == [0]  # from set_rows only


class FitApp(App[None]):
    """A table whose name column takes the width left, the code and note left out first."""

    COLUMNS = (("name", "Name", 40), ("code", "Code", 10), ("note", "Note", 12), ("n", "N", 4))

    def compose(self) -> ComposeResult:
        yield ProgramTable[int](
            self.COLUMNS,
            lambda item: [Text(f"name {item}"), Text("C"), Text("note"), Text(str(item))],
            fit="name",
            fit_min=16,
            drop=("code", "note"),
            id="table",
        )

    def on_mount(self) -> None:
        self.query_one(ProgramTable).set_rows(list(range(3)))


async def test_a_fit_column_takes_the_width_left_and_others_drop_out_below_its_least() -> None:
    """The widths follow the terminal's width, never the cells: the name gets what the other
    columns leave (the scroll bar's room kept), a column of `drop` is left out while the name
    would get fewer than `fit_min` cells, and the rows draw the columns shown."""
    expected = {
        # width: (columns shown, the name's width)
        80: (["name", "code", "note", "n"], 40),  # room to spare: the most it takes
        60: (["name", "code", "note", "n"], 24),  # 58 of room, 32 for the others, 2 its own
        44: (["name", "note", "n"], 20),  # 8 would be left: the code goes
        30: (["name", "n"], 20),  # 6 would be left: the note goes too
    }
    for width, (keys, name_width) in expected.items():
        app = FitApp()
        async with app.run_test(size=(width, 10)) as pilot:
            await pilot.pause()
            table = app.query_one(ProgramTable)
            assert [key for key, _, _ in table.columns] == keys, width
            assert table.column_width("name") == name_width, width
            assert table.virtual_size.width <= width - 2  # fits beside the scroll bar's room
            assert table.cell_text(1, "n") == "1"  # the cells are the given columns'
            line = table.line_plain(1)
            assert line.split() == [
                "name",
                "1",
                *(["C"] if "code" in keys else []),
                *(["note"] if "note" in keys else []),
                "1",
            ]


def test_cut_names_read_apart() -> None:
    from matchtui.widgets.name_cuts import NameCuts

    names = [
        "Ann Arbor Mid Tier IM Program 5",
        "Ann Arbor Mid Tier IM Program 20",
        "Ann Arbor Mid Tier IM Program 5",  # listed twice (another state): not another name
        "Boston Academic IM Program 10",
        "Zeta",
    ]
    cuts = NameCuts(lambda: names)
    for width in (10, 16, 22, 27, 30):
        shown = {cuts.cut(name, width) for name in set(names)}
        assert len(shown) == len(set(names)), (width, shown)
        assert all(len(text) <= width for text in shown)
    assert cuts.cut("Ann Arbor Mid Tier IM Program 5", 27) == "Ann Arbor Mid Tier IM Pro…5"
    assert cuts.cut("Ann Arbor Mid Tier IM Program 20", 27) == "Ann Arbor Mid Tier IM Pr…20"
    # A name alike no other is cut at its end as before; one that fits is kept whole.
    assert cuts.cut("Boston Academic IM Program 10", 20) == "Boston Academic IM …"
    assert cuts.cut("Zeta", 20) == "Zeta"
    # The list is not read until a name needs cutting.
    asked: list[int] = []
    lazy = NameCuts(lambda: asked.append(1) or names)
    assert lazy.cut("Zeta", 20) == "Zeta" and not asked
