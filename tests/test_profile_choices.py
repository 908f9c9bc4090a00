"""The Profile form's choice fields are drawn by a light stand-in (ChoiceField) until the
applicant reaches one: then it becomes a real Select in its place, focused, with its value, and
everything (saving, errors, the keyboard order) works as with the Select all along."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from matchtui.app import MatchApp
from matchtui.models.profile import Profile
from matchtui.screens.profile import ProfileScreen
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    LABEL_CELLS,
    BarLine,
    ChoiceBase,
    ChoiceField,
    FieldRow,
    ItemLine,
    ItemRow,
    StandIn,
    real_items,
)
from tests.conftest import LONG

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="profile", today=TODAY)


async def ready(pilot: Any) -> ProfileScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProfileScreen)
    await screen.form_built()
    await pilot.pause()
    return screen


async def settled(pilot: Any, screen: ProfileScreen) -> None:
    """Until every choice field being made a Select is one."""
    for _ in range(5):
        await pilot.pause()
        for stand_in in screen.query(StandIn):
            await stand_in.made()
    await pilot.pause()


async def reached(pilot: Any) -> None:
    """Until the focused stand-in, if one is, has become its control: waits only while one is
    being made (a Tab to a Button or a Select made already takes one pause)."""
    await pilot.pause()
    for _ in range(20):
        focused = pilot.app.focused
        if not isinstance(focused, StandIn):
            return
        await focused.made()
        await pilot.pause()
    raise AssertionError(f"{pilot.app.focused!r} never became its control")


def places(widget: Widget) -> list[str]:
    """Where the controls of `widget` are in the form: an item's line stands for its row's
    controls and buttons, in their order."""
    if isinstance(widget, BarLine):  # a bar's line stands for its buttons that take the focus
        return [str(widget.buttons[index].id) for index in widget.focus_parts()]
    if not isinstance(widget, ItemLine):
        return [place(widget)]
    editor = widget.parent
    assert editor is not None and editor.parent is not None
    index = list(editor.children).index(widget)
    parts = [f"col-{spec.key}" for spec in widget.row.columns]
    parts += ["item-up", "item-remove"] if widget.row.orderable else ["item-remove"]
    return [f"{editor.parent.id}[{index}]{part}" for part in parts]


def place(widget: Widget) -> str:
    """Where a control is in the form, the same for a stand-in and the Select it becomes."""
    if widget.id:
        return widget.id
    row = next(a for a in widget.ancestors if isinstance(a, ItemRow))
    editor = row.parent
    assert editor is not None and editor.parent is not None
    index = list(editor.children).index(row)
    columns = sorted(c for c in widget.classes if c.startswith("col-") or c.startswith("item-"))
    return f"{editor.parent.id}[{index}]{'.'.join(columns)}"


async def test_tab_makes_a_select_with_the_value_and_enter_opens_it(
    workspace: Any, home: Path
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        stand_in = screen.query_one("#f-applicant-situation")
        assert isinstance(stand_in, ChoiceBase)  # nothing reached it yet
        assert stand_in.value == "not_in_training"
        screen.query_one("#f-applicant-name", Input).focus()
        await pilot.press("tab")
        await settled(pilot, screen)
        select = screen.query_one("#f-applicant-situation", Select)
        assert app.focused is select
        assert select.value == "not_in_training"
        assert not stand_in.is_attached
        assert "field-control" in select.classes
        assert app.unsaved == set()  # reaching a field is not an edit
        await pilot.press("enter")
        await pilot.pause()
        assert select.expanded  # the choices are open
        await pilot.press("up", "enter")  # not in training -> in training
        await pilot.pause()
        assert select.value == "in_training"
        assert app.unsaved == {"profile"}
        await pilot.press("ctrl+s")  # the region of training is needed now: give one
        await pilot.pause()
        training = screen.query_one("#f-applicant-training_region", Select)
        assert app.focused is training
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.situation == "in_training"
        assert saved.applicant.training_region == training.value


async def test_a_key_right_after_tab_still_opens_the_choices(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        screen.query_one("#f-applicant-name", Input).focus()
        await pilot.pause()
        await pilot.press("tab", "enter")  # Enter reaches the stand-in before it is replaced
        await settled(pilot, screen)
        select = screen.query_one("#f-applicant-situation", Select)
        assert app.focused is select or app.focused in select.children
        assert select.expanded


async def test_click_makes_a_select_and_opens_it(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert isinstance(screen.query_one("#f-applicant-visa"), ChoiceBase)
        # A click as a terminal sends it: the button goes down on the stand-in and comes up on
        # the Select now in its place (Pilot.click would also send a Click event to the Select,
        # which the app never makes when the two ends of a click land on different widgets).
        await pilot.mouse_down("#f-applicant-visa", offset=(LABEL_CELLS, 0))  # on the field
        await settled(pilot, screen)
        await pilot.mouse_up("#f-applicant-visa")
        await settled(pilot, screen)
        select = screen.query_one("#f-applicant-visa", Select)
        assert select.value == "none"
        assert select.expanded
        assert app.focused is select or app.focused in select.children
        assert app.unsaved == set()


async def test_item_columns_become_selects_in_their_row(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        editor = screen.query_one("#list-targets")
        row = (await real_items(editor))[0]
        first = row.query_one(".col-specialty")
        assert isinstance(first, ChoiceField)
        first.focus()
        await settled(pilot, screen)
        select = row.query_one(".col-specialty", Select)
        assert app.focused is select
        assert select.value == "internal_medicine"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        changed = select.value
        assert changed != "internal_medicine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.targets.specialties[0] == changed


async def test_save_writes_choices_never_reached_unchanged(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        before = app.profile
        assert before is not None
        stand_ins = [s for s in screen.query(StandIn) if isinstance(s, ChoiceBase | ItemLine)]
        assert len(stand_ins) > 20  # every choice in the form, every item, none reached
        assert len(screen.query(ItemLine)) == 9
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        assert all(s.is_attached for s in stand_ins)  # saving made none of them a Select
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.name == before.applicant.name + "!"
        assert saved.model_copy(update={"applicant": before.applicant}) == before


async def test_error_on_a_choice_not_reached_is_shown_on_it(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one("#f-targets-setting")
        assert isinstance(line, ChoiceBase)  # the field's row as one line: not reached
        line.show_error("Choose one of the listed options")
        await pilot.pause()
        # Its row shows the message under the field, the choice still light (not a Select).
        stand_in = screen.query_one("#f-targets-setting")
        assert isinstance(stand_in, ChoiceField)
        row = stand_in.parent
        assert isinstance(row, FieldRow) and not line.is_attached
        assert stand_in.has_class("-invalid")
        assert str(row.query_one(".field-error", Static).render()) == (
            "Choose one of the listed options"
        )
        stand_in.focus()
        await settled(pilot, screen)
        select = screen.query_one("#f-targets-setting", Select)
        assert select.has_class("-invalid")  # the message stays with the field
        assert row.control is select
        row.show_error(None)
        await pilot.pause()
        assert not select.has_class("-invalid") and not row.query(".field-error")


async def test_error_routed_on_save_to_a_choice_not_reached(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matchtui.screens.profile as profile_screen

    checked = profile_screen.profile_ref_problems

    def one_more(profile: Any, catalog: Any) -> Any:
        """As with a data folder that has lost the division: its item is named on save."""
        yield from checked(profile, catalog)
        if profile.targets.region != "midwest":
            yield ("targets", "divisions", 0), "unknown division 'east_north_central'"

    monkeypatch.setattr(profile_screen, "profile_ref_problems", one_more)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        before = (home / "profile.toml").read_text()
        divisions = screen.query_one("#list-divisions")
        line = divisions.query(ItemLine).first()  # the item as one line: not reached
        region = screen.query_one("#f-targets-region")
        region.focus()  # Midwest -> another region: the division's error comes on save
        await settled(pilot, screen)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (home / "profile.toml").read_text() == before
        division = line.real  # its row took its place to show the error
        assert isinstance(division, ItemRow) and not line.is_attached
        assert division.has_class("-invalid")
        assert division.query(".field-error")


async def test_keyboard_order_is_unchanged(workspace: Any) -> None:
    # Tab from the name to the end of the form (~100 stops, each Tab ~0.2 s of CPU). The quick
    # run tabs through two stretches: 18 stops from the name, 12 from two thirds down.
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        chain = [p for w in screen.focus_chain for p in places(w)]
        name = chain.index("f-applicant-name")
        stretches = [(name, len(chain) - name)]
        if not LONG:
            stretches = [(name, 18), (len(chain) * 2 // 3, 12)]
        for start, stops in stretches:
            # From the first control at or after `start` (an item not reached: its first part).
            begin = next(
                w for w in screen.focus_chain if places(w) and chain.index(places(w)[0]) >= start
            )
            start = chain.index(places(begin)[0])
            begin.focus()
            await reached(pilot)
            assert app.focused is not None
            visited = [place(app.focused)]
            for _ in range(min(stops, len(chain) - start) - 1):
                await pilot.press("tab")
                await reached(pilot)
                focused = app.focused
                assert focused is not None
                visited.append(place(focused))
            assert visited == chain[start : start + len(visited)]
        if LONG:
            shown = screen.focus_chain
            name = shown.index(screen.query_one("#f-applicant-name"))
            # All reached from the name on: made real (the bars above it are not reached).
            assert not [f for f in screen.query(StandIn) if f in shown and shown.index(f) > name]
        assert [p for w in screen.focus_chain for p in places(w)] == chain


async def test_a_focused_choice_shows_its_value_not_a_border(workspace: Any) -> None:
    # The app marked a focused Select with an accent border, which on a one-row compact Select
    # covered the value: the applicant saw a bar where "Graduated, not in training" was.
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        screen.query_one("#f-applicant-name", Input).focus()
        await pilot.press("tab")
        await settled(pilot, screen)
        select = screen.query_one("#f-applicant-situation", Select)
        assert app.focused is select
        await pilot.pause()
        assert select.size.height == 1
        label = select.query_one("#label")
        assert label.region.height == 1 and label.region.y == select.region.y  # not under a border
        drawn = "".join(
            segment.text
            for strip in label.render_lines(Region(0, 0, *label.size))
            for segment in strip
        )
        assert "Graduated, not in training" in drawn


async def test_a_long_choice_keeps_one_line_when_reached(workspace: Any) -> None:
    """Textual's Select wraps a label wider than it; the form's field shows its first line, as
    its stand-in draws it, so the row does not grow a line as the field is reached (80x24)."""
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        stand_in = screen.query_one("#f-applicant-visa", ChoiceBase)
        height = stand_in.region.height
        longest = max(stand_in.options, key=lambda option: len(str(option[0])))
        select = await stand_in.make_real()
        assert isinstance(select, Select)
        await pilot.pause()
        select.value = longest[1]
        await pilot.pause()
        assert len(str(longest[0])) > select.query_one("#label").size.width  # wider than it
        assert select.region.height == height == 1
