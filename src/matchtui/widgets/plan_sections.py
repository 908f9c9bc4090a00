"""Rich Text for the Plan pane's sections: the selected item, entry routes, plan B and cycles.

Everything is built as `rich.text.Text` (never markup), so the applicant's own words (the note,
the plan B narrative) are shown exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.color import Color, ColorParseError

from matchtui.engine.calendar import RELIABILITY_WORDS
from matchtui.engine.plan import STATE_LABELS, STATUS_LABELS, PlanRow, PlanView
from matchtui.safetext import safe_text

Palette = dict[str, Style]
Cite = Callable[[str], str]


def palette_from(variables: dict[str, str]) -> Palette:
    """Styles for the pane from the app's theme variables (so the pane follows the theme)."""

    def color(name: str, fallback: str) -> Style:
        try:
            return Style(color=Color.parse(variables.get(name, fallback)).rich_color)
        except ColorParseError:
            return Style(color=Color.parse(fallback).rich_color)

    primary = color("text-primary", "#57A5E2")
    error = color("text-error", "#D17E92")
    warning = color("text-warning", "#FFC473")
    success = color("text-success", "#8AD4A1")
    # Muted is a colour, not dim: under a table's cursor the cursor's colour replaces it, where
    # dim text stayed dim on the cursor (3.2:1).
    muted = color("text-muted", "#A3A3A3")
    return {
        "heading": primary + Style(bold=True),
        "muted": muted,
        "marked": warning + Style(bold=True),
        "overdue": error + Style(bold=True),
        "date": warning,
        "today": Style(reverse=True, bold=True),
        "today_line": primary,
        "status_todo": Style(),
        "status_doing": warning,
        "status_done": success,
        "bar_done": success,
        "bar_overdue": error,
        "bar_now": primary,
        "bar_upcoming": muted,
        "bar_unscheduled": muted,
        "state_done": success,
        "state_overdue": error + Style(bold=True),
        "state_now": primary,
        "state_upcoming": muted,
        "state_unscheduled": muted,
        "label": Style(bold=True),
    }


def _reliability(reliability: str) -> str:
    return {
        "illustrative": "illustrative",
        "assumption": "our assumption",
    }.get(reliability, reliability)


def item_text(row: PlanRow | None, p: Palette, cite: Cite) -> Text:
    """The selected item: window, status, why it is marked, what to do, where it comes from."""
    if row is None:
        return Text("Pick an item in the chart to see what it involves.", style=p["muted"])
    text = Text()
    text.append(row.title, style=p["label"])
    text.append(f"  {row.window}  ")
    text.append(STATE_LABELS[row.state], style=p[f"state_{row.state}"])
    # never "done, done", nor "done, marked to do" for a box the profile ticks, nor "due now,
    # marked to do" for one the profile shows under way (the profile says why, below)
    if not row.started_by_profile and STATUS_LABELS[row.shown_status] != STATE_LABELS[row.state]:
        text.append(f", marked {STATUS_LABELS[row.status]}")
    if row.profile_done and row.status != "done":
        text.append(f"  ({row.done_by or 'your profile shows this done'})", style=p["muted"])
    elif row.started_by_profile:
        text.append(f"  ({row.doing_by})", style=p["muted"])
    for action in row.marked:
        text.append("\n\u2605 Reality check: ", style=p["marked"])
        text.append(action.text)
    text.append("\nSource: ", style=p["muted"])
    text.append(f"{cite(row.source)} ({_reliability(row.reliability)})", style=p["muted"])
    if row.timing_source != row.source:
        text.append(
            f"; months: {cite(row.timing_source)} ({_reliability(row.timing_reliability)})",
            style=p["muted"],
        )
    if row.detail:
        text.append("\n" + row.detail)
    return text


