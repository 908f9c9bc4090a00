"""Feedback on one answer: the score and fixes, the checks (each with its rule and the quoted
sentences), and the answer itself with those sentences highlighted. User text is only ever put
into rich Text objects, never parsed as markup."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from matchtui.models.practice import CheckResult, Feedback
from matchtui.widgets.alike_lines import draw_same_lines
from matchtui.widgets.practice_timer import clock_text

BADGES = {"pass": " PASS ", "warn": " WARN ", "fail": " FAIL ", "n/a": " n/a  "}
SEVERITY = {"fail": 3, "warn": 2, "pass": 1, "n/a": 0}


def _style(widget: Widget, name: str) -> Style:
    return widget.get_component_rich_style(name, partial=True, default=Style())


def highlighted_answer(
    text: str, feedback: Feedback | None, styles: dict[str, Style], focus: str | None = None
) -> Text:
    """The answer as Text with each check's evidence sentences styled by that check's status
    (the worst status wins where sentences are shared); with `focus`, only that check's."""
    out = Text(text)
    if feedback is None:
        return out
    marks: dict[tuple[int, int], str] = {}
    for check in feedback.checks:
        if focus is not None and check.id != focus:
            continue
        for span in check.spans:
            key = (span.start, span.end)
            held = marks.get(key)
            if held is None or SEVERITY[check.status] > SEVERITY[held]:
                marks[key] = check.status
    for (start, end), status in sorted(marks.items()):
        name = "focus" if focus is not None else status
        style = styles.get(name)
        if style is not None and 0 <= start < end <= len(text):
            out.stylize(style, start, end)
    return out


