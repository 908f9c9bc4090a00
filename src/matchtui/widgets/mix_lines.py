"""A widget that shows pre-built lines of styled segments (Textual's line API).

The mix pane redraws its chart and estimate on every slider step; building the segments directly
skips markup parsing, wrapping and content conversion, which keeps a step within one frame.
Text given here is never interpreted as markup.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from matchtui.widgets.mix_looks import part_style


class LineBuilder:
    """Collects (text, style) pieces into lines."""

    def __init__(self) -> None:
        self.lines: list[list[Segment]] = [[]]

    def add(self, text: str, style: Style | None = None) -> LineBuilder:
        if text:
            self.lines[-1].append(Segment(text, style))
        return self

    def newline(self) -> LineBuilder:
        self.lines.append([])
        return self

    def strips(self) -> list[Strip]:
        return [Strip(line) for line in self.lines]


class LinesWidget(Widget):
    """Shows a list of strips, one per row; its height is the number of strips."""

    DEFAULT_CSS = """
    LinesWidget {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._strips: list[Strip] = []
        self._texts: list[tuple[tuple[str, Style | None], ...]] = []
        self._base: Style | None = None  # the widget's own style, looked up once per repaint
        self._background: Color | None = None  # and its background (its ancestors' blended in)
        self._style_memo: dict[str, Style] = {}

    @property
    def plain_lines(self) -> list[str]:
        """The text of each line (for tests and accessibility)."""
        return ["".join(text for text, _ in line) for line in self._texts]

    def set_strips(self, strips: list[Strip]) -> bool:
        """Show these lines; repaint only if they changed, lay out only if the height did."""
        texts = [tuple((s.text, s.style) for s in strip) for strip in strips]
        if texts == self._texts:
            return False
        previous = self._texts
        self._strips = strips
        self._texts = texts
        if len(texts) != len(previous) or not previous:
            self.refresh(layout=True)
            # A layout asked for while the screen is sending Resize events (a panel rebuilt for
            # its new width in on_resize) is lost; ask again once this pass is over.
            self.call_after_refresh(self.refresh, layout=True)
            return True
        # Same height: repaint only the lines that changed.
        width = max(1, self.content_size.width)
        changed = [
            Region(0, y, width, 1)
            for y, (old, new) in enumerate(zip(previous, texts, strict=True))
            if old != new
        ]
        self.refresh(*changed)
        return True

    def notify_style_update(self) -> None:
        self._base = None
        self._background = None
        self._style_memo.clear()
        super().notify_style_update()

    def component_style(self, name: str) -> Style:
        """A component class's style, kept until the CSS or theme changes.

        (Textual drops its own cache of these on every refresh, and this widget refreshes on
        every slider step.)
        """
        found = self._style_memo.get(name)
        if found is None:
            # As get_component_rich_style, without walking the ancestors for each component.
            base = self._base
            if base is None:
                base = self._base = self.rich_style
            background = self._background
            if background is None:
                background = self._background = self.background_colors[1]
            styles = self.get_component_styles(name)
            found = self._style_memo[name] = part_style(self, base, background, styles)
        return found

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._strips)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self._base
        if base is None:
            base = self._base = self.rich_style
        if y >= len(self._strips):
            return Strip.blank(width, base)
        return self._strips[y].crop_extend(0, width, base).apply_style(base)
