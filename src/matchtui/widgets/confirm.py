"""A small yes/no dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class Confirm(ModalScreen[bool]):
    DEFAULT_CSS = """
    Confirm {
        align: center middle;
    }
    Confirm > Vertical {
        width: 60;
        max-width: 90%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    Confirm #question {
        width: 100%;
        margin-bottom: 1;
    }
    Confirm Horizontal {
        height: auto;
        align: right middle;
    }
    Confirm Button {
        margin-left: 2;
    }
    """
    BINDINGS = [Binding("escape", "answer(False)", "Cancel"), Binding("y", "answer(True)", "Yes")]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes_label, self.no_label = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            with Horizontal():
                yield Button(self.no_label, id="no")
                yield Button(self.yes_label, id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ModalScreen[str]):
    """Asked on quit with unsaved edits: "save" (save, then quit), "stay" or "quit"."""

    DEFAULT_CSS = """
    QuitDialog {
        align: center middle;
    }
    QuitDialog > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    QuitDialog #question {
        width: 100%;
        margin-bottom: 1;
    }
    QuitDialog Horizontal {
        height: auto;
        align: right middle;
    }
    QuitDialog Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "answer('stay')", "Stay"),
        Binding("s", "answer('save')", "Save and quit"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            with Horizontal():
                yield Button("Save and quit", id="save", variant="primary")
                yield Button("Stay", id="stay")
                yield Button("Quit", id="quit", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
