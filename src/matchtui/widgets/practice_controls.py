"""The practice pane's checkbox: Textual's own, not restyled while being built.

A Checkbox sets its compact look as a CSS class in its constructor; each class change restyles
the widget at once, even before it is mounted (Textual styles it again as it mounts). This one
skips a restyle until the widget is in the app's DOM; once there, it behaves exactly as
Textual's. (The pane's buttons are FormButtons: widgets/profile_fields.py.)

And the pane's containers, drawn as Textual draws them, one line for all (widgets/alike_lines.py).
"""

from __future__ import annotations

from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Checkbox

from matchtui.widgets.alike_lines import draw_same_lines


class PaneCheckbox(Checkbox):
    """A Checkbox not restyled before it is mounted (its classes are styled as it mounts)."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)


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
