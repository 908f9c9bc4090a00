"""What a pane does when a save finds the file changed on disk since it was read.

`guarded_save` runs a save through the Workspace; on a Conflict it asks, in a small dialog,
whether to reload the other version, keep mine (the other version is kept as a dated copy) or,
where that is exact, merge both. Any other failure (a full disk, a symbolic link, a file too
large) becomes one notification naming the file: a save never crashes the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from matchtui.errors import Conflict, FileProblems
from matchtui.safetext import one_line

if TYPE_CHECKING:
    from matchtui.models.programs import ProgramList
    from matchtui.store import Saved

Choice = Literal["reload", "keep", "merge", "cancel"]
How = Literal["normal", "keep", "merge"]
T = TypeVar("T")


class ConflictDialog(ModalScreen[str]):
    """Reload / Keep mine / Merge (when exact) / Cancel for one changed file."""

    DEFAULT_CSS = """
    ConflictDialog {
        align: center middle;
    }
    ConflictDialog > Vertical {
        width: 72;
        max-width: 95%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    ConflictDialog #conflict-text {
        width: 100%;
        margin-bottom: 1;
    }
    ConflictDialog Horizontal {
        height: auto;
        align: right middle;
    }
    ConflictDialog Button {
        margin-left: 1;
    }
    """
    BINDINGS = [Binding("escape", "choose('cancel')", "Cancel")]

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        name = self.conflict.path.name
        text = (
            f"{name} was changed by another program since matchtui read it "
            f"({self.conflict.changed}). Nothing has been saved yet.\n\n"
            "Reload: show the other version and drop your change here.\n"
            "Keep mine: save yours; the other version is kept beside it as a dated copy."
        )
        if self.conflict.mergeable:
            text += "\nMerge: keep both (the other version only added records)."
        with Vertical():
            yield Static(one_line_paragraphs(text), id="conflict-text", markup=False)
            with Horizontal():
                yield Button("Cancel", id="conflict-cancel")
                yield Button("Reload", id="conflict-reload")
                yield Button("Keep mine", id="conflict-keep", variant="warning")
                if self.conflict.mergeable:
                    yield Button("Merge", id="conflict-merge", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#conflict-cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "conflict-cancel").removeprefix("conflict-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def one_line_paragraphs(text: str) -> str:
    """Each line of `text` made printable (file names can carry control characters)."""
    return "\n".join(one_line(line) for line in text.split("\n"))


def guarded_save(
    screen: Screen[Any],
    save: Callable[[How], T],
    *,
    saved: Callable[[T], None],
    reload: Callable[[], None],
    what: str,
    cancelled: Callable[[], None] | None = None,
) -> bool:
    """Run `save("normal")`; on success call `saved(result)` and return True.

    On a Conflict, show the dialog and return False; the choice then runs `reload()`,
    `save("keep")` or `save("merge")` (then `saved`), or `cancelled()` (when given) for Cancel.
    Other failures notify, naming the file.
    """
    try:
        result = save("normal")
    except Conflict as conflict:

        def decided(choice: str | None) -> None:
            if choice == "reload":
                reload()
            elif choice in ("keep", "merge"):
                _finish(screen, save, "keep" if choice == "keep" else "merge", saved, what)
            elif cancelled is not None:
                cancelled()

        screen.app.push_screen(ConflictDialog(conflict), decided)
        return False
    except (FileProblems, OSError) as exc:
        save_failed(screen, exc, what)
        return False
    saved(result)
    return True


def guarded_programs_save(
    screen: Screen[Any],
    programs: ProgramList,
    *,
    saved: Callable[[Saved[ProgramList]], None],
    reload: Callable[[], None],
) -> bool:
    """`guarded_save` of the program list, where Merge keeps the records another writer added
    (a CLI import, another window) along with ours."""
    workspace = screen.app.workspace  # type: ignore[attr-defined]
    return guarded_save(
        screen,
        lambda how: workspace.save_programs(
            programs, merge=how == "merge", keep_mine=how == "keep"
        ),
        saved=saved,
        reload=reload,
        what="programs.toml",
    )


def _finish(
    screen: Screen[Any],
    save: Callable[[How], T],
    how: How,
    saved: Callable[[T], None],
    what: str,
) -> None:
    try:
        result = save(how)
    except (Conflict, FileProblems, OSError) as exc:
        save_failed(screen, exc, what)
        return
    saved(result)


def save_failed(screen: Screen[Any], exc: Exception, what: str) -> None:
    """Notify that saving `what` failed, with the reason (a save made in a worker thread
    reports here, on the UI thread, as `guarded_save` does)."""
    if isinstance(exc, Conflict | FileProblems):
        message = exc.summary()
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
    else:  # pragma: no cover - only the three kinds above reach here
        message = str(exc)
    screen.notify(f"Could not save {what}: {message}", severity="error", markup=False)


def reload_plan(screen: Screen[Any]) -> None:
    """After "Reload": the plan as it is on disk now, published to every pane."""
    _reload(screen, "plan")


def reload_profile(screen: Screen[Any]) -> None:
    """After "Reload": the profile as it is on disk now, published to every pane."""
    _reload(screen, "profile")


def _reload(screen: Screen[Any], what: Literal["plan", "profile"]) -> None:
    """Read `what` (the app's attribute, the Workspace's `reload_<what>`) again from disk and
    set it on the app, whose watchers redraw the panes."""
    app = screen.app
    try:
        value = getattr(app.workspace, f"reload_{what}")()  # type: ignore[attr-defined]
    except FileProblems as exc:
        screen.notify(exc.summary(), severity="error", markup=False)
        return
    setattr(app, what, value)
    screen.notify(f"Reloaded {what}.toml as it is on disk.", markup=False)
