"""Profile pane, driven with Pilot: fill, see inline errors, edit lists in place, save, and see
the Reality check follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static, TextArea

from matchtui.app import MatchApp
from matchtui.models.profile import Profile
from matchtui.screens.profile import ProfileScreen, friendly, validate_profile
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    FieldRow,
    FormButton,
    ListEditor,
    real_button,
    real_input,
    real_items,
    real_select,
)

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any, pane: str = "profile") -> MatchApp:
    return MatchApp(workspace, first_pane=pane, today=TODAY)


def field(screen: Any, dom_id: str) -> FieldRow:
    widget = screen.query_one(f"#{dom_id}")
    return next(a for a in widget.ancestors if isinstance(a, FieldRow))


def error_of(screen: Any, dom_id: str) -> str:
    """The message under a field ("" when it has none: the line is only there with one)."""
    lines = field(screen, dom_id).query(".field-error")
    return str(lines.first(Static).render()) if lines else ""


async def built(pilot: Any) -> None:
    """Wait until the whole form is built (the parts below the first screen come just after)."""
    await pilot.pause()
    await pilot.app.screen.form_built()
    await pilot.pause()


async def replace_text(pilot: Any, widget: Input, text: str) -> None:
    widget.focus()
    await pilot.pause()
    widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def test_fill_bad_value_shows_inline_error_then_save_updates_reality(
    workspace: Any, home: Path
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        year = await real_input(screen, "#f-applicant-graduation_year")
        await replace_text(pilot, year, "20x4")
        assert error_of(screen, "f-applicant-graduation_year") == ""  # not while typing
        await pilot.press("tab")  # leave the field
        await pilot.pause()
        assert error_of(screen, "f-applicant-graduation_year") == "Enter a whole number"
        assert "profile" in app.unsaved
        assert screen.query_one("#profile-unsaved").display
        # Save refuses, keeps the message and puts the cursor back on the field.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.focused is year
        assert app.profile is not None and app.profile.applicant.graduation_year == 2021
        # Fix it: the message goes when the field is left again.
        await replace_text(pilot, year, "2024")
        await pilot.press("tab")
        await pilot.pause()
        assert error_of(screen, "f-applicant-graduation_year") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        assert not screen.query_one("#profile-unsaved").display
        assert app.profile is not None and app.profile.applicant.graduation_year == 2024
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.graduation_year == 2024
        await pilot.press("f2")
        await pilot.pause()
        reality = app.screen
        assert reality.assessment.risk.tier == "low"  # type: ignore[attr-defined]
        factor = reality.assessment.factor("years_since_graduation")  # type: ignore[attr-defined]
        assert factor.level == "lower"


async def test_reality_already_open_updates_on_save(workspace: Any) -> None:
    app = make_app(workspace, "reality")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reality = app.screen
        assert reality.assessment.risk.tier == "moderate"  # type: ignore[attr-defined]
        await pilot.press("f1")
        await built(pilot)
        screen = app.screen
        await replace_text(pilot, (await real_input(screen, "#f-clinical-months_last_24")), "0")
        (await real_select(screen, "#f-clinical-role")).value = "nonclinical"
        await pilot.pause()
        await pilot.click("#profile-save")
        await pilot.pause()
        assert app.unsaved == set()
        # The reality screen was not shown, yet it already reflects the save.
        assert reality.assessment.factor("clinical_gap").level == "higher"  # type: ignore[attr-defined]
        assert reality.assessment.risk.tier == "high"  # type: ignore[attr-defined]
        await pilot.press("f2")
        await pilot.pause()
        title = str(app.screen.query_one("#risk-title", Static).render())
        assert "HIGH" in title


async def test_whole_model_check_on_save(workspace: Any, home: Path) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        before = (home / "profile.toml").read_text()
        (await real_select(screen, "#f-exams-step3")).value = "scheduled"  # no date given
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(screen, "f-exams-step3_date") == "needed when Step 3 is scheduled"
        assert (home / "profile.toml").read_text() == before
        date = await real_input(screen, "#f-exams-step3_date")
        assert app.focused is date
        await pilot.press(*"2027-13-01")
        await pilot.press("tab")
        await pilot.pause()
        assert error_of(screen, "f-exams-step3_date") == "Enter a date as YYYY-MM-DD"
        await replace_text(pilot, date, "2027-01-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.profile is not None and app.profile.exams.step3_date == dt.date(2027, 1, 10)


async def test_lists_are_edited_in_place(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await built(pilot)
        screen = app.screen
        rotations = screen.query_one("#list-rotations", ListEditor)
        assert len(rotations.rows()) == 1
        # Add a rotation and edit it where it stands.
        add = await real_button(screen, "#add-rotations")
        for _ in range(10):  # the bar just put in place has its region once laid out
            await pilot.pause()
            add.scroll_visible(animate=False)
            await pilot.pause()
            if add.region and screen.region.contains_region(add.region):
                break
        await pilot.click("#add-rotations")
        await pilot.pause()
        rows = rotations.rows()
        assert len(rows) == 2
        new = rows[1]
        (await real_select(new, ".col-status")).value = "done"
        (await real_input(new, ".col-place")).value = "Four weeks in Iowa City"
        await pilot.pause()
        # Edit the existing one: planned -> done.
        (await real_select(rows[0], ".col-status")).value = "done"
        # Remove a letter.
        letters = screen.query_one("#list-letters", ListEditor)
        await letters.remove_item(letters.rows()[1])
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        profile = app.profile
        assert profile is not None
        assert [r.status for r in profile.rotations] == ["done", "done"]
        assert profile.rotations[1].place == "Four weeks in Iowa City"
        assert profile.rotations[1].region == "midwest"  # new items start in the target region
        assert len(profile.letters) == 1


async def test_remove_button_and_bad_list_item(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        ties = screen.query_one("#list-ties", ListEditor)
        (await real_items(ties))[0]  # the item as its row, its buttons their own
        remove = ties.rows()[0].query_one(".item-remove", FormButton)
        remove.scroll_visible(animate=False)
        for _ in range(20):  # scrolled into view (a layout or two later under load)
            await pilot.pause()
            if screen.region.contains_region(remove.region):
                break
        await pilot.click(remove)
        await pilot.pause()
        assert len(ties.rows()) == 1
        letters = screen.query_one("#list-letters", ListEditor)
        row = await letters.add_item()
        months = await real_input(row, ".col-months_ago")
        months.focus()
        months.value = ""
        await pilot.press(*"lots", "tab")
        await pilot.pause()
        message = str(row.query_one(".field-error", Static).render())
        assert message == "months ago: Enter a whole number"
        assert row.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.profile is not None and len(app.profile.letters) == 2  # not saved
        await letters.remove_item(row)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.profile.ties) == 1


async def test_target_specialties_rank_and_limit(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        targets = screen.query_one("#list-targets", ListEditor)
        await real_items(targets)
        up = targets.rows()[1].query_one(".item-up", FormButton)
        up.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(up)
        await pilot.pause()
        assert targets.values() == ["family_medicine", "internal_medicine"]
        for _ in range(3):
            await targets.add_item()
        await pilot.pause()
        assert (await targets.add_button()).disabled  # five is the limit
        rows = targets.rows()
        for row, sid in zip(rows[2:], ["psychiatry", "pediatrics", "psychiatry"], strict=True):
            (await real_select(row, ".col-specialty")).value = sid
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "listed twice" in str(targets.query_one(".list-error", Static).render())
        (await real_select(rows[4], ".col-specialty")).value = "neurology"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.profile is not None
        assert app.profile.targets.specialties[:2] == ["family_medicine", "internal_medicine"]
        assert len(app.profile.targets.specialties) == 5


async def test_quit_with_unsaved_changes_asks(workspace: Any) -> None:
    from matchtui.widgets.confirm import QuitDialog

    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await built(pilot)
        screen = app.screen
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *" Jr")
        await pilot.pause()
        assert app.unsaved == {"profile"}
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.is_running and app.screen is screen
        # Typing the old value back clears the mark; so does Revert.
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert app.unsaved == set()
        await pilot.press(*"X")
        await pilot.pause()
        assert app.unsaved == {"profile"}
        await pilot.click("#profile-revert")
        await pilot.pause()
        assert app.unsaved == set()
        assert screen.query_one("#f-applicant-name", Input).value == "Avery Lindqvist"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_ctrl_s_saves_from_a_text_area(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        area = app.screen.query_one("#f-narrative-plan_b", TextArea)
        area.focus()
        await pilot.pause()
        area.text = ""
        await pilot.press(*"Clinical research leadership.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.profile is not None
        assert app.profile.narrative.plan_b == "Clinical research leadership."
        assert app.unsaved == set()


async def test_user_text_is_not_markup(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        screen.query_one("#f-applicant-name", Input).value = "[bold]Dr [red]X"
        rows = screen.query_one("#list-ties", ListEditor).rows()
        (await real_input(rows[0], ".col-note")).value = "[link=x]Mum[/link]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.profile is not None
        assert app.profile.applicant.name == "[bold]Dr [red]X"
        assert app.profile.ties[0].note == "[link=x]Mum[/link]"


def test_validate_profile_reports_each_path(catalog: Any, demo_profile: Profile) -> None:
    data = demo_profile.model_dump(mode="json")
    data["applicant"]["graduation_year"] = "soon"
    data["letters"][0]["months_ago"] = -1
    data["ties"][0]["region"] = "atlantis"
    profile, problems = validate_profile(data, catalog)
    assert profile is None
    locs = dict(problems)
    assert locs[("applicant", "graduation_year")] == "Enter a whole number"
    assert locs[("letters", 0, "months_ago")] == "Must be 0 or more"
    data = demo_profile.model_dump(mode="json")
    data["ties"][0]["region"] = "atlantis"
    profile, problems = validate_profile(data, catalog)
    assert profile is None and problems[0][0] == ("ties", 0, "region")
    assert friendly({"type": "missing"}).startswith("Required")


async def test_item_rows_read_back_what_they_show(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        letters = screen.query_one("#list-letters", ListEditor)
        values = [row.value() for row in letters.rows()]
        assert values == [row.value() for row in await real_items(letters)]
        assert values[0]["months_ago"] == "6" and values[0]["saw_real_work"] is True
        data = screen.form_data()  # type: ignore[attr-defined]
        assert Profile.model_validate(data) == app.profile


async def test_profile_level_check_lands_on_the_field_it_names(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await built(pilot)
        screen = app.screen
        (await real_input(screen, "#f-applicant-graduation_year")).value = "2030"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2030 is after the 2027 Match" in error_of(screen, "f-applicant-graduation_year")
        assert app.profile is not None and app.profile.applicant.graduation_year == 2021
