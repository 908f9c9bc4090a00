"""Form pieces for the Profile pane: one-line labelled fields with an error line under each, and
lists of items (ties, rotations, letters, target specialties) edited in place.

The widgets only hold raw values; the screen builds the pydantic Profile from them and routes
its validation errors back with `show_error`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Literal

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.styles import RenderStyles, StylesBase
from textual.geometry import Region, Size
from textual.markup import MarkupError
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import AwaitMount, Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from matchtui.widgets.alike_lines import PaneVerticalScroll, draw_alike, draw_same_lines

Kind = Literal["text", "int", "opt_int", "date", "select", "opt_select", "bool", "area"]
Options = Sequence[tuple[str, Any]]


@dataclass(frozen=True)
class FieldSpec:
    """One field of the form: where its value goes in the profile and how to edit it."""

    key: str  # last part of the path; the column key inside a list item
    label: str
    kind: Kind = "text"
    options: Options = ()
    placeholder: str = ""
    width: str = ""  # a CSS class for the control width ("-w-short", "-w-num", ...)
    tooltip: str = ""


def dom_id(path: Sequence[str | int]) -> str:
    return "f-" + "-".join(str(p) for p in path)


class StandIn(Widget, can_focus=True):
    """A light widget drawn exactly as the Textual control it stands for, that becomes that
    control (`real`, built by `build`) in its place, with its id, as soon as the applicant
    reaches it: focused by Tab or by a click. The form has dozens of controls, and most are
    never reached in a visit: each stand-in is one widget with no parts, styled and drawn
    in a fraction of the control's time (see ChoiceField, TextField).

    Its value is the one it was built with until it becomes real (it cannot change before).
    The control is handed the focus from this widget's own message queue, after every key
    that reached this widget first (`hand_over`): no key is lost nor reordered."""

    ALLOW_SELECT = False

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, real_id: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._dom_id = real_id or id  # the control's id once this widget is gone
        self.real: Widget | None = None
        self._made: asyncio.Event | None = None  # set once the control has taken its place
        self._handed: asyncio.Event | None = None  # set once the control has the focus

    def build(self) -> Widget:
        """The control this widget becomes, with its value, classes and tooltip (no id yet:
        ids are unique among siblings, and this widget keeps its own until it is gone)."""
        raise NotImplementedError

    def hand_over(self, real: Widget, focused: bool) -> None:
        """Called once `real` is mounted in this widget's place (and given the focus if this
        widget had it), in this widget's message queue: give `real` what was meant for it
        (a key, a click)."""

    def focus_target(self, real: Widget) -> Widget:
        """The control in what `build` made (itself, or the control of a row built around it):
        it takes the focus, the tooltip and what `hand_over` gives."""
        return real

    def placed(self, real: Widget) -> None:
        """Called once what `build` made is mounted in this widget's place (before the focus
        moves to it)."""

    def on_focus(self) -> None:
        self.start_making()

    def start_making(self) -> None:
        """Begin becoming the control, in a worker (nothing if that has begun already)."""
        if self.real is None:
            self.screen.run_worker(self.make_real(), group="stand-in-real")

    def on_unmount(self) -> None:
        if self._handed is not None:  # removed before its control had the focus
            self._handed.set()

    async def made(self) -> None:
        """Wait until a control being made in this widget's place is in it (now if none is)."""
        if self._made is not None:
            await self._made.wait()

    async def make_real(self) -> Widget:
        """Become the control now, in this widget's place, with its id, and focused if this
        widget was; the control."""
        if self.real is not None:  # made, or being made
            if self._made is not None:
                await self._made.wait()
            return self.focus_target(self.real)
        real = self.real = self.build()
        # A control id other than this widget's is given now, so its styles apply as it mounts.
        if self._dom_id is not None and self._dom_id != self.id:
            real.id = self._dom_id
        if self.tooltip is not None:
            self.focus_target(real).tooltip = self.tooltip
        self._made = asyncio.Event()
        try:
            await self._swap(real)
        finally:
            self._made.set()
        return self.focus_target(real)

    def _hand_over(self, real: Widget) -> None:
        assert self._handed is not None
        control = self.focus_target(real)
        if self.is_attached and control.is_attached:
            focused = self.has_focus  # never take focus back from where a key moved it
            if focused:
                self.screen.set_focus(control, scroll_visible=False)
            self.hand_over(control, focused)
        self._handed.set()

    async def _swap(self, real: Widget) -> None:
        parent = self.parent
        if not isinstance(parent, Widget) or not self.is_attached:
            return
        with self.app.batch_update():  # one frame: this widget, then the control in its place
            await parent.mount(real, after=self)
            if not self.is_attached:  # removed meanwhile (a list item, the form rebuilt)
                await real.remove()
                return
            owner = next((a for a in self.ancestors if isinstance(a, FieldRow | ItemRow)), None)
            if owner is not None:
                owner.replace_control(self, real)
            self.placed(real)
            # The focus moves in this widget's queue, after the keys already sent to it.
            self._handed = asyncio.Event()
            self.call_later(self._hand_over, real)
            await self._handed.wait()
            await self.remove()
            if self._dom_id is not None and real.id != self._dom_id:
                # Free now that this widget is gone. A parent indexes its children's ids as
                # they are inserted: re-insert the control where it stands so `#id` finds it.
                real.id = self._dom_id
                siblings = list(parent.children)
                at = siblings.index(real)
                if at > 0:
                    parent.move_child(real, after=siblings[at - 1])
                elif len(siblings) > 1:
                    parent.move_child(real, before=siblings[1])
                else:  # its row's only child: a sibling for a moment to move it by
                    marker = Widget()
                    marker.display = False
                    await parent.mount(marker)
                    parent.move_child(real, before=marker)
                    await marker.remove()


