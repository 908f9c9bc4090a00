"""The header line: the palette's icon on the left and the title in the middle, one widget.

Textual's Header is four widgets (the header, its icon, its title and the clock's space); this
draws the same line as one, so a pane's first visit has three fewer widgets to build. As there,
the title is the screen's (or the app's) title and sub-title, centred between the icon's cells
and the clock's, cut with an ellipsis when too long; the icon opens the command palette.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.events import Click, Leave, MouseMove

ICON = "⭘"
ICON_CELLS = 8  # the icon's place on the left (Textual's HeaderIcon: width 8, padding 0 1)
CLOCK_CELLS = 10  # the clock's place on the right, kept empty (Textual's HeaderClockSpace)
ICON_TIP = "Open the command palette"
SEPARATOR = " · "  # between the pane's name and its countdown in a pane's sub-title


def _shorter(sub_title: str) -> list[str]:
    """Shorter forms of a pane's sub-title, longest first: without the date in brackets at the
    end, then without the pane's name too."""
    pane, separator, line = sub_title.partition(SEPARATOR)
    if not separator:
        pane, line = "", sub_title
    dateless = _without_remark(line)
    forms = [f"{pane}{SEPARATOR}{dateless}"] if pane else []
    return [*forms, line, dateless] if pane else [dateless]


def _without_remark(text: str) -> str:
    """`text` without a closing remark in brackets (a countdown's date, the demo title's
    "(fictional)"); unchanged when it has none."""
    return text[: text.rfind(" (")] if text.endswith(")") and " (" in text else text


class PaneHeader(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane-header--icon-hover"}
    DEFAULT_CSS = """
    PaneHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        & > .pane-header--icon-hover {
            background: $foreground 10%;
        }
    }
    """

    icon_hovered: reactive[bool] = reactive(False)

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._title_changed, init=False)
            self.watch(node, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def title_content(self, width: int | None = None) -> Content:
        """The screen's title and sub-title (the app's where the screen has none). Given the
        `width` it must fit in, a sub-title "Pane · countdown (date)" too long for it gives up
        first the countdown's date in brackets, then the pane's name (the tab bar under the
        header names the pane), then the title's closing remark in brackets (the demo's
        "(fictional)", which its Profile pane says too), before anything is cut."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        content = app.format_title(title, sub_title)
        if width is None or content.cell_length <= width:
            return content
        forms = [(title, shorter) for shorter in _shorter(sub_title)]
        if (short := _without_remark(title)) != title:
            forms += [(short, shorter) for shorter in (sub_title, *_shorter(sub_title))]
        for title_form, sub_title_form in forms:
            content = app.format_title(title_form, sub_title_form)
            if content.cell_length <= width:
                break
        return content

    def render(self) -> Content:
        width = self.size.width
        icon = Content(f" {ICON}".ljust(ICON_CELLS))
        if self.icon_hovered:
            icon = icon.stylize(self.get_visual_style("pane-header--icon-hover"))
        middle = max(width - ICON_CELLS - CLOCK_CELLS, 0)
        title = self.title_content(middle).truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        return Content.assemble(
            icon, " " * left, title, " " * (middle - left - title.cell_length + CLOCK_CELLS)
        ).truncate(width)

    def on_mouse_move(self, event: MouseMove) -> None:
        over = event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE
        if over != self.icon_hovered:
            self.icon_hovered = over
            self.tooltip = ICON_TIP if over else None

    def on_leave(self, event: Leave) -> None:
        self.icon_hovered = False
        self.tooltip = None

    async def on_click(self, event: Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
