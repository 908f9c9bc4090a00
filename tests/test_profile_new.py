"""Start your own profile (CLI and palette), the demo banner, labels next to their model, and
fields that depend on another being cleared with it."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from matchtui.app import DEMO_TITLE, MatchApp
from matchtui.cli import main
from matchtui.models import profile as model
from matchtui.models.profile import LABELS, Profile
from matchtui.screens.profile import ProfileScreen
from matchtui.store import PROFILE, Store
from matchtui.widgets.profile_fields import FieldLine, FieldRow, real_input, real_select
from matchtui.workspace import demo_profile_path


def _row(control: Any) -> FieldRow | FieldLine:
    """The form row a control is in (a field not reached yet is its row's one line)."""
    if isinstance(control, FieldLine):
        return control
    return next(a for a in control.ancestors if isinstance(a, FieldRow))


TODAY = dt.date(2026, 11, 23)


def test_every_choice_has_a_label() -> None:
    literals = [
        value
        for value in vars(model).values()
        if typing.get_origin(value) is typing.Literal
        # not choices the applicant makes: the type worked out, the facts advice is worded by
        and value not in (model.ApplicantType, model.WordingFact)
    ]
    assert len(literals) == len(LABELS)
    for literal, labels in LABELS.items():
        assert set(typing.get_args(literal)) == set(labels), literal


def test_cli_profile_new_keeps_the_demo_aside(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_text = demo_profile_path().read_text()
    assert main(["assess"]) == 0  # first run seeds the demo
    assert main(["profile", "new"]) == 0
    out = capsys.readouterr().out
    assert "Started a blank profile" in out and "Kept the previous profile" in out
    kept = [p for p in home.iterdir() if p.name.startswith("profile.toml.kept-")]
    assert len(kept) == 1 and kept[0].read_text() == demo_text
    assert demo_profile_path().read_text() == demo_text  # the shipped demo is never touched
    blank = Store(home).load(PROFILE, Profile)
    assert not blank.demo and blank.ties == [] and blank.narrative.why_home == ""
    # A profile of your own is not replaced without --force.
    assert main(["profile", "new"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["profile", "new", "--force"]) == 0


async def test_palette_new_profile_then_save(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        assert app.title == DEMO_TITLE
        assert screen.query_one("#profile-demo").display
        app.action_new_profile()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert app.profile is not None and not app.profile.demo
        assert app.title == "matchtui"
        screen = app.screen
        assert not screen.query_one("#profile-demo").display
        name = screen.query_one("#f-applicant-name", Input)
        name.value = "Sam Rivera"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.applicant.name == "Sam Rivera" and not saved.demo
        assert [p for p in home.iterdir() if p.name.startswith("profile.toml.kept-")]


async def test_dependent_fields_are_cleared_with_their_parent(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.form_built()  # type: ignore[attr-defined]
        screen: Any = app.screen
        year = await real_input(screen, "#f-exams-step3_year")
        assert year.value == "2024"
        (await real_select(screen, "#f-exams-step3")).value = "not_taken"
        await pilot.pause()
        assert not _row(screen.query_one("#f-exams-step3_year")).display
        # Training region shows only in school or in training.
        training = screen.query_one("#f-applicant-training_region")
        assert not _row(training).display  # the demo graduate is not in training
        (await real_select(screen, "#f-applicant-situation")).value = "in_training"
        await pilot.pause()
        assert _row(training).display
        (await real_select(screen, "#f-applicant-situation")).value = "not_in_training"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert saved.exams.step3 == "not_taken" and saved.exams.step3_year is None
        assert saved.applicant.training_region is None


def test_every_audience_has_a_label() -> None:
    from matchtui.models.questions import AUDIENCE_LABELS, Audience

    assert set(typing.get_args(Audience)) == set(AUDIENCE_LABELS)
