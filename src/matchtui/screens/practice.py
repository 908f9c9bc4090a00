"""Interview practice pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class PracticeScreen(PaneScreen):
    PANE_ID = "practice"

    def compose_body(self) -> ComposeResult:
        yield Static("Timed typed answers with feedback on your own words", id="pane-body")
