"""The practice pane's answer editor, drawn by a light stand-in until the applicant reaches it.

A TextArea is one of Textual's costliest widgets to build and style (eight component classes:
nine full passes of the stylesheet as it mounts; a document, a wrapped document and a cursor
timer), and the pane opens with the focus on the question list. `AnswerStandIn` is one widget
with no parts, drawn exactly as the empty TextArea not focused, that becomes that TextArea (with
the id `answer`) as soon as the applicant reaches it: focused by Tab, by a click or by the
pane itself (Enter on a question, ctrl+n, rehearse). A key or a paste that reaches it before the
TextArea is in place is typed into the TextArea, in order (the TextArea gets the focus from this
widget's queue, after those keys).

Its look (TextArea's own styles, for this pane's editor) is in screens/practice.tcss.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea

from matchtui.widgets.alike_lines import draw_alike
from matchtui.widgets.profile_fields import TypedStandIn

# What a focused TextArea does with a key it has a binding for (its action), and the keys it
# types besides the printable ones (enter: a new line). A key that reaches the stand-in and is
# one of these is kept for the TextArea.
TEXT_AREA_ACTIONS: dict[str, str] = {
    key.strip(): binding.action
    for binding in TextArea.BINDINGS
    if isinstance(binding, Binding)
    for key in binding.key.split(",")
}
TEXT_AREA_KEYS: frozenset[str] = frozenset({*TEXT_AREA_ACTIONS, "enter"})


# The class the editor and its stand-in share: the answer's place in the pane is sized by it
# (the editor takes its id as the stand-in leaves, after it is styled).
ANSWER_PLACE = "answer-place"


def answer_editor(text: str = "") -> TextArea:
    """The pane's answer editor as it is built (without its id: see StandIn.build)."""
    return TextArea(text, soft_wrap=True, tab_behavior="focus", classes=ANSWER_PLACE)


class AnswerStandIn(TypedStandIn):
    """An empty answer editor drawn exactly as the TextArea it becomes once reached.

    It holds no text of its own: a draft is kept only from the TextArea (the applicant types in
    it), so the stand-in is only ever asked to show an empty answer. Loading one with text
    makes it the TextArea at once, with that text."""

    KEYS = TEXT_AREA_KEYS

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=f"{ANSWER_PLACE} {classes or ''}".strip())
        self._text = ""
        self._frame_style: Style | None = None  # this frame's `rich_style` (`render_lines`)

    @property
    def text(self) -> str:
        """The editor's text, as `TextArea.text` reads."""
        return self._text

    def load_text(self, text: str) -> None:
        """As `TextArea.load_text` (no Changed message): text to show makes the TextArea now."""
        self._text = text
        if text and self.is_attached:
            self.start_making()

    def _cursor_line_style(self, base: Style) -> Style:
        # TextArea's cursor line (`.text-area--cursor-line { background: $boost; }`), worked out
        # as Textual styles a component: the widget's own colours over its background plus $boost.
        boost = Color.parse(self.app.theme_variables.get("boost", "transparent"))
        background = (
            Color.from_rich_color(base.bgcolor) if base.bgcolor is not None else Color(0, 0, 0, 0)
        ) + boost
        color = self.styles.color
        return base + Style.from_color((background + color).rich_color, background.rich_color)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style (worked out from its ancestors' backgrounds) read once a frame, not
        # once a line: ~40% of this widget's drawing was that. Its content lines below the
        # cursor's are blank (`render_line`) and so alike with their border and padding: one
        # is drawn for all of them (tests/test_practice_answer.py compares Textual's lines).
        self._frame_style = None
        gutter = self.styles.gutter
        alike = range(gutter.top + 1, self.outer_size.height - gutter.bottom)
        return draw_alike(crop, super().render_lines, alike)

    def render_line(self, y: int) -> Strip:
        # As an empty TextArea not focused draws (TextArea._render_line): the cursor's line,
        # one cell for the cursor extended to the content width, in the cursor line's style;
        # every other line blank, as wide as the widget (the compositor crops it).
        if self._frame_style is None:
            self._frame_style = self.rich_style
        base = self._frame_style
        if y != 0:
            return Strip.blank(self.size.width, base)
        line_style = self._cursor_line_style(base)
        width = self.scrollable_content_region.width
        strip = Strip([Segment(" ", line_style)], 1).extend_cell_length(width, line_style)
        return strip.apply_style(base)

    def build(self) -> TextArea:
        area = answer_editor(self._text)
        area.display = self.display  # in the answer switcher: shown only as this one is
        return area

    def hand_over(self, real: Widget, focused: bool) -> None:
        # In the TextArea's queue, in their order, ahead of any key that reaches it from now on:
        # a typed key as the TextArea gets it (it types it and stops it there); a paste and a
        # binding's key as the TextArea acts on them (the event itself, not stopped there,
        # would go round through the app to the focused widget again, behind the others).
        keys = self.take_keys()
        if not isinstance(real, TextArea):
            return
        for key in keys:
            if isinstance(key, events.Paste):
                real.call_later(_paste, real, key.text)
            elif key.is_printable or key.key == "enter":
                real.post_message(key)
            elif focused:  # a key acts where the focus is: not if another key moved it on
                real.call_later(real.run_action, TEXT_AREA_ACTIONS[key.key])

    async def make_real(self) -> TextArea:
        """Become the TextArea now (see StandIn.make_real); the TextArea."""
        control = await super().make_real()
        assert isinstance(control, TextArea)
        return control


def _paste(area: TextArea, text: str) -> None:
    """A paste, as TextArea's own handler makes it: the text in place of the selection and the
    cursor after it (the focus stays where it is)."""
    if area.read_only:
        return
    result = area.replace(text, *area.selection, maintain_selection_offset=False)
    area.move_cursor(result.end_location)


async def real_answer(node: Widget) -> TextArea:
    """The answer editor under `node` as a TextArea: a stand-in becomes it first, as it does
    when the applicant reaches it (and if it is being made, once it is in place)."""
    control = node.query_one("#answer")
    if isinstance(control, AnswerStandIn):
        return await control.make_real()
    if not isinstance(control, TextArea):
        raise TypeError(f"{control!r} is not the answer editor")
    return control
