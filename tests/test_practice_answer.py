"""The practice pane's answer editor is drawn by a light stand-in (AnswerStandIn) until the
applicant reaches it: then it becomes the TextArea in its place (id `answer`), focused, with
the keys and pastes that reached it meanwhile typed into it in order; a click, Tab, Enter on a
question, ctrl+n and rehearse reach it; the screen is the same before and after."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import TextArea

from matchtui.screens.practice import PracticeScreen
from matchtui.widgets.practice_answer import AnswerStandIn, real_answer
from matchtui.widgets.practice_timer import PracticeTimer
from matchtui.widgets.profile_fields import StandIn
from tests.test_mix_specialty import same_screen
from tests.test_practice_pane import REGION_ANSWER, FixedClock, choose, clock, make_app

__all__ = ["clock"]  # the fixture, used by name


async def opened(pilot: Any) -> PracticeScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PracticeScreen)
    return screen


def stand_in(screen: PracticeScreen) -> AnswerStandIn:
    return screen.query_one("#answer", AnswerStandIn)


async def test_the_pane_opens_with_the_stand_in_and_no_text_area(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        field = stand_in(screen)
        assert not screen.query(TextArea)
        assert field.text == "" and field.display
        assert screen.focused is screen.query_one("#questions")
        # Moving through the questions keeps it as it is (nothing typed: no draft).
        await choose(pilot, "why_now")
        await choose(pilot, "why_region")
        assert stand_in(screen) is field and not screen.query(TextArea)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_stand_in_draws_exactly_as_the_empty_text_area(
    workspace: Any, theme: str, size: tuple[int, int]
) -> None:
    workspace.save_settings({"theme": theme})
    async with make_app(workspace).run_test(size=size) as pilot:
        screen = await opened(pilot)
        field = stand_in(screen)
        region = field.region
        assert region.height >= 3 and region.width > 20
        before = pilot.app.export_screenshot()
        area = await field.make_real()
        await pilot.pause()
        assert area.id == "answer" and area.region == region and not area.has_focus
        assert not screen.query(AnswerStandIn)
        assert same_screen(pilot.app.export_screenshot(), before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_its_blank_lines_are_drawn_once_and_are_textuals(
    workspace: Any, size: tuple[int, int]
) -> None:
    async with make_app(workspace).run_test(size=size) as pilot:
        screen = await opened(pilot)
        field = stand_in(screen)
        crop = field.region.reset_offset
        assert crop.height >= 6
        for part in (crop, crop._replace(y=2, height=crop.height - 3)):
            drawn = field.render_lines(part)
            textuals = Widget.render_lines(field, part)  # each line, as Textual draws them
            assert [list(line) for line in drawn] == [list(line) for line in textuals]
        lines = field.render_lines(crop)
        assert len({tuple(line) for line in lines[2:-1]}) == 1  # the blank lines, alike
        assert len({tuple(line) for line in (lines[0], lines[1], lines[2], lines[-1])}) == 4


async def test_it_draws_as_the_text_area_after_a_theme_change(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        pilot.app.theme = "textual-light"
        await pilot.pause()
        before = pilot.app.export_screenshot()
        await stand_in(screen).make_real()
        await pilot.pause()
        assert same_screen(pilot.app.export_screenshot(), before)


async def test_focused_it_has_the_focused_text_area_border(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For the moment it has the focus before the TextArea takes it: the focused border."""
    monkeypatch.setattr(StandIn, "on_focus", lambda self: None)  # kept as it is
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        field = stand_in(screen)
        blurred = field.styles.border_top
        field.focus()
        await pilot.pause()
        assert screen.focused is field
        focused = field.styles.border_top
        assert focused != blurred
        area = await field.make_real()
        await pilot.pause()
        assert screen.focused is area and area.styles.border_top == focused
        screen.query_one("#questions").focus()
        await pilot.pause()
        assert area.styles.border_top == blurred


