"""The Rank list pane's list tab as numbers and texts: each rank resolved, the odds, the rules
broken, the table's column widths and the summary beside it. Pure (no Textual), so a property
test can hold it to a recomputation from scratch.

A change costs what it changes. `RankRows.full` works everything out from the list; the other
methods take the list after one change and redo only what that change can alter, each through
the same engine functions as `full` (no rule is written twice):

- resolving a rank does not depend on where it stands, so a move reorders the resolved ranks
  (`move`, as the list was), a removal drops one, an addition or a new chance resolves the new
  ranks only;
- the odds depend on the order: `simulate` runs again after every change (one pass over the
  chances; the rows are made only when drawn);
- the rules run again over the resolved ranks (`check_resolved`: no program is looked up);
- the column widths: the rank column is as wide as the highest rank, the program and track
  columns as their widest cell (counted per width, so a removal needs no pass over the list),
  and a column of percentages is as wide as its header whenever every figure fits under it
  (checked from the lowest and the highest figure), else measured cell by cell;
- the interviewed programs not on the list change only with the programs listed, not with
  their order, their chances or the hard stops.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Literal, TypeVar

from matchtui.engine.memo import LastResult, Same
from matchtui.engine.ranklist import (
    CHANCE_MARK,
    PENDING_MARK,
    Estimates,
    Resolved,
    Simulation,
    Tracker,
    Violation,
    check_resolved,
    interviewed_to_add,
    move,
    resolve,
    resolve_entry,
    simulate,
)
from matchtui.engine.wording import percent
from matchtui.models.ranklist import RankItem, RanklistFile
from matchtui.widgets.name_cuts import cells, plain_cut

# The marks after a rank's chance (the CLI's): "*" worked out, "x" no way to match there, "!"
# a hard stop (the panel says why: one of your hard stops, never rank); then PENDING_MARK for an
# interview not held yet.
SOURCE_MARK = CHANCE_MARK
NO_PATH_LEGEND = "x no way to match there: no chance (the warnings say why)\n"
NARROW_NAME = 22  # at narrow widths a program's name is cut to this many cells
MARK_A = "  (A)"  # after the name of the program marked A for the comparison
# The rank list's columns: key, header (the track is left out at narrow widths).
RANK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "#"),
    ("program", "Program"),
    ("track", "Track"),
    ("chance", "Chance"),
    ("here", "Here"),
    ("sofar", "So far"),
)
# The widest figure percent() writes for a value in [LOW, HIGH]: "-90%" to "900%".
LOW, HIGH, PCT_WIDTH = -0.9, 9.0, 4

SummaryKind = Literal["bold", "plain", "dim", "error", "warning"]
K = TypeVar("K")


def name_text(
    label: str,
    marked: bool,
    narrow: bool,
    room: int | None = None,
    cut: Callable[[str, int], str] = plain_cut,
) -> str:
    """A program's name as its row shows it: the label, then the comparison's mark; in at most
    NARROW_NAME cells at narrow widths, and `room` cells (its column's width) if given. A label
    too long is shortened by `cut` (the pane's `NameCuts.cut`: two cut names still differ);
    the mark stays."""
    mark = MARK_A if marked else ""
    width = NARROW_NAME if narrow else room
    if narrow and room is not None:
        width = min(NARROW_NAME, room)
    if width is None or cells(label) + len(mark) <= width:
        return label + mark
    return cut(label, max(1, width - len(mark))) + mark


def rank_texts(
    sim: Simulation,
    index: int,
    marked: bool,
    narrow: bool,
    room: int | None = None,
    cut: Callable[[str, int], str] = plain_cut,
) -> list[str]:
    """The texts of rank `index`'s row (0-based), as drawn (`room`, `cut`: see name_text)."""
    row = sim.rank(index)
    return [
        str(row.rank),
        name_text(row.program, marked, narrow, room, cut),
        *(() if narrow else (row.track,)),
        percent(row.chance) + row.mark,
        percent(row.p_match_here),
        percent(row.p_cumulative),
    ]


def columns(narrow: bool) -> list[tuple[str, str]]:
    return [(key, label) for key, label in RANK_COLUMNS if not (narrow and key == "track")]


def percent_width(
    header: str, values: Sequence[float], mark: int, texts: Callable[[], Iterable[str]]
) -> int:
    """The width of a column of percentages, each cell percent(value) plus a mark of at most `mark`
    cells: its header's when every figure fits under it, else its widest cell's (`texts` makes
    the cells, only then)."""
    width = cells(header)
    if not values:
        return width
    if width >= PCT_WIDTH + mark and min(values) >= LOW and max(values) <= HIGH:
        return width
    return max(width, *(cells(text) for text in texts()))


def _uncount(counter: Counter[K], key: K) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


def summary_lines(
    sim: Simulation, missing: int, violations: Sequence[Violation], held: int = 0
) -> list[tuple[str, SummaryKind]]:
    """The summary beside the list, as (text, kind) pieces."""
    out: list[tuple[str, SummaryKind]] = [
        ("P(match) ", "bold"),
        (sim.match_text, "bold"),
        (f"   P(unmatched) {sim.unmatched_text}\n", "plain"),
        (
            f"One more program at {percent(sim.add_one_chance)}: unmatched "
            f"{sim.unmatched_text} -> {sim.unmatched_plus_one_text}\n",
            "plain",
        ),
        (
            f"Codes {sim.unique_codes} of {sim.codes_included} included; "
            f"extra fee ${sim.extra_code_fee_usd}\n",
            "plain",
        ),
    ]
    marks = {SOURCE_MARK[r.chance_source] for r in sim.entries}
    if "*" in marks:
        out.append(("* worked out by matchtui (assumption); [ ] set your own\n", "dim"))
    if "x" in marks:
        out.append((NO_PATH_LEGEND, "dim"))
    if any(r.pending for r in sim.entries):
        out.append(
            (f"{PENDING_MARK} interview not held yet: its chance assumes it goes ahead\n", "dim")
        )
    if missing:
        out.append(
            (
                f"{missing} interviewed program{'s' if missing != 1 else ''} from the tracker "
                "not on the list: i adds them\n",
                "bold",
            )
        )
    if held:
        out.append(
            (
                f"{held} interviewed program{'s' if held != 1 else ''} not on the list that "
                "i leaves off: a rank your program list does not hold may be "
                f"{'it' if held == 1 else 'one of them'} (renamed?)\n",
                "bold",
            )
        )
    out.extend((f"! {v.text}\n", "error") for v in violations)
    out.extend((f"- {w.text}\n", "warning") for w in sim.warnings)
    return out


class RankRows:
    """The list tab of one rank list, against one tracker and one set of rules. Each change
    makes a new `resolved` list (never changed in place: a tab knows a list by its identity)."""

    def __init__(
        self, tracker: Tracker, data: RanklistFile, estimates: Estimates | None = None
    ) -> None:
        self.tracker, self.data, self.estimates = tracker, data, estimates
        self.items: list[RankItem] = []
        self.hard_stops: list[str] = []
        self.mark_a: str | None = None
        self.narrow = False
        self.resolved: list[Resolved] = []
        self.sim: Simulation = simulate([], data)
        self.violations: list[Violation] = []
        self.stopped: set[int] = set()  # ranks (0-based) struck out by a hard stop
        self.missing = 0  # the tracker's interviewed programs not on the list, i adds
        self.held = 0  # ... and those i leaves off (engine.ranklist.interviewed_to_add)
        self.widths: list[int] = []  # the columns shown, in order
        self._listed: Counter[str] = Counter()  # the ranks' identities
        self._names: Counter[int] = Counter()  # the widths of the names as drawn
        self._tracks: Counter[int] = Counter()  # the widths of the tracks

    def copy(self) -> RankRows:
        """Rows of their own with the same numbers (what a change alters in place is copied;
        the rest is replaced on a change, never altered)."""
        rows = copy.copy(self)
        rows._listed, rows._names, rows._tracks = (
            Counter(self._listed),
            Counter(self._names),
            Counter(self._tracks),
        )
        return rows

    # -- changes ---------------------------------------------------------------------------
    def full(
        self,
        items: Sequence[RankItem],
        hard_stops: Sequence[str],
        mark_a: str | None,
        narrow: bool,
    ) -> None:
        """Everything from the list."""
        self.items, self.hard_stops = list(items), list(hard_stops)
        self.mark_a, self.narrow = mark_a, narrow
        self.resolved = resolve(self.items, self.tracker, self.data)
        self._listed = Counter(r.key for r in self.resolved)
        self._count_cells()
        self._missing()
        self._odds_and_rules()

    def moved(self, items: Sequence[RankItem], index: int, to: int) -> None:
        """`items` is the list with rank `index` moved to `to` (engine `move`)."""
        self.items = list(items)
        self.resolved = move(self.resolved, index, to)
        self._odds_and_rules(reordered=True)

    def removed(self, items: Sequence[RankItem], index: int) -> None:
        """`items` is the list without rank `index`."""
        gone = self.resolved[index]
        self.resolved = [*self.resolved[:index], *self.resolved[index + 1 :]]
        self.items = list(items)
        _uncount(self._listed, gone.key)
        _uncount(self._names, self._name_width(gone))
        _uncount(self._tracks, cells(gone.track))
        self._missing()
        self._odds_and_rules()

    def appended(self, items: Sequence[RankItem], count: int) -> None:
        """`items` is the list with `count` ranks added at its end."""
        self.items = list(items)
        added = resolve(self.items[len(self.items) - count :], self.tracker, self.data)
        self.resolved = [*self.resolved, *added]
        for r in added:
            self._listed[r.key] += 1
            self._names[self._name_width(r)] += 1
            self._tracks[cells(r.track)] += 1
        self._missing()
        self._odds_and_rules()

    def replaced(self, items: Sequence[RankItem], index: int) -> None:
        """`items` is the list with rank `index` changed (its chance, say)."""
        self.items = list(items)
        old = self.resolved[index]
        new = resolve_entry(self.items[index], self.tracker, self.data)
        self.resolved = [*self.resolved[:index], new, *self.resolved[index + 1 :]]
        if new.key != old.key:
            _uncount(self._listed, old.key)
            self._listed[new.key] += 1
            self._missing()
        _uncount(self._names, self._name_width(old))
        self._names[self._name_width(new)] += 1
        _uncount(self._tracks, cells(old.track))
        self._tracks[cells(new.track)] += 1
        self._odds_and_rules(replaced=index)

    def stops_changed(self, hard_stops: Sequence[str]) -> None:
        """Other hard stops: the rules again, and the odds from the list afresh (a rank no
        longer stopped gets its chance back; a newly stopped one is left out of them)."""
        self.hard_stops = list(hard_stops)
        self.resolved = resolve(self.items, self.tracker, self.data)
        self._odds_and_rules()

    def scores_changed(self, items: Sequence[RankItem]) -> None:
        """`items` is the list with other scores: nothing here reads them."""
        self.items = list(items)

    def narrowed(self, narrow: bool) -> None:
        """The pane is now `narrow` (names cut, no track column) or wide."""
        if narrow != self.narrow:
            self.narrow = narrow
            self._count_cells()
            self._widths()

    # -- the parts ---------------------------------------------------------------------------
    def _odds_and_rules(self, *, reordered: bool = False, replaced: int | None = None) -> None:
        """The odds and the rules again; `reordered`: the same ranks as before in another
        order (their worked-out chances stand); `replaced`: only that rank changed."""
        self.sim = simulate(
            self.resolved,
            self.data,
            self.tracker,
            self.estimates,
            reordered=self.sim if reordered else None,
            replaced=(self.sim, replaced) if replaced is not None else None,
            hard_stops=self.hard_stops,
        )
        # The ranks with the chances worked out from the match curve (a rank's own chance is
        # shown and edited as the odds use it).
        self.resolved = list(self.sim.entries)
        self._rules()
        self._widths()

    def _rules(self) -> None:
        self.violations = check_resolved(self.resolved, self.data, hard_stops=self.hard_stops)
        self.stopped = {
            v.index for v in self.violations if v.id == "hard_stop" and v.index is not None
        }

    def _missing(self) -> None:
        add, held = interviewed_to_add(self.tracker, self.resolved, self._listed)
        self.missing, self.held = len(add), len(held)

    def _name_width(self, r: Resolved) -> int:
        # The mark goes on every rank of the marked program (as the rows draw it).
        return cells(name_text(r.label, r.ref == self.mark_a, self.narrow))

    def _count_cells(self) -> None:
        self._names = Counter(self._name_width(r) for r in self.resolved)
        self._tracks = Counter(cells(r.track) for r in self.resolved)

    def _widths(self) -> None:
        sim, narrow = self.sim, self.narrow
        count = len(self.resolved)
        widths: list[int] = []
        for key, label in columns(narrow):
            header = cells(label)
            if key == "rank":
                widths.append(max(header, len(str(count)) if count else 0))
            elif key == "program":
                widths.append(max(header, *self._names) if self._names else header)
            elif key == "track":
                widths.append(max(header, *self._tracks) if self._tracks else header)
            elif key == "chance":
                widths.append(
                    percent_width(
                        label,
                        [r.chance for r in self.resolved],
                        2,
                        lambda: (
                            percent(r.chance)
                            + SOURCE_MARK[r.chance_source]
                            + (PENDING_MARK if r.pending else "")
                            for r in self.resolved
                        ),
                    )
                )
            else:
                values = sim.p_here if key == "here" else sim.p_so_far
                widths.append(percent_width(label, values, 0, partial(map, percent, values)))
        self.widths = widths

    def summary(self) -> list[tuple[str, SummaryKind]]:
        return summary_lines(self.sim, self.missing, self.violations, self.held)


# The list tab's numbers as the pane's first visit works them out, shared by the preload thread
# (`RanklistScreen.warm_data`, at idle) and the visit: keyed on everything `RankRows.full`
# reads. Each caller gets rows of its own (`RankRows.copy`); the remembered ones never change.
_FIRST_ROWS: LastResult[RankRows] = LastResult()


def first_rows(
    tracker: Tracker,
    data: RanklistFile,
    items: Sequence[RankItem],
    hard_stops: Sequence[str],
    mark_a: str | None,
    narrow: bool,
    estimates: Estimates | None = None,
) -> RankRows:
    """`RankRows(tracker, data, estimates).full(...)`, worked out once for the same inputs
    (3,400 ranks: ~35 ms, ~70 ms profiled); waits for another thread working it out."""

    def compute() -> RankRows:
        rows = RankRows(tracker, data, estimates)
        rows.full(items, hard_stops, mark_a, narrow)
        return rows

    key = (Same((tracker, data)), Same(items), tuple(hard_stops), mark_a, narrow, estimates)
    return _FIRST_ROWS.get(key, compute).copy()
