"""The panes' styles are parsed at idle after start-up (`MatchApp._prepare_pane_styles`, from
each screen's `style_samples`), so a pane's first visit adds no stylesheet source: Textual
re-parsed the whole stylesheet for each one (7-17 times on a first visit)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from matchtui.app import STYLE_IDLE, MatchApp, pane_css_path
from matchtui.panes import PANE_BY_ID, PANES
from tests.conftest import half

# Mounted after the pane's first frame (inside a Lazy), so not on its first visit's path.
LATE = {"mix": {"ProgramsPanel.DEFAULT_CSS"}}


async def _prepared(workspace: Any) -> tuple[MatchApp, Any]:
    for pane in PANES:
        importlib.import_module(pane.module)  # as the preload thread does
    app = MatchApp(workspace, first_pane="reality")
    return app, app.run_test(size=(120, 40))


@pytest.mark.parametrize("pane", half([p.id for p in PANES if p.id != "reality"], 0))
async def test_a_first_visit_after_the_idle_preparation_adds_no_stylesheet_source(
    workspace: Any, pane: str
) -> None:
    app, running = await _prepared(workspace)
    async with running as pilot:
        await pilot.pause()
        reality = app.screen
        widgets = len(list(reality.query("*")))
        for _ in PANES:
            await app._prepare_pane_styles()
        assert app._styles_prepared == {p.id for p in PANES} - {"reality"}
        await pilot.pause()  # the last removal is done
        assert len(list(reality.query("*"))) == widgets  # nothing of it was left mounted
        added: list[str] = []
        add_source = app.stylesheet.add_source

        def recording(css: str, read_from: Any = None, *args: Any, **kwargs: Any) -> None:
            if read_from is not None and not app.stylesheet.has_source(*read_from):
                added.append(read_from[1] or read_from[0].rsplit("/", 1)[-1])
            add_source(css, read_from, *args, **kwargs)

        app.stylesheet.add_source = recording  # type: ignore[method-assign]
        await pilot.press(PANE_BY_ID[pane].key)
        for _ in range(5):
            await pilot.pause()
        assert app.pane_screens[pane] is app.screen
        assert set(added) <= LATE.get(pane, set()), added


async def test_the_preparation_adds_each_pane_stylesheet_once_and_skips_built_panes(
    workspace: Any,
) -> None:
    app, running = await _prepared(workspace)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("f4")  # Mix built before the preparation runs
        await pilot.pause()
        # Keys have paused: without this, a visit quicker than STYLE_IDLE left every step
        # below waiting for its timer (each returns at once, so no time passes between them).
        app.input_idle = lambda: STYLE_IDLE  # type: ignore[method-assign]
        for _ in PANES:
            await app._prepare_pane_styles()
        assert "mix" not in app._styles_prepared
        for pane in PANES:
            path = pane_css_path(pane)
            assert path is None or app.stylesheet.has_source(str(path))


async def test_the_preparation_waits_while_keys_are_coming(workspace: Any) -> None:
    app, running = await _prepared(workspace)
    async with running as pilot:
        await pilot.pause()
        await pilot.press("down")  # a key just now
        await app._prepare_pane_styles()
        assert app._styles_prepared == set()
        await pilot.pause(0.5)  # keys paused: it goes on from its timer
        assert app._styles_prepared
