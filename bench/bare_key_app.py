"""Baseline for key-to-screen benchmarks: a bare Textual app whose key press changes a text."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareKeyApp(App[None]):
    BINDINGS = [("x", "bump", "Bump")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("pressed 0", id="count")
        yield Footer()

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#count", Static).update(f"pressed {self.count}")


if __name__ == "__main__":
    BareKeyApp().run()