class AnswerReview(Static):
    """A read-only copy of an answer with the evidence sentences highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "review--fail",
        "review--warn",
        "review--pass",
        "review--focus",
    }
    DEFAULT_CSS = """
    AnswerReview {
        height: auto;
        padding: 0 1;
    }
    AnswerReview > .review--fail {
        background: $error 30%;
        text-style: underline;
    }
    AnswerReview > .review--warn {
        background: $warning 25%;
    }
    AnswerReview > .review--pass {
        background: $success 20%;
    }
    AnswerReview > .review--focus {
        background: $accent 45%;
        text-style: bold;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self.text_shown = ""
        self.feedback: Feedback | None = None
        self.focus_check: str | None = None

    def show(self, text: str, feedback: Feedback | None = None, focus: str | None = None) -> None:
        self.text_shown, self.feedback, self.focus_check = text, feedback, focus
        self._render_answer()

    def set_focus_check(self, check_id: str | None) -> None:
        if check_id != self.focus_check:
            self.focus_check = check_id
            self._render_answer()

    def _render_answer(self) -> None:
        styles = {
            name: _style(self, f"review--{name}") for name in ("fail", "warn", "pass", "focus")
        }
        self.update(highlighted_answer(self.text_shown, self.feedback, styles, self.focus_check))


def check_prompt(check: CheckResult, styles: dict[str, Style], width_hint: int = 0) -> Text:
    """One check as a list entry: badge, name and verdict, the rule, the quoted sentences."""
    text = Text()
    text.append(BADGES[check.status], style=styles.get(check.status, Style()))
    text.append(" ")
    text.append(check.name, style="bold")
    text.append(f"  {check.detail}")
    text.append("\n")
    text.append(f"Rule: {check.rule}", style=styles.get("rule", Style()))
    for quote in check.evidence:
        text.append("\n")
        text.append("“", style=styles.get("quote", Style()))
        text.append(quote, style=styles.get("quote", Style()))
        text.append("”", style=styles.get("quote", Style()))
    return text


class CheckList(OptionList):
    """The list of checks, which also holds the feedback's looks (the badges, a rule, a quote:
    its component classes, in screens/practice.tcss). It is made with the first feedback, so
    a first visit, which shows none, does not style them: each component class is one more
    pass of the stylesheet over the widget that declares it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback--pass",
        "feedback--warn",
        "feedback--fail",
        "feedback--na",
        "feedback--rule",
        "feedback--quote",
    }


class FeedbackPanel(Vertical):
    """Score, the one or two fixes that matter most, and every check."""

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
    }
    """

    class CheckFocused(Message):
        """The applicant moved to a check in the list (None: back to all)."""

        def __init__(self, check_id: str | None) -> None:
            super().__init__()
            self.check_id = check_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.feedback: Feedback | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="fb-score", markup=False)
        yield Static(id="fb-fixes", markup=False)
        # The list of checks (#fb-checks) is hidden until there is feedback: it is made then
        # (`_checks`), so the pane's first visit builds and styles two widgets fewer.

    def _checks(self, make: bool = False) -> CheckList | None:
        """The list of checks; with `make`, mounted (last, hidden by `clear`) if not yet."""
        found = self.query("#fb-checks")
        if found:
            return found.first(CheckList)
        if not make:
            return None
        checks = CheckList(id="fb-checks", compact=True)
        self.mount(checks)  # styled now, with the looks `_styles` reads
        return checks

    def render_lines(self, crop: Region) -> list[Strip]:
        return draw_same_lines(self, crop, super().render_lines)

    def on_mount(self) -> None:
        self.clear("Submit an answer (ctrl+s) to see how it reads.")

    def _styles(self) -> dict[str, Style]:
        """The feedback's looks, from the list of checks (made now if not yet)."""
        checks = self._checks(make=True)
        assert checks is not None
        return {
            "pass": _style(checks, "feedback--pass"),
            "warn": _style(checks, "feedback--warn"),
            "fail": _style(checks, "feedback--fail"),
            "n/a": _style(checks, "feedback--na"),
            "rule": _style(checks, "feedback--rule"),
            "quote": _style(checks, "feedback--quote"),
        }

    def clear(self, message: str) -> None:
        self.feedback = None
        self.query_one("#fb-score", Static).update(Text("Feedback", style="bold"))
        self.query_one("#fb-fixes", Static).update(message)
        checks = self._checks()
        if checks is not None:
            checks.clear_options()
            checks.display = False

    def show(self, feedback: Feedback, heading: str = "") -> None:
        self.feedback = feedback
        styles = self._styles()
        low, high = feedback.target_seconds
        score = Text()
        score.append(f"Score {feedback.score}/100", style="bold")
        if heading:
            score.append(f"  {heading}")
        score.append(
            f"\n{feedback.words_text()} ≈ {feedback.spoken_text()} s spoken (target {low}-{high} s)"
        )
        if feedback.seconds is not None:
            score.append(f" · took {clock_text(feedback.seconds)}")
        if feedback.assumptions:
            score.append(
                f"\nAn estimate. Assumed by matchtui: {', '.join(feedback.assumptions)}.",
                style=styles["rule"],
            )
        self.query_one("#fb-score", Static).update(score)
        fixes = Text()
        if feedback.top_fixes:
            fixes.append("Fix first", style="bold")
            for number, fix in enumerate(feedback.top_fixes, 1):
                fixes.append(f"\n{number}. {fix.text}")
        else:
            fixes.append("Nothing to fix first: every check passed.", style="bold")
        self.query_one("#fb-fixes", Static).update(fixes)
        checks = self._checks(make=True)
        assert checks is not None
        checks.display = True
        # Failures first, then warnings, passes and n/a; the data's order within each.
        ordered = sorted(feedback.checks, key=lambda check: -SEVERITY[check.status])
        checks.set_options([Option(check_prompt(check, styles), id=check.id) for check in ordered])
        checks.highlighted = None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "fb-checks":
            event.stop()
            self.post_message(self.CheckFocused(event.option.id))

    def on_descendant_blur(self) -> None:
        checks = self._checks()
        if checks is None or not checks.has_focus:
            self.post_message(self.CheckFocused(None))
