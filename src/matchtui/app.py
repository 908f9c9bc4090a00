"""The App: six panes as lazily-built modes, shared state, bindings, palette commands."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import sys
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import MountError
from textual.widgets import Static

from matchtui.panes import FIRST_PANE, PANE_BY_ID, PANES, PaneSpec
from matchtui.safetext import safe_text
from matchtui.widgets.pane_bar import PaneBar
from matchtui.widgets.pane_footer import PaneFooter
from matchtui.widgets.pane_header import PaneHeader

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    # Imported lazily at run time: pydantic and the models are not needed for the first frame.
    from matchtui.catalog import Catalog
    from matchtui.models.plan import PlanFile
    from matchtui.models.profile import Profile
    from matchtui.models.programs import ProgramList
    from matchtui.preview import FirstContent, Preview
    from matchtui.workspace import Workspace


def pane_css_path(pane: PaneSpec) -> Path | None:
    """A pane's stylesheet: `screens/<module>.tcss` next to its screen module (None if it has
    none). Each selector in it starts with the pane's screen class (`MixScreen #mix-tabs`), so
    nothing in one pane's file can style another pane."""
    path = Path(__file__).parent / "screens" / f"{pane.module.rsplit('.', 1)[-1]}.tcss"
    return path if path.is_file() else None


def _screen_factory(pane: PaneSpec) -> Callable[[], Screen[Any]]:
    def build() -> Screen[Any]:
        module = importlib.import_module(pane.module)
        screen: Screen[Any] = getattr(module, pane.screen)()
        return screen

    return build


DEMO_TITLE = "matchtui · DEMO profile (fictional)"
TOAST_PROBLEMS = 5  # a file's problems listed in the toast that says it could not be loaded


# Requests from the preload thread, posted as messages: `post_message` makes nothing that must
# be awaited, so one posted as the app closes is dropped, where `call_from_thread` left its
# coroutine never awaited (a RuntimeWarning) once the loop had closed.
class TrimWanted(Message):
    """Give the memory freed by the work just done back to the system (`request_trim`)."""


class PaneStylesWanted(Message):
    """The other panes' modules are imported: prepare their styles at idle."""


class ShellScreen(Screen[None]):
    """The app's start-up screen (its default screen): the shell, shown while the data loads.

    The shell is on the terminal as soon as this screen has handled its first Resize (Textual
    paints a screen synchronously while it handles one), so that is when the data starts to
    load. Waiting for `call_after_refresh` instead cost ~17 ms of idle time: a notification
    rack hidden just after the first paint asks for a layout, which waits for the screen's
    next update tick."""

    def on_resize(self) -> None:  # runs before Screen's own handler, which paints
        app = self.app
        if isinstance(app, MatchApp) and app.load_pending:
            # A separate message to the app: it runs once this Resize (and its paint) is done.
            app.call_later(app.load_once)


