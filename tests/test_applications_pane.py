"""The Applications pane (F7) driven with Pilot: every stage by keyboard, filters, details."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static, TextArea

from matchtui.app import MatchApp
from matchtui.engine.tracker import Filters
from matchtui.models.programs import STAGE_LABELS, Program, ProgramList
from matchtui.widgets.cycle_select import CycleSelect
from matchtui.widgets.program_table import ProgramTable

TODAY = dt.date(2026, 11, 30)


def seed(workspace: Any) -> None:
    workspace.save_programs(
        ProgramList(
            programs=[
                Program(
                    name="Lakeshore IM",
                    city="Milwaukee",
                    state="WI",
                    specialty="internal_medicine",
                    tier="community",
                    signal="gold",
                ),
                Program(
                    name="Prairie University",
                    city="Iowa City",
                    state="IA",
                    specialty="internal_medicine",
                    tier="academic",
                    status="scheduled",
                    invited_on=dt.date(2026, 10, 5),
                    interview_on=dt.date(2026, 12, 3),
                    interview_format="virtual",
                ),
                Program(
                    name="Gulf Regional",
                    city="Houston",
                    state="TX",
                    specialty="psychiatry",
                    tier="mid_tier",
                    status="scheduled",
                    invited_on=dt.date(2026, 10, 6),
                    interview_on=dt.date(2026, 12, 3),
                ),
            ]
        )
    )


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="applications", today=TODAY)


async def _stage(pilot: Any, key: str, date: str | None = None, extra: str | None = None) -> None:
    await pilot.press(key)
    await pilot.pause()
    if date is not None:
        field = pilot.app.screen.query_one("#stage-date", Input)
        field.value = date
    if extra is not None:
        pilot.app.screen.query_one("#stage-respond-by", Input).value = extra
    await pilot.press("enter")
    await pilot.pause()


async def test_one_program_through_every_stage_by_keyboard(workspace: Any, home: Path) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        assert table.has_focus and table.row_count == 3
        # sorted by name: Gulf, Lakeshore, Prairie; go to Lakeshore
        await pilot.press("down")
        assert screen.selected_index() == 0
        await _stage(pilot, "a", "2026-09-24")
        await _stage(pilot, "i", "2026-10-10", extra="2026-10-13")
        await _stage(pilot, "s", "2026-11-20")
        await _stage(pilot, "v", "2026-11-20")
        await _stage(pilot, "t", "2026-11-21")
        await _stage(pilot, "l", "2026-11-28")
        # Ranked on today (30 Nov 2026) comes before ranking opens for the profile's 2027
        # Match: the dialog says so, naming the date and where it comes from, and stays open.
        await _stage(pilot, "k")  # default date: today
        error = str(app.screen.query_one("#stage-error", Static).render())
        assert "before ranking opens for the 2027 Match on 1 Feb 2027" in error
        assert "dates.toml" in error and "ranking_opens" in error
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        p = screen.programs.programs[0]
        assert p.status == "second_look" and p.ranked_on is None
        assert (p.applied_on, p.invited_on, p.respond_by, p.interview_on, p.interviewed_on) == (
            dt.date(2026, 9, 24),
            dt.date(2026, 10, 10),
            dt.date(2026, 10, 13),
            dt.date(2026, 11, 20),
            dt.date(2026, 11, 20),
        )
        assert (p.thank_you_on, p.second_look_on) == (
            dt.date(2026, 11, 21),
            dt.date(2026, 11, 28),
        )
        # only that row changed, and it shows the new stage
        assert table.cell_text(0, "stage") == "Second look"
        await _stage(pilot, "w")
        await app.workers.wait_for_complete()
        assert screen.programs.programs[0].status == "withdrawn"
        # and one more on another program: rejected from applied
    saved = workspace.load_programs().programs[0]
    assert saved.status == "withdrawn" and saved.withdrawn_on == TODAY
    assert saved.thank_you_on == dt.date(2026, 11, 21)


async def test_rejected_and_a_bad_move_and_a_future_interview(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("down")  # Lakeshore (planned)
        await pilot.press("v")  # planned -> interviewed: not a sensible move
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#stage-error", Static)
        assert "cannot go from planned to interviewed" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        assert screen.programs.programs[0].status == "planned"
        await _stage(pilot, "a", "2026-09-24")
        await _stage(pilot, "r", "2026-11-01")
        assert screen.programs.programs[0].status == "rejected"
        # Prairie is scheduled for Dec 3: interviewed on that date is still in the future
        await pilot.press("down")
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#stage-date", Input).value = "2026-12-03"
        await pilot.press("enter")
        await pilot.pause()
        assert "is in the future" in str(app.screen.query_one("#stage-error", Static).render())
        await pilot.press("escape")
        await app.workers.wait_for_complete()


async def test_u_takes_a_mistaken_move_back(workspace: Any) -> None:
    """A program withdrawn by mistake stayed withdrawn: the stage is final. 'u' undoes the last
    move, its date cleared, and saves."""
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        await pilot.press("down", "down")  # Prairie University, scheduled for Dec 3
        assert screen.programs.programs[screen.selected_index()].name == "Prairie University"
        await _stage(pilot, "w")
        index = screen.selected_index()
        assert screen.programs.programs[index].status == "withdrawn"
        await pilot.press("u")
        await pilot.pause()
        back = screen.programs.programs[index]
        assert (back.status, back.withdrawn_on) == ("scheduled", None)
        assert back.interview_on == dt.date(2026, 12, 3)
        assert table.cell_text(index, "stage") == "Scheduled"
        assert any("back to scheduled" in n.message for n in app._notifications)
        await app.workers.wait_for_complete()
    saved = workspace.load_programs().programs[index]
    assert (saved.status, saved.withdrawn_on) == ("scheduled", None)


async def test_filters_today_yields_costs_and_details(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        screen.query_one("#filter-stage", CycleSelect).value = "scheduled"
        await pilot.pause()
        assert table.row_count == 2
        screen.query_one("#filter-specialty", CycleSelect).value = "psychiatry"
        await pilot.pause()
        assert table.row_count == 1
        screen.set_filters(Filters(signal="gold"))
        await pilot.pause()
        assert table.row_count == 1 and screen.shown == [0]
        screen.set_filters(Filters())
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        today = screen.query_one("#apps-today-text").plain
        assert "Clashes: two interviews on one day (1)" in today
        assert "Gulf Regional + Prairie University" in today
        await pilot.press("3")
        await pilot.pause()
        assert "By signal" in screen.query_one("#apps-yields-text").plain
        await pilot.press("4")
        await pilot.pause()
        costs = screen.query_one("#apps-costs-text").plain
        assert "ERAS fees" in costs and "NRMP fees" in costs
        await pilot.press("1")
        await pilot.pause()
        # details: notes and a cost entry, kept with ctrl+s
        assert screen.selected_index() == 0  # the cursor stayed on Lakeshore through filters
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#detail-notes", TextArea).text = "Met the PD"
        dialog.query_one("#cost-usd", Input).value = "250"
        dialog.query_one("#cost-date", Input).value = "2026-12-02"
        dialog.query_one("#cost-add").press()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        lake = screen.programs.programs[0]
        assert lake.notes == "Met the PD" and lake.cost_usd("travel") == 250
    assert workspace.load_programs().programs[0].costs[0].date == dt.date(2026, 12, 2)


async def test_f7_opens_the_pane_from_another(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="plan", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert type(app.screen).__name__ == "ApplicationsScreen"
        count = str(app.screen.query_one("#apps-count", Static).render())
        assert "0 of 0 programs" in count


def save_many(workspace: Any, count: int) -> None:
    """`count` community IM programs named "Program 000"... in four states in turn."""
    states = ["WI", "CA", "TX", "NY"]
    workspace.save_programs(
        ProgramList(
            programs=[
                Program(
                    name=f"Program {i:03d}",
                    state=states[i % 4],
                    specialty="internal_medicine",
                    tier="community",
                )
                for i in range(count)
            ]
        )
    )


async def test_a_long_list_scrolls_with_the_cursor_and_sorts_by_header(workspace: Any) -> None:
    save_many(workspace, 120)
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        assert table.row_count == 120
        await pilot.press("end")
        assert screen.selected_index() == 119
        assert table.scroll_offset.y > 0  # the last row is on screen
        await pilot.press("home", "down", "down")
        assert screen.selected_index() == 2 and table.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert screen.selected_index() > 2
        # The "St" header: right after the name, whose width is what the other columns leave.
        state_x = table.column_width("name") + 3
        await pilot.click(ProgramTable, offset=(state_x, 0))
        await pilot.pause()
        assert screen.filters.sort == "state"
        assert screen.programs.programs[screen.shown[0]].state == "CA"


async def test_a_filter_applies_in_the_same_step_as_its_new_value(workspace: Any) -> None:
    """The rows change with the filter's value, not a message hop later (which drew the value
    alone first and the rows a frame slot or two after)."""
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        stage = screen.query_one("#filter-stage", CycleSelect)
        stage.value = "scheduled"  # no await: no message handled meanwhile
        assert screen.filters == Filters(stage="scheduled")
        assert table.row_count == 2
        stage.action_to_end(0)  # what home runs
        assert screen.filters == Filters() and table.row_count == len(screen.programs.programs)


async def test_a_stage_change_asks_when_another_window_changed_the_list(
    workspace: Any, home: Path
) -> None:
    """A CLI import (or another window) added a program after the pane read the list: the
    worker's save found the file changed and dropped the change without a word (the stage was
    lost on restart). It now asks; Merge keeps their program and our stage."""
    from matchtui.widgets.conflict import ConflictDialog
    from matchtui.workspace import Workspace

    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        other = Workspace.from_options(str(home))
        theirs = other.load_programs()
        added = theirs.programs[0].model_copy(update={"name": "Added Elsewhere"})
        other.save_programs(theirs.model_copy(update={"programs": [*theirs.programs, added]}))
        await pilot.press("down")  # Lakeshore (planned)
        await _stage(pilot, "a", "2026-09-24")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.conflict.mergeable
        await pilot.click("#conflict-merge")
        await pilot.pause()
        assert app.screen is screen
        assert "Added Elsewhere" in [p.name for p in screen.programs.programs]
    saved = {p.name: p for p in workspace.load_programs().programs}
    assert "Added Elsewhere" in saved
    assert saved["Lakeshore IM"].status == "applied"


async def test_an_empty_list_says_how_to_import_within_80_columns(workspace: Any) -> None:
    # At 80x24 the line was cut before the end of the command it names.
    app = MatchApp(workspace, first_pane="applications", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        count = app.screen.query_one("#apps-count", Static)
        drawn = "".join(segment.text for segment in count.render_line(0))
        assert "0 of 0 programs" in drawn
        assert "n adds one" in drawn and "`matchtui programs import FILE` reads a list" in drawn


async def test_the_stage_dialog_shows_its_whole_prompt_within_80_columns(workspace: Any) -> None:
    """Found adding interviews at 80x24: the date prompt read 'Interview date (YYYY-MM-DD,
    Enter to confirm, Esc to cance', cut at the dialog's edge; it now wraps."""
    from textual.geometry import Region
    from textual.widgets import Label

    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("s", "i"):
            await pilot.press(key)
            await pilot.pause()
            label = app.screen.query(Label).first()
            lines = label.render_lines(Region(0, 0, label.size.width, label.size.height))
            drawn = " ".join("".join(s.text for s in line).strip() for line in lines)
            assert drawn.endswith("(YYYY-MM-DD, Enter to confirm, Esc to cancel)"), drawn
            assert (
                label.region.right
                <= app.screen.query_one("StagePrompt Vertical").content_region.right
            )
            await pilot.press("escape")
            await pilot.pause()


async def test_a_long_list_does_not_scroll_sideways_at_120_columns(workspace: Any) -> None:
    """At 120 columns the whole row shows: the columns came to 121 cells, so a horizontal
    scroll bar appeared under the table and, once a long list brought the vertical bar, the
    NRMP code was cut."""
    save_many(workspace, 60)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#apps-table", ProgramTable)
        assert table.virtual_size.height > table.size.height  # the vertical bar shows
        assert table.max_scroll_x == 0


ALIKE = (
    # (name, state, stage): the first two share their first 30 characters, as the programs of
    # one city often do in an imported list.
    ("Ann Arbor Mid Tier IM Program 5", "MI", "interviewed"),
    ("Ann Arbor Mid Tier IM Program 20", "MI", "rejected"),
    ("Philadelphia Community IM Program 12", "PA", "thanked"),
    ("Philadelphia Community IM Program 27", "PA", "second_look"),
    ("Boston Academic IM Program 10", "MA", "scheduled"),
)


def seed_alike(workspace: Any) -> None:
    day = dt.date(2026, 11, 1)
    programs = [
        Program(
            name=name,
            city="Somewhere",
            state=state,
            specialty="internal_medicine",
            tier="mid_tier",
            nrmp_code=f"1{n:06d}C0",
            status=stage,
            applied_on=dt.date(2026, 9, 2),
            interview_on=day if stage != "rejected" else None,
            rejected_on=day if stage == "rejected" else None,
        )
        for n, (name, state, stage) in enumerate(ALIKE)
    ]
    workspace.save_programs(ProgramList(programs=programs))


def drawn_rows(table: ProgramTable[Any]) -> list[str]:
    """The table's lines as the terminal shows them (cropped to the table), header first."""
    return [
        "".join(segment.text for segment in table.render_line(y))
        for y in range(min(table.size.height, table.row_count + 1))
    ]


