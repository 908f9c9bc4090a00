"""The Slider widget on its own: keys, fine steps, ends, mouse click and drag, messages, display."""

from __future__ import annotations

from textual.app import App, ComposeResult

from matchtui.widgets.slider import Slider


class SliderApp(App[None]):
    CSS = "Slider { width: 44; }"  # 42 content columns: a 38-cell track and the value

    def __init__(self, **options: object) -> None:
        super().__init__()
        self.options = options
        self.changes: list[int] = []
        self.sources: list[Slider] = []

    def compose(self) -> ComposeResult:
        yield Slider(id="slider", **self.options)  # type: ignore[arg-type]

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.changes.append(event.value)
        self.sources.append(event.control)


async def test_keys_step_fine_step_and_ends() -> None:
    app = SliderApp(value=50, minimum=0, maximum=100, step=5, fine_step=1)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        assert slider.has_focus  # focusable: the only widget gets focus
        await pilot.press("right")
        assert slider.value == 55
        await pilot.press("shift+right", "shift+right")
        assert slider.value == 57
        await pilot.press("left")
        assert slider.value == 52
        await pilot.press("shift+left")
        assert slider.value == 51
        await pilot.press("end")
        assert slider.value == 100
        await pilot.press("right")  # clamped at the top
        assert slider.value == 100
        await pilot.press("home")
        assert slider.value == 0
        await pilot.press("left")
        assert slider.value == 0
        await pilot.pause()
        assert app.changes == [55, 56, 57, 52, 51, 100, 0]
        assert all(source is slider for source in app.sources)


async def test_shows_its_value_with_the_formatter() -> None:
    app = SliderApp(value=25, formatter=lambda v: f"{v}%")
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        line = "".join(segment.text for segment in slider.render_line(0))
        assert line.rstrip().endswith("25%")
        await pilot.press("end")
        line = "".join(segment.text for segment in slider.render_line(0))
        assert line.rstrip().endswith("100%")
        assert "●" in line


async def test_click_sets_the_value_where_the_track_was_clicked() -> None:
    app = SliderApp(value=50, minimum=0, maximum=100)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        track = slider._track_width()
        # offset 0 is the left padding cell; the track starts at x = 1
        await pilot.click(Slider, offset=(1, 0))
        assert slider.value == 0
        await pilot.click(Slider, offset=(track, 0))
        assert slider.value == 100
        await pilot.click(Slider, offset=(1 + (track - 1) // 2, 0))
        assert 45 <= slider.value <= 55


async def test_drag_follows_the_mouse_until_release() -> None:
    app = SliderApp(value=100, minimum=1, maximum=200, step=5)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        track = slider._track_width()
        await pilot.mouse_down(Slider, offset=(1, 0))
        assert slider.value == 1
        await pilot.hover(Slider, offset=(1 + track // 4, 0))
        quarter = slider.value
        assert 40 <= quarter <= 60
        await pilot.hover(Slider, offset=(track, 0))
        assert slider.value == 200
        await pilot.mouse_up(Slider, offset=(track, 0))
        await pilot.hover(Slider, offset=(2, 0))  # released: moving no longer drags
        assert slider.value == 200
        await pilot.pause()
        assert app.changes[0] == 1 and app.changes[-1] == 200


async def test_disabled_slider_ignores_keys_and_mouse() -> None:
    app = SliderApp(value=3, minimum=0, maximum=10, disabled=True)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        assert not slider.has_focus
        await pilot.click(Slider, offset=(1, 0))
        await pilot.press("right")
        assert slider.value == 3


async def test_value_set_in_code_is_clamped_and_snapped_to_the_fine_step() -> None:
    app = SliderApp(value=7, minimum=0, maximum=100, step=10, fine_step=5)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        assert slider.value == 5
        slider.value = 1000
        assert slider.value == 100
        slider.value = -3
        assert slider.value == 0
        with slider.prevent(Slider.Changed):
            slider.value = 50
        await pilot.pause()
        assert app.changes == [100, 0]


async def test_set_range_clamps_the_value() -> None:
    app = SliderApp(value=25, minimum=0, maximum=30)
    async with app.run_test():
        slider = app.query_one(Slider)
        slider.set_range(0, 10)
        assert slider.value == 10 and slider.maximum == 10


async def test_a_labelled_slider_draws_its_label_and_ignores_clicks_on_it() -> None:
    app = SliderApp(value=50, minimum=0, maximum=100, label="Apps", label_width=6)
    async with app.run_test() as pilot:
        slider = app.query_one(Slider)
        line = "".join(segment.text for segment in slider.render_line(0))
        assert line.startswith("Apps   ━")  # the label padded to 6, a blank cell, the track
        assert line.rstrip().endswith("50")
        # 44 columns: no left padding, the label's 7 cells, the track, the value's 4, 1 padding
        assert slider._track_width() == 44 - 7 - 4 - 1
        await pilot.click(Slider, offset=(1, 0))  # on the label
        assert slider.value == 50
        assert slider.has_focus
        await pilot.click(Slider, offset=(7, 0))  # the track's first cell
        assert slider.value == 0
        await pilot.click(Slider, offset=(7 + slider._track_width() - 1, 0))
        assert slider.value == 100
