"""Textual's tabs drawn one line for all while their lines are alike (widgets/alike_lines.py).

A TabbedContent and its TabPanes are containers as tall as the pane, drawn under what they hold:
drawn this way, each keeps one line where it kept one per row (and the pieces the screen cut
each into). The tab strip (ContentTabs) is a widget of its own and drawn as Textual draws it.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TabbedContent, TabPane

from matchtui.widgets.alike_lines import draw_same_lines


class PaneTabbedContent(TabbedContent):
    """A TabbedContent drawn one line for all while its lines are alike."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)


class PaneTabPane(TabPane):
    """A TabPane drawn one line for all while its lines are alike."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)