class MatchApp(App[None]):
    """matchtui: the applicant's Match cycle, pane by pane."""

    TITLE = "matchtui"
    SUB_TITLE = "plan your Match cycle"
    # The app's own styles; each pane's are added just before the pane is first built
    # (MatchApp.add_pane_css), so start-up parses only the first pane's.
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    MODES = {pane.id: _screen_factory(pane) for pane in PANES}
    BINDINGS = [
        *(
            Binding(
                pane.key,
                f"show_pane('{pane.id}')",
                pane.short,
                priority=True,
                id=f"pane.{pane.id}",
                tooltip=pane.help,
            )
            for pane in PANES
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            priority=True,
            id="app.quit",
            tooltip="Quit (asks first if the profile has unsaved changes)",
        ),
        Binding(
            "ctrl+r",
            "export_report",
            "Report",
            priority=True,
            id="app.export_report",
            tooltip="Export the advisor report (Markdown) into your matchtui folder",
        ),
        Binding(
            "question_mark",
            "show_help",
            "Help",
            id="app.help",
            tooltip="What this pane is for, where its numbers come from, and its keys",
        ),
        Binding(
            "escape",
            "close_overlay",
            "Close",
            show=False,
            id="app.close_overlay",
            tooltip="Close the keys panel, a dialog or this help",
        ),
    ]

    # The profile every pane reasons about; a pane that saves sets it, the others watch it.
    profile: reactive[Profile | None] = reactive(None, always_update=True)
    # The saved plan.toml (program mix + plan state); the pane that saves sets it.
    # Not a repaint of its own: the panes that show it redraw from their watchers (a repaint of
    # the whole screen on each rank list change was ~5 ms of a ~20 ms key at 3,400 ranks).
    plan: reactive[PlanFile | None] = reactive(None, always_update=True, repaint=False)

    def __init__(
        self,
        workspace: Workspace,
        first_pane: str = FIRST_PANE,
        today: dt.date | None = None,
        interactive: bool = False,
        preview: Preview | None = None,
    ) -> None:
        super().__init__()
        # interactive (a real session): draw the shell first and load the data after the first
        # frame, and keep long-lived objects out of the GC's way. Tests load synchronously so
        # every pane is ready as soon as the app is, and leave the GC alone.
        self.interactive = interactive
        self.workspace = workspace
        self.first_pane = first_pane
        # The first pane worked out by a child process while this one starts (matchtui.preview),
        # and the header's countdown line it sent, shown until the profile is loaded here.
        self.preview = preview
        self._preview_season = ""
        # "Today" for anything date-dependent (overdue items, passed dates); tests pin it.
        self.today = today or dt.date.today()
        self.load_errors: dict[str, str] = {}  # file name -> its problems, as shown
        self.unsaved: set[str] = set()  # panes with edits not yet saved
        # The program list as a pane last changed or read it (`programs_changed`), by version.
        self.programs_version = 0
        self._latest_programs: ProgramList | None = None
        # How many applications the program list shows sent, and how many programs it lists:
        # as the preload thread found the file, then worked out again for each newer list a
        # pane holds (`applications_count`).
        self._sent: tuple[int, int | None, int] = (-1, None, 0)
        self._built_panes: set[str] = set()  # panes whose screen exists (styles added, built)
        self._styles_prepared: set[str] = set()  # panes whose styles were parsed ahead
        self._styles_settled = False  # the garbage of that preparation collected
        # Style bookkeeping for pane switches (see refresh_css): the stylesheet generation a
        # full restyle last ran for, and the generation each pane screen was styled with.
        self._switching_pane = False
        # Generation 0 is the stylesheet as the app starts: every widget is styled with it as
        # it mounts, so the first pane needs no full restyle either.
        self._styled_generation = 0
        self._style_generation = 0  # bumped by every refresh_css that is not a pane switch
        self._screen_styles: weakref.WeakKeyDictionary[Screen[Any], int] = (
            weakref.WeakKeyDictionary()
        )
        self.pane_screens: dict[str, Screen[Any]] = {}  # pane id -> its screen, once built
        # Keys typed while the data loads or a pane is first built are held, then replayed to
        # the pane once it is on screen: never lost, never sent to a screen being replaced.
        self._holding_keys = interactive
        self._held_keys: list[events.Key] = []
        self._last_input = 0.0  # time.monotonic() of the last key or mouse event
        self._trim_timer: Timer | None = None  # a pending give-back of freed memory
        # While a pane's first build runs the collector is off (`_hold_gc`): since when
        # (time.monotonic()), or None; and whether it was this app that switched it off.
        self._gc_held_since: float | None = None
        self._gc_switched_off = False
        # Interactive: the data loads once the shell is on screen (load_once, called by the
        # first of ShellScreen's Resize and call_after_refresh).
        self.load_pending = False
        self._theme_at_mount = self._apply_theme_before_styling()

    def _apply_theme_before_styling(self) -> str | None:
        """Offer the curated themes and take the chosen one before anything is styled: the
        stylesheet is first parsed as the app mounts, so its variables are set here and no
        restyle follows (a theme set after mounting re-parses the whole stylesheet and restyles
        every widget, ~15 ms of start-up that a bare app does not have). Returns the theme to
        set once mounted instead, when it needs what only a theme change does (light vs dark:
        the terminal's ANSI colours are mapped per mode)."""
        from matchtui.themes import chosen_theme, restrict_themes

        restrict_themes(self)
        theme = chosen_theme(self.workspace.load_settings())
        chosen = self.get_theme(theme)
        if chosen is None or chosen.dark != self.current_theme.dark:
            return theme
        self.set_reactive(App.theme, theme)
        self.stylesheet.set_variables(self.get_css_variables())
        return None

    @property
    def catalog(self) -> Catalog:
        return self.workspace.catalog

    def season_line(self) -> str:
        """The header's countdown: the next deadline of the applicant's Match and the days left."""
        if self.profile is None:
            return self._preview_season
        from matchtui.engine.calendar import countdown

        return countdown(self.catalog, self.profile.cycle_year, self.today)

    def get_default_screen(self) -> Screen[Any]:
        return ShellScreen(id="_default")

    def compose(self) -> ComposeResult:
        # The start-up frame: the shell, shown while the data loads, with the panes' own header,
        # bar and footer (one widget each), so their styles are ready for the first pane.
        yield PaneHeader()
        yield PaneBar(self.first_pane)
        yield Static("Loading your profile and the reference data…", id="loading", markup=False)
        yield PaneFooter()

    def on_mount(self) -> None:
        if self._theme_at_mount is not None:
            self.theme = self._theme_at_mount
        self.watch(self, "theme", self._remember_theme, init=False)
        if self.interactive:
            self.load_pending = True
            # The shell's next paint starts the load (ShellScreen); this is the fallback if
            # the shell has already been painted or no resize comes.
            self.call_after_refresh(self.load_once)
        else:
            self._load_and_open()

    def load_once(self) -> None:
        """Load the data and open the first pane, the first time this is called."""
        if self.load_pending:
            self.load_pending = False
            self._load_and_open()

    def _remember_theme(self, theme: str) -> None:
        settings = self.workspace.load_settings()
        if settings.get("theme") == theme:
            return
        try:
            self.workspace.save_settings({**settings, "theme": theme})
        except OSError as exc:
            self.notify(f"The theme could not be saved: {exc.strerror or exc}", markup=False)

    def _load_and_open(self) -> None:
        from matchtui.errors import FileProblems

        if (first := self._take_preview()) is not None:
            self._open_preview(first)
            return
        try:
            self.workspace.catalog  # noqa: B018 - load and validate the reference data now
        except FileProblems as exc:
            self.query_one("#loading", Static).update(
                f"The reference data could not be loaded: {exc.summary()}"
            )
            self.notify(exc.summary(), title="Reference data", severity="error", markup=False)
            self._release_keys()
            return
        self.profile = self._load_profile()
        self.plan = self._load_plan()
        self._holding_keys = True
        self._switch_pane(self.first_pane)
        self._built_panes.add(self.first_pane)
        self._first_pane_open()

    def _take_preview(self) -> FirstContent | None:
        """The first pane's content from the child process, if it sent it (once)."""
        preview, self.preview = self.preview, None
        if preview is None:
            return None
        # Its screen's module (and the Textual widgets it uses, ~7 ms) imported first: when the
        # child is still working, that time is spent waiting anyway.
        with suppress(Exception):  # a module that fails is imported, and reported, again
            importlib.import_module(PANE_BY_ID[self.first_pane].module)
        first = preview.take()
        return first if first is not None and first.pane == self.first_pane else None

    def _open_preview(self, first: FirstContent) -> None:
        """Show the first pane from the child's view, then load the data here (keys wait)."""
        pane = PANE_BY_ID[first.pane]
        screen_class = getattr(importlib.import_module(pane.module), pane.screen)
        screen = screen_class(view=first.view)
        self._preview_season = first.season_line
        self._holding_keys = True
        # The pane's mode gets this screen (its factory would build one without the view).
        self.remove_mode(pane.id)
        self.add_mode(pane.id, lambda: screen)
        self._switch_pane(pane.id)
        self._built_panes.add(pane.id)
        self.call_after_refresh(self._load_after_preview)

    def _load_after_preview(self) -> None:
        """After the first pane's frame: the data loaded as without a preview. The plan is set
        first without telling the panes, so the profile's change redraws the pane once (not at
        all if its view is the one shown)."""
        from matchtui.errors import FileProblems

        try:
            self.workspace.catalog  # noqa: B018 - load and validate the reference data now
        except FileProblems as exc:  # changed since the child read it a moment ago
            self.notify(exc.summary(), title="Reference data", severity="error", markup=False)
            self._release_keys()
            return
        self.set_reactive(MatchApp.plan, self._load_plan())
        self.profile = self._load_profile()
        self._first_pane_open()

    def _first_pane_open(self) -> None:
        """The first pane is built and the data loaded: keys go to it once it is in front,
        the background work starts, and what did not load is reported."""
        self._release_keys_when_ready(self.first_pane)
        if self.interactive:
            self.call_after_refresh(_freeze_long_lived)
            self.call_after_refresh(
                _preload_panes,
                self.first_pane,
                self._warm_data,
                self._imports_done,
            )
        if (warning := self.workspace.store.home_warning()) is not None:
            self.notify(warning, title="Your matchtui folder", severity="warning", markup=False)
        for message in self.load_errors.values():
            self.notify(
                message,
                title="A file could not be loaded",
                severity="error",
                timeout=15,
                markup=False,
            )

    def _load_profile(self) -> Profile:
        from matchtui.errors import FileProblems

        try:
            return self.workspace.load_profile()
        except FileProblems as exc:
            # Keep working on the demo profile in memory; the bad file stays untouched.
            from matchtui.models.profile import Profile
            from matchtui.tomlio import load_model
            from matchtui.workspace import demo_profile_path

            problems = "\n".join(exc.lines(TOAST_PROBLEMS))
            self.load_errors["profile.toml"] = (
                f"{problems}\nShowing the demo profile; your file was not changed."
            )
            return load_model(demo_profile_path(), Profile)

    def _load_plan(self) -> PlanFile:
        from matchtui.errors import FileProblems

        try:
            return self.workspace.load_plan()
        except FileProblems as exc:
            from matchtui.models.plan import PlanFile

            problems = "\n".join(exc.lines(TOAST_PROBLEMS))
            self.load_errors["plan.toml"] = f"{problems}\nStarting from an empty plan."
            return PlanFile()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # Messages name files and quote them: Textual would send an ESC in them to the terminal.
        super().notify(
            safe_text(message),
            title=safe_text(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        # A paste can carry escape sequences, and Input and TextArea would show them raw.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = safe_text(event.text)
        if isinstance(event, events.Key) and self._holding_keys:
            self._held_keys.append(events.Key(event.key, event.character))
            return
        await super().on_event(event)

    def _release_keys_when_ready(self, pane_id: str, tries: int = 0) -> None:
        """Replay the held keys once `pane_id`'s screen is mounted and in front."""
        screen = self.pane_screens.get(pane_id)
        ready = screen is not None and screen is self.screen and screen.is_mounted
        if not ready and tries < 100:
            self.call_after_refresh(self._release_keys_when_ready, pane_id, tries + 1)
            return
        self._release_keys()

    def _release_keys(self) -> None:
        self._holding_keys = False
        if self._gc_held_since is not None:
            self.call_after_refresh(self._settle_gc)  # once the pane's first frame is drawn
        held, self._held_keys = self._held_keys, []
        for key in held:
            self.post_message(key)

    # -- actions -------------------------------------------------------------------------
    def action_show_pane(self, pane_id: str) -> None:
        if self.profile is None:  # still loading
            return
        # Each pane is its own screen and keeps its focus: coming back finds you where you were.
        first_visit = pane_id not in self._built_panes
        if first_visit:
            self._hold_gc()
        self._switch_pane(pane_id)
        if first_visit:
            self._built_panes.add(pane_id)
            self._holding_keys = True
            self._release_keys_when_ready(pane_id)

    def _warm_data(self) -> bool:
        """From the preload thread: the program list read into memory, then each pane not
        built yet works out what its first visit needs (`PaneScreen.warm_data`). True if the
        list was read. Each step waits until the applicant has left the keys alone for
        WARM_IDLE and no pane is being built: work done ahead must not slow what is asked now.
        (Panes opened one after another right after start-up, with 20,000 programs, took turns
        with it, and the first switches after stalled the loop 100-170 ms.)"""
        self._wait_for_pause()
        warmed = self.workspace.warm_programs()
        self._note_sent()
        for pane in PANES:
            screen_class = getattr(sys.modules.get(pane.module), pane.screen, None)
            warm = getattr(screen_class, "warm_data", None)
            if warm is None:
                continue
            self._wait_for_pause()
            if pane.id in self._built_panes or self.profile is None or not self.is_running:
                continue
            try:
                warm(self)
            except Exception:  # the visit computes it again, and reports any problem
                continue
        with suppress(RuntimeError):  # the loop has closed meanwhile
            self.post_message(TrimWanted())
        return warmed

    def _wait_for_pause(self) -> None:
        """(In a background thread) until no key or click for WARM_IDLE and no pane is being
        built (keys are held while one is)."""
        while self.is_running:
            idle = self.input_idle()
            if idle >= WARM_IDLE and not self._holding_keys:
                return
            time.sleep(max(WARM_IDLE - idle, 0.05))

    def _imports_done(self) -> None:
        """From the preload thread, once the other panes' modules are imported: their styles
        are prepared on the event loop from then on (`_prepare_pane_styles`)."""
        with suppress(RuntimeError):  # the loop has closed meanwhile
            self.post_message(PaneStylesWanted())

    def on_trim_wanted(self, _: TrimWanted) -> None:
        self.request_trim()

    def on_pane_styles_wanted(self, _: PaneStylesWanted) -> None:
        self.set_timer(STYLE_STEP, self._prepare_pane_styles)

    async def _prepare_pane_styles(self) -> None:
        """Parse, at idle, the styles a pane not opened yet would parse on its first visit:
        its stylesheet and the default styles of the widget classes it is the first to mount
        (`PaneScreen.style_samples`, mounted hidden and removed at once). Textual re-parses
        the whole stylesheet each time one of those is added, 7-17 times on a first visit
        (~10-25 ms of it). One pane per step, a step apart, and not while keys are coming."""
        from textual.widget import Widget

        if not self.is_running or not self.screen_stack or self.profile is None:
            return  # the app is closing, or the data did not load
        pending = [
            pane
            for pane in PANES
            if pane.id not in self._built_panes and pane.id not in self._styles_prepared
        ]
        if not pending and self._styles_settled:
            return
        if self.input_idle() < STYLE_IDLE:
            self.set_timer(STYLE_IDLE, self._prepare_pane_styles)
            return
        if not pending:
            # The last step: the sample widgets were garbage in cycles, and what survived is
            # long-lived; collected and frozen now, at idle, so the next pane's first visit
            # does not pay a full collection walking them (20-40 ms of a cold visit).
            self._styles_settled = True
            if self.interactive:
                gc.collect()
                _freeze_long_lived()
                self.request_trim()
            return
        pane = pending[0]
        self._styles_prepared.add(pane.id)
        # Imported by the preload thread by now (a module that failed there is absent: its
        # visit reports it); its stylesheet is added either way.
        screen_class = getattr(sys.modules.get(pane.module), pane.screen, None)
        style_samples = getattr(screen_class, "style_samples", None)
        samples: list[Widget] = style_samples() if style_samples is not None else []
        self.add_pane_css(pane.id)
        box = Widget()
        box.display = False
        try:
            await self.screen.mount(box)
            if samples:
                await box.mount_all(samples)
            await box.remove()
        except (ScreenStackError, MountError):
            return  # closed while mounting: only a head start was lost
        self.set_timer(STYLE_STEP, self._prepare_pane_styles)

    def programs_changed(self, programs: ProgramList, *, read: bool = False) -> int:
        """A pane changed the program list, or (`read`) read it from the file: the other panes
        that hold it (Mix, Applications) take this one when next shown (`latest_programs`).
        Two copies saved in turn would each write over the other's changes, unseen: the file
        is shared, and so is the record of it as last written. A read that gave the records
        held already (validated once, shared) is no change. Returns the version now."""
        from matchtui.engine.memo import Same

        latest = self._latest_programs
        if read and latest is not None and Same(latest.programs) == Same(programs.programs):
            return self.programs_version
        self.programs_version += 1
        self._latest_programs = programs
        return self.programs_version

    def find_applications_sent(self) -> bool | None:
        """`applications_sent`, the program file read for it if nothing is known yet: validated
        into memory as the preload thread does (which does not count as a pane's read for the
        conflict check). A second or more with 20,000 programs: for a worker thread."""
        if (sent := self.applications_sent()) is not None:
            return sent
        self.workspace.warm_programs()
        count = self._note_sent()
        return None if count is None else count > 0

    def _note_sent(self) -> int | None:
        """How many applications the program file, as validated in memory, shows sent (None
        when it is not in memory or does not load); kept unless a pane has taken a list."""
        found = self.workspace.peek_programs_warm()
        if found is None:
            return None
        from matchtui.engine.plan import applications_count

        count = applications_count(found.programs)
        if self._sent[0] < 0:
            self._sent = (0, count, len(found.programs))
        return count

    def applications_sent(self) -> bool | None:
        """The program list shows an application sent (`engine.plan.applications_sent`): for
        the list as a pane last changed or read it, else as the preload thread found the file;
        None while neither is known."""
        count = self.applications_count()
        return None if count is None else count > 0

    def applications_count(self) -> int | None:
        """How many applications the program list shows sent (`engine.plan.applications_count`),
        known as `applications_sent` is; worked out once per version of the list."""
        version, count, _ = self._sent
        latest = self._latest_programs
        if latest is not None and version != self.programs_version:
            from matchtui.engine.plan import applications_count

            count = applications_count(latest.programs)
            self._sent = (self.programs_version, count, len(latest.programs))
        return count

    def sent_on_list(self) -> bool | None:
        """What the program list records of the application (`engine.plan.sent_on_list`):
        True, False (programs listed, none sent), None (nothing listed, or not known yet)."""
        from matchtui.engine.plan import listed_sent

        count = self.applications_count()
        return None if count is None else listed_sent(count, self._sent[2])

    def latest_programs(self, seen: int) -> ProgramList | None:
        """The list as last changed or read by any pane if newer than version `seen`: a copy
        of its own list (the panes change theirs in place; the records are shared)."""
        latest = self._latest_programs
        if seen == self.programs_version or latest is None:
            return None
        return latest.model_copy(update={"programs": list(latest.programs)})

    def input_idle(self) -> float:
        """Seconds since the applicant last pressed a key or used the mouse. Work a pane
        leaves for later (the Profile form below its first screen) waits for a pause, so it
        never lands between a key and its frame while keys keep coming."""
        return time.monotonic() - self._last_input

    def freeze_read_data(self) -> None:
        """In a real session, move a big list a pane has just read out of the cyclic GC's sight,
        as start-up does with what it made (`_freeze_long_lived`): it lives until it is read
        again, and full collections walking 20,000 programs' objects blocked the loop 30-110 ms.
        A list replaced later is freed as usual (programs hold no reference cycles)."""
        if self.interactive:
            gc.freeze()
            self.request_trim()

    def _hold_gc(self) -> None:
        """No garbage collection while a pane is first built, in a real session: the build
        makes tens of thousands of objects that live as long as the app, and the collections
        they set off walked them again and again (on the Practice pane 5 young ones, 10-15 ms
        of every first visit). What the build left is collected once, after its first frame
        and at a pause (`_settle_gc`)."""
        if not self.interactive or self._gc_held_since is not None:
            return
        self._gc_held_since = time.monotonic()
        # Off already: a background thread's work (matchtui.background), which switches it
        # back on as it ends; it is left to do so.
        self._gc_switched_off = gc.isenabled()
        gc.disable()

    def _settle_gc(self) -> None:
        """After a pane's first frame, once keys and the mouse pause for GC_IDLE (or at the
        latest GC_HOLD_MAX after the build began): the build's garbage collected (the young
        generations only: what was made since the last freeze, tens of milliseconds), what
        survived frozen out of later collections' sight (`_freeze_long_lived`), and the
        collector on again. Keys held for another first build wait for its frame."""
        held_since = self._gc_held_since
        if held_since is None or not self.is_running or self._holding_keys:
            return
        now = time.monotonic()
        idle = self.input_idle()
        if idle < GC_IDLE and now - held_since < GC_HOLD_MAX:
            wait = min(GC_IDLE - idle, GC_HOLD_MAX - (now - held_since))
            self.set_timer(max(wait, 0.01), self._settle_gc)
            return
        gc.collect(1)
        _freeze_long_lived()
        self._release_gc()
        self.request_trim()

    def _release_gc(self) -> None:
        """The collector on again if `_hold_gc` switched it off."""
        self._gc_held_since = None
        if self._gc_switched_off:
            self._gc_switched_off = False
            gc.enable()

    def on_unmount(self) -> None:
        self._release_gc()  # closed during a first build: the process collects as before

    def request_trim(self) -> None:
        """Once keys and the mouse have paused for TRIM_IDLE, give the memory that the work just
        done freed back to the system (`matchtui.memory`: ~22 MiB after visiting every pane
        with 20,000 programs). Called after a pane's first build, a big list read, and
        start-up's idle work; requests made meanwhile make one give-back."""
        if self.interactive and self._trim_timer is None:
            self._trim_timer = self.set_timer(TRIM_IDLE, self._trim_when_idle)

    def _trim_when_idle(self) -> None:
        from matchtui.memory import give_back

        self._trim_timer = None
        if not self.is_running:
            return
        if (idle := self.input_idle()) < TRIM_IDLE:
            self._trim_timer = self.set_timer(TRIM_IDLE - idle, self._trim_when_idle)
            return
        give_back()

    def add_pane_css(self, pane_id: str) -> None:
        """Add a pane's stylesheet before its first build. Textual re-parses every source each
        time one is added or a widget class with its own default styles first mounts, so a
        stylesheet read at start was parsed 8-9 times before the first pane showed (~19 ms of
        pane styles each time). Added here, it is parsed with the other new sources the pane
        brings: nothing already on screen is restyled (the selectors reach only this pane's
        screen), and neither Textual's per-screen CSS (CSS_PATH on a screen re-parses and
        restyles everything) nor a full refresh is involved."""
        path = pane_css_path(PANE_BY_ID[pane_id])
        if path is None or self.stylesheet.has_source(str(path)):
            return
        self.stylesheet.add_source(
            path.read_text(encoding="utf-8"), read_from=(str(path), ""), is_default_css=False
        )

    def _switch_pane(self, pane_id: str) -> None:
        if pane_id not in self._built_panes:
            self.add_pane_css(pane_id)
        self._switching_pane = True
        try:
            self.switch_mode(pane_id)
        finally:
            self._switching_pane = False

    def refresh_css(self, animate: bool = True) -> None:
        # Textual calls this twice on a pane's first visit (a new screen has never been styled
        # by a full refresh) and on every switch to a pane that was never current during one:
        # each call re-parses the whole stylesheet and restyles every widget of the current
        # screen, 40-400 ms. A pane's styles are added before it is first built (add_pane_css)
        # and its widgets are styled as they mount, so while the stylesheet has not changed
        # since the last full refresh, a pane switch needs none. A theme change (or any other
        # invalidation) still gets the full refresh, and so does each stale pane when shown.
        if not self._switching_pane:
            # Any refresh outside a pane switch is a real invalidation (a theme change, a CSS
            # edit): a new generation, and every pane is stale until it is restyled.
            self._style_generation += 1
        generation = self._style_generation
        screen = self.screen
        if (
            self._switching_pane
            and generation == self._styled_generation
            and self._screen_styles.get(screen, generation) == generation
        ):
            self._screen_styles[screen] = generation
            return
        super().refresh_css(animate)
        self._styled_generation = generation
        for restyled in self.screen_stack:
            self._screen_styles[restyled] = generation

    def screen_styles_current(self, screen: Screen[Any]) -> bool:
        """True if `screen` was styled with the current stylesheet (no restyle needed on
        resume); a screen not seen yet is styled as it mounts."""
        generation = self._style_generation
        return self._screen_styles.get(screen, generation) == generation

    def delay_update(self, delay: float = 0.05) -> None:
        # switch_mode holds the screen back for 50 ms to hide a new screen while it mounts. A
        # pane built before has nothing to hide, and the hold was most of the time a switch
        # took (the frame itself renders in under 10 ms). A pane's first visit needs no hold
        # either: its first frame already shows it composed and filled, and while updates are
        # held Textual still renders each layout and throws the frame away (then renders it
        # again once the hold ends): holding cost 40-60 ms on every first visit.
        if self._switching_pane:
            return
        super().delay_update(delay)

    async def exit_settled(self) -> None:
        """Exit once every built pane has finished the work it has in flight (a part of a form
        being mounted): Textual tears the screens down on exit, and a widget still mounting
        then fails (Profile's lower sections are mounted just after the pane opens)."""
        for screen in list(self.pane_screens.values()):
            settle = getattr(screen, "settle", None)
            if settle is not None:
                await settle()
        self.exit()

    async def action_quit(self) -> None:
        # A change a pane saves in a thread and has not written yet (the Rank list) is written
        # now: it is not "unsaved" work to ask about.
        for screen in list(self.pane_screens.values()):
            flush = getattr(screen, "flush_save", None)
            if flush is not None:
                flush()
        if not self.unsaved:
            await self.exit_settled()
            return
        from matchtui.panes import PANE_BY_ID
        from matchtui.widgets.confirm import QuitDialog

        panes = ", ".join(PANE_BY_ID[p].title for p in sorted(self.unsaved) if p in PANE_BY_ID)

        async def decided(answer: str | None) -> None:
            if answer == "quit":
                await self.exit_settled()
            elif answer == "save":
                await self.save_all_and_quit()

        self.push_screen(QuitDialog(f"Unsaved changes in: {panes}."), decided)

    async def save_all_and_quit(self) -> None:
        """Run each unsaved pane's own save; quit if all of them saved, otherwise show the first
        pane that could not save (its own message says why) and stay."""
        from matchtui.panes import PANE_BY_ID

        for pane_id in sorted(self.unsaved):
            spec = PANE_BY_ID.get(pane_id)
            screen = self.pane_screens.get(pane_id)
            if spec is not None and screen is not None and spec.save_action:
                await screen.run_action(spec.save_action)
        if not self.unsaved:
            await self.exit_settled()
            return
        first = sorted(self.unsaved)[0]
        if first in PANE_BY_ID:
            self.action_show_pane(first)
        self.notify(
            "Not everything could be saved, so matchtui is still open.",
            title="Save and quit",
            severity="warning",
            markup=False,
        )

    def action_show_help(self) -> None:
        from matchtui.panes import PANE_BY_ID
        from matchtui.widgets.help import HelpScreen

        pane_id = next((p for p, s in self.pane_screens.items() if s is self.screen), None)
        if pane_id is None:  # a dialog or the palette is open, or the app is still loading
            return
        self.push_screen(HelpScreen(PANE_BY_ID[pane_id], self.screen))

    def action_close_overlay(self) -> None:
        """Escape: close the keys panel if it is open (dialogs close themselves)."""
        self.action_hide_help_panel()

    def action_export_report(self) -> None:
        if self.profile is None:  # still loading
            return
        from matchtui.commands.report import export_report
        from matchtui.errors import FileProblems

        try:
            path = export_report(self.workspace, self.profile, self.plan, self.today)
        except OSError as exc:
            message = f"Could not write the report: {exc.strerror or exc}"
            self.notify(message, severity="error", markup=False)
            return
        except FileProblems as exc:  # e.g. a symbolic link where the report would go
            message = f"Could not write the report: {exc.summary()}"
            self.notify(message, severity="error", markup=False)
            return
        self.notify(f"Saved {path.name} in {path.parent}", title="Advisor report", markup=False)
        if self.is_web:  # in a browser (matchtui serve) the page downloads a copy too
            self.deliver_text(path, save_filename=path.name, mime_type="text/markdown")

    def watch_profile(self, profile: Profile | None) -> None:
        # The demo is fictional: say so in every pane's header until the applicant starts their own.
        demo = profile is not None and profile.demo
        self.title = DEMO_TITLE if demo else self.TITLE

    def action_new_profile(self) -> None:
        """Start a blank profile (after a yes); the current file is kept aside."""
        if "profile" in self.unsaved:
            self.notify(
                "Save or revert your profile edits first.", severity="warning", markup=False
            )
            return
        own = self.profile is not None and not self.profile.demo
        question = (
            "Start a blank profile? Your current profile is kept aside as a copy."
            if own
            else "Start a blank profile of your own? The demo is kept aside."
        )
        from matchtui.widgets.confirm import Confirm

        def decided(yes: bool | None) -> None:
            if yes:
                self._start_new_profile()

        self.push_screen(Confirm(question, yes="Start blank", no="Cancel"), decided)

    def _start_new_profile(self) -> None:
        from matchtui.errors import FileProblems

        try:
            path, kept = self.workspace.new_profile(self.today, force=True)
            profile = self.workspace.load_profile()
        except (OSError, FileProblems) as exc:
            self.notify(f"Could not start a new profile: {exc}", severity="error", markup=False)
            return
        self.profile = profile
        where = f"; the previous one is kept as {kept.name}" if kept else ""
        self.notify(f"Started a blank {path.name}{where}.", title="New profile", markup=False)
        self.action_show_pane("profile")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for pane in PANES:
            yield SystemCommand(
                f"Go to {pane.title}",
                f"{pane.key.upper()}: {pane.help}",
                lambda pane_id=pane.id: self.action_show_pane(pane_id),
            )
        yield SystemCommand(
            "New profile",
            "Start a blank profile of your own (the current one is kept aside)",
            self.action_new_profile,
        )
        yield SystemCommand(
            "Help for this pane",
            "?: what this pane is for, where its numbers come from, and its keys",
            self.action_show_help,
        )
        yield SystemCommand(
            "Export advisor report",
            "Ctrl+R: write the report (Markdown) into your matchtui folder",
            self.action_export_report,
        )
        yield from super().get_system_commands(screen)


# Preparing the panes' styles at idle: seconds between two panes, and the pause in the keys
# it waits for. Each pane is its own step (30-80 ms), so a key is answered between two; with
# 50 ms between steps the preparation ended 0.95-1.6 s after the first content, and a pane
# opened a second after start-up often met its last steps (and their collection) mid-visit.
# With 5 ms it ends 0.6-0.8 s after, at 0 and at 20,000 programs.
STYLE_STEP = 0.005
STYLE_IDLE = 0.2
# Seconds without keys or clicks before work is done ahead for the panes (MatchApp._warm_data).
WARM_IDLE = 0.5
# Seconds without keys or clicks before freed memory is given back (MatchApp.request_trim).
TRIM_IDLE = 0.5
# After a pane's first build (MatchApp._settle_gc): seconds without keys or clicks before its
# garbage is collected, and the longest the collector stays off from the key that opened it.
GC_IDLE = 0.25
GC_HOLD_MAX = 2.0

# Modules a pane imports on first use rather than at its build, imported with the panes': the
# Applications pane's dialogs (TextArea & co, ~30 ms on the first stage prompt otherwise) and
# the Reality check's view builder (the engine and the models, ~20 ms of its first visit: its
# screen module imports none of them, so a preview can draw it without them).
PRELOAD_ALSO = ("matchtui.widgets.tracker_dialogs", "matchtui.engine.reality_view")


def _preload_panes(
    first_pane: str,
    warm: Callable[[], bool] | None = None,
    imported: Callable[[], None] | None = None,
) -> None:
    """Import the other panes' modules in a background thread once the first pane is on
    screen, so a pane's first visit does not wait for its imports (plotext alone ~17 ms, each
    pane's modules 15-30 ms). Python's import locks make this safe: a visit that needs a module
    still being imported here waits for it; a module that fails here fails again, and is
    reported, on its visit. `imported` is called (in the thread) once they are.

    Then `warm` (the app: `MatchApp._warm_data`) reads and validates the program list into
    memory, so the first of the Mix, Applications and Rank list panes to open finds it ready
    (unpickling 20,000 programs is ~0.1 s of its first visit otherwise), and lets each pane
    work out ahead what its first visit computes from the data; what it made is then frozen
    out of the cyclic GC's sight, as a pane does with a list it reads."""
    import threading

    from matchtui.background import yielding_often

    modules = [pane.module for pane in PANES if pane.id != first_pane]
    modules += PRELOAD_ALSO

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # the visit imports it again and reports the error
                continue
        if imported is not None:
            imported()
        if warm is None:
            return
        try:
            with yielding_often():  # keys pressed meanwhile stay quick
                warmed = warm()
        except Exception:  # the pane's own read reports any problem, naming the file
            return
        if warmed:
            gc.freeze()

    threading.Thread(target=run, name="matchtui-preload", daemon=True).start()


def _freeze_long_lived() -> None:
    """Move what exists now (the data, the models, a pane's widgets) out of the cyclic GC's
    sight: they live as long as the app, and full collections walking them caused pauses of
    100-300 ms on pane switches. Objects made later are collected as usual.

    Until here full collections were rare (`matchtui.startup_gc`); young ones still ran, so
    start-up's garbage is not frozen with the rest."""
    import gc

    from matchtui import steady_gc

    gc.freeze()
    steady_gc()


def run_app(
    workspace: Workspace,
    today: dt.date | None = None,
    *,
    headless: bool = False,
    preview: Preview | None = None,
) -> int:
    """Run the app. An internal error never prints a traceback (which would show local
    variables, the applicant's profile among them): Textual's error console is pointed at a
    buffer, written to matchtui-error.log (0600) in the home folder, and one line is printed.
    `preview`: the first pane being worked out by a child process (`matchtui.preview.start`)."""
    import io
    import sys

    from rich.console import Console

    from matchtui.cli import write_error_text

    app = MatchApp(workspace, today=today, interactive=True, preview=preview)
    captured = io.StringIO()
    app.error_console = Console(file=captured, markup=False, highlight=False, width=100)
    app.run(headless=headless)
    if app.return_code:
        log = write_error_text(workspace.home, captured.getvalue())
        where = f" (details in {log})" if log is not None else ""
        print(f"matchtui: internal error: the app stopped{where}", file=sys.stderr)
        return 1
    return 0
