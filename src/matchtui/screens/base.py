"""Base for the six pane screens: header, pane bar, the pane's body, footer; shared state access."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style as RichStyle
from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.events import Resize, ScreenResume
from textual.filter import ANSIToTruecolor
from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from matchtui.screens.sizing import restyle_size_classes, start_with_size_classes
from matchtui.widgets.pane_bar import PaneBar
from matchtui.widgets.pane_footer import PaneFooter
from matchtui.widgets.pane_header import SEPARATOR, PaneHeader

if TYPE_CHECKING:
    from matchtui.app import MatchApp
    from matchtui.catalog import Catalog
    from matchtui.models.plan import PlanFile
    from matchtui.models.profile import Profile


def tabbed_samples() -> list[Widget]:
    """`PaneScreen.style_samples` for a pane built in a TabbedContent (its tabs, underline,
    content switcher and panes)."""
    from textual.widgets import Tab, TabbedContent, TabPane, Tabs

    return [TabbedContent(), TabPane("x"), Tabs(Tab("x"))]


class PaneScreen(Screen[None]):
    """Subclasses set PANE_ID and implement compose_body(); override on_profile() to react
    when the profile changes (after a save in any pane)."""

    PANE_ID: ClassVar[str] = ""

    # Textual's Screen repaints itself whole each time the focus moves (its `focused` is a
    # reactive that asks for a repaint): every line of the pane drawn again on each Tab, 15-20
    # ms in the Profile's form. What the focus changes is drawn by the two widgets it moves
    # between (their :focus styles) and the ancestors with :focus-within rules, which Textual
    # restyles and repaints on their own; the footer's keys follow through their own signal.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        start_with_size_classes(self)  # styled once, not again on the first Resize
        self._on_return: list[Callable[[], object]] = []  # see `when_shown_again`

    def when_shown_again(self, callback: Callable[[], object]) -> None:
        """Call `callback` after the frame that shows this pane again (work left while it was
        away for another pane: see LaterTabs)."""
        self._on_return.append(callback)

    @property
    def matchapp(self) -> MatchApp:
        return cast("MatchApp", self.app)

    @property
    def catalog(self) -> Catalog:
        return self.matchapp.catalog

    @property
    def profile(self) -> Profile:
        profile = self.matchapp.profile
        assert profile is not None, "the app loads a profile before any pane is built"
        return profile

    @property
    def plan(self) -> PlanFile:
        from matchtui.models.plan import PlanFile

        return self.matchapp.plan or PlanFile()

    def compose(self) -> ComposeResult:
        yield PaneHeader()
        yield PaneBar(self.PANE_ID)
        yield from self.compose_body()
        yield PaneFooter()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    @classmethod
    def style_samples(cls) -> list[Widget]:
        """One widget of each class with default styles that this pane mounts for its first
        content (and that the first pane did not): the app mounts them hidden, and removes
        them, at idle after start-up, so Textual parses their styles then and not on the
        pane's first visit (it re-parses the whole stylesheet each time a widget class with
        default styles first mounts: 7-17 times on a first visit). Only widgets that do
        nothing on mount but draw themselves; `tests/test_pane_styles_ready.py` checks each
        pane's list is complete."""
        return []

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """Work out ahead, at idle after start-up, what this pane's first visit would compute
        from the data, so the visit only draws. Called in the app's preload thread once the
        program list is read into memory, for each pane not built yet. Only reads the app's
        data (never a widget); the result goes into a cache the visit checks against its
        own inputs (`matchtui.engine.memo.LastResult`). The default does nothing."""

    # tab id -> selector of the widget that takes the keys when that tab is shown
    TAB_FOCUS: ClassVar[dict[str, str]] = {}

    def focus_tab(self, tab_id: str) -> None:
        """A tab was shown: its keys apply now, and what it shows takes the focus, unless
        another tab was shown since (its activation handled late, after quick keys: Textual
        takes a focus inside a tab as choosing that tab, so it would be shown again)."""
        self.refresh_bindings()
        target = self.TAB_FOCUS.get(tab_id)
        if not target:
            return
        from textual.widgets import TabbedContent  # (only panes with tabs get here)

        owner = next(
            (a for a in self.query_one(f"#{tab_id}").ancestors if isinstance(a, TabbedContent)),
            None,
        )
        if owner is None or owner.active == tab_id:
            self.query_one(target).focus()

    def on_mount(self) -> None:
        from matchtui.panes import PANE_BY_ID

        self.sub_title = PANE_BY_ID[self.PANE_ID].title
        self.matchapp.pane_screens[self.PANE_ID] = self
        self._show_countdown()
        self.watch(self.matchapp, "profile", self._profile_changed, init=False)
        self.watch(self.matchapp, "theme", self._theme_changed, init=False)

    def _show_countdown(self) -> None:
        from matchtui.panes import PANE_BY_ID

        line = self.matchapp.season_line()
        title = PANE_BY_ID[self.PANE_ID].title
        self.sub_title = f"{title}{SEPARATOR}{line}" if line else title

    def render_lines(self, crop: Region) -> list[Strip]:
        # A pane screen draws nothing of its own but its background (no border, no padding, no
        # content): Textual draws it as blank lines in the background colour (Blank, then the
        # style cache, then the app's line filters). Textual refreshes the whole screen each
        # time it resumes, which empties the screen's style cache, and drawing its 40 lines
        # again that way cost 2.5-5 ms of each pane switch's 6-10 ms frame. Drawn here they are
        # the same lines, segment for segment (tests/test_switch_frame.py): only while the
        # background is a solid truecolor with nothing on it (no tint, full opacity) and the
        # app's only line filter is ANSI to truecolor, which leaves truecolor as it is; any
        # other case (NO_COLOR's monochrome, a dim filter) goes through Textual's path.
        styles = self.styles
        background = styles.background
        solid = background.a == 1 and not styles.tint.a and styles.opacity == 1
        truecolor = solid and background.ansi is None
        if truecolor and all(isinstance(f, ANSIToTruecolor) for f in self.app.get_line_filters()):
            style = RichStyle.from_color(bgcolor=background.rich_color)
            return [Strip.blank(crop.width, style)] * crop.height
        return super().render_lines(crop)

    def _on_screen_resume(self, event: ScreenResume) -> None:  # runs before Screen's own
        callbacks, self._on_return = self._on_return, []
        for callback in callbacks:
            self.call_after_refresh(callback)
        # Textual restyles every node of a screen each time it resumes (refresh_styles=True),
        # which costs ~100 ms+ on a full pane. Styles only go stale when the stylesheet or theme
        # changed while the screen was away; in that case switch_mode has already run a full
        # refresh_css (MatchApp.refresh_css keeps the books). Class changes made while
        # suspended restyle their own widgets as they happen.
        if self.matchapp.screen_styles_current(self):
            event.refresh_styles = False
        # (No refresh_bindings here: Screen's own handler counts the resume in stack_updates,
        # whose watcher refreshes the bindings, and the footer reads them then.)

    # Textual lays a screen out, then sends the screen itself a Resize for its first layout,
    # and the screen's own handler lays the whole pane out again at the size it was just laid
    # out at (and renders it again): 20-30 ms right after a pane's first frame, which a key
    # pressed then waited for. A pane that draws the same without that second pass sets this:
    # a Resize to a size it already has (sent after the layout that gave it that size) is then
    # skipped, its size classes checked here. A terminal resize arrives before any layout at
    # the new size and goes on to Textual's handler. (Not for every pane: in the Practice pane
    # a list scrolled into place during the first layout is drawn right only after the
    # second; its snapshots show it. Nor for a pane often left at once: the layout Textual
    # still asks for after the first frame then waits for the first return, which it slows,
    # where the same-size one ran at once while the pane was shown.)
    LAYOUT_ONCE: ClassVar[bool] = False

    @on(Resize)
    def _same_size_resize(self, event: Resize) -> None:
        if self.LAYOUT_ONCE and event.size == self.outer_size:
            restyle_size_classes(self)
            event.prevent_default()

    def _profile_changed(self, profile: Profile | None) -> None:
        if profile is not None:
            self._show_countdown()
            self.on_profile(profile)

    def on_profile(self, profile: Profile) -> None:
        """Called when the shared profile changes; the default does nothing."""

    async def settle(self) -> None:
        """Before the app exits: stop background building and wait for what is mounting now
        (the default has nothing in flight)."""

    def _theme_changed(self, theme: str) -> None:
        # After the app's own refresh_css, which it queues as the theme changes: that is what
        # fills `app.theme_variables` with the new theme's colours.
        self.app.call_next(self.on_theme)

    def on_theme(self) -> None:
        """Called when the theme changes: a pane that bakes theme colours into its text
        (rather than using CSS variables) redraws here. The default does nothing."""


