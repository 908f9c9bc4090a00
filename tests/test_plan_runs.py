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
