"""The practice pane's lighter parts look as what they replace: the feedback's badges, rules and
quotes are styled on the list of checks (CheckList, made with the first feedback) and come out
as they did from the feedback panel; the history's title and figures are one Static, drawn as
the two it replaces (a bold title above the figures); in the dark and the light theme."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.containers import Vertical
from textual.widgets import Static

from matchtui.screens.practice import PracticeScreen
from matchtui.widgets.practice_answer import real_answer
from matchtui.widgets.practice_feedback import CheckList, FeedbackPanel, _style
from matchtui.widgets.practice_history import HistoryPanel
from tests.conftest import SIZE_THEME_WAYS
from tests.test_mix_specialty import same_screen
from tests.test_practice_pane import REGION_ANSWER, FixedClock, choose, clock, make_app

__all__ = ["clock"]  # the fixture, used by name

NAMES = {"pass": "pass", "warn": "warn", "fail": "fail", "n/a": "na", "rule": "rule"}


class PanelLooks(Vertical):
    """The feedback panel's looks as they were declared before: its own component classes,
    with these rules."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"feedback--{name}" for name in NAMES.values()} | {
        "feedback--quote"
    }
    DEFAULT_CSS = """
    PanelLooks > .feedback--pass {
        background: $success;
        color: $text;
        text-style: bold;
    }
    PanelLooks > .feedback--warn {
        background: $warning;
        color: $text;
        text-style: bold;
    }
    PanelLooks > .feedback--fail {
        background: $error;
        color: $text;
        text-style: bold;
    }
    PanelLooks > .feedback--na {
        color: $text-muted;
    }
    PanelLooks > .feedback--rule {
        color: $text-muted;
    }
    PanelLooks > .feedback--quote {
        color: $text-muted;
        text-style: italic;
    }
    """


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_feedback_looks_are_the_panel_ones(
    workspace: Any, clock: FixedClock, theme: str
) -> None:
    workspace.save_settings({"theme": theme})
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        assert isinstance(screen, PracticeScreen)
        assert not screen.query(CheckList)  # a first visit styles none of them
        area = await real_answer(screen)
        area.insert(REGION_ANSWER)
        await pilot.press("ctrl+s")
        await pilot.pause()
        panel = screen.query_one(FeedbackPanel)
        assert isinstance(screen.query_one("#fb-checks"), CheckList)
        reference = PanelLooks()
        await panel.mount(reference)
        await pilot.pause()
        looks = panel._styles()
        expected = {key: _style(reference, f"feedback--{name}") for key, name in NAMES.items()}
        expected["quote"] = _style(reference, "feedback--quote")
        assert looks == expected
        assert looks["fail"].bgcolor is not None and looks["quote"].italic  # real looks


async def _history_as_two_lines(pilot: Any, screen: PracticeScreen) -> str:
    """The screen with the history's heading and figures drawn as they were: a Static for the
    title, in bold by its style, and one for the figures below it."""
    stats = screen.query_one("#hist-stats", Static)
    title, _, figures = stats.visual.plain.partition("\n")  # type: ignore[union-attr]
    assert title == "History" and figures
    heading = Static(title, markup=False)
    heading.styles.text_style = "bold"
    await screen.query_one(HistoryPanel).mount_all(
        [heading, Static(figures, markup=False)], before=stats
    )
    stats.display = False
    await pilot.pause()
    return pilot.app.export_screenshot()


@pytest.mark.parametrize(("size", "theme"), SIZE_THEME_WAYS)
@pytest.mark.parametrize("attempts", [0, 1, 2])
async def test_the_history_heading_draws_as_two_statics(
    workspace: Any, clock: FixedClock, theme: str, size: tuple[int, int], attempts: int
) -> None:
    workspace.save_settings({"theme": theme})
    async with make_app(workspace).run_test(size=size) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        for number in range(attempts):
            if number:
                await pilot.press("ctrl+n")
            area = await real_answer(screen)
            area.insert(REGION_ANSWER + " More." * number)
            await pilot.press("ctrl+s")
            await pilot.pause()
        # the history shown: its title and figures in view (the narrow pane scrolls to them)
        stats = screen.query_one("#hist-stats", Static)
        stats.scroll_visible(animate=False, top=True)
        await pilot.pause()
        assert stats.region.height >= 2 and stats.visual.plain.startswith("History\n")  # type: ignore[union-attr]
        drawn = pilot.app.export_screenshot()
        assert same_screen(await _history_as_two_lines(pilot, screen), drawn)
