"""The applicant's program list in the mix pane: a sortable, filterable table, actual vs target,
what to add or drop, and import from a file. Program names are shown as text, never markup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static

from matchtui.engine.programs import ListComparison, over_yog_limit, region_of
from matchtui.models.mix import TIER_LABELS, TIERS
from matchtui.models.programs import PROGRAM_STATUSES, Program, ProgramList
from matchtui.widgets.mix_bars import set_text

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.profile import Profile

ALL = "all"
# Rows added to the program table per step (see ProgramsPanel._fill_table).
FILL_CHUNK = 250
SORT_KEYS: dict[str, str] = {
    "name": "Name",
    "state": "State",
    "region": "Region",
    "tier": "Tier",
    "status": "Status",
    "specialty": "Specialty",
}
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Program"),
    ("city", "City"),
    ("state", "St"),
    ("region", "Region"),
    ("specialty", "Specialty"),
    ("tier", "Tier"),
    ("signal", "Signal"),
    ("yog", "YOG limit"),
    ("status", "Status"),
)
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
    rows = [
        (i, p)
        for i, p in enumerate(programs.programs)
        if (filters.tier == ALL or p.tier == filters.tier)
        and (filters.region == ALL or region_of(p, catalog) == filters.region)
        and (filters.status == ALL or p.status == filters.status)
    ]

    def key(row: tuple[int, Program]) -> tuple[object, ...]:
        p = row[1]
        by: dict[str, object] = {
            "name": p.name.lower(),
            "state": p.state,
            "region": region_of(p, catalog),
            "tier": _TIER_ORDER[p.tier],
            "status": _STATUS_ORDER[p.status],
            "specialty": p.specialty,
        }
        return (by[filters.sort], p.name.lower(), row[0])

    return sorted(rows, key=key, reverse=filters.reverse)


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

    class ImportRequested(Message):
        def __init__(self, path: str, skip_bad: bool, replace: bool) -> None:
            super().__init__()
            self.path = path
            self.skip_bad = skip_bad
            self.replace = replace

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.programs = ProgramList()
        self.filters = Filters()
        self._row_index: dict[str, int] = {}
        self._fill_generation = 0

    def compose(self) -> ComposeResult:
        tiers = [("All tiers", ALL)] + [(TIER_LABELS[t], t) for t in TIERS]
        regions = [("All regions", ALL)] + [(r.name, r.id) for r in self.catalog.regions.values()]
        statuses = [("Any status", ALL)] + [(s.capitalize(), s) for s in PROGRAM_STATUSES]
        sorts = [(f"Sort: {label}", key) for key, label in SORT_KEYS.items()]
        with Horizontal(id="programs-filters"):
            yield Select(tiers, value=ALL, allow_blank=False, id="filter-tier")
            yield Select(regions, value=ALL, allow_blank=False, id="filter-region")
            yield Select(statuses, value=ALL, allow_blank=False, id="filter-status")
            yield Select(sorts, value="name", allow_blank=False, id="filter-sort")
        yield Static("", id="programs-count", markup=False)
        table: DataTable[Text] = DataTable(
            id="programs-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static("", id="programs-compare", markup=False)
        yield Static("", id="programs-advice", markup=False)
        yield Input(placeholder="File to import: programs.csv or .toml", id="import-path")
        with Horizontal(id="programs-import"):
            yield Checkbox("Skip bad rows", id="import-skip-bad")
            yield Checkbox("Replace list", id="import-replace")
            yield Button("Import", id="import-button", variant="primary")
        yield Static("", id="import-result", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#programs-table", DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)

    # -- data ----------------------------------------------------------------------------------
    def set_programs(self, programs: ProgramList, profile: Profile) -> None:
        self.programs = programs
        self._profile = profile
        self._fill_table()

    def _fill_table(self) -> None:
        table: DataTable[Text] = self.query_one("#programs-table", DataTable)
        table.clear()
        self._row_index.clear()
        rows = visible(self.programs, self.filters, self.catalog)
        # DataTable spends ~70 us per add_row; a 5,000-program list in one go would freeze the
        # pane for a third of a second. Rows go in by chunks between events instead, and a newer
        # fill (another filter or sort) supersedes an older one still in progress.
        self._fill_generation += 1
        self._add_rows(self._fill_generation, rows, 0)
        total = len(self.programs.programs)
        shown = len(rows)
        self.query_one("#programs-count", Static).update(
            f"{shown} of {total} programs shown"
            + (
                ""
                if total
                else ": import a CSV or TOML file below, or run `matchtui programs import FILE`"
            )
        )

    def _add_rows(self, generation: int, rows: list[tuple[int, Program]], start: int) -> None:
        if generation != self._fill_generation:
            return
        table: DataTable[Text] = self.query_one("#programs-table", DataTable)
        profile = getattr(self, "_profile", None)
        for index, program in rows[start : start + FILL_CHUNK]:
            key = f"p{index}"
            self._row_index[key] = index
            over = profile is not None and over_yog_limit(program, profile)
            yog = "" if program.yog_limit_years is None else f"{program.yog_limit_years} y"
            table.add_row(
                Text(program.name),
                Text(program.city),
                Text(program.state),
                Text(self.catalog.region_name(region_of(program, self.catalog))),
                Text(
                    self.catalog.specialties[program.specialty].short
                    if program.specialty in self.catalog.specialties
                    else program.specialty
                ),
                Text(TIER_LABELS[program.tier]),
                Text(program.signal if program.signalled else ""),
                Text(yog + (" !" if over else ""), style="bold red" if over else ""),
                Text(program.status),
                key=key,
            )
        if start + FILL_CHUNK < len(rows):
            self.call_later(self._add_rows, generation, rows, start + FILL_CHUNK)

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
    @on(Select.Changed)
    def _filter(self, event: Select.Changed) -> None:
        event.stop()
        value = str(event.value)
        name = (event.select.id or "").removeprefix("filter-")
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

    @on(DataTable.HeaderSelected)
    def _sort_by_header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = str(event.column_key.value)
        if column not in SORT_KEYS:
            return
        current = self.filters
        reverse = not current.reverse if current.sort == column else False
        self.filters = Filters(current.tier, current.region, current.status, column, reverse)
        self._fill_table()

    def _selected_index(self) -> int | None:
        table: DataTable[Text] = self.query_one("#programs-table", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._row_index.get(key or "")

    def action_cycle_status(self) -> None:
        index = self._selected_index()
        if index is None:
            return
        program = self.programs.programs[index]
        following = PROGRAM_STATUSES[
            (PROGRAM_STATUSES.index(program.status) + 1) % len(PROGRAM_STATUSES)
        ]
        changed = list(self.programs.programs)
        changed[index] = program.model_copy(update={"status": following})
        self.post_message(self.ListEdited(ProgramList(programs=changed)))

    def action_remove(self) -> None:
        index = self._selected_index()
        if index is None:
            return
        changed = [p for i, p in enumerate(self.programs.programs) if i != index]
        self.post_message(self.ListEdited(ProgramList(programs=changed)))

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


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("0" if value == 0 else str(value))
