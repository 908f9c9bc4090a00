"""The Profile form's text fields are drawn by a light stand-in (TextField) until the applicant
reaches one: then it becomes a real Input in its place, focused, with its value, the keys typed
meanwhile typed into it and the cursor where a click put it; everything (saving, errors) works
as with the Input all along."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    FieldRow,
    ItemLine,
    ListEditor,
    StandIn,
    TextBase,
    TextField,
    TextLine,
    real_items,
)
from tests.test_profile_choices import make_app, reached, ready


def drawn(widget: Any) -> list[tuple[str, Any, Any]]:
    """The widget's line as the applicant sees it: each cell's character, its background, and
    its text's colour and style (a blank cell has none to see)."""
    cells = []
    for segment in widget.render_line(0):
        style = segment.style
        assert style is not None
        for char in segment.text:
            lines = (style.underline, style.strike, style.reverse)  # seen on a blank too
            ink = None if char in " \n" else (style.color, style.bold, style.dim, style.italic)
            cells.append((char, style.bgcolor, (lines, ink)))
    return cells


async def test_a_stand_in_draws_exactly_as_its_input(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await real_items(screen)  # the lists' items as their rows, with their text fields
        await pilot.pause()
        fields = list(screen.query(TextField))
        assert len(fields) > 5  # the lists' text fields, none reached
        assert any(f.value for f in fields)
        # One shown invalid (its row's line becomes the row with the field and the message),
        # one in a list's item (a column), in both themes.
        screen.query_one("#f-exams-step1_attempts", TextLine).show_error("Enter a whole number")
        # And one showing its placeholder (the same: the row with the field and no message).
        empty = next(f for f in screen.query(TextLine) if not f.value)
        empty.show_error("Enter a whole number")
        await pilot.pause()
        invalid = screen.query_one("#f-exams-step1_attempts", TextField)
        assert isinstance(invalid.parent, FieldRow)
        empty_field = screen.query_one(f"#{empty.id}", TextField)
        assert isinstance(empty_field.parent, FieldRow) and not empty_field.value
        note = screen.query_one("#list-ties .col-note", TextField)
        assert note.value and note.region.width > 0
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            for field in (invalid, empty_field, note, *fields[:6]):
                if not field.is_attached:
                    continue
                before = drawn(field)
                region = field.region
                control = await field.make_real()
                await pilot.pause()
                assert control.region == region
                assert drawn(control) == before, field.id or "note"
            fields = list(screen.query(TextField))


async def test_tab_makes_an_input_with_the_value_and_keys_land_in_it(
    workspace: Any, home: Path
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        stand_in = screen.query_one("#f-applicant-graduation_year")
        assert isinstance(stand_in, TextBase)
        before = stand_in.value
        assert before
        degree = screen.query_one("#f-applicant-degree")
        degree.focus()
        await pilot.pause()
        for _ in range(5):
            if not degree.is_attached:
                break
            await pilot.pause()
        screen.query_one("#f-applicant-degree").focus()
        await pilot.pause()
        # The keys come right after the Tab: they reach the stand-in before it is replaced.
        await pilot.press("tab", "1", "9", "backspace", "8", "left", "0")
        await reached(pilot)
        control = screen.query_one("#f-applicant-graduation_year", Input)
        assert app.focused is control
        assert not stand_in.is_attached
        assert "field-control" in control.classes and "-w-num" in control.classes
        assert isinstance(stand_in, TextLine) and stand_in.spec.tooltip
        assert control.tooltip == stand_in.spec.tooltip
        assert control.value == before + "108"
        assert app.unsaved == {"profile"}
        await pilot.press("ctrl+s")  # a problem: 4-digit year expected, so not saved
        await pilot.pause()
        assert control.has_class("-invalid")
        row = control.parent
        assert isinstance(row, FieldRow) and row.query(".field-error")


async def test_reaching_a_field_is_not_an_edit(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        stand_in = screen.query_one("#f-exams-step2_score", TextBase)
        stand_in.focus()
        await reached(pilot)
        control = screen.query_one("#f-exams-step2_score", Input)
        assert app.focused is control
        assert control.value == stand_in.value
        assert control.cursor_position == len(control.value)  # as Tab leaves an Input's
        assert app.unsaved == set()


async def test_a_click_puts_the_cursor_where_it_lands(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        # The item is one line (ItemLine): the click reaches its row, then its text field.
        line = screen.query_one("#list-ties", ListEditor).query(ItemLine).first()
        value = line.value()["note"]
        assert len(value) > 4
        line.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        note = next(p for p in line.parts() if p.spec is not None and p.spec.key == "note")
        await pilot.mouse_down(line, offset=(note.x + 3, 0))
        await reached(pilot)
        assert not line.is_attached
        await pilot.mouse_up("#list-ties .col-note")
        await reached(pilot)
        control = screen.query_one("#list-ties .col-note", Input)
        assert app.focused is control
        assert control.cursor_position == 3
        await pilot.press("X")
        assert control.value == value[:3] + "X" + value[3:]


async def test_a_paste_right_after_tab_lands_in_the_input(workspace: Any) -> None:
    from textual import events

    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        stand_in = screen.query_one("#f-exams-step2_score", TextBase)
        stand_in.focus()
        app.post_message(events.Paste("250\nignored"))
        await reached(pilot)
        control = screen.query_one("#f-exams-step2_score", Input)
        assert control.value == stand_in.value + "250"


async def test_save_writes_text_fields_never_reached_unchanged(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        before = app.profile
        assert before is not None
        stand_ins = [s for s in screen.query(StandIn) if isinstance(s, TextBase)]
        name = screen.query_one("#f-applicant-name", Input)  # focused first: real from the start
        assert app.focused is name
        await pilot.press("end", "!", "ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        assert all(s.is_attached for s in stand_ins)  # saving made none of them an Input
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.name == before.applicant.name + "!"
        assert saved.model_copy(update={"applicant": before.applicant}) == before


async def test_error_on_a_text_field_not_reached_is_shown_on_it(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one("#f-clinical-months_last_24", TextBase)
        line.show_error("Must be 24 or less")  # the field's row as one line: not reached
        await pilot.pause()
        # Its row shows the message under the field, the text field still light (no Input).
        stand_in = screen.query_one("#f-clinical-months_last_24", TextField)
        row = stand_in.parent
        assert isinstance(row, FieldRow) and not line.is_attached
        assert stand_in.has_class("-invalid")
        assert str(row.query_one(".field-error", Static).render()) == "Must be 24 or less"
        stand_in.focus()
        await reached(pilot)
        control = screen.query_one("#f-clinical-months_last_24", Input)
        assert control.has_class("-invalid")  # the message stays with the field
        assert row.control is control
        row.show_error(None)
        await pilot.pause()
        assert not control.has_class("-invalid") and not row.query(".field-error")


async def test_every_placeholder_fits_its_field(workspace: Any) -> None:
    """A blank profile's fields show their placeholders whole: 'blank if none' in a ten-cell
    field read 'blank if'."""
    for size in ((120, 40), (80, 24)):
        app = make_app(workspace)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            app.action_new_profile()
            await pilot.pause()
            await pilot.press("y")
            screen = await ready(pilot)
            shown = [
                (line.id, line.placeholder, "".join(s.text for s in line.render_line(0)))
                for line in screen.query(TextLine)
                if line.placeholder and not line.value and line.region.width
            ]
            assert len(shown) >= 2
            cut = [
                (id_, placeholder) for id_, placeholder, text in shown if placeholder not in text
            ]
            assert not cut, size