class SelectStandIn(StandIn):
    """A stand-in for a `Select`: a key or a click that would open the Select's choices opens
    them as soon as it is real (the Select replacing it never sees the mouse come up)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down,space,up", "open", "Show menu", show=False),
    ]

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, real_id: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, real_id=real_id)
        self._open = False  # open the choices once real (a key or a click asked for them)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        # A click focuses the field (it becomes real) and opens the choices, as on a Select.
        event.stop()
        self._open = True

    def action_open(self) -> None:
        self._open = True

    def hand_over(self, real: Widget, focused: bool) -> None:
        if focused and self._open and isinstance(real, Select):
            real.action_show_overlay()

    async def make_real(self) -> Select[Any]:
        """Become the Select now (see StandIn.make_real); the Select."""
        select = await super().make_real()
        assert isinstance(select, Select)
        return select


def select_strip(
    label: str | None, prompt: str, width: int, base: VisualStyle, dim: VisualStyle
) -> Strip:
    """A compact Select's line in `width` cells, segment for segment as the Select draws it:
    its `label` (None: the prompt; a Static: the first line of the text wrapped to its width,
    then blank cells), a blank cell, the arrow; `dim` the prompt's and the arrow's look."""
    blank = base.background_style.rich_style
    label_width = max(width - 2, 0)
    if label is None:
        text, style = prompt, dim
    else:
        text, style = label, base
    try:
        content = Content.from_markup(text)  # a Select's label is a Static's markup
    except MarkupError:
        content = Content(text)
    lines = content.wrap(label_width) if label_width else []
    segments = [
        Segment(part, (style + part_style).rich_style)
        for part, part_style in (lines[0].render(style, end="") if lines else ())
    ]
    used = lines[0].cell_length if lines else 0
    if used < label_width:
        segments.append(Segment(" " * (label_width - used), blank))
    segments.append(Segment(" ", blank))
    segments.append(Segment("▼", dim.rich_style))
    return Strip(segments).adjust_cell_length(width, blank)


def input_strip(app: Any, value: str, placeholder: str, width: int, style: Style) -> Strip:
    """As an Input not focused draws its line (Input.render_line) in a content region `width`
    cells wide: `value` from its first cell (an Input scrolls only once the cursor moves), or
    the placeholder; one cell more than the region (the compositor crops it), `style` under
    it."""
    console = app.console
    options = app.console_options
    if not value:
        text = Text(placeholder, justify="left", end="")
        strip = Strip(console.render(text, options.update_width(width + 1)))
    else:
        text = Text(value, no_wrap=True, overflow="ignore", end="")
        strip = Strip(console.render(text, options.update_width(text.cell_len + 1)))
        strip = strip.crop(0, width + 1).extend_cell_length(width + 1)
    return strip.apply_style(style)


class ChoiceBase(SelectStandIn):
    """A choice not reached yet (its options, its value, the Select it becomes): drawn as a
    compact Select by ChoiceField, or in its row's line by ChoiceLine."""

    def __init__(
        self,
        options: Options,
        value: Any,
        *,
        allow_blank: bool,
        prompt: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.options = options
        self.allow_blank = allow_blank
        self.prompt = prompt
        self._value = value  # a listed value, or None for the prompt
        self._label = next((str(label) for label, v in options if v == value), None)

    @property
    def value(self) -> Any:
        """The choice (None for none), as `read_control` reads a Select."""
        return self._value

    def control_classes(self) -> str:
        """The classes of the Select this choice becomes."""
        return " ".join(sorted(self.classes))

    def choice_strip(self, width: int, base: VisualStyle, dim: VisualStyle) -> Strip:
        """The choice's line in `width` cells, segment for segment as the Select draws it (see
        `select_strip`)."""
        return select_strip(self._label, self.prompt, width, base, dim)

    def build(self) -> Widget:
        return Select(
            list(self.options),
            value=Select.NULL if self._value is None else self._value,
            allow_blank=self.allow_blank,
            prompt=self.prompt,
            compact=True,
            classes=self.control_classes(),
        )


class ChoiceField(ChoiceBase):
    """A choice drawn exactly as a compact `Select` showing it (the choice, or the prompt, and
    the arrow), that becomes that Select as soon as the applicant reaches it: focused by Tab or
    by a click, or opened by a key or a click (the choices then open too). One widget instead of
    a Select's six, with no option list built and no restyle as it mounts."""

    # The prompt and the arrow share one look (a Select draws both at half strength): one
    # component class, so one style to work out per field as it mounts, not two.
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice--dim"}
    # Its look (as Select's and SelectCurrent's own styles draw a compact Select) is in
    # screens/profile.tcss: a widget class's own CSS makes Textual parse every stylesheet again
    # the first time one mounts.

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.get_visual_style()
        if y or width <= 0:
            return Strip.blank(width, base.background_style.rich_style)
        return self.choice_strip(width, base, self.get_visual_style("choice--dim"))


# The keys a focused Input acts on (its bindings, and printable keys it types): one that reaches
# a TextField before its Input is made is kept for the Input (see TextField.on_key).
INPUT_KEYS: frozenset[str] = frozenset(
    key.strip()
    for binding in Input.BINDINGS
    if isinstance(binding, Binding)
    for key in binding.key.split(",")
)


class TypedStandIn(StandIn):
    """A stand-in for a control the applicant types into (an Input, a TextArea): a key that
    control would act on (a printable one, or one of `KEYS`) and a paste that reach this widget
    before the control is in place are kept for it, in their order (`take_keys`), and the
    control gets the focus from this widget's queue after them."""

    KEYS: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, real_id: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, real_id=real_id)
        self._keys: list[events.Key | events.Paste] = []  # for the control, in their order

    def on_key(self, event: events.Key) -> None:
        if event.is_printable or event.key in self.KEYS:
            event.stop()
            event.prevent_default()
            self._keys.append(events.Key(event.key, event.character))

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self._keys.append(events.Paste(event.text))

    def take_keys(self) -> list[events.Key | events.Paste]:
        """The keys and pastes kept so far, in their order (none are kept for it again)."""
        keys, self._keys = self._keys, []
        return keys


