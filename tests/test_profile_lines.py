"""A one-line field's row is one widget (FieldLine) until the applicant reaches it: its label,
then its control as the control's stand-in draws it, then the row's blank cells. Reached, it
becomes the FieldRow with the real control; the screen, the mouse and the reading of the form
are the same as with the row and its control all along."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Select

from matchtui.cli import main
from matchtui.models.profile import Profile
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    LABEL_CELLS,
    ChoiceLine,
    FieldLine,
    FieldRow,
    FormScroll,
    ListEditor,
    Section,
    SharedLook,
    TextLine,
)
from tests.conftest import LONG, PROFILE_WAYS
from tests.test_profile_choices import make_app, reached, ready


def same_screen(svg: str, other: str) -> bool:
    """The same screen drawn (the SVG's id is a hash that covers the widgets' mouse data)."""
    return re.sub(r"terminal-\d+", "", svg) == re.sub(r"terminal-\d+", "", other)


def lines_shown(screen: Any) -> list[FieldLine]:
    return [
        line
        for line in screen.query(FieldLine)
        if line.display and line.region.height and line.region in screen.region
    ]


async def as_rows(pilot: Any, lines: list[FieldLine], real: bool) -> None:
    """Each line becomes its row: with the real control (not focused), or with the stand-in
    control a row had before lines (as an error shows it, then the error taken away)."""
    for line in lines:
        if real:
            control = await line.make_real()  # not focused: drawn as not focused
            assert isinstance(control, Input | Select)
        else:
            line.show_error("x")
    await pilot.pause()
    for line in lines:
        row = pilot.app.screen._rows[line.path]
        assert isinstance(row, FieldRow) and not line.is_attached
        if not real:
            row.show_error(None)
    await pilot.pause()


async def page_by_page(pilot: Any, real: bool) -> list[FieldLine]:
    """Down the form page by page: the screen with its lines, then with their rows, the same;
    the lines seen."""
    app = pilot.app
    screen = await ready(pilot)
    screen.set_focus(None)  # no blinking cursor in the picture
    form = screen.query_one("#profile-form")
    await pilot.pause()
    seen: list[FieldLine] = []
    at = -1.0
    while form.scroll_y != at:  # to the end of the form
        at = form.scroll_y
        lines = lines_shown(screen)
        before = app.export_screenshot()
        await as_rows(pilot, lines, real)
        assert not lines_shown(screen)
        assert same_screen(app.export_screenshot(), before), (app.size, app.theme, lines)
        seen += lines
        form.scroll_page_down(animate=False)
        await pilot.pause()
    return seen


async def test_a_line_draws_exactly_as_its_row_did(workspace: Any, capsys: Any) -> None:
    # The row with its stand-in control, as the form drew every field before lines: the demo
    # profile, then a blank one (placeholders, prompts).
    # The quick run draws two of the eight ways (`PROFILE_WAYS`: each profile, size and
    # theme once, ~4 s a way); MATCHTUI_LONG=1 draws all eight.
    seen: list[FieldLine] = []
    for blank, size, theme in PROFILE_WAYS:
        if blank:
            assert main(["profile", "new", "--force"]) == 0
        app = make_app(workspace)
        async with app.run_test(size=size) as pilot:
            app.theme = theme
            seen += await page_by_page(pilot, real=False)
    assert any(isinstance(x, ChoiceLine) and x.value is None for x in seen)  # a prompt
    assert {type(line) for line in seen} == {ChoiceLine, TextLine}
    assert any(isinstance(x, TextLine) and not x.value for x in seen)  # a placeholder
    assert any(x.spec.width for x in seen) and any(not x.spec.width for x in seen)
    assert any(x.spec.tooltip for x in seen)


async def test_a_line_draws_exactly_as_its_row_with_the_real_control(workspace: Any) -> None:
    # At 120 columns every choice fits its Select's one line (at 80 a long one wraps to two
    # in the Select, where its stand-in, before lines as now, shows the first). The light theme
    # in the quick run (the stand-ins are compared in the dark one above), both with
    # MATCHTUI_LONG=1.
    for theme in ("textual-dark", "textual-light") if LONG else ("textual-light",):
        app = make_app(workspace)
        async with app.run_test(size=(120, 40)) as pilot:
            app.theme = theme
            assert len(await page_by_page(pilot, real=True)) > 15


async def test_a_click_on_the_label_or_past_the_control_is_a_click_on_the_row(
    workspace: Any,
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one("#f-applicant-graduation_year", TextLine)
        form = screen.query_one("#profile-form")
        # On the label: the form takes the focus (the row is not focusable, the form is), as
        # a click on a row's label did; the field stays as it is.
        await pilot.click(line, offset=(3, 0))
        await pilot.pause()
        assert app.focused is form and line.is_attached
        # Past the control (a number field is 10 cells wide): the same.
        await pilot.click(line, offset=(LABEL_CELLS + 12, 0))
        await pilot.pause()
        assert app.focused is form and line.is_attached
        # On the control: it becomes the Input, focused, the cursor where the click landed.
        value = line.value
        await pilot.mouse_down(line, offset=(LABEL_CELLS + 2, 0))
        await reached(pilot)
        control = screen.query_one("#f-applicant-graduation_year", Input)
        assert app.focused is control and control.cursor_position == 2
        await pilot.press("7")
        assert control.value == value[:2] + "7" + value[2:]
        assert not line.is_attached


async def test_the_tooltip_and_pointer_are_the_controls_over_the_control_only(
    workspace: Any,
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one("#f-applicant-graduation_year", TextLine)
        tip = line.spec.tooltip
        assert tip
        await pilot.hover(line, offset=(LABEL_CELLS + 1, 0))
        await pilot.pause()
        assert line.tooltip == tip and line.styles.pointer == "text"
        await pilot.hover(line, offset=(2, 0))
        await pilot.pause()
        assert line.tooltip is None and line.styles.pointer == "default"
        choice = screen.query_one("#f-applicant-visa", ChoiceLine)
        await pilot.hover(choice, offset=(LABEL_CELLS + 1, 0))
        await pilot.pause()
        assert choice.styles.pointer == "pointer" and choice.tooltip is None  # it has none
        assert line.tooltip is None  # left
        control = await line.make_real()
        assert control.tooltip == tip  # the Input has it everywhere


async def test_a_line_reads_and_saves_as_its_row(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = await ready(pilot)
        before = app.profile
        assert before is not None
        lines = list(screen.query(FieldLine))
        assert len(lines) > 15  # every one-line field but the first
        for line in lines:
            assert screen._rows[line.path] is line
        # Reached, its row takes its place in the form's index and its section.
        line = screen.query_one("#f-exams-step2_score", TextLine)
        line.focus()
        await reached(pilot)
        row = screen._rows[line.path]
        assert isinstance(row, FieldRow) and row in screen.query_one("#section-exams").units
        assert line not in screen.query_one("#section-exams").units
        await pilot.press("end", "backspace")
        assert app.unsaved == {"profile"}
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_model(home / "profile.toml", Profile)
        assert before.exams.step2_score is not None
        assert saved.exams.step2_score == before.exams.step2_score // 10
        assert saved.model_copy(update={"exams": before.exams}) == before


async def test_an_error_on_save_lands_under_a_line_and_focuses_its_field(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen: Any = await ready(pilot)
        line = screen.query_one("#f-cycle_year", TextLine)
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        screen._rows[line.path].row_value = "20x7"  # as if typed, without reaching it
        await pilot.press("ctrl+s")
        await reached(pilot)
        row = screen._rows[line.path]
        assert isinstance(row, FieldRow) and not line.is_attached
        error = row.query_one(".field-error")
        assert "whole number" in str(error.render())
        focused: Widget | None = app.focused
        assert focused is not None and focused.id == "f-cycle_year"
        assert isinstance(focused, Input) and focused.has_class("-invalid")


async def test_lines_of_one_parent_share_their_looks_as_each_would_work_them_out(
    workspace: Any,
) -> None:
    """The lines (fields, list items, bars) take each look from the first line like them in
    the same parent (SharedLook): every look they take is the one Textual works out for that
    line alone, in the theme drawn first and after a theme change (which starts afresh)."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await screen.form_built()
        await pilot.pause()
        ways = [
            (),
            ("looks--text",),
            ("looks--text", "looks--placeholder"),
            ("looks--choice",),
            ("looks--choice", "looks--dim"),
            ("looks--text-focus",),
            ("looks--choice-focus",),
            ("looks--check",),
            ("looks--button-error",),
            ("looks--button-disabled",),
            ("looks--button-default", "looks--button-focus"),
            ("looks--check-button", "looks--check-on"),
            ("looks--note",),
        ]
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            lines = [w for w in screen.query("*") if isinstance(w, SharedLook) and w.display]
            assert len(lines) > 20
            # Drawn first (each shared look worked out by one line of its kind), then checked.
            await pilot.pause()
            shared = 0
            for line in lines:
                for way in ways:
                    look = line.get_visual_style(*way)
                    alone = Widget.get_visual_style(line, *way)
                    assert look == alone, (theme, line, way)
                    shared += look is not alone
            assert shared  # some lines took a look another worked out


