"""A list's item is one widget (ItemLine) until the applicant reaches it: its controls and
buttons drawn as they are, with the cells between them. Reached (the mouse over it, Tab or
shift+Tab, a click, a key, an error), it becomes its ItemRow; the screen, the keys, the mouse
and the reading of the form are the same as with the row all along."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select

from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    FormButton,
    ItemLine,
    ItemRow,
    ListEditor,
    real_button,
    real_input,
)
from tests.conftest import PROFILE_WAYS
from tests.test_profile_choices import make_app, reached, ready
from tests.test_profile_lines import same_screen


def shown(screen: Any) -> list[ItemLine]:
    return [
        line
        for line in screen.query(ItemLine)
        if line.region.height and line.region in screen.region
    ]


def blanks(workspace: Any, profile: Profile) -> None:
    """The demo with items showing a placeholder and a prompt (blank text, no choice)."""
    tie = profile.ties[0].model_copy(update={"note": ""})
    rotation = profile.rotations[0].model_copy(update={"specialty": None, "place": ""})
    cycle = profile.history.cycles[0].model_copy(update={"year": None, "specialty": None})
    history = profile.history.model_copy(update={"cycles": [cycle]})
    workspace.save_profile(
        profile.model_copy(
            update={"ties": [tie, *profile.ties[1:]], "rotations": [rotation], "history": history}
        )
    )


async def page_by_page(pilot: Any, lists: set[str]) -> list[ItemLine]:
    """Down the form page by page: the screen with its items' lines, then with their rows
    (not focused), the same; the lines seen (their lists' ids into `lists`)."""
    app = pilot.app
    screen = await ready(pilot)
    screen.set_focus(None)  # no blinking cursor in the picture
    form = screen.query_one("#profile-form")
    await pilot.pause()
    seen: list[ItemLine] = []
    at = -1.0
    while form.scroll_y != at:  # to the end of the form
        at = form.scroll_y
        lines = shown(screen)
        before = app.export_screenshot()
        for line in lines:
            await line.make_real()
            assert isinstance(line.real, ItemRow) and not line.is_attached
            lists.add(str(line.real.parent.id if line.real.parent else None))
        await pilot.pause()
        assert not shown(screen)
        assert same_screen(app.export_screenshot(), before), (app.size, app.theme, lines)
        seen += lines
        form.scroll_page_down(animate=False)
        await pilot.pause()
    return seen


async def test_an_item_line_draws_exactly_as_its_row(workspace: Any, demo_profile: Any) -> None:
    # Every list of the demo (each kind of column: text, choice, checkbox on and off, the ▲
    # and ✕ buttons, the columns that take the room left), then with a placeholder and a
    # prompt; each size and theme in the quick run, every way with MATCHTUI_LONG=1
    # (`PROFILE_WAYS`).
    seen: list[ItemLine] = []
    lists: set[str] = set()
    for blank, size, theme in PROFILE_WAYS:
        if blank:
            blanks(workspace, demo_profile)
        app = make_app(workspace)
        async with app.run_test(size=size) as pilot:
            app.theme = theme
            seen += await page_by_page(pilot, lists)
    assert len(seen) >= 18 and len(lists) == 6, lists
    values = [value for line in seen for value in line.row._value.values()]
    assert True in values and False in values and "" in values and None in values


async def test_tab_and_shift_tab_reach_the_first_and_last_part(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        lines = list(screen.query_one("#list-targets", ListEditor).query(ItemLine))
        assert len(lines) == 2
        (await real_button(screen, "#add-targets")).focus()
        await pilot.press("tab")  # forward into the first item: its choice
        await reached(pilot)
        assert not lines[0].is_attached and isinstance(app.focused, Select)
        assert app.focused.has_class("col-specialty")
        row = lines[0].real
        assert isinstance(row, ItemRow) and app.focused in row.parts()
        # Back from the field after the list: the second item's last part, its ✕.
        screen.query_one("#f-targets-region").focus()
        await reached(pilot)
        await pilot.press("shift+tab")
        await reached(pilot)
        assert not lines[1].is_attached
        assert isinstance(app.focused, FormButton) and app.focused.has_class("item-remove")


async def test_keys_typed_as_it_is_reached_go_to_its_part(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        cycles = screen.query_one("#list-cycles", ListEditor)
        line = cycles.query(ItemLine).first()
        line.focus()
        # Keys for the year's Input, pressed before its row is there.
        year_was = line.value()["year"]
        await pilot.press("end", "backspace", "9")
        await reached(pilot)
        assert not line.is_attached
        year = cycles.query_one(".col-year", Input)
        assert app.focused is year and year.value == year_was[:-1] + "9"
        await pilot.press("tab")  # on to the next part, as in the row
        await reached(pilot)
        focused = app.focused
        assert focused is not None and focused.has_class("col-specialty")
        assert app.unsaved == {"profile"}


async def test_a_click_on_a_button_or_checkbox_acts_at_once(workspace: Any, home: Path) -> None:
    # The mouse was over the item as the pane was drawn (no move onto it): the click itself
    # reaches it, and the button is pressed, the checkbox ticked, as on the row.
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        targets = screen.query_one("#list-targets", ListEditor)
        before = targets.values()
        second = list(targets.query(ItemLine))[1]
        up = next(p for p in second.parts() if p.button == "up")
        await pilot.click(second, offset=(up.x + 1, 0))
        await reached(pilot)
        assert targets.values() == before[::-1]  # moved up
        focused = app.focused
        assert isinstance(focused, FormButton) and focused.has_class("item-up")
        cycles = screen.query_one("#list-cycles", ListEditor)
        line = cycles.query(ItemLine).first()
        soap = next(p for p in line.parts() if p.spec is not None and p.spec.key == "soap")
        ticked = line.value()["soap"]
        await pilot.click(line, offset=(soap.x + 1, 0))
        await reached(pilot)
        box = cycles.query_one(".col-soap", Checkbox)
        assert app.focused is box and box.value is not ticked
        # Between parts: the click is the line's (the form's), nothing is pressed.
        divisions = screen.query_one("#list-divisions", ListEditor)
        division = divisions.query(ItemLine).first()
        gap = division.parts()[0].width
        await pilot.click(division, offset=(gap, 0))
        await pilot.pause()
        assert app.focused is screen.query_one("#profile-form")
        assert division.is_attached and len(divisions.rows()) == 1
        # A click on a choice opens its choices (the button comes up on the Select's list).
        await pilot.mouse_down(division, offset=(2, 0))
        await reached(pilot)
        await pilot.pause()
        select = divisions.query_one(".col-division", Select)
        assert select.expanded  # its list has the focus
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.targets.specialties == before[::-1]
        assert saved.history.cycles[0].soap is not ticked


async def test_the_mouse_over_it_makes_it_its_row(workspace: Any) -> None:
    # Its row's looks under the mouse, its tooltips and pointers are the row's own.
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        targets = screen.query_one("#list-targets", ListEditor)
        line = targets.query(ItemLine).first()
        remove = next(p for p in line.parts() if p.button == "remove")
        await pilot.hover(line, offset=(remove.x + 1, 0))
        for _ in range(5):
            await line.made()
            await pilot.pause()
        assert not line.is_attached and app.focused is not None
        button = targets.query(".item-remove").first()
        assert isinstance(button, FormButton) and button.tooltip == "Remove this item"
        assert app.mouse_over is button  # the row's button is under the mouse now
        assert button.mouse_hover and len(targets.rows()) == 2  # pressed: not


async def test_an_item_reads_saves_and_shows_errors_as_its_row(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = await ready(pilot)
        before = app.profile
        assert before is not None
        lines = list(screen.query(ItemLine))
        assert len(lines) == 9  # every item of the demo
        assert Profile.model_validate(screen.form_data()) == before
        letters = screen.query_one("#list-letters", ListEditor)
        line = letters.query(ItemLine).first()
        line.row._value["months_ago"] = "lots"  # as if typed, without reaching it
        await pilot.press("ctrl+s")
        await reached(pilot)
        assert app.profile is before  # not saved
        row = line.real
        assert isinstance(row, ItemRow) and not line.is_attached and row.has_class("-invalid")
        assert "months ago: Enter a whole number" in str(row.query_one(".field-error").render())
        focused = app.focused
        assert focused is not None and focused in row.parts()
        control = await real_input(row, ".col-months_ago")
        control.value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.letters[0].months_ago == 3
        assert saved.model_copy(update={"letters": before.letters}) == before
