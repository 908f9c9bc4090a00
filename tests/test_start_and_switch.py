"""Start-up and pane switches: the data loads as soon as the shell is painted, and a pane's
footer keys are drawn, never mounted, and follow the width and the pane in front."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import matchtui.app as app_module
from matchtui.app import MatchApp, ShellScreen
from matchtui.widgets.pane_footer import PaneFooter

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_gc_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_freeze_long_lived", lambda: None)


async def test_a_first_visit_mounts_no_footer_keys(workspace: Any) -> None:
    # Textual's Footer composed a widget per key on each pane's first visit (and rebuilt them
    # when the first bindings and the first resize both asked); here the keys are drawn.
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("f5")
        await pilot.pause(0.3)
        footer = app.screen.query_one(PaneFooter)
        shown, _compact = footer.shown()
        assert {"show_help", "command_palette"} <= {key.action for key in shown}
        assert not footer.children


async def test_the_footer_still_follows_a_narrower_terminal(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="practice", today=TODAY)
    async with app.run_test(size=(300, 40)) as pilot:
        await pilot.pause(0.3)
        footer = app.screen.query_one(PaneFooter)
        assert any(action.startswith("show_pane(") for action in _actions(footer))
        assert "f1 Profile" in footer.render().plain
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        assert not any(action.startswith("show_pane(") for action in _actions(footer))
        assert "f1 Profile" not in footer.render().plain


async def test_the_data_loads_once_the_shell_is_painted(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    loads: list[bool] = []
    original = app._load_and_open

    def load() -> None:
        # The shell is the screen in front, already laid out at the terminal's size.
        assert isinstance(app.screen, ShellScreen) and app.screen.size.width == 100
        loads.append(True)
        original()

    app._load_and_open = load  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if app.current_mode == "reality" and app.screen.is_mounted:
                break
        await pilot.pause(0.2)
        assert loads == [True]  # once, though both the resize and the refresh ask
        assert app.current_mode == "reality" and app.profile is not None


async def test_a_pane_left_at_once_shows_its_keys_when_it_is_back(workspace: Any) -> None:
    # Practice is left before its first bindings reach the footer; they are there on return.
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if app.current_mode == "reality" and app.screen.is_mounted:
                break
        await pilot.press("f5", "f6")
        await pilot.pause(0.3)
        await pilot.press("f5")
        await pilot.pause(0.3)
        assert "show_help" in _actions(app.screen.query_one(PaneFooter))


def test_the_reality_check_does_not_parse_markup_for_its_column_labels(tmp_path: Any) -> None:
    # A str label is parsed as markup, which imports rich's emoji table (~2.5 ms) before the
    # first pane's content; its labels are plain text.
    import subprocess
    import sys

    code = f"""
import asyncio, sys
from matchtui.app import MatchApp
from matchtui.workspace import Workspace

async def main():
    app = MatchApp(Workspace.from_options({str(tmp_path / "home")!r}), first_pane="reality")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        labels = [str(c.label) for c in app.screen.query_one("#risk-table").columns.values()]
        print(labels, "rich._emoji_codes" in sys.modules)

asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "['Factor', 'Your value', 'Level', 'Why'] False", result.stderr


async def test_a_footer_left_behind_a_dialog_is_rebuilt_when_the_dialog_closes(
    workspace: Any,
) -> None:
    # A rebuild asked for while the help screen covers the pane (here: the terminal narrowed)
    # waits until the pane is in front again, and then happens.
    app = MatchApp(workspace, first_pane="practice", today=TODAY)
    async with app.run_test(size=(300, 40)) as pilot:
        await pilot.pause(0.3)
        pane = app.screen
        footer = pane.query_one(PaneFooter)
        assert any(action.startswith("show_pane(") for action in _actions(footer))
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert app.screen is not pane
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.screen is pane
        actions = _actions(footer)
        assert actions and not any(action.startswith("show_pane(") for action in actions)
        assert "f1 Profile" not in footer.render().plain


def _actions(footer: PaneFooter) -> list[str]:
    """The actions of the keys the footer shows at its width."""
    return [key.action for key in footer.shown()[0]]


