"""The practice pane's checkbox: Textual's own, not restyled while being built.

A Checkbox sets its compact look as a CSS class in its constructor; each class change restyles
the widget at once, even before it is mounted (Textual styles it again as it mounts). This one
skips a restyle until the widget is in the app's DOM; once there, it behaves exactly as
Textual's. (The pane's buttons are FormButtons: widgets/profile_fields.py.)

And the pane's containers (`draw_same_lines`): drawn as Textual draws them, one line for all.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox


class PaneCheckbox(Checkbox):
    """A Checkbox not restyled before it is mounted (its classes are styled as it mounts)."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)


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


# The pane's containers, drawn by `draw_same_lines`. (A mixin class would change the CSS type
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
