"""Reality check pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class RealityScreen(PaneScreen):
    PANE_ID = "reality"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Your position rule by rule: risk sheet, back home, archetypes, next actions",
            id="pane-body",
        )