class TextBase(TypedStandIn):
    """A text field not reached yet (its text, the Input it becomes, the keys and the click
    meant for that Input): drawn as a compact Input by TextField, or in its row's line by
    TextLine.

    A key typed before the Input is in place is typed into it (the Input gets the focus from
    this widget's queue, after those keys); a click puts the cursor where it lands, as a click
    on the Input does."""

    KEYS = INPUT_KEYS

    def __init__(
        self,
        value: str,
        *,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._value = value
        self.placeholder = placeholder
        self._click_x: int | None = None  # where a click landed, in cells from the Input's left

    @property
    def value(self) -> str:
        """The text, as `read_control` reads an Input."""
        return self._value

    def control_classes(self) -> str:
        """The classes of the FormInput this field becomes."""
        return " ".join(sorted({*self.classes, COMPACT, "-valid"} - {"-placeholder"}))

    def control_x(self) -> int:
        """Cells from this widget's left to where the Input's text starts."""
        return 0

    def text_strip(self, width: int, style: Style) -> Strip:
        """As an Input not focused draws its line (see `input_strip`)."""
        return input_strip(self.app, self._value, self.placeholder, width, style)

    def click_at(self, x: int) -> None:
        """A click landed `x` cells from the Input's left: its cursor goes there once real."""
        self._click_x = max(x, 0)

    def build(self) -> Widget:
        return FormInput(
            self._value,
            placeholder=self.placeholder,
            compact=True,
            classes=self.control_classes(),
            select_on_focus=False,
        )

    def on_mouse_down(self, event: events.MouseDown) -> None:
        # The click focuses this field (it becomes real): the cursor goes where it landed.
        offset = event.get_content_offset(self)
        if offset is not None:
            self._click_x = max(offset.x - self.control_x(), 0)

    def hand_over(self, real: Widget, focused: bool) -> None:
        if not isinstance(real, Input):
            return
        if self.has_class("-invalid"):  # an Input sets its own check's class as it mounts
            real.add_class("-invalid")
        if self._click_x is not None:
            real.cursor_position = _cell_to_index(self._value, self._click_x)
        for key in self.take_keys():
            # To the Input, then up to its bindings as a key it had; typed text only if a
            # key has moved the focus on since (another key would act where the focus is).
            if focused or isinstance(key, events.Paste) or key.is_printable:
                real.post_message(key)

    async def make_real(self) -> Input:
        """Become the Input now (see StandIn.make_real); the Input."""
        control = await super().make_real()
        assert isinstance(control, Input)
        return control


class TextField(TextBase):
    """A text field drawn exactly as a compact `FormInput` showing its value (or its
    placeholder) and not focused, that becomes that FormInput as soon as the applicant reaches
    it: focused by Tab or by a click. One widget with one component class instead of an Input's
    four, and no cursor timer: the form has a few dozen text fields (see TextBase)."""

    # Its look (as Input's own styles draw a compact Input) is in screens/profile.tcss. A field
    # showing its placeholder has the placeholder's colour (class -placeholder; it cannot
    # change before it becomes real): no component class to style as each field mounts.

    def __init__(
        self,
        value: str,
        *,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(value, placeholder=placeholder, id=id, classes=classes)
        if not value:
            self.add_class("-placeholder")

    def render_line(self, y: int) -> Strip:
        # The field's colour (-placeholder for its placeholder) under it.
        style = self.rich_style
        if y:
            return Strip.blank(self.size.width, style)
        return self.text_strip(self.scrollable_content_region.width, style)


def _cell_to_index(text: str, cells: int) -> int:
    """The index in `text` of the character at `cells` cells from its start (as an Input not
    scrolled places its cursor at a click): its length past the end."""
    at = 0
    for index, char in enumerate(text):
        width = get_character_cell_size(char)
        if at <= cells < at + width:
            return index
        at += width
    return max(0, min(cells, len(text)))


# The form's Textual widgets are compact from the start and are given the classes they would give
# themselves as they are built or mounted (compact, an Input's check, a Checkbox ticked): each
# class added to a widget restyles it (even before it mounts), and the form has a few hundred
# widgets. The same classes, so the same look.
COMPACT = "-textual-compact"


class FormInput(Input):
    """A compact Input whose typing asks for no new layout of the screen.

    An Input sets its virtual size (its text's width, for scrolling) on every change of its
    value, and a Widget's virtual size asks for a layout of the whole screen when it changes:
    on the Profile, one key typed cost one layout of the form (~30 ms of the ~40). The field's
    own size never depends on its text here (none is `width: auto`; an Input that is asks for
    its layout itself), and its scrolling reads the virtual size directly, so it is repainted,
    not laid out again."""

    compact = reactive(True, toggle_class=COMPACT)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)


class FormCheckbox(Checkbox):
    compact = reactive(True, toggle_class=COMPACT)


class FormTextArea(TextArea):
    compact = reactive(True, toggle_class=COMPACT)


class FormButton(Widget, can_focus=True):
    """A compact button of the form, drawn and behaving as a compact Textual `Button` of its
    variant ("default", "primary", "error"): its label in bold with a cell on each side, a
    hover and a focus look, a short flash as it is pressed (by a click or Enter), not pressable
    while disabled. Its looks are in screens/profile.tcss, as Button's own styles give them to
    a compact button: a Button is styled against every rule of its own CSS (all its styles and
    variants), the form's first screen has a dozen buttons, and this one is styled against the
    few it uses. Pressing it sends `FormButton.Pressed`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "press", "Press button", show=False),
    ]
    ACTIVE_EFFECT: ClassVar[float] = 0.2  # seconds the pressed look lasts (as a Button's)

    class Pressed(Message):
        """The button was pressed."""

        def __init__(self, button: FormButton) -> None:
            self.button = button
            super().__init__()

        @property
        def control(self) -> FormButton:
            return self.button

    def __init__(
        self,
        label: str,
        variant: Literal["default", "primary", "error"] = "default",
        *,
        id: str | None = None,
        classes: str = "",
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=f"{classes} -{variant}".strip(), disabled=disabled)
        self.label = Content.from_text(label)  # as a Button reads its label
        self.variant = variant

    def render(self) -> RenderResult:
        return self.label

    def get_content_width(self, container: Size, viewport: Size) -> int:
        # The label's widest line and a cell on each side (the line padding), as a Button's.
        return max((cell_len(line) for line in self.label.plain.splitlines()), default=0) + 2

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        if not self.has_class("-active"):
            self.press()

    def action_press(self) -> None:
        if not self.has_class("-active"):
            self.press()

    def press(self) -> None:
        """Show the pressed look for a moment and send `Pressed` (not while disabled)."""
        if self.disabled or not self.display:
            return
        self.add_class("-active")
        self.set_timer(self.ACTIVE_EFFECT, partial(self.remove_class, "-active"))
        self.post_message(self.Pressed(self))


def make_control(
    spec: FieldSpec, value: Any, dom_id: str | None = None, classes: str = "", light: bool = True
) -> Widget:
    """A compact control for `spec` showing `value`, with `classes` too; a text field is a
    TextField standing in for its Input unless not `light`."""
    classes = " ".join(c for c in ("field-control", spec.width, classes) if c)
    control: Widget
    if spec.kind == "bool":
        # One widget instead of a Select's six: the form has many yes/no columns.
        control = FormCheckbox(
            "",
            value=bool(value),
            compact=True,
            id=dom_id,
            classes=f"{classes} {COMPACT}" + (" -on" if value else ""),
            button_first=True,
        )
    elif spec.kind in ("select", "opt_select"):
        # Drawn as a compact Select, and one once the applicant reaches it (see ChoiceField).
        options = spec.options
        valid = {v for _, v in options}
        control = ChoiceField(
            options,
            value if value in valid else None,
            allow_blank=spec.kind == "opt_select" or value not in valid,
            prompt="(choose)" if spec.kind != "opt_select" else "(none)",
            id=dom_id,
            classes=classes,
        )
    elif spec.kind == "area":
        control = FormTextArea(
            str(value or ""),
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            compact=True,
            id=dom_id,
            classes=f"{classes} {COMPACT}",
        )
    elif light:
        # Drawn as a compact Input, and one once the applicant reaches it (see TextField).
        control = TextField(
            "" if value is None else str(value),
            placeholder=spec.placeholder,
            id=dom_id,
            classes=classes,
        )
    else:
        text = "" if value is None else str(value)
        control = FormInput(
            text,
            placeholder=spec.placeholder,
            compact=True,
            id=dom_id,
            classes=f"{classes} {COMPACT} -valid",  # no validators: always valid
            select_on_focus=False,
        )
    if spec.tooltip:
        control.tooltip = spec.tooltip
    return control


def initial_value(spec: FieldSpec, value: Any) -> Any:
    """What `read_control` gives for a control `make_control(spec, value)` builds, without
    building it: a row of a part of the form not built yet still reads (and saves) its value."""
    if spec.kind == "bool":
        return bool(value)
    if spec.kind in ("select", "opt_select"):
        return value if value in {v for _, v in spec.options} else None
    if spec.kind == "area":
        return str(value or "")
    text = "" if value is None else str(value)
    if spec.kind in ("opt_int", "date"):
        return text.strip() or None
    if spec.kind == "int":
        return text.strip()
    return text


def read_control(spec: FieldSpec, control: Widget) -> Any:
    """The raw value to hand to pydantic (which does the parsing and the validation)."""
    if isinstance(control, Checkbox | ChoiceField):
        return control.value
    if isinstance(control, Select):
        value = control.value
        return None if value is Select.NULL else value
    if isinstance(control, TextArea):
        return control.text
    assert isinstance(control, Input | TextField)
    text = control.value.strip()
    if spec.kind in ("opt_int", "date"):
        return text or None
    if spec.kind == "int":
        return text  # "" fails as "enter a whole number" rather than silently becoming 0
    return control.value


class ErrorLine(Static):
    """The message under a field. Mounted only while there is one: a form of a few hundred
    widgets restyles on every pane switch, so idle error lines are not kept around."""

    def __init__(self, message: str, classes: str = "") -> None:
        super().__init__(message, classes=f"field-error {classes}".strip(), markup=False)


def set_error_line(
    owner: Widget, message: str | None, classes: str = "", top: bool = False
) -> None:
    """Show `message` in `owner`'s error line (added on demand), or drop the line."""
    found = owner.query_children(ErrorLine)
    line = found.first() if found else None
    if not message:
        if line is not None:
            line.remove()
        return
    if line is not None:
        line.update(message)
    elif top and owner.children:
        owner.mount(ErrorLine(message, classes), before=0)
    else:
        owner.mount(ErrorLine(message, classes))


class FieldRow(Vertical):
    """Label and control on one line, the validation message under them.

    A one-line row draws its label itself, in the first cells of its first line (as a Label
    of the label column's width would) and in the label's colour (its control and its error
    line have colours of their own), and its control stands to the right of it (a left margin
    of that width): two widgets a row instead of four (a row, a line, a label, the control).
    A text area's row has its label on a line of its own, above the area."""

    def __init__(
        self,
        path: tuple[str, ...],
        spec: FieldSpec,
        value: Any,
        *,
        light: bool = True,
        control: Widget | None = None,
        error: str | None = None,
    ) -> None:
        area = spec.kind == "area"
        super().__init__(classes="field-row" + (" -area" if area else " -line"))
        self.path = path
        self.spec = spec
        self._value = value
        self._light = light  # a text field stands in for its Input (see make_control)
        self._control: Widget | None = control  # built with the row, or as it composes
        self._label = None if area else spec.label
        self._error = error  # the message it is built showing (see FieldLine.show_error)

    def compose(self) -> ComposeResult:
        if self._control is None:
            self._control = make_control(
                self.spec, self._value, dom_id(self.path), light=self._light
            )
        if self.spec.kind == "area":
            yield Label(self.spec.label, classes="field-label", markup=False)
        if self._error:
            self._control.add_class("-invalid")
        yield self._control
        if self._error:
            yield ErrorLine(self._error)

    def render(self) -> RenderResult:
        if self._label is None:
            return super().render()
        return Content(self._label)  # in the row's colour (profile.tcss); its control has its own

    def lines(self) -> int:
        """Lines the row takes on screen as profile.tcss lays it out (without an error)."""
        if not self.display:
            return 0
        return 7 if self.spec.kind == "area" else 1

    @property
    def control(self) -> Widget:
        if self._control is None:
            raise LookupError(f"{dom_id(self.path)} is not built yet")
        return self._control

    def replace_control(self, old: Widget, new: Widget) -> None:
        """`new` takes `old`'s place (a stand-in becoming its control)."""
        if self._control is old:
            self._control = new

    def value(self) -> Any:
        """The raw value; until the control is mounted (a Select sets its value as it
        mounts), the value the row was built with."""
        control = self._control
        if control is None or not control.is_mounted:
            return initial_value(self.spec, self._value)
        return read_control(self.spec, control)

    def read(self) -> Any:
        """The raw value (as a FieldLine reads its own): see `value`."""
        return self.value()

    def show_error(self, message: str | None) -> None:
        self._error = None
        set_error_line(self, message)
        self.control.set_class(bool(message), "-invalid")


# A one-line field's row as profile.tcss lays it out: the label in the first LABEL_CELLS cells,
# the control to the right of it, as wide as its width class or 1fr up to CONTROL_MAX cells.
LABEL_CELLS = 24
CONTROL_MAX = 52
CONTROL_CELLS: dict[str, int] = {"-w-num": 10, "-w-short": 22}


def focus_form_on_click(line: Widget) -> bool:
    """A click on a line off its controls: focus what a click on the row's blank cells did
    (the nearest focusable ancestor, the form), and not the line itself (returns False)."""
    for node in line.ancestors:
        if isinstance(node, Widget) and node.focusable:
            if node.focus_on_click():
                line.screen.set_focus(node, scroll_visible=False)
            break
    return False


# What Widget.get_visual_style works out as it walks styles, from the root down: the
# background so far, the colour, the text style and the opacity.
Fold = tuple[Color, Color, Style, float]
_BASE_FOLD: Fold = (Color(0, 0, 0, 0), Color(255, 255, 255, 0), Style(), 1.0)


def fold_styles(start: Fold, styles: Iterable[StylesBase]) -> Fold:
    """`start` with `styles` laid over it in turn, step for step as Widget.get_visual_style
    lays each node's styles and then each component's (not partial): SharedLook works a
    line's walk up its ancestors out once, then each of its looks from there."""
    background, color, style, opacity = start
    for styles_ in styles:
        has_rule = styles_.has_rule
        opacity *= styles_.opacity
        if has_rule("background"):
            tinted = styles_.background.tint(styles_.background_tint)
            text_background = background + tinted
            background += tinted.multiply_alpha(opacity)
        else:
            text_background = background
        if has_rule("color"):
            color = styles_.color.multiply_alpha(styles_.text_opacity)
        style += styles_.text_style
        if has_rule("auto_color") and styles_.auto_color:
            color = text_background.get_contrast_text(color.a)
    return background, color, style, opacity


class FieldLooks(Widget):
    """Never shown: the looks of the controls the form's FieldLines draw (profile.tcss gives
    each component class the styles the stand-in of that control has), worked out once for the
    pane, not once a line (each component class is a full pass of the stylesheet for each
    widget that has it)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "looks--choice",
        "looks--choice-focus",
        "looks--dim",
        "looks--text",
        "looks--text-focus",
        "looks--placeholder",
        "looks--check",
        "looks--check-button",
        "looks--check-on",
        "looks--button-default",
        "looks--button-primary",
        "looks--button-error",
        "looks--button-disabled",
        "looks--button-focus",
        "looks--note",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shared: dict[tuple[Any, ...], VisualStyle] = {}  # see SharedLook
        self.bases: dict[tuple[Any, ...], Fold] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.forget()

    def forget(self) -> None:
        """Work the looks out afresh (a line or the looks restyled)."""
        self.shared.clear()
        self.bases.clear()


class SharedLook(Widget):
    """A line drawn in the looks of the pane's FieldLooks (FieldLine, ItemLine, BarLine)
    that shares its visual styles with the lines like it in the same parent: the same type,
    classes, state (the mouse over it, focus, disabled: the key Textual caches a widget's own
    visual styles by) and, if a rule names it, id. Lines of one section are styled alike, so
    one of them works out each look (a walk up every ancestor's styles) and the others take
    it, instead of each working out its own. profile.tcss gives these lines no rule by their
    place among their siblings (:first-child and the like), so nothing else tells them apart.
    Any restyle of a line or of the looks (a theme change restyles both) starts afresh."""

    looks: FieldLooks

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> VisualStyle:
        parent = self.parent
        if parent is None or partial:
            return super().get_visual_style(*component_classes, partial=partial)
        own_id = self.id
        if own_id is not None and f"#{own_id}" not in self.app.stylesheet.rules_map:
            own_id = None
        key = (
            type(self),
            parent,
            own_id,
            self.classes,
            self.mouse_hover,
            self.has_focus,
            self.is_disabled,
        )
        shared = self.looks.shared
        look = shared.get((key, component_classes))
        if look is None:
            # The walk up the ancestors is the same for every look of the line: done once,
            # then each look adds its component styles to where it ended.
            base = self.looks.bases.get(key)
            if base is None:
                base = self.looks.bases[key] = fold_styles(
                    _BASE_FOLD, [node.styles for node in reversed(self.ancestors_with_self)]
                )
            looks = self.looks
            background, color, style, _opacity = fold_styles(
                base, [looks.get_component_styles(name) for name in component_classes]
            )
            look = shared[(key, component_classes)] = VisualStyle(
                background,
                color,
                bold=style.bold,
                dim=style.dim,
                italic=style.italic,
                underline=style.underline,
                strike=style.strike,
            )
        return look

    def notify_style_update(self) -> None:
        super().notify_style_update()
        looks = getattr(self, "looks", None)  # set after the widget is made
        if looks is not None:
            looks.forget()


class FieldLine(StandIn, SharedLook):
    """A one-line field's row as one widget until the applicant reaches it: its label in the
    row's colour, then its control as the control's stand-in draws it (in the looks of the
    pane's FieldLooks), then the row's blank cells. Reached (focus by Tab or by a click on the
    control, a key), it becomes the FieldRow with the real control in its place, focused; shown
    an error, it becomes the FieldRow with its stand-in control and the message under it.
    One widget instead of a row and its control: the first screen has about twenty.

    The mouse acts as on the row and its control: a click on the label or past the control
    focuses what a click on the row did (the form), the control's tooltip and pointer show over
    the control only."""

    LOOK: ClassVar[str] = ""  # the control's look in FieldLooks ("choice", "text")
    POINTER: ClassVar[str] = "default"  # the control's pointer shape

    def setup_line(
        self,
        path: tuple[str, ...],
        spec: FieldSpec,
        value: Any,
        looks: FieldLooks,
        control_classes: str,
    ) -> None:
        self.path = path
        self.spec = spec
        self.row_value = value
        self.looks = looks
        self._control_classes = control_classes
        self._dom_id = None  # the control in its row takes the id (a sibling of nothing)
        self.replaced: Callable[[FieldLine, FieldRow], None] | None = None
        self._over: bool | None = None  # the mouse is over the control (None: not over this)
        self.row_mount: AwaitMount | None = None  # the row showing an error, being mounted

    def get_component_styles(self, *names: str) -> RenderStyles:
        return self.looks.get_component_styles(*names)

    def control_classes(self) -> str:
        return self._control_classes

    def lines(self) -> int:
        """Lines the row takes on screen (see FieldRow.lines)."""
        return 1 if self.display else 0

    def read(self) -> Any:
        """The raw value, as its row reads an unmounted control (it cannot change before)."""
        return initial_value(self.spec, self.row_value)

    def control_width(self) -> int:
        room = max(self.size.width - LABEL_CELLS, 0)
        return min(room, CONTROL_CELLS.get(self.spec.width, CONTROL_MAX))

    def control_x(self) -> int:
        return LABEL_CELLS

    def control_strip(self, width: int) -> Strip:
        """The control's cells (see ChoiceLine, TextLine)."""
        raise NotImplementedError

    def look(self, *more: str) -> VisualStyle:
        focus = "-focus" if self.has_focus else ""
        return self.get_visual_style(f"looks--{self.LOOK}{focus}", *more)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = self.get_visual_style()
        blank = row.background_style.rich_style
        if y or width <= 0:
            return Strip.blank(width, blank)
        label = Strip([Segment(self.spec.label, row.rich_style)]).adjust_cell_length(
            min(LABEL_CELLS, width), blank
        )
        control = self.control_width()
        strips = [label]
        if control:
            strips.append(self.control_strip(control).crop(0, control))
        return Strip.join(strips).adjust_cell_length(width, blank)

    def _over_control(self, x: int) -> bool:
        return LABEL_CELLS <= x < LABEL_CELLS + self.control_width()

    def focus_on_click(self) -> bool:
        # Over the label or past the control: what a click on the row focused (the form).
        if self._over_control(self.app.mouse_position.x - self.region.x):
            return True
        return focus_form_on_click(self)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if not self._over_control(event.x):
            event.prevent_default()  # not the control's click: as on the row's label

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over = self._over_control(event.x)
        if over != self._over:
            self._over = over
            if self.spec.tooltip:
                self.tooltip = self.spec.tooltip if over else None
            self.styles.pointer = self.POINTER if over else "default"  # type: ignore[assignment]
            self.screen.update_pointer_shape()

    def on_leave(self, event: events.Leave) -> None:
        self._over = None
        self.tooltip = None

    def build(self) -> Widget:
        control = super().build()
        control.id = dom_id(self.path)  # in the row: no sibling has it
        if self.spec.tooltip:
            control.tooltip = self.spec.tooltip
        row = FieldRow(self.path, self.spec, self.row_value, control=control)
        row.display = self.display
        return row

    def focus_target(self, real: Widget) -> Widget:
        return real.control if isinstance(real, FieldRow) else real

    def placed(self, real: Widget) -> None:
        if isinstance(real, FieldRow) and self.replaced is not None:
            self.replaced(self, real)

    def show_error(self, message: str | None) -> None:
        """Show `message` under the field: the row it becomes shows it (its control still a
        stand-in, marked invalid); none to show, it stays as it is."""
        if not message:
            return
        parent = self.parent
        if self.real is not None or not isinstance(parent, Widget) or not self.is_attached:
            if isinstance(self.real, FieldRow):  # becoming its row: the row shows it
                row = self.real
                self.app.call_later(self._show_when_made, row, message)
            return
        # Not focused (focus makes it real at once): the row takes its place as it is.
        self.real = row = FieldRow(self.path, self.spec, self.row_value, error=message)
        row.display = self.display
        self.row_mount = parent.mount(row, after=self)
        if self.replaced is not None:
            self.replaced(self, row)
        self.remove()

    async def _show_when_made(self, row: FieldRow, message: str) -> None:
        await self.made()
        if row.is_attached:
            row.show_error(message)


class ChoiceLine(FieldLine, ChoiceBase):
    """A choice field's row as one widget until reached (see FieldLine, ChoiceField)."""

    LOOK = "choice"
    POINTER = "pointer"

    def __init__(self, path: tuple[str, ...], spec: FieldSpec, value: Any, looks: FieldLooks):
        valid = {v for _, v in spec.options}
        classes = " ".join(c for c in ("field-control", spec.width) if c)
        super().__init__(
            spec.options,
            value if value in valid else None,
            allow_blank=spec.kind == "opt_select" or value not in valid,
            prompt="(choose)" if spec.kind != "opt_select" else "(none)",
            id=dom_id(path),
            classes="field-line",
        )
        self.setup_line(path, spec, value, looks, classes)

    def control_strip(self, width: int) -> Strip:
        # A compact Select: the choice's line, then a cell of padding on its right.
        base = self.look()
        strip = self.choice_strip(width - 1, base, self.look("looks--dim"))
        return strip.adjust_cell_length(width, base.background_style.rich_style)


class TextLine(FieldLine, TextBase):
    """A text field's row as one widget until reached (see FieldLine, TextField)."""

    LOOK = "text"
    POINTER = "text"

    def __init__(self, path: tuple[str, ...], spec: FieldSpec, value: Any, looks: FieldLooks):
        classes = " ".join(c for c in ("field-control", spec.width) if c)
        super().__init__(
            "" if value is None else str(value),
            placeholder=spec.placeholder,
            id=dom_id(path),
            classes="field-line",
        )
        self.setup_line(path, spec, value, looks, f"{classes} {COMPACT} -valid")

    def control_strip(self, width: int) -> Strip:
        more = () if self._value else ("looks--placeholder",)
        return self.text_strip(width, self.look(*more).rich_style)


def make_row(
    path: tuple[str, ...], spec: FieldSpec, value: Any, looks: FieldLooks, light: bool = True
) -> FieldRow | FieldLine:
    """A field's row: one FieldLine while light, for a choice or a text on one line."""
    if light and spec.kind in ("select", "opt_select"):
        return ChoiceLine(path, spec, value, looks)
    if light and spec.kind in ("text", "int", "opt_int", "date"):
        return TextLine(path, spec, value, looks)
    return FieldRow(path, spec, value, light=light)


class ItemRow(Vertical):
    """One item of a list (a tie, a rotation, a letter, a target), edited in place."""

    def __init__(
        self, columns: Sequence[FieldSpec], value: dict[str, Any], orderable: bool = False
    ) -> None:
        super().__init__(classes="item-row")
        self.columns = columns
        self._value = value
        self.orderable = orderable
        self._controls: dict[str, Widget] = {}
        self._buttons: list[FormButton] = []
        self._error: str | None = None  # the message it is built showing (see ItemLine)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="item-line"):
            for spec in self.columns:
                control = make_control(spec, self._value.get(spec.key), classes=f"col-{spec.key}")
                self._controls[spec.key] = control
                yield control
            if self.orderable:
                up = FormButton("▲", classes="item-up")
                up.tooltip = "Move up (rank higher)"
                self._buttons.append(up)
                yield up
            remove = FormButton("✕", "error", classes="item-remove")
            remove.tooltip = "Remove this item"
            self._buttons.append(remove)
            yield remove
        if self._error:
            yield ErrorLine(self._error)

    def parts(self) -> list[Widget]:
        """Its controls and buttons in their order on its line (once composed)."""
        return [self._controls[spec.key] for spec in self.columns] + self._buttons

    def replace_control(self, old: Widget, new: Widget) -> None:
        """`new` takes `old`'s place (a stand-in becoming its control)."""
        for key, control in self._controls.items():
            if control is old:
                self._controls[key] = new

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.columns:
            control = self._controls.get(spec.key)
            if control is None or not control.is_mounted:  # not built yet: as built
                raw = initial_value(spec, self._value.get(spec.key))
            else:
                raw = read_control(spec, control)
            if (raw is not None and raw != "") or spec.kind == "int":
                out[spec.key] = raw
        return out

    def show_error(self, message: str | None) -> None:
        self._error = None
        set_error_line(self, message)
        self.set_class(bool(message), "-invalid")


# An item's line as profile.tcss lays it out: a column not in COLUMN_CELLS takes the room left
# (1fr), up to FLEX_CELLS cells (the one column of a list of choices: up to LIST_CHOICE_CELLS);
# a cell between two parts; a button takes BUTTON_CELLS.
FLEX_CELLS = 52
LIST_CHOICE_CELLS = 48
BUTTON_CELLS = 3


@dataclass(frozen=True)
class Part:
    """A part of an item's line: a column's control (`spec`) or a button (`button`: "up",
    "remove"), `x` cells from the line's left, `width` cells wide."""

    x: int
    width: int
    spec: FieldSpec | None = None
    button: str = ""


class PartsLine(TypedStandIn, SharedLook):
    """A line of parts (controls, buttons) standing for the widgets that draw them until the
    applicant reaches it: as the mouse comes over it (the widgets' own hover looks, tooltips
    and pointer then take it), focused (by Tab: the first part that takes the focus, the last
    by shift+Tab, as they come in the focus order; by a click: the part under it), or for what
    the widget it is a part of needs. A click on a button or a checkbox that reaches it presses
    or toggles that part once real (it comes before the mouse moved over it only when the
    mouse was already there as the pane was drawn). Keys that reach it before its widgets are
    in place go to the focused part, in their order (see ItemLine, BarLine)."""

    def __init__(
        self,
        *,
        before: Callable[[Widget], Widget | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._before = before  # the widget focused before a given one (the pane's)
        self._target: int | None = None  # the part to focus once real (None: by the order)
        self._press = False  # press (or toggle) the target once real: it was clicked
        self._pressing = False  # a mouse button went down on it and is not up yet
        self._hovered = False  # the mouse is over it

    def part_at(self, x: int) -> int | None:
        """The index of the part at `x` cells from its left (None between parts)."""
        raise NotImplementedError

    def focus_parts(self) -> list[int]:
        """The parts that take the focus, in their order."""
        raise NotImplementedError

    def pressed(self, index: int) -> bool:
        """Whether a click on the part presses (or toggles) it: a button, a checkbox."""
        raise NotImplementedError

    def _focus_part(self) -> int:
        """The part that takes the focus: the one clicked, else the first, or the last when
        the focus came from further down the form (shift+Tab)."""
        if self._target is not None:
            return self._target
        parts = self.focus_parts() or [0]
        previous = self._before(self) if self._before is not None else None
        if previous is not None and previous.is_attached and self.is_attached:
            chain = self.screen.focus_chain
            if previous in chain and self in chain and chain.index(previous) > chain.index(self):
                self._target = parts[-1]
                return self._target
        self._target = parts[0]
        return self._target

    def on_focus(self) -> None:
        self._focus_part()  # known now, while the focus before it is the one it came from
        super().on_focus()

    def hand_over(self, real: Widget, focused: bool) -> None:
        if not focused:
            self.take_keys()
            return
        if self._press:
            if isinstance(real, FormButton):
                real.press()
            elif isinstance(real, Checkbox):
                real.toggle()
        self.hand_over_part(real)
        for key in self.take_keys():
            real.post_message(key)

    def hand_over_part(self, real: Widget) -> None:
        """Give the focused part what else was meant for it (before the keys)."""

    def on_key(self, event: events.Key) -> None:
        # Every key: the focused part (or its bindings) acts on it once real.
        event.stop()
        event.prevent_default()
        self._keys.append(events.Key(event.key, event.character))

    # -- the mouse ------------------------------------------------------------------------
    def on_enter(self, event: events.Enter) -> None:
        self._hovered = True
        if not self._pressing and self.real is None:
            self.screen.run_worker(self._reached_by_mouse(), group="stand-in-real")

    async def _reached_by_mouse(self) -> None:
        await self.make_real()
        if self._hovered:
            # Still under the mouse: the part now there takes it (its hover look, its
            # tooltip, its pointer), as a move of the mouse onto it would give it.
            x, y = self.app.mouse_position
            self.app.post_message(events.MouseMove(None, x, y, 0, 0, 0, False, False, False))

    def on_leave(self, event: events.Leave) -> None:
        self._pressing = False
        self._hovered = False

    def focus_on_click(self) -> bool:
        x = self.app.mouse_position.x - self.region.x
        index = self.part_at(x)
        if index is None:  # between parts: what a click there focused (the form)
            return focus_form_on_click(self)
        if self.pressed(index):
            return False  # focused and pressed as the click comes (on_click)
        self._target = index
        return True

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._pressing = True

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._pressing = False

    def on_click(self, event: events.Click) -> None:
        self._pressing = False
        index = self.part_at(event.x)
        if index is None or self.real is not None:
            return
        if self.pressed(index):
            self._target = index
            self._press = True
            self.focus(scroll_visible=False)


class ItemLine(PartsLine):
    """An item of a list as one widget until the applicant reaches it: its controls and buttons
    drawn as they are (as their stand-ins draw them, the checkboxes and buttons as Textual and
    FormButton draw them, in the looks of the pane's FieldLooks), with the cells between
    them. One widget instead of an item's row, line, controls and buttons (five to eight).

    It becomes its ItemRow (`row`, built with its value) when reached: as the mouse comes over
    it (so the row's hover looks, tooltips and pointer are the row's own), focused (by Tab: the
    row's first part is focused, its last by shift+Tab, as they come in the focus order; by a
    click: the part under it), or to show an error. A click on a checkbox or a button that
    reaches it toggles or presses that part once real (it comes before the mouse moved over
    it only when the mouse was already there as the pane was drawn). Keys that reach it before
    its row is in place go to the focused part, in their order."""

    def __init__(
        self,
        row: ItemRow,
        looks: FieldLooks,
        *,
        wide_choice: bool = False,
        before: Callable[[Widget], Widget | None] | None = None,
    ) -> None:
        super().__init__(before=before, classes="item-stand")
        self.row = row
        self.looks = looks
        self._wide_choice = wide_choice  # its one column is a choice up to LIST_CHOICE_CELLS
        self._open_choices = False  # a click on a choice: its choices open once real
        self._click_x: int | None = None  # a click on a text: where, from the text's left
        self.row_mount: AwaitMount | None = None  # the row showing an error, being mounted

    # -- what it reads and shows ----------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """The item's value (as its row reads it before it is mounted)."""
        return self.row.value()

    def get_component_styles(self, *names: str) -> RenderStyles:
        return self.looks.get_component_styles(*names)

    def parts(self) -> list[Part]:
        """Its parts, laid out in its width as the row's line lays out its controls."""
        columns = self.row.columns
        buttons = ["up", "remove"] if self.row.orderable else ["remove"]
        fixed = 0
        flexible: FieldSpec | None = None
        for spec in columns:
            cells = None if self._wide_choice else COLUMN_CELLS.get(spec.key)
            if cells is None:
                flexible = spec
            else:
                fixed += cells
        count = len(columns) + len(buttons)
        room = self.size.width - fixed - BUTTON_CELLS * len(buttons) - (count - 1)
        most = LIST_CHOICE_CELLS if self._wide_choice else FLEX_CELLS
        parts: list[Part] = []
        x = 0
        for spec in columns:
            width = max(0, min(room, most)) if spec is flexible else COLUMN_CELLS.get(spec.key, 0)
            parts.append(Part(x, width, spec=spec))
            x += width + 1
        for button in buttons:
            parts.append(Part(x, BUTTON_CELLS, button=button))
            x += BUTTON_CELLS + 1
        return parts

    def part_at(self, x: int) -> int | None:
        for index, part in enumerate(self.parts()):
            if part.x <= x < part.x + part.width:
                return index
        return None

    def focus_parts(self) -> list[int]:
        return list(range(len(self.parts())))

    def pressed(self, index: int) -> bool:
        part = self.parts()[index]
        return bool(part.button) or (part.spec is not None and part.spec.kind == "bool")

    def part_strip(self, part: Part, focused: bool) -> Strip:
        """The part's cells as its control or button draws them (not under the mouse)."""
        width = part.width
        if part.button:
            variant = "error" if part.button == "remove" else "default"
            look = self.get_visual_style(
                f"looks--button-{variant}", *(("looks--button-focus",) if focused else ())
            )
            label = "✕" if part.button == "remove" else "▲"
            style = look.rich_style
            return Strip([Segment(f" {label} ", style)]).adjust_cell_length(width, style)
        spec = part.spec
        assert spec is not None
        value = self.row._value.get(spec.key)
        if spec.kind == "bool":
            return self._check_strip(width, bool(value))
        if spec.kind in ("select", "opt_select"):
            base = self.get_visual_style("looks--choice-focus" if focused else "looks--choice")
            chosen = next((str(text) for text, v in spec.options if v == value), None)
            prompt = "(choose)" if spec.kind != "opt_select" else "(none)"
            dim = self.get_visual_style("looks--choice", "looks--dim")
            strip = select_strip(chosen, prompt, width - 1, base, dim)
            return strip.adjust_cell_length(width, base.background_style.rich_style)
        text = "" if value is None else str(value)
        more = () if text else ("looks--placeholder",)
        look = self.get_visual_style("looks--text-focus" if focused else "looks--text", *more)
        return input_strip(self.app, text, spec.placeholder, width, look.rich_style)

    def _check_strip(self, width: int, on: bool) -> Strip:
        # As a compact Checkbox with no label draws itself: the button's sides in its colour
        # over the checkbox's background, the button, the empty label's two cells.
        box = self.get_visual_style("looks--check")
        button = self.get_visual_style("looks--check-button", *(("looks--check-on",) if on else ()))
        side = VisualStyle(foreground=button.background, background=box.background)
        content = Content.assemble(
            (Checkbox.BUTTON_LEFT, side),
            (Checkbox.BUTTON_INNER, button),
            (Checkbox.BUTTON_RIGHT, side),
            Content("  ").stylize_before(box),
        )
        segments = [
            Segment(text, (box + style).rich_style) for text, style in content.render(box, end="")
        ]
        return Strip(segments).adjust_cell_length(width, box.background_style.rich_style)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        blank = self.get_visual_style().background_style.rich_style
        if y or width <= 0:
            return Strip.blank(width, blank)
        target = self._focus_part() if self.has_focus else None
        strips: list[Strip] = []
        at = 0
        for index, part in enumerate(self.parts()):
            if part.x > at:
                strips.append(Strip.blank(part.x - at, blank))
            if part.width:
                strips.append(self.part_strip(part, index == target).crop(0, part.width))
            at = part.x + part.width
        return Strip.join(strips).crop(0, width).adjust_cell_length(width, blank)

    # -- becoming the row -----------------------------------------------------------------
    def build(self) -> Widget:
        return self.row

    def focus_target(self, real: Widget) -> Widget:
        if isinstance(real, ItemRow) and real.is_mounted:
            parts = real.parts()
            if parts:
                return parts[min(self._target or 0, len(parts) - 1)]
        return real

    def hand_over_part(self, real: Widget) -> None:
        if self._open_choices and isinstance(real, SelectStandIn):
            real.action_open()
        if self._click_x is not None and isinstance(real, TextBase):
            real.click_at(self._click_x)

    # -- the mouse ------------------------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        # (PartsLine's handler runs too: the button is down.)
        index = self.part_at(event.x)
        spec = None if index is None else self.parts()[index].spec
        if index is None or spec is None or spec.kind == "bool" or self.real is not None:
            return
        if spec.kind in ("select", "opt_select"):
            self._open_choices = True  # the choices open once real, as on a Select
        else:
            self._click_x = event.x - self.parts()[index].x  # the cursor goes there

    # -- errors ---------------------------------------------------------------------------
    def show_error(self, message: str | None) -> None:
        """Show `message` under the item: the row takes its place showing it."""
        if not message:
            return
        parent = self.parent
        if self.real is not None or not isinstance(parent, Widget) or not self.is_attached:
            if isinstance(self.real, ItemRow):
                self.app.call_later(self._show_when_made, self.real, message)
            return
        self.real = row = self.row
        row._error = message
        row.add_class("-invalid")
        self.row_mount = parent.mount(row, after=self)
        self.remove()

    async def _show_when_made(self, row: ItemRow, message: str) -> None:
        await self.made()
        if row.is_attached:
            row.show_error(message)


def bar_content(title: str, bold: bool, note: Content | None = None) -> Content:
    """A bar's text: its title (in bold or not), and under it a note if it has one."""
    line = Content.styled(title, "bold") if bold else Content(title)
    return line if note is None else Content.assemble(line, "\n", note)


def note_lines(note: str, width: int, known: dict[int, int]) -> int:
    """The lines `note` takes wrapped to `width` (those worked out are kept in `known`)."""
    lines = known.get(width)
    if lines is None:
        lines = known[width] = len(Content(note).wrap(width))
    return lines


class TitledBar(Horizontal):
    """A one-line bar that draws its title at its left (as a 1fr Label or Static there would,
    `bold` or not) and lays its children out at its right: one widget fewer per bar, and the
    form's first screen has several (each list's head, the pane's title and demo bars)."""

    def __init__(
        self,
        title: str,
        *children: Widget,
        bold: bool = False,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(*children, id=id, classes=f"titled-bar {classes}".strip())
        self.title = title
        self._bold = bold

    def render(self) -> RenderResult:
        return bar_content(self.title, self._bold)


class ListHead(TitledBar):
    """A list's head: its title in bold and its buttons on the first line, and under them a
    note on how to fill the list, in the note's own colour (`list-head--note` in profile.tcss)
    and wrapped to the width, as a Static under the bar would show it: one widget fewer a
    list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"list-head--note"}

    def __init__(self, title: str, note: str, *children: Widget, classes: str = "") -> None:
        super().__init__(title, *children, bold=True, classes=f"list-head -noted {classes}")
        self.note = note
        self._note_lines: dict[int, int] = {}  # width -> lines the note takes

    def _note(self) -> Content:
        return Content.styled(self.note, self.get_visual_style("list-head--note"))

    def render(self) -> RenderResult:
        return bar_content(self.title, True, self._note())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The title's line (and the buttons, one line high), then the note's lines: no need to
        # lay the buttons out to know. The lines of the note at a width are kept.
        if not width:
            return super().get_content_height(container, viewport, width)
        return 1 + note_lines(self.note, width, self._note_lines)


# The cells a FormButton takes at least (profile.tcss: `FormButton`, and in the pane's title
# bar `.profile-bar FormButton`, with a cell of margin on its left there).
BUTTON_MIN = 16
TOP_BUTTON_MIN = 8


def _blend(style: Style, under: Color, opacity: float) -> Style:
    """`style` drawn at `opacity` over `under`: its colours blended into it (as Textual draws
    a widget whose opacity is under 1)."""

    def blend(color: Any) -> Any:
        return None if color is None else under.blend(Color.from_rich_color(color), opacity)

    color, bgcolor = blend(style.color), blend(style.bgcolor)
    return style + Style(
        color=None if color is None else color.rich_color,
        bgcolor=None if bgcolor is None else bgcolor.rich_color,
    )


class BarLine(PartsLine):
    """A bar (a TitledBar, or a list's ListHead with its note) and its FormButtons as one
    widget until the applicant reaches it: its title and note drawn as the bar draws them,
    its buttons at its right as the bar lays them out and as they draw themselves (in the
    looks of the pane's FieldLooks). One widget instead of the bar and its buttons: the
    form's first screen has five bars and six buttons.

    It becomes the bar with its buttons (`buttons`, the same FormButtons: what is set on them
    meanwhile, `disabled`, a tooltip, holds) as a PartsLine does: the mouse over it, focused
    by Tab (the first button not disabled, the last by shift+Tab) or by a click on a button
    (pressed once real), or at `make_real` (to add a widget to the bar)."""

    def __init__(
        self,
        title: str,
        buttons: Sequence[FormButton],
        looks: FieldLooks,
        *,
        bold: bool = False,
        note: str = "",
        min_width: int = BUTTON_MIN,
        gap: int = 0,
        id: str | None = None,
        classes: str = "",
        before: Callable[[Widget], Widget | None] | None = None,
    ) -> None:
        self.bar_classes = classes  # the bar's own classes (besides TitledBar's, ListHead's)
        shown = f"titled-bar list-head -noted {classes}" if note else f"titled-bar {classes}"
        super().__init__(before=before, id=id, classes=f"{shown} bar-stand")
        self.title = title
        self.buttons = list(buttons)
        self.looks = looks
        self._bold = bold or bool(note)
        self.note = note
        self._min_width = min_width  # as profile.tcss gives the buttons
        self._gap = gap  # each button's margin on its left
        self._note_lines: dict[int, int] = {}

    def get_component_styles(self, *names: str) -> RenderStyles:
        return self.looks.get_component_styles(*names)

    def render(self) -> RenderResult:
        note = None
        if self.note:
            note = Content.styled(self.note, self.get_visual_style("looks--note"))
        return bar_content(self.title, self._bold, note)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width or not self.note:
            return 1
        return 1 + note_lines(self.note, width, self._note_lines)

    def places(self) -> list[tuple[int, int]]:
        """Each button's cells (its x from the line's left, its width) as the bar lays them
        out: at its right, each as wide as its label and a cell each side, or its least."""
        widths = [max(self._min_width, b.label.cell_length + 2) for b in self.buttons]
        x = self.size.width - sum(widths) - self._gap * len(widths)
        places = []
        for width in widths:
            x += self._gap
            places.append((x, width))
            x += width
        return places

    def part_at(self, x: int) -> int | None:
        # A disabled button takes no click: as the bar's own cells under it.
        for index, (at, width) in enumerate(self.places()):
            if at <= x < at + width and not self.buttons[index].disabled:
                return index
        return None

    def focus_parts(self) -> list[int]:
        return [index for index, button in enumerate(self.buttons) if not button.disabled]

    def pressed(self, index: int) -> bool:
        return True  # a button (see part_at)

    def allow_focus(self) -> bool:
        return bool(self.focus_parts())  # as its buttons: none to focus, none for Tab

    def button_strip(self, button: FormButton, width: int, focused: bool) -> Strip:
        """The button's cells as it draws itself: its label with a cell each side, centred."""
        if button.disabled:
            names: tuple[str, ...] = ("looks--button-disabled",)
        else:
            names = (f"looks--button-{button.variant}",)
        if focused:
            names += ("looks--button-focus",)
        look = self.get_visual_style(*names)
        # As a centred line draws: blank cells each side in the button's background.
        styles = [look.background_style.rich_style, look.rich_style]
        if button.disabled:
            # A disabled button is drawn at its opacity over the bar (`*:disabled:can-focus`
            # in Textual's own styles): its colours blended into the bar's background.
            opacity = self.looks.get_component_styles("looks--button-disabled").opacity
            bar = self.visual_style.background or Color(0, 0, 0, 0)
            styles = [_blend(style, bar, opacity) for style in styles]
        label = f" {button.label.plain} "
        left = max(width - cell_len(label), 0) // 2
        right = max(width - cell_len(label) - left, 0)
        segments = [Segment(" " * left, styles[0])] if left else []
        segments.append(Segment(label, styles[1]))
        if right:
            segments.append(Segment(" " * right, styles[0]))
        return Strip(segments).crop(0, width)

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        if y:
            return line
        width = self.size.width
        line = line.adjust_cell_length(width, self.visual_style.background_style.rich_style)
        target = self._focus_part() if self.has_focus else None
        for index, (x, cells) in enumerate(self.places()):
            button = self.button_strip(self.buttons[index], cells, index == target)
            if x < 0:
                button, cells, x = button.crop(-x, cells), cells + x, 0
            if cells > 0 and x < width:
                line = Strip.join([line.crop(0, x), button, line.crop(x + cells, width)])
        return line.crop(0, width)

    # -- becoming the bar -----------------------------------------------------------------
    def build(self) -> Widget:
        bar: TitledBar
        classes = self.bar_classes
        if self.note:
            bar = ListHead(self.title, self.note, *self.buttons, classes=classes)
        else:
            bar = TitledBar(self.title, *self.buttons, bold=self._bold, classes=classes)
        bar.display = self.display
        return bar

    def focus_target(self, real: Widget) -> Widget:
        if self._target is not None and real.is_mounted:
            return self.buttons[self._target]
        return real


# The cells each list column's control takes in an item's line (profile.tcss, `.item-line
# .col-KEY`); a column not listed takes the room left (1fr). Each control has a cell of margin
# on its right. tests/test_profile_rows.py checks that the labels stand over the controls.
COLUMN_CELLS: dict[str, int] = {
    "kind": 14,
    "status": 14,
    "region": 17,  # "Outside the US" whole, for a letter written abroad
    "specialty": 22,
    "months_ago": 7,
    "saw_real_work": 9,
    "year": 8,
    "outcome": 22,
    "soap": 9,
    "preliminary": 9,
}


class ColumnsHead(Widget):
    """The labels over a list's columns, each over its column's control, drawn as one line
    (as a Label a column, in a row, would draw them): one widget instead of one a column and
    two more."""

    def __init__(self, columns: Sequence[FieldSpec]) -> None:
        super().__init__(classes="list-columns")
        self.columns = columns

    def render(self) -> RenderResult:
        line = ""
        for spec in self.columns:
            cells = COLUMN_CELLS.get(spec.key)
            if cells is None:  # the rest of the line, as a 1fr column
                line += spec.label
                break
            line += f"{spec.label[:cells]:<{cells}} "
        return Content(line.rstrip())


class ListEditor(Vertical):
    """A titled list of ItemRows with an Add button. `scalar` lists hold one value per item."""

    def __init__(
        self,
        list_id: str,
        title: str,
        columns: Sequence[FieldSpec],
        items: Sequence[dict[str, Any]],
        new_item: dict[str, Any],
        *,
        max_items: int = 50,
        orderable: bool = False,
        scalar: bool = False,
        help_text: str = "",
        looks: FieldLooks | None = None,
        before: Callable[[Widget], Widget | None] | None = None,
    ) -> None:
        super().__init__(id=f"list-{list_id}", classes="list-editor")
        self.looks = looks  # items built with the list are ItemLines drawn in these looks
        self._before = before  # the widget focused before a given one (see ItemLine)
        self.list_id = list_id
        self.title = title
        self.columns = columns
        self._rows = [ItemRow(columns, dict(item), orderable) for item in items]
        self.rows_built = len(self._rows)  # items mounted with the list (see build_next)
        self.new_item = new_item
        self.max_items = max_items
        self.orderable = orderable
        self.scalar = scalar
        self.help_text = help_text

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its own rows are blank (no border): drawn once, repeated (widgets/alike_lines.py).
        return draw_same_lines(self, crop, super().render_lines)

    def compose(self) -> ComposeResult:
        add = self._add = FormButton(
            "+ Add",
            classes="item-add",
            id=f"add-{self.list_id}",
            disabled=len(self._rows) >= self.max_items,
        )
        add.tooltip = f"Add to {self.title.lower()}"
        if self.looks is not None:  # one line with its button until reached (see BarLine)
            yield BarLine(
                self.title,
                [add],
                self.looks,
                bold=True,
                note=self.help_text,
                classes="" if self.help_text else "list-head",
                before=self._before,
            )
        elif self.help_text:
            yield ListHead(self.title, self.help_text, add)
        else:
            yield TitledBar(self.title, add, bold=True, classes="list-head")
        if len(self.columns) > 1:
            yield ColumnsHead(self.columns)
        # The items follow, then the list's error line while there is one.
        yield from map(self._light, self._rows[: self.rows_built])

    def _light(self, row: ItemRow) -> ItemRow | ItemLine:
        """What stands for an item until reached: its ItemLine (its row if no looks)."""
        if self.looks is None:
            return row
        return ItemLine(row, self.looks, wide_choice=len(self.columns) == 1, before=self._before)

    @property
    def complete(self) -> bool:
        """Whether every item is built (a list below the first screen gets them one by one)."""
        return self.rows_built >= len(self._rows)

    def build_next(self) -> AwaitMount | None:
        """Mount the next item not built yet, after those on screen (None if all are)."""
        if self.complete:
            return None
        row = self._rows[self.rows_built]
        self.rows_built += 1
        return self._mount_row(self._light(row))

    def _mount_row(self, row: ItemRow | ItemLine) -> AwaitMount:
        """Mount an item after the others (before the list's error line, if it is shown)."""
        found = self.query_children(ErrorLine)
        return self.mount(row, before=found.first()) if found else self.mount(row)

    async def build_all(self) -> None:
        while (pending := self.build_next()) is not None:
            await pending

    def lines(self) -> int:
        """Lines the list takes on screen as profile.tcss lays it out (without errors)."""
        return 2 + bool(self.help_text) + (len(self.columns) > 1) + len(self._rows)

    def rows(self) -> list[ItemRow | ItemLine]:
        """The items in their order on screen (as built until the list is mounted): an item
        not reached yet is its ItemLine."""
        if not self.is_mounted:
            return list(self._rows)
        shown = [row for row in self.children if isinstance(row, ItemRow | ItemLine)]
        return shown + self._rows[self.rows_built :]  # then the items not built yet

    def values(self) -> list[Any]:
        if self.scalar:
            key = self.columns[0].key
            return [row.value().get(key) for row in self.rows()]
        return [row.value() for row in self.rows()]

    async def add_button(self) -> FormButton:
        """The list's Add button, in place (its head becomes real first if it is a line)."""
        for head in self.query_children(BarLine):
            await head.make_real()
        return self._add

    def _update_add(self) -> None:
        self._add.disabled = len(self.rows()) >= self.max_items
        for head in self.query_children(BarLine):  # drawn by its head's line until reached
            head.refresh()

    async def add_item(self) -> ItemRow:
        await self.build_all()  # a new item goes after every other
        row = ItemRow(self.columns, dict(self.new_item), self.orderable)
        await self._mount_row(row)
        self._update_add()
        return row

    async def remove_item(self, row: ItemRow | ItemLine) -> None:
        await row.remove()
        self._update_add()

    def move_up(self, row: ItemRow | ItemLine) -> None:
        rows = self.rows()
        index = rows.index(row)
        if index > 0:
            self.move_child(row, before=rows[index - 1])

    def show_error(self, message: str | None) -> None:
        set_error_line(self, message, "list-error")


class Section(Vertical):
    """A titled group of fields with a line for errors that concern the group as a whole.

    Its parts (`units`: field rows and lists) are built in order: the first `built` of them
    with the section, the others as the screen mounts them (see `build_next`)."""

    def __init__(self, section_id: str, title: str, *units: Widget) -> None:
        super().__init__(id=f"section-{section_id}", classes="form-section")
        self.section_id = section_id
        self.border_title = title
        self.units = list(units)
        self.built = len(self.units)

    def compose(self) -> ComposeResult:
        yield from self.units[: self.built]

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its border's top (with the title) and bottom, and between them the same row (the
        # border's sides and its padding) under every field (widgets/alike_lines.py).
        return draw_alike(crop, super().render_lines, range(1, self.outer_size.height - 1))

    def build_next(self, count: int = 1) -> AwaitMount | None:
        """Mount the next `count` parts not built yet (None when all are built)."""
        todo = self.units[self.built : self.built + count]
        if not todo:
            return None
        self.built += len(todo)
        return self.mount_all(todo)

    def show_error(self, message: str | None) -> None:
        set_error_line(self, message, "section-error", top=True)


async def real_items(node: Widget) -> list[ItemRow]:
    """The items under `node` (a list, the form) as ItemRows: an ItemLine becomes its row
    first, as it does when the applicant reaches it."""
    for line in list(node.query(ItemLine)):
        await line.make_real()
    return list(node.query(ItemRow))


async def real_button(node: Widget, selector: str) -> FormButton:
    """The button at `selector` under `node`, in place: every bar drawn as one line under
    `node` becomes its bar with its buttons first, as it does when the applicant reaches it."""
    for line in list(node.query(BarLine)):
        await line.make_real()
    return node.query_one(selector, FormButton)


async def _real_row(node: Widget) -> Widget:
    """`node`, or the row an ItemLine becomes."""
    if isinstance(node, ItemLine):
        await node.make_real()
        return node.row
    return node


async def real_select(node: Widget, selector: str | type[Widget] = Select) -> Select[Any]:
    """The first choice control at `selector` under `node`, as a Select: a ChoiceField (or a
    ChoiceLine) becomes one first, as it does when the applicant reaches it (and an item's
    line its row, if `node` is one)."""
    node = await _real_row(node)
    control = node.query(selector).first()
    if isinstance(control, ChoiceBase):
        return await control.make_real()
    if not isinstance(control, Select):
        raise TypeError(f"{control!r} is not a choice")
    return control


async def real_input(
    node: Widget, selector: str | type[Widget] = "Input, TextField, TextLine"
) -> Input:
    """The first text field at `selector` under `node`, as an Input: a TextField (or a
    TextLine) becomes one first, as it does when the applicant reaches it (and an item's line
    its row, if `node` is one)."""
    node = await _real_row(node)
    control = node.query(selector).first()
    if isinstance(control, TextBase):
        return await control.make_real()
    if not isinstance(control, Input):
        raise TypeError(f"{control!r} is not a text field")
    return control


class FormScroll(PaneVerticalScroll):
    """The form: a VerticalScroll whose own rows (blank, under the sections) are drawn once
    and repeated (widgets/alike_lines.py); its scrollbars are widgets of their own."""
