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


def test_a_cell_draws_as_its_text_draws_in_a_datatable() -> None:
    """A Cell's lines, styled as the chart styles them (pre + own + post), are the segments a
    DataTable gives its text in a cell (padded, styled, cropped to the row's height), however
    many times they are drawn: one line, two (the header), an empty text, a short text."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.segment import Segment
    from rich.text import Text
    from textual.renderables.styled import Styled

    from matchtui.widgets.plan_gantt import Cell, _styled

    item = Text(no_wrap=True, end="")
    item.append("\u2605", style="bold yellow")
    item.append("! ", style="red")
    item.append("[x] ", style="green")
    item.append("Write the personal statement  ")
    months = Runs()
    for text, style in [("    ", Style(bgcolor="green")), ("\u2506   ", Style(color="blue"))]:
        months.append(text, style)
    header = Text("\n").join([Text("Nov Dec "), Text("2026    ", style="reverse")])
    console = Console(width=80, color_system="truecolor")
    cases = [(item, 1), (months.text(), 1), (Text("plain"), 1), (Text(""), 1), (header, 2)]
    cases.append((Text("short"), 1))  # padded to a wider column below
    for text, height in cases:
        width = max(text.cell_len, 1) + (3 if text.plain == "short" else 0)
        width = max(len(line) for line in text.plain.split("\n")) if height > 1 else width
        options = console.options.update_dimensions(width, height)
        if height == 1:
            options = options.update(no_wrap=True)
        cell = Cell(text)
        assert cell.plain == text.plain == str(cell)
        post = Style(bold=True)
        for pre in (Style(), Style(bgcolor="grey11", meta={"row": 3, "column": 1})):
            expected = console.render_lines(
                Styled(Padding(text, (0, 0)), pre_style=pre, post_style=post), options
            )
            for _ in range(2):
                drawn = [
                    [Segment(t, _styled(pre, s, post)) for t, s, _ in line]
                    for line in cell.lines(console, width, height)
                ]
                assert drawn == expected, text.plain
