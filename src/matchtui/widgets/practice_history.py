"""History for one question: attempts, best, average, last, a trend line and the attempt list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from matchtui.models.practice import Attempt, QuestionProgress
from matchtui.widgets.practice_timer import clock_text


def attempt_label(number: int, attempt: Attempt, marked: bool = False) -> Text:
    text = Text()
    text.append("● " if marked else "  ", style="bold")
    text.append(f"#{number} ", style="bold")
    text.append(attempt.time.strftime("%Y-%m-%d %H:%M"))
    text.append(f"  {attempt.score:>3}/100", style="bold")
    if attempt.seconds is not None:
        text.append(f"  {clock_text(attempt.seconds)}")
    if attempt.mode == "rehearse":
        text.append("  rehearse", style="italic")
    return text


class HistoryPanel(Vertical):
    """The saved attempts at the current question."""

    DEFAULT_CSS = """
    HistoryPanel {
        height: auto;
    }
    HistoryPanel #hist-trend {
        height: 2;
        margin: 0 0 0 0;
    }
    HistoryPanel #hist-attempts {
        height: auto;
        max-height: 8;
    }
    """

    class AttemptChosen(Message):
        """An attempt was opened (Enter or click): its index in the practice log."""

        def __init__(self, log_index: int) -> None:
            super().__init__()
            self.log_index = log_index

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.log_indexes: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(id="hist-stats", markup=False)
        # The trend and the list of attempts are hidden until the question has attempts: they
        # are made then (`_parts`), so the pane's first visit builds and styles them only if
        # it shows them.

    def _parts(self, make: bool) -> tuple[Sparkline, OptionList] | None:
        """The trend and the attempts' list; with `make`, mounted (last) if not yet."""
        found = self.query("#hist-attempts")
        if found:
            return self.query_one("#hist-trend", Sparkline), found.first(OptionList)
        if not make:
            return None
        parts = Sparkline([], id="hist-trend"), OptionList(id="hist-attempts", compact=True)
        self.mount_all(parts)
        return parts

    def show(
        self,
        attempts: list[tuple[int, Attempt]],
        summary: QuestionProgress | None,
        marked: set[int],
    ) -> None:
        """`attempts`: (index in the log, attempt) for this question, oldest first."""
        stats = self.query_one("#hist-stats", Static)
        # The title and the figures are one Static (a widget fewer to build): the title in
        # bold as a span, so the figures after it are not.
        title = Text.assemble(("History", "bold"))
        self.log_indexes = [index for index, _ in attempts]
        if summary is None or not attempts:
            stats.update(title + Text("\nNo attempts yet. Every submitted answer is kept here."))
            shown = self._parts(make=False)
            if shown is not None:
                trend, options = shown
                trend.display = False
                options.clear_options()
                options.display = False
            return
        made = self._parts(make=True)
        assert made is not None
        trend, options = made
        stats.update(
            title
            + "\n"
            + f"{summary.attempts} attempt{'s' if summary.attempts != 1 else ''} · best "
            f"{summary.best} · average {summary.average:.0f} · last {summary.last}"
            + ("\nTrend, oldest to latest:" if len(summary.trend) > 1 else "")
        )
        trend.data = [float(score) for score in summary.trend]
        trend.display = len(summary.trend) > 1
        options.display = True
        options.set_options(
            [
                Option(attempt_label(number, attempt, index in marked), id=f"attempt-{index}")
                for number, (index, attempt) in reversed(list(enumerate(attempts, 1)))
            ]
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "hist-attempts" and event.option.id:
            event.stop()
            self.post_message(self.AttemptChosen(int(event.option.id.removeprefix("attempt-"))))
