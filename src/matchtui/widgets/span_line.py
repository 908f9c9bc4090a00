"""A one-line widget drawn in pieces the mouse points at: the pane bar's names, the footer's keys.

The line is assembled from (text, style, item) parts at each render; the cells each item took are
kept, so the mouse finds the item under it (`item_at`), the hovered item is a reactive the render
highlights, and its tooltip shows while the mouse is over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.events import Leave, MouseMove
    from textual.style import Style

T = TypeVar("T")


class SpanLine(Widget, Generic[T], can_focus=False):
    ALLOW_SELECT = False

    hovered: reactive[Any] = reactive(None)
    """The item under the mouse (None when none is)."""

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, T]] = []  # cells each item took, last render

    def assemble(self, parts: list[tuple[str, Style, T | None]]) -> Content:
        """The line of `parts`, cut to the width; remembers where each item was drawn (an item's
        consecutive parts make one span; None is no item)."""
        spans: list[tuple[int, int, T]] = []
        at = 0
        for text, _style, item in parts:
            end = at + len(text)
            if item is not None:
                if spans and spans[-1][2] == item and spans[-1][1] == at:
                    spans[-1] = (spans[-1][0], end, item)
                else:
                    spans.append((at, end, item))
            at = end
        self._spans = spans
        return Content.assemble(*((text, style) for text, style, _ in parts)).truncate(
            self.size.width
        )

    def item_at(self, x: int) -> T | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def tooltip_for(self, item: T) -> str | None:
        """The tooltip shown while the mouse is over `item`."""
        return None

    def on_mouse_move(self, event: MouseMove) -> None:
        item = self.item_at(event.x)
        if item != self.hovered:
            self.hovered = item
            self.tooltip = None if item is None else self.tooltip_for(item)

    def on_leave(self, event: Leave) -> None:
        self.hovered = None
        self.tooltip = None
