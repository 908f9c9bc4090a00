"""The practice pane's action buttons (FormButton, styled by practice.tcss) look and behave as
the compact Textual Buttons they replace: the same cells in every state (as built, under the
mouse, focused, pressed, disabled), dark and light; a click or Enter runs their action, a
disabled one does nothing."""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal
from textual.widgets import Button

from matchtui.screens.practice import PracticeScreen
from matchtui.widgets.practice_answer import real_answer
from matchtui.widgets.profile_fields import FormButton
from tests.test_practice_pane import REGION_ANSWER, FixedClock, choose, clock, make_app
from tests.test_profile_buttons import drawn

__all__ = ["clock"]  # the fixture, used by name


def compact_button(button: FormButton) -> Button:
    """The Button the pane had in this one's place: compact, its variant, and the pane's old
    `#actions Button` rule (margin-right 1, min-width 0, width auto)."""
    variant = "primary" if button.variant == "primary" else "default"
    theirs = Button(str(button.label), variant, compact=True, disabled=button.disabled)
    theirs.styles.margin = (0, 1, 0, 0)
    theirs.styles.min_width = 0
    theirs.styles.width = "auto"
    return theirs


async def test_the_buttons_draw_as_compact_buttons_in_every_state(workspace: Any) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen)
        ours = list(screen.query("#actions FormButton").results(FormButton))
        assert [b.id for b in ours] == [
            "btn-submit",
            "btn-new",
            "btn-rehearse",
            "btn-example",
            "btn-compare",
        ]
        assert [b.disabled for b in ours] == [False, False, True, True, True]
        theirs = [compact_button(b) for b in ours]
        row = Horizontal(*theirs)  # a row as #actions is, under it
        row.styles.height = 1
        await screen.query_one("#practice-work").mount(row, after="#actions")
        await pilot.pause()
        pairs = list(zip(ours, theirs, strict=True))

        async def same(state: str) -> None:
            await pilot.pause()
            for mine, button in pairs:
                assert mine.size == button.size, (state, mine.id)
                assert drawn(mine) == drawn(button), (state, mine.id)

        for theme in ("textual-dark", "textual-light"):
            pilot.app.theme = theme
            await same(f"{theme} as built")
            for mine, button in pairs[:2]:  # the ones not disabled
                looks = []
                for widget in (mine, button):
                    await pilot.hover(widget)
                    await pilot.pause()
                    assert widget.mouse_hover
                    looks.append(drawn(widget))
                assert looks[0] == looks[1], (theme, "hover", mine.id)
                await pilot.hover("#tips")
                looks = []
                for widget in (mine, button):
                    widget.focus()
                    await pilot.pause()
                    looks.append(drawn(widget))
                assert looks[0] == looks[1], (theme, "focus", mine.id)
                screen.query_one("#questions").focus()
                mine.add_class("-active")
                button.add_class("-active")
                await same(f"{theme} pressed")
                mine.remove_class("-active")
                button.remove_class("-active")
            for mine, button in pairs[2:]:
                mine.disabled = button.disabled = False
            await same(f"{theme} enabled")
            for mine, button in pairs[2:]:
                mine.disabled = button.disabled = True
            await same(f"{theme} disabled again")


async def test_a_click_or_enter_runs_the_buttons_action(workspace: Any, clock: FixedClock) -> None:
    async with make_app(workspace).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await choose(pilot, "why_region")
        assert await pilot.click("#btn-example")  # disabled: nothing happens
        await pilot.pause()
        assert screen.view == "answer"
        area = await real_answer(screen)
        area.insert(REGION_ANSWER)
        await pilot.pause()
        assert await pilot.click("#btn-submit")
        await pilot.pause()
        assert screen.view == "review" and len(screen.practice_log.attempts) == 1
        assert screen.query_one("#btn-submit", FormButton).disabled
        example = screen.query_one("#btn-example", FormButton)
        assert not example.disabled and "labelled" in str(example.tooltip)
        example.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view == "example"
        assert await pilot.click("#btn-new")
        await pilot.pause()
        assert screen.view == "answer" and screen.focused is screen.query_one("#answer")
