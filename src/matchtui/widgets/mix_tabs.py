"""The Mix pane's tabs: a strip drawn by one widget, exactly as Textual's TabbedContent draws its
tabs, over TabPanes of which the active one is shown.

Textual's TabbedContent builds its strip from eight widgets (the tabs, the row and the bar that
hold them, the underline, a scroll container) and styles each as it mounts: about a fifth of the
pane's first visit. `TabStrip` draws the same two lines (the labels, the underline with the
active tab's span highlighted, moving as Textual's does) and answers the same keys (left and
right, wrapping round), clicks (on a label or the underline below it) and hover. `MixTabs` is the
container: `active` is the shown pane's id, and it posts `MixTabs.TabActivated` as a
TabbedContent posts its own (when the active tab changes, by code, key or click); a widget
focused in a hidden pane brings that pane forward (TabPane's `Focused`). It shows the active
pane by the panes' `display`, as TabbedContent's ContentSwitcher does, without that switcher: a
full-size container is drawn line by line behind what it holds.

Their look lives in screens/mix.tcss (a widget class's own CSS makes Textual parse every
stylesheet again the first time one mounts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TabPane

from matchtui.widgets.alike_lines import draw_same_lines

BAR, HALF_LEFT, HALF_RIGHT = "━", "╺", "╸"


def bar_segments(
    width: int, start: float, end: float, highlight: Style, background: Style
) -> list[Segment]:
    """The underline: a bar `width` cells wide, cells `start` to `end` highlighted (to the half
    cell, as it moves), half-cell caps where the highlight meets the rest."""
    start, end = max(start, 0), min(end, width)
    if (start == end == 0) or end < 0 or start > end:
        return [Segment(BAR * width, background)]
    start, end = round(start * 2) / 2, round(end * 2) / 2
    half_start, half_end = start % 1 > 0, end % 1 > 0
    drawn = background.color is None or not background.color.is_default
    rest, rest_left, rest_right = (BAR, HALF_LEFT, HALF_RIGHT) if drawn else (" ", " ", " ")
    segments = [Segment(rest * int(start - 0.5), background)]
    if not half_start and start > 0:
        segments.append(Segment(rest_right, background))
    cells = int(end) - int(start)
    lit = HALF_LEFT + BAR * (cells - 1) if half_start else BAR * cells
    if half_end:
        lit += HALF_RIGHT
    segments.append(Segment(lit, highlight))
    if not half_end and end - width != 0:
        segments.append(Segment(rest_left, background))
    segments.append(Segment(rest * (int(width) - int(end) - 1), background))
    return [segment for segment in segments if segment.text]


class TabStrip(Widget, can_focus=True):
    """A row of tab labels over an underline; `active` is the id of the tab shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous tab", show=False),
        Binding("right", "step(1)", "Next tab", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | left | The previous tab (before the first: the last). |
    | right | The next tab (after the last: the first). |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-strip--tab",
        "tab-strip--active",
        "tab-strip--hover",
        "tab-strip--bar",
    }
    ALLOW_SELECT = False

    active: reactive[str] = reactive("", init=False, layout=False)
    highlight_start: reactive[float] = reactive(0.0)
    highlight_end: reactive[float] = reactive(0.0)

    class Activated(Message):
        """A tab was chosen by a key or a click (`tab`: its id)."""

        def __init__(self, strip: TabStrip, tab: str) -> None:
            super().__init__()
            self.strip = strip
            self.tab = tab

        @property
        def control(self) -> TabStrip:
            return self.strip

    def __init__(self, tabs: Sequence[tuple[str, str]], active: str, *, id: str | None = None):
        super().__init__(id=id)
        self.tabs = [(Content.from_markup(label), tab_id) for label, tab_id in tabs]
        self._hover: int | None = None
        self.set_reactive(TabStrip.active, active)
        start, end = self._label_span(active)
        self.set_reactive(TabStrip.highlight_start, float(start))
        self.set_reactive(TabStrip.highlight_end, float(end))

    # -- geometry ------------------------------------------------------------------------------
    def _spans(self) -> list[tuple[int, int]]:
        """Each tab's cells (a cell of padding either side of its label)."""
        spans, x = [], 0
        for label, _tab_id in self.tabs:
            width = label.cell_length + 2
            spans.append((x, x + width))
            x += width
        return spans

    def _label_span(self, tab_id: str) -> tuple[int, int]:
        for (start, end), (_label, tab) in zip(self._spans(), self.tabs, strict=True):
            if tab == tab_id:
                return start + 1, end - 1
        return 0, 0

    def _tab_at(self, x: int) -> int | None:
        for index, (start, end) in enumerate(self._spans()):
            if start <= x < end:
                return index
        return None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2

    # -- drawing -------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.get_visual_style()
        blank = base.background_style.rich_style
        if y == 1:
            bar = self.get_visual_style("tab-strip--bar").rich_style
            segments = bar_segments(
                width,
                self.highlight_start,
                self.highlight_end,
                blank + Style.from_color(bar.color),
                blank + Style.from_color(bar.bgcolor),
            )
            return Strip(Segment.simplify(segments)).adjust_cell_length(width, blank)
        if y:
            return Strip.blank(width, blank)
        segments = []
        for index, (label, tab_id) in enumerate(self.tabs):
            if tab_id == self.active:
                look = "tab-strip--active"
            elif index == self._hover:
                look = "tab-strip--hover"
            else:
                look = "tab-strip--tab"
            style = self.get_visual_style(look)
            pad = Segment(" ", style.background_style.rich_style)
            segments.append(pad)
            segments += [
                Segment(text, (style + part_style).rich_style)
                for text, part_style in label.render(style, end="")
            ]
            segments.append(pad)
        # One segment per run of one style, as Textual's own widgets come out.
        return Strip(Segment.simplify(segments)).adjust_cell_length(width, blank)

    def watch_active(self, active: str) -> None:
        start, end = self._label_span(active)
        if self.is_mounted and self.app.animation_level != "none":
            # As Textual's underline moves: to the new tab over 0.3 s.
            self.animate("highlight_start", float(start), duration=0.3, level="basic")
            self.animate("highlight_end", float(end), duration=0.3, level="basic")
        else:
            self.highlight_start, self.highlight_end = float(start), float(end)

    # -- keys and mouse ------------------------------------------------------------------------
    def _choose(self, index: int) -> None:
        tab_id = self.tabs[index][1]
        self.active = tab_id
        self.post_message(self.Activated(self, tab_id))

    def action_step(self, direction: int) -> None:
        ids = [tab_id for _label, tab_id in self.tabs]
        at = ids.index(self.active) if self.active in ids else (-1 if direction > 0 else 0)
        self._choose((at + direction) % len(ids))

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        index = self._tab_at(event.x)
        if index is not None and event.y in (0, 1):  # a label, or the underline below it
            self.focus()
            self._choose(index)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._tab_at(event.x) if event.y == 0 else None
        # The hand over a tab only (not over the underline or past the last tab), as on Tabs.
        self.styles.pointer = "pointer" if index is not None else "default"
        if index != self._hover:
            self._hover = index
            self.refresh()

    def _on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()


