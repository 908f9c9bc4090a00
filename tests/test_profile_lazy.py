"""The Profile pane builds the parts of its form below the first screen just after that screen
is shown: parts not built yet still read, save and report errors as if they were there."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.css.query import NoMatches
from textual.widgets import Input, Select, TextArea

from matchtui.app import MatchApp
from matchtui.models.profile import Profile
from matchtui.screens.profile import ProfileScreen
from matchtui.tomlio import load_model
from matchtui.widgets.profile_fields import (
    FieldRow,
    ItemLine,
    ItemRow,
    ListEditor,
    real_input,
    real_select,
)

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="profile", today=TODAY)


@asynccontextmanager
async def profile_from_reality(
    workspace: Any,
) -> AsyncIterator[tuple[MatchApp, Any, ProfileScreen]]:
    """The app at 80x24 opened on the Reality check, then the Profile shown (its first visit)."""
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("show_pane('profile')")
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        yield app, pilot, screen


@pytest.fixture
def never_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """The applicant never scrolls: the parts below the first screen are never built."""
    monkeypatch.setattr(ProfileScreen, "_start_building", lambda self: None)


async def test_parts_below_the_first_screen_come_right_after(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen.form_built()
        await pilot.pause()
        assert app.profile is not None
        story = screen.query_one("#f-narrative-plan_b", TextArea)
        assert story.text == app.profile.narrative.plan_b
        letters = screen.query_one("#list-letters", ListEditor)
        assert len(letters.rows()) == len(app.profile.letters)
        assert (await real_input(screen, "#f-clinical-months_last_24")).value == "18"
        assert app.unsaved == set()  # building the rest is not an edit
        assert Profile.model_validate(screen.form_data()) == app.profile


async def test_save_writes_fields_never_built(
    workspace: Any, home: Path, never_built: None
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        with pytest.raises(NoMatches):
            screen.query_one("#f-narrative-plan_b")  # not built
        before = app.profile
        assert before is not None
        assert Profile.model_validate(screen.form_data()) == before
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *" Jr")
        await pilot.pause()
        assert app.unsaved == {"profile"}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.unsaved == set()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.name == "Avery Lindqvist Jr"
        expected = before.model_copy(
            update={"applicant": before.applicant.model_copy(update={"name": saved.applicant.name})}
        )
        assert saved == expected  # every other field, built or not, as it was


async def test_error_in_a_part_never_built_is_shown_there(
    workspace: Any, home: Path, never_built: None
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        before = (home / "profile.toml").read_text()
        with pytest.raises(NoMatches):
            screen.query_one("#f-applicant-training_region")
        # In training, the region of training is needed: that field is not built yet.
        (await real_select(screen, "#f-applicant-situation")).value = "in_training"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (home / "profile.toml").read_text() == before
        control = screen.query_one("#f-applicant-training_region", Select)
        row = next(a for a in control.ancestors if isinstance(a, FieldRow))
        assert row.display
        errors = row.query(".field-error")
        assert errors and "needed while in training" in str(errors.first().render())
        assert app.focused is control


async def test_typing_never_rebuilds_the_whole_form(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen.form_built()

        def whole_form() -> dict[str, Any]:
            raise AssertionError("form_data() on a key press")

        screen.form_data = whole_form  # type: ignore[method-assign]
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *"!")
        await pilot.pause()
        assert app.unsaved == {"profile"}
        await pilot.press("backspace")
        await pilot.pause()
        assert app.unsaved == set()


async def test_save_and_quit_saves_fields_never_built(
    workspace: Any, home: Path, never_built: None
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.profile
        assert before is not None
        name = app.screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *" Jr")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")  # save and quit
        await pilot.pause()
    assert not app.is_running
    saved = load_model(home / "profile.toml", Profile)
    assert saved.applicant.name == "Avery Lindqvist Jr"
    assert saved.narrative == before.narrative and saved.letters == before.letters


@pytest.mark.parametrize("pause", [0.0, 0.05, 0.1])
def test_quitting_while_the_lower_sections_are_mounting(tmp_path: Path, pause: float) -> None:
    """Quit just after opening the Profile, in a real terminal: its lower sections are still
    being mounted, and the app exits cleanly once the one mounting has finished (a Select torn
    down mid-mount stopped the app with an internal error, 8 times in 8)."""
    import os
    import sys
    import time

    from bench.ptyrun import Session

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    # The pty's size, whatever COLUMNS and LINES the test process inherited.
    env = {"MATCHTUI_HOME": str(home), "TEXTUAL_ANIMATIONS": "none", "COLUMNS": "120"}
    env["LINES"] = "40"
    with Session([sys.executable, "-m", "matchtui"], env=env) as app:
        app.wait_for("Returner warnings", timeout=60)
        os.write(app.fd, b"\x1bOP")  # F1
        time.sleep(pause)
        os.write(app.fd, b"\x11")  # ctrl+q
        deadline = time.perf_counter() + 20
        status = None
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(app.pid, os.WNOHANG)
            if pid:
                break
            app._drain(0.05)  # keep reading, so the app never blocks writing to the terminal
        assert status is not None and os.waitstatus_to_exitcode(status) == 0
    log = home / "matchtui-error.log"
    assert not log.exists(), log.read_text()[-3000:]


async def test_the_rest_waits_while_another_pane_is_shown(workspace: Any) -> None:
    """Left at once for another pane, the form builds nothing more until it is shown again;
    then the rest comes right after, with the same values."""
    async with profile_from_reality(workspace) as (app, pilot, screen):
        await app.run_action("show_pane('reality')")  # before the rest is built
        await pilot.pause(0.3)
        assert not screen.is_current
        with pytest.raises(NoMatches):
            screen.query_one("#f-narrative-plan_b")  # not built while away
        assert app.profile is not None
        assert Profile.model_validate(screen.form_data()) == app.profile  # still reads it all
        await app.run_action("show_pane('profile')")
        await screen.form_built()
        await pilot.pause()
        assert screen.query_one("#f-narrative-plan_b", TextArea).text == (
            app.profile.narrative.plan_b
        )
        assert app.unsaved == set()
        assert Profile.model_validate(screen.form_data()) == app.profile


ORDER = ["applicant", "exams", "history", "targets", "clinical", "letters", "narrative"]


async def test_sections_below_the_first_screen_wait(workspace: Any, never_built: None) -> None:
    """A section with no part on the first screen is not in the form until it is built."""
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#profile-form")
        first = [s.id for s in form.children]
        assert first == [f"section-{name}" for name in ORDER[: len(first)]]
        assert len(first) < len(ORDER)


async def test_sections_below_the_first_screen_join_in_order(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen.form_built()
        await pilot.pause()
        form = screen.query_one("#profile-form")
        assert [s.id for s in form.children] == [f"section-{name}" for name in ORDER]


@pytest.fixture
def keys_keep_coming(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The applicant keeps pressing keys (never a pause) until the test sets idle[0]."""
    idle = [0.0]
    monkeypatch.setattr(MatchApp, "input_idle", lambda self: idle[0])
    return idle


