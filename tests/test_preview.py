"""The first pane worked out by a child process while the app starts (`matchtui.preview`): the
child sends exactly what the app would compute itself, only reads the applicant's files, and any
failure in it means no preview (the app loads as it always did)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from matchtui import preview
from matchtui.app import MatchApp
from matchtui.engine.assess import Records
from matchtui.engine.calendar import countdown
from matchtui.engine.reality_view import build_reality_view
from matchtui.preview import FirstContent
from matchtui.store import PROFILE
from matchtui.workspace import Workspace

TODAY = dt.date(2026, 11, 30)
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def _computed_here(workspace: Workspace) -> FirstContent:
    """What the app works out itself on TODAY, before it knows the program list (the saved
    plan's record of the applications only, as the pane's first view reads it)."""
    profile = workspace.load_profile()
    plan = workspace.load_plan()
    view = build_reality_view(profile, workspace.catalog, plan.mix, TODAY, Records(plan))
    return FirstContent("reality", view, countdown(workspace.catalog, profile.cycle_year, TODAY))


def test_the_child_sends_what_the_app_computes_itself(home: Path) -> None:
    expected = _computed_here(Workspace.from_options(home))
    started = preview.start(Workspace.from_options(home), TODAY)
    assert started is not None
    first = started.take()
    assert first == expected
    with pytest.raises(ChildProcessError):
        os.waitpid(started.pid, os.WNOHANG)  # reaped


def test_no_preview_on_the_very_first_run(tmp_path: Path) -> None:
    """No home folder yet: no child (the app creates and seeds the folder, as before)."""
    home = tmp_path / "fresh"
    assert preview.start(Workspace.from_options(home), TODAY) is None
    assert not home.exists()


def test_the_child_reads_the_demo_profile_without_seeding_the_folder(tmp_path: Path) -> None:
    home = tmp_path / "empty"
    home.mkdir(mode=0o700)
    started = preview.start(Workspace.from_options(home), TODAY)
    assert started is not None
    first = started.take()
    assert first is not None
    assert not (home / "profile.toml").exists()  # the app seeds it, not the child
    assert first == _computed_here(Workspace.from_options(home))  # which seeds it


def test_a_profile_that_does_not_load_means_no_preview(home: Path) -> None:
    workspace = Workspace.from_options(home)
    workspace.load_profile()  # seeds the home folder
    workspace.store.path(PROFILE).write_text("schema_version = 1\n[applicant\n")
    started = preview.start(Workspace.from_options(home), TODAY)
    assert started is not None
    assert started.take() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(started.pid, os.WNOHANG)


def test_a_child_given_up_is_stopped_and_reaped(home: Path) -> None:
    Workspace.from_options(home).load_profile()  # seeds the home folder
    started = preview.start(Workspace.from_options(home), TODAY)
    assert started is not None
    started.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(started.pid, os.WNOHANG)
    assert started.take() is None  # once only


@pytest.fixture
def quiet_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """No GC freeze and no preload thread in these app tests (they are the app's own)."""
    import matchtui.app as app_module

    monkeypatch.setattr(app_module, "_freeze_long_lived", lambda: None)
    monkeypatch.setattr(app_module, "_preload_panes", lambda *_: None)


class _Sent:
    """A preview whose child has sent `first`."""

    def __init__(self, first: FirstContent | None) -> None:
        self.first = first
        self.taken = 0

    def take(self, wait: float = 0) -> FirstContent | None:
        self.taken += 1
        return self.first

    def close(self) -> None:
        pass


@pytest.mark.usefixtures("quiet_start")
async def test_the_app_shows_the_childs_view_then_loads_the_data_without_redrawing(
    workspace: Any,
) -> None:
    from matchtui.screens.profile import ProfileScreen
    from matchtui.screens.reality import RealityScreen

    first = _computed_here(workspace)
    sent = _Sent(first)
    app = MatchApp(workspace, today=TODAY, interactive=True, preview=sent)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if app.profile is not None:
                break
        screen = app.screen
        assert isinstance(screen, RealityScreen)
        assert sent.taken == 1
        assert app.profile is not None and app.plan is not None  # loaded here afterwards
        assert screen.view is first.view  # equal to what it worked out: not redrawn
        assert first.season_line in str(screen.sub_title)
        await pilot.press("f1")  # keys reach the app once the data is loaded
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)


@pytest.mark.usefixtures("quiet_start")
async def test_without_the_childs_content_the_app_loads_as_before(workspace: Any) -> None:
    from matchtui.screens.reality import RealityScreen

    sent = _Sent(None)
    app = MatchApp(workspace, today=TODAY, interactive=True, preview=sent)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, RealityScreen):
                break
        assert isinstance(app.screen, RealityScreen)
        assert sent.taken == 1
        assert app.screen.view == _computed_here(workspace).view
