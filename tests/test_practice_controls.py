"""The practice pane's checkbox skips the restyles Textual's own makes while it is built (each
class set in the constructor), and once mounted looks and reacts as Textual's."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.widgets import Checkbox

from matchtui.widgets.practice_controls import PaneCheckbox


class Pair(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changed: list[str | None] = []

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.changed.append(event.checkbox.id)

    def compose(self) -> ComposeResult:
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
        PaneCheckbox("x", compact=True)
        assert styled == []
        Checkbox("x", compact=True)
        assert styled  # Textual's own restyles as its constructor sets its classes
        box, my_box = app.query_one("#real-box", Checkbox), app.query_one("#mine-box", Checkbox)
        assert my_box.classes == box.classes and my_box.size == box.size
        assert my_box.styles.background == box.styles.background
        assert my_box.styles.color == box.styles.color
        # mounted: a change of look restyles at once, as Textual's does
        my_box.disabled = box.disabled = True
        await pilot.pause()
        assert my_box.styles.color == box.styles.color
        my_box.disabled = False
        await pilot.click("#mine-box")
        await pilot.pause()
        assert app.changed == ["mine-box"] and my_box.value
