"""The sliders take their parts' colours from one shared SliderLooks (one pass of the stylesheet
per part for all six, not per part per slider) and look exactly as the Slider with component
classes of its own did: the Mix pane cell for cell with each, dark and light, 80x24 and 120x40,
as built (the first slider focused), with another slider focused, after keys moved the linked
shares, under the mouse, with the signals slider disabled, and after a theme switch."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import pytest
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Select

import matchtui.screens.mix as mix_module
from matchtui.app import MatchApp
from matchtui.screens.mix import MixScreen
from matchtui.widgets.slider import Slider, SliderLooks
from tests.conftest import SIZE_THEME_WAYS, half
from tests.test_specialties_tabs import cells

TODAY = dt.date(2026, 11, 23)


class ComponentSlider(Slider):
    """The Slider as it was drawn before: five component classes of its own (the CSS it had),
    its text drawn by Textual from `render`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slider--track",
        "slider--fill",
        "slider--knob",
        "slider--value",
        "slider--label",
    }

    DEFAULT_CSS = """
    ComponentSlider {
        & > .slider--track {
            color: $panel-lighten-2;
        }
        & > .slider--fill {
            color: $primary;
        }
        & > .slider--knob {
            color: $primary-lighten-2;
            text-style: bold;
        }
        & > .slider--value {
            color: $text;
        }
        & > .slider--label {
            color: $text-muted;
        }
        &:focus {
            & > .slider--knob {
                color: $accent;
            }
            & > .slider--value {
                text-style: bold;
            }
            & > .slider--label {
                color: $text;
                text-style: bold;
            }
        }
        &:disabled {
            & > .slider--fill, & > .slider--knob, & > .slider--value {
                color: $text-disabled;
            }
        }
    }
    """

    def render_line(self, y: int) -> Strip:
        return Widget.render_line(self, y)

    def _old_label_style(self) -> Style:
        styles = self.get_component_styles("slider--label")
        base, _ = self.background_colors
        color = styles.color
        if styles.auto_color:
            color = base.get_contrast_text(color.a)
        return Style(color=(base + color).rich_color, bgcolor=base.rich_color) + styles.text_style

    def render(self) -> Text:
        width = self._track_width()
        knob = self._knob_index(width)
        text = Text(no_wrap=True, overflow="crop", end="")
        if self._label_cells:
            text.append(self.label.ljust(self._label_cells - 1), self._old_label_style())
            text.append(" ")
        text.append("━" * knob, self.get_component_rich_style("slider--fill"))
        text.append("●", self.get_component_rich_style("slider--knob"))
        text.append("─" * (width - knob - 1), self.get_component_rich_style("slider--track"))
        label = self.formatter(self.value).rjust(self._label_width())
        text.append(label, self.get_component_rich_style("slider--value"))
        return text


async def screens(workspace: Any, theme: str, size: tuple[int, int]) -> list[str]:
    """The Mix pane's screenshots through the states (see the module's docstring)."""
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    shots: list[str] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, MixScreen)

        async def shot() -> None:
            await pilot.pause(0.2)
            shots.append(app.export_screenshot())

        await shot()  # built: the first slider has the focus
        await pilot.press("tab", "tab")  # the academic share
        await shot()
        await pilot.press("right", "right", "shift+left")  # the other shares rebalance
        await shot()
        await pilot.hover("#slider-region", offset=(20, 0))
        await shot()
        screen.query_one("#mix-specialty", Select).value = "obgyn"  # no signals: disabled
        await shot()
        app.theme = "textual-light" if theme == "textual-dark" else "textual-dark"
        await shot()
        await pilot.press("tab")
        await shot()
    return shots


@pytest.mark.parametrize(("size", "theme"), half(SIZE_THEME_WAYS, 0))
async def test_the_sliders_look_as_with_their_own_component_classes(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, theme: str, size: tuple[int, int]
) -> None:
    ours = await screens(workspace, theme, size)
    with monkeypatch.context() as patched:
        patched.setattr(mix_module, "Slider", ComponentSlider)
        theirs = await screens(workspace, theme, size)
    assert len(ours) == len(theirs) == 7
    for state, (mine, old) in enumerate(zip(ours, theirs, strict=True)):
        assert cells(mine) == cells(old), state


async def test_the_six_sliders_share_one_looks_that_styles_once(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        looks = list(screen.query(SliderLooks))
        sliders = list(screen.query(Slider))
        assert len(looks) == 1 and len(sliders) == 6
        assert all(slider.looks is looks[0] for slider in sliders)
        assert not looks[0].display and not looks[0].region  # never shown
        assert not any(slider._get_component_classes() for slider in sliders)


class TwoSliders(App[None]):
    CSS = "Slider { width: 30; }"

    def compose(self) -> ComposeResult:
        yield Slider(10, id="a")
        yield Slider(90, id="b", label="B")


async def test_sliders_given_no_looks_share_one_they_mount_in_their_screen() -> None:
    app = TwoSliders()
    async with app.run_test() as pilot:
        await pilot.pause()
        looks = list(app.screen.query(SliderLooks))
        assert len(looks) == 1 and looks[0].parent is app.screen
        first, second = app.query_one("#a", Slider), app.query_one("#b", Slider)
        assert first.looks is second.looks is looks[0]
        line = "".join(segment.text for segment in second.render_line(0))
        assert line.startswith("B ") and line.rstrip().endswith("90")
        knob = next(s for s in first.render_line(0) if s.text == "●")
        assert knob.style is not None and knob.style.bold  # the knob's look: bold
