"""The footer: the keys that work here, drawn by one widget as one line.

Textual's Footer mounts a widget per key and recomposes them whenever the bindings change (each
focus change, each pane switch): a dozen widgets to compose, style and lay out on every pane's
first visit, and again whenever a Select's list opened or closed. Here the keys are plain data
(`KeyHint`), laid out for the width at each render: a change of bindings or of width is a
repaint of one line, nothing is mounted.

It looks and behaves as Textual's footer does: each key with its description, the palette hint
on the right behind a thin rule, a disabled key dimmed, the key under the mouse highlighted with
its tooltip, and a click pressing the key. When the keys do not fit on one line, the global pane
keys (F1, F2, ...) give way: the pane's own keys, help and the palette hint stay, and the panes
remain one ctrl+p away (and in the pane bar).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style

from matchtui.widgets.span_line import SpanLine

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.events import MouseDown
    from textual.screen import Screen

# What gives way, in this order, when the keys do not fit: the pane keys (every pane is also in
# the pane bar and in the palette), then the report and quit keys (both in the palette too).
# The pane's own keys, help and the palette hint stay; past that the footer goes compact.
GIVE_WAY: tuple[tuple[str, ...], ...] = (("show_pane(",), ("export_report",), ("quit",))
LAST_RESORT = ("show_help",)
PALETTE_RULE = "▏"


@dataclass(frozen=True)
class KeyHint:
    """One key shown in the footer."""

    key: str  # the key pressed when it is clicked
    display: str  # how the key is written ("^p", "F1")
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""
    palette: bool = False  # the command palette's hint, on the right


# A laid-out piece of a key: its text and what it is ("key", "description", or "rule" and
# "space" around it, which take no key style).
Piece = tuple[str, str]


def pieces(hint: KeyHint, compact: bool) -> list[Piece]:
    """How one key is drawn: Textual's footer spacing, normal and compact; the palette's hint
    behind its rule."""
    if hint.palette:
        return [
            (PALETTE_RULE, "rule"),
            (hint.display, "key"),
            (f" {hint.description}", "description"),
            *([] if compact else [(" ", "space")]),
        ]
    margin = [(" ", "space")] if compact else []  # a compact key's cell of margin
    if not hint.description:
        return [(hint.display, "key"), *margin]
    if compact:
        return [(hint.display, "key"), (f" {hint.description}", "description"), *margin]
    return [(f" {hint.display} ", "key"), (f"{hint.description} ", "description")]


def width_of(hints: list[KeyHint], compact: bool) -> int:
    return sum(len(text) for hint in hints for text, _ in pieces(hint, compact))


def fit(hints: tuple[KeyHint, ...], width: int) -> tuple[list[KeyHint], bool]:
    """The keys shown at `width`, and whether they are drawn compact."""
    keys = list(hints)
    compact = False
    for prefixes in (*GIVE_WAY, None, LAST_RESORT):
        if width_of(keys, compact) <= width:
            break
        if prefixes is None:
            compact = True
        else:
            keys = [key for key in keys if key.palette or not key.action.startswith(prefixes)]
    # Still too long: leave out whole keys from the end (all of them are in the help, `?`),
    # never a key cut in the middle of its name.
    while len(keys) > 1 and width_of(keys, compact) > width:
        del keys[-2 if keys[-1].palette else -1]
    return keys, compact


def read_hints(screen: Screen[object]) -> tuple[KeyHint, ...]:
    """The keys a screen's active bindings show, one per action, as Textual's footer lists
    them, and the palette's hint last."""
    app = screen.app
    active = screen.active_bindings

    def hint(binding: Binding, enabled: bool, tooltip: str, palette: bool = False) -> KeyHint:
        display = app.get_key_display(binding)
        return KeyHint(
            binding.key, display, binding.description, binding.action, enabled, tooltip, palette
        )

    hints: list[KeyHint] = []
    actions: set[str] = set()
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in actions:
            actions.add(binding.action)
            hints.append(hint(binding, enabled, tooltip))
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        hints.append(hint(binding, enabled, binding.tooltip or binding.description, True))
    return tuple(hints)


class PaneFooter(SpanLine[KeyHint]):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-footer--key",
        "pane-footer--description",
        "pane-footer--hover",
        "pane-footer--rule",
    }
    DEFAULT_CSS = """
    PaneFooter {
        dock: bottom;
        height: 1;
        width: 100%;
        color: $footer-foreground;
        background: $footer-background;
        & > .pane-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .pane-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .pane-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .pane-footer--rule {
            color: $foreground 20%;
        }
    }
    """

    hints: reactive[tuple[KeyHint, ...]] = reactive((), layout=False)
    """Every key the bindings show, before fitting them to the width."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Bindings go while the terminal is out of focus; keep showing them (as Textual does).
        # A screen that is not in front (a pane being left, or under an overlay) shows no
        # footer: its keys are read when it is back in front (Textual refreshes the bindings
        # of a screen as it resumes), not also as it is left.
        if (
            screen.app.app_focus
            and self.is_attached
            and screen is self.screen
            and screen.is_current
        ):
            self.hints = read_hints(screen)  # a reactive: an unchanged set draws nothing

    def shown(self) -> tuple[list[KeyHint], bool]:
        """The keys on show at the current width, and whether compact."""
        return fit(self.hints, self.size.width or self.app.size.width)

    def render(self) -> Content:
        keys, compact = self.shown()
        styles = {
            part: self.get_visual_style(f"pane-footer--{part}")
            for part in ("key", "description", "rule")
        }
        styles["space"] = Style()
        hover = self.get_visual_style("pane-footer--hover")
        dim = Style(dim=True)
        parts: list[tuple[str, Style, KeyHint | None]] = []

        def draw(hints: list[KeyHint]) -> None:
            for hint in hints:
                for text, part in pieces(hint, compact):
                    style = styles[part]
                    if part in ("key", "description"):
                        if not hint.enabled:
                            style += dim
                        if hint == self.hovered:
                            style += hover
                    parts.append((text, style, hint))

        left = [key for key in keys if not key.palette]
        right = [key for key in keys if key.palette]
        draw(left)
        gap = self.size.width - width_of(left, compact) - width_of(right, compact)
        if gap > 0:
            parts.append((" " * gap, styles["space"], None))
        draw(right)
        return self.assemble(parts)

    def tooltip_for(self, item: KeyHint) -> str | None:
        return item.tooltip or None

    def on_mouse_down(self, event: MouseDown) -> None:
        hint = self.item_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
