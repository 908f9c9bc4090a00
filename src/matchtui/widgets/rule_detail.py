"""A panel that shows the rule behind a finding: rule id, file and key, its settings, the source
citation and how far to trust it, as worked out beforehand (engine.reality_view.describe); and
the drawing of a view's styled cells in the current theme. Imports no models nor catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from matchtui.engine.reality_types import Cell, Finding

if TYPE_CHECKING:
    from rich.console import JustifyMethod
    from textual.theme import Theme

__all__ = ["Finding", "RulePanel", "styled", "tone"]

PROMPT = "Select a row to see its rule and source."


def tone(style: str, theme: Theme) -> str:
    """A neutral tone ("bold red") in the theme's colours: green, yellow and red become its
    success, warning and error colours; other words are kept."""
    colours = {
        "green": theme.success or "green",
        "yellow": theme.warning or "yellow",
        "red": theme.error or "red",
    }
    return " ".join(colours.get(word, word) for word in style.split())


def styled(cell: Cell, theme: Theme, justify: JustifyMethod | None = None) -> Text:
    """Rich text for a cell, its tones in the theme's colours (user text never passes through
    markup). A cell of one span is one styled text; longer cells are its spans in a row."""
    if len(cell) == 1:
        text, style = cell[0]
        return Text(text, style=tone(style, theme), justify=justify)
    out = Text(justify=justify)
    for text, style in cell:
        out.append(text, style=tone(style, theme))
    return out


class RulePanel(Static):
    """Shows one finding's rule and source; `show(finding, detail)` to change it. (No default
    styles: the pane's stylesheet places it; a widget class with its own DEFAULT_CSS makes
    Textual re-parse the whole stylesheet when it first mounts.)"""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(PROMPT, style="dim"), id=id, markup=False)
        self.finding: Finding | None = None

    def show(self, finding: Finding | None, detail: Cell = ()) -> None:
        """Show `detail`, the panel's text for `finding` (None: the prompt to pick a row)."""
        self.finding = finding
        if finding is None:
            self.update(Text(PROMPT, style="dim"))
        else:
            self.update(styled(detail, self.app.current_theme))
