"""Profile pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class ProfileScreen(PaneScreen):
    PANE_ID = "profile"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Who you are on paper: exams, history, targets, ties, letters, narrative",
            id="pane-body",
        )
