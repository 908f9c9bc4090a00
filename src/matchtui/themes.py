"""The themes matchtui offers: a curated set whose drawn text/background pairs reach WCAG AA
contrast (tests/test_theme_contrast.py measures them pane by pane).

Textual's own dark and light themes are registered again under their usual names with a few
colours changed for legibility: in the light theme success, warning and error are used as text
on light grey, so they are darkened (Textual's green and amber read at 1.5:1 there); the dark
theme's primary is deepened so white text on it passes; muted and placeholder text are a step
stronger in both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_THEME = "textual-dark"
CURATED_THEMES: tuple[str, ...] = ("textual-dark", "textual-light")


def _tuned(name: str, **changes: Any) -> Theme:
    base = BUILTIN_THEMES[name]
    variables = {**base.variables, **changes.pop("variables", {})}
    fields = {
        field: getattr(base, field)
        for field in (
            "primary",
            "secondary",
            "warning",
            "error",
            "success",
            "accent",
            "foreground",
            "background",
            "surface",
            "panel",
            "boost",
            "dark",
            "luminosity_spread",
            "text_alpha",
        )
    }
    return Theme(name=name, **{**fields, **changes}, variables=variables)


def tuned_themes() -> list[Theme]:
    return [
        _tuned(
            "textual-dark",
            primary="#005FA8",
            error="#A8334F",
            variables={
                # Textual's own dark text-error: the one derived from the deeper error above
                # read at 4.3:1 on $panel (the plan's bar).
                "text-error": "#D17E92",
                "text-muted": "#A3A3A3",
                "text-disabled": "#9A9A9A",
                "foreground-muted": "#A3A3A3",
            },
        ),
        _tuned(
            "textual-light",
            success="#155C2C",
            warning="#7A4500",
            accent="#7A4500",
            error="#8F1F3C",
            foreground="#101010",
            variables={
                "footer-key-foreground": "#004578",
                "text-muted": "#404040",
                "text-disabled": "#4A4A4A",
                "foreground-muted": "#404040",
            },
        ),
    ]


def restrict_themes(app: App[Any]) -> None:
    """Offer only the curated themes (tuned), through Textual's public theme API."""
    for name in list(app.available_themes):
        if name not in CURATED_THEMES:
            app.unregister_theme(name)
    for theme in tuned_themes():
        app.register_theme(theme)


def chosen_theme(settings: dict[str, str]) -> str:
    theme = settings.get("theme", DEFAULT_THEME)
    return theme if theme in CURATED_THEMES else DEFAULT_THEME


def text_style(app: App[Any], variable: str) -> Style:
    """The current theme's text colour `variable` (`text-error`, `text-warning`, ...) as a rich
    Style, for text a pane colours in code: these are tuned to read on the theme's own
    backgrounds, where fixed "red" or "yellow" do not. A pane that uses it redraws on_theme."""
    try:
        return Style(color=Color.parse(app.theme_variables[variable]).rich_color)
    except (KeyError, ColorParseError):
        return Style()
