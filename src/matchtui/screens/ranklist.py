"""Rank list pane (F8): build the rank order list from the tracker's interviewed programs, rank it
by keyboard, weigh criteria, compare two programs, see the odds rank by rank, build a couple's
list of pairs with the couple's odds, and the SOAP kit.

Every number comes from `engine.ranklist`. The pane saves only the `ranklist` section of
plan.toml (the mix and plan panes own theirs), through the Workspace, after each change: in a
worker thread (with thousands of ranks, writing the TOML takes longer than a frame), the
newest list only, one write at a time; the pane shows the change at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.events import ScreenSuspend
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static, TabbedContent, TabPane

from matchtui.background import yielding_often
from matchtui.engine.ranklist import (
    ASSUMPTION,
    CHANCE_FROM,
    NO_MATCH_LABEL,
    CouplesResult,
    Estimates,
    ProgramInfo,
    Resolved,
    Simulation,
    Tracker,
    Violation,
    couples_result,
    couples_yardstick,
    estimates_for,
    first_items,
    held_back_text,
    interviewed_to_add,
    move,
    norm,
    ranklist_data,
    ready_tracker,
    ref_problem,
    repeat_of,
    soap_kit,
    stopped_indices,
    suggest_order,
    tracker_of,
    weighted_score,
)
from matchtui.engine.wording import percent, plural
from matchtui.errors import Conflict, FileProblems
from matchtui.models.base import RELIABILITY_LABELS
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
from matchtui.models.ranklist import (
    CRITERIA,
    CRITERION_LABELS,
    PairEntry,
    RankItem,
    RanklistFile,
    RanklistState,
)
from matchtui.screens.base import LaterTabs, PaneScreen, tabbed_samples
from matchtui.screens.ranklist_couples import (
    ADD_HINT,
    PAIR_COLUMNS,
    PairNames,
    couples_summary,
    pair_texts,
    pairs_alone,
    read_pair,
)
from matchtui.screens.ranklist_rows import (
    RankRows,
    SummaryKind,
    columns,
    first_rows,
    rank_texts,
)
from matchtui.store import PROGRAMS
from matchtui.themes import text_style
from matchtui.widgets.alike_lines import PaneHorizontal, PaneVertical, PaneVerticalScroll
from matchtui.widgets.alike_tabs import PaneTabbedContent, PaneTabPane
from matchtui.widgets.conflict import How, guarded_save, reload_plan, save_failed
from matchtui.widgets.name_cuts import NameCuts, cells
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.text_standin import InputStandIn, field_at

if TYPE_CHECKING:
    from matchtui.app import MatchApp

NARROW_WIDTH = 100  # narrower than this, the list tab cuts names and leaves the track out
NAME_LEAST = 24  # wider, the track is left out too while the names would get fewer cells
HARD_STOP = " (hard stop)"  # after a program's name in the criteria tab
# The criteria tab's columns: key, header (the first row holds the weights).
CRITERIA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("program", "Program"),
    *((c, CRITERION_LABELS[c]) for c in CRITERIA),
    ("score", "Score"),
)


# The tabs out of sight when the pane opens (on the list), built after its first frame.
LATER_TABS = ("tab-criteria", "tab-compare", "tab-soap", "tab-couples")


class TrackedNames(Suggester):
    """Completes the add line from the tracker as it is typed: the first program whose name
    (or NRMP code) begins with the text, shown dimmed after it; right arrow takes it."""

    def __init__(self, tracker: Callable[[], Tracker]) -> None:
        # Not cached: the tracker changes as the applicant's program list does.
        super().__init__(use_cache=False, case_sensitive=True)
        self._tracker = tracker

    async def get_suggestion(self, value: str) -> str | None:
        return self._tracker().completion(value)


class RanklistScreen(PaneScreen):
    PANE_ID = "ranklist"
    # Keys (scrolling, the cursor) go to what the tab shows.
    TAB_FOCUS: ClassVar[dict[str, str]] = {
        "tab-list": "#rank-table",
        "tab-criteria": "#criteria-table",
        "tab-compare": "#tab-compare .compare-col",
        "tab-couples": "#couples-table",
        "tab-soap": "#soap-scroll",
    }
    AUTO_FOCUS = "#rank-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,K", "move(-1)", "Up", tooltip="Move the program up one rank"),
        Binding("shift+down,J", "move(1)", "Down", tooltip="Move the program down one rank"),
        Binding("T", "to_top", "To top", tooltip="Move the program to rank 1"),
        Binding("delete,x", "remove", "Remove", tooltip="Take the program off the list"),
        Binding(
            "a",
            "add",
            "Add",
            tooltip=(
                "Add a program by name or NRMP code (typing completes a tracked name; "
                "right arrow takes it)"
            ),
        ),
        Binding(
            "i",
            "add_interviewed",
            "Add interviewed",
            show=False,
            tooltip=(
                "Add the tracker's interviewed programs that are not on the list (on the "
                "Couples tab: each of your ranks with your partner at no_match)"
            ),
        ),
        Binding("left_square_bracket", "chance(-5)", "Chance -5", show=False),
        Binding("right_square_bracket", "chance(5)", "Chance +5", show=False),
        # On the Couples tab, [ and ] set your side's chance, { and } your partner's.
        Binding("left_curly_bracket", "chance_b(-5)", "Partner -5", show=False),
        Binding("right_curly_bracket", "chance_b(5)", "Partner +5", show=False),
        Binding("h", "hard_stop", "Hard stop", tooltip="Mark or clear: never rank this program"),
        Binding("s", "suggest", "Suggest", tooltip="Order the list by your weighted criteria"),
        Binding("m", "mark", "Mark A", tooltip="Mark this program as A in the comparison"),
        Binding("plus,equals_sign", "score(1)", "+1", show=False),
        Binding("minus", "score(-1)", "-1", show=False),
        Binding("t", "next_tab", "Next tab", tooltip="List, criteria, compare, SOAP kit, couples"),
    ]
    LIST_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"move", "to_top", "remove", "add", "add_interviewed", "chance", "hard_stop", "mark"}
    )
    # The keys the Couples tab takes (on its pairs, not on the list).
    PAIR_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"move", "to_top", "remove", "add", "add_interviewed", "chance", "chance_b"}
    )

    @classmethod
    def style_samples(cls) -> list[Widget]:
        return [*tabbed_samples(), Vertical(), ProgramTable[int](), Input()]

    def __init__(self) -> None:
        super().__init__()
        self.tracker = Tracker()
        self.programs_ok = True
        self.items: list[RankItem] = []
        self.state = RanklistState()
        self.resolved: list[Resolved] = []
        self.sim: Simulation | None = None
        self.violations: list[Violation] = []
        self.mark_a: str | None = None
        self._stopped: set[int] = set()  # ranks (0-based) struck out by a hard stop
        # The list tab's numbers, kept up to date change by change (None until first shown).
        self._rows: RankRows | None = None
        self._summary: Text | None = None  # the summary as last shown
        self._criteria_stopped: set[int] = set()  # ranks (0-based) dimmed on the criteria tab
        # The criteria tab's program column width, for these resolved ranks and hard stops.
        self._names_width: tuple[list[Resolved], set[int], int] | None = None
        self._criteria_row: int | None = None  # the one Criteria row a score change alters
        self._narrow_rows = False  # the rank rows as drawn: narrow (no track, names cut)
        # The rank table's rows as last made: index -> (texts, struck out).
        self._drawn: dict[int, tuple[tuple[str, ...], bool]] = {}
        # Cuts for the names of `resolved` and `tracker` as they are; the tracker's names sorted.
        self._name_cuts: tuple[list[Resolved], Tracker, tuple[str, ...], NameCuts] | None = None
        self._sorted_names: tuple[Tracker, list[str]] | None = None
        self.reading_programs = False  # programs.toml is being read for the first time: no list yet
        self._stamp: tuple[int, int] | None = None  # programs.toml as last read
        self._tabs_found: TabbedContent | None = None
        # The Couples tab: its pairs resolved (odds too once worked out), and which working
        # out is the newest (a long list's odds come from a thread; an older one is dropped).
        self._couples: CouplesResult | None = None
        self._couples_version = 0
        # The odds wanted next (the version they are for, how to work them out) and whether a
        # thread is working (guarded by _state_lock, as the saver's flags are).
        self._odds_next: tuple[int, Callable[[], CouplesResult]] | None = None
        self._odds_running = False
        self._stale: set[str] = set()  # tabs to draw again when next shown
        # The tabs out of sight, built after the first frame (see _start_tabs).
        # The Couples tab only for the couple who opens it.
        self._later = LaterTabs(
            self, LATER_TABS, self._tab_widgets, "rank-tabs", on_demand=("tab-couples",)
        )
        # Saving (see "saving" below). `_pending` is the newest list not yet on disk (None when
        # all is saved); `_state_lock` guards it and the two flags, held only for moments;
        # `_write_lock` is held for each write of plan.toml, so writes never overlap and run
        # in order.
        self._pending: RanklistState | None = None
        self._saver_running = False  # a worker thread is saving (or about to)
        self._conflicted = False  # a save found plan.toml changed: the dialog asks, no thread saves
        self._state_lock = threading.Lock()
        self._write_lock = threading.Lock()

    # -- layout ----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        with PaneTabbedContent(id="rank-tabs"):
            with PaneTabPane("List", id="tab-list"):
                with PaneHorizontal(id="rank-main"):
                    with PaneVertical(id="rank-left"):
                        # Virtual: only the lines on screen are drawn, so a list of thousands
                        # of ranks shows at once and a move redraws only what is on screen.
                        # The program's column takes what the others leave (never pushing
                        # the chances out of sight): a name too long is cut, and the track
                        # is left out while the names would have fewer than NAME_LEAST cells.
                        yield ProgramTable[int](
                            cells=self._rank_cells,
                            stripe_first=True,
                            hover=True,
                            fit="program",
                            fit_min=NAME_LEAST,
                            drop=("track",),
                            id="rank-table",
                        )
                        # An Input drawn by a stand-in until reached (widgets/text_standin.py).
                        yield InputStandIn(
                            placeholder="a: add a program (name or NRMP code), Enter adds",
                            max_length=200,
                            suggester=TrackedNames(lambda: self.tracker),
                            id="rank-add",
                            classes="rank-add",
                        )
                    with PaneVerticalScroll(id="rank-side"):
                        yield Static(id="rank-summary", markup=False)
                yield Static(ASSUMPTION, id="rank-assumption", markup=False)
            # The other tabs are out of sight: built just after the first frame (_start_tabs),
            # or as one is switched to, whichever comes first.
            yield PaneTabPane("Criteria", id="tab-criteria")
            yield PaneTabPane("Compare", id="tab-compare")
            yield PaneTabPane("SOAP kit", id="tab-soap")
            yield PaneTabPane("Couples", id="tab-couples")

    def _tab_widgets(self, tab: str) -> list[Widget]:
        """What a tab out of sight holds, as it was composed with the pane."""
        if tab == "tab-criteria":
            return [
                # Virtual too, with a cell cursor: a row is made only when drawn, and a score
                # change draws the screenful again, not the whole list.
                ProgramTable[int](
                    cells=self._criteria_cells,
                    stripe_first=True,
                    cell_cursor=True,
                    id="criteria-table",
                ),
                Static(
                    "+ and - change the weight (top row) or the program's score (0-5). "
                    "s orders the list by the weighted score; hard stops (h) are left off.",
                    id="criteria-help",
                    markup=False,
                ),
            ]
        if tab == "tab-compare":
            columns = [
                PaneVerticalScroll(
                    Static(id=f"compare-{side}", markup=False), classes="compare-col"
                )
                for side in ("a", "b")
            ]
            return [PaneHorizontal(*columns, id="compare-row")]
        if tab == "tab-couples":
            left = PaneVertical(
                ProgramTable[int](
                    cells=self._pair_cells, stripe_first=True, hover=True, id="couples-table"
                ),
                InputStandIn(
                    placeholder=ADD_HINT,
                    max_length=420,
                    suggester=PairNames(lambda: self.tracker),
                    id="couples-add",
                    classes="couples-add",
                ),
                id="couples-left",
            )
            side = PaneVerticalScroll(Static(id="couples-summary", markup=False), id="couples-side")
            return [PaneHorizontal(left, side, id="couples-main")]
        return [PaneVerticalScroll(Static(id="soap-text", markup=False), id="soap-scroll")]

    def _start_tabs(self) -> None:
        self._later.start()

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """At idle after start-up (the app's preload thread, the program list validated in
        memory): the tracker, the starting list and the list tab's numbers for the data as it
        is now (`tracker_of`, `first_items`, `first_rows`), so that the first visit finds them
        worked out and draws the list in its first frame. Only reads: the visit takes them
        only for the same inputs (the same validated records, the same saved list, rules and
        width), and works them out as before for any other."""
        programs = app.workspace.peek_programs_warm()
        if programs is None:
            return  # not read into memory (or it does not load): the visit reads it
        tracker = tracker_of(programs.programs, app.today)
        state = (app.plan or PlanFile()).ranklist or RanklistState()
        items = first_items(tracker, state.items)
        data = ranklist_data(app.catalog)
        narrow = app.size.width < NARROW_WIDTH
        estimates = estimates_for(app.catalog, app.profile, app.plan, app.today)
        first_rows(tracker, data, items, state.hard_stops, None, narrow, estimates)

    def on_mount(self) -> None:  # PaneScreen's on_mount runs too (Textual calls each class's)
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        self.call_after_refresh(self._start_tabs)
        stamp = self._programs_stamp()
        if self.matchapp.interactive and stamp is not None:
            # The program list validated in memory and its tracker worked out at idle
            # (`warm_data`): the list is drawn in the pane's first frame.
            warm = self.matchapp.workspace.load_programs_warm()
            today = self.matchapp.today
            tracker = ready_tracker(warm.programs, today) if warm is not None else None
            if tracker is not None:
                self._programs_read(tracker, "", stamp)
                return
            # In a real session a long programs.toml is read in a worker thread (20,000
            # programs: a second of validation); the list is shown once the tracker is known.
            self.reading_programs = True
            self.query_one("#rank-summary", Static).update("Loading your programs…")
            self.run_worker(self._read_in_thread, thread=True, group="rank-load")
            return
        self._programs_read(*self._read_programs())

    def on_profile(self, profile: Profile) -> None:
        if not self.reading_programs:
            self.refresh_view()

    def on_screen_resume(self) -> None:
        # The tracker may have changed in its own pane while this one was away: read it again
        # only then (the file's size or time changed), in a thread in a real session.
        if self.reading_programs or self._programs_stamp() == self._stamp:
            return
        if self.matchapp.interactive:
            self.run_worker(self._read_in_thread, thread=True, group="rank-load")
        else:
            self._programs_read(*self._read_programs())

    @property
    def narrow(self) -> bool:
        return self.size.width < NARROW_WIDTH

    def on_resize(self) -> None:
        if self.narrow != self.has_class("-narrow"):
            self.set_class(self.narrow, "-narrow")
            if self.sim is not None:
                # After this layout pass: a table rebuilt inside one keeps stale column widths.
                self.call_after_refresh(self._show_table, None)
        # The couples' names share the table's width.
        self.call_after_refresh(self._fit_pair_columns)

    def _plan_changed(self, plan: PlanFile | None) -> None:
        saved = plan.ranklist if plan is not None else None
        if saved is not None and saved != self.state:
            # plan.toml was read again (a "Reload" here or in another pane): its list is the
            # one shown and kept now; a change of ours not yet written is given up with it.
            self._drop_pending()
            if not self.reading_programs:
                self._load_state()
                self.refresh_view()
        elif self._rows is not None and self._rows.estimates != self.estimates:
            self.refresh_view()  # the Mix plan now estimates another specialty

    def _programs_stamp(self) -> tuple[int, int] | None:
        """programs.toml's modification time and size (None when there is none)."""
        try:
            info = self.matchapp.workspace.store.path(PROGRAMS).stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size)

    def _read_programs(self) -> tuple[Tracker, str, tuple[int, int] | None]:
        """(the tracker, a problem or "", the file's stamp): no UI here (it runs in a thread)."""
        store = self.matchapp.workspace.store
        stamp = self._programs_stamp()
        try:
            programs = (
                store.load(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)
                if store.exists(PROGRAMS)
                else ProgramList.empty()
            )
        except FileProblems as exc:
            return Tracker(), exc.summary(), stamp
        return tracker_of(programs.programs, self.matchapp.today), "", stamp

    def _read_in_thread(self) -> None:
        with yielding_often():  # keys pressed meanwhile stay quick (see matchtui.background)
            read = self._read_programs()
            with suppress(Exception):  # worked out on the UI thread then (and reported there)
                self._prepare(read[0])
        self.app.call_from_thread(self._programs_read, *read)

    def _prepare(self, tracker: Tracker) -> None:
        """In the reading thread: the starting list and the list tab's numbers that
        `_programs_read` works out for this tracker, as the list stands now (`first_items`,
        `first_rows`). The UI thread takes them only if its inputs are still these (a change
        made meanwhile: it works them out as before)."""
        first = self.reading_programs or self.sim is None  # as `_programs_read` decides
        if first:
            state = self.plan.ranklist or RanklistState()
        elif tracker == self.tracker:
            return  # the same programs: nothing is worked out again
        else:
            state = self.state
        items = first_items(tracker, state.items) if first or not state.items else self.items
        first_rows(
            tracker, self.data, items, state.hard_stops, self.mark_a, self.narrow, self.estimates
        )

    def _programs_read(self, tracker: Tracker, problem: str, stamp: tuple[int, int] | None) -> None:
        first = self.reading_programs or self.sim is None
        self.reading_programs = False
        self._stamp = stamp
        self.programs_ok = not problem
        if problem:
            self.notify(
                f"{problem}. The rank list works without the tracker until it is fixed.",
                title="programs.toml could not be loaded",
                severity="error",
                timeout=15,
                markup=False,
            )
        before, self.tracker = self.tracker, tracker
        self.matchapp.freeze_read_data()
        if first:
            self._load_state()
            self.refresh_view()
        elif self.tracker != before:
            if not self.state.items:
                self.items = first_items(self.tracker, self.state.items)
            self.refresh_view()

    def _load_state(self) -> None:
        saved = self.plan.ranklist
        self.state = saved if saved is not None else RanklistState()
        self.items = first_items(self.tracker, self.state.items)

    # -- the view --------------------------------------------------------------------------
    @property
    def data(self) -> RanklistFile:
        return ranklist_data(self.catalog)

    @property
    def estimates(self) -> Estimates:
        """Where the chances not given come from: the match curve of the specialty the Mix
        plan estimates (else the profile's first target) and of each program's own; with the
        profile's visa need and years out, and today's date."""
        app = self.matchapp
        return estimates_for(self.catalog, app.profile, app.plan, app.today)

    def _rank_table(self) -> ProgramTable[int]:
        table: ProgramTable[int] = self.query_one("#rank-table", ProgramTable)
        return table

    def current_index(self) -> int | None:
        if not self.items:
            return None
        return min(max(self._rank_table().cursor, 0), len(self.items) - 1)

    def _list_rows(self) -> RankRows:
        """The list tab's numbers: worked out from the list when there are none yet, or they
        are for another tracker (programs.toml read again)."""
        rows = self._rows
        estimates = self.estimates
        if rows is None or rows.tracker is not self.tracker or rows.estimates != estimates:
            rows = self._rows = first_rows(
                self.tracker,
                self.data,
                self.items,
                self.state.hard_stops,
                self.mark_a,
                self.narrow,
                estimates,
            )
        return rows

    def refresh_view(self, cursor: int | None = None) -> None:
        """Everything worked out again from the list."""
        self._rows = None
        self._list_rows()
        self._show_rows(cursor)

    def _show_rows(self, cursor: int | None) -> None:
        """Show the list tab as `_rows` has it, and mark the other tabs for drawing."""
        rows = self._list_rows()
        self.resolved, self.sim, self.violations = rows.resolved, rows.sim, rows.violations
        self._show_table(cursor)
        self._show_summary()
        # The other tabs are drawn when shown (each is a table or text over the whole list).
        self._stale = {"tab-criteria", "tab-compare", "tab-couples", "tab-soap"}
        self._show_tab(self._tabs.active)

    def _show_tab(self, tab: str) -> None:
        """Draw a tab other than the list if the list changed since it was last drawn."""
        if tab not in self._stale or not self._later.built(tab):
            return  # a tab not built yet is drawn once it is (see _tab_activated)
        self._stale.discard(tab)
        {
            "tab-criteria": self._show_criteria,
            "tab-compare": self._show_compare,
            "tab-couples": self._show_couples,
            "tab-soap": self._show_soap,
        }[tab]()

    def _show_table(self, cursor: int | None) -> None:
        """The rank rows: every column as wide as its widest cell or header (`RankRows.widths`,
        kept up to date change by change); the cells themselves are made only for the rows
        drawn."""
        table = self._rank_table()
        keep = table.cursor if cursor is None else cursor
        rows = self._list_rows()
        rows.narrowed(self.narrow)
        self._narrow_rows = narrow = rows.narrow
        self._stopped = rows.stopped
        shown = table.columns
        table.set_columns(
            [
                (key, label, width)
                for (key, label), width in zip(columns(narrow), rows.widths, strict=True)
            ]
        )
        count = len(self.items)
        if table.row_count == count and table.columns == shown:
            # The same ranks with new contents: the view stays where it is, and the rows on
            # screen that read the same keep their lines (a move changes a few).
            table.redraw(self._unchanged_rows(table))
        elif table.row_count == count:
            self._drawn.clear()
            table.redraw()
        else:
            self._drawn.clear()
            table.set_rows(range(count), keep_cursor=False)
        if self.items:
            table.move_cursor(min(max(keep, 0), count - 1))

    def _unchanged_rows(self, table: ProgramTable[int]) -> list[int]:
        """The ranks on screen whose rows read as they were last made."""
        top = int(table.scroll_offset.y)
        same = [
            index
            for index in range(top, min(len(self.items), top + table.size.height))
            if self._drawn.get(index) == (tuple(self._rank_plain(index)), index in self._stopped)
        ]
        self._drawn = {index: self._drawn[index] for index in same}
        return same

    def _rank_plain(self, index: int) -> list[str]:
        """The texts of rank `index`'s row, as drawn."""
        assert self.sim is not None
        marked = self.mark_a == self.sim.entries[index].ref
        room = self._rank_table().column_width("program") or None
        return rank_texts(self.sim, index, marked, self._narrow_rows, room, self._name_cut)

    def _name_cut(self, label: str, width: int) -> str:
        """A rank's label in `width` cells, reading differently from every other program's
        name in the tracker and every other rank's label (sorted only when a first label
        needs cutting: the tracker's names once per tracker, the untracked ranks' labels once per
        set of them). A tracked rank's label is its tracker name, so a move, which reorders the
        ranks, keeps the cuts (it re-sorted every name, ~1.5 ms at 20,000 programs)."""
        resolved, tracker = self.resolved, self.tracker
        known = self._name_cuts
        if known is None or known[0] is not resolved or known[1] is not tracker:
            extra = tuple(sorted(r.label for r in resolved if r.program is None))
            if known is not None and known[1] is tracker and known[2] == extra:
                cuts = known[3]
            else:
                cuts = NameCuts(lambda: [*self._tracker_names(tracker), *extra])
            known = self._name_cuts = (resolved, tracker, extra, cuts)
        return known[3].cut(label, width)

    def _tracker_names(self, tracker: Tracker) -> list[str]:
        """The tracker's program names in order (kept for the same tracker)."""
        known = self._sorted_names
        if known is None or known[0] is not tracker:
            known = self._sorted_names = (tracker, sorted(p.name for p in tracker.programs))
        return known[1]

    def _rank_cells(self, index: int) -> list[Text]:
        if self.sim is None or index >= len(self.sim.entries):
            return []
        plain = self._rank_plain(index)
        stopped = index in self._stopped
        self._drawn[index] = (tuple(plain), stopped)
        texts = [Text(text) for text in plain]
        if stopped:
            texts[1].stylize("strike dim")
        return texts

    def _styled(self, pieces: Iterable[tuple[str, SummaryKind]]) -> Text:
        """A side panel's (text, kind) pieces in the theme's colours."""
        styles: dict[SummaryKind, str | Style] = {
            "bold": "bold",
            "plain": "",
            "dim": "dim",
            "error": text_style(self.app, "text-error") + Style(bold=True),
            "warning": text_style(self.app, "text-warning"),
        }
        out = Text()
        for text, kind in pieces:
            out.append(text, style=styles[kind])
        return out

    def _show_summary(self) -> None:
        out = self._styled(self._list_rows().summary())
        if out != self._summary:
            # A move seldom changes it (the same programs: the same P(match), fee, rules):
            # the side panel is laid out again only when it does.
            self._summary = out
            self.query_one("#rank-summary", Static).update(out)

    def on_theme(self) -> None:
        if self.sim is not None:
            self._show_summary()
        result = self._couples
        if result is not None and self._later.built("tab-couples"):
            self._show_couples_summary(result)

    def _criteria_table(self) -> ProgramTable[int]:
        table: ProgramTable[int] = self.query_one("#criteria-table", ProgramTable)
        return table

    def _show_criteria(self) -> None:
        """The weights, then a row per rank, every column as wide as its widest cell or header;
        the cells are made only for the rows drawn."""
        table = self._criteria_table()
        stopped = stopped_indices(self.items, self.state.hard_stops, self.tracker)
        self._criteria_stopped = stopped
        # Scores and weights are 0-5 and the weighted score 0.0-5.0 (the model holds them
        # there): those columns are as wide as their headers, at least "5.0". Only the program
        # column reads every row (a +/- at 20,000 programs spent ~11 ms measuring every cell),
        # and only when the names or the hard stops changed: a +/- changes neither (`resolved`
        # is new whenever the list is resolved again), and reading 3,400 names took ~2.5 ms.
        widths = [max(3, cells(label)) for _, label in CRITERIA_COLUMNS]
        known = self._names_width
        if known is not None and known[0] is self.resolved and known[1] == stopped:
            names = known[2]
        else:
            names = max(
                (
                    cells(r.label) + (len(HARD_STOP) if i in stopped else 0)
                    for i, r in enumerate(self.resolved)
                ),
                default=0,
            )
            names = max(names, cells("WEIGHT"))  # an empty list shows its weights row
            self._names_width = (self.resolved, stopped, names)
        widths[0] = max(widths[0], names)
        count = len(self.items) + 1
        columns = table.columns
        table.set_columns(
            [
                (key, label, width)
                for (key, label), width in zip(CRITERIA_COLUMNS, widths, strict=True)
            ]
        )
        if table.row_count == count and self._criteria_row is not None and table.columns == columns:
            table.update_row(self._criteria_row)  # one rank's score: its line alone
        elif table.row_count == count:
            table.redraw()  # the same rows with new contents: the cursor and the view stay
        else:
            keep = table.cursor
            table.set_rows(range(count), keep_cursor=False)
            table.move_cursor(min(keep, count - 1))

    def _criteria_plain(self, position: int) -> list[str]:
        """The texts of the criteria tab's row `position` (0: the weights; then rank by rank)."""
        weights = self.state.weights
        if position == 0:
            return ["WEIGHT", *(str(weights.get(c, 0)) for c in CRITERIA), ""]
        index = position - 1
        item = self.items[index]
        stop = HARD_STOP if index in self._criteria_stopped else ""
        return [
            self.resolved[index].label + stop,
            *(str(item.scores.get(c, 0)) for c in CRITERIA),
            f"{weighted_score(item, weights):.1f}",
        ]

    def _criteria_cells(self, position: int) -> list[Text]:
        if not 0 <= position <= min(len(self.items), len(self.resolved)):
            return []
        texts = [Text(text) for text in self._criteria_plain(position)]
        if position - 1 in self._criteria_stopped:
            texts[0].stylize("dim")
        return texts

    def _compare_text(self, label: str, index: int | None) -> Text:
        out = Text()
        if index is None:
            out.append(f"{label}: ", style="bold")
            out.append("m marks a program as A; B is the one under the cursor.", style="dim")
            return out
        item, resolved = self.items[index], self.resolved[index]
        info: ProgramInfo | None = resolved.program
        assert self.sim is not None
        odds = self.sim.rank(index)
        out.append(f"{label}: {resolved.label}\n", style="bold")
        out.append(
            f"Rank {odds.rank}; chance {percent(odds.chance)}: {CHANCE_FROM[odds.chance_source]}\n"
        )
        if odds.pending:
            out.append("Interview not held yet: the chance assumes it goes ahead\n")
        out.append(f"P(match here) {percent(odds.p_match_here)}\n")
        if info is not None:
            where = ", ".join(x for x in (info.city, info.state) if x)
            out.append(f"{info.track}, {info.tier or 'tier?'}, {info.specialty or ''}\n")
            out.append(f"{where}; tracker: {info.status}\n")
            if info.nrmp_code:
                out.append(f"NRMP code {info.nrmp_code}\n")
        else:
            out.append("Not in the tracker\n", style="dim")
        for c in CRITERIA:
            out.append(f"{CRITERION_LABELS[c]}: {item.scores.get(c, 0)}\n")
        out.append(f"Weighted score {weighted_score(item, self.state.weights):.1f}\n")
        if info is not None and info.notes:
            out.append("Notes: ", style="bold")
            out.append(info.notes + "\n")
        return out

    def _show_compare(self) -> None:
        a = next((i for i, it in enumerate(self.items) if it.program == self.mark_a), None)
        b = self.current_index() if self.items else None
        self.query_one("#compare-a", Static).update(self._compare_text("A", a))
        self.query_one("#compare-b", Static).update(self._compare_text("B", b))

    def _show_soap(self) -> None:
        kit = soap_kit(
            self.catalog, self.tracker, self.profile.cycle_year, self.estimates.eligibility
        )
        head = Text()
        head.append(f"SOAP for the {kit.days.match_year} Match: {kit.days.label}\n", style="bold")
        facts = Table.grid(padding=(0, 2))
        for what, value, reliability in kit.facts:
            facts.add_row(what, value, Text(RELIABILITY_LABELS[reliability], style="dim"))
        body = Text()
        body.append(
            f"\nYour SOAP list from the tracker ({len(kit.programs)} of up to "
            f"{kit.application_limit}; preliminary, transitional, FM and IM first)\n",
            style="bold",
        )
        if not kit.programs:
            body.append("No programs in the tracker yet.\n", style="dim")
        for n, p in enumerate(kit.programs, start=1):
            body.append(f"{n:>2}. {p.name} ({p.track}, {p.specialty or '?'}, {p.state})\n")
        if kit.closed:
            body.append(
                f"\nLeft off: {plural(len(kit.closed), 'program')} that cannot take you\n",
                style="bold",
            )
            for name, why in kit.closed:
                body.append(f"- {name}: {why}\n")
        body.append("\nDocuments to have ready\n", style="bold")
        for doc in kit.documents:
            body.append(f"- {doc}\n")
        body.append("\nIf SOAP does not place you\n", style="bold")
        for route in kit.routes:
            body.append(f"- {route.title}: ", style="bold")
            body.append(f"{route.when}\n")
        body.append(
            "\nSources: " + ", ".join(self.catalog.cite(s) for s in kit.sources), style="dim"
        )
        self.query_one("#soap-text", Static).update(Group(head, facts, body))

    # -- the Couples tab -----------------------------------------------------------------------
    def _pairs_table(self) -> ProgramTable[int]:
        table: ProgramTable[int] = self.query_one("#couples-table", ProgramTable)
        return table

    def _pair_index(self) -> int | None:
        """The pair under the Couples tab's cursor (None when there is none)."""
        pairs = self.state.pairs
        if not pairs or not self._later.built("tab-couples"):
            return None
        return min(max(self._pairs_table().cursor, 0), len(pairs) - 1)

    def _pair_cells(self, index: int) -> list[Text]:
        result = self._couples
        if result is None or index >= len(result.pairs):
            return []
        texts = [Text(text) for text in pair_texts(result.pairs, index)]
        for column in (1, 3):
            if texts[column].plain == NO_MATCH_LABEL:
                texts[column].stylize("dim italic")
        if any(v.index == index for v in result.violations):  # named beside the table
            texts[0].append(" !", style=text_style(self.app, "text-error") + Style(bold=True))
        return texts

    def _pair_widths(self, result: CouplesResult) -> list[int]:
        """The columns' widths: the rank and the chances as their widest text, the two names
        sharing what is left of the table's width (each no wider than its longest name)."""
        rows = [pair_texts(result.pairs, i) for i in range(len(result.pairs))]
        widest = [
            max([cells(label), *(cells(row[n]) for row in rows)])
            for n, (_, label) in enumerate(PAIR_COLUMNS)
        ]
        if result.violations:
            widest[0] += 2  # " !" after a broken pair's rank
        width = self._pairs_table().size.width
        # Two cells of padding a column, a scrollbar's width kept free.
        room = max(16, width - 2 * len(PAIR_COLUMNS) - 2 - widest[0] - widest[2] - widest[4])
        a = min(widest[1], max(8, room - min(widest[3], room // 2)))
        b = min(widest[3], max(8, room - a))
        return [widest[0], a, widest[2], b, widest[4]]

    def _show_couples(self, cursor: int | None = None) -> None:
        """The pairs at once, with their chances; the odds beside them (worked out in a thread
        in a session: a long list takes a Monte Carlo of tens of milliseconds)."""
        pairs = list(self.state.pairs)
        tracker, data, estimates = self.tracker, self.data, self.estimates
        interactive = self.matchapp.interactive
        stops = list(self.state.hard_stops)
        result = couples_result(
            pairs, tracker, data, estimates, hard_stops=stops, with_odds=not interactive
        )
        self._couples = result
        self._couples_version += 1
        table = self._pairs_table()
        keep = table.cursor if cursor is None else cursor
        self._fit_pair_columns()
        if not table.size.width:  # not laid out yet: fitted to its width once it is
            self.call_after_refresh(self._fit_pair_columns)
        if table.row_count == len(pairs):
            table.redraw()
        else:
            table.set_rows(range(len(pairs)), keep_cursor=False)
        if pairs:
            table.move_cursor(min(max(keep, 0), len(pairs) - 1))
        self._show_couples_summary(result)
        if pairs and result.odds is None and not result.violations:  # (a session's thread)
            version = self._couples_version

            def work() -> CouplesResult:
                return couples_result(pairs, tracker, data, estimates, hard_stops=stops)

            self._odds_wanted(version, work)

    # One thread works the odds out, the newest pairs only: a key held down (} to raise a
    # chance) asks many times, and a Monte Carlo each time in threads of their own would
    # compete with the pane's frames for the interpreter.
    def _odds_wanted(self, version: int, work: Callable[[], CouplesResult]) -> None:
        with self._state_lock:
            self._odds_next = (version, work)
            if self._odds_running:
                return  # the running thread takes it when done with the one before
            self._odds_running = True
        self.run_worker(self._odds_in_thread, thread=True, group="couples-odds")

    class _OddsWorkedOut(Message, bubble=False):
        """The couple's odds for the pairs of `version` (posted from the odds thread)."""

        def __init__(self, result: CouplesResult, version: int) -> None:
            super().__init__()
            self.result = result
            self.version = version

    def _odds_in_thread(self) -> None:
        while True:
            with self._state_lock:
                wanted, self._odds_next = self._odds_next, None
                if wanted is None:
                    self._odds_running = False
                    return
            version, work = wanted
            with yielding_often():  # the keys pressed meanwhile stay quick
                done = work()
            self._post(self._OddsWorkedOut(done, version))

    def _fit_pair_columns(self) -> None:
        """The Couples table's columns, for the pairs shown and the table's width now."""
        if self._couples is None or not self._later.built("tab-couples"):
            return
        with suppress(NoMatches):  # (the pane closing with the app)
            self._set_pair_columns(self._pair_widths(self._couples))

    def _set_pair_columns(self, widths: list[int]) -> None:
        self._pairs_table().set_columns(
            [(key, label, width) for (key, label), width in zip(PAIR_COLUMNS, widths, strict=True)]
        )

    @on(_OddsWorkedOut)
    def _couples_worked_out(self, message: _OddsWorkedOut) -> None:
        if message.version != self._couples_version or not self.is_attached:
            return  # the pairs changed meanwhile: their own working out is under way
        self._couples = message.result
        self._show_couples_summary(message.result)

    def _show_couples_summary(self, result: CouplesResult) -> None:
        yardstick = couples_yardstick(self.data)
        out = self._styled(couples_summary(result, self.data, yardstick))
        self.query_one("#couples-summary", Static).update(out)

    def _commit_pairs(self, pairs: list[PairEntry], cursor: int | None) -> None:
        """Show the couple's new pairs and save them with the list (see "saving" below)."""
        state = self.state.model_copy(update={"pairs": pairs})
        self.state = state
        self.matchapp.plan = self.plan.model_copy(update={"ranklist": state})
        self._request_save(state)
        self._show_couples(cursor)

    def _move_pair(self, index: int, target: int) -> None:
        self._commit_pairs(move(self.state.pairs, index, target), target)

    @on(Input.Submitted, ".couples-add")
    def _pair_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self._pairs_table().focus()
            return
        read = read_pair(text, self.tracker, self.state.pairs, self.data, self.state.hard_stops)
        if read.pair is None:
            self.notify(read.problem, title="Add a pair", severity="warning", markup=False)
            return
        if read.problem:
            self.notify(read.problem, title="Add a pair", markup=False)
        event.input.value = ""
        pairs = [*self.state.pairs, read.pair]
        self._commit_pairs(pairs, len(pairs) - 1)
        self._pairs_table().focus()

    def _pair_own_ranks(self) -> None:
        """Each rank of your list not yet paired so, added as "your program / no_match", in
        the list's order: the pairs that let you match while your partner does not (the
        couples rules refuse what they would, a hard stop among them)."""
        state = self.state
        ranks = [item.program for item in self.items]
        new = pairs_alone(ranks, self.tracker, state.pairs, self.data, state.hard_stops)
        added = len(new)
        if not added:
            self.notify(
                "Each rank of your list that the couples rules allow is already paired with "
                "no_match for your partner.",
                title="Couples",
                markup=False,
            )
            return
        self.notify(
            f"Added {added} pair{'s' if added != 1 else ''}: your ranks, your partner at no_match.",
            title="Couples",
            markup=False,
        )
        self._commit_pairs([*state.pairs, *new], len(state.pairs))

    def _pair_chance(self, side: str, points: int) -> None:
        index = self._pair_index()
        result = self._couples
        if index is None or result is None or len(result.pairs) != len(self.state.pairs):
            return
        shown = result.pairs[index].a if side == "a" else result.pairs[index].b
        if shown.key is None:
            self.notify(
                "That side is the No-Match code: it has no chance to set.",
                title="Couples",
                markup=False,
            )
            return
        value = round(min(1.0, max(0.0, shown.chance + points / 100)), 2)
        # One program is one chance for that partner: set on every pair that names it.
        pairs = [
            pair.model_copy(update={f"{side}_chance": value})
            if (now.a if side == "a" else now.b).key == shown.key
            else pair
            for pair, now in zip(self.state.pairs, result.pairs, strict=True)
        ]
        self._commit_pairs(pairs, index)

    # -- keys ---------------------------------------------------------------------------------
    @property
    def _tabs(self) -> TabbedContent:
        """The pane's tabs (asked for each binding whenever the footer is redrawn)."""
        if self._tabs_found is None:
            self._tabs_found = self.query_one(TabbedContent)
        return self._tabs_found

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.reading_programs and (
            action in self.LIST_ACTIONS or action in ("score", "suggest", "chance_b")
        ):
            return False  # nothing to act on until the list is known
        try:
            active = self._tabs.active
        except NoMatches:  # asked by the footer before the pane is composed: the list opens first
            active = "tab-list"
        if active == "tab-couples" and action in self.PAIR_ACTIONS:
            return True
        if action == "chance_b":
            return False  # a partner's chance: only on the Couples tab
        if action in self.LIST_ACTIONS:
            return active == "tab-list"
        if action == "score":
            return active == "tab-criteria"
        if action == "suggest":
            return active in ("tab-list", "tab-criteria")
        return True

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id or ""
        if tab in LATER_TABS and not self._later.built(tab):
            await self._later.build(tab)  # switched to before it was built
            if self._tabs.active != tab:
                return  # another tab was shown meanwhile: its own activation draws it
        self.focus_tab(tab)
        if self.sim is None:
            return  # still loading: drawn by refresh_view
        if event.pane.id == "tab-compare":
            self._stale.discard("tab-compare")
            self._show_compare()
        else:
            self._show_tab(event.pane.id or "")

    @on(ProgramTable.RowHighlighted)  # the rank list's (the criteria table's is a cell cursor)
    def _highlighted(self) -> None:
        if (
            self.sim is not None
            and self._tabs.active == "tab-compare"
            and self._later.built("tab-compare")
        ):
            self._show_compare()
        else:
            self._stale.add("tab-compare")  # B is the program under the cursor: drawn when shown

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        tabs.active = ids[(ids.index(tabs.active) + 1) % len(ids)] if tabs.active in ids else ids[0]

    def _commit(
        self,
        items: list[RankItem],
        cursor: int | None = None,
        *,
        scores_only: bool = False,
        change: Callable[[RankRows], None] | None = None,
        criteria_row: int | None = None,
        **changes: object,
    ) -> None:
        """Show the new list (and any weight or hard-stop change), then save it to plan.toml
        in a worker thread (see "saving" below).

        `scores_only`: only scores or weights changed. The odds, the rules and the list tab
        read neither (`resolve`, `simulate` and `check` take the programs and their chances),
        so only the tabs that show them are drawn again: with thousands of ranks that is most
        of a +/- (the odds, the rules and the list's table and summary were ~45 ms at 3,400
        ranks).

        `change`: what changed, told to the list tab's numbers (`RankRows`), which redo only
        what it alters; without it they are all worked out again.

        `criteria_row`: the one Criteria row a score change alters (its line alone is drawn
        again; a weight changes every rank's weighted score)."""
        state = RanklistState(
            items=items,
            weights=changes.get("weights", self.state.weights),
            hard_stops=changes.get("hard_stops", self.state.hard_stops),
            pairs=self.state.pairs,
        )
        self.state, self.items = state, list(items)
        # The app's plan first (the state above already matches it: _plan_changed does nothing),
        # so the other panes build their saves on this list.
        self.matchapp.plan = self.plan.model_copy(update={"ranklist": state})
        self._request_save(state)
        if scores_only:
            if self._rows is not None:  # (for another tracker, worked out again when shown)
                self._rows.scores_changed(items)
            self._stale |= {"tab-criteria", "tab-compare"}
            self._criteria_row = criteria_row
            self._show_tab(self._tabs.active)
            self._criteria_row = None
        elif change is not None and self._rows is not None and self._rows.tracker is self.tracker:
            change(self._rows)
            self._show_rows(cursor)
        else:
            self.refresh_view(cursor)

    # -- saving (in a worker thread; ordered with the other panes' saves) ----------------------
    # Writing plan.toml with ~3,400 ranks takes ~25 ms, nearly all of it tomli-w making the
    # TOML: on the UI thread it was most of a +/-. A change is shown at once and saved by one
    # worker thread, the newest list each time (quick changes make one write). Only this pane
    # writes plan.toml while it is shown; the Mix and Plan panes save it too (on the UI thread,
    # from the app's plan), so a change not yet written is written, on the UI thread, before
    # any other screen shows (a pane switch or a dialog suspends this one) and when the app
    # quits. A save that finds plan.toml changed by another window or the CLI asks, on the UI
    # thread, as before (reload, keep mine); no thread saves until it is answered.

    class _Saved(Message, bubble=False):
        """The worker wrote the list (posted from its thread)."""

    class _Failed(Message, bubble=False):
        """The worker could not write plan.toml (posted from its thread)."""

        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    class _Conflicted(Message, bubble=False):
        """The worker found plan.toml changed since it was read (posted from its thread)."""

    @property
    def save_pending(self) -> bool:
        """True while a change is not yet written to plan.toml."""
        return self._pending is not None

    def _request_save(self, state: RanklistState) -> None:
        self.matchapp.unsaved.add(self.PANE_ID)
        with self._state_lock:
            self._pending = state
            if self._saver_running or self._conflicted:
                return  # the running saver takes the newest list; a conflict asks first
            self._saver_running = True
        # Once the change is on screen: a write started at once competes with drawing that
        # frame for the interpreter (short turns, but many of them).
        self.call_after_refresh(self._start_saver)

    def _start_saver(self) -> None:
        app = self.matchapp  # looked up here: the thread does not ask Textual for it
        self.run_worker(
            lambda: self._save_in_thread(app),
            thread=True,
            group="rank-save",
            exit_on_error=False,
        )

    @staticmethod
    def _plan_to_write(app: MatchApp, state: RanklistState) -> PlanFile:
        """The plan as the app holds it now (the other panes' sections as they last saved
        them) with this list: built when written, never from an older plan."""
        return (app.plan or PlanFile()).model_copy(update={"ranklist": state})

    def _save_in_thread(self, app: MatchApp) -> None:
        workspace = app.workspace
        while True:
            with self._write_lock:
                with self._state_lock:
                    state = self._pending
                    if state is None or self._conflicted:
                        self._saver_running = False
                        return
                try:
                    with yielding_often():  # the keys pressed meanwhile stay quick
                        workspace.save_plan(self._plan_to_write(app, state))
                except Conflict:
                    with self._state_lock:
                        self._conflicted = True
                        self._saver_running = False
                    self._post(self._Conflicted())
                    return
                except (FileProblems, OSError) as exc:
                    with self._state_lock:  # kept as pending: the next change or leaving retries
                        self._saver_running = False
                    self._post(self._Failed(exc))
                    return
                with self._state_lock:
                    if self._pending is state:
                        self._pending = None
            self._post(self._Saved())

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app's loop closed meanwhile (quitting)
            self.post_message(message)

    def _write_newest(self, how: How) -> None:
        """Write the newest list now, on the calling thread (after any write in progress);
        raises what the save raises. `how`: "keep" overwrites a changed file, the other
        version kept beside it as a dated copy."""
        with self._write_lock:
            with self._state_lock:
                state = self._pending
                self._conflicted = False
            if state is None:
                return  # written meanwhile by the worker
            app = self.matchapp
            try:
                app.workspace.save_plan(self._plan_to_write(app, state), keep_mine=how == "keep")
            except Conflict:
                with self._state_lock:
                    self._conflicted = True  # the dialog asks: no thread saves meanwhile
                raise
            with self._state_lock:
                if self._pending is state:
                    self._pending = None

    def _save_here(self) -> None:
        """Write the newest list on the UI thread through guarded_save: a changed plan.toml
        asks (reload, keep mine), another failure notifies, naming the file."""

        def reload() -> None:
            self._drop_pending()
            reload_plan(self)

        def cancelled() -> None:  # the change stays unsaved: saved with the next, or on leaving
            self._conflicted = False

        guarded_save(
            self,
            self._write_newest,
            saved=lambda _: self._after_write(),
            reload=reload,
            cancelled=cancelled,
            what="plan.toml",
        )

    def _after_write(self) -> None:
        # The newest list was written (a change made meanwhile is for its own save to write).
        if self._pending is None:
            self.matchapp.unsaved.discard(self.PANE_ID)

    def _drop_pending(self) -> None:
        with self._state_lock:
            self._pending = None
            self._conflicted = False
        self.matchapp.unsaved.discard(self.PANE_ID)

    @on(_Saved)
    def _worker_saved(self) -> None:
        self._after_write()

    @on(_Failed)
    def _worker_failed(self, message: _Failed) -> None:
        save_failed(self, message.error, "plan.toml")

    @on(_Conflicted)
    def _worker_conflicted(self) -> None:
        if not self._conflicted:
            return  # answered meanwhile (a reload)
        if self._pending is None:
            self._conflicted = False
            return
        self._save_here()  # tries once more here; a conflict still there asks

    def flush_save(self) -> None:
        """Write a change not yet saved now, on the UI thread (before another pane can save
        plan.toml); nothing while the conflict dialog asks about it."""
        if self._pending is not None and not self._conflicted:
            self._save_here()

    def on_screen_suspend(self, event: ScreenSuspend) -> None:
        self.flush_save()

    def _flush_at_exit(self) -> None:
        """Quitting: no dialog can be answered, so a plan.toml changed elsewhere is kept beside
        ours as plan.toml.other-DATE-RANDOM (as the Mix pane does) and ours is written."""
        if self._pending is None:
            return
        with suppress(OSError, FileProblems):
            self._write_newest("keep")

    async def settle(self) -> None:
        self._flush_at_exit()

    def on_unmount(self) -> None:
        self._flush_at_exit()

    def _move_to(self, index: int, target: int) -> None:
        items = move(self.items, index, target)
        self._commit(items, target, change=lambda rows: rows.moved(items, index, target))

    def _on_couples(self) -> bool:
        """Whether the keys act on the Couples tab's pairs (it is shown and built)."""
        return self._tabs.active == "tab-couples" and self._later.built("tab-couples")

    def action_move(self, step: int) -> None:
        if self._on_couples():
            pair = self._pair_index()
            if pair is not None:
                self._move_pair(pair, max(0, min(pair + step, len(self.state.pairs) - 1)))
            return
        index = self.current_index()
        if index is not None:
            self._move_to(index, max(0, min(index + step, len(self.items) - 1)))

    def action_to_top(self) -> None:
        if self._on_couples():
            pair = self._pair_index()
            if pair is not None:
                self._move_pair(pair, 0)
            return
        index = self.current_index()
        if index is not None:
            self._move_to(index, 0)

    def action_remove(self) -> None:
        if self._on_couples():
            pair = self._pair_index()
            if pair is not None:
                pairs = [p for i, p in enumerate(self.state.pairs) if i != pair]
                self._commit_pairs(pairs, max(0, min(pair, len(pairs) - 1)))
            return
        index = self.current_index()
        if index is not None:
            items = [it for i, it in enumerate(self.items) if i != index]
            self._commit(
                items,
                max(0, min(index, len(items) - 1)),
                change=lambda rows: rows.removed(items, index),
            )

    def action_add(self) -> None:
        if self._on_couples():
            field_at(self, ".couples-add").focus()
            return
        field_at(self, ".rank-add").focus()

    # By class: the Input has it from the start, and the id only once its stand-in is gone.
    @on(Input.Submitted, ".rank-add")
    def _add_submitted(self, event: Input.Submitted) -> None:
        ref = " ".join(event.value.split())
        if not ref:
            self.query_one("#rank-table").focus()
            return
        problem = ref_problem(ref)
        if problem:
            self.notify(problem, title="Add a program", severity="warning", markup=False)
            return
        found = self.tracker.find(ref)
        begun = found is None and (found := self.tracker.find_beginning(ref)) is not None
        # A program ranks once: refused here as `ranklist check` refuses the list (engine).
        repeat = repeat_of(self.resolved, ref, found)
        if repeat is not None:
            self.notify(repeat.text, title="Add a program", severity="warning", markup=False)
            return
        if begun and found is not None:
            self.notify(
                f"Added {found.name}: the one program in your list whose name begins '{ref}'.",
                title="Add a program",
                markup=False,
            )
        program = (found.nrmp_code or found.name) if found is not None else ref
        event.input.value = ""
        items = [*self.items, RankItem(program=program)]
        self._commit(items, len(self.items), change=lambda rows: rows.appended(items, 1))
        self.query_one("#rank-table").focus()

    def action_add_interviewed(self) -> None:
        if self._on_couples():
            self._pair_own_ranks()
            return
        # Never a program ranked already, by any name the list gives it (engine).
        extra, held = interviewed_to_add(self.tracker, self.resolved)
        if extra:
            items = [*self.items, *extra]
            self._commit(
                items, len(self.items), change=lambda rows: rows.appended(items, len(extra))
            )
        if held:
            self.notify(
                held_back_text(held),
                title="Add interviewed",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def action_chance(self, points: int) -> None:
        if self._on_couples():
            self._pair_chance("a", points)
            return
        index = self.current_index()
        if index is None:
            return
        current = self.resolved[index].chance
        value = round(min(1.0, max(0.0, current + points / 100)), 2)
        items = list(self.items)
        items[index] = items[index].model_copy(update={"chance": value})
        self._commit(items, index, change=lambda rows: rows.replaced(items, index))

    def action_chance_b(self, points: int) -> None:
        if self._on_couples():
            self._pair_chance("b", points)

    def action_hard_stop(self) -> None:
        index = self.current_index()
        if index is None:
            return
        name = self.resolved[index].label
        stops = [s for s in self.state.hard_stops if norm(s) != norm(name)]
        if len(stops) == len(self.state.hard_stops):
            stops.append(name)
        self._commit(
            self.items, index, change=lambda rows: rows.stops_changed(stops), hard_stops=stops
        )

    def action_suggest(self) -> None:
        order, dropped = suggest_order(
            self.items, self.state.weights, self.state.hard_stops, self.tracker
        )
        self._commit(order + dropped, 0)
        if dropped:
            self.notify(
                f"{len(dropped)} hard-stopped program(s) moved to the bottom: remove them "
                "before you certify.",
                markup=False,
                timeout=5,
            )

    def action_mark(self) -> None:
        index = self.current_index()
        if index is not None:
            self.mark_a = self.items[index].program
            self.refresh_view()

    def action_score(self, step: int) -> None:
        if not self._later.built("tab-criteria"):
            return  # shown a moment ago and still being built: no cell under the cursor yet
        table = self._criteria_table()
        row, col = table.cursor, table.cursor_column
        if not 1 <= col <= len(CRITERIA):
            return
        criterion = CRITERIA[col - 1]
        if row == 0:
            weights = dict(self.state.weights)
            weights[criterion] = max(0, min(5, weights.get(criterion, 0) + step))
            self._commit(self.items, scores_only=True, weights=weights)
            return
        index = row - 1
        if index >= len(self.items):
            return
        item = self.items[index]
        scores = dict(item.scores)
        scores[criterion] = max(0, min(5, scores.get(criterion, 0) + step))
        items = list(self.items)
        items[index] = item.model_copy(update={"scores": scores})
        self._commit(items, scores_only=True, criteria_row=row)
