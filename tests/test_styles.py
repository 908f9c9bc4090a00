"""Pane styles cost only the pane that uses them: start-up parses the app's and the first
pane's, each pane's stylesheet is added on its first visit without a full re-parse or a
restyle of the panes already built, each pane's rules reach only its own screen, and a theme
change still restyles every pane."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet

from matchtui.app import MatchApp, pane_css_path
from matchtui.panes import PANES

SCREENS = Path(__file__).resolve().parents[1] / "src" / "matchtui" / "screens"


@pytest.mark.parametrize("pane", PANES, ids=lambda pane: pane.id)
def test_each_pane_rule_is_scoped_to_its_screen(pane: Any) -> None:
    name = pane.module.rsplit(".", 1)[-1]
    path = SCREENS / f"{name}.tcss"
    if not path.is_file():
        pytest.skip("no stylesheet")
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    selectors = [
        selector.strip()
        for block in re.findall(r"([^{}]+)\{[^{}]*\}", text)
        for selector in block.split(",")
    ]
    assert selectors
    for selector in selectors:
        assert re.match(rf"{pane.screen}\b", selector), f"{path.name}: {selector!r}"


@pytest.mark.parametrize("pane", PANES, ids=lambda pane: pane.id)
def test_no_pane_screen_brings_its_own_stylesheet(pane: Any) -> None:
    # The app adds each pane's file itself; a screen's own CSS_PATH or CSS would make Textual
    # re-parse the whole stylesheet and restyle every widget on the pane's first visit.
    screen = getattr(importlib.import_module(pane.module), pane.screen)
    assert not screen.CSS_PATH
    assert not screen.CSS


async def test_a_theme_change_still_restyles_panes_built_before_it(workspace: Any) -> None:
    app = MatchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        mix = app.screen
        dark = mix.styles.background
        await pilot.press("f2")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is mix
        assert mix.styles.background != dark
        await pilot.press("f6")  # a pane first built after the change gets the new theme too
        await pilot.pause()
        assert app.screen.styles.background == mix.styles.background


async def test_the_same_class_in_two_panes_keeps_each_pane_look(workspace: Any) -> None:
    # Both the Reality check and the Mix pane have `.section-title` headings, styled apart.
    app = MatchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reality_title = app.screen.query(".section-title").first()
        before = (reality_title.styles.margin, reality_title.styles.background)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert (reality_title.styles.margin, reality_title.styles.background) == before


async def test_pane_visits_add_only_their_styles_and_never_hold_the_screen(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One tour of every pane, twice (a first visit, then a return), watched three ways:
    - start-up parses the app's stylesheet and the first pane's only, and each pane's own file
      is added on its first visit;
    - no visit re-parses the whole stylesheet or restyles the panes already built;
    - Textual holds the screen 50 ms on a mode switch (and, while held, renders each layout and
      throws it away): neither a first visit nor a return to a built pane asks for that."""
    from textual.app import App

    def loaded(app: MatchApp) -> set[str]:
        return {
            Path(path).name for path, _class_var in app.stylesheet.source if path.endswith(".tcss")
        }

    reparsed: list[int] = []
    restyled: list[int] = []
    held: list[float] = []
    original_reparse = Stylesheet.reparse
    original_update = Stylesheet.update
    original_delay = App.delay_update
    original_batch = App.batch_update

    def reparse(self: Stylesheet) -> None:
        reparsed.append(1)
        original_reparse(self)

    def update(self: Stylesheet, root: Any, animate: bool = False) -> None:
        restyled.append(len(root.walk_children(with_self=True)))
        original_update(self, root, animate)

    def delay_update(self: App[Any], delay: float = 0.05) -> None:
        held.append(delay)
        original_delay(self, delay)

    def batch_update(self: App[Any]) -> Any:
        if getattr(self, "_switching_pane", False):  # a hold by the switch itself
            held.append(0.0)
        return original_batch(self)

    monkeypatch.setattr(App, "delay_update", delay_update)
    app = MatchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert loaded(app) == {"app.tcss", "reality.tcss"}  # start-up: the first pane's only
        sources = set(app.stylesheet.source)
        monkeypatch.setattr(Stylesheet, "reparse", reparse)
        monkeypatch.setattr(Stylesheet, "update", update)
        monkeypatch.setattr(App, "batch_update", batch_update)
        for pane in [*PANES, *PANES]:
            await pilot.press(pane.key)
            await pilot.pause()
            assert app.current_mode == pane.id
            path = pane_css_path(pane)
            assert path is not None and path.name in loaded(app)
            assert path == SCREENS / f"{pane.module.rsplit('.', 1)[-1]}.tcss"
        monkeypatch.setattr(App, "batch_update", original_batch)
        monkeypatch.setattr(Stylesheet, "update", original_update)
        # Only each pane's own file was added, nothing fully re-parsed, no whole-screen restyle.
        new_files = {path for path, _class_var in set(app.stylesheet.source) - sources}
        visited = {str(pane_css_path(pane)) for pane in PANES if pane.id != "reality"}
        assert {path for path in new_files if path.endswith(".tcss")} == visited
        assert reparsed == []
        assert restyled == []
    assert held == []


def test_default_styles_of_matchtui_widgets_select_something() -> None:
    # A widget class with DEFAULT_CSS adds a stylesheet source when it first mounts, and Textual
    # then re-parses the whole stylesheet. The rule panel carried a rule for a class that does
    # not exist ("RuleDetail"): a re-parse on the first pane's path for nothing.
    import importlib
    import inspect
    import pkgutil

    from textual.widget import Widget

    import matchtui.widgets

    for info in pkgutil.iter_modules(matchtui.widgets.__path__):
        module = importlib.import_module(f"matchtui.widgets.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, Widget) or cls.__module__ != module.__name__:
                continue
            css = cls.__dict__.get("DEFAULT_CSS", "")
            if css.strip():
                assert name in css or "&" in css, f"{module.__name__}.{name}: {css.strip()[:60]}"


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_start_up_styles_once_with_the_chosen_theme(
    workspace: Any, home: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The chosen theme (tuned colours) is applied before anything is styled: with the default
    # (dark) one, start-up does no full restyle at all (it did one, ~15 ms, as the app
    # mounted); a light one still gets its theme change (ANSI colours are mapped per mode).
    from textual.app import App

    from matchtui.themes import tuned_themes

    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.toml").write_text(f'theme = "{theme}"\n')
    full: list[bool] = []
    original = App.refresh_css

    def counted(self: App[Any], animate: bool = True) -> None:
        full.append(True)
        original(self, animate)

    monkeypatch.setattr(App, "refresh_css", counted)
    app = MatchApp(workspace, first_pane="reality")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        tuned = next(t for t in tuned_themes() if t.name == theme)
        assert app.theme_variables["primary"].lower() == str(tuned.primary).lower()
        assert app.has_class("-light-mode") == (theme == "textual-light")
        assert len(full) == (0 if theme == "textual-dark" else 1)
