"""Two attempts at one question side by side: score, time, each check's status, the text."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from matchtui.models.practice import Attempt
from matchtui.widgets.practice_timer import clock_text

STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2}


def attempt_column(
    number: int, attempt: Attempt, names: dict[str, str], styles: dict[str, Style] | None = None
) -> Text:
    text = Text()
    text.append(f"Attempt #{number}", style="bold")
    text.append(f"  {attempt.time.strftime('%Y-%m-%d %H:%M')}")
    if attempt.mode == "rehearse":
        text.append("  (rehearse)", style="italic")
    text.append(f"\nScore {attempt.score}/100", style="bold")
    text.append(f" · {attempt.words} words")
    if attempt.seconds is not None:
        text.append(f" · took {clock_text(attempt.seconds)}")
    text.append("\n")
    for check in attempt.checks:
        text.append(f"\n{check.status.upper():>4} ", style=(styles or {}).get(check.status, ""))
        text.append(names.get(check.id, check.id))
    text.append("\n\n")
    text.append(attempt.text)
    return text


def comparison_line(older: Attempt, newer: Attempt, names: dict[str, str]) -> str:
    before = {c.id: c.status for c in older.checks}
    better, worse = [], []
    for check in newer.checks:
        if check.status not in STATUS_ORDER or before.get(check.id) not in STATUS_ORDER:
            continue  # new, gone, or n/a on either side: not a change in quality
        change = STATUS_ORDER[check.status] - STATUS_ORDER[before[check.id]]
        if change > 0:
            better.append(names.get(check.id, check.id))
        elif change < 0:
            worse.append(names.get(check.id, check.id))
    delta = newer.score - older.score
    parts = [f"Score {older.score} → {newer.score} ({delta:+d})"]
    if better:
        parts.append(f"better: {', '.join(better)}")
    if worse:
        parts.append(f"worse: {', '.join(worse)}")
    return " · ".join(parts)


class CompareScreen(ModalScreen[None]):
    """Older attempt on the left, newer on the right. Escape closes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare--pass",
        "compare--warn",
        "compare--fail",
        "compare--na",
    }

    DEFAULT_CSS = """
    CompareScreen {
        align: center middle;
    }
    CompareScreen > Vertical {
        width: 96%;
        height: 94%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    CompareScreen #compare-title {
        text-style: bold;
        height: auto;
    }
    CompareScreen #compare-delta {
        height: auto;
        color: $text-muted;
        margin-bottom: 1;
    }
    CompareScreen Horizontal {
        height: 1fr;
    }
    CompareScreen VerticalScroll {
        width: 1fr;
        padding: 0 1;
        border-right: vkey $panel;
    }
    CompareScreen > .compare--pass {
        color: $success;
        text-style: bold;
    }
    CompareScreen > .compare--warn {
        color: $warning;
        text-style: bold;
    }
    CompareScreen > .compare--fail {
        color: $error;
        text-style: bold;
    }
    CompareScreen > .compare--na {
        color: $text-muted;
    }
    CompareScreen #compare-close {
        dock: bottom;
        width: auto;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(
        self,
        prompt: str,
        left: tuple[int, Attempt],
        right: tuple[int, Attempt],
        names: dict[str, str],
    ) -> None:
        super().__init__()
        self.prompt, self.left, self.right, self.names = prompt, left, right, names

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Two attempts: {self.prompt}"), id="compare-title")
            yield Static(
                comparison_line(self.left[1], self.right[1], self.names),
                id="compare-delta",
                markup=False,
            )
            with Horizontal():
                with VerticalScroll(id="compare-left"):
                    yield Static(id="compare-left-text", markup=False)
                with VerticalScroll(id="compare-right"):
                    yield Static(id="compare-right-text", markup=False)
            yield Button("Close (Esc)", id="compare-close", compact=True)

    def on_mount(self) -> None:
        styles = {
            status: self.get_component_rich_style(f"compare--{name}", partial=True)
            for status, name in (
                ("pass", "pass"),
                ("warn", "warn"),
                ("fail", "fail"),
                ("n/a", "na"),
            )
        }
        self.query_one("#compare-left-text", Static).update(
            attempt_column(*self.left, self.names, styles)
        )
        self.query_one("#compare-right-text", Static).update(
            attempt_column(*self.right, self.names, styles)
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
