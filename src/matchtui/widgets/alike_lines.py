"""Containers drawn as Textual draws them, one line for all their alike lines.

Textual draws every line of every visible widget, a container's too, though its children hide
most of it: a container with no content of its own is blank lines in its background, its sides
(a border's, padding) at each end. Lines that draw the same are drawn once here, through
Textual's own path, and that line is used for all of them: the same lines, segment for segment
(tests/test_practice_controls.py, tests/test_profile_lines.py, tests/test_alike_containers.py),
in a fraction of the time. The Practice pane's columns and answer field, and the Profile form,
its sections and its lists, draw this way, and so does every pane's frame: its columns and
scrolling areas (the containers below) and its tabs (widgets/alike_tabs.py).

Drawn once, a line is also kept once: Textual keeps each drawn line of each widget (a Strip with
seven caches of its own, and the pieces the screen cuts it into, each with its own), for a pane
left on screen as much as for the one shown. With 37-line containers three or four deep, that
was ~3,300 of the ~5,700 lines the app held after every pane had been visited.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Horizontal, ScrollableContainer, Vertical, VerticalScroll
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def same_lines(widget: Widget) -> bool:
    """True while every line of `widget` draws the same (see `draw_same_lines`)."""
    styles = widget.styles
    (top, _), _, (bottom, _), _ = styles.border
    (outline_top, _), _, (outline_bottom, _), _ = styles.outline
    padding = styles.padding
    return (
        widget.is_container
        and not (top or bottom or outline_top or outline_bottom)
        and padding.top == 0
        and padding.bottom == 0
        and not styles.has_rule("keyline")
    )


def draw_alike(
    crop: Region, render_lines: Callable[[Region], list[Strip]], alike: range
) -> list[Strip]:
    """The lines in `crop`, `render_lines` (Textual's) drawing only one of the `alike` lines
    (widget lines that draw the same) and using it for all of them."""
    top, bottom = crop.y, crop.bottom
    start, stop = max(alike.start, top), min(alike.stop, bottom)
    if stop - start < 2:
        return render_lines(crop)
    lines: list[Strip] = []
    if start > top:
        lines += render_lines(crop._replace(height=start - top))
    lines += render_lines(crop._replace(y=start, height=1)) * (stop - start)
    if bottom > stop:
        lines += render_lines(crop._replace(y=stop, height=bottom - stop))
    return lines


def draw_same_lines(
    widget: Widget, crop: Region, render_lines: Callable[[Region], list[Strip]]
) -> list[Strip]:
    """A container's lines, `render_lines` (Textual's) drawing one of them for all.

    Textual draws every line of every visible widget, a container's too, though its children
    hide most of it: for this pane's columns (30-120 cells by 37 lines each) that was 15-25 ms of
    a first visit's frame. A container with no content of its own (Textual draws it as blank
    lines in its background), no top or bottom border or outline and no top or bottom padding
    draws the same line at every height: its left and right edges (a border, padding) over its
    background. That line is drawn once through Textual's own path and used for every line
    asked for; any other case (a keyline, a top border, as the narrow layout gives the side
    column) is drawn line by line as Textual does. tests/test_practice_controls.py checks the
    lines are Textual's, segment for segment."""
    if same_lines(widget):
        return draw_alike(crop, render_lines, range(widget.outer_size.height))
    return render_lines(crop)


# Textual's containers, drawn by `draw_same_lines`. (A mixin class would change the CSS type
# Textual styles them as: it follows only a class's first base.)


class PaneVertical(Vertical):
    """A Vertical drawn one line for all while its lines are alike."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)


class PaneHorizontal(Horizontal):
    """A Horizontal drawn one line for all while its lines are alike."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)


class PaneScrollable(ScrollableContainer):
    """A ScrollableContainer drawn one line for all while its lines are alike."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)


class PaneVerticalScroll(VerticalScroll):
    """A VerticalScroll drawn one line for all while its lines are alike (its scrollbars are
    widgets of their own)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)
