"""Slider: a whole-number value on a horizontal track (the control Textual does not ship).

Modelled on Textual's own small widgets (`Switch`): a reactive `value`, a `Changed` message,
key bindings, looks styled with theme variables in default CSS. It is focusable, shows its
value, and follows the mouse: click anywhere on the track or drag the knob.

Keys: left/right move one step, shift+left/right one fine step, home/end jump to the ends.

A slider may carry its own label (`label=`): drawn to the left of the track on the background
behind the slider, muted, and bold while the slider has focus, as a Label beside it in a row
would be, in one widget instead of three (a row of a form of sliders). A click on the label
focuses the slider without moving it.

The colours of its parts (track, fill, knob, value, label; focused and disabled) are the
component classes of one `SliderLooks`, never shown, which a form of sliders shares (`looks=`):
Textual styles each component class of each widget with one more pass of the whole stylesheet,
so six sliders with five parts each cost thirty passes as they mount and five more each time
one is focused; one shared SliderLooks costs nine, once. A slider given none finds the one in
its screen, or mounts one there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from matchtui.widgets.mix_looks import part_style

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.css.styles import RenderStyles


def _plain(value: int) -> str:
    return str(value)


class SliderLooks(Widget):
    """Never shown: the looks of the sliders' parts, worked out once for all the sliders that
    share it. A part's look is its class here, merged with its focused (`-focus`) or disabled
    (`slider-looks--disabled`) variant as the slider is; the slider draws it on its own
    background as a component class of its own would be drawn."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slider-looks--track",
        "slider-looks--fill",
        "slider-looks--knob",
        "slider-looks--value",
        "slider-looks--label",
        "slider-looks--knob-focus",
        "slider-looks--value-focus",
        "slider-looks--label-focus",
        "slider-looks--disabled",
    }

    DEFAULT_CSS = """
    SliderLooks {
        display: none;

        & > .slider-looks--track {
            color: $panel-lighten-2;
        }
        & > .slider-looks--fill {
            color: $primary;
        }
        & > .slider-looks--knob {
            color: $primary-lighten-2;
            text-style: bold;
        }
        & > .slider-looks--value {
            color: $text;
        }
        & > .slider-looks--label {
            color: $text-muted;
        }
        & > .slider-looks--knob-focus {
            color: $accent;
        }
        & > .slider-looks--value-focus {
            text-style: bold;
        }
        & > .slider-looks--label-focus {
            color: $text;
            text-style: bold;
        }
        & > .slider-looks--disabled {
            color: $text-disabled;
        }
    }
    """

    generation = 0
    """Counts the restyles (CSS or theme changed): a slider's looks are kept until it changes."""

    def __init__(self) -> None:
        super().__init__()
        self._merged: dict[tuple[str, ...], RenderStyles] = {}

    def look(self, *names: str) -> RenderStyles:
        """These classes' styles merged in order (kept until the next restyle)."""
        found = self._merged.get(names)
        if found is None:
            found = self._merged[names] = self.get_component_styles(*names)
        return found

    def notify_style_update(self) -> None:
        self.generation += 1
        self._merged.clear()
        super().notify_style_update()


# The parts drawn otherwise while the slider has focus, and while it is disabled.
_FOCUS_PARTS = frozenset({"knob", "value", "label"})
_DISABLED_PARTS = frozenset({"fill", "knob", "value"})


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

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    Slider {
        height: 1;
        width: 1fr;
        min-width: 10;
        padding: 0 1;
        background: $surface;
        pointer: pointer;

        &.-labelled {
            padding: 0 1 0 0;
        }
        &:hover {
            background: $boost;
        }
        &:focus {
            background-tint: $foreground 8%;
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
        looks: SliderLooks | None = None,
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
        self.looks = looks
        self._style_memo: dict[str, Style] = {}
        self._memo_generation = -1
        self._backgrounds: tuple[Color, Color] | None = None  # behind the slider, the slider's
        self.set_reactive(Slider.value, self._clamp(value))
        if tooltip is not None:
            self.tooltip = tooltip

    def on_mount(self) -> None:
        if self.looks is None:  # the screen's, or one of its own there
            screen = self.screen
            found = screen.query_children(SliderLooks)
            self.looks = found.first() if found else SliderLooks()
            if not found:
                screen.mount(self.looks)

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

    def _memo(self) -> dict[str, Style]:
        looks = self.looks
        assert looks is not None, "a slider draws once mounted (on_mount finds its looks)"
        if looks.generation != self._memo_generation:
            self._style_memo.clear()
            self._backgrounds = None
            self._memo_generation = looks.generation
        return self._style_memo

    def _colors(self) -> tuple[Color, Color]:
        """The background behind the slider and the slider's own (kept as the looks are)."""
        found = self._backgrounds
        if found is None:
            found = self._backgrounds = self.background_colors
        return found

    def _looks_of(self, part: str) -> tuple[str, ...]:
        """The SliderLooks classes of a part in the slider's state (as `:focus` and
        `:disabled` rules on a component class of its own would merge)."""
        names = [f"slider-looks--{part}"]
        if part in _FOCUS_PARTS and self.has_pseudo_class("focus"):
            names.append(f"slider-looks--{part}-focus")
        if part in _DISABLED_PARTS and self.has_pseudo_class("disabled"):
            names.append("slider-looks--disabled")
        return tuple(names)

    def _style(self, part: str) -> Style:
        """A part's look on the slider's background: what Textual draws a component class of
        the slider with (its rich style: the slider's own, its text style added, its colour on
        the slider's background)."""
        memo = self._memo()
        found = memo.get(part)
        if found is None:
            assert self.looks is not None
            styles = self.looks.look(*self._looks_of(part))
            _, background = self._colors()
            found = part_style(self, self._base_style(), background, styles)
            memo[part] = found
        return found

    def _label_style(self) -> Style:
        """The label's look: its colour and text style on the background behind the slider (not
        the track's), as a Label beside the slider would be drawn."""
        memo = self._memo()
        found = memo.get("-label")
        if found is None:
            assert self.looks is not None
            styles = self.looks.look(*self._looks_of("label"))
            base, _ = self._colors()
            color = styles.color
            if styles.auto_color:
                color = base.get_contrast_text(color.a)
            found = Style(color=(base + color).rich_color, bgcolor=base.rich_color)
            found += styles.text_style
            memo["-label"] = found
        return found

    def notify_style_update(self) -> None:
        self._style_memo.clear()
        self._backgrounds = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self._track_width()
        knob = self._knob_index(width)
        parts: list[tuple[str, Style]] = []
        if self._label_cells:
            parts.append((self.label.ljust(self._label_cells - 1), self._label_style()))
            parts.append((" ", self._base_style()))
        parts.append(("━" * knob, self._style("fill")))
        parts.append(("●", self._style("knob")))
        parts.append(("─" * (width - knob - 1), self._style("track")))
        parts.append((self.formatter(self.value).rjust(self._label_width()), self._style("value")))
        strip = Strip([Segment(text, style) for text, style in parts if text])
        return strip.crop_extend(0, self.content_region.width, self._base_style()).simplify()

    def _base_style(self) -> Style:
        memo = self._memo()
        found = memo.get("-base")
        if found is None:
            found = memo["-base"] = self.rich_style
        return found

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
