"""Slider: a whole-number value on a horizontal track (the control Textual does not ship).

Modelled on Textual's own small widgets (`Switch`): a reactive `value`, a `Changed` message,
key bindings, component classes styled with theme variables in DEFAULT_CSS. It is focusable,
shows its value, and follows the mouse: click anywhere on the track or drag the knob.

Keys: left/right move one step, shift+left/right one fine step, home/end jump to the ends.

A slider may carry its own label (`label=`): drawn to the left of the track on the background
behind the slider, muted, and bold while the slider has focus, as a Label beside it in a row
would be, in one widget instead of three (a row of a form of sliders). A click on the label
focuses the slider without moving it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import RenderResult


def _plain(value: int) -> str:
    return str(value)


class Slider(Widget, can_focus=True):
    """A horizontal slider over whole numbers from `minimum` to `maximum`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "step(1)", "More", show=False),
        Binding("left", "step(-1)", "Less", show=False),
        Binding("shift+right", "fine(1)", "A little more", show=False),
        Binding("shift+left", "fine(-1)", "A little less", show=False),
        Binding("home", "to_end(0)", "Minimum", show=False),
        Binding("end", "to_end(1)", "Maximum", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | right / left | One step up / down. |
    | shift+right / shift+left | One fine step up / down. |
    | home / end | The minimum / the maximum. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slider--track",
        "slider--fill",
        "slider--knob",
        "slider--value",
        "slider--label",
    }

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    Slider {
        height: 1;
        width: 1fr;
        min-width: 10;
        padding: 0 1;
        background: $surface;
        pointer: pointer;

        & > .slider--track {
            color: $panel-lighten-2;
        }
        & > .slider--fill {
            color: $primary;
        }
        & > .slider--knob {
            color: $primary-lighten-2;
            text-style: bold;
        }
        & > .slider--value {
            color: $text;
        }
        & > .slider--label {
            color: $text-muted;
        }
        &.-labelled {
            padding: 0 1 0 0;
        }
        &:hover {
            background: $boost;
        }
        &:focus {
            background-tint: $foreground 8%;
            & > .slider--knob {
                color: $accent;
            }
            & > .slider--value {
                text-style: bold;
            }
            & > .slider--label {
                color: $text;
                text-style: bold;
            }
        }
        &:disabled {
            & > .slider--fill, & > .slider--knob, & > .slider--value {
                color: $text-disabled;
            }
        }
    }
    """

    value: reactive[int] = reactive(0, init=False)
    """The current value, always within [minimum, maximum] and on the fine-step grid."""

    class Changed(Message):
        """Posted when the value changes (by key, mouse or code).

        Handle with `on_slider_changed`. Attributes: `slider`, `value`; `control` aliases slider.
        """

        def __init__(self, slider: Slider, value: int) -> None:
            super().__init__()
            self.slider: Slider = slider
            self.value: int = value

        @property
        def control(self) -> Slider:
            """Alias for self.slider."""
            return self.slider

    def __init__(
        self,
        value: int = 0,
        *,
        minimum: int = 0,
        maximum: int = 100,
        step: int = 5,
        fine_step: int = 1,
        formatter: Callable[[int], str] = _plain,
        label: str = "",
        label_width: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: RenderableType | None = None,
    ) -> None:
        if label:  # the label takes the place of the left padding
            classes = f"-labelled {classes}" if classes else "-labelled"
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if maximum < minimum:
            raise ValueError("maximum must be >= minimum")
        self.minimum = minimum
        self.maximum = maximum
        self.step = max(1, step)
        self.fine_step = max(1, fine_step)
        self.formatter = formatter
        self.label = label
        # The label's column: the label, padded to `label_width`, then the blank cell the
        # track's padding would give (the label replaces the left padding: `-labelled`).
        self._label_cells = max(label_width, len(label)) + 1 if label else 0
        self._dragging = False
        self._style_memo: dict[str, Style] = {}
        self.set_reactive(Slider.value, self._clamp(value))
        if tooltip is not None:
            self.tooltip = tooltip

    # -- value ---------------------------------------------------------------------------------
    def _clamp(self, value: float) -> int:
        whole = round(value)
        offset = whole - self.minimum
        value = self.minimum + round(offset / self.fine_step) * self.fine_step
        return max(self.minimum, min(self.maximum, value))

    def validate_value(self, value: int) -> int:
        return self._clamp(value)

    def watch_value(self, value: int) -> None:
        self.post_message(self.Changed(self, value))

    def set_range(self, minimum: int, maximum: int) -> None:
        """Change the bounds (the value is clamped into them)."""
        self.minimum, self.maximum = minimum, max(minimum, maximum)
        self.value = self._clamp(self.value)
        self.refresh()

    # -- actions -------------------------------------------------------------------------------
    def action_step(self, direction: int) -> None:
        self.value = self.value + direction * self.step

    def action_fine(self, direction: int) -> None:
        self.value = self.value + direction * self.fine_step

    def action_to_end(self, end: int) -> None:
        self.value = self.maximum if end else self.minimum

    # -- drawing -------------------------------------------------------------------------------
    def _label_width(self) -> int:
        return max(len(self.formatter(self.minimum)), len(self.formatter(self.maximum))) + 1

    def _track_width(self) -> int:
        return max(2, self.content_region.width - self._label_cells - self._label_width())

    def _knob_index(self, width: int) -> int:
        span = self.maximum - self.minimum
        if span <= 0:
            return 0
        return round((self.value - self.minimum) * (width - 1) / span)

    def _style(self, name: str) -> Style:
        # Textual drops its cache of component styles on every refresh; keep ours until the
        # CSS, theme or pseudo-classes (focus, hover) change.
        found = self._style_memo.get(name)
        if found is None:
            found = self._style_memo[name] = self.get_component_rich_style(name)
        return found

    def _label_style(self) -> Style:
        """The label's look: its component colour and text style on the background behind the
        slider (not the track's), as a Label beside the slider would be drawn."""
        found = self._style_memo.get("-label")
        if found is None:
            styles = self.get_component_styles("slider--label")
            base, _ = self.background_colors
            color = styles.color
            if styles.auto_color:
                color = base.get_contrast_text(color.a)
            found = Style(color=(base + color).rich_color, bgcolor=base.rich_color)
            found += styles.text_style
            self._style_memo["-label"] = found
        return found

    def notify_style_update(self) -> None:
        self._style_memo.clear()
        super().notify_style_update()

    def render(self) -> RenderResult:
        width = self._track_width()
        knob = self._knob_index(width)
        text = Text(no_wrap=True, overflow="crop", end="")
        if self._label_cells:
            text.append(self.label.ljust(self._label_cells - 1), self._label_style())
            text.append(" ")
        text.append("━" * knob, self._style("slider--fill"))
        text.append("●", self._style("slider--knob"))
        text.append("─" * (width - knob - 1), self._style("slider--track"))
        label = self.formatter(self.value).rjust(self._label_width())
        text.append(label, self._style("slider--value"))
        return text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    # -- mouse ---------------------------------------------------------------------------------
    def _value_at(self, x: int) -> int:
        width = self._track_width()
        position = max(0, min(width - 1, x))
        span = self.maximum - self.minimum
        return self._clamp(self.minimum + position * span / max(1, width - 1))

    def _content_x(self, event: events.MouseEvent) -> int | None:
        """The mouse's column on the track (negative over the label)."""
        offset = event.get_content_offset_capture(self)
        return offset.x - self._label_cells

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        if self.disabled or event.button != 1:
            return
        event.stop()
        x = self._content_x(event)
        if x is None or (x < 0 and self._label_cells):
            return  # the label: the click focuses the slider, nothing more
        self._dragging = True
        self.capture_mouse()
        if x < self._track_width():
            self.value = self._value_at(x)

    async def _on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            event.stop()
            x = self._content_x(event)
            if x is not None:
                self.value = self._value_at(x)

    async def _on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            event.stop()
            self._dragging = False
            self.release_mouse()

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
