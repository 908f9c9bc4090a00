"""The help screen (`?`): what the pane is for, where its numbers come from, and its keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.screen import Screen

    from matchtui.panes import PaneSpec

KeyRow = tuple[str, str]  # (key as shown, what it does)

# Textual's own bindings, in words for someone who has never used a terminal app.
FRIENDLY = {
    "app.focus_next": "Move to the next field, table or panel",
    "app.focus_previous": "Move to the previous field, table or panel",
    "focus_next": "Move to the next field, table or panel",
    "focus_previous": "Move to the previous field, table or panel",
}


def key_rows(screen: Screen[object]) -> tuple[list[KeyRow], list[KeyRow], list[KeyRow]]:
    """The keys active on `screen`, in three groups: the pane's own, the focused field's, and
    the ones that work everywhere. Read from the live bindings, so the help never drifts."""
    app = screen.app
    own: list[KeyRow] = []
    field: list[KeyRow] = []
    everywhere: list[KeyRow] = []
    seen: set[tuple[str, str]] = set()
    declared = {getattr(b, "action", None) for b in type(screen).__dict__.get("BINDINGS", ())}
    for node, binding, _enabled, tooltip in screen.active_bindings.values():
        description = FRIENDLY.get(binding.action) or tooltip or binding.tooltip
        description = description or binding.description
        if not description or binding.key.startswith("super+"):
            continue
        row = (_key_name(app.get_key_display(binding)), description)
        if row in seen:
            continue
        seen.add(row)
        if node is screen and binding.action in declared:
            own.append(row)
        elif node is screen or node is app:
            everywhere.append(row)
        else:
            field.append(row)
    return own, field, everywhere


class HelpScreen(ModalScreen[None]):
    """One pane's help. Escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-title {
        text-style: bold;
        color: $text;
        width: 100%;
    }
    HelpScreen #help-body {
        height: auto;
        max-height: 100%;
    }
    HelpScreen .help-heading {
        text-style: bold;
        color: $text;
        margin-top: 1;
    }
    HelpScreen .help-text {
        color: $text;
    }
    HelpScreen #help-close {
        color: $text-muted;
        margin-top: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(self, pane: PaneSpec, screen: Screen[object]) -> None:
        super().__init__()
        self.pane = pane
        self.own, self.field, self.everywhere = key_rows(screen)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Help: {self.pane.title}", id="help-title", markup=False)
            with VerticalScroll(id="help-body", can_focus=True):
                yield Static("What this pane is for", classes="help-heading", markup=False)
                yield Static(
                    self.pane.about or self.pane.help,
                    id="help-about",
                    classes="help-text",
                    markup=False,
                )
                yield Static("Where the numbers come from", classes="help-heading", markup=False)
                yield Static(
                    self.pane.numbers or "From the reference data shipped with matchtui.",
                    id="help-numbers",
                    classes="help-text",
                    markup=False,
                )
                for heading, rows, section in (
                    ("Keys on this pane", self.own, "help-keys-pane"),
                    ("Keys for the focused field", self.field, "help-keys-field"),
                    ("Keys everywhere", self.everywhere, "help-keys-global"),
                ):
                    if rows:
                        yield Static(heading, classes="help-heading", markup=False)
                        yield Static(_table(rows), id=section, classes="help-text", markup=False)
                yield Static(
                    "Escape closes this help (and any dialog or panel). ctrl+p opens the "
                    "palette: every command, searchable by name.",
                    id="help-close",
                    markup=False,
                )

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _table(rows: list[KeyRow]) -> str:
    width = max(len(key) for key, _ in rows)
    return "\n".join(f"{key.ljust(width)}  {text}" for key, text in rows)


def _key_name(shown: str) -> str:
    """Spell keys out for someone new to terminals: "^q" is "ctrl+q"."""
    if shown.startswith("^") and len(shown) > 1:
        return "ctrl+" + shown[1:]
    return shown
