"""The themes matchtui offers: a curated set whose every drawn text/background pair reaches
WCAG AA contrast (tests/test_theme_contrast.py measures them pane by pane)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_THEME = "textual-dark"
CURATED_THEMES: tuple[str, ...] = ("textual-dark", "textual-light")


def restrict_themes(app: App[Any]) -> None:
    """Unregister every theme outside the curated set, so the palette offers only those."""
    for name in list(app.available_themes):
        if name not in CURATED_THEMES:
            app.unregister_theme(name)


def chosen_theme(settings: dict[str, str]) -> str:
    theme = settings.get("theme", DEFAULT_THEME)
    return theme if theme in CURATED_THEMES else DEFAULT_THEME