async def test_keys_and_a_paste_typed_before_it_is_real_land_in_order(
    workspace: Any, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[int] = []
    hand_over = AnswerStandIn.hand_over

    def counted(self: AnswerStandIn, real: Any, focused: bool) -> None:
        handed.append(len(self._keys))
        hand_over(self, real, focused)

    monkeypatch.setattr(AnswerStandIn, "hand_over", counted)
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        field = stand_in(screen)
        field.focus()
        # Sent at once, before the TextArea can be in place (a fast typist, a paste).
        for key, char in (("a", "a"), ("b", "b"), ("left", None), ("c", "c")):
            pilot.app.post_message(events.Key(key, char))
        pilot.app.post_message(events.Key("enter", "\r"))
        pilot.app.post_message(events.Key("d", "d"))
        pilot.app.post_message(events.Paste("XY"))
        area = await real_answer(screen)
        await pilot.pause()
        assert handed == [7]  # every one reached the stand-in first
        assert area.text == "ac\ndXYb"
        assert screen.focused is area
        assert screen.query_one(PracticeTimer).started  # the first key started the timer
        assert "practice" in pilot.app.unsaved


async def test_typed_by_the_keyboard_it_becomes_the_focused_text_area(
    workspace: Any, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await choose(pilot, "why_region")
        await pilot.press("enter")  # Enter on a question: to the editor
        await pilot.press(*"I grew up")
        await pilot.pause()
        area = screen.query_one("#answer", TextArea)
        assert screen.focused is area and area.text == "I grew up"
        await pilot.press("backspace", "backspace", "ctrl+left", "X")
        await pilot.pause()
        assert area.text == "I Xgrew "


async def test_focus_order_is_the_same_before_and_after(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        before = [w.id for w in screen.focus_chain]
        assert "answer" in before
        await real_answer(screen)
        await pilot.pause()
        assert [w.id for w in screen.focus_chain] == before


async def test_tab_reaches_it_and_the_next_tab_moves_on(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        chain = [w.id for w in screen.focus_chain]
        at = chain.index("answer")
        focused = screen.focused
        assert focused is not None
        for _ in range((at - chain.index(focused.id)) % len(chain)):
            await pilot.press("tab")
            await pilot.pause()
        area = screen.query_one("#answer", TextArea)
        assert screen.focused is area
        await pilot.press("tab")  # tab_behavior "focus": the next control, not an indent
        await pilot.pause()
        assert screen.focused is not area and area.text == ""


async def test_a_click_makes_it_the_focused_text_area(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        assert await pilot.click("#answer", offset=(5, 2))
        await pilot.pause()
        area = await real_answer(screen)
        assert screen.focused is area
        await pilot.press("H", "i")
        await pilot.pause()
        assert area.text == "Hi"


async def test_the_mouse_pointer_is_the_text_one(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        pointer = stand_in(screen).styles.pointer
        area = await real_answer(screen)
        assert pointer == area.styles.pointer == "text"


async def test_ctrl_n_and_rehearse_focus_the_text_area(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("ctrl+n")
        area = await real_answer(screen)
        await pilot.pause()
        assert screen.focused is area


async def test_a_submit_before_it_is_real_is_refused_as_empty(
    workspace: Any, clock: FixedClock
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.view == "answer" and stand_in(screen).text == ""
        assert not screen.practice_log.attempts


async def test_hidden_behind_the_review_it_becomes_a_hidden_text_area(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        screen._show_area("review")
        await pilot.pause()
        area = await real_answer(screen)
        await pilot.pause()
        assert not area.display and screen.query_one("#review").display
        screen._show_area("answer")
        await pilot.pause()
        assert area.display and not screen.query_one("#review").display


async def test_a_draft_loaded_into_the_stand_in_makes_the_text_area_with_it(
    workspace: Any,
) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await choose(pilot, "why_now")
        screen.drafts["why_region"] = "A kept draft"
        await choose(pilot, "why_region")
        area = await real_answer(screen)
        await pilot.pause()
        assert area.text == "A kept draft" and not area.has_focus


async def test_the_whole_answer_goes_through_as_before(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot)
        await choose(pilot, "why_region")
        stand_in(screen).focus()
        pilot.app.post_message(events.Paste(REGION_ANSWER))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.view == "review" and len(screen.practice_log.attempts) == 1
        assert screen.practice_log.attempts[0].text == REGION_ANSWER
