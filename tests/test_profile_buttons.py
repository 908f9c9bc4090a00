"""The Profile form's buttons (FormButton) look and behave as compact Textual Buttons of their
variant: the same cells in every state (as built, under the mouse, focused, pressed, disabled),
dark and light; a click or Enter presses them, a disabled one does nothing."""

from __future__ import annotations

from typing import Any, Literal

from rich.segment import Segment
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button

from matchtui.screens.profile import ProfileScreen
from matchtui.widgets.profile_fields import FormButton, ItemRow, real_button
from tests.test_profile_choices import make_app, ready

Variant = Literal["default", "primary", "error"]


def drawn(widget: Widget) -> list[Segment]:
    """What the widget puts on screen (its styles' tint, opacity and background included)."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [segment for line in lines for segment in Segment.simplify(line)]


async def test_a_form_button_draws_as_a_compact_button_in_every_state(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        await screen.form_built()
        labels: list[tuple[str, Variant]] = [
            ("Save", "primary"),
            ("New profile", "default"),
            ("✕", "error"),
        ]
        pairs: list[tuple[FormButton, Button]] = []
        box = Horizontal(id="probe")
        box.styles.height = 1
        await screen.mount(box, before=screen.query_one("#profile-form"))
        for label, variant in labels:
            ours = FormButton(label, variant)
            theirs = Button(label, variant, compact=True)
            await box.mount_all([ours, theirs])
            pairs.append((ours, theirs))
        await pilot.pause()

        async def same(state: str) -> None:
            await pilot.pause()
            for ours, theirs in pairs:
                assert ours.size == theirs.size, (state, ours.label)
                assert drawn(ours) == drawn(theirs), (state, ours.label)

        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await same(f"{theme} as built")
            for ours, theirs in pairs:
                for widget in (ours, theirs):
                    await pilot.hover(widget)
                    await pilot.pause()
                    hovered = drawn(widget)
                    assert widget.mouse_hover
                    if widget is ours:
                        mine = hovered
                    else:
                        assert mine == hovered, (theme, "hover", ours.label)
                await pilot.hover("#profile-form", offset=(2, 30))
                for widget in (ours, theirs):
                    widget.focus()
                    await pilot.pause()
                assert app.focused is theirs
                ours.focus()
                await pilot.pause()
                focused = drawn(ours)
                theirs.focus()
                await pilot.pause()
                assert drawn(theirs) == focused, (theme, "focus", ours.label)
                screen.set_focus(None)
            for ours, theirs in pairs:
                ours.add_class("-active")
                theirs.add_class("-active")
            await same(f"{theme} pressed")
            for ours, theirs in pairs:
                ours.remove_class("-active")
                theirs.remove_class("-active")
                ours.disabled = theirs.disabled = True
            await same(f"{theme} disabled")
            for ours, theirs in pairs:
                ours.disabled = theirs.disabled = False


async def click(pilot: Any, widget: Widget) -> None:
    """Click `widget` once it is laid out where it will be drawn: a button just made real has
    no region until the next layout, and a click at its empty region lands on the header's
    command palette icon at (0, 0) (on a loaded machine the fresh-clone run did so once)."""
    for _ in range(100):
        if widget.region and pilot.app.get_widget_at(*widget.region.offset)[0] is widget:
            break
        await pilot.pause(0.01)
    assert widget.region, f"{widget!r} was never laid out"
    assert await pilot.click(widget)


async def test_a_click_and_enter_press_it_and_disabled_does_nothing(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        revert = await real_button(screen, "#profile-revert")
        assert revert.disabled and revert.tooltip
        await click(pilot, revert)
        await pilot.pause()
        assert not revert.has_class("-active")  # disabled: no press
        targets = screen.query_one("#list-targets")
        before = len(targets.query(ItemRow))
        add = await real_button(screen, "#add-targets")
        await click(pilot, add)
        await pilot.pause()
        assert len(targets.query(ItemRow)) == before + 1
        assert app.unsaved == {"profile"}
        assert not revert.disabled  # an edit to throw away
        revert.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert len(screen.query_one("#list-targets").query(ItemRow)) == before
        assert app.unsaved == set()
        assert screen.query_one("#profile-revert", FormButton).disabled
        assert add is not None
