"""Specialties pane (interim: the issue that builds this pane replaces this file)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from matchtui.screens.base import PaneScreen


class SpecialtiesScreen(PaneScreen):
    PANE_ID = "specialties"

    def compose_body(self) -> ComposeResult:
        yield Static("Competitiveness charts with you drawn on them", id="pane-body")
