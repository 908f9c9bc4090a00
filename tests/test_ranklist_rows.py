"""The Rank list pane's list tab kept up to date change by change (screens/ranklist_rows.py):
after any sequence of moves, removals, additions, chance changes, hard stops, score changes and
width changes, everything it holds (the resolved ranks, the odds, the rules broken, the struck
out ranks, the column widths, the interviewed programs left off and the summary) equals a
recomputation from scratch, and the widths equal the widest cell of every row as drawn. Pure:
no app. A Pilot test holds the pane to the same, and the lines on screen to the rows."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchtui.catalog import Catalog
from matchtui.engine.ranklist import (
    Estimates,
    RankOdds,
    Tracker,
    check,
    move,
    norm,
    ranklist_data,
    resolve,
    simulate,
    with_estimates,
)
from matchtui.engine.wording import percent
from matchtui.models.programs import Program
from matchtui.models.ranklist import CRITERIA, RankItem, RanklistFile
from matchtui.screens.ranklist_rows import RankRows, columns, rank_texts
from matchtui.widgets.name_cuts import cells

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

PROGRAMS = [
    Program(name="Alpha Medical Center", nrmp_code="1234140C0", state="NY",
            specialty="internal_medicine", tier="academic", status="interviewed"),
    Program(name="Beta Community Hospital", state="OH", specialty="family_medicine",
            tier="community", status="ranked"),
    Program(name="Gamma Prelim", state="TX", specialty="preliminary_medicine", tier="mid_tier",
            track="preliminary", status="interviewed"),
    Program(name="Delta Advanced Radiology With A Very Long Name", nrmp_code="2345420A0",
            state="CA", specialty="radiology", tier="academic", track="advanced",
            status="second_look"),
    Program(name="東京 University Hospital", state="WA", specialty="psychiatry",
            tier="mid_tier", status="thanked"),
    Program(name="Echo Transitional", state="FL", specialty="transitional_year",
            tier="community", track="transitional", status="applied"),
    Program(name="Foxtrot Regional", state="GA", specialty="pediatrics", tier="community",
            status="interviewed"),
]  # fmt: skip
TRACKER = Tracker.of(PROGRAMS)
# What a rank may name: the tracker's programs by name, code or another spelling, programs the
# tracker does not know, and references the rules refuse.
REFS = [
    *(p.name for p in PROGRAMS),
    "1234140C0",
    "2345420A0",
    "alpha  medical center",
    "GAMMA PRELIM",
    "Unknown Program",
    "Zürich Kantonsspital",
    "9999999Z9",
    "12345",
    "!!!",
]
CHANCES = st.one_of(st.none(), st.sampled_from([0.0, 0.05, 0.5, 0.99, 1.0]), st.floats(0.0, 1.0))
ITEMS = st.builds(
    lambda ref, chance, score: RankItem(
        program=ref, chance=chance, scores={CRITERIA[0]: score} if score else {}
    ),
    st.sampled_from(REFS),
    CHANCES,
    st.integers(0, 5),
)


def small_rules(data: RanklistFile, max_ranks: int) -> RanklistFile:
    """The rules with a lower rank limit (and fewer included codes), so short lists break it."""
    rules = data.rules
    update = {
        "max_ranks": rules.max_ranks.model_copy(update={"value": max_ranks}),
        "codes_included": rules.codes_included.model_copy(update={"value": 3}),
    }
    return data.model_copy(update={"rules": rules.model_copy(update=update)})


CATALOG = Catalog.load()
DATA = ranklist_data(CATALOG)
DATAS = [DATA, small_rules(DATA, 6)]
# Without the match curve (the tier defaults), with it and no applicant's specialty, and with.
ESTIMATES = [None, Estimates(CATALOG, None), Estimates(CATALOG, "internal_medicine")]

# One change: (kind, a, b), the numbers taken modulo the list's length when applied.
CHANGES = st.one_of(
    st.tuples(st.just("move"), st.integers(0, 40), st.sampled_from([-1, 1])),
    st.tuples(st.just("top"), st.integers(0, 40), st.just(0)),
    st.tuples(st.just("remove"), st.integers(0, 40), st.just(0)),
    st.tuples(st.just("add"), st.lists(ITEMS, min_size=1, max_size=3), st.just(0)),
    st.tuples(st.just("chance"), st.integers(0, 40), CHANCES),
    st.tuples(st.just("stop"), st.integers(0, 40), st.just(0)),
    st.tuples(st.just("scores"), st.integers(0, 40), st.integers(0, 5)),
    st.tuples(st.just("narrow"), st.booleans(), st.just(0)),
)


def from_scratch(rows: RankRows) -> RankRows:
    fresh = RankRows(rows.tracker, rows.data, rows.estimates)
    fresh.full(rows.items, rows.hard_stops, rows.mark_a, rows.narrow)
    return fresh


def drawn_widths(rows: RankRows) -> list[int]:
    """Every column as wide as its header or its widest cell, every row made and measured (as
    the pane did before it kept the widths up to date)."""
    shown = columns(rows.narrow)
    widths = [cells(label) for _, label in shown]
    for index, item in enumerate(rows.items):
        texts = rank_texts(rows.sim, index, rows.mark_a == item.program, rows.narrow)
        widths = [max(w, cells(t)) for w, t in zip(widths, texts, strict=True)]
    return widths


def odds_rows(rows: RankRows) -> list[RankOdds]:
    """The odds rank by rank as `simulate` made them before its rows were made when asked (the
    cumulative chance as 1 - P(unmatched) over the ranks so far, so the last is P(match)); a
    program ranked above already counts no chance again."""
    out, none_yet, seen = [], 1.0, set()
    for k, r in enumerate(rows.resolved, start=1):
        again = r.key in seen
        seen.add(r.key)
        chance = 0.0 if again else r.chance
        here = chance * none_yet
        none_yet *= 1.0 - chance
        source = "repeat" if again else r.chance_source
        pending = r.pending and not again
        out.append(
            RankOdds(k, r.label, chance, source, here, 1.0 - none_yet, r.track, pending)  # type: ignore[arg-type]
        )
    return out


def assert_as_from_scratch(rows: RankRows) -> None:
    fresh = from_scratch(rows)
    assert rows.resolved == fresh.resolved
    plain = resolve(rows.items, rows.tracker, rows.data)
    sim = simulate(plain, rows.data, rows.tracker, rows.estimates, hard_stops=rows.hard_stops)
    assert rows.resolved == list(sim.entries)
    if not rows.hard_stops:
        assert rows.resolved == with_estimates(plain, rows.data, rows.estimates)
    assert rows.sim == fresh.sim
    assert rows.sim == sim
    assert list(rows.sim.ranks) == odds_rows(rows)
    assert rows.violations == fresh.violations
    assert rows.violations == check(rows.items, rows.tracker, rows.data, hard_stops=rows.hard_stops)
    assert rows.stopped == fresh.stopped
    assert rows.missing == fresh.missing
    assert rows.widths == fresh.widths == drawn_widths(rows)
    assert rows.summary() == fresh.summary()


def apply(rows: RankRows, change: tuple[str, Any, Any]) -> None:
    """One change, told to `rows` as the pane tells it."""
    kind, a, b = change
    items = rows.items
    if kind == "add":
        rows.appended([*items, *a], len(a))
        return
    if kind == "narrow":
        rows.narrowed(a)
        return
    if not items:
        return
    index = a % len(items)
    if kind in ("move", "top"):
        to = 0 if kind == "top" else max(0, min(index + b, len(items) - 1))
        rows.moved(move(items, index, to), index, to)
    elif kind == "remove":
        rows.removed([it for i, it in enumerate(items) if i != index], index)
    elif kind == "chance":
        changed = list(items)
        changed[index] = items[index].model_copy(update={"chance": b})
        rows.replaced(changed, index)
    elif kind == "stop":
        name = rows.resolved[index].label
        stops = [s for s in rows.hard_stops if norm(s) != norm(name)]
        if len(stops) == len(rows.hard_stops):
            stops.append(name)
        rows.stops_changed(stops)
    elif kind == "scores":
        changed = list(items)
        changed[index] = items[index].model_copy(update={"scores": {CRITERIA[1]: b}})
        rows.scores_changed(changed)


@SETTINGS
@given(
    st.lists(ITEMS, max_size=12),
    st.lists(st.sampled_from(REFS), max_size=2),
    st.one_of(st.none(), st.sampled_from(REFS)),
    st.booleans(),
    st.sampled_from(DATAS),
    st.lists(CHANGES, max_size=12),
    st.sampled_from(ESTIMATES),
)
def test_every_change_leaves_what_a_recomputation_gives(
    items: list[RankItem],
    stops: list[str],
    mark_a: str | None,
    narrow: bool,
    data: RanklistFile,
    changes: list[tuple[str, Any, Any]],
    estimates: Estimates | None,
) -> None:
    rows = RankRows(TRACKER, data, estimates)
    rows.full(items, stops, mark_a, narrow)
    assert_as_from_scratch(rows)
    for change in changes:
        before = rows.resolved
        apply(rows, change)
        if change[0] != "scores" and change[0] != "narrow":
            # A new list each change (a tab knows the list by its identity).
            assert rows.resolved is not before or change[0] == "stop" or not rows.items
        assert_as_from_scratch(rows)


def test_a_move_reuses_the_resolved_ranks_and_the_rows_are_made_when_asked() -> None:
    items = [RankItem(program=ref) for ref in REFS[:7]]
    rows = RankRows(TRACKER, DATA)
    rows.full(items, [], None, False)
    resolved = rows.resolved
    rows.moved(move(items, 5, 0), 5, 0)
    assert all(a is b for a, b in zip(rows.resolved, move(resolved, 5, 0), strict=True))
    assert "ranks" not in vars(rows.sim)  # no row made yet
    assert rows.sim.rank(0).program == resolved[5].label


def test_wide_and_odd_figures_are_measured_cell_by_cell() -> None:
    """A column of percentages is as wide as its header only when every figure fits: a figure
    outside what fits (impossible for a chance, but the rule does not rely on it) is measured."""
    from matchtui.screens.ranklist_rows import percent_width

    texts = lambda values: lambda: (percent(v) for v in values)  # noqa: E731
    for values in ([0.0, 0.5, 1.0], [-0.0], [], [0.3, 9.0]):
        assert percent_width("Here", values, 0, texts(values)) == 4
    assert percent_width("Here", [0.5, 12.0], 0, texts([0.5, 12.0])) == len("1200%")
    assert percent_width("Here", [-5.0], 0, texts([-5.0])) == len("-500%")
    assert percent_width("Chance", [1.0], 1, texts([1.0])) == 6  # "100%*" fits
    assert percent_width("Here", [1.0], 1, lambda: ["100%*"]) == 5  # a mark: measured


def test_the_whole_list_in_every_order_of_three_moves() -> None:
    """Every sequence of three moves of a seven-rank list with duplicates and bad references."""
    items = [RankItem(program=ref) for ref in ("Alpha Medical Center", "1234140C0", "12345")]
    items += [RankItem(program=ref, chance=0.2) for ref in ("Gamma Prelim", "!!!", "9999999Z9")]
    items.append(RankItem(program="Delta Advanced Radiology With A Very Long Name"))
    for plan in itertools.product(range(7), repeat=3):
        rows = RankRows(TRACKER, DATAS[1])
        rows.full(items, ["Gamma Prelim"], "12345", True)
        for index in plan:
            rows.moved(move(rows.items, index, 0), index, 0)
        assert_as_from_scratch(rows)


# --- the pane -------------------------------------------------------------------------------------


async def test_the_pane_after_each_key_is_as_from_scratch_and_its_lines_are_its_rows(
    workspace: Any,
) -> None:
    """J, K, T, x, [, ], h and a scroll in a list of a few hundred ranks: after each key the
    pane's numbers equal a recomputation and every line on screen reads as its row (a line kept
    from before the change is never stale); a move makes only the rows it changed."""
    from bench.programs_fixture import make_programs
    from matchtui.app import MatchApp
    from matchtui.store import PROGRAMS
    from matchtui.widgets.program_table import ProgramTable
    from tests.test_ranklist_pane import TODAY

    workspace.store.save(PROGRAMS, make_programs(workspace.catalog, 1200))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table: ProgramTable[Any] = screen.query_one("#rank-table", ProgramTable)
        assert len(screen.items) > 150

        def check_screen() -> None:
            fresh = RankRows(screen.tracker, screen.data, screen.estimates)
            fresh.full(screen.items, screen.state.hard_stops, screen.mark_a, screen.narrow)
            assert screen.resolved == fresh.resolved
            assert screen.sim == fresh.sim
            assert screen.violations == fresh.violations
            assert [width for _key, _label, width in table.columns] == fresh.widths
            width = table.size.width
            scroll_x, scroll_y = (int(v) for v in table.scroll_offset)
            for y in range(1, table.size.height):
                position = scroll_y + y - 1
                if position >= table.row_count:
                    break
                expected = table.line_plain(position)[scroll_x : scroll_x + width]
                assert table.render_line(y).text == expected.ljust(width), position

        check_screen()
        made: list[int] = []
        cells = table.cells

        def counted(position: int) -> Any:
            made.append(position)
            return cells(position)

        table.cells = counted
        await pilot.press("J")
        await pilot.pause()
        assert 0 < len(set(made)) <= 4  # the two ranks swapped (of a screenful)
        check_screen()
        keys = ["K", "down", "down", "T", "bracketright", "bracketleft", "x", "h", "J", "h"]
        keys += ["pagedown", "J", "J", "x", "T", "end", "K", "h", "bracketright"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            check_screen()
        await pilot.press("a", *"Unknown Program", "enter")  # an addition
        await pilot.pause()
        check_screen()
        # programs.toml read again, the same programs (another tracker, equal to the one
        # shown: nothing is drawn again), then a score and a move: still as from scratch.
        same = Tracker.of(make_programs(workspace.catalog, 1200).programs, TODAY)
        assert same == screen.tracker and same is not screen.tracker
        screen._programs_read(same, "", screen._stamp)
        await pilot.press("t", "down", "right", "plus", "t", "t", "t", "t", "home", "J")
        await pilot.pause()
        assert screen.items[1].scores
        check_screen()


@SETTINGS
@given(
    st.lists(ITEMS, max_size=12),
    st.lists(st.sampled_from(REFS), max_size=2),
    st.booleans(),
    st.lists(CHANGES, min_size=1, max_size=8),
)
def test_changes_to_a_copy_leave_the_rows_it_was_copied_from(
    items: list[RankItem], stops: list[str], narrow: bool, changes: list[tuple[str, Any, Any]]
) -> None:
    """`RankRows.copy` (the first visit's rows, worked out at idle and remembered): the pane's
    changes to its copy never reach the remembered rows, and the copy changes as rows of
    its own would."""
    kept = RankRows(TRACKER, DATA)
    kept.full(items, stops, None, narrow)
    mine = kept.copy()
    for change in changes:
        apply(mine, change)
        assert_as_from_scratch(mine)
    assert kept.items == items and kept.hard_stops == stops and kept.narrow == narrow
    assert_as_from_scratch(kept)
    apply(kept, ("move", 0, 1))  # its widths and count of missing programs worked out again
    assert_as_from_scratch(kept)


def test_a_rank_that_loses_its_specialty_gets_its_default_back() -> None:
    """Delta's specialty is not in the catalog: with Alpha (internal medicine) on the list it
    counts in the list's main specialty; once Alpha is removed no specialty is known and its
    chance is the tier default again (it kept the curve's chance before)."""
    rows = RankRows(TRACKER, DATA, Estimates(CATALOG, None))
    rows.full(
        [
            RankItem(program="Alpha Medical Center"),
            RankItem(program="Delta Advanced Radiology With A Very Long Name"),
        ],
        [],
        None,
        False,
    )
    assert rows.resolved[1].chance_source == "estimate"
    apply(rows, ("remove", 0, 0))
    assert rows.resolved[0].chance_source == "tier default"
    assert_as_from_scratch(rows)


def test_a_hard_stops_chance_is_marked_as_the_rule_not_as_an_estimate() -> None:
    """Found on the Rank list as a returner with a hard stop on the list: its chance read "0%*",
    the star that means "worked out by matchtui (an assumption)"; the 0% is the applicant's own
    rule, which the panel names beside a "!"."""
    items = [RankItem(program="Alpha Medical Center"), RankItem(program="Foxtrot Regional")]
    resolved = resolve(items, TRACKER, DATA)
    sim = simulate(resolved, DATA, TRACKER, hard_stops=["Foxtrot Regional"])
    assert rank_texts(sim, 1, False, False)[3] == "0%!"
    assert rank_texts(sim, 0, False, False)[3].endswith("*")  # worked out by matchtui
