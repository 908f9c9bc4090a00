"""Plan pane: the re-entry timeline and back-home checklist on real months, entry routes,
plan B with the cycle advice, and the season's key dates.

The screen binds widgets to `engine.plan` results. It saves only the `timeline` section of
plan.toml (the program-mix pane owns `mix`) and sets `app.plan`, which every pane watches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Static, TabbedContent, TabPane

from matchtui.background import yielding_often
from matchtui.catalog import Catalog
from matchtui.engine.calendar import RELIABILITY_WORDS, MatchYearCheck, when_label
from matchtui.engine.memo import LastResult
from matchtui.engine.plan import (
    PlanView,
    YearMonth,
    migrate_plan,
    next_status,
    offer_text,
    plan_for,
    with_item,
    with_start,
    with_timeline,
    year_check,
)
from matchtui.models.plan import PlanFile, TimelineState
from matchtui.models.profile import Profile
from matchtui.screens.base import LaterTabs, PaneScreen, tabbed_samples
from matchtui.tomlio import placed_rule
from matchtui.widgets.alike_lines import PaneVertical, PaneVerticalScroll
from matchtui.widgets.alike_tabs import PaneTabbedContent, PaneTabPane
from matchtui.widgets.conflict import guarded_save, reload_plan, reload_profile
from matchtui.widgets.plan_gantt import PlanGantt
from matchtui.widgets.plan_sections import (
    Palette,
    item_text,
    palette_from,
    plan_b_text,
    routes_text,
    summary_text,
)
from matchtui.widgets.text_standin import InputStandIn, field_at

if TYPE_CHECKING:
    from matchtui.app import MatchApp

# The plan the pane shows, worked out ahead at idle by `PlanScreen.warm_data` (in the app's
# preload thread: the Reality check it runs and the plan, ~20 ms of a first visit) and taken by
# the visit when its profile, plan and day are the ones it was worked out from.
_VIEWS: LastResult[PlanView] = LastResult()


def view_for(
    profile: Profile,
    catalog: Catalog,
    plan: PlanFile | None,
    today: dt.date,
    sent: int | None = None,
) -> PlanView:
    """`plan_for`, taken ready when it was worked out ahead from the same inputs (`sent`: the
    applications the program list shows sent, None while it is not known)."""
    return _VIEWS.get(
        (profile, catalog, plan, today, sent),
        lambda: plan_for(profile, catalog, plan, today, sent),
    )


def match_label(match_year: int, relation: str) -> str:
    """'2027 (yours)' or '2026': never 'last Match' for a Match still ahead."""
    return f"{match_year} (yours)" if relation == "this_cycle" else str(match_year)


class LabelledBar(Horizontal):
    """A one-line bar that draws its label in its first cells (in the bar's muted colour, as a
    Label there would) and lays its children out after it (the first has a left margin of
    the label's width in plan.tcss): one widget fewer per bar."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="labelled-bar")
        self.label = label

    def render(self) -> Content:
        return Content(self.label)


# Below this many rows the item detail under the chart takes less room.
COMPACT_BELOW = 30


class PlanScreen(PaneScreen):
    PANE_ID = "plan"
    # Keys (scrolling, the cursor) go to what the tab shows.
    TAB_FOCUS: ClassVar[dict[str, str]] = {
        "tab-timeline": "#plan-gantt",
        "tab-routes": "#tab-routes .plan-text",
        "tab-planb": "#tab-planb .plan-text",
        "tab-dates": "#dates-table",
    }
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
        Binding(
            "d",
            "derive_start",
            "Follow Match",
            tooltip="Unpin the start month: derive it from the Match year again",
        ),
        Binding(
            "y",
            "fix_match_year",
            "Fix Match year",
            tooltip="Set your profile to the next Match you can still apply to",
        ),
    ]

    @classmethod
    def style_samples(cls) -> list[Widget]:
        return [*tabbed_samples(), Vertical(), PlanGantt(), Label("x"), Input()]

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """The plan the pane opens on (`view_for`), from the profile and plan in memory."""
        if app.profile is not None:
            if app.applications_count() is None:  # the program list, read as the preload does
                app.find_applications_sent()
            view_for(app.profile, app.catalog, app.plan, app.today, app.applications_count())

    def __init__(self) -> None:
        super().__init__()
        # Styled once, with the class its height will give it (on_resize keeps it right).
        self.set_class(self.app.size.height < COMPACT_BELOW, "-compact", update=False)
        self.view: PlanView | None = None
        self._sent_sought = False  # the program list looked at for the late-season banner
        self.palette: Palette = {}
        # The tabs out of sight whose text is older than the view: filled when shown.
        self._stale_tabs: set[str] = set()
        # The tabs out of sight, built after the first frame (see _start_tabs).
        self._later = LaterTabs(self, tuple(self._tab_fillers()), self._tab_widgets, "plan-tabs")

    # -- layout ----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        yield Static(id="plan-banner", markup=False)
        with PaneTabbedContent(id="plan-tabs"):
            with PaneTabPane("Timeline", id="tab-timeline"):
                with LabelledBar(" Start", id="plan-bar"):
                    # The Inputs are drawn by stand-ins until reached (widgets/text_standin.py).
                    yield InputStandIn(
                        placeholder="YYYY-MM",
                        max_length=7,
                        id="start-month",
                        classes="start-field",
                        tooltip="The month the plan starts (YYYY-MM); [ and ] move it",
                    )
                    yield Static(id="plan-summary", markup=False)
                yield Static(id="plan-audience", markup=False)
                yield PlanGantt(id="plan-gantt")
                with PaneVertical(id="plan-detail"):
                    with PaneVerticalScroll(id="item-scroll"):
                        yield Static(id="item-detail", markup=False)
                    with LabelledBar("Note", id="note-row"):
                        yield InputStandIn(
                            placeholder="n: write a note on this item, Enter saves",
                            max_length=2000,
                            id="item-note",
                            classes="note-field",
                        )
            # The other tabs are out of sight: built after the first frame (see _start_tabs).
            yield PaneTabPane("Routes", id="tab-routes")
            yield PaneTabPane("Plan B & cycles", id="tab-planb")
            yield PaneTabPane("Key dates", id="tab-dates")

    def _tab_widgets(self, tab: str) -> list[Widget]:
        """What a tab out of sight holds (empty until it is built)."""
        if tab == "tab-routes":
            return [PaneVerticalScroll(Static(id="routes-text", markup=False), classes="plan-text")]
        if tab == "tab-planb":
            return [PaneVerticalScroll(Static(id="planb-text", markup=False), classes="plan-text")]
        return [
            DataTable(id="dates-table", cursor_type="row", zebra_stripes=True),
            Static(id="dates-note", markup=False),
        ]

    def on_mount(self) -> None:
        self.palette = palette_from(self.app.theme_variables)
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        # Synchronously as a tab is switched to, so it is filled before it is drawn.
        self.watch(self.query_one(TabbedContent), "active", self._fill_shown_tab, init=False)
        self._find_sent()
        self.refresh_plan()
        self.call_after_refresh(self._start_tabs)

    def _start_tabs(self) -> None:
        self._later.start()

    def on_profile(self, profile: Profile) -> None:
        self.refresh_plan()

    def on_theme(self) -> None:
        # The palette bakes the theme's colours into the text: build it again and redraw.
        self.palette = palette_from(self.app.theme_variables)
        self.refresh_plan()

    def _plan_changed(self, plan: PlanFile | None) -> None:
        self.refresh_plan()

    def on_resize(self) -> None:
        self.set_class(self.size.height < COMPACT_BELOW, "-compact")
        if self.view is not None:
            self.query_one(PlanGantt).fit()

    def short_cite(self, source_id: str) -> str:
        """Publisher and year: short enough for one line under an item."""
        source = self.catalog.sources.get(source_id)
        if source is None:
            return source_id
        return f"{source.publisher}, {source.year}" if source.year else source.publisher

    def tiny_cite(self, source_id: str) -> str:
        """For a table column: a long publisher by its initials ('NRMP 2026', 'AAMC 2025')."""
        source = self.catalog.sources.get(source_id)
        if source is None:
            return source_id
        words = source.publisher.split()
        capitals = [w[0] for w in words if w[:1].isupper()]
        name = "".join(capitals) if len(words) >= 3 and len(capitals) >= 3 else source.publisher
        return f"{name} {source.year}" if source.year else name

    # -- binding the view ------------------------------------------------------------------
    def refresh_plan(self) -> None:
        """Recompute the plan from the shared profile and plan, and show it."""
        app = self.matchapp
        view = view_for(self.profile, self.catalog, app.plan, app.today, app.applications_count())
        self.view = view
        p = self.palette
        start = field_at(self, ".start-field")
        if not start.has_focus:
            start.value = str(view.start)
        self.query_one("#plan-summary", Static).update(summary_text(view, p))
        audience = self.query_one("#plan-audience", Static)
        audience.update(Text(view.audience_note, style=p["muted"]))
        audience.display = bool(view.audience_note)
        self._show_banner(view)
        self.query_one(PlanGantt).show(view, p)
        self._show_item()
        # The other tabs are filled when they are shown (now, for the one showing).
        self._stale_tabs = set(self._tab_fillers())
        self._fill_shown_tab()

    def _tab_fillers(self) -> dict[str, Callable[[PlanView], None]]:
        """Tab id -> what fills it from a view (the timeline is always filled)."""
        return {
            "tab-routes": self._show_routes,
            "tab-planb": self._show_plan_b,
            "tab-dates": self._show_dates,
        }

    def _fill_shown_tab(self, _active: str = "") -> None:
        tab = self.query_one(TabbedContent).active
        if self.view is None or tab not in self._stale_tabs or not self._later.built(tab):
            return  # a tab not built yet is filled once it is (see _tab_activated)
        self._stale_tabs.discard(tab)
        self._tab_fillers()[tab](self.view)

    def _show_routes(self, view: PlanView) -> None:
        text = routes_text(view, self.palette, self.catalog.cite)
        self.query_one("#routes-text", Static).update(text)

    def _show_plan_b(self, view: PlanView) -> None:
        text = plan_b_text(view, self.palette, self.catalog.cite)
        self.query_one("#planb-text", Static).update(text)

    def _show_item(self) -> None:
        row = self.query_one(PlanGantt).current_row()
        self.query_one("#item-detail", Static).update(item_text(row, self.palette, self.short_cite))
        note = field_at(self, ".note-field")
        note.disabled = row is None
        if not note.has_focus:
            note.value = row.note if row is not None else ""

    def year_check(self) -> MatchYearCheck | None:
        """What the banner says of the profile's Match (`engine.plan.year_check`, with what the
        app knows of the program list)."""
        if self.view is None:
            return None
        sent = self.matchapp.sent_on_list()
        if self.matchapp.applications_sent() is None and not self._sent_sought:
            sent = True  # being read (`_find_sent`): no late-season banner to take back
        return year_check(self.view, self.catalog, sent)

    def _find_sent(self) -> None:
        """Nothing known yet of the program list (the preload thread has not read it): read it
        for the banner, in a worker thread in a real session."""
        if self.matchapp.applications_sent() is not None:
            self._sent_sought = True
            return
        if not self.matchapp.interactive:
            self.matchapp.find_applications_sent()
            self._sent_sought = True
            return

        def find() -> None:
            try:
                with yielding_often():  # keys pressed meanwhile stay quick
                    self.matchapp.find_applications_sent()
            finally:  # read, or not readable (the Applications pane reports why)
                with suppress(RuntimeError):  # the app has closed meanwhile
                    self.app.call_from_thread(self._banner_again)

        self.run_worker(find, thread=True, group="plan-sent", exit_on_error=False)

    def _banner_again(self) -> None:
        self._sent_sought = True  # known now, or the file does not load: the plan decides
        if self.view is not None and self.is_mounted:
            if not self._sent_again():
                self._show_banner(self.view)
            self.refresh_bindings()

    def _sent_again(self) -> bool:
        """The plan worked out again when the program list now shows another count of
        applications sent (an item it ticks: 'Submit ERAS early'); True when it was."""
        if self.view is None or self.view.applications == self.matchapp.applications_count():
            return False
        self.refresh_plan()
        return True

    def on_screen_resume(self) -> None:
        # The program list may have changed in another pane (an application recorded).
        if self.view is not None and not self._sent_again():
            self._show_banner(self.view)

    def _show_banner(self, view: PlanView) -> None:
        """Which Match is yours: a Match that is over, closed or gone on without the
        applicant's application, a pinned start that no longer fits. Each says which key fixes
        it."""
        lines: list[str] = []
        check = self.year_check()
        if check is not None:
            offer = offer_text(check, self.profile, self.catalog)
            lines.append(f"{offer} Press y to switch to the {check.suggested} Match.")
        if view.start_warning:
            lines.append(view.start_warning)
        banner = self.query_one("#plan-banner", Static)
        banner.update(Text("\n".join(lines)))
        banner.display = bool(lines)

    def _show_dates(self, view: PlanView) -> None:
        table = self.query_one("#dates-table", DataTable)
        p = self.palette
        table.clear(columns=True)
        for label, key in (
            ("Date", "when"),
            ("When", "status"),
            ("Event", "event"),
            ("Match", "match"),
            ("Reliability", "reliability"),
            ("Source", "source"),
        ):
            table.add_column(label, key=key)
        for date in view.key_dates:
            days = date.days_from_today
            if days < 0:
                status = Text(when_label(days), style=p["muted"])
            elif days == 0:
                status = Text("today", style=p["state_now"])
            else:
                status = Text(when_label(days), style=p["state_now"])
            style = p["muted"] if date.passed else p["status_todo"]
            reliability = RELIABILITY_WORDS.get(date.reliability, date.reliability)
            if date.derived:
                reliability = "derived: " + reliability
            # A date with its time of day reads on two lines, the day over the time, so the
            # column keeps the width of a day alone (at 80 columns the Match column stays in
            # sight).
            day, _, time = date.label.partition(", ")
            table.add_row(
                Text(f"{day},\n{time}" if time else day, style=style),
                status,
                Text(date.title.split(" (")[0], style=style),
                Text(match_label(date.match_year, date.relation), style=style),
                Text(reliability, style=style if date.reliability == "primary" else p["date"]),
                Text(self.tiny_cite(date.source), style=p["muted"]),
                key=date.id,
                height=2 if time else 1,
            )
        # Start at the next date of the applicant's Match (the past stays a scroll away).
        upcoming = [
            index
            for index, date in enumerate(view.key_dates)
            if date.relation == "this_cycle" and date.days_from_today >= 0
        ]
        if upcoming:
            table.move_cursor(row=upcoming[0], animate=False)
            # ... at the head of the view, the dates after it below (the table scrolls when
            # the screen is short; once its height is known).
            above = sum(row.height for row in table.ordered_rows[: upcoming[0]])
            self.call_after_refresh(table.scroll_to, y=above, animate=False)
        notes = [view.dates_note] if view.dates_note else []
        notes.append(
            "Official dates come from the AAMC and NRMP; third-party dates are not yet "
            "confirmed, and derived dates follow the usual pattern. Check the NRMP and AAMC "
            "calendars before you act on one. In the header, a ? after a date means it is "
            "not confirmed yet."
        )
        self.query_one("#dates-note", Static).update(Text("\n".join(notes), style=p["muted"]))

    TIMELINE_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"cycle_status", "edit_note", "shift_start", "derive_start"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The timeline's keys act only while the timeline tab is showing; the fixes only when
        there is something to fix."""
        if action == "fix_match_year":
            return self.year_check() is not None
        if action == "derive_start" and (self.view is None or self.view.start_is_default):
            return False
        if action in self.TIMELINE_ACTIONS:
            return self.query_one(TabbedContent).active == "tab-timeline"
        return True

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id or ""
        if not self._later.built(tab) and await self._later.build(tab):
            self._fill_shown_tab()  # switched to before it was built
        if self.query_one(TabbedContent).active == tab:
            self.focus_tab(tab)

    @on(PlanGantt.RowHighlighted, "#plan-gantt")
    def _highlighted(self) -> None:
        self._show_item()

    @on(PlanGantt.RowSelected, "#plan-gantt")
    def _selected(self) -> None:
        self.action_cycle_status()

    # -- editing (each change saves at once) -----------------------------------------------
    def _timeline(self) -> TimelineState | None:
        plan = migrate_plan(self.matchapp.plan, self.profile, self.catalog)
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
        self._save(with_item(self._timeline(), row.id, status=status))

    def action_edit_note(self) -> None:
        note = field_at(self, ".note-field")
        if not note.disabled:
            self.query_one(TabbedContent).active = "tab-timeline"
            note.focus()

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        tabs.active = ids[(ids.index(tabs.active) + 1) % len(ids)] if tabs.active in ids else ids[0]

    def action_shift_start(self, months: int) -> None:
        if self.view is not None:
            start = self.view.start.add(months)
            self._save(with_start(self._timeline(), start, self.view.derived_start))

    def action_derive_start(self) -> None:
        if self.view is not None and self._save(with_start(self._timeline(), None)):
            self.notify(f"The plan follows the {self.view.match_year} Match again.", timeout=3)

    def action_fix_match_year(self) -> None:
        """Set the profile's Match year to the one the banner suggests (saved)."""
        check = self.year_check()
        if check is None:
            return
        data = {**self.profile.model_dump(), "cycle_year": check.suggested}
        try:
            profile = Profile.model_validate(data)
        except ValidationError as exc:
            # A student whose graduation year is too far before that Match (in school, said
            # the profile): the Profile pane's own message, not a crash.
            error = exc.errors(include_url=False)[0]
            loc, message = placed_rule((), str(error.get("ctx", {}).get("error", error["msg"])))
            where = ".".join(str(part) for part in loc)
            self.notify(
                f"{where}: {message}. Correct it in the Profile (F1), then press y again.",
                title=f"Not switched to the {check.suggested} Match",
                severity="warning",
                markup=False,
                timeout=10,
            )
            return
        from matchtui.engine.mix import graduated_by_note

        workspace = self.matchapp.workspace
        graduated = graduated_by_note(profile, self.catalog)

        def saved(_: object) -> None:
            self.matchapp.profile = profile  # every pane (and the header) follows
            said = f"Your profile now aims at the {check.suggested} Match."
            self.notify(f"{said} {graduated}" if graduated else said, timeout=8)

        # profile.toml changed in another window since it was read: ask, as the Profile pane
        # does (it raised out of the pane and closed the app).
        guarded_save(
            self,
            lambda how: workspace.save_profile(profile, keep_mine=how == "keep"),
            saved=saved,
            reload=lambda: reload_profile(self),
            what="profile.toml",
        )

    @on(Input.Submitted, ".note-field")
    def _note_submitted(self, event: Input.Submitted) -> None:
        self._save_note(event.value)
        self.query_one(PlanGantt).focus()

    @on(Input.Blurred, ".note-field")
    def _note_blurred(self, event: Input.Blurred) -> None:
        self._save_note(event.value)

    def _save_note(self, value: str) -> None:
        row = self.query_one(PlanGantt).current_row()
        if self.view is None or row is None or value == row.note:
            return
        if self._save(with_item(self._timeline(), row.id, note=value)):
            self.notify(f"Note saved on: {row.title}", markup=False, timeout=3)

    @on(Input.Submitted, ".start-field")
    def _start_submitted(self, event: Input.Submitted) -> None:
        try:
            start = YearMonth.parse(event.value)
        except ValueError as exc:
            self.notify(str(exc), title="Start month", severity="warning", markup=False)
            return
        if self.view is not None and start != self.view.start:
            self._save(with_start(self._timeline(), start, self.view.derived_start))
        self.query_one(PlanGantt).focus()
