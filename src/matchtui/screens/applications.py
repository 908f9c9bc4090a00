"""Applications pane (F7): every program from application to interview, with yields and costs.

The table is virtual (widgets/program_table.py): it draws only the lines on screen, so a filter
over 20,000 programs is a new list of indices, never a refill; a stage change validates through
engine.tracker.move, redraws that one row and saves the list through the Workspace in a worker
thread. Today, Yields and Costs are computed when shown.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static, TabbedContent

from matchtui.background import yielding_often
from matchtui.engine.memo import LastResult, Same
from matchtui.engine.tracker import (
    ALL,
    Filters,
    MoveError,
    Orders,
    deadline_warning,
    division_map,
    ledger,
    moved_note,
    rank_list_codes,
    ranking_opens,
    season_of,
    stage_date,
    step_back,
    today_view,
    yields,
)
from matchtui.engine.wording import plural
from matchtui.errors import Conflict, FileProblems
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import (
    PROGRAM_STATUSES,
    SIGNAL_KINDS,
    SIGNAL_LABELS,
    STAGE_SHORT_LABELS,
    Program,
    ProgramList,
)
from matchtui.screens.base import PaneScreen, tabbed_samples
from matchtui.store import PROGRAMS, Saved
from matchtui.themes import text_style
from matchtui.widgets.alike_lines import PaneVertical
from matchtui.widgets.alike_tabs import PaneTabbedContent, PaneTabPane
from matchtui.widgets.conflict import guarded_programs_save, guarded_save, reload_plan
from matchtui.widgets.cycle_select import CycleSelect
from matchtui.widgets.name_cuts import NameCuts, cells
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.tracker_views import (
    LinesView,
    costs_text,
    load_problem_hint,
    removal_question,
    split_lines,
    stage_label,
    today_text,
    yields_text,
)

if TYPE_CHECKING:
    from matchtui.app import MatchApp
    from matchtui.models.rank_state import RankItem
    from matchtui.models.ranklist import RanklistState

# What the pane's first visit works out from the program list, worked out ahead at idle by
# `ApplicationsScreen.warm_data` (in the app's preload thread) and taken by the visit when it
# reads the same records. Orders are handed out once (`_order_for`): the pane changes the
# orders it holds in place as programs change.
_ORDERS: LastResult[Orders] = LastResult()
_SPECIALTIES: LastResult[list[str]] = LastResult()


def _order_for(programs: list[Program], sort: str) -> Orders:
    """`Orders(programs)` with `sort`'s order ready (taken ready if worked out ahead from the
    same records, `warm_data`)."""
    orders = Orders(programs)
    ready = _ORDERS.get((Same(programs), sort), lambda: _one_order(programs, sort))
    _ORDERS.clear()  # this pane changes that order in place from now on: nobody else gets it
    orders.adopt(ready)
    orders.order(sort)
    return orders


def _one_order(programs: list[Program], sort: str) -> Orders:
    return Orders(list(programs)).prepare([sort])


def _specialties_in(programs: list[Program]) -> list[str]:
    """The specialties the list holds, sorted (the list returned is not to be changed)."""
    return _SPECIALTIES.get((Same(programs),), lambda: sorted({p.specialty for p in programs}))


# key -> stage; the same letters are listed under the table.
STAGE_KEYS: tuple[tuple[str, str], ...] = (
    ("a", "applied"),
    ("i", "invited"),
    ("s", "scheduled"),
    ("v", "interviewed"),
    ("t", "thanked"),
    ("l", "second_look"),
    ("k", "ranked"),
    ("r", "rejected"),
    ("w", "withdrawn"),
)
# (key, label, width): fixed widths, so a row never makes the table measure its columns again.
# The program's name takes the width the others leave (the table's `fit`, NAME_MOST at most):
# 31 cells at 120 columns, where every column shows with the scroll bar's room kept. Narrower,
# the NRMP code, the interview date, the specialty and the tier are left out in that order
# (DROPPED; the details, Enter, have them all) while the name would get fewer than NAME_LEAST:
# at 80 columns the name has 38 cells beside the state, signal, stage and its date.
NAME_MOST, NAME_LEAST = 60, 28
DROPPED = ("code", "interview", "specialty", "tier")
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Program", NAME_MOST),
    ("state", "St", 3),
    ("specialty", "Specialty", 11),
    ("tier", "Tier", 9),
    ("signal", "Signal", 6),
    ("stage", "Stage", 11),  # the widest short stage label (STAGE_SHORT_LABELS)
    ("date", "Date", 10),
    ("interview", "Interview", 10),
    ("code", "NRMP code", 9),
)
SORTS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("stage", "Stage"),
    ("date", "Stage date"),
    ("state", "State"),
    ("specialty", "Specialty"),
    ("tier", "Tier"),
    ("signal", "Signal"),
)
# Up to this many programs the Today, Yields and Costs views are computed at once when shown;
# above it in a worker thread (20,000 programs take 50-100 ms, several frames).
VIEW_SYNC_MAX = 1000
HINT = (
    "Stage: a applied · i invited · s scheduled · v interviewed · t thank-you · l second look · "
    "k ranked · r rejected · w withdrawn · u back a stage · Enter details · n add · e correct · "
    "Delete remove · 1-4 views"
)


class ApplicationsScreen(PaneScreen):
    PANE_ID = "applications"
    AUTO_FOCUS = "#apps-table"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "view('apps-list')", "List", id="apps.list", tooltip="The program table"),
        Binding(
            "2",
            "view('apps-today')",
            "Today",
            id="apps.today",
            tooltip="Invites to answer, interviews ahead, clashes, thank-you notes",
        ),
        Binding(
            "3",
            "view('apps-yields')",
            "Yields",
            id="apps.yields",
            tooltip="Invitations per application by signal, tier and region",
        ),
        Binding(
            "4",
            "view('apps-costs')",
            "Costs",
            id="apps.costs",
            tooltip="ERAS and NRMP fees and your own costs, by kind and month",
        ),
        Binding("enter", "detail", "Details", id="apps.detail", tooltip="Notes and costs"),
        Binding(
            "n", "add_program", "Add", id="apps.add", tooltip="Add a program to your list by hand"
        ),
        Binding(
            "e",
            "edit_program",
            "Correct",
            show=False,
            id="apps.edit",
            tooltip="Correct the selected program's name, place, specialty, tier, track or signal",
        ),
        Binding(
            "delete",
            "remove_program",
            "Remove",
            show=False,
            id="apps.remove",
            tooltip="Remove the selected program from your list (asks first)",
        ),
        Binding(
            "u",
            "back_stage",
            "Back a stage",
            show=False,
            id="apps.back",
            tooltip="Undo the selected program's last stage move (its date is cleared)",
        ),
        *(
            Binding(
                key,
                f"stage('{stage}')",
                stage_label(stage),
                show=False,
                id=f"apps.stage-{stage}",
                tooltip=f"Move the selected program to '{stage_label(stage).lower()}'",
            )
            for key, stage in STAGE_KEYS
        ),
    ]

    @classmethod
    def style_samples(cls) -> list[Widget]:
        return [
            *tabbed_samples(),
            Vertical(),
            LinesView(),
            ProgramTable[int](),
            CycleSelect([("x", "x")], "x"),
        ]

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """The table's order for the sort it opens on and the specialty filter's options,
        from the program list validated in memory. (The other sorts are left to the worker
        the visit starts after its first frame: at idle they would be ~0.2 s more of the
        preload thread at 20,000 programs, which a visit made meanwhile shares the
        interpreter with.)"""
        programs = app.workspace.peek_programs_warm()
        if programs is None:
            return
        listed = programs.programs
        sort = Filters().sort
        _ORDERS.get((Same(listed), sort), lambda: _one_order(listed, sort))
        _specialties_in(listed)

    def __init__(self) -> None:
        super().__init__()
        # The breakpoint class the first resize would add, set before the widgets are styled:
        # added after, it restyles every widget of the pane once more.
        width = self.app.size.width
        for threshold, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= threshold:
                self.add_class(name)
                break
        self.programs = ProgramList.empty()
        self.programs_ok = True
        self.filters = Filters()
        self.shown: list[int] = []  # program indices in table order (filled or not)
        self.orders = Orders(self.programs.programs)  # each sort's order, kept as programs change
        self._views_version = 0  # a view computed in a thread for an older list is not shown
        # Each view's text as shown, by what it was worked out from (`_view_basis`).
        self._views_shown: dict[str, tuple[object, ...]] = {}
        self._specialties: list[str] = []  # the specialties the filter offers (besides Any)
        self._save_lock = threading.Lock()
        self._change_count = 0
        self._saved_count = 0
        self._programs_seen = 0  # the app's program-list version this pane holds
        self._name_cuts: NameCuts | None = None  # for the names listed now (None: made when asked)
        self._problems: FileProblems | None = None  # why programs.toml did not load
        self._hint = HINT  # the text under the table
        self._table: ProgramTable[int] | None = None  # found once (each row drawn asks for it)

    # -- layout --------------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        with PaneTabbedContent(id="apps-tabs", initial="apps-list"):
            with PaneTabPane("List", id="apps-list"), PaneVertical(id="apps-main"):
                # Changed in place (left/right): no list opens, only the line is redrawn.
                with Horizontal(id="apps-filters"):
                    yield CycleSelect(
                        [("Any stage", ALL)] + [(stage_label(s), s) for s in PROGRAM_STATUSES],
                        ALL,
                        id="filter-stage",
                        tooltip="Show one stage",
                    )
                    yield CycleSelect(
                        [("Any specialty", ALL)],
                        ALL,
                        id="filter-specialty",
                        tooltip="Show one specialty",
                    )
                    yield CycleSelect(
                        [("Any region", ALL)]
                        + [
                            (name, region)
                            for region, name in self.catalog.region_choices(short=True).items()
                        ],
                        ALL,
                        id="filter-region",
                        tooltip="Show one region",
                    )
                    yield CycleSelect(
                        [("Any signal", ALL)] + [(SIGNAL_LABELS[s], s) for s in SIGNAL_KINDS],
                        ALL,
                        id="filter-signal",
                        tooltip="Show one kind of signal",
                    )
                    yield CycleSelect(
                        [("Any tier", ALL)] + [(TIER_LABELS[t], t) for t in TIERS],
                        ALL,
                        id="filter-tier",
                        tooltip="Show one tier",
                    )
                    yield CycleSelect(
                        [(f"Sort: {label}", key) for key, label in SORTS],
                        "name",
                        id="filter-sort",
                        tooltip="Order the list by",
                    )
                yield Static("", id="apps-count", markup=False)
                yield ProgramTable[int](
                    COLUMNS,
                    self._cells_of,
                    fit="name",
                    fit_min=NAME_LEAST,
                    drop=DROPPED,
                    id="apps-table",
                )
                yield Static(HINT, id="apps-hint", markup=False)
            with PaneTabPane("Today", id="apps-today"):
                yield LinesView(id="apps-today-text")
            with PaneTabPane("Yields", id="apps-yields"):
                yield LinesView(id="apps-yields-text")
            with PaneTabPane("Costs", id="apps-costs"):
                yield LinesView(id="apps-costs-text")

    def on_mount(self) -> None:
        # A filter applies in the key's own step (see CycleSelect: watching its index), so the
        # new value, the count and the rows reach the terminal in one frame.
        for select in self.query_one("#apps-filters").query(CycleSelect):
            self.watch(select, "index", partial(self._filter, select), init=False)
        self.load()

    @property
    def table(self) -> ProgramTable[int]:
        table = self._table
        if table is None:
            table = self._table = self.query_one("#apps-table", ProgramTable)
        return table

    # -- data ----------------------------------------------------------------------------------
    def load(self) -> None:
        """Read programs.toml: in a worker thread in a real session (validating 5,000 programs
        takes longer than a frame) unless it is in memory already (read at idle after
        start-up: then in this step, with no "Loading" frame first), at once under tests so the
        pane is ready when the app is, and at once when there is no file yet."""
        workspace = self.matchapp.workspace
        if self.matchapp.interactive and workspace.store.exists(PROGRAMS):
            warm = workspace.load_programs_warm()
            if warm is not None:  # read at idle after start-up: shown in this step
                self._loaded(*self._ordered(warm, None))
                return
            self.query_one("#apps-count", Static).update("Loading your programs…")
            self.run_worker(self._load_in_thread, thread=True, group="apps-load")
        else:
            self._loaded(*self._read())

    def on_screen_resume(self) -> None:
        """Back on the pane: the list as another pane changed (or read) it since, if it did;
        else read again if another window or command changed the file meanwhile (none of
        this pane's changes waiting to be written: those would meet it as a conflict)."""
        latest = self.matchapp.latest_programs(self._programs_seen)
        if latest is not None and self.programs_ok:
            self._loaded(*self._ordered(latest, None))
        elif (
            self._change_count == self._saved_count
            and self.matchapp.workspace.programs_changed_elsewhere()
        ):
            self.load()

    def _read(self) -> tuple[ProgramList | None, FileProblems | None, Orders]:
        """The list, its problems (or None), and the order of the sort on show (sorting 20,000
        programs takes ~25 ms: done here, in the load's thread, not on the event loop; the
        other sorts are prepared in a thread once the table is on screen)."""
        try:
            programs: ProgramList | None = self.matchapp.workspace.load_programs()
            problems: FileProblems | None = None
        except FileProblems as exc:
            programs, problems = None, exc
        return self._ordered(programs, problems)

    def _ordered(
        self, programs: ProgramList | None, problems: FileProblems | None
    ) -> tuple[ProgramList | None, FileProblems | None, Orders]:
        orders = _order_for((programs or ProgramList.empty()).programs, self.filters.sort)
        return programs, problems, orders

    def _prepare_orders(self) -> None:
        """Every other sort's order, in a worker thread over a copy of the list; kept only if
        no program changed meanwhile (else each is computed when first asked for)."""
        version = self._views_version
        snapshot = list(self.programs.programs)

        def work() -> None:
            with yielding_often():
                ready = Orders(snapshot).prepare()
            self.app.call_from_thread(self._orders_ready, version, ready)

        self.run_worker(work, thread=True, group="apps-orders", exit_on_error=False)

    def _orders_ready(self, version: int, ready: Orders) -> None:
        if version == self._views_version:
            self.orders.adopt(ready)

    def _load_in_thread(self) -> None:
        with yielding_often():  # keys pressed meanwhile stay quick (see matchtui.background)
            read = self._read()
        self.app.call_from_thread(self._loaded, *read)

    def _loaded(
        self, programs: ProgramList | None, problems: FileProblems | None, orders: Orders
    ) -> None:
        self.programs = programs or ProgramList.empty()
        self.programs_ok = programs is not None
        self._name_cuts = None
        if programs is not None:
            self._programs_seen = self.matchapp.programs_changed(programs, read=True)
        self.orders = (
            orders if orders.programs is self.programs.programs else Orders(self.programs.programs)
        )
        self._views_version += 1
        if len(self.programs.programs) > VIEW_SYNC_MAX:
            # After the first frame: a worker sorting meanwhile would take turns with the
            # event loop while it lays the pane out and draws it.
            self.call_after_refresh(self._prepare_orders)
        self.matchapp.freeze_read_data()
        if (problems is None) != (self._problems is None):
            self.refresh_bindings()  # adding is offered only for a list that loaded
        self._problems = problems
        if problems is not None:
            self.notify(
                f"{problems.summary()}. The list is not shown and will not be overwritten.",
                title="programs.toml could not be loaded",
                severity="error",
                timeout=15,
                markup=False,
            )
        self._follow_specialties()
        self.fill()
        active = self.query_one("#apps-tabs", TabbedContent).active
        if active != "apps-list":
            self._show_view(active)  # opened while the list was read: shown with the list now

    def _follow_specialties(self) -> bool:
        """The specialty filter offers the specialties the list holds now (as composed: no
        programs, no specialty); True if they changed."""
        present = _specialties_in(self.programs.programs)
        if present == self._specialties:
            return False
        self._specialties = present
        self._specialty_options(present)
        return True

    def _specialty_options(self, present: list[str]) -> None:
        """The specialties in the list; the one shown stays if still there, else Any."""
        select = self.query_one("#filter-specialty", CycleSelect)
        select.set_options(
            [("Any specialty", ALL)]
            + [
                (self.catalog.specialty_name(s) if s in self.catalog.specialties else s, s)
                for s in present
            ]
        )
        if self.filters.specialty != select.value:
            self.filters = replace(self.filters, specialty=select.value)

    def fill(self) -> None:
        """Show the programs the filters let through, in sort order."""
        self.shown = self.orders.visible(self.filters, self.catalog.region_of_state)
        self.table.set_rows(self.shown)
        total = len(self.programs.programs)
        count = f"{len(self.shown)} of {plural(total, 'program')}"
        problems = self._problems
        if problems is not None:
            count = "programs.toml did not load: nothing to show, add or change (see below)"
        elif not total:
            count += ": n adds one; `matchtui programs import FILE` reads a list"
        # One line of fixed size (applications.tcss): no layout pass for a new count.
        self.query_one("#apps-count", Static).update(count, layout=False)
        hint = HINT if problems is None else load_problem_hint(problems)
        if hint != self._hint:
            self._hint = hint
            self.query_one("#apps-hint", Static).update(hint)

    def _cells_of(self, index: int) -> tuple[Text, ...]:
        return self._cells(self.programs.programs[index])

    def _cells(self, p: Program) -> tuple[Text, ...]:
        specialty = self.catalog.specialties.get(p.specialty)
        when = stage_date(p)
        stage_style = {"rejected": "dim", "withdrawn": "dim", "invited": "bold"}.get(p.status, "")
        return (
            Text(self._name_shown(p.name)),
            Text(p.state),
            Text(specialty.short if specialty else p.specialty),
            Text(TIER_LABELS[p.tier]),
            Text("" if p.signal == "none" else p.signal),
            Text(STAGE_SHORT_LABELS.get(p.status, p.status), style=stage_style),
            Text(when.isoformat() if when else ""),
            Text(p.interview_on.isoformat() if p.interview_on else ""),
            Text(p.nrmp_code or ""),
        )

    def _name_shown(self, name: str) -> str:
        """`name` as its column shows it: whole if it fits, else cut so that it still reads
        differently from every other name of the list (widgets/name_cuts.py)."""
        width = self.table.column_width("name")
        if cells(name) <= width:
            return name
        if self._name_cuts is None:
            listed = self.programs.programs
            self._name_cuts = NameCuts(lambda: (p.name for p in listed))
        return self._name_cuts.cut(name, width)

    def selected_index(self) -> int | None:
        return self.table.selected

    def replace_program(self, index: int, program: Program) -> None:
        """Put a changed program in the list, redraw its row only (every row on screen if its
        name changed: a cut name may read differently now), and save."""
        renamed = self.programs.programs[index].name != program.name
        self.programs.programs[index] = program
        self.orders.changed(index)
        self._views_version += 1
        if renamed:
            self._name_cuts = None
            self.table.redraw()
        else:
            self.table.update_row(index)
        self._request_save()

    # -- saving (through the Workspace, off the event loop) ------------------------------------
    def _request_save(self) -> None:
        if not self.programs_ok:
            self.notify("programs.toml did not load, so changes are not saved.", severity="warning")
            return
        self._change_count += 1
        self._programs_seen = self.matchapp.programs_changed(self.programs)
        self.matchapp.unsaved.add(self.PANE_ID)
        self.run_worker(self._save_latest, thread=True, group="apps-save", exit_on_error=False)

    def _save_latest(self) -> None:
        with self._save_lock:  # saves run one at a time, each writing the newest list
            wanted = self._change_count
            if wanted <= self._saved_count:
                return
            snapshot = self.programs.model_copy(update={"programs": list(self.programs.programs)})
            try:
                with yielding_often():  # the keys pressed meanwhile stay quick
                    self.matchapp.workspace.save_programs(snapshot)
            except Conflict:
                # Another window or a CLI import changed the file since it was read: ask on the
                # UI thread (reload, keep mine, or merge what they added), as the Mix pane does;
                # never overwritten silently, never dropped silently.
                self.app.call_from_thread(self._save_after_conflict, snapshot, wanted)
                return
            except (OSError, FileProblems) as exc:
                self.app.call_from_thread(
                    self.notify, f"Could not save programs.toml: {exc}", severity="error"
                )
                return
            self._saved_count = wanted
        self.app.call_from_thread(self._saved, wanted)

    def _saved(self, count: int) -> None:
        if count >= self._change_count:
            self.matchapp.unsaved.discard(self.PANE_ID)

    def _save_after_conflict(self, snapshot: ProgramList, wanted: int) -> None:
        def saved(result: Saved[ProgramList]) -> None:
            self._saved_count = max(self._saved_count, wanted)
            self._saved(wanted)
            if result.merged:  # their records added to ours: show the list as saved
                self._loaded(result.model, None, Orders(result.model.programs))

        def reload() -> None:
            self._saved_count = self._change_count  # the edits made here are given up
            self._saved(self._change_count)
            self.load()

        guarded_programs_save(self, snapshot, saved=saved, reload=reload)

    # -- actions -------------------------------------------------------------------------------
    def action_view(self, tab: str) -> None:
        tabs = self.query_one("#apps-tabs", TabbedContent)
        if tabs.active == tab:
            self._show_view(tab)  # shown already: worked out again
        else:
            tabs.active = tab  # TabActivated works it out (once)
        if tab == "apps-list":
            self.table.focus()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._show_view(event.pane.id or "")

    def on_theme(self) -> None:
        self._show_view(self.query_one("#apps-tabs", TabbedContent).active)

    def _show_view(self, tab: str) -> None:
        """Compute and show the Today, Yields or Costs view (nothing to do for the list).

        A long list is computed in a worker thread (the text too); the view says it is being
        worked out until then, and a result for a list that changed meanwhile is dropped."""
        basis = self._view_basis(tab)
        if self._views_shown.get(tab) == basis:
            return  # it shows this list as it is now already: nothing to work out again
        make = self._view_maker(tab)
        if make is None:
            return
        target = self.query_one(f"#{tab}-text", LinesView)
        if len(self.programs.programs) <= VIEW_SYNC_MAX:
            target.show(make())
            self._views_shown[tab] = basis
            return
        self._views_shown.pop(tab, None)
        target.show(Text(f"Working out {len(self.programs.programs):,} programs…", style="dim"))
        version = self._views_version

        def work() -> None:
            with yielding_often():
                text = make()
                lines = split_lines(text)
            self.app.call_from_thread(self._view_done, tab, version, basis, text, lines)

        self.run_worker(work, thread=True, group=f"apps-view-{tab}", exit_on_error=False)

    def _view_basis(self, tab: str) -> tuple[object, ...]:
        """What a view's text is worked out from: the list's version, the theme (its colours)
        and the applicant's target region (Yields), and for Today the minute (its hours
        left). A view already showing the same basis is not worked out again when its tab
        is shown again (at 20,000 programs, 45-75 ms in a worker each time)."""
        today = tab == "apps-today"
        return (
            self._views_version,
            self.app.theme,
            self.profile.targets.region if tab == "apps-yields" else None,
            self._today_now().replace(second=0, microsecond=0) if today else None,
            self.profile.cycle_year if today else None,  # its Match Day ends the reminders
            self._rank_items() if tab == "apps-costs" else None,  # its codes are NRMP fees
        )

    def _rank_items(self) -> tuple[RankItem, ...]:
        """The rank list as the Rank list pane keeps it (its program codes are NRMP fees)."""
        state = self.plan.ranklist
        return tuple(state.items) if state is not None else ()

    def _today_now(self) -> dt.datetime:
        now = dt.datetime.now()
        if now.date() != self.matchapp.today:
            now = dt.datetime.combine(self.matchapp.today, dt.time(9, 0))
        return now

    def _view_done(
        self, tab: str, version: int, basis: tuple[object, ...], text: Text, lines: list[Text]
    ) -> None:
        if version != self._views_version:
            return  # the list changed while it was computed: shown again when next opened
        self.query_one(f"#{tab}-text", LinesView).show(text, lines)
        self._views_shown[tab] = basis

    def _view_maker(self, tab: str) -> Callable[[], Text] | None:
        """A function that computes one view's text from a snapshot of the list as it is now
        (safe to call in a worker thread: it reads nothing the pane changes later)."""
        programs = list(self.programs.programs)
        if tab == "apps-today":
            now = self._today_now()
            alert = text_style(self.app, "text-error") + Style(bold=True)
            season = season_of(self.catalog, self.profile.cycle_year)
            return lambda: today_text(today_view(programs, now, season=season), alert)
        if tab == "apps-yields":
            regions = self.catalog.region_of_state
            target = self.profile.targets.region
            divisions = division_map(self.catalog)
            names = self.catalog.region_choices()  # with "No census region" for Puerto Rico
            division_names = {d.id: d.name for d in self.catalog.divisions.values()}
            got = partial(yields, programs, regions, target, divisions)
            return lambda: yields_text(got(), names, division_names)
        if tab == "apps-costs":
            catalog = self.catalog
            year = self.profile.cycle_year
            catalog.fee_schedule()  # the catalog reads its files here, on the event loop's thread
            ranks = self._rank_items()
            if ranks:
                from matchtui.engine.ranklist import ranklist_data

                ranklist_data(catalog)  # and the rank list's, for its program codes

            def costs() -> Text:
                codes = rank_list_codes(ranks, programs, catalog)
                return costs_text(ledger(programs, catalog, year, codes))

            return costs
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Adding is not offered (nor done) when programs.toml did not load: the hint under
        the table says what to fix instead."""
        if action == "add_program" and self._problems is not None:
            return False
        return super().check_action(action, parameters)

    def _on_list(self) -> bool:
        return self.query_one("#apps-tabs", TabbedContent).active == "apps-list"

    def action_stage(self, stage: str) -> None:
        index = self.selected_index() if self._on_list() else None
        if index is not None:
            self._stage_at(index, stage)

    def _stage_at(self, index: int, stage: str) -> None:
        """Ask for the date of the program `index`'s move to `stage`, then make it."""
        program = self.programs.programs[index]
        from matchtui.widgets.tracker_dialogs import StagePrompt  # TextArea & co: when first used

        def done(moved: Program | None) -> None:
            if moved is not None:
                self.replace_program(index, moved)
                self.notify(
                    f"{moved.name}: {stage_label(moved.status).lower()}"
                    + moved_note(program, moved),
                    timeout=3,
                    markup=False,
                )
                season = season_of(self.catalog, self.profile.cycle_year)
                late = deadline_warning(moved, season, self.matchapp.today)
                if late is not None and stage in ("scheduled", "interviewed"):
                    self.notify(
                        f"{moved.name}: {late}", severity="warning", timeout=12, markup=False
                    )

        ranking = (
            ranking_opens(self.catalog, self.profile.cycle_year) if stage == "ranked" else None
        )
        self.app.push_screen(StagePrompt(program, stage, self.matchapp.today, ranking), done)

    def action_back_stage(self) -> None:
        """Undo the selected program's last stage move: a key pressed on the wrong row, or a
        final stage chosen by mistake, is never stuck."""
        index = self.selected_index() if self._on_list() else None
        if index is None:
            return
        try:
            back, cleared = step_back(self.programs.programs[index])
        except MoveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.replace_program(index, back)
        was = f" ({cleared.isoformat()} cleared)" if cleared is not None else ""
        self.notify(
            f"{back.name}: back to {stage_label(back.status).lower()}{was}",
            timeout=4,
            markup=False,
        )

    def action_add_program(self) -> None:
        if not self.programs_ok:
            self.notify(
                "programs.toml did not load, so nothing can be added to it.", severity="warning"
            )
            return
        from matchtui.widgets.tracker_dialogs import AddProgram  # when first used

        targets = self.profile.targets.specialties
        self.app.push_screen(
            AddProgram(self.catalog, self.programs.programs, targets[0] if targets else ""),
            self.add_program,
        )

    def add_program(self, program: Program | None) -> None:
        """Put a new program at the end of the list, show it under the cursor (every filter
        let go if one would hide it), and save."""
        if program is None:
            return
        programs = self.programs.programs
        programs.append(program)
        self._name_cuts = None
        index = len(programs) - 1
        self.orders.added(index)
        self._views_version += 1
        self._follow_specialties()
        if index not in self.orders.visible(self.filters, self.catalog.region_of_state):
            self._clear_filters()
        self.fill()
        self.table.move_cursor(row=self.shown.index(index))
        self._request_save()
        self.notify(f"{program.name}: added", timeout=3, markup=False)

    def action_edit_program(self) -> None:
        index = self.selected_index() if self._on_list() else None
        if index is None or not self.programs_ok:
            return
        program = self.programs.programs[index]
        others = [p for p in self.programs.programs if p is not program]
        from matchtui.widgets.tracker_dialogs import AddProgram  # when first used

        def done(updated: Program | None) -> None:
            listed = self.programs.programs
            if updated is None or index >= len(listed) or listed[index] is not program:
                return
            follows = self._renamed_in_rank_list(index, updated)  # (the list as it was)
            self.replace_program(index, updated)
            if self._follow_specialties():
                self.fill()
            if follows is not None:
                self._save_rank_list(
                    follows,
                    f"Your rank list now names {updated.name} where it named {program.name}.",
                )

        self.app.push_screen(AddProgram(self.catalog, others, "", program), done)

    # -- the rank list follows (plan.toml) ------------------------------------------------------
    # The rank list names a program by its NRMP code, else by its name: a program renamed or
    # given another code here is named so there too, and one removed here is taken off it, so
    # no rank is left naming a program this list no longer holds (engine.ranklist).

    def _renamed_in_rank_list(self, index: int, updated: Program) -> RanklistState | None:
        """The saved rank list naming `updated` where it named the program `index` (as the
        list holds it still), or None when it does not change."""
        from matchtui.engine.ranklist import Tracker, renamed  # (when first needed)

        before = self.programs.programs[index]
        state = self.plan.ranklist
        if state is None or (before.name, before.nrmp_code) == (updated.name, updated.nrmp_code):
            return None
        return renamed(state, Tracker.of(self.programs.programs), index, updated)

    def _save_rank_list(self, state: RanklistState, done: str) -> None:
        """Save the rank list changed here in plan.toml (its other sections as the app holds
        them), and hand it to the Rank list pane."""
        plan = self.plan.model_copy(update={"ranklist": state})
        workspace = self.matchapp.workspace

        def saved(_: object) -> None:
            self.matchapp.plan = plan
            self.notify(done, timeout=5, markup=False)

        guarded_save(
            self,
            lambda how: workspace.save_plan(plan, keep_mine=how == "keep"),
            saved=saved,
            reload=lambda: reload_plan(self),
            what="plan.toml",
        )

    def action_remove_program(self) -> None:
        """Delete: asked first, with what goes with the program (engine.removal: its ranks on
        the rank list, a paid ERAS fee that withdrawing it would keep)."""
        index = self.selected_index() if self._on_list() else None
        if index is None or not self.programs_ok:
            return
        from matchtui.engine.removal import consequences, removal_of  # (when first needed)

        program = self.programs.programs[index]
        removal = removal_of(self.programs.programs, index, self.plan.ranklist)

        def still_there() -> bool:
            listed = self.programs.programs
            return index < len(listed) and listed[index] is program

        if not removal.loses:
            from matchtui.widgets.confirm import Confirm

            def decided(remove: bool | None) -> None:
                if remove and still_there():
                    self.remove_program(index)

            self.app.push_screen(
                Confirm(removal_question(program), yes="Remove", no="Keep"), decided
            )
            return
        from matchtui.widgets.tracker_dialogs import RemoveProgram

        def chose(answer: str | None) -> None:
            if not still_there():
                return
            if answer == "remove":
                self.remove_program(index)
            elif answer == "withdraw":
                self._stage_at(index, "withdrawn")

        dialog = RemoveProgram(
            removal_question(program),
            consequences(removal),
            removal.paid and removal.can_withdraw,
        )
        self.app.push_screen(dialog, chose)

    def remove_program(self, index: int) -> None:
        """Take a program off the list (the orders worked out again: every later index moves),
        keep the cursor at its place, and save; its ranks on the rank list go with it."""
        from matchtui.engine.ranklist import Naming, naming_words, without_ranks
        from matchtui.engine.removal import removal_of

        state = self.plan.ranklist
        where = removal_of(self.programs.programs, index, state).where
        removed = self.programs.programs.pop(index)
        self._name_cuts = None
        position = self.table.cursor
        self.orders = Orders(self.programs.programs)
        self._views_version += 1
        self._follow_specialties()
        self.fill()
        if self.shown:
            self.table.move_cursor(row=min(position, len(self.shown) - 1))
        self._request_save()
        self.notify(f"{removed.name}: removed", timeout=3, markup=False)
        if state is not None and where.ranks:
            self._save_rank_list(
                without_ranks(state, where.ranks),
                f"{removed.name}: taken off your rank list too "
                f"(it was {naming_words(Naming(where.ranks))}).",
            )

    def _clear_filters(self) -> None:
        self.filters = Filters(sort=self.filters.sort, reverse=self.filters.reverse)
        for select in self.query_one("#apps-filters").query(CycleSelect):
            if select.id != "filter-sort":
                select.set_options(select.options, ALL)  # shown, with no filter change posted

    def action_detail(self) -> None:
        index = self.selected_index() if self._on_list() else None
        if index is None:
            return
        program = self.programs.programs[index]
        region = self.catalog.state_region_label(program.state)
        specialty = (
            self.catalog.specialty_name(program.specialty)
            if program.specialty in self.catalog.specialties
            else program.specialty
        )

        from matchtui.widgets.tracker_dialogs import ProgramDetail  # when first used

        def done(updated: Program | None) -> None:
            if updated is not None and updated != program:
                self.replace_program(index, updated)

        self.app.push_screen(
            ProgramDetail(program, region, specialty),
            done,
        )

    @on(ProgramTable.RowActivated)
    def _row_activated(self, event: ProgramTable.RowActivated) -> None:
        event.stop()
        self.action_detail()

    # -- filters and sort ----------------------------------------------------------------------
    def _filter(self, select: CycleSelect, _index: int) -> None:
        name = (select.id or "").removeprefix("filter-")
        value = select.value
        current = self.filters
        if name == "sort":
            self.filters = replace(current, sort=value, reverse=False)
        elif name in ("stage", "specialty", "region", "signal", "tier"):
            change: dict[str, Any] = {name: value}  # one of the str fields named above
            self.filters = replace(current, **change)
        self.fill()

    @on(ProgramTable.HeaderSelected)
    def _sort_by_header(self, event: ProgramTable.HeaderSelected) -> None:
        event.stop()
        column = event.column
        if column not in dict(SORTS):
            return
        current = self.filters
        reverse = not current.reverse if current.sort == column else False
        self.filters = replace(current, sort=column, reverse=reverse)
        self.fill()

    def set_filters(self, filters: Filters) -> None:
        """Apply filters from code (tests, bench): the same path as the filter row."""
        self.filters = filters
        self.fill()