async def test_nothing_below_is_built_while_keys_keep_coming(
    workspace: Any, keys_keep_coming: list[float]
) -> None:
    """Keys that keep coming (typing on the first screen, or passing through the pane) never
    wait for the parts below: they are built once the keys pause, with the profile's values."""
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        with pytest.raises(NoMatches):
            screen.query_one("#f-narrative-plan_b")
        assert app.profile is not None
        assert Profile.model_validate(screen.form_data()) == app.profile
        keys_keep_coming[0] = 10.0  # a pause
        await screen.form_built()
        await pilot.pause()
        assert screen.query_one("#f-narrative-plan_b", TextArea).text == (
            app.profile.narrative.plan_b
        )
        letters = screen.query_one("#list-letters", ListEditor)
        assert len(letters.rows()) == len(app.profile.letters)
        assert Profile.model_validate(screen.form_data()) == app.profile
        assert app.unsaved == set()


async def test_scrolling_down_builds_the_rest_while_keys_come(
    workspace: Any, keys_keep_coming: list[float]
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        with pytest.raises(NoMatches):
            screen.query_one("#f-narrative-plan_b")
        await pilot.press("tab", "pagedown")  # heading down, no pause
        await screen.form_built()
        assert app.profile is not None
        assert screen.query_one("#f-narrative-plan_b", TextArea).text == (
            app.profile.narrative.plan_b
        )


async def build_until(screen: ProfileScreen, done: Any) -> None:
    """Build the form a slice at a time, as the pane does, until `done()`."""
    for _ in range(200):
        if done():
            return
        pending = screen._build_next()
        assert pending is not None, "the form was complete first"
        await pending
    raise AssertionError("never done")


async def test_a_list_built_item_by_item_reads_adds_and_saves_every_item(
    workspace: Any, home: Path, never_built: None
) -> None:
    """A list below the first screen gets its items one by one: part-way, it still reads
    every item in order, a new item goes after all of them, and a save keeps every one."""
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        before = app.profile
        assert before is not None and len(before.letters) >= 2
        editor = screen._editors[("letters",)]
        await build_until(screen, lambda: editor.is_mounted and editor.rows_built == 1)
        await pilot.pause()
        assert len(editor.query(ItemLine)) == 1  # one item on screen, the others to come
        assert len(editor.rows()) == len(before.letters)
        assert Profile.model_validate(screen.form_data()) == before
        values = editor.values()
        # The name changed, then saved while the list is part-way: every letter is kept.
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *" Jr")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_model(home / "profile.toml", Profile)
        assert saved.applicant.name == "Avery Lindqvist Jr"
        assert saved.letters == before.letters
        # Adding to a list part-way puts the new item after every other.
        count = len(editor.rows())
        (await editor.add_button()).press()
        await pilot.pause()
        await pilot.pause()
        rows = editor.rows()
        assert len(rows) == count + 1 and editor.complete
        assert [c for c in editor.children if isinstance(c, ItemRow | ItemLine)] == rows
        assert editor.values()[:count] == values
        assert rows[-1].value() == ItemRow(editor.columns, dict(editor.new_item)).value()


