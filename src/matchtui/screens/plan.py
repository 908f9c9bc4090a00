"""Plan pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class PlanScreen(PaneScreen):
    PANE_ID = "plan"

    def compose_body(self) -> ComposeResult:
        yield Static("Timeline, checklists, entry routes, plan B and key dates", id="pane-body")
