"""The practice timer: starts on the first keystroke, never stops the applicant, nudges past
the target band. Time comes from an injected clock so tests can pin it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from matchtui.engine.wording import plural


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class PracticeTimer(Static):
    """Elapsed time since the first keystroke, the live spoken-time estimate and the band."""

    DEFAULT_CSS = """
    PracticeTimer {
        height: auto;
        color: $text;
    }
    PracticeTimer.-over {
        color: $warning;
    }
    PracticeTimer.-stopped {
        color: $text-muted;
    }
    """

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        band: tuple[int, int] = (45, 90),
        words_per_minute: int = 140,
        **kwargs: Any,
    ) -> None:
        super().__init__("", markup=False, **kwargs)
        self._clock = clock
        self.band = band
        self.words_per_minute = words_per_minute
        self.started_at: float | None = None
        self.stopped_after: float | None = None
        self.words = 0
        # Words the feedback leaves out of the speaking time (keyword strings, repeats), as
        # last counted (`set_counted`); words typed since are taken to count until the next.
        self.left_out = 0
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        self.refresh_text()

    # -- state ------------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.stopped_after is None

    @property
    def elapsed(self) -> float:
        if self.started_at is None:
            return 0.0
        if self.stopped_after is not None:
            return self.stopped_after
        return max(0.0, self._clock() - self.started_at)

    def start(self) -> None:
        """Start counting (once; later calls do nothing until reset)."""
        if self.started_at is not None:
            return
        self.started_at = self._clock()
        self.stopped_after = None
        self._ticker = self.set_interval(1.0, self.tick)
        self.refresh_text()

    def stop(self) -> float | None:
        """Freeze the count; returns the seconds taken (None when it never started)."""
        if self.started_at is None:
            return None
        if self.stopped_after is None:
            self.stopped_after = round(self.elapsed, 1)
        self._cancel()
        self.refresh_text()
        return self.stopped_after

    def reset(
        self, band: tuple[int, int] | None = None, words_per_minute: int | None = None
    ) -> None:
        """Back to "not started" (for a new attempt or another question)."""
        self._cancel()
        self.started_at = None
        self.stopped_after = None
        self.words = 0
        self.left_out = 0
        if band is not None:
            self.band = band
        if words_per_minute is not None:
            self.words_per_minute = words_per_minute
        self.refresh_text()

    @property
    def counted(self) -> int:
        """The words counted towards the speaking time, as the feedback counts them."""
        return max(0, self.words - self.left_out)

    def set_words(self, words: int) -> None:
        """The answer's word count, on every keystroke (cheap): the words left out stay as last
        counted, never more than the words there are."""
        self._show_words(words, min(self.left_out, words))

    def set_counted(self, words: int, counted: int) -> None:
        """The count the feedback will give (`spoken_words`), once typing pauses."""
        self._show_words(words, max(0, words - counted))

    def _show_words(self, words: int, left_out: int) -> None:
        if words != self.words or left_out != self.left_out:
            self.words, self.left_out = words, left_out
            self.refresh_text()

    def tick(self) -> None:
        self.refresh_text()

    def _cancel(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    # -- display ----------------------------------------------------------------------------
    def refresh_text(self) -> None:
        low, high = self.band
        elapsed = self.elapsed
        spoken = self.counted * 60.0 / self.words_per_minute
        over = self.started and (elapsed > high or spoken > high)
        self.set_class(bool(over) and self.running, "-over")
        self.set_class(self.started and not self.running, "-stopped")
        text = Text()
        text.append("Time ", style="bold")
        text.append(clock_text(elapsed), style="bold")
        if not self.started:
            text.append("  starts with your first keystroke")
        elif not self.running:
            text.append("  (stopped)")
        text.append(f"  ·  target {low}-{high} s spoken")
        if self.words:
            text.append(f"  ·  {plural(self.words, 'word')}")
            if self.left_out:
                text.append(f" ({self.counted} counted)")
            text.append(f" ≈ {spoken:.0f} s")
        if over and self.running:
            text.append(f"\nPast {high} s: time to land it. Keep going if you need to.")
        self.update(text)