async def test_the_profile_styles_are_parsed_after_start_and_nothing_is_left_mounted(
    workspace: Any,
) -> None:
    from textual.widgets import Button, Checkbox, Input

    from matchtui.app import pane_css_path
    from matchtui.panes import PANE_BY_ID
    from matchtui.screens.profile import ProfileScreen

    app = MatchApp(workspace, first_pane="reality", interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):  # every pane's styles, one a step at idle, then the collection
            await pilot.pause(0.1)
            if app._styles_settled:
                break
        assert app._styles_settled
        path = pane_css_path(PANE_BY_ID["profile"])
        assert path is not None and app.stylesheet.has_source(str(path))
        for kind in (Button, Checkbox, Input):
            assert not app.screen.query(kind)  # the hidden widgets were removed
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#f-applicant-name", Input).value  # the demo's name


async def test_a_pane_is_not_laid_out_again_for_its_own_first_resize(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual sends a screen a Resize after its first layout, and its handler laid the whole
    pane out again at the same size (20-30 ms after each first frame, in front of the next
    key). A Resize to the size the pane has is skipped; a real resize is not."""
    from textual import events
    from textual.geometry import Size

    from matchtui.screens.specialties import SpecialtiesScreen

    # Specialties has size classes; it opts in here to show they still follow a resize.
    monkeypatch.setattr(SpecialtiesScreen, "LAYOUT_ONCE", True)
    app = MatchApp(workspace, first_pane="specialties", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        # The pane's own work after its first frame is over: no layout for 0.3 s (a fixed
        # pause was not always long enough on a loaded machine).
        for _ in range(25):
            layouts.clear()
            await pilot.pause(0.3)
            if not layouts:
                break
        assert layouts == [], "the pane never stopped laying itself out"
        size = Size(120, 40)
        screen.post_message(events.Resize(size, size, size))
        await pilot.pause(0.2)
        assert layouts == []
        assert screen.has_class("-wide")
        await pilot.resize_terminal(90, 40)
        await pilot.pause(0.2)
        assert layouts  # laid out at the new size
        assert screen.has_class("-narrow") and not screen.has_class("-wide")
        assert screen.outer_size == Size(90, 40)


async def test_the_profile_styles_timer_firing_as_the_app_closes_does_nothing(
    workspace: Any,
) -> None:
    """The styles are prepared on a timer 0.3 s after start; an app closed about then has no
    screen left to mount them on (seen once in CI: `ScreenStackError` at exit)."""
    app = MatchApp(workspace, first_pane="reality", interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    await app._prepare_pane_styles()  # no screen on the stack: returns quietly


def test_the_preload_imports_the_other_panes_and_the_dialogs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the first pane shows, a thread imports what the other panes need, the
    Applications pane's dialogs included (the first stage prompt waited ~30 ms for them)."""
    import threading

    from matchtui.panes import PANES

    imported: list[str] = []
    monkeypatch.setattr(app_module.importlib, "import_module", imported.append)
    app_module._preload_panes("reality")
    for thread in threading.enumerate():
        if thread.name == "matchtui-preload":
            thread.join(5)
    expected = [p.module for p in PANES if p.id != "reality"]
    assert imported == [*expected, *app_module.PRELOAD_ALSO]
    assert "matchtui.widgets.tracker_dialogs" in imported
    assert "matchtui.engine.reality_view" in imported


def test_the_preload_then_warms_the_program_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the imports, the preload thread reads the program list into memory (the first of
    Mix, Applications and Rank list to open then skips ~0.1 s at 20,000 programs); a failing
    warm-up is left for the pane's own read to report."""
    import threading

    order: list[str] = []
    monkeypatch.setattr(app_module.importlib, "import_module", lambda name: order.append(name))

    def warm() -> bool:
        order.append("warm")
        return True

    def broken() -> bool:
        order.append("broken")
        raise OSError("disk gone")

    for job in (warm, broken):
        app_module._preload_panes("reality", job)
        for thread in threading.enumerate():
            if thread.name == "matchtui-preload":
                thread.join(5)
    assert order.count("warm") == 1 and order.count("broken") == 1
    assert order.index("warm") == len(order) // 2 - 1  # after every import of its run
    assert order[-1] == "broken"
