"""The applicant's program list in the mix pane: a sortable, filterable table, actual vs target,
what to add or drop, and import from a file. Program names are shown as text, never markup."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, ClassVar, overload

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Static

from matchtui.background import yielding_often
from matchtui.engine.programs import ListComparison, over_yog_limit
from matchtui.engine.wording import plural
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import (
    PROGRAM_STATUSES,
    STAGE_LABELS,
    Program,
    ProgramList,
    ProgramStatus,
)
from matchtui.widgets.cycle_select import CycleSelect
from matchtui.widgets.mix_bars import set_text
from matchtui.widgets.program_table import ProgramTable

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.profile import Profile

ALL = "all"
SORT_KEYS: dict[str, str] = {
    "name": "Name",
    "state": "State",
    "region": "Region",
    "tier": "Tier",
    "status": "Status",
    "specialty": "Specialty",
}
# key, header, fixed width (a fixed width is never re-measured as rows stream in). Names and
# cities get the width of the longest in the list (NAME_WIDTHS bounds it), worked out per list.
# The status comes right after the name: it is what `s` changes, and at 80 columns the columns
# past the tier are off screen.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Program", 24),
    ("status", "Status", 11),
    ("city", "City", 12),
    ("state", "St", 2),
    ("region", "Region", 9),
    ("specialty", "Specialty", 10),
    ("tier", "Tier", 9),
    ("signal", "Signal", 6),
    ("yog", "YOG limit", 9),
)
_DEFAULT_WIDTH = {key: width for key, _label, width in COLUMNS}
NAME_WIDTHS = (7, 60)
# From this many programs the other sorts' orders are worked out in a thread once the list is
# shown (sorting 20,000 programs takes ~25 ms: not on a key press).
PREPARE_ORDERS_FROM = 1000
PREPARE_AFTER = 0.5  # seconds
_TIER_ORDER = {tier: i for i, tier in enumerate(TIERS)}
_STATUS_ORDER = {status: i for i, status in enumerate(PROGRAM_STATUSES)}


@dataclass(frozen=True)
class Filters:
    tier: str = ALL
    region: str = ALL
    status: str = ALL
    sort: str = "name"
    reverse: bool = False


def visible(programs: ProgramList, filters: Filters, catalog: Catalog) -> list[tuple[int, Program]]:
    """(index in the list, program) for the rows the filters let through, sorted."""
    return ListIndex(programs, catalog).visible(filters)


class ListIndex:
    """A program list prepared for fast filtering and sorting: each program's filter fields
    computed once, each sort order computed once per list (20,000 programs: a filter change
    is one pass over a ready order, not a sort). A status change updates one entry."""

    def __init__(self, programs: ProgramList, catalog: Catalog) -> None:
        self.programs = programs
        self.catalog = catalog
        region = catalog.region_of_state
        self._tier = [p.tier for p in programs.programs]
        self._region = [region.get(p.state, "") for p in programs.programs]
        self._status = [p.status for p in programs.programs]
        self._orders: dict[str, list[int]] = {}
        self._names: list[str] | None = None  # lower-case names, the tie-break of every sort
        # Programs per (tier, region, status): how many rows a filter lets through, without
        # a pass over the list.
        self._counts = Counter(zip(self._tier, self._region, self._status, strict=True))
        self.status_changes = 0  # how many times a program's status changed

    def _order(self, sort: str, statuses: Sequence[ProgramStatus] | None = None) -> list[int]:
        """The order of `sort` (kept); with `statuses`, the status order they give (not kept)."""
        order = None if statuses is not None else self._orders.get(sort)
        if order is None:
            items = self.programs.programs
            names = self._names
            if names is None:
                names = self._names = [p.name.lower() for p in items]
            by: Sequence[object]
            if sort == "name":
                by = names
            elif sort == "region":
                by = self._region
            elif sort == "tier":
                by = [_TIER_ORDER[t] for t in self._tier]
            elif sort == "status":
                by = [_STATUS_ORDER[s] for s in (self._status if statuses is None else statuses)]
            else:  # state, specialty
                by = [getattr(p, sort) for p in items]
            keys = list(zip(by, names, range(len(items)), strict=True))
            order = sorted(range(len(items)), key=keys.__getitem__)
            if statuses is None:
                self._orders[sort] = order
        return order

    def visible(self, filters: Filters) -> list[tuple[int, Program]]:
        order = self._order(filters.sort)
        if filters.reverse:
            order = order[::-1]
        tier, region, status = filters.tier, filters.region, filters.status
        tiers, regions, statuses = self._tier, self._region, self._status
        items = self.programs.programs
        return [
            (i, items[i])
            for i in order
            if (tier == ALL or tiers[i] == tier)
            and (region == ALL or regions[i] == region)
            and (status == ALL or statuses[i] == status)
        ]

    def prepare(self) -> tuple[int, list[int]]:
        """Work out every sort's order: called in a worker thread, so a first sort by a column
        is not a sort of the list. The status order (which a status change meanwhile would
        make wrong) is returned with the number of status changes it follows, for
        `adopt_status_order` on the event loop."""
        for sort in SORT_KEYS:
            if sort != "status":
                self._order(sort)
        changes = self.status_changes
        statuses = list(self._status)  # one copy, as they are now
        return changes, self._order("status", statuses)

    def adopt_status_order(self, changes: int, order: list[int]) -> None:
        """Keep a status order from `prepare` if no status changed since it was made."""
        if changes == self.status_changes and "status" not in self._orders:
            self._orders["status"] = order

    def shown(self, filters: Filters) -> ShownRows:
        """`visible(filters)` read as far as it is needed: a filter or sort change costs the
        rows the table loads, not a pass over 20,000 programs. Its length comes from the
        counts. Read it before the next status change (each fill asks for a new one)."""
        order = self._order(filters.sort)
        tier, region, status = filters.tier, filters.region, filters.status
        count = sum(
            n
            for (t, r, s), n in self._counts.items()
            if (tier == ALL or t == tier)
            and (region == ALL or r == region)
            and (status == ALL or s == status)
        )
        tiers, regions, statuses = self._tier, self._region, self._status
        items = self.programs.programs
        indices = reversed(order) if filters.reverse else iter(order)
        rows = (
            (i, items[i])
            for i in indices
            if (tier == ALL or tiers[i] == tier)
            and (region == ALL or regions[i] == region)
            and (status == ALL or statuses[i] == status)
        )
        return ShownRows(rows, count)

    def replaced(self, index: int, program: Program, programs: ProgramList) -> None:
        """`programs` is the list with `program` at `index` (its status changed)."""
        self.programs = programs
        if program.status != self._status[index]:
            self.status_changes += 1
            key = (self._tier[index], self._region[index], self._status[index])
            self._counts[key] -= 1
            self._counts[(key[0], key[1], program.status)] += 1
            statuses, names = self._status, self._names
            order = self._orders.get("status")
            if order is None or names is None:
                statuses[index] = program.status
                return

            def sort_key(i: int) -> tuple[int, str, int]:
                return (_STATUS_ORDER[statuses[i]], names[i], i)

            # The program moves within the status order (a copy: rows being read from the
            # old order by a fill go on undisturbed): two searches, not a sort of the list.
            order = list(order)
            del order[bisect_left(order, sort_key(index), key=sort_key)]
            statuses[index] = program.status
            insort(order, index, key=sort_key)
            self._orders["status"] = order


class ShownRows(Sequence[tuple[int, Program]]):
    """The rows a filter lets through, in order, taken from `rows` only as far as asked."""

    def __init__(self, rows: Iterator[tuple[int, Program]], count: int) -> None:
        self._rows = rows
        self._count = count
        self._read: list[tuple[int, Program]] = []

    def __len__(self) -> int:
        return self._count

    def _upto(self, stop: int) -> None:
        missing = min(stop, self._count) - len(self._read)
        if missing > 0:
            self._read.extend(islice(self._rows, missing))

    @overload
    def __getitem__(self, index: int) -> tuple[int, Program]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, Program]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, Program] | list[tuple[int, Program]]:
        if isinstance(index, slice):
            start, stop, _step = index.indices(self._count)
            self._upto(max(start, stop))
            return self._read[index]
        position = index if index >= 0 else self._count + index
        self._upto(position + 1)
        return self._read[index if index >= 0 else position]


class ProgramsPanel(Vertical):
    """Everything about the applicant's own list; the screen owns saving and the estimate."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s", "cycle_status", "Status", tooltip="Move the selected program to the next status"
        ),
        Binding("delete", "remove", "Remove", tooltip="Remove the selected program from the list"),
    ]

    DEFAULT_CSS = """
    ProgramsPanel {
        height: auto;
    }
    """

    class ListEdited(Message):
        """The user changed the list in the pane (status, removal)."""

        def __init__(self, programs: ProgramList) -> None:
            super().__init__()
            self.programs = programs

    class StatusChanged(Message):
        """One program's status changed; the table already shows it (save and re-estimate).
        `programs` is the new list, `program` the changed one at `index` in it."""

        def __init__(self, programs: ProgramList, index: int, program: Program) -> None:
            super().__init__()
            self.programs = programs
            self.index = index
            self.program = program

    class Ready(Message):
        """The panel is mounted (lazily, after the pane's first frame): give it the list."""

        def __init__(self, panel: ProgramsPanel) -> None:
            super().__init__()
            self.panel = panel

    class ImportRequested(Message):
        def __init__(self, path: str, skip_bad: bool, replace: bool) -> None:
            super().__init__()
            self.path = path
            self.skip_bad = skip_bad
            self.replace = replace

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.programs = ProgramList.empty()
        self.filters = Filters()
        self._index: ListIndex | None = None

    def compose(self) -> ComposeResult:
        tiers = [("All tiers", ALL)] + [(TIER_LABELS[t], t) for t in TIERS]
        regions = [("All regions", ALL)] + [
            (name, region) for region, name in self.catalog.region_choices(short=True).items()
        ]
        statuses = [("Any status", ALL)] + [(STAGE_LABELS[s], s) for s in PROGRAM_STATUSES]
        sorts = [(f"Sort: {label}", key) for key, label in SORT_KEYS.items()]
        # Changed in place (left/right): no list opens, nothing but the line is redrawn.
        with Horizontal(id="programs-filters"):
            yield CycleSelect(tiers, ALL, id="filter-tier", tooltip="Show one tier")
            yield CycleSelect(regions, ALL, id="filter-region", tooltip="Show one region")
            yield CycleSelect(statuses, ALL, id="filter-status", tooltip="Show one status")
            yield CycleSelect(sorts, "name", id="filter-sort", tooltip="Order the list by")
        yield Static("", id="programs-count", markup=False)
        # Drawn as DataTable draws a table: texts cropped, the first row striped (mix.tcss).
        yield ProgramTable[tuple[int, Program]](
            cells=self._row,
            key=_program_index,
            overflow="crop",
            stripe_first=True,
            hover=True,
            id="programs-table",
        )
        yield Static("", id="programs-compare", markup=False)
        yield Static("", id="programs-advice", markup=False)
        yield Input(placeholder="File to import: programs.csv or .toml", id="import-path")
        with Horizontal(id="programs-import"):
            yield Checkbox("Skip bad rows", id="import-skip-bad")
            yield Checkbox("Replace list", id="import-replace")
            yield Button("Import", id="import-button", variant="primary")
        yield Static("", id="import-result", markup=False)

    def on_mount(self) -> None:
        # A filter applies in the key's own step (see CycleSelect: watching its index), so the
        # new value, the count and the rows reach the terminal in one frame.
        for select in self.query(CycleSelect):
            self.watch(select, "index", partial(self._filter, select), init=False)
        self._table().set_columns(self._columns())
        self.post_message(self.Ready(self))

    def _columns(self) -> list[tuple[str, str, int]]:
        low, high = NAME_WIDTHS
        items = self.programs.programs
        widths = {
            "name": max((_width(p.name) for p in items), default=_DEFAULT_WIDTH["name"]),
            "city": max((_width(p.city) for p in items), default=_DEFAULT_WIDTH["city"]),
        }
        return [
            (key, label, max(low, min(high, widths[key])) if key in widths else width)
            for key, label, width in COLUMNS
        ]

    def _table(self) -> ProgramTable[tuple[int, Program]]:
        table: ProgramTable[tuple[int, Program]] = self.query_one("#programs-table", ProgramTable)
        return table

    # -- data ----------------------------------------------------------------------------------
    def set_programs(self, programs: ProgramList, profile: Profile) -> None:
        self.programs = programs
        self._profile = profile
        self._index = None
        self._table().set_columns(self._columns())
        self._fill_table()
        if len(programs.programs) >= PREPARE_ORDERS_FROM:
            # After the list is on screen: the thread would hold the interpreter meanwhile.
            self.set_timer(PREPARE_AFTER, self._prepare_orders)

    def _prepare_orders(self) -> None:
        index = self._list_index()

        def work() -> None:
            with yielding_often():  # keys pressed meanwhile stay quick (matchtui.background)
                changes, order = index.prepare()
            self.app.call_from_thread(index.adopt_status_order, changes, order)

        self.run_worker(work, thread=True, group="mix-orders", exit_on_error=False)

    def _list_index(self) -> ListIndex:
        if self._index is None or self._index.programs is not self.programs:
            self._index = ListIndex(self.programs, self.catalog)
        return self._index

    def _fill_table(self) -> None:
        rows = self._list_index().shown(self.filters)
        # Only the rows drawn are ever read (the table is virtual): the same cost at 100 or
        # 20,000 programs.
        self._table().set_rows(rows, keep_cursor=False)
        total = len(self.programs.programs)
        shown = len(rows)
        # No layout pass when the line count stays (set_text): a filter only changes numbers.
        set_text(
            self.query_one("#programs-count", Static),
            Text(
                f"{shown} of {plural(total, 'program')} shown"
                + (
                    ""
                    if total
                    else ": import a CSV or TOML file below, or run `matchtui programs import FILE`"
                )
            ),
        )

    def _row(self, row: tuple[int, Program]) -> list[Text]:
        index = row[0]
        program = self.programs.programs[index]  # the current one (a status may have changed)
        profile = getattr(self, "_profile", None)
        over = profile is not None and over_yog_limit(program, profile)
        yog = "" if program.yog_limit_years is None else f"{program.yog_limit_years} y"
        specialty = self.catalog.specialties.get(program.specialty)
        return [
            Text(program.name),
            Text(STAGE_LABELS[program.status]),
            Text(program.city),
            Text(program.state),
            Text(self.catalog.state_region_label(program.state, short=True)),
            Text(specialty.short if specialty is not None else program.specialty),
            Text(TIER_LABELS[program.tier]),
            Text(program.signal if program.signalled else ""),
            Text(yog + (" !" if over else ""), style="bold red" if over else ""),
        ]

    def replace_program(self, index: int, program: Program, programs: ProgramList) -> None:
        """`programs` is the list with `program` changed at `index`: update that row only."""
        index_ = self._list_index()
        self.programs = programs
        index_.replaced(index, program, programs)
        self._table().update_row(index)  # its line only; a row not on screen is drawn current

    def show_comparison(self, comparison: ListComparison) -> None:
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"{'':<12}{'target':>8}{'list':>8}{'change':>9}\n", style="bold")
        for row in comparison.tiers:
            text.append(f"{row.label:<12}{row.target:>8}{row.actual:>8}{_signed(row.delta):>9}\n")
        short = comparison.target_in_region - comparison.actual_in_region
        label = f"In {comparison.region_name}"[:12]
        text.append(
            f"{label:<12}{comparison.target_in_region:>8}{comparison.actual_in_region:>8}"
            f"{_signed(short):>9}\n"
        )
        text.append(
            f"{'Total':<12}{comparison.target_total:>8}{comparison.actual_total:>8}"
            f"{_signed(comparison.target_total - comparison.actual_total):>9}"
        )
        if comparison.other_specialties:
            text.append(
                f"\n({comparison.other_specialties} program"
                f"{'s' if comparison.other_specialties != 1 else ''} in other specialties "
                "not counted)"
            )
        set_text(self.query_one("#programs-compare", Static), text)
        advice = Text()
        for index, line in enumerate(comparison.advice):
            if index:
                advice.append("\n")
            advice.append("• " + line)
        set_text(self.query_one("#programs-advice", Static), advice)

    def show_import_result(self, lines: list[str], ok: bool) -> None:
        result = self.query_one("#import-result", Static)
        result.set_class(not ok, "-error")
        result.update(Text("\n".join(lines)))

    # -- events --------------------------------------------------------------------------------
    def _filter(self, select: CycleSelect, _index: int) -> None:
        value = select.value
        name = (select.id or "").removeprefix("filter-")
        if name == "sort":
            self.filters = Filters(
                self.filters.tier, self.filters.region, self.filters.status, value, False
            )
        elif name in ("tier", "region", "status"):
            current = self.filters
            self.filters = Filters(
                tier=value if name == "tier" else current.tier,
                region=value if name == "region" else current.region,
                status=value if name == "status" else current.status,
                sort=current.sort,
                reverse=current.reverse,
            )
        self._fill_table()

    @on(ProgramTable.HeaderSelected)
    def _sort_by_header(self, event: ProgramTable.HeaderSelected) -> None:
        event.stop()
        column = event.column
        if column not in SORT_KEYS:
            return
        current = self.filters
        reverse = not current.reverse if current.sort == column else False
        self.filters = Filters(current.tier, current.region, current.status, column, reverse)
        self._fill_table()

    def _selected_index(self) -> int | None:
        row = self._table().selected
        if row is None:
            return None
        index = row[0]
        return index if index < len(self.programs.programs) else None

    def action_cycle_status(self) -> None:
        index = self._selected_index()
        if index is None:
            return
        program = self.programs.programs[index]
        following = PROGRAM_STATUSES[
            (PROGRAM_STATUSES.index(program.status) + 1) % len(PROGRAM_STATUSES)
        ]
        changed = list(self.programs.programs)
        updated = program.model_copy(update={"status": following})
        changed[index] = updated
        programs = self.programs.model_copy(update={"programs": changed})
        # The row changes in place; the screen saves the list in the background.
        self.replace_program(index, updated, programs)
        self.post_message(self.StatusChanged(programs, index, updated))

    def action_remove(self) -> None:
        """Take the selected program off the list, asked first (its dates and costs go too); one
        ranked or applied to is left to the Applications pane's Delete."""
        index = self._selected_index()
        if index is None:
            return
        listed = self.programs
        program = listed.programs[index]
        from matchtui.engine.removal import removal_of
        from matchtui.widgets.confirm import Confirm
        from matchtui.widgets.tracker_views import removal_question

        plan = getattr(self.app, "plan", None)
        if removal_of(listed.programs, index, getattr(plan, "ranklist", None)).loses:
            # Ranked or applied to: the Applications pane's Delete says what goes with it (its
            # ranks, its ERAS fee) and offers to withdraw it instead (engine.removal).
            self.notify(
                f"{program.name} is on your rank list or was applied to: remove it in "
                "Applications (F7), which says what goes with it and can withdraw it instead.",
                severity="warning",
                markup=False,
            )
            return

        def decided(remove: bool | None) -> None:
            if remove and self.programs is listed:  # the list asked about is still the one shown
                changed = [p for i, p in enumerate(listed.programs) if i != index]
                self.post_message(self.ListEdited(ProgramList(programs=changed)))

        self.app.push_screen(Confirm(removal_question(program), yes="Remove", no="Keep"), decided)

    @on(Button.Pressed, "#import-button")
    @on(Input.Submitted, "#import-path")
    def _import(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.show_import_result(["Type the path of a .csv or .toml file first."], ok=False)
            return
        self.post_message(
            self.ImportRequested(
                path,
                self.query_one("#import-skip-bad", Checkbox).value,
                self.query_one("#import-replace", Checkbox).value,
            )
        )


def _program_index(row: tuple[int, Program]) -> int:
    return row[0]


def _width(text: str) -> int:
    # Cells on screen: wide characters take two, a control character shows as one. ASCII text
    # takes at most one cell a character, so its length is the answer (5x faster on a long list).
    return len(text) if text.isascii() else max(len(text), cell_len(text))


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("0" if value == 0 else str(value))
