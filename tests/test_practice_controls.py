"""The practice pane's checkbox skips the restyles Textual's own makes while it is built (each
class set in the constructor), and once mounted looks and reacts as Textual's. The pane's
containers draw one line for all while their lines are alike, and those are Textual's lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget
from textual.widgets import Checkbox

from matchtui.app import MatchApp
from matchtui.screens.practice import PracticeScreen
from matchtui.widgets.alike_lines import same_lines
from matchtui.widgets.practice_controls import PaneCheckbox
from matchtui.widgets.practice_feedback import FeedbackPanel


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


# The pane's containers drawn one line for all, by id (the side column has a top border in
# the narrow layout: drawn line by line there).
SAME_LINES = ["practice-body", "practice-pick", "practice-main", "practice-work", "feedback"]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize(("size", "alike"), [((120, 40), True), ((80, 24), False)])
async def test_containers_draw_textuals_lines(
    workspace: Any, theme: str, size: tuple[int, int], alike: bool
) -> None:
    workspace.save_settings({"theme": theme})
    app = MatchApp(workspace, first_pane="practice", today=dt.date(2026, 11, 23))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        side = screen.query_one("#practice-side")
        assert same_lines(side) is alike  # narrow: a top border, so not alike
        for name in [*SAME_LINES, "practice-side"]:
            widget = screen.query_one(f"#{name}")
            assert widget.region.height > 1
            crop = widget.region.reset_offset
            if name != "practice-side":
                assert same_lines(widget), name
            if name == "feedback":
                assert isinstance(widget, FeedbackPanel)
            drawn = widget.render_lines(crop)
            textuals = Widget.render_lines(widget, crop)  # line by line, as Textual draws
            assert len(drawn) == crop.height
            assert [list(s) for s in drawn] == [list(s) for s in textuals], name
            # and part of it (a partial update), from a line below the top
            part = crop._replace(y=1, height=crop.height - 1)
            assert [list(s) for s in widget.render_lines(part)] == [
                list(s) for s in Widget.render_lines(widget, part)
            ], name
        # focused, the scrolling column takes a tint (app.tcss): still alike, still Textual's
        main = screen.query_one("#practice-main")
        main.focus()
        await pilot.pause()
        assert main.styles.background_tint.a
        crop = main.region.reset_offset
        assert [list(s) for s in main.render_lines(crop)] == [
            list(s) for s in Widget.render_lines(main, crop)
        ]


async def test_lines_drawn_one_by_one_once_not_alike(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="practice", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        work = app.screen.query_one("#practice-work")
        work.styles.border_top = ("solid", "red")
        await pilot.pause()
        assert not same_lines(work)
        crop = work.region.reset_offset
        lines = work.render_lines(crop)
        assert list(lines[0]) != list(lines[1])  # the top border, then the rest
        assert [list(s) for s in lines] == [list(s) for s in Widget.render_lines(work, crop)]
