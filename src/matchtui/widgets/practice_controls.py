"""The practice pane's buttons and checkbox: Textual's own, not restyled while being built.

A Button sets its variant, flat and compact looks as CSS classes in its constructor, and a
Checkbox its compact look; each class change restyles the widget at once, even before it is
mounted (Textual styles it again as it mounts). The pane's five buttons and its checkbox were
styled 14 times for nothing on every first visit. These skip a restyle until the widget is in
the app's DOM; once there, they behave exactly as Textual's.
"""

from __future__ import annotations

from textual.widgets import Button, Checkbox


class PaneButton(Button):
    """A Button not restyled before it is mounted (its classes are styled as it mounts)."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)


class PaneCheckbox(Checkbox):
    """A Checkbox not restyled before it is mounted (its classes are styled as it mounts)."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)