class LaterTabs:
    """A pane's tabs out of sight, built after its first frame (`start`, in a worker) or as
    one is switched to (`build`), whichever comes first, each once: the pane composes them
    empty, and `widgets(tab)` gives what one holds.

    Built in the background only while the pane is on screen and keys have paused (QUIET
    seconds without a key or the mouse, as the Profile's form below its first screen): tabs
    mounted into a pane left for another are laid out all at once as it comes back, so the
    return waited for them (the slowest pane switches, 80-190 ms, were returns right after a
    first visit); and a tab built between a key and its frame makes that key wait."""

    QUIET: ClassVar[float] = 0.2  # seconds without input before a tab is built

    def __init__(
        self,
        screen: PaneScreen,
        tabs: Sequence[str],
        widgets: Callable[[str], list[Widget]],
        group: str,
        on_demand: Sequence[str] = (),
    ) -> None:
        """`on_demand`: tabs of `tabs` built only when switched to, never in the background
        (one few applicants open need not cost every session its widgets)."""
        self._screen = screen
        self.tabs = tuple(tabs)
        self._idle = tuple(tab for tab in self.tabs if tab not in on_demand)
        self._widgets = widgets
        self._group = group
        self._building: dict[str, asyncio.Event] = {}  # set once the tab's widgets are mounted

    def built(self, tab: str) -> bool:
        """Whether `tab` is built (its widgets mounted)."""
        done = self._building.get(tab)
        return done is not None and done.is_set()

    async def build(self, tab: str) -> bool:
        """Build `tab` now (or wait for its build under way); whether it is one of these."""
        if tab not in self.tabs:
            return False
        done = self._building.get(tab)
        if done is not None:
            await done.wait()
            return True
        done = self._building[tab] = asyncio.Event()
        try:
            await self._screen.query_one(f"#{tab}").mount_all(self._widgets(tab))
        finally:
            done.set()
        return True

    def start(self) -> None:
        """Build every tab not built yet, one after the other, in a worker."""
        self._screen.run_worker(self._build_all(), group=self._group)

    async def _build_all(self) -> None:
        screen = self._screen
        shown_at = time.monotonic()  # (started after the pane's first frame, or its return's)
        for tab in self._idle:
            while tab not in self._building:  # (one switched to is built, or building, as such)
                if not screen.is_attached:
                    return
                if not screen.is_current:  # left for another pane: the rest on its return
                    screen.when_shown_again(self.start)
                    return
                # Quiet since the last key, and since the pane came on screen: a key pressed
                # right after its frame (passing through it) finds nothing being built.
                quiet = min(screen.matchapp.input_idle(), time.monotonic() - shown_at)
                if quiet >= self.QUIET:
                    break
                await asyncio.sleep(self.QUIET - quiet)
            if not screen.is_attached or not screen.app.is_running:
                return
            try:
                await self.build(tab)
            except NoMatches:  # its tab already gone: the pane is closing with the app
                return
