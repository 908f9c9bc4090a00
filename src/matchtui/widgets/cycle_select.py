"""CycleSelect: a one-line choice that steps through its options in place.

A Textual `Select` opens an overlay: the focus moves to its list, the screen is restyled and laid
out whole, and picking an option costs ~50 ms from the key to the frame whatever the app does.
A filter over a long list is changed often, so the filter rows use this instead: the value is
drawn between two arrows, `right` (or Enter, Space) shows the next option, `left` the previous
one, Home and End the first and last; a click on the left arrow goes back, anywhere else on.
A change repaints this one line: it is as wide as its widest option, so nothing moves.

Modelled on Textual's own small widgets (`Switch`): a reactive for what is drawn, a `Changed`
message with a `control` (so `@on(CycleSelect.Changed, "#id")` works), bindings with ids.
Option labels can be user data (specialty names): they are drawn as text, never as markup.

A change that must reach the screen in the same frame as the new value (a filter: the count and
the rows) watches `index` (`self.watch(cycle_select, "index", callback, init=False)`): Textual
runs that callback at once, inside the key's own step. A `Changed` handler runs a message hop
later, after Textual has already drawn the new value on its own, and what it changes waits for
the next frame slot but one (measured at 20,000 programs in a pty: the count line 33 ms after
the key that way, 13 ms when watched).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import RenderResult
    from textual.geometry import Size

LEFT, RIGHT = "◂", "▸"
ARROWS_WIDTH = 4  # "◂ " before the label, " ▸" after it


class CycleSelect(Widget, can_focus=True):
    """One of a fixed list of (label, value) options, changed in place by keys or clicks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right",
            "step(1)",
            "Change",
            key_display="←→",
            id="cycle.next",
            tooltip="The next option (left arrow: the previous one)",
        ),
        Binding("enter,space", "step(1)", "Next option", show=False, id="cycle.next-alt"),
        Binding("left", "step(-1)", "Previous option", show=False, id="cycle.previous"),
        Binding("home", "to_end(0)", "First option", show=False, id="cycle.first"),
        Binding("end", "to_end(1)", "Last option", show=False, id="cycle.last"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | right, enter, space | The next option (after the last: the first). |
    | left | The previous option (before the first: the last). |
    | home / end | The first / the last option. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"cycle-select--arrow"}

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    CycleSelect {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        pointer: pointer;

        & > .cycle-select--arrow {
            color: $text-muted;
        }
        &:hover {
            background: $boost;
        }
        &:focus {
            background-tint: $foreground 10%;
            text-style: bold;
            & > .cycle-select--arrow {
                color: $text-accent;
                text-style: bold;
            }
        }
        &:disabled {
            color: $text-disabled;
        }
        &:ansi {
            color: ansi_default;
            background: ansi_default;
            &:focus {
                text-style: bold reverse;
            }
        }
    }
    """

    index: reactive[int] = reactive(0, init=False)
    """The position of the value among the options: a change repaints the line, no layout."""

    class Changed(Message):
        """Posted when the value changes (by key, click or code), never by `set_options`.

        Handle with `on_cycle_select_changed`. Attributes: `cycle_select`, `value`; `control`
        aliases cycle_select."""

        def __init__(self, cycle_select: CycleSelect, value: str) -> None:
            super().__init__()
            self.cycle_select: CycleSelect = cycle_select
            self.value: str = value

        @property
        def control(self) -> CycleSelect:
            """Alias for self.cycle_select."""
            return self.cycle_select

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._hint = tooltip
        self._options: list[tuple[str, str]] = []
        self._widest = 0
        self._take_options(options)
        self.set_reactive(CycleSelect.index, self._position(value))

    # -- options and value ---------------------------------------------------------------------
    def _take_options(self, options: Sequence[tuple[str, str]]) -> None:
        if not options:
            raise ValueError("CycleSelect needs at least one option")
        self._options = [(label, value) for label, value in options]
        self._widest = max(cell_len(label) for label, _value in self._options)
        tip = Text()
        if self._hint:
            tip.append(self._hint + "\n")
        tip.append("←/→ or a click: ", style="dim")
        tip.append(" · ".join(label for label, _value in self._options))
        self.tooltip = tip

    def _position(self, value: str) -> int:
        for position, (_label, option) in enumerate(self._options):
            if option == value:
                return position
        raise ValueError(f"{value!r} is not one of the options")

    @property
    def options(self) -> list[tuple[str, str]]:
        """The (label, value) options, in order (a copy)."""
        return list(self._options)

    @property
    def value(self) -> str:
        return self._options[self.index][1]

    @value.setter
    def value(self, value: str) -> None:
        """Show `value` (one of the options); posts `Changed` if it is a new value."""
        self.index = self._position(value)

    @property
    def label(self) -> str:
        """The label of the value on show."""
        return self._options[self.index][0]

    def set_options(self, options: Sequence[tuple[str, str]], value: str | None = None) -> None:
        """New options. The value shown is `value` if given and offered, else the current value
        if still offered, else the first option. Posts no `Changed` (as code set it, the caller
        knows); asks for a layout only if the widest label changed (else a repaint)."""
        current = self.value
        widest = self._widest
        self._take_options(options)
        offered = {option for _label, option in self._options}
        for wanted in (value, current):
            if wanted is not None and wanted in offered:
                position = self._position(wanted)
                break
        else:
            position = 0
        self.set_reactive(CycleSelect.index, position)  # no watcher: no Changed
        self.refresh(layout=self._widest != widest)

    def watch_index(self) -> None:
        # Called only when the index changed (set_options sets it without this watcher).
        self.post_message(self.Changed(self, self.value))

    def validate_index(self, index: int) -> int:
        return index % len(self._options)

    # -- actions -------------------------------------------------------------------------------
    def action_step(self, direction: int) -> None:
        self.index = self.index + direction  # wraps round (validate_index)

    def action_to_end(self, end: int) -> None:
        self.index = len(self._options) - 1 if end else 0

    # -- drawing -------------------------------------------------------------------------------
    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._widest + ARROWS_WIDTH

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> RenderResult:
        arrow = self.get_component_rich_style("cycle-select--arrow")
        room = max(1, self.content_region.width - ARROWS_WIDTH)
        label = Text(self.label, no_wrap=True, end="")  # never markup: labels may be user data
        if label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        else:
            label.pad_right(room - label.cell_len)
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(LEFT + " ", arrow)
        text.append_text(label)
        text.append(" " + RIGHT, arrow)
        return text

    # -- mouse ---------------------------------------------------------------------------------
    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        if self.disabled:
            return
        # The left arrow and the cell after it (and the padding before): back; elsewhere on.
        self.action_step(-1 if event.x < self.gutter.left + 2 else 1)
