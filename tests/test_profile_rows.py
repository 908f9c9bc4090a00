"""A one-line field row draws its label itself, left of its control (no label widget): the
label shows in its column, the control starts after it, an error line comes under both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.widgets import Input, Label, Static

from matchtui.app import MatchApp
from matchtui.screens.profile import LIST_LOCS, ProfileScreen
from matchtui.widgets.profile_fields import (
    COLUMN_CELLS,
    BarLine,
    ColumnsHead,
    FieldRow,
    ListEditor,
    ListHead,
    real_input,
    real_items,
    real_select,
)

TODAY = dt.date(2026, 11, 23)


async def test_label_column_control_and_error_line(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        year = await real_input(screen, "#f-applicant-graduation_year")
        await pilot.pause()  # laid out
        row = year.parent
        assert isinstance(row, FieldRow)
        assert not row.query(Label)  # the row draws its label
        assert str(row.render()) == "Graduation year"
        assert year.region.x == row.content_region.x + 24  # after the label column
        assert year.region.y == row.content_region.y
        # A choice's row: the same column, as a stand-in and once a Select.
        visa = await real_select(screen, "#f-applicant-visa")
        await pilot.pause()
        assert visa.region.x == year.region.x
        # An error: the line under the row, in the control's column.
        year.focus()
        await pilot.pause()
        year.value = "19x"
        screen.query_one("#f-applicant-name", Input).focus()
        await pilot.pause()
        error = row.query_one(".field-error")
        assert "whole number" in str(error.render())
        assert error.region.y == year.region.y + 1
        assert row.region.height == 2
        assert year.has_class("-invalid")


async def test_column_labels_stand_over_their_controls(workspace: Any) -> None:
    """Each list's column labels are one line (ColumnsHead), each label at the column of its
    item's control, as a label a column laid out by the same styles would be."""
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen._build_all()
        await pilot.pause()
        checked = 0
        for editor in screen.query(ListEditor):
            if len(editor.columns) < 2:
                assert not editor.query_children(ColumnsHead)
                continue
            rows = await real_items(editor)
            row = rows[0] if rows else await editor.add_item()
            await pilot.pause()
            head = editor.query_one(ColumnsHead)
            line = str(head.render())
            assert not head.children
            for spec in editor.columns:
                control = row._controls[spec.key]
                x = control.region.x - head.content_region.x
                assert line[x:].startswith(spec.label), (editor.list_id, spec.key, line)
                if spec.key in COLUMN_CELLS:
                    assert control.region.width == COLUMN_CELLS[spec.key]
                else:
                    assert spec is editor.columns[-1]  # only the last takes the rest
            checked += 1
        assert checked == 4  # cycles, ties, rotations, letters


async def test_list_items_show_the_profile_values(workspace: Any) -> None:
    """Each list's items are read from the profile's models field by field (no serializer
    built): the form holds exactly what `model_dump` gives for them."""
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        profile = screen.profile
        expected = {
            "cycles": [c.model_dump() for c in profile.history.cycles],
            "ties": [t.model_dump() for t in profile.ties],
            "rotations": [r.model_dump() for r in profile.rotations],
            "letters": [x.model_dump() for x in profile.letters],
        }
        assert all(expected.values())  # the demo has items in each
        for list_id, dumped in expected.items():
            editor = screen._editors[LIST_LOCS.get(list_id, (list_id,))]
            assert [row._value for row in editor._rows] == dumped


@pytest.mark.parametrize("width", [120, 50])
async def test_a_lists_note_is_drawn_by_its_head_and_wraps(workspace: Any, width: int) -> None:
    """A list's note is drawn under its title by the list's head (no Static of its own),
    wrapped to the width as a Static would be; what follows starts under its last line."""
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        editor = screen.query_one("#list-cycles", ListEditor)
        assert not editor.query(".list-help")
        # The head as one line with its button until reached, then the ListHead: the same.
        for kind in (BarLine, ListHead):
            if kind is ListHead:
                await editor.add_button()
                await pilot.pause()
            head = editor.query_one(kind)
            note = Static(editor.help_text, markup=False)
            lines = note.render().wrap(head.content_region.width)
            assert (width == 50) == (len(lines) > 1)
            assert head.region.height == 1 + len(lines)
            columns = editor.query_one(ColumnsHead)
            assert columns.region.y == head.region.y + head.region.height
            text = str(head.render()).splitlines()
            assert text[0] == editor.title
            assert " ".join(text[1:]) == editor.help_text
