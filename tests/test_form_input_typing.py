"""Typing into a form's text field (FormInput) repaints the field and lays nothing out again:
an Input asks for a layout of the whole screen each time its text's width changes, which on the
Profile form cost ~30 ms a key. The field still scrolls, moves its cursor and draws exactly as
Textual's own Input does after the same keys and clicks."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from matchtui.widgets.profile_fields import FormInput
from tests.test_profile_choices import make_app, ready


async def test_typing_in_a_profile_field_asks_for_no_layout(
    workspace: Any, monkeypatch: Any
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        field = app.focused
        assert isinstance(field, FormInput) and field.id == "f-applicant-name"
        await pilot.press("end", "x")  # the first edit shows the bar's Revert and Save
        await pilot.pause()
        asked: list[Widget] = []
        refresh = Widget.refresh

        def recording(self: Widget, *regions: Any, **options: Any) -> Any:
            if options.get("layout"):
                asked.append(self)
            return refresh(self, *regions, **options)

        monkeypatch.setattr(Widget, "refresh", recording)
        await pilot.press(*"a longer name than the field shows at once, typed key by key")
        await pilot.press("backspace", "backspace", "home", "end")
        await pilot.pause()
        assert asked == []
        assert field.value.endswith("typed key by k")
        assert field.scroll_offset.x > 0  # scrolled to the cursor at the end


class Pair(App[None]):
    """A FormInput above a Textual Input, each compact and of the same width."""

    CSS = "Input { width: 24; height: 1; border: none; padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield FormInput("short", id="form")
        yield Input("short", id="plain", compact=True)


def shown(field: Input) -> tuple[Any, ...]:
    line = field.render_lines(Region(0, 0, *field.size))[0]
    text = "".join(segment.text for segment in line if isinstance(segment, Segment))
    return field.value, field.cursor_position, field.scroll_offset, field.max_scroll_x, text


async def test_a_form_field_scrolls_and_draws_as_an_input() -> None:
    app = Pair()
    # Each key is a step a person could see (~0.05 s of Pilot each, twice): enough text to
    # scroll the 40-cell field both ways, not more.
    steps: list[tuple[str, ...]] = [
        ("end", *"abcdefghij" * 4),
        ("home",),
        ("end",),
        ("left",) * 6,
        ("backspace",) * 14,
        ("end", *"0123456789"),
        ("ctrl+a", "backspace"),
        tuple("again"),
    ]
    async with app.run_test(size=(40, 4)) as pilot:
        form = app.query_one("#form", FormInput)
        plain = app.query_one("#plain", Input)
        seen: dict[str, list[tuple[Any, ...]]] = {"form": [], "plain": []}
        for field in (form, plain):
            field.focus()
            await pilot.pause()
            for keys in steps:
                await pilot.press(*keys)
                await pilot.pause()
                seen[field.id or ""].append(shown(field))
            await pilot.click(field, offset=(3, 0))
            await pilot.pause()
            seen[field.id or ""].append(shown(field))
        assert seen["form"] == seen["plain"]
        assert any(state[2].x > 0 for state in seen["form"])  # it did scroll
