"""A Footer that rebuilds its keys only when the bindings it shows have changed.

Textual's Footer recomposes every FooterKey on every focus change and screen switch; with six
panes and a dozen keys that restyling dominated the cost of a pane switch. Here each change of
bindings is compared with what is on show, and an unchanged set is left alone.

When the keys do not fit on one line, the global pane keys (F1, F2, ...) give way: the pane's own
keys, help and the palette hint stay, and the panes remain one ctrl+p away (and in the pane bar).

Sets of keys that come and go (a Select's list open, then closed: its own keys replace some of
the pane's, then the pane's come back) are built once: the last `KEPT_SETS` sets built stay
mounted, one shown and the others hidden, so going back to one shows it again instead of
composing, mounting and styling a dozen keys (~14 ms a time). A new width builds afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.reactive import Reactive
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.events import Resize
    from textual.screen import Screen
    from textual.widget import Widget

# What gives way, in this order, when the keys do not fit: the pane keys (every pane is also in
# the pane bar and in the palette), then the report and quit keys (both in the palette too).
# The pane's own keys, help and the palette hint stay; past that the footer goes compact.
GIVE_WAY: tuple[tuple[str, ...], ...] = (("show_pane(",), ("export_report",), ("quit",))
LAST_RESORT = ("show_help",)

Signature = tuple[tuple[str, str, str, bool, str], ...]
KEPT_SETS = 2  # key sets kept mounted (a Select's list open and closed)


@dataclass
class _KeySet:
    keys: list[Widget]
    columns: int | None  # the footer's grid columns for this set
    compact: bool
    short: bool
    width: int


class PaneFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: Signature | None = None
        self._short: bool | None = None  # True when the global pane keys were left out
        self._recompose_queued = False  # one rebuild at a time: it reads the newest state
        self._sets: dict[Signature, _KeySet] = {}  # built sets, mounted; one shown
        self._showing: Signature | None = None
        self._rebuild = False  # the next rebuild composes every key afresh (a new width)

    def compose(self) -> ComposeResult:
        keys: list[Widget] = list(super().compose())
        width = self.size.width or self.app.size.width
        self._short = False
        self.compact = False
        for prefixes in (*GIVE_WAY, None, LAST_RESORT):
            if _total(keys, self.compact) <= width:
                break
            self._short = True
            if prefixes is None:
                self.compact = True
            else:
                keys = [key for key in keys if not _action(key).startswith(prefixes)]
        # Still too long: leave out whole keys from the end (all of them are in the help, `?`),
        # never a key cut in the middle of its name.
        while len(keys) > 1 and _total(keys, self.compact) > width:
            del keys[-2 if keys[-1].has_class("-command-palette") else -1]
        for key in keys:
            # Each binding's key is data-bound to the footer's `compact`, but a FooterKey starts
            # compact: the bound value then flips it, and every flip restyled that key after
            # mounting (~10% of a pane's first visit). Start each as the binding will set it.
            # (The palette hint is not bound: it stays as Textual made it.)
            compact = getattr(type(key), "compact", None)  # FooterKey is not exported
            if isinstance(compact, Reactive) and not key.has_class("-command-palette"):
                key.set_reactive(compact, self.compact)
                key.set_class(self.compact, "-compact", update=False)
        yield from keys

    def on_resize(self, event: Resize) -> None:
        if self._short is None:
            return
        if self._short != (self._needed_width() > event.size.width):
            self._rebuild = True
            self._queue_recompose()

    def _queue_recompose(self) -> None:
        """Rebuild the keys after the next refresh, once however many changes ask for it
        before then: the rebuild reads the bindings and the width as they are by then. (On a
        pane's first visit both the first bindings and the first resize asked, and the footer
        was rebuilt twice in a row, mounting its keys twice.)"""
        if not self._recompose_queued:
            self._recompose_queued = True
            self.call_after_refresh(self._recompose_queued_now)

    async def _recompose_queued_now(self) -> None:
        self._recompose_queued = False
        if self.screen is not self.app.screen:
            # Its screen went behind another before the rebuild ran (the shell once the first
            # pane opens, a pane left just after its first frame): rebuild when it is back in
            # front (bindings_changed compares with nothing), not for a screen nobody sees,
            # whose new keys would then cost a second layout when it comes back.
            self._shown = None
            return
        signature = self._signature()
        width = self.size.width or self.app.size.width
        kept = self._sets.get(signature)
        if self._rebuild or any(s.width != width for s in self._sets.values()):
            kept = None
            self._sets.clear()
        self._rebuild = False
        if kept is not None:
            self._show(signature, kept)
        elif self._sets and not self._grouped():
            # A new set beside the kept ones: composed and mounted, the others hidden.
            keys = list(self.compose())
            built = self._keep(signature, keys, width)
            while len(self._sets) > KEPT_SETS:
                oldest = next(iter(self._sets))
                await self.remove_children(self._sets.pop(oldest).keys)
            self._show(signature, built, mounted=False)
            await self.mount_all(keys)
        else:
            self._sets.clear()
            await self.recompose()
            self._showing = signature
            self._keep(signature, list(self.children), width)

    def _keep(self, signature: Signature, keys: list[Widget], width: int) -> _KeySet:
        columns = self.styles.grid_size_columns
        built = _KeySet(keys, columns, self.compact, bool(self._short), width)
        self._sets[signature] = built
        return built

    def _show(self, signature: Signature, shown: _KeySet, *, mounted: bool = True) -> None:
        """Show one kept set (the order of use is kept: the oldest goes first)."""
        showing = self._showing
        previous = self._sets.get(showing) if showing not in (None, signature) else None
        for key in previous.keys if previous is not None else ():
            key.display = False
        self._sets[signature] = self._sets.pop(signature)
        self._showing = signature
        self.compact = shown.compact
        self._short = shown.short
        self.styles.grid_size_columns = shown.columns
        if mounted:
            for key in shown.keys:
                key.display = True

    def _grouped(self) -> bool:
        """Grouped bindings are composed inside a group widget: only by a full rebuild."""
        return any(
            binding.group is not None for _, binding, _, _ in self.screen.active_bindings.values()
        )

    def _needed_width(self) -> int:
        total = 13  # the palette hint
        for _, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show:
                total += len(self.app.get_key_display(binding)) + len(binding.description) + 3
        return total

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
        self._queue_recompose()


def _action(key: Widget) -> str:
    return str(getattr(key, "action", ""))


def _total(keys: list[Widget], compact: bool) -> int:
    """Cells the keys take: " key description " each (one less when compact), and the
    palette hint with its border."""
    total = 0
    for key in keys:
        shown = str(getattr(key, "key_display", "")) + str(getattr(key, "description", ""))
        total += (
            len(shown) + (2 if compact else 3) + (1 if key.has_class("-command-palette") else 0)
        )
    return total