async def test_a_part_built_after_a_return_shows_the_right_data(workspace: Any) -> None:
    """Left at once, the form resumes on the return: each part built then holds its value,
    including an edit made on the first screen before leaving."""
    async with profile_from_reality(workspace) as (app, pilot, screen):
        await pilot.pause()
        name = screen.query_one("#f-applicant-name", Input)
        name.focus()
        await pilot.press("end", *" Jr")
        await app.run_action("show_pane('reality')")
        await pilot.pause(0.3)
        await app.run_action("show_pane('profile')")
        await screen.form_built()
        await pilot.pause()
        assert app.profile is not None
        assert (await real_input(screen, "#f-clinical-months_last_24")).value == str(
            app.profile.clinical.months_last_24
        )
        letters = screen.query_one("#list-letters", ListEditor)
        assert letters.values() == screen._editors[("letters",)].values()
        assert len(letters.query(ItemLine)) == len(app.profile.letters)  # each as its line
        data = Profile.model_validate(screen.form_data())
        assert data.applicant.name == "Avery Lindqvist Jr"
        assert data.model_copy(update={"applicant": app.profile.applicant}) == app.profile
        assert app.unsaved == {"profile"}


async def test_left_mid_build_the_rest_waits_then_comes_and_works(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Left while the parts below are being built (some built, not all), the form builds
    nothing more while another pane is shown (a return does not pay for parts mounted out of
    sight); shown again, the rest comes, holds the profile's values and takes edits."""
    # Slices far enough apart that the form is caught half built on a fast machine too.
    monkeypatch.setattr(ProfileScreen, "BUILD_GAP", 0.05)
    async with profile_from_reality(workspace) as (app, pilot, screen):
        await pilot.pause()
        first = len(list(screen.query("#profile-form *")))
        for _ in range(500):  # until the worker has built some of the rest
            await pilot.pause(0.01)
            if len(list(screen.query("#profile-form Section"))) >= 4:
                break
        assert not screen._complete.is_set()
        await app.run_action("show_pane('reality')")
        await pilot.pause()
        built = len(list(screen.query("#profile-form *")))
        assert built > first
        await pilot.pause(0.4)
        assert not screen.is_current and not screen._complete.is_set()
        assert len(list(screen.query("#profile-form *"))) == built  # nothing while away
        with pytest.raises(NoMatches):
            screen.query_one("#f-narrative-plan_b")
        await app.run_action("show_pane('profile')")
        await screen.form_built()
        await pilot.pause()
        assert app.profile is not None
        assert screen.query_one("#f-narrative-plan_b", TextArea).text == (
            app.profile.narrative.plan_b
        )
        assert Profile.model_validate(screen.form_data()) == app.profile
        assert app.unsaved == set()
        months = await real_input(screen, "#f-clinical-months_last_24")
        assert months.value == str(app.profile.clinical.months_last_24)
        months.focus()
        await pilot.press("end", "backspace", "backspace", "7")
        await pilot.pause()
        assert screen.form_data()["clinical"]["months_last_24"] == "7"
        assert app.unsaved == {"profile"}