async def test_names_alike_read_apart_and_stages_in_full_at_both_sizes(workspace: Any) -> None:
    """Found at 80x24 and 120x40: names were cut at 28 cells, so 'Ann Arbor Mid Tier IM
    Progr…' showed twice (one rejected, one interviewed), and at 80 columns the stage column
    was cut at the screen's edge ('Interviewe'). Now the name takes the width the other
    columns leave, two cut names keep the part where they differ, and every stage shows."""
    seed_alike(workspace)
    for size in ((80, 24), (120, 40)):
        app = make_app(workspace)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#apps-table", ProgramTable)
            header, *rows = drawn_rows(table)
            assert len(rows) == len(ALIKE)
            names = [row.strip().split("  ")[0] for row in rows]
            assert len(set(names)) == len(names), (size, names)
            assert "Stage" in header and "Date" in header
            by_stage = {stage: row for (_, _, stage), row in zip(sorted(ALIKE), rows, strict=True)}
            for stage, row in by_stage.items():
                # The label in full, then the stage's date: not cut at the column or the edge.
                label = {"thanked": "Thanked"}.get(stage, STAGE_LABELS[stage])
                assert f" {label} " in row, (size, row)
            # The two alike names show the numbers that tell them apart.
            assert any(name.endswith("5") for name in names if name.startswith("Ann Arbor"))
            assert any(name.endswith("20") for name in names if name.startswith("Ann Arbor"))
            # No line is wider than the table leaves it (nothing scrolls sideways).
            assert table.virtual_size.width <= table.size.width


