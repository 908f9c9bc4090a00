"""Reality check pane: the applicant's position, rule by rule, with the rule and source of each
row one keypress away. The screen only draws a `RealityView` (engine.reality_types), worked out
from `engine.assess.assess` by `engine.reality_view.build_reality_view`; nothing is decided here.
The module imports neither pydantic, the models, the catalog nor the engine's assessment: the
pane can draw a view made elsewhere (another process) before the app has a profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import DescendantFocus, Resize
from textual.widgets import DataTable, Static

from matchtui.engine.reality_types import Cell, RealityView, Table
from matchtui.screens.base import PaneScreen
from matchtui.widgets.alike_lines import PaneVerticalScroll
from matchtui.widgets.rule_detail import RulePanel, styled

if TYPE_CHECKING:
    from rich.console import JustifyMethod

    from matchtui.models.assessment import Assessment
    from matchtui.models.plan import MixPlan, PlanFile, TimelineState
    from matchtui.models.profile import Profile

    # What the assessment's next actions read of the applicant's records: the plan's timeline,
    # and of the program list the applications shown sent and what it records (engine.assess
    # Records).
    RecordsKey = tuple[TimelineState | None, int | None, bool | None]

NARROW = 100  # below this width the "your value" column is dropped

# Each table's fixed column widths; its one other column takes the rest of the width.
WIDTHS: dict[str, dict[str, int]] = {
    "risk-table": {"factor": 22, "value": 26, "level": 6},
    "home-table": {"item": 24},
    "arch-table": {"name": 24},
    "ready-table": {"item": 22, "verdict": 11},
    "actions-table": {"n": 2},
}

FOOT = Text(
    "Rows marked illustrative or assumption rest on rough article figures or on "
    "matchtui's own thresholds. Select any row for its rule and source; advisors can "
    "change the rules in the data folder (matchtui paths).",
    style="dim",
)
ARCH_NONE = (
    "None of the three returner archetypes (ghost applicant, prestige gambler, "
    "last-second switcher) fits this profile."
)


class RealityScreen(PaneScreen):
    PANE_ID = "reality"
    LAYOUT_ONCE = True  # see PaneScreen: drawn the same without Textual's second layout
    AUTO_FOCUS = ""  # open at the top (summary first); Tab, r or a move into the tables
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "focus_table('actions-table')",
            "Actions",
            id="reality.actions",
            tooltip="Jump to the list of next actions",
        ),
        Binding(
            "r",
            "focus_table('risk-table')",
            "Risk",
            id="reality.risk",
            tooltip="Jump to the re-entry risk table",
        ),
    ]

    def __init__(self, view: RealityView | None = None) -> None:
        """`view`: content worked out elsewhere, drawn when the pane mounts (the pane then does
        not compute its own until `refresh_view`); None: computed on mount."""
        super().__init__()
        self.view: RealityView | None = None  # the view last drawn
        self._given = view
        # The engine's result behind the view, when the pane computed it (not for a given one).
        self.assessment: Assessment | None = None
        self._mix: MixPlan | None = None  # the saved mix that assessment read
        self._records: RecordsKey | None = None  # and the records its next actions followed
        self._sent_sought = False  # the program list looked for (the actions in season)
        self._narrow: bool | None = None
        self._built = False  # the lower sections were filled once (see show_view)
        self._lower_pending = False

    def compose_body(self) -> ComposeResult:
        # Focusable, so PageDown reaches the summary and notes between the tables at 80x24.
        with PaneVerticalScroll(id="reality-scroll", can_focus=True):
            yield Static(id="reality-summary", markup=False)
            yield Static(id="risk-title", classes="section-title", markup=False)
            yield Static(id="risk-reason", classes="section-note", markup=False)
            yield Static(id="risk-statement", markup=False)
            yield DataTable(id="risk-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-title", classes="section-title", markup=False)
            yield DataTable(id="home-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="arch-title", classes="section-title", markup=False)
            yield Static(ARCH_NONE, id="arch-none", classes="section-note", markup=False)
            yield DataTable(id="arch-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Letters, Step 3, specialties, cycles", classes="section-title", markup=False
            )
            yield DataTable(id="ready-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="actions-title", classes="section-title", markup=False)
            yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
            yield Static(FOOT.copy(), id="reality-foot", markup=False)
        with PaneVerticalScroll(id="reality-detail"):
            yield RulePanel(id="rule-panel")

    # -- lifecycle -------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        given, self._given = self._given, None
        if given is not None:
            self.show_view(given)
        else:
            self.refresh_view()

    def on_profile(self, profile: Profile) -> None:
        self.refresh_view()

    def _plan_changed(self, plan: PlanFile | None) -> None:
        if self.matchapp.profile is None:  # the profile's arrival computes it
            return
        mix = plan.mix if plan is not None else None
        if self.assessment is not None and mix == self._mix and self._records == self._known():
            # the check reads only the mix and, for its next actions in season, the timeline's
            # record of the applications (a rank list change saves plan.toml too)
            return
        self.refresh_view()

    def on_screen_resume(self) -> None:
        # The program list may have changed in another pane (an application recorded).
        if self.assessment is not None and self._records != self._known():
            self.refresh_view()

    def on_theme(self) -> None:
        if self.view is not None:
            self.show_view(self.view)  # the verdict colours come from the theme

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self._narrow and self.view is not None:
            self.show_view(self.view)

    def action_focus_table(self, table_id: str) -> None:
        self.query_one(f"#{table_id}", DataTable).focus()

    # -- drawing ---------------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Work the view out for the current profile and saved mix, and draw it (unless it is
        the one shown)."""
        from matchtui.engine.assess import Records, assess, records_matter
        from matchtui.engine.reality_view import reality_view

        app = self.matchapp
        seek = (
            not self._sent_sought
            and app.applications_sent() is None
            and records_matter(self.profile, self.catalog, app.today)
        )
        if seek:  # in season, the next actions follow the program list's record: read it
            self._sent_sought = True
            if not app.interactive:
                app.find_applications_sent()
        plan = self.plan
        self._mix = plan.mix
        self._records = self._known()
        records = Records(plan, self._records[1], self._records[2])
        self.assessment = assess(self.profile, self.catalog, self._mix, app.today, records)
        view = reality_view(self.assessment, self.profile, self.catalog)
        if view != self.view:
            self.show_view(view)
        if seek and app.interactive:
            self._find_sent()

    def _known(self) -> RecordsKey:
        """What the app knows now of the records the next actions follow (`RecordsKey`)."""
        app = self.matchapp
        return (self.plan.timeline, app.applications_count(), app.sent_on_list())

    def _find_sent(self) -> None:
        """Read the program list in a worker thread (nothing was known of it yet), then work
        the view out again if it records anything."""
        from contextlib import suppress

        from matchtui.background import yielding_often

        def find() -> None:
            try:
                with yielding_often():  # keys pressed meanwhile stay quick
                    self.matchapp.find_applications_sent()
            finally:  # read, or not readable (the Applications pane reports why)
                with suppress(RuntimeError):  # the app has closed meanwhile
                    self.app.call_from_thread(self._sent_found)

        self.run_worker(find, thread=True, group="reality-sent", exit_on_error=False)

    def _sent_found(self) -> None:
        if self.is_mounted and self.assessment is not None and self._records != self._known():
            self.refresh_view()

    def show_view(self, view: RealityView) -> None:
        """Draw `view` in every section.

        The first time, the sections below the first screen (readiness and next actions) are
        filled just after the pane's first frame: at 120x40 the first frame
        ends at the returner warnings, and those two tables were ~a fifth of the pane's build
        and first render. Every later draw fills all of it at once."""
        self.view = view
        width = self.size.width or 80
        self._narrow = width < NARROW
        self.set_class(self._narrow, "-narrow")
        self.query_one("#reality-summary", Static).update(self._text(view.summary))
        self.query_one("#risk-title", Static).update(self._text(view.risk_title))
        self.query_one("#risk-reason", Static).update(view.risk_reason)
        statement = self.query_one("#risk-statement", Static)
        statement.display = view.risk_statement is not None
        statement.update(view.risk_statement or "")
        risk = self._fill("risk-table", view.risk, drop={"value"} if self._narrow else set())
        risk.display = bool(view.risk.rows)
        self.query_one("#home-title", Static).update(self._text(view.home_title))
        self._fill("home-table", view.home)
        self.query_one("#arch-title", Static).update(self._text(view.arch_title))
        self.query_one("#arch-none", Static).display = view.arch_none
        self._fill("arch-table", view.arch).display = bool(view.arch.rows)
        if self._built:
            self._lower_sections()
        elif not self._lower_pending:
            self._lower_pending = True
            self.call_after_refresh(self._lower_sections)
        self._show_finding(view.first_key)

    def _lower_sections(self) -> None:
        """Readiness and next actions, for the view last drawn."""
        self._lower_pending = False
        self._built = True
        view = self.view
        if view is None:
            return
        self._fill("ready-table", view.ready)
        self.query_one("#actions-title", Static).update(self._text(view.actions_title))
        self._fill("actions-table", view.actions)
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id in ("ready-table", "actions-table"):
            self._show_row(focused)  # a key held while the pane opened focused it already

    def _text(self, cell: Cell) -> Text:
        return styled(cell, self.app.current_theme)

    def _fill(self, table_id: str, content: Table, drop: set[str] | None = None) -> DataTable[Text]:
        """Fill a table with `content`, leaving out the columns in `drop`; fixed columns take
        their widths, the other one the rest of the pane's width. That width leaves room for
        the table's own scroll bar: a table taller than the pane scrolls in itself, and its
        columns must not then run under the bar (the last two letters of each line were cut)."""
        table: DataTable[Text] = self.query_one(f"#{table_id}", DataTable)
        table.clear(columns=True)
        scroll = self.query_one("#reality-scroll")
        inner = scroll.scrollable_content_region.width or (self.size.width or 80) - 4
        avail = max(40, inner - table.styles.scrollbar_size_vertical)
        fixed = WIDTHS[table_id]
        keep = [i for i, (key, _) in enumerate(content.columns) if key not in (drop or ())]
        columns = [content.columns[i] for i in keep]
        rest = avail - sum(fixed.get(key, 0) for key, _ in columns) - 2 * len(columns)
        for key, label in columns:
            table.add_column(Text(label), width=fixed.get(key, max(20, rest)), key=key)
        theme = self.app.current_theme
        # The risk level is padded in its colour (as it has always been drawn).
        justify: list[JustifyMethod | None] = [
            "left" if key == "level" else None for key, _ in columns
        ]
        for row in content.rows:
            cells = [styled(row.cells[i], theme, justify[n]) for n, i in enumerate(keep)]
            table.add_row(*cells, key=row.key, height=None)
        return table

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Every table reports its first row when filled; only the focused one speaks.
        if event.data_table.has_focus:
            self._show_row(event.data_table)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, DataTable):
            self._show_row(event.widget)

    def _show_row(self, table: DataTable[Text]) -> None:
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self._show_finding(key)

    def _show_finding(self, key: str) -> None:
        view = self.view
        if view is not None and key in view.findings:
            self.query_one("#rule-panel", RulePanel).show(view.findings[key], view.details[key])
