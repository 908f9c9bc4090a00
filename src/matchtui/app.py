"""The App: six panes as lazily-built modes, shared state, bindings, palette commands."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from matchtui.panes import FIRST_PANE, PANES, PaneSpec
from matchtui.safetext import safe_text
from matchtui.widgets.pane_bar import PaneBar

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    # Imported lazily at run time: pydantic and the models are not needed for the first frame.
    from matchtui.catalog import Catalog
    from matchtui.models.plan import PlanFile
    from matchtui.models.profile import Profile
    from matchtui.workspace import Workspace


def _screen_factory(pane: PaneSpec) -> Callable[[], Screen[Any]]:
    def build() -> Screen[Any]:
        module = importlib.import_module(pane.module)
        screen: Screen[Any] = getattr(module, pane.screen)()
        return screen

    return build


class MatchApp(App[None]):
    """matchtui: the applicant's Match cycle, pane by pane."""

    TITLE = "matchtui"
    SUB_TITLE = "plan your Match cycle"
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
    ]

    # The profile every pane reasons about; a pane that saves sets it, the others watch it.
    profile: reactive[Profile | None] = reactive(None, always_update=True)
    # The saved plan.toml (program mix + plan state); the pane that saves sets it.
    plan: reactive[PlanFile | None] = reactive(None, always_update=True)

    def __init__(
        self,
        workspace: Workspace,
        first_pane: str = FIRST_PANE,
        today: dt.date | None = None,
        interactive: bool = False,
    ) -> None:
        super().__init__()
        # interactive (a real session): draw the shell first and load the data after the first
        # frame, and keep long-lived objects out of the GC's way. Tests load synchronously so
        # every pane is ready as soon as the app is, and leave the GC alone.
        self.interactive = interactive
        self.workspace = workspace
        self.first_pane = first_pane
        # "Today" for anything date-dependent (overdue items, passed dates); tests pin it.
        self.today = today or dt.date.today()
        self.load_errors: dict[str, str] = {}  # file name -> one-line problem shown to the user
        self.unsaved: set[str] = set()  # panes with edits not yet saved
        self._built_panes: set[str] = set()  # panes whose screen exists (switches need no mask)
        self._instant_switch = False

    @property
    def catalog(self) -> Catalog:
        return self.workspace.catalog

    def compose(self) -> ComposeResult:
        # The start-up frame: the shell, shown while the data loads. (A plain Static stands in
        # for the Header here: this screen is left behind as soon as the first pane opens.)
        yield Static(f"{self.TITLE} — {self.SUB_TITLE}", id="startup-title")
        yield PaneBar(self.first_pane)
        yield Static("Loading your profile and the reference data…", id="loading", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.interactive:
            self.call_after_refresh(self._load_and_open)
        else:
            self._load_and_open()

    def _load_and_open(self) -> None:
        from matchtui.errors import FileProblems

        try:
            self.workspace.catalog  # noqa: B018 - load and validate the reference data now
        except FileProblems as exc:
            self.query_one("#loading", Static).update(
                f"The reference data could not be loaded: {exc.summary()}"
            )
            self.notify(exc.summary(), title="Reference data", severity="error", markup=False)
            return
        self.profile = self._load_profile()
        self.plan = self._load_plan()
        self.switch_mode(self.first_pane)
        self._built_panes.add(self.first_pane)
        if self.interactive:
            self.call_after_refresh(_freeze_long_lived)
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

            self.load_errors["profile.toml"] = (
                f"{exc.summary()}. Showing the demo profile; your file was not changed."
            )
            return load_model(demo_profile_path(), Profile)

    def _load_plan(self) -> PlanFile:
        from matchtui.errors import FileProblems

        try:
            return self.workspace.load_plan()
        except FileProblems as exc:
            from matchtui.models.plan import PlanFile

            self.load_errors["plan.toml"] = f"{exc.summary()}. Starting from an empty plan."
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
        # A paste can carry escape sequences, and Input and TextArea would show them raw.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = safe_text(event.text)
        await super().on_event(event)

    # -- actions -------------------------------------------------------------------------
    def action_show_pane(self, pane_id: str) -> None:
        if self.profile is None:  # still loading
            return
        # Each pane is its own screen and keeps its focus: coming back finds you where you were.
        self._instant_switch = pane_id in self._built_panes
        try:
            self.switch_mode(pane_id)
        finally:
            self._instant_switch = False
        if pane_id not in self._built_panes:
            self._built_panes.add(pane_id)
            if self.interactive:
                self.call_after_refresh(_freeze_long_lived)

    def delay_update(self, delay: float = 0.05) -> None:
        # switch_mode holds the screen back for 50 ms to hide a new screen while it mounts. A
        # pane that has been built before has nothing to hide, and the hold was most of the time
        # a switch took (the frame itself renders in under 10 ms).
        if self._instant_switch:
            return
        super().delay_update(delay)

    async def action_quit(self) -> None:
        if not self.unsaved:
            self.exit()
            return
        from matchtui.widgets.confirm import Confirm

        panes = ", ".join(sorted(self.unsaved))

        def decided(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(
            Confirm(f"Unsaved changes in: {panes}. Quit without saving?", yes="Quit", no="Stay"),
            decided,
        )

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for pane in PANES:
            yield SystemCommand(
                f"Go to {pane.title}",
                f"{pane.key.upper()}: {pane.help}",
                lambda pane_id=pane.id: self.action_show_pane(pane_id),
            )
        yield SystemCommand(
            "Export advisor report",
            "Ctrl+R: write the report (Markdown) into your matchtui folder",
            self.action_export_report,
        )
        yield from super().get_system_commands(screen)


def _freeze_long_lived() -> None:
    """Move what exists now (the data, the models, a pane's widgets) out of the cyclic GC's
    sight: they live as long as the app, and full collections walking them caused pauses of
    100-300 ms on pane switches. Objects made later are collected as usual."""
    import gc

    gc.freeze()


def run_app(workspace: Workspace, *, headless: bool = False) -> int:
    """Run the app. An internal error never prints a traceback (which would show local
    variables, the applicant's profile among them): Textual's error console is pointed at a
    buffer, written to matchtui-error.log (0600) in the home folder, and one line is printed."""
    import io
    import sys

    from rich.console import Console

    from matchtui.cli import write_error_text

    app = MatchApp(workspace, interactive=True)
    captured = io.StringIO()
    app.error_console = Console(file=captured, markup=False, highlight=False, width=100)
    app.run(headless=headless)
    if app.return_code:
        log = write_error_text(workspace.home, captured.getvalue())
        where = f" (details in {log})" if log is not None else ""
        print(f"matchtui: internal error: the app stopped{where}", file=sys.stderr)
        return 1
    return 0
