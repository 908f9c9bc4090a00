"""Plan pane: the re-entry timeline and back-home checklist on real months, entry routes,
plan B with the cycle advice, and the season's key dates.

The screen binds widgets to `engine.plan` results. It saves only the `timeline` section of
plan.toml (the program-mix pane owns `mix`) and sets `app.plan`, which every pane watches.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Label, Static, TabbedContent, TabPane

from matchtui.engine.plan import (
    PlanView,
    YearMonth,
    next_status,
    plan_for,
    with_item,
    with_start,
    with_timeline,
)
from matchtui.models.plan import PlanFile, TimelineState
from matchtui.models.profile import Profile
from matchtui.screens.base import PaneScreen
from matchtui.widgets.conflict import guarded_save, reload_plan
from matchtui.widgets.plan_gantt import PlanGantt
from matchtui.widgets.plan_sections import (
    Palette,
    item_text,
    palette_from,
    plan_b_text,
    routes_text,
    summary_text,
)

RELATION_LABELS = {
    "this_cycle": "your Match",
    "previous_cycle": "last Match",
    "later_cycle": "later",
}


class PlanScreen(PaneScreen):
    PANE_ID = "plan"
    CSS_PATH = "plan.tcss"
    AUTO_FOCUS = "#plan-gantt"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "cycle_status", "Status", tooltip="Cycle the item: to do, doing, done"),
        Binding("n", "edit_note", "Note", tooltip="Write a note on the selected item"),
        Binding("t", "next_tab", "Next tab", tooltip="Timeline, routes, plan B and cycles, dates"),
        Binding(
            "left_square_bracket", "shift_start(-1)", "Start -1", tooltip="Start a month earlier"
        ),
        Binding(
            "right_square_bracket", "shift_start(1)", "Start +1", tooltip="Start a month later"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: PlanView | None = None
        self.palette: Palette = {}

    # -- layout ----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="plan-tabs"):
            with TabPane("Timeline", id="tab-timeline"):
                with Horizontal(id="plan-bar"):
                    yield Label("Start", id="start-label")
                    yield Input(
                        placeholder="YYYY-MM",
                        max_length=7,
                        compact=True,
                        id="start-month",
                        tooltip="The month the plan starts (YYYY-MM); [ and ] move it",
                    )
                    yield Static(id="plan-summary", markup=False)
                yield Static(id="plan-audience", markup=False)
                yield PlanGantt(id="plan-gantt")
                with Vertical(id="plan-detail"):
                    with VerticalScroll(id="item-scroll"):
                        yield Static(id="item-detail", markup=False)
                    with Horizontal(id="note-row"):
                        yield Label("Note", id="note-label")
                        yield Input(
                            placeholder="n: write a note on this item, Enter saves",
                            max_length=2000,
                            compact=True,
                            id="item-note",
                        )
            with TabPane("Routes", id="tab-routes"), VerticalScroll(classes="plan-text"):
                yield Static(id="routes-text", markup=False)
            with TabPane("Plan B & cycles", id="tab-planb"), VerticalScroll(classes="plan-text"):
                yield Static(id="planb-text", markup=False)
            with TabPane("Key dates", id="tab-dates"):
                yield DataTable(id="dates-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="dates-note", markup=False)

    def on_mount(self) -> None:
        self.palette = palette_from(self.app.theme_variables)
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        self.refresh_plan()

    def on_profile(self, profile: Profile) -> None:
        self.refresh_plan()

    def _plan_changed(self, plan: PlanFile | None) -> None:
        self.refresh_plan()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 30, "-compact")
        if self.view is not None:
            self.query_one(PlanGantt).show(self.view, self.palette)

    def short_cite(self, source_id: str) -> str:
        """Publisher and year: short enough for one line under an item."""
        source = self.catalog.sources.get(source_id)
        if source is None:
            return source_id
        return f"{source.publisher}, {source.year}" if source.year else source.publisher

    # -- binding the view ------------------------------------------------------------------
    def refresh_plan(self) -> None:
        """Recompute the plan from the shared profile and plan, and show it."""
        view = plan_for(self.profile, self.catalog, self.matchapp.plan, self.matchapp.today)
        self.view = view
        p, cite = self.palette, self.catalog.cite
        start = self.query_one("#start-month", Input)
        if not start.has_focus:
            start.value = str(view.start)
        self.query_one("#plan-summary", Static).update(summary_text(view, p))
        audience = self.query_one("#plan-audience", Static)
        audience.update(Text(view.audience_note, style=p["muted"]))
        audience.display = bool(view.audience_note)
        self.query_one(PlanGantt).show(view, p)
        self._show_item()
        self.query_one("#routes-text", Static).update(routes_text(view, p, cite))
        self.query_one("#planb-text", Static).update(plan_b_text(view, p, cite))
        self._show_dates(view)

    def _show_item(self) -> None:
        row = self.query_one(PlanGantt).current_row()
        self.query_one("#item-detail", Static).update(item_text(row, self.palette, self.short_cite))
        note = self.query_one("#item-note", Input)
        note.disabled = row is None
        if not note.has_focus:
            note.value = row.note if row is not None else ""

    def _show_dates(self, view: PlanView) -> None:
        table = self.query_one("#dates-table", DataTable)
        p = self.palette
        table.clear(columns=True)
        for label, key in (
            ("When", "when"),
            ("Status", "status"),
            ("Event", "event"),
            ("Match", "match"),
            ("Source", "source"),
        ):
            table.add_column(label, key=key)
        for date in view.key_dates:
            if date.passed:
                status = Text("passed", style=p["overdue"])
            elif date.current:
                status = Text("now", style=p["state_now"])
            else:
                status = Text("ahead", style=p["state_now"])
            style = p["muted"] if date.passed else p["status_todo"]
            source = self.short_cite(date.source)
            if date.reliability == "assumption":
                source = "expected: matchtui assumption"
            table.add_row(
                Text(date.label, style=style),
                status,
                Text(date.title, style=style),
                Text(f"{date.match_year} ({RELATION_LABELS[date.relation]})", style=style),
                Text(source, style=p["muted"]),
                key=date.id,
            )
        notes = [view.dates_note] if view.dates_note else []
        notes.append(
            "Dates marked 'expected' are matchtui's assumptions from the usual calendar; "
            "check the NRMP and AAMC calendars."
        )
        self.query_one("#dates-note", Static).update(Text("\n".join(notes), style=p["muted"]))

    TIMELINE_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"cycle_status", "edit_note", "shift_start"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The timeline's keys act only while the timeline tab is showing."""
        if action in self.TIMELINE_ACTIONS:
            return self.query_one(TabbedContent).active == "tab-timeline"
        return True

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        # Keys (scrolling, the cursor) go to what the tab shows.
        target = {
            "tab-timeline": "#plan-gantt",
            "tab-routes": "#tab-routes .plan-text",
            "tab-planb": "#tab-planb .plan-text",
            "tab-dates": "#dates-table",
        }.get(event.pane.id or "")
        if target:
            self.query_one(target).focus()

    @on(DataTable.RowHighlighted, "#plan-gantt")
    def _highlighted(self) -> None:
        self._show_item()

    @on(DataTable.RowSelected, "#plan-gantt")
    def _selected(self) -> None:
        self.action_cycle_status()

    # -- editing (each change saves at once) -----------------------------------------------
    def _timeline(self) -> TimelineState | None:
        plan = self.matchapp.plan
        return plan.timeline if plan is not None else None

    def _save(self, timeline: TimelineState) -> bool:
        new_plan = with_timeline(self.matchapp.plan, timeline)
        workspace = self.matchapp.workspace

        def saved(_: object) -> None:
            self.matchapp.plan = new_plan  # the watcher redraws this pane (and any that cares)

        return guarded_save(
            self,
            lambda how: workspace.save_plan(new_plan, keep_mine=how == "keep"),
            saved=saved,
            reload=lambda: reload_plan(self),
            what="plan.toml",
        )

    def action_cycle_status(self) -> None:
        if self.view is None:
            return
        row = self.query_one(PlanGantt).current_row()
        if row is None:
            return
        status = next_status(row.status)
        self._save(with_item(self._timeline(), self.view.start, row.id, status=status))

    def action_edit_note(self) -> None:
        note = self.query_one("#item-note", Input)
        if not note.disabled:
            self.query_one(TabbedContent).active = "tab-timeline"
            note.focus()

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        tabs.active = ids[(ids.index(tabs.active) + 1) % len(ids)] if tabs.active in ids else ids[0]

    def action_shift_start(self, months: int) -> None:
        if self.view is not None:
            self._save(with_start(self._timeline(), self.view.start.add(months)))

    @on(Input.Submitted, "#item-note")
    def _note_submitted(self, event: Input.Submitted) -> None:
        self._save_note(event.value)
        self.query_one(PlanGantt).focus()

    @on(Input.Blurred, "#item-note")
    def _note_blurred(self, event: Input.Blurred) -> None:
        self._save_note(event.value)

    def _save_note(self, value: str) -> None:
        row = self.query_one(PlanGantt).current_row()
        if self.view is None or row is None or value == row.note:
            return
        if self._save(with_item(self._timeline(), self.view.start, row.id, note=value)):
            self.notify(f"Note saved on: {row.title}", markup=False, timeout=3)

    @on(Input.Submitted, "#start-month")
    def _start_submitted(self, event: Input.Submitted) -> None:
        try:
            start = YearMonth.parse(event.value)
        except ValueError as exc:
            self.notify(str(exc), title="Start month", severity="warning", markup=False)
            return
        if self.view is not None and start != self.view.start:
            self._save(with_start(self._timeline(), start))
        self.query_one(PlanGantt).focus()
