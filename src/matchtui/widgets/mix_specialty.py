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

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.markup import MarkupError
from textual.strip import Strip
from textual.widgets import Select

from matchtui.widgets.profile_fields import SelectStandIn

ARROW = "▼"


class SpecialtyField(SelectStandIn):
    """A specialty choice drawn as the (non-compact) `Select` it becomes with `make_real` (a
    stand-in, as the Profile's choices are: focus, a click or a key makes it real)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"specialty-field--arrow"}

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str,
        *,
        select_id: str,
        id: str | None = None,
    ) -> None:
        # The Select takes `select_id` once this field is gone (the field has its own till then).
        super().__init__(id=id, real_id=select_id)
        self.options = list(options)
        self.value = value

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
    def build(self) -> Select[str]:
        """The Select this field becomes, with its options and value, and no id yet."""
        return Select(self.options, value=self.value, allow_blank=False)