def summary_text(view: PlanView, p: Palette) -> Text:
    """One line over the chart: progress, overdue, marked items."""
    counts = view.status_counts()
    total = sum(counts.values())
    text = Text()
    text.append(f"{counts['done']}/{total} done, {counts['doing']} doing")
    overdue = len(view.overdue)
    if overdue:
        text.append(f"  !{overdue} overdue", style=p["overdue"])
    marked = len(view.marked)
    if marked:
        text.append(f"  \u2605{marked} from the Reality check", style=p["marked"])
    text.append(f"  today {view.today_month.label}", style=p["muted"])
    return text


def _bullets(items: list[Text], bullet: str = "\u2022") -> Table:
    """A list with a hanging indent: wrapped lines stay under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(bullet, item)
    return grid


def routes_text(view: PlanView, p: Palette, cite: Cite) -> Group:
    parts: list[RenderableType] = [
        Text("Other ways into residency", style=p["heading"]),
        Text(
            "Beyond the main Match: ways in that returning graduates tend to overlook.",
            style=p["muted"],
        ),
    ]
    for rv in view.routes:
        route = rv.route
        head = Text("\n")
        head.append(route.title, style=p["label"])
        head.append(f"  ({route.when})", style=p["muted"])
        for action in rv.marked:
            head.append("\n\u2605 Reality check: ", style=p["marked"])
            head.append(action.text)
        head.append("\n" + route.summary)
        parts.append(head)
        parts.append(_bullets([Text(step) for step in route.steps]))
        dates = []
        for date in rv.dates:
            line = Text()  # the reliability words are muted, not muted-on-warning
            line.append(f"{date.title}: {date.label}", style=p["date"])
            words = RELIABILITY_WORDS.get(date.reliability, date.reliability)
            line.append(f" ({'derived, ' if date.derived else ''}{words})", style=p["muted"])
            dates.append(line)
        if dates:
            parts.append(_bullets(dates, "\u25c6"))
        parts.append(Text(f"Source: {cite(route.source)}", style=p["muted"]))
    return Group(*parts)


def plan_b_text(view: PlanView, p: Palette, cite: Cite) -> Group:
    c = view.cycles
    text = Text()
    text.append("Cycles", style=p["heading"])
    text.append(
        f"\nThis is cycle {c.this_cycle} ({c.cycles_applied} applied before). "
        f"Limit: {c.serious_limit} serious, fully committed cycles, then rethink."
    )
    text.append(f"\n{c.advice_title}", style=p["label"])
    text.append(f"\n{c.advice_text}")
    text.append("\nReality check: ", style=p["muted"])
    text.append(c.reason, style=p["muted"])
    if c.parallel_plan_due:
        text.append("\nA parallel plan is due now.", style=p["marked"])
    text.append(f"\nSource: {cite(c.source)}", style=p["muted"])

    text.append("\n\nYour plan B", style=p["heading"])
    text.append(" (from your profile)", style=p["muted"])
    if view.plan_b_text.strip():
        text.append("\n" + safe_text(view.plan_b_text.strip()))
    elif view.plan_b_covered:  # none needed: the Reality check's "covered", in its words
        text.append("\n" + view.plan_b_covered, style=p["state_done"])
    else:
        text.append(
            "\nNo plan B written yet. Add one under Narrative in the Profile pane (F1).",
            style=p["overdue"],
        )
    parts: list[RenderableType] = [text]
    if view.parallel_plan:
        parts.append(Text("\nDecide these in advance", style=p["heading"]))
        parts.append(_bullets([Text(q.question) for q in view.parallel_plan]))
    if view.plan_b_paths:  # none for one with a residency to fall back on (engine.plan)
        parts.append(Text("\nPaths outside residency", style=p["heading"]))
        paths = []
        for path in view.plan_b_paths:
            line = Text(path.title, style=p["label"])
            if path.detail:
                line.append(f": {path.detail}")
            paths.append(line)
        parts.append(_bullets(paths))
    sources = dict.fromkeys(x.source for x in (*view.plan_b_paths, *view.parallel_plan))
    if sources:
        parts.append(Text(f"Source: {'; '.join(cite(s) for s in sources)}", style=p["muted"]))
    return Group(*parts)
