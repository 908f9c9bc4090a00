"""The CycleSelect widget on its own: keys, wrapping, ends, clicks on each arrow, messages, the
value set from code, new options, a width that does not follow the value, labels as text."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Button

from matchtui.widgets.cycle_select import CycleSelect

OPTIONS = [("All tiers", "all"), ("Academic", "academic"), ("Community", "community")]


class CycleApp(App[None]):
    def __init__(self, options: list[tuple[str, str]] = OPTIONS, value: str = "all") -> None:
        super().__init__()
        self.options = options
        self.start = value
        self.changes: list[tuple[str, str]] = []
        self.tier_changes: list[str] = []

    def compose(self) -> ComposeResult:
        yield CycleSelect(self.options, self.start, id="tier")
        yield Button("elsewhere", id="other")

    def on_cycle_select_changed(self, event: CycleSelect.Changed) -> None:
        self.changes.append((event.control.id or "", event.value))

    @on(CycleSelect.Changed, "#tier")
    def _tier(self, event: CycleSelect.Changed) -> None:
        self.tier_changes.append(event.value)


def line(widget: CycleSelect) -> str:
    return "".join(segment.text for segment in widget.render_line(0))


async def test_keys_next_previous_wrap_and_ends() -> None:
    app = CycleApp()
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        assert cycle.has_focus
        await pilot.press("right")
        assert cycle.value == "academic"
        await pilot.press("enter")
        assert cycle.value == "community"
        await pilot.press("space")  # past the last: the first
        assert cycle.value == "all"
        await pilot.press("left")  # before the first: the last
        assert cycle.value == "community"
        await pilot.press("left")
        assert cycle.value == "academic"
        await pilot.press("home")
        assert cycle.value == "all"
        await pilot.press("end")
        assert cycle.value == "community"
        await pilot.press("end")  # no change: no message
        await pilot.pause()
        expected = ["academic", "community", "all", "community", "academic", "all", "community"]
        assert app.changes == [("tier", value) for value in expected]
        assert app.tier_changes == expected  # @on(CycleSelect.Changed, "#tier") matches


async def test_a_click_on_the_left_arrow_goes_back_anywhere_else_on() -> None:
    app = CycleApp()
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        left = cycle.gutter.left  # the left arrow's cell
        await pilot.click("#tier", offset=(left, 0))
        assert cycle.value == "community"
        await pilot.click("#tier", offset=(cycle.size.width - 2, 0))  # the right arrow
        assert cycle.value == "all"
        await pilot.click("#tier", offset=(left + 4, 0))  # the label
        assert cycle.value == "academic"
        await pilot.pause()
        assert [value for _id, value in app.changes] == ["community", "all", "academic"]


async def test_the_value_set_from_code_posts_changed_once_and_only_on_a_change() -> None:
    app = CycleApp()
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        cycle.value = "community"
        await pilot.pause()
        assert app.changes == [("tier", "community")]
        assert "Community" in line(cycle)
        cycle.value = "community"  # the same: no message
        await pilot.pause()
        assert app.changes == [("tier", "community")]
        try:
            cycle.value = "nowhere"
        except ValueError:
            pass
        else:
            raise AssertionError("a value not offered was accepted")
        assert cycle.value == "community"


async def test_set_options_keeps_the_value_if_offered_else_the_first_without_a_message() -> None:
    app = CycleApp(value="community")
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        cycle.set_options([("Any", "all"), ("Community", "community"), ("Mid", "mid")])
        await pilot.pause()
        assert cycle.value == "community"
        assert "Community" in line(cycle)
        cycle.set_options([("Any", "all"), ("Mid", "mid")])  # gone: the first
        await pilot.pause()
        assert cycle.value == "all"
        cycle.set_options([("Any", "all"), ("Mid", "mid")], value="mid")
        await pilot.pause()
        assert cycle.value == "mid"
        assert "Mid" in line(cycle)
        assert app.changes == []  # set_options never posts Changed
        await pilot.press("right")  # the keys step through the new options
        assert cycle.value == "all"


async def test_the_width_is_the_widest_option_whatever_the_value() -> None:
    app = CycleApp()
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        widths = set()
        lines = []
        for _ in OPTIONS:
            widths.add(cycle.outer_size.width)
            lines.append(line(cycle))
            await pilot.press("right")
            await pilot.pause()
        widest = max(len(label) for label, _value in OPTIONS)
        assert widths == {widest + 4 + cycle.gutter.width}  # the arrows, the padding
        assert len({len(text) for text in lines}) == 1
        assert lines[0].strip().startswith("◂ All tiers")
        assert lines[0].rstrip().endswith("▸")


async def test_labels_with_brackets_are_shown_literally() -> None:
    options = [("[b]Bold[/b] Surgery", "s"), ("Med [red]x", "m"), ("[link=x]y[/link]", "l")]
    app = CycleApp(options=options, value="s")
    async with app.run_test() as pilot:
        cycle = app.query_one(CycleSelect)
        assert "[b]Bold[/b] Surgery" in line(cycle)
        await pilot.press("right")
        await pilot.pause()
        assert "Med [red]x" in line(cycle)
        await pilot.press("right")
        await pilot.pause()
        assert "[link=x]y[/link]" in line(cycle)


async def test_the_footer_key_and_a_tooltip_listing_the_options() -> None:
    app = CycleApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        cycle = app.query_one(CycleSelect)
        shown = [
            (active.binding.key_display, active.binding.description)
            for active in app.active_bindings.values()
            if active.node is cycle and active.binding.show
        ]
        assert shown == [("←→", "Change")]
        tooltip = str(cycle.tooltip)
        assert all(label in tooltip for label, _value in OPTIONS)
