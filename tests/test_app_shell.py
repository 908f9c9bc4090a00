from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events

from matchtui.app import MatchApp
from matchtui.panes import PANES
from matchtui.widgets.pane_bar import PaneBar


async def test_every_pane_is_reachable_from_the_palette(workspace: Any) -> None:
    app = MatchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for pane in PANES:
            await pilot.press("ctrl+p")
            await pilot.pause()
            # Typed, then pasted: each key runs a whole search, and one pane typed key by key is
            # enough (test_early_keys types into the palette too).
            query = f"Go to {pane.title}"
            typed = len(query) if pane is PANES[0] else 3
            await pilot.press(*query[:typed])
            if query[typed:]:
                assert app.focused is not None
                app.focused.post_message(events.Paste(query[typed:]))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.current_mode == pane.id
            bar = app.screen.query_one(PaneBar)
            assert [link.pane_id for link in bar.shown() if link.active] == [pane.id]


async def test_function_keys_switch_panes_even_from_a_text_field(workspace: Any) -> None:
    from textual.widgets import Input

    app = MatchApp(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        probe = Input(id="probe")
        await app.screen.mount(probe)
        probe.focus()
        await pilot.pause()
        for pane in reversed(PANES):
            await pilot.press(pane.key)
            await pilot.pause()
            assert app.current_mode == pane.id


async def test_first_run_shows_demo_profile(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.profile is not None and app.profile.is_reentry
        assert (home / "profile.toml").exists()


async def test_bad_profile_opens_with_message_and_file_untouched(
    workspace: Any, home: Path
) -> None:
    home.mkdir(parents=True)
    bad = home / "profile.toml"
    bad.write_text("schema_version = 1\ncycle_year = 'soon'\n")
    app = MatchApp(workspace)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "profile.toml" in app.load_errors
        assert "cycle_year" in app.load_errors["profile.toml"]
        assert app.profile is not None  # the demo, in memory
    assert bad.read_text() == "schema_version = 1\ncycle_year = 'soon'\n"


async def test_deferred_start_draws_the_shell_then_opens_the_first_pane(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="plan", interactive=True)
    async with app.run_test() as pilot:
        for _ in range(200):  # up to 10 s: the data loads in a thread (slow on a loaded CI)
            await pilot.pause(0.05)
            if app.current_mode == "plan" and app.screen.query(PaneBar):
                break
        await pilot.pause()
        assert app.current_mode == "plan" and app.profile is not None


def test_the_app_module_does_not_import_pydantic() -> None:
    # The first frame must not wait for pydantic and the models: they load after it.
    import subprocess
    import sys

    code = "import sys, matchtui.app, matchtui.workspace; print('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


async def test_coming_back_to_a_pane_keeps_its_focus(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="profile")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        focusable = [w for w in app.screen.focus_chain]
        focusable[min(2, len(focusable) - 1)].focus()
        target = None
        for _ in range(10):  # a field's stand-in hands its focus to its real control
            await pilot.pause()
            if target is not None and app.screen.focused is target:
                break
            target = app.screen.focused
        assert target is not None
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f1")
        for _ in range(40):  # a loaded machine may take more than one pause to finish the switch
            await pilot.pause()
            if app.current_mode == "profile" and app.screen.focused is not None:
                break
        assert app.current_mode == "profile" and app.screen.focused is target


async def test_footer_keys_are_drawn_not_mounted(workspace: Any) -> None:
    from matchtui.widgets.pane_footer import PaneFooter

    app = MatchApp(workspace, first_pane="plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(PaneFooter)
        keys_before = footer.hints
        assert [key.description for key in keys_before if key.action == "show_help"] == ["Help"]
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        # A pane switch mounts nothing (one widget draws every key) and the keys are the same.
        assert footer.hints == keys_before and not footer.children
        assert "Help" in app.screen.query_one(PaneFooter).render().plain
