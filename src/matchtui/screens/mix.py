"""Program mix pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class MixScreen(PaneScreen):
    PANE_ID = "mix"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "How many applications, where, and an honest estimate of what they buy", id="pane-body"
        )