async def test_containers_draw_their_alike_rows_as_textual_draws_each(workspace: Any) -> None:
    """The form, its sections and its lists draw the rows of their own that are alike (all
    but a border's top and bottom) once and repeat them (widgets/alike_lines.py): the same
    lines, segment for segment, as Textual draws row by row, for the whole of each and for
    parts of it, in both themes."""
    for theme in ("textual-dark", "textual-light"):
        app = make_app(workspace)
        async with app.run_test(size=(120, 40)) as pilot:
            app.theme = theme
            screen = await ready(pilot)
            await screen.form_built()
            await pilot.pause()
            boxes = [
                w
                for w in screen.query("*")
                if isinstance(w, FormScroll | Section | ListEditor) and w.region.height > 2
            ]
            assert {type(w) for w in boxes} == {FormScroll, Section, ListEditor}
            for box in boxes:
                width, height = box.region.size
                crops = [
                    Region(0, 0, width, height),
                    Region(0, 1, width, height - 2),
                    Region(2, 1, width - 4, 3),
                    Region(0, height - 3, width, 3),
                    Region(1, height - 1, width - 1, 1),
                ]
                for crop in crops:
                    drawn = [list(strip) for strip in box.render_lines(crop)]
                    box.refresh()  # Textual's own rows drawn again, not from its cache
                    textual = [list(strip) for strip in Widget.render_lines(box, crop)]
                    assert drawn == textual, (theme, box, crop)
