"""A one-line text field drawn, until the applicant reaches it, by one light widget exactly as
the compact Input it stands for: the Plan pane's start month and item note, the Rank list's
add line.

Profile's TextField holds a value fixed until it becomes real; these follow what the pane
shows (the start month moves with [ and ], the note with the selected item, disabled while no
item is selected, the add line is emptied once a program is added): `InputStandIn` takes a new
value and the disabled state at any time, and gives them to its Input once it is one.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.strip import Strip
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input

from matchtui.widgets.profile_fields import COMPACT, FormInput, TextBase


class InputStandIn(TextBase):
    """A text field not reached yet: drawn as a compact `FormInput` showing its
    value (or its placeholder), not focused, dimmed while disabled (as any focusable widget is),
    that becomes that FormInput, with its id, classes, length limit and tooltip, as soon as the
    applicant reaches it (Tab, a click, a key that focuses it). Keys typed meanwhile go to the
    Input in their order (see TypedStandIn). One widget with one component class (the
    placeholder's look, as the Input's) and no cursor timer, instead of an Input with four."""

    # Its look (as Input's own styles draw a compact Input) is in the pane's stylesheet
    # (screens/plan.tcss, screens/ranklist.tcss).
    COMPONENT_CLASSES: ClassVar[set[str]] = {"input-stand-in--placeholder"}

    def __init__(
        self,
        value: str = "",
        *,
        placeholder: str = "",
        max_length: int = 0,
        tooltip: str | None = None,
        suggester: Suggester | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(value, placeholder=placeholder, id=id, classes=classes)
        self.max_length = max_length
        self.suggester = suggester  # the Input's, once it is one
        self._clicked = False  # reached by a click: its Input takes the cursor where it landed
        if tooltip is not None:
            self.tooltip = tooltip

    @property
    def value(self) -> str:
        """The text, as the Input it becomes will show it."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        if value != self._value:
            self._value = value
            self.refresh()
        real = self.real
        if isinstance(real, Input) and not real.has_focus:
            real.value = value  # being made: the Input follows too

    def control_classes(self) -> str:
        return " ".join(sorted({*self.classes, COMPACT, "-valid"}))

    def render_line(self, y: int) -> Strip:
        # As Input.render_line draws a compact Input not focused: the placeholder in its own
        # look over the field's, or the value (see `input_strip`).
        style = self.rich_style
        if y:
            return Strip.blank(self.size.width, style)
        width = self.scrollable_content_region.width
        if self._value:
            return self.text_strip(width, style)
        placeholder = Text(self.placeholder, justify="left", end="")
        placeholder.stylize(self.get_component_rich_style("input-stand-in--placeholder"))
        options = self.app.console_options.update_width(width + 1)
        return Strip(self.app.console.render(placeholder, options)).apply_style(style)

    def build(self) -> Widget:
        # As the pane composed its Input before: its text selected whole when focused (by Tab,
        # or n), but not by a click, which puts the cursor where it lands (the Input's own
        # mouse-down does that after its focus has selected the text).
        return FormInput(
            self._value,
            placeholder=self.placeholder,
            max_length=self.max_length,
            compact=True,
            classes=self.control_classes(),
            disabled=self.disabled,
            select_on_focus=not self._clicked,
            suggester=self.suggester,
        )

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._clicked = True
        super().on_mouse_down(event)

    def placed(self, real: Widget) -> None:
        # Disabled (or not) since it was built: the Input follows before it can be focused.
        real.disabled = self.disabled

    def hand_over(self, real: Widget, focused: bool) -> None:
        # Text typed for the Input, then a key (Tab) that moved the focus on, all before the
        # Input was in place: the Input would have had the focus, its text selected, then
        # the text typed over it, then lost the focus. It is given the same: the text typed
        # over its selected text, then Blurred (which saves a note), in its own queue.
        typed = not focused and any(
            isinstance(key, events.Paste) or key.is_printable for key in self._keys
        )
        if typed and isinstance(real, Input) and real.select_on_focus:
            real.select_all()
        super().hand_over(real, focused)
        if not isinstance(real, Input):
            return
        if typed:
            real.call_later(lambda: real.post_message(Input.Blurred(real, real.value)))
        if not real.select_on_focus:
            # Once it has the focus the click gave it: selected whole on its next focus.
            real.call_later(partial(setattr, real, "select_on_focus", True))

    def watch_disabled(self, disabled: bool) -> None:
        super().watch_disabled(disabled)
        if self.real is not None:
            self.real.disabled = disabled


def field_at(node: DOMNode, selector: str) -> Input | InputStandIn:
    """The text field at `selector`: the Input, or the InputStandIn standing for it. A pane
    finds its own by a class both have: the Input takes the id only once its stand-in is gone,
    and a handler may run in between (the stand-in, found first, passes a value on)."""
    field = node.query_one(selector)
    if not isinstance(field, Input | InputStandIn):
        raise TypeError(f"{field!r} is not a text field")
    return field


async def real_field(node: DOMNode, selector: str) -> Input:
    """The text field at `selector` as an Input: a InputStandIn becomes one first, as it does when
    the applicant reaches it."""
    field = field_at(node, selector)
    if isinstance(field, InputStandIn):
        return await field.make_real()
    return field
