"""The row of pane names under the header: shows where you are, click to move."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

from matchtui.panes import PANES

UNSAVED_MARK = "●"


class PaneLink(Static):
    """One pane's name and key; clicking it opens the pane."""

    def __init__(self, pane_id: str, label: str, active: bool, key: str = "") -> None:
        super().__init__(
            label, id=f"pane-link-{pane_id}", classes="-active" if active else "", markup=False
        )
        self.pane_id = pane_id
        self.full_label = label
        self.key_label = key or label
        self.label = label

    def use_short(self, short: bool) -> None:
        """Only the key ("F3") when the bar is too narrow for every name; the current pane
        always keeps its name."""
        label = self.key_label if short and not self.has_class("-active") else self.full_label
        if label != self.label:
            self.label = label
            self.update(f"{label} {UNSAVED_MARK}" if self.has_class("-unsaved") else label)

    def mark_unsaved(self, unsaved: bool) -> None:
        """Show a marker while this pane holds edits the other panes do not see yet."""
        if self.has_class("-unsaved") == unsaved:
            return
        self.set_class(unsaved, "-unsaved")
        self.update(f"{self.label} {UNSAVED_MARK}" if unsaved else self.label)
        self.tooltip = (
            "Unsaved changes here: the other panes still show the saved version"
            if unsaved
            else None
        )

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
    PaneBar.-compact PaneLink {
        padding: 0 0 0 1;
    }
    PaneBar PaneLink.-unsaved {
        text-style: bold;
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
            yield PaneLink(
                pane.id,
                f"{pane.key.upper()} {pane.short}",
                pane.id == self.active,
                pane.key.upper(),
            )

    def on_resize(self) -> None:
        self.fit_labels()

    def fit_labels(self) -> None:
        """Every pane name when they fit; tighter spacing, then keys only, when they do not."""
        links = list(self.query(PaneLink))
        width = self.size.width
        marks = sum(2 for link in links if link.has_class("-unsaved"))
        full = sum(len(link.full_label) for link in links) + marks
        compact = full + 2 * len(links) > width
        self.set_class(compact, "-compact")
        short = full + len(links) > width
        for link in links:
            link.use_short(short)

    def on_mount(self) -> None:
        # Panes record unsaved edits in the app's `unsaved` set; a cheap poll keeps every pane's
        # bar in step without each pane having to announce its changes.
        self.set_interval(0.25, self.refresh_marks)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        unsaved: set[str] = getattr(self.app, "unsaved", set())
        changed = False
        for link in self.query(PaneLink):
            changed |= link.has_class("-unsaved") != (link.pane_id in unsaved)
            link.mark_unsaved(link.pane_id in unsaved)
        if changed:
            self.fit_labels()