async def test_a_list_that_did_not_load_says_what_to_fix_not_how_to_add(
    workspace: Any, home: Path
) -> None:
    """Found with a programs.toml whose status read 'interviewd': the count line said 'n adds
    one', but n only answered that nothing could be added. The pane now says which file, line
    and field to correct and how to get the list back, and offers no adding; once the file is
    fixed, coming back to the pane shows the list and the keys again."""
    seed(workspace)
    path = home / "programs.toml"
    good = path.read_text(encoding="utf-8")
    broken = good.replace('status = "scheduled"', 'status = "scheduld"', 1)
    assert broken != good
    path.write_text(broken, encoding="utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "scheduld" in text)
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        count = str(screen.query_one("#apps-count", Static).render())
        hint = str(screen.query_one("#apps-hint", Static).render())
        assert "n adds one" not in count and "did not load" in count
        assert "n add" not in hint
        assert str(path) in hint and f"line {line}" in hint and "status" in hint
        assert "did you mean scheduled?" in hint
        assert "text editor" in hint and "(F7)" in hint
        assert "n" not in screen.active_bindings  # the footer offers no adding
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen  # no dialog opens
        path.write_text(good, encoding="utf-8")  # fixed in an editor
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.programs.programs) == 3
        assert "n add" in str(screen.query_one("#apps-hint", Static).render())
        assert screen.query_one("#apps-count", Static).render().plain.startswith("3 of 3")
        assert "n" in screen.active_bindings  # adding is offered again
