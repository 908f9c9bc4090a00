"""The row of pane names under the header: shows where you are, click to move.

One widget draws the whole row (a widget per name was nine widgets to compose, style and lay
out on every pane's first visit). Each name is laid out at each render for the width: every
name when they fit, tighter spacing, then only the keys ("F3") when they do not; the current
pane always keeps its name. A pane holding edits the others do not see yet is marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style

from matchtui.panes import PANES
from matchtui.widgets.span_line import SpanLine

if TYPE_CHECKING:
    from textual.events import Click

UNSAVED_MARK = "●"
UNSAVED_TIP = "Unsaved changes here: the other panes still show the saved version"


@dataclass(frozen=True)
class PaneLink:
    """One pane's place in the bar, as drawn at the current width."""

    pane_id: str
    label: str  # what is written ("F4 Mix", or "F4" when the bar is too narrow)
    active: bool
    unsaved: bool


def links(active: str, unsaved: frozenset[str], width: int) -> tuple[list[PaneLink], bool]:
    """The names at `width`, and whether the spacing is tight (one cell before each name
    instead of one each side)."""
    full = [f"{pane.key.upper()} {pane.short}" for pane in PANES]
    marks = sum(2 for pane in PANES if pane.id in unsaved)
    length = sum(len(label) for label in full) + marks
    compact = length + 2 * len(PANES) > width
    short = length + len(PANES) > width
    return [
        PaneLink(
            pane.id,
            pane.key.upper() if short and pane.id != active else label,
            pane.id == active,
            pane.id in unsaved,
        )
        for pane, label in zip(PANES, full, strict=True)
    ], compact


class PaneBar(SpanLine[str]):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-bar--link",
        "pane-bar--active",
        "pane-bar--hover",
    }
    DEFAULT_CSS = """
    PaneBar {
        height: 1;
        width: 100%;
        background: $panel;
        & > .pane-bar--link {
            color: $text-muted;
        }
        & > .pane-bar--hover {
            background: $boost;
            color: $text;
        }
        & > .pane-bar--active {
            background: $primary;
            color: $text;
            text-style: bold;
        }
    }
    """

    unsaved: reactive[frozenset[str]] = reactive(frozenset[str]())
    """Panes holding edits the other panes do not see yet (the app's `unsaved`, polled)."""

    def __init__(self, active: str) -> None:
        super().__init__()
        self.active = active

    def on_mount(self) -> None:
        # Panes record unsaved edits in the app's `unsaved` set; a cheap poll keeps every pane's
        # bar in step without each pane having to announce its changes.
        self.set_interval(0.25, self.refresh_marks)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        self.unsaved = frozenset(getattr(self.app, "unsaved", ()))

    def shown(self) -> list[PaneLink]:
        """The names as drawn at the current width."""
        return links(self.active, self.unsaved, self.size.width or self.app.size.width)[0]

    def render(self) -> Content:
        shown, compact = links(self.active, self.unsaved, self.size.width)
        plain = self.get_visual_style("pane-bar--link")
        active = self.get_visual_style("pane-bar--active")
        hover = self.get_visual_style("pane-bar--hover")
        parts: list[tuple[str, Style, str | None]] = []
        for link in shown:
            style = active if link.active else plain
            if link.unsaved:
                style += Style(bold=True)
            if link.pane_id == self.hovered and not link.active:
                style += hover
            label = f"{link.label} {UNSAVED_MARK}" if link.unsaved else link.label
            parts.append((f" {label}" if compact else f" {label} ", style, link.pane_id))
        return self.assemble(parts)

    def tooltip_for(self, item: str) -> str | None:
        return UNSAVED_TIP if item in self.unsaved else None

    async def on_click(self, event: Click) -> None:
        pane = self.item_at(event.x)
        if pane is not None:
            event.stop()
            await self.app.run_action(f"show_pane('{pane}')")
