"""The practice pane's checkbox: Textual's own, not restyled while being built.

A Checkbox sets its compact look as a CSS class in its constructor; each class change restyles
the widget at once, even before it is mounted (Textual styles it again as it mounts). This one
skips a restyle until the widget is in the app's DOM; once there, it behaves exactly as
Textual's. (The pane's buttons are FormButtons: widgets/profile_fields.py.)
"""

from __future__ import annotations

from textual.widgets import Checkbox


class PaneCheckbox(Checkbox):
    """A Checkbox not restyled before it is mounted (its classes are styled as it mounts)."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)
