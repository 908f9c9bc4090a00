"""A program added by hand on the Applications pane (n), and one removed (Delete).

Before, the tracker could only be filled from a file (`matchtui programs import`, or the Mix
pane's import): an applicant logging the programs they applied to one by one had no way to,
nor to take off a program added by mistake.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Select, Static

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.engine.programs import new_program
from matchtui.engine.tracker import ALL, Filters, Orders, visible
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.cycle_select import CycleSelect
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.tracker_dialogs import AddProgram

TODAY = dt.date(2026, 11, 30)
LAKESHORE = Program(
    name="Lakeshore IM", state="WI", specialty="internal_medicine", tier="community"
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(lazy=True)


def test_a_typed_program_is_read_as_an_imported_row(catalog: Catalog) -> None:
    raw = {
        "name": "  Riverside   Methodist ",
        "city": "Columbus",
        "state": "Ohio",
        "specialty": "Internal Medicine",
        "tier": "community",
        "track": "preliminary",
        "signal": "gold",
        "nrmp_code": "1234140p0",
    }
    program = new_program(raw, catalog, [LAKESHORE])
    assert (program.name, program.state, program.specialty) == (
        "Riverside Methodist",
        "OH",
        "internal_medicine",
    )
    assert (program.track, program.signal, program.nrmp_code, program.status) == (
        "preliminary",
        "gold",
        "1234140P0",
        "planned",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"state": "Ohioo"}, "state"),
        ({"specialty": "cardiac yoga"}, "specialty"),
        ({"nrmp_code": "12"}, "nrmp_code"),
        ({"name": "lakeshore  im", "state": "Wisconsin"}, "name"),  # in the list already
    ],
)
def test_a_bad_or_repeated_program_names_its_field(
    catalog: Catalog, change: dict[str, str], field: str
) -> None:
    raw = {"name": "Riverside", "state": "OH", "specialty": "internal_medicine"}
    raw["tier"] = "community"
    with pytest.raises(ValueError) as caught:
        new_program({**raw, **change}, catalog, [LAKESHORE])
    assert str(caught.value).startswith(field + ":")
    if field == "name" and "name" in change and change["name"].strip():
        assert "Lakeshore IM (WI, Internal Medicine) is in your list already" in str(caught.value)


NAMES = st.sampled_from(["Alpha", "beta", "Gamma", "alpha", "Delta"])
PROGRAMS = st.builds(
    Program,
    name=NAMES,
    state=st.sampled_from(["OH", "CA", "TX"]),
    specialty=st.sampled_from(["internal_medicine", "psychiatry"]),
    tier=st.sampled_from(["academic", "mid_tier", "community"]),
    signal=st.sampled_from(["none", "gold", "silver"]),
    status=st.sampled_from(["planned", "applied", "invited", "rejected"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PROGRAMS, max_size=8), st.lists(PROGRAMS, min_size=1, max_size=4))
def test_orders_kept_as_programs_are_added_match_a_fresh_sort(
    first: list[Program], more: list[Program]
) -> None:
    programs = list(first)
    orders = Orders(programs).prepare()
    regions = {"OH": "midwest", "CA": "west", "TX": "south"}
    for program in more:
        programs.append(program)
        orders.added(len(programs) - 1)
    for sort in ("name", "state", "specialty", "tier", "signal", "stage", "date"):
        filters = Filters(sort=sort)
        assert orders.visible(filters, regions) == visible(programs, filters, regions)


async def _add(pilot: Any, name: str, state: str) -> None:
    await pilot.press("n")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AddProgram)
    assert dialog.query_one("#add-name", Input).has_focus
    await pilot.press(*name)
    dialog.query_one("#add-state", Input).value = state
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_n_adds_a_program_that_is_shown_selected_and_saved(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        await _add(pilot, "Akron General", "Ohio")
        assert app.screen is screen  # the dialog closed
        assert table.row_count == 2 and table.cursor == 0  # sorted by name: Akron first
        assert table.cell_text(table.selected, "name") == "Akron General"
        # the profile's first target is the specialty offered first
        assert screen.programs.programs[-1].specialty == app.profile.targets.specialties[0]
        await app.workers.wait_for_complete()
        assert "applications" not in app.unsaved
    names = [p.name for p in workspace.load_programs().programs]
    assert names == ["Lakeshore IM", "Akron General"]


async def test_a_bad_state_or_a_repeat_keeps_the_dialog_and_says_why(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _add(pilot, "Akron General", "Ohioo")
        dialog = app.screen
        assert isinstance(dialog, AddProgram)
        error = str(dialog.query_one("#add-error", Static).render())
        assert error.startswith("state: 'Ohioo' is not a US state")
        assert dialog.query_one("#add-state", Input).has_focus
        # a repeat of a listed program (its specialty chosen as listed)
        dialog.query_one("#add-name", Input).value = "lakeshore im"
        dialog.query_one("#add-state", Input).value = "WI"
        dialog.query_one("#add-specialty", Select).value = "internal_medicine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is in your list already" in str(dialog.query_one("#add-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AddProgram)
        assert len(app.screen.programs.programs) == 1  # type: ignore[attr-defined]
    assert len(workspace.load_programs().programs) == 1


async def test_a_filter_that_would_hide_the_new_program_is_let_go(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        tier = screen.query_one("#filter-tier", CycleSelect)
        tier.value = "community"
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"Prairie University")
        dialog.query_one("#add-state", Input).value = "IA"
        dialog.query_one("#add-tier", Select).value = "academic"
        await pilot.press("enter")  # Enter in a field adds too
        await pilot.pause()
        assert tier.value == ALL and screen.filters == Filters()
        table = screen.query_one("#apps-table", ProgramTable)
        assert table.row_count == 2
        assert table.cell_text(table.selected, "name") == "Prairie University"
        assert screen.query_one("#filter-specialty", CycleSelect).options[1:] == [
            ("Internal Medicine", "internal_medicine")
        ]


async def test_delete_asks_then_removes_the_program_and_saves(workspace: Any) -> None:
    akron = Program(
        name="Akron General", state="OH", specialty="internal_medicine", tier="community"
    )
    workspace.save_programs(ProgramList(programs=[LAKESHORE, akron]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        assert table.cell_text(table.selected, "name") == "Akron General"  # sorted by name
        await pilot.press("delete")
        await pilot.pause()
        question = str(app.screen.query_one("#question", Static).render())
        assert question == "Remove Akron General (OH) from your list?"
        await pilot.press("escape")  # kept
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert table.row_count == 1
        assert table.cell_text(table.selected, "name") == "Lakeshore IM"
        # the kept orders are those of the list as it is now
        assert screen.orders.visible(Filters(sort="tier"), {}) == [0]
    assert [p.name for p in workspace.load_programs().programs] == ["Lakeshore IM"]


async def test_e_corrects_a_program_and_keeps_its_stage_and_dates(workspace: Any) -> None:
    applied = Program(
        name="Akron Genral",
        state="OH",
        specialty="internal_medicine",
        tier="community",
        status="applied",
        applied_on=dt.date(2026, 9, 24),
        notes="met the PD at ACP",
    )
    workspace.save_programs(ProgramList(programs=[LAKESHORE, applied]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        assert table.cell_text(table.selected, "name") == "Akron Genral"
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddProgram)
        name = dialog.query_one("#add-name", Input)
        assert name.value == "Akron Genral"
        assert dialog.query_one("#add-tier", Select).value == "community"
        name.value = "Lakeshore IM"  # another listed program (name, state, specialty)
        dialog.query_one("#add-state", Input).value = "Wisconsin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(dialog.query_one("#add-error", Static).render())
        assert "is in your list already" in error
        name.value = "Akron General"
        dialog.query_one("#add-state", Input).value = "OH"
        dialog.query_one("#add-tier", Select).value = "mid_tier"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert table.cell_text(table.selected, "name") == "Akron General"
        assert table.cell_text(table.selected, "tier") == "Mid-tier"
    saved = {p.name: p for p in workspace.load_programs().programs}
    assert set(saved) == {"Lakeshore IM", "Akron General"}
    corrected = saved["Akron General"]
    assert (corrected.status, corrected.applied_on, corrected.notes, corrected.tier) == (
        "applied",
        dt.date(2026, 9, 24),
        "met the PD at ACP",
        "mid_tier",
    )


def test_the_dialog_types_exactly_the_fields_an_edit_replaces() -> None:
    from matchtui.engine.programs import TYPED_FIELDS
    from matchtui.widgets import tracker_dialogs

    texts = [name for name, _, _ in tracker_dialogs._ADD_TEXTS]
    assert sorted([*texts, *tracker_dialogs._ADD_CHOICES]) == sorted(TYPED_FIELDS)
