"""The row of pane names under the header: shows where you are, click to move."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

from matchtui.panes import PANES


class PaneLink(Static):
    """One pane's name and key; clicking it opens the pane."""

    def __init__(self, pane_id: str, label: str, active: bool) -> None:
        super().__init__(
            label, id=f"pane-link-{pane_id}", classes="-active" if active else "", markup=False
        )
        self.pane_id = pane_id

    async def on_click(self, event: Click) -> None:
        event.stop()
        await self.app.run_action(f"show_pane('{self.pane_id}')")


class PaneBar(Horizontal):
    DEFAULT_CSS = """
    PaneBar {
        height: 1;
        width: 100%;
        background: $panel;
    }
    PaneBar PaneLink {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    PaneBar PaneLink:hover {
        background: $boost;
        color: $text;
    }
    PaneBar PaneLink.-active {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, active: str) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        for pane in PANES:
            yield PaneLink(pane.id, f"{pane.key.upper()} {pane.short}", pane.id == self.active)
