"""A Footer that rebuilds its keys only when the bindings it shows have changed.

Textual's Footer recomposes every FooterKey on every focus change and screen switch; with six
panes and a dozen keys that restyling dominated the cost of a pane switch. Here each change of
bindings is compared with what is on show, and an unchanged set is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

Signature = tuple[tuple[str, str, str, bool, str], ...]


class PaneFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: Signature | None = None

    def _signature(self) -> Signature:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if screen is not self.app.screen:
            return  # a pane in the background: it is checked again when it comes back
        signature = self._signature()
        if signature == self._shown:
            return
        self._shown = signature
        self.call_after_refresh(self.recompose)
