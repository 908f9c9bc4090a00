"""The practice pane's buttons and checkbox skip the restyles Textual's own make while they are
built (each class set in the constructor), and once mounted look and react as Textual's."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.widgets import Button, Checkbox

from matchtui.widgets.practice_controls import PaneButton, PaneCheckbox


class Pair(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str | None] = []

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.pressed.append(event.button.id)

    def compose(self) -> ComposeResult:
        yield Button("Real", id="real", variant="primary", compact=True)
        yield PaneButton("Real", id="mine", variant="primary", compact=True)
        yield Checkbox("Box", id="real-box", compact=True)
        yield PaneCheckbox("Box", id="mine-box", compact=True)


def _counting(monkeypatch: Any) -> list[object]:
    styled: list[object] = []
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
        styled.append(node)
        apply(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    return styled


async def test_not_restyled_while_built_but_styled_as_textuals_once_mounted(
    monkeypatch: Any,
) -> None:
    app = Pair()
    async with app.run_test() as pilot:
        styled = _counting(monkeypatch)
        PaneButton("x", variant="primary", compact=True, disabled=True)
        PaneCheckbox("x", compact=True)
        assert styled == []
        Button("x", variant="primary", compact=True)
        assert styled  # Textual's own restyles as its constructor sets its classes
        real, mine = app.query_one("#real", Button), app.query_one("#mine", Button)
        assert mine.classes == real.classes
        assert mine.styles.background == real.styles.background
        assert mine.styles.color == real.styles.color and mine.size == real.size
        box, my_box = app.query_one("#real-box", Checkbox), app.query_one("#mine-box", Checkbox)
        assert my_box.classes == box.classes and my_box.size == box.size
        # mounted: a change of look restyles at once, as Textual's does
        mine.disabled = real.disabled = True
        await pilot.pause()
        assert mine.styles.color == real.styles.color
        assert mine.styles.background == real.styles.background
        mine.variant = "error"
        assert mine.has_class("-error")
        mine.disabled = False
        await pilot.click("#mine")
        await pilot.pause()
        assert app.pressed == ["mine"]
