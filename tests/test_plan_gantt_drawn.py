"""The timeline (PlanGantt) draws itself as the Textual DataTable it was until it drew itself:
the same lines, cell by cell (characters, colours, styles), and the same cursor and scrolling
after the same keys and mouse moves, in both themes and at both sizes. The DataTable here is
built as the chart's was (a row cursor, no cell padding, a two-line header, one fixed column)
from the chart's own texts and put in its place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable

from matchtui.app import MatchApp
from matchtui.widgets.plan_gantt import ITEM_COLUMN, MONTHS_COLUMN, PlanGantt
from tests.conftest import SIZE_THEME_WAYS, half

TODAY = dt.date(2026, 11, 23)
Step = Callable[[Pilot[Any], Widget], Awaitable[None]]


def keys(*pressed: str) -> Step:
    async def step(pilot: Pilot[Any], widget: Widget) -> None:
        await pilot.press(*pressed)

    return step


def hover(x: int, y: int) -> Step:
    """The mouse over (x, y) of the widget (negative: from its right or bottom edge)."""

    async def step(pilot: Pilot[Any], widget: Widget) -> None:
        width, height = widget.size
        await pilot.hover(widget, offset=(x % width, y % height))

    return step


def click(x: int, y: int) -> Step:
    async def step(pilot: Pilot[Any], widget: Widget) -> None:
        await pilot.click(widget, offset=(x, y))

    return step


async def blur(pilot: Pilot[Any], widget: Widget) -> None:
    widget.screen.set_focus(None)


STEPS: list[tuple[str, Step]] = [
    ("down x3", keys("down", "down", "down")),
    ("page down", keys("pagedown")),
    ("page down again", keys("pagedown")),
    ("page up", keys("pageup")),
    ("right x5", keys(*["right"] * 5)),
    ("end", keys("end")),
    ("ctrl+pageup", keys("ctrl+pageup")),
    ("home", keys("home")),
    ("ctrl+end", keys("ctrl+end")),
    ("ctrl+home", keys("ctrl+home")),
    ("mouse on a row", hover(10, 6)),
    ("mouse on the header", hover(10, 0)),
    ("mouse right of the months", hover(-2, 5)),
    ("mouse on the last line", hover(5, -1)),
    ("mouse on another row", hover(10, 7)),
    ("a key after the mouse", keys("down")),
    ("click on a row", click(10, 8)),
    ("a click on the header", click(10, 1)),
    ("right x2, down", keys("right", "right", "down")),
    ("blurred", blur),
]


class Reference(DataTable[Any]):
    """The DataTable in the chart's place: its cursor moves the hidden chart's, so the pane
    shows the same item under it (the detail's height gives the table its own)."""

    def __init__(self, gantt: PlanGantt, **options: Any) -> None:
        super().__init__(**options)
        self.gantt = gantt

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.gantt.move_cursor(event.cursor_row)


def reference_table(gantt: PlanGantt) -> DataTable[Any]:
    """A DataTable as the chart was: its texts, columns and cursor, styled to its size."""
    table = Reference(
        gantt,
        cursor_type="row",
        cell_padding=0,
        header_height=2,
        fixed_columns=1,
        show_row_labels=False,
        cursor_foreground_priority="css",
        cursor_background_priority="renderable",
    )
    table.styles.height = "1fr"
    table.styles.min_height = 5
    table.styles.scrollbar_size_horizontal = 1
    for key in (ITEM_COLUMN, MONTHS_COLUMN):
        column = gantt.columns[key]
        table.add_column(column.label.copy(), width=column.width, key=key)
    for key in gantt.row_keys:
        cells = [gantt.get_cell(key, column).text.copy() for column in (ITEM_COLUMN, MONTHS_COLUMN)]
        table.add_row(*cells, key=key)
    return table


def drawn(widget: Widget) -> list[list[tuple[str, Style | None]]]:
    """The widget's lines, cell by cell: each character and its style (no mouse meta)."""
    width, height = widget.size
    lines = widget.render_lines(Region(0, 0, width, height))
    return [
        [
            (char, segment.style.clear_meta_and_links() if segment.style else None)
            for segment in line
            for char in segment.text
        ]
        for line in lines
    ]


async def walk(workspace: Any, size: tuple[int, int], reference: bool) -> list[Any]:
    """What the chart (or the DataTable in its place) shows after each step."""
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    seen: list[Any] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        gantt = app.screen.query_one(PlanGantt)
        widget: Widget = gantt
        cursor: Callable[[], int] = lambda: gantt.cursor_row  # noqa: E731
        if reference:
            start = gantt.cursor_row
            table = reference_table(gantt)
            await gantt.parent.mount(table, after=gantt)  # type: ignore[union-attr]
            gantt.display = False
            table.focus()
            await pilot.pause()
            table.scroll_to(0, 0, animate=False)  # scrolled as the chart was built, laid out
            table.move_cursor(row=start)
            widget = table
            cursor = lambda: table.cursor_row  # noqa: E731
        await pilot.pause()
        await pilot.pause()
        seen.append(("start", drawn(widget), widget.scroll_offset, cursor(), widget.size))
        for name, step in STEPS:
            await step(pilot, widget)
            await pilot.pause()
            await pilot.pause()
            seen.append((name, drawn(widget), widget.scroll_offset, cursor(), widget.size))
    return seen


@pytest.mark.parametrize(("size", "theme"), half(SIZE_THEME_WAYS, 1))
async def test_the_chart_draws_and_moves_as_the_datatable(
    workspace: Any, size: tuple[int, int], theme: str
) -> None:
    workspace.save_settings({"theme": theme})
    chart = await walk(workspace, size, reference=False)
    table = await walk(workspace, size, reference=True)
    assert [name for name, *_ in chart] == [name for name, *_ in table]
    for seen, wanted in zip(chart, table, strict=True):
        name, lines, *state = seen
        assert tuple(state) == wanted[2:], name  # scroll, cursor, size
        assert lines == wanted[1], name
    # The steps did move things: the cursor, the scroll both ways, the hover, the focus.
    assert len({str(lines) for _, lines, *_ in chart}) >= 12


async def test_a_click_moves_the_cursor_and_a_second_click_cycles_the_item(workspace: Any) -> None:
    """As on the DataTable: a click on a row puts the cursor there (the detail follows); a
    click on the cursor's row selects it (its status moves on, as Enter does)."""
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        gantt = app.screen.query_one(PlanGantt)
        first = gantt.cursor_row
        y = first + 1 + 2 - int(gantt.scroll_offset.y)  # the next row, under the header
        await pilot.click(gantt, offset=(10, y))
        await pilot.pause()
        key = gantt.row_keys[first + 1]
        assert gantt.current_key() == key
        detail = app.screen.query_one("#item-detail")
        assert gantt.current_row() is not None
        assert gantt.current_row().title in str(detail.render())  # type: ignore[union-attr]
        assert app.plan is None or app.plan.timeline is None
        await pilot.click(gantt, offset=(10, y))
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.items[key].status != "todo"
        assert gantt.current_key() == key  # rebuilt, the cursor kept on its item
        await pilot.click(gantt, offset=(10, 0))  # the header: nothing moves
        await pilot.pause()
        assert gantt.current_key() == key
