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


# Each theme's text colours for the three tones, worked out once per theme (as the app's CSS
# variables are: the colour system's, then the theme's own variables over them).
_TEXT_TONES: dict[tuple[object, ...], dict[str, str]] = {}
_TONE_VARIABLES = {"green": "text-success", "yellow": "text-warning", "red": "text-error"}


def _text_tones(theme: Theme) -> dict[str, str]:
    key = (theme.name, theme.success, theme.warning, theme.error, *sorted(theme.variables.items()))
    found = _TEXT_TONES.get(key)
    if found is None:
        variables = {**theme.to_color_system().generate(), **theme.variables}
        found = _TEXT_TONES[key] = {
            word: variables.get(name, word) for word, name in _TONE_VARIABLES.items()
        }
    return found


def tone(style: str, theme: Theme) -> str:
    """A neutral tone ("bold red") in the theme's colours: green, yellow and red become its
    text-success, text-warning and text-error colours, the ones made to be read as text on its
    backgrounds (its success, warning and error colours are made for fills: the dark theme's
    error read at 2.2:1 as text on a panel); other words are kept."""
    colours = _text_tones(theme)
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
