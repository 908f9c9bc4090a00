"""Text for the Applications pane's Today, Yields and Costs views (from engine.tracker results).

Program names are user text: they go into rich Text as plain strings, never as markup.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from matchtui.engine.tracker import (
    PASSED_ADVICE,
    TOO_LATE,
    Ledger,
    TodayView,
    Yield,
    Yields,
    deadline_words,
    time_to_answer,
)
from matchtui.engine.wording import plural
from matchtui.errors import FileProblems
from matchtui.models.mix import TIER_LABELS
from matchtui.models.programs import SIGNAL_LABELS, STAGE_LABELS, Program
from matchtui.safetext import one_line

BAR_WIDTH = 24


def _title(text: Text, title: str) -> None:
    if text.plain:
        text.append("\n")
    text.append(title + "\n", style="bold")


def today_text(view: TodayView, alert: Style) -> Text:
    """`alert` colours what needs acting on now (the pane passes its theme's error colour)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if view.season_over is not None:
        _title(text, "The season is over")
        text.append(_wrapped(view.season_over.text()).rstrip("\n"))
        return text
    _title(text, f"Invitations waiting for an answer ({len(view.waiting)})")
    if not view.waiting:
        text.append("  none\n", style="dim")
    for w in view.waiting:
        left = time_to_answer(w.hours_left)
        style: Style | str = "dim" if w.hours_left is None else (alert if w.hours_left < 24 else "")
        text.append(f"  {left:>18}  ", style=style)
        by = w.respond_by.isoformat() if w.respond_by else ""
        text.append(f"{by:<10}  {w.name}\n")
    _title(text, f"Interviews in the next 14 days ({len(view.upcoming)})")
    if not view.upcoming:
        text.append("  none\n", style="dim")
    for u in view.upcoming:
        when = "today" if u.days == 0 else "tomorrow" if u.days == 1 else f"in {u.days} days"
        how = {"virtual": "virtual", "in_person": "in person"}.get(u.format or "", "")
        text.append(f"  {u.on.isoformat()}  {when:<11} {how:<9}  {u.name}")
        text.append(" (after the rank list deadline)\n" if u.late else "\n", style=alert)
    if view.too_late and view.season is not None:  # a warning, shown only when there are some
        _title(text, f"Interviews after the rank list deadline ({len(view.too_late)})")
        for late in view.too_late:
            text.append(f"  {late.on.isoformat()}  ", style=alert)
            text.append(f"{late.name}\n")
        deadline = deadline_words(view.season)
        text.append(
            _wrapped(f"Each comes after {deadline}. {TOO_LATE} Ask for an earlier day."),
            style="dim",
        )
    if view.passed:  # only when there are some: a reminder, not a standing heading
        _title(text, f"Interview dates gone by, not recorded ({len(view.passed)})")
        for gone in view.passed:
            text.append(f"  {gone.on.isoformat()}  ", style=alert)
            text.append(f"{plural(gone.days_ago, 'day') + ' ago':<12}  {gone.name}\n")
        text.append(
            _wrapped(f"For each: {PASSED_ADVICE} (keys v, s or w on the list)."), style="dim"
        )
    _title(text, f"Clashes: two interviews on one day ({len(view.clashes)})")
    if not view.clashes:
        text.append("  none\n", style="dim")
    for c in view.clashes:
        text.append(f"  {c.on.isoformat()}  ", style=alert)
        text.append(" + ".join(c.names) + "\n")
    _title(text, f"Thank-you notes not sent yet ({len(view.thank_you_due)})")
    if not view.thank_you_due:
        text.append("  none\n", style="dim")
    for _, name, on in view.thank_you_due:
        text.append(f"  interviewed {on.isoformat() if on else '?':<10}  {name}\n")
    if view.set_aside is not None:
        _title(text, f"From an earlier Match ({len(view.set_aside.names)})")
        text.append(_wrapped(view.set_aside.text()), style="dim")
    text.rstrip()
    return text


LABEL_WIDTH = 18  # "East North Central", the longest census division's name


def _bar_rows(text: Text, rows: Mapping[str, Yield], labels: Mapping[str, str]) -> None:
    shown = [(key, y) for key, y in rows.items() if y.applied]
    if not shown:
        text.append("  no applications yet\n", style="dim")
        return
    for key, y in shown:
        rate = y.rate or 0.0
        filled = round(rate * BAR_WIDTH)
        label = labels.get(key, key or "?")[:LABEL_WIDTH]
        text.append(f"  {label:<{LABEL_WIDTH}} ")
        text.append("█" * filled, style="green")
        text.append("░" * (BAR_WIDTH - filled), style="dim")
        text.append(f"  {y.invited:>4} of {y.applied:<4} {y.rate_text:>4}\n")


def yields_text(
    got: Yields, region_names: Mapping[str, str], division_names: Mapping[str, str]
) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    _title(text, "Invitations per application (invited of applied)")
    _bar_rows(text, {"all": got.overall}, {"all": "All programs"})
    _title(text, "By signal")
    _bar_rows(text, got.by_signal, SIGNAL_LABELS)
    _title(text, "Target region against the rest")
    target = region_names.get(got.target_region, got.target_region)
    _bar_rows(
        text,
        {"in": got.in_target, "out": got.outside_target},
        {"in": f"In {target}", "out": "Elsewhere"},
    )
    _title(text, "By tier")
    _bar_rows(text, got.by_tier, TIER_LABELS)
    _title(text, "By region")
    _bar_rows(text, got.by_region, region_names)
    if got.by_division:
        _title(text, "By census division")
        _bar_rows(text, got.by_division, division_names)
    text.rstrip()
    return text


KIND_LABELS = {
    "eras": "ERAS fees",
    "nrmp": "NRMP fees",
    "travel": "Travel",
    "lodging": "Lodging",
    "other": "Other",
}
MAX_LEDGER_LINES = 200


def costs_text(book: Ledger) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    _title(text, "Season costs")
    text.append(f"  ERAS schedule: {book.schedule}\n", style="dim")
    for kind, usd in book.by_kind().items():
        text.append(f"  {KIND_LABELS.get(kind, kind):<12} {usd:>11,.2f}\n")
    text.append(f"  {'Total':<12} {book.total:>11,.2f}\n", style="bold")
    _title(text, "By month")
    months = book.by_month()
    if not months:
        text.append("  nothing yet\n", style="dim")
    for month, usd in months.items():
        text.append(f"  {month:<12} {usd:>11,.2f}\n")
    _title(text, "Ledger")
    for line in book.lines[:MAX_LEDGER_LINES]:
        text.append(f"  {line.month:<8} {KIND_LABELS.get(line.kind, line.kind):<10}")
        text.append(f" {line.usd:>9,.2f}  {line.label}\n")
    if len(book.lines) > MAX_LEDGER_LINES:
        more = len(book.lines) - MAX_LEDGER_LINES
        text.append(f"  … {more} more (matchtui programs summary --json has the totals)\n")
    # Sentences wrapped to fit an 80-column terminal (the view draws one line per row).
    for note in book.notes:
        text.append(_wrapped(note), style="italic")
    text.append(
        _wrapped(
            "Fees come from fees.toml (ERAS per specialty, NRMP registration and rank codes); "
            "travel, lodging and other are your own entries (Enter on a program)."
        ).rstrip("\n"),
        style="dim",
    )
    return text


NOTE_WIDTH = 72  # an 80-column terminal's pane, less its padding and scroll bar


def _wrapped(sentence: str) -> str:
    lines = textwrap.wrap(sentence, NOTE_WIDTH, initial_indent="  ", subsequent_indent="  ")
    return "".join(line + "\n" for line in lines)


class LinesView(ScrollView, can_focus=True):
    """A view's text, one line per row, scrolled; it draws only the lines on screen.

    It looks and scrolls as a Static (no wrap, ellipsis, one cell of padding each side) in a
    VerticalScroll would, but Today over 20,000 programs can run to thousands of lines, and a
    Static lays every line out on each change (half a second and more on the event loop).
    """

    DEFAULT_CSS = """
    LinesView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[Text] = []
        self.plain = ""
        self._drawn: dict[tuple[int, int], Strip] = {}

    def show(self, text: Text, lines: list[Text] | None = None) -> None:
        """Show `text` (`lines`: the same text already split in lines, e.g. in a thread)."""
        self.lines = lines if lines is not None else split_lines(text)
        self.plain = text.plain
        self._drawn.clear()
        self.virtual_size = Size(0, len(self.lines))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if index >= len(self.lines):
            return Strip.blank(width, base)
        strip = self._drawn.get((index, width))
        if strip is None:
            if len(self._drawn) > 1000:
                self._drawn.clear()
            line = self.lines[index].copy()
            line.no_wrap, line.overflow, line.end = True, "ellipsis", ""
            line.truncate(max(0, width - 2), overflow="ellipsis")
            line = Text(" ", end="") + line + Text(" ")
            segments = [s for s in line.render(self.app.console) if s.text != "\n"]
            strip = self._drawn[(index, width)] = Strip(segments).apply_style(base)
        return strip.crop_extend(0, width, base)


def split_lines(text: Text) -> list[Text]:
    return list(text.split("\n", allow_blank=True)) if text.plain else []


def stage_label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage)


def load_problem_hint(problems: FileProblems, limit: int = 3) -> str:
    """What to do when programs.toml did not load: each problem's file, line and field, and
    how to get the list back (the pane reads the file again when it is next shown)."""
    first = problems.problems[0] if problems.problems else None
    places = []
    for problem in problems.problems[:limit]:
        where = f"line {problem.line}" if problem.line else "the file"
        field = f", {problem.key}" if problem.key else ""
        places.append(one_line(f"{where}{field}: {problem.message}"))
    more = len(problems.problems) - limit
    if more > 0:
        places.append(f"and {plural(more, 'more problem')}")
    fix = "; ".join(places) or "the file could not be read"
    path = one_line(str(first.file)) if first is not None else "programs.toml"
    return (
        f"Your program list is not shown: {path} did not load, so nothing can be added or "
        f"changed here. What to fix: {fix}{'' if fix.endswith(('.', '?', '!')) else '.'} "
        "Correct it in a text editor and save the file, then open another pane and come back "
        "(F7) to read it again (`matchtui programs list` checks it too)."
    )


def removal_question(program: Program) -> str:
    """What a pane asks before it takes `program` off the list (Applications, Mix)."""
    recorded = "" if program.status == "planned" else " and every date recorded for it"
    return f"Remove {program.name} ({program.state}){recorded} from your list?"
