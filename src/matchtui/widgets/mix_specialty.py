"""The Mix pane's specialty choice on its first frame: one widget drawn exactly as the Select it
becomes (a Select is six widgets, and building its option list and setting its first value
restyles them: about a fifth of the pane's first visit), replaced by that Select just after the
first frame, or at once if the applicant reaches it first (focus, a click, a key).

Drawn as a Select with a value: a tall border, the label (a Static's markup, wrapped to the room
it has, as the Select's label is), a blank cell and the "▼" at half strength on the first line.
Its look lives in screens/mix.tcss beside the Select's (a widget class's own CSS makes Textual
parse every stylesheet again the first time one mounts).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.markup import MarkupError
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Select

ARROW = "▼"


class SpecialtyField(Widget, can_focus=True):
    """A specialty choice drawn as the (non-compact) `Select` it becomes with `make_real`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down,space,up", "open", "Show menu", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"specialty-field--arrow"}
    ALLOW_SELECT = False

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str,
        *,
        select_id: str,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.value = value
        self.select_id = select_id  # the Select's id (this field has its own until it goes)
        self._open = False  # open the list once real (a key or a click asked for it)
        self._made: asyncio.Event | None = None
        self.real: Select[str] | None = None

    def set_options(self, options: Sequence[tuple[str, str]], value: str) -> None:
        """New options and value (before it is real): drawn again."""
        self.options = list(options)
        self.value = value
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        label = next((label for label, value in self.options if value == self.value), "")
        try:
            content = Content.from_markup(label)  # a Select's label is a Static's markup
        except MarkupError:
            content = Content(label)
        return list(content.wrap(width)) if width > 0 else []

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The label's column: the width less the arrow and the cell before it.
        return max(1, len(self._lines(width - 2)))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.get_visual_style()
        blank = base.background_style.rich_style
        label_width = max(width - 2, 0)
        lines = self._lines(label_width)
        if width <= 0 or y >= max(1, len(lines)):
            return Strip.blank(width, blank)
        segments: list[Segment] = []
        used = 0
        if y < len(lines):
            line = lines[y]
            segments = [
                Segment(part, (base + part_style).rich_style)
                for part, part_style in line.render(base, end="")
            ]
            used = line.cell_length
        if used < label_width:
            segments.append(Segment(" " * (label_width - used), blank))
        if y == 0:
            arrow = self.get_visual_style("specialty-field--arrow").rich_style
            segments += [Segment(" ", blank), Segment(ARROW, arrow)]
        return Strip(segments).adjust_cell_length(width, blank)

    # -- becoming the Select -------------------------------------------------------------------
    def select(self) -> Select[str]:
        """The Select this field becomes, with its options and value, and no id yet."""
        return Select(self.options, value=self.value, allow_blank=False)

    def on_focus(self) -> None:
        if self.real is None:
            self.screen.run_worker(self.make_real(), group="specialty-real")

    def on_mouse_down(self, event: events.MouseDown) -> None:
        # A click focuses the field (it becomes real) and opens the list, as on a Select.
        event.stop()
        self._open = True

    def action_open(self) -> None:
        self._open = True

    async def make_real(self) -> Select[str]:
        """Become the Select now, in this field's place, with the Select's id, focused if this
        field was (and opened if a key or a click asked); the Select."""
        if self.real is not None:
            if self._made is not None:
                await self._made.wait()
            return self.real
        select = self.real = self.select()
        self._made = asyncio.Event()
        try:
            await self._swap(select)
        finally:
            self._made.set()
        return select

    async def _swap(self, select: Select[str]) -> None:
        parent = self.parent
        if not isinstance(parent, Widget) or not self.is_attached:
            return
        select.id = self.select_id
        with self.app.batch_update():  # one frame: the Select where this field was
            await parent.mount(select, after=self)
            focused = self.has_focus
            if focused:
                self.screen.set_focus(select, scroll_visible=False)
            await self.remove()
            if focused and self._open:
                select.action_show_overlay()
