"""The Plan pane's start month and item note are drawn by a light stand-in (InputStandIn) until the
applicant reaches one: then it becomes the compact Input the pane composed before, in its
place, focused, with the keys typed meanwhile typed into it in their order. Before that, the
stand-in follows the plan (the start month, the selected item's note, disabled with no item)
and looks exactly as that Input, in both themes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from matchtui.app import MatchApp
from matchtui.models.plan import ItemState, PlanFile, TimelineState
from matchtui.widgets.plan_gantt import PlanGantt
from matchtui.widgets.text_standin import InputStandIn, field_at, real_field
from tests.conftest import SIZE_THEME_WAYS
from tests.test_profile_choices import reached  # the same wait, for any stand-in

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="plan", today=TODAY)


def with_notes(workspace: Any) -> None:
    items = {"clinical_role": ItemState(note="CRC job since 2024")}
    workspace.save_plan(PlanFile(timeline=TimelineState(items=items)))


async def test_the_fields_are_stand_ins_until_reached(workspace: Any) -> None:
    with_notes(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert not screen.query(Input)
        start = screen.query_one("#start-month", InputStandIn)
        note = screen.query_one("#item-note", InputStandIn)
        assert start.value == "2026-02"
        assert note.value == "" and not note.disabled  # reality_sheet has no note
        # The note follows the selected item, the start month the plan, before either is
        # reached.
        await pilot.press("down")
        await pilot.pause()
        assert screen.query_one(PlanGantt).current_key() == "clinical_role"
        assert note.value == "CRC job since 2024"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert start.value == "2026-03"
        assert not screen.query(Input)
        # Made real (as reaching it does), each is the Input with what it showed.
        real = await real_field(screen, "#item-note")
        assert real.value == "CRC job since 2024" and real.max_length == 2000
        assert screen.query_one("#item-note", Input) is real
        start_input = await real_field(screen, "#start-month")
        assert start_input.value == "2026-03" and start_input.max_length == 7
        assert start_input.tooltip == "The month the plan starts (YYYY-MM); [ and ] move it"
        assert not start.is_attached and not note.is_attached
        # And it follows the plan as the Input always did.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert field_at(screen, "#start-month") is start_input
        assert start_input.value == "2026-04"
        await pilot.press("up")
        await pilot.pause()
        assert real.value == ""


@pytest.mark.parametrize(("size", "theme"), SIZE_THEME_WAYS)
async def test_a_stand_in_looks_exactly_as_its_input(
    workspace: Any, size: tuple[int, int], theme: str
) -> None:
    """The whole screen, cell for cell, before and after each field becomes its Input: a
    value (the start month), a placeholder (an item with no note), disabled (no item)."""
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        screen: Any = app.screen
        for selector in ("#start-month", "#item-note"):
            before = app.export_screenshot()
            field = await real_field(screen, selector)
            await pilot.pause()
            assert not field.has_focus
            assert app.export_screenshot() == before, selector
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        screen = app.screen
        note = field_at(screen, "#item-note")
        note.disabled = True  # as the pane sets it with no item selected
        await pilot.pause()
        before = app.export_screenshot()
        real = await real_field(screen, "#item-note")
        await pilot.pause()
        assert real.disabled
        assert app.export_screenshot() == before


async def test_n_makes_the_note_an_input_and_the_keys_land_in_order(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("down")
        # The keys come right after n: they reach the stand-in before it is replaced.
        await pilot.press("n", *"CRC", "backspace", "X", "left", "J", "enter")
        await reached(pilot)
        assert screen.query_one("#start-month", InputStandIn)  # not reached: still a stand-in
        assert screen.query_one(PlanGantt).has_focus  # Enter saves and goes back
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.items["clinical_role"].note == "CRJX"
        note = screen.query_one("#item-note", Input)
        assert note.value == "CRJX"
        # Reached again: selected whole on focus, as the pane's Input always was.
        await pilot.press("n", "Y", "enter")
        await pilot.pause()
        assert app.plan.timeline.items["clinical_role"].note == "Y"


async def test_a_note_typed_then_left_is_saved(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Call the PD", "tab")
        await reached(pilot)
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.items["reality_sheet"].note == "Call the PD"
        assert not isinstance(app.focused, InputStandIn | Input)


async def test_a_note_typed_then_left_before_its_input_is_in_place_is_saved(
    workspace: Any,
) -> None:
    """The keys come faster than the Input is made: n, text, then Tab, all reaching the
    stand-in before its Input is in place. As with the Input all along, the text replaces the
    note and leaving the field saves it."""
    with_notes(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        gantt = screen.query_one(PlanGantt)
        await pilot.press("down")
        note = field_at(screen, "#item-note")
        assert isinstance(note, InputStandIn) and note.value == "CRC job since 2024"
        note.focus()
        for char in "Hi":
            note.post_message(events.Key(char, char))
        gantt.focus()  # the Tab after them: the focus has moved on when the Input is made
        await pilot.pause()
        await reached(pilot)
        await pilot.pause()
        assert gantt.has_focus
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.items["clinical_role"].note == "Hi"
        assert screen.query_one("#item-note", Input).value == "Hi"


async def test_a_disabled_note_is_not_reached(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        note = field_at(screen, "#item-note")
        note.disabled = True
        await pilot.press("n")
        await reached(pilot)
        assert screen.query_one(PlanGantt).has_focus
        assert screen.query_one("#item-note") is note
        note.disabled = False
        await pilot.press("n")
        await reached(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "item-note"


async def test_a_click_on_the_start_month_puts_the_cursor_there(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        start = field_at(screen, "#start-month")
        await pilot.click(start, offset=(4, 0))
        await reached(pilot)
        control = screen.query_one("#start-month", Input)
        assert app.focused is control
        assert control.cursor_position == 4
        await pilot.press("backspace", "7", "enter")
        await pilot.pause()
        assert app.plan is not None and app.plan.timeline is not None
        assert app.plan.timeline.start_month == "2027-02"
        assert screen.query_one(PlanGantt).has_focus


async def test_tab_reaches_the_fields_in_the_order_of_the_inputs(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        order = [w.id for w in screen.focus_chain]
        assert order.index("start-month") < order.index("plan-gantt") < order.index("item-note")
        before_note = screen.focus_chain[order.index("item-note") - 1]
        before_note.focus()
        await pilot.press("tab")
        await reached(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "item-note"
        assert app.focused.selection == (0, 0)  # no note: nothing to select
        before_start = screen.focus_chain[order.index("start-month") + 1]
        before_start.focus()
        await pilot.press("shift+tab")
        await reached(pilot)
        start = app.focused
        assert isinstance(start, Input) and start.id == "start-month"
        assert [w.id for w in screen.focus_chain] == order
        assert start.selection == (0, 7)  # selected whole, as the pane's Input was