class MixTabs(Widget):
    """Tab panes (TabPane, composed inside it) under a `TabStrip` of their titles, the active
    one shown."""

    active: reactive[str] = reactive("", init=False)
    """The id of the pane shown."""

    class TabActivated(Message):
        """Posted when the active tab changes; `pane` is the pane now shown."""

        def __init__(self, tabs: MixTabs, pane: TabPane) -> None:
            super().__init__()
            self.tabs = tabs
            self.pane = pane

        @property
        def control(self) -> MixTabs:
            return self.tabs

    def __init__(self, titles: Sequence[str], *, initial: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = list(titles)
        self._panes: list[Widget] = []
        self.set_reactive(MixTabs.active, initial)

    def compose_add_child(self, widget: Widget) -> None:
        self._panes.append(widget)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Under its strip and panes: one line for all (widgets/alike_lines.py).
        return draw_same_lines(self, crop, super().render_lines)

    def compose(self) -> ComposeResult:
        panes = zip(self.titles, self._panes, strict=True)
        tabs = [(title, pane.id or "") for title, pane in panes]
        yield TabStrip(tabs, self.active)
        for pane in self._panes:
            pane.display = pane.id == self.active
            yield pane

    def watch_active(self, active: str) -> None:
        self.query_one(TabStrip).active = active
        for pane in self._panes:
            pane.display = pane.id == active
        self.post_message(self.TabActivated(self, self.query_one(f"#{active}", TabPane)))

    @on(TabStrip.Activated)
    def _strip_activated(self, event: TabStrip.Activated) -> None:
        event.stop()
        self.active = event.tab

    @on(TabPane.Focused)
    def _pane_focused(self, event: TabPane.Focused) -> None:
        # Something in a hidden pane took the focus (by code): show that pane.
        event.stop()
        if event.tab_pane.id is not None:
            self.active = event.tab_pane.id
