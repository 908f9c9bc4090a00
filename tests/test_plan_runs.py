"""The Gantt's months column is built as runs: neighbouring months drawn alike are one span (the
table renders a cell span by span), and the text and styles are exactly the months'."""

from __future__ import annotations

from rich.style import Style

from matchtui.widgets.plan_gantt import NO_STYLE, Runs


def test_neighbours_alike_are_one_span() -> None:
    bar, today = Style(bgcolor="green"), Style(color="blue")
    runs = Runs()
    for text, style in [
        ("    ", bar),
        ("    ", bar),
        ("\u2506   ", today),
        ("    ", NO_STYLE),
        ("    ", NO_STYLE),
        ("    ", bar),
    ]:
        runs.append(text, style)
    text = runs.text()
    assert text.plain == " " * 8 + "\u2506" + " " * 15
    assert [(s.start, s.end, s.style) for s in text.spans] == [
        (0, 8, bar),
        (8, 12, today),
        (20, 24, bar),
    ]


def test_a_cell_draws_as_its_text_draws_in_the_table() -> None:
    """Rendered as the table renders a cell (padded, styled, one line, no wrap), a Cell gives
    the very segments its text gives, however many times it is drawn."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text
    from textual.renderables.styled import Styled

    from matchtui.widgets.plan_gantt import Cell

    item = Text(no_wrap=True, end="")
    item.append("\u2605", style="bold yellow")
    item.append("! ", style="red")
    item.append("[x] ", style="green")
    item.append("Write the personal statement  ")
    months = Runs()
    for text, style in [("    ", Style(bgcolor="green")), ("\u2506   ", Style(color="blue"))]:
        months.append(text, style)
    console = Console(width=80, color_system="truecolor")
    for text in (item, months.text(), Text("plain"), Text("")):
        options = console.options.update_dimensions(text.cell_len, 1).update(no_wrap=True)
        cell = Cell(text)
        assert cell.plain == text.plain == str(cell)
        for pre in (Style(), Style(bgcolor="grey11", meta={"row": 3, "column": 1})):
            expected = console.render_lines(
                Styled(Padding(text, (0, 0)), pre_style=pre, post_style=Style(bold=True)), options
            )
            for _ in range(2):
                drawn = console.render_lines(
                    Styled(Padding(cell, (0, 0)), pre_style=pre, post_style=Style(bold=True)),
                    options,
                )
                assert drawn == expected
