"""ChartView reads plotext's ANSI text into the Content it draws in one pass (`ansi_content`):
it must be exactly what Rich's decoder and Textual's Text-to-Content conversion made of it."""

from __future__ import annotations

import pytest
from plotext._dict import themes as plotext_themes
from rich.text import Text
from textual.content import Content
from textual_plotext import Plot

from matchtui.catalog import Catalog
from matchtui.engine.charts import chart_inputs
from matchtui.models.figures import CHART_IDS
from matchtui.models.profile import Profile
from matchtui.widgets.chart_draw import draw, preferred_height
from matchtui.widgets.chart_view import PALETTE_VARIABLES, ansi_content

PALETTE = {key: (40 + 9 * i, 200 - 7 * i, 90 + 3 * i) for i, key in enumerate(PALETTE_VARIABLES)}
SELECTED = ("dermatology", "general_surgery", "psychiatry", "internal_medicine", "pediatrics")


def slow_way(ansi: str) -> Content:
    return Content.from_rich_text(Text.from_ansi(ansi, no_wrap=True, end=""))


def same(a: Content, b: Content) -> None:
    assert a.plain == b.plain
    assert list(a.spans) == list(b.spans)


@pytest.mark.parametrize("chart", CHART_IDS)
@pytest.mark.parametrize("theme", ["clear", "dark", "pro"])
def test_each_chart_reads_as_rich_reads_it(
    catalog: Catalog, demo_profile: Profile, chart: str, theme: str
) -> None:
    inputs = chart_inputs(chart, catalog, demo_profile, SELECTED)  # type: ignore[arg-type]
    assert theme in plotext_themes
    plt = Plot()
    plt.theme(theme)
    width, height = 86, preferred_height(len(inputs.bars), 30)
    plt.plotsize(width, height)
    draw(plt, inputs, PALETTE, width, height)
    ansi = plt.build()
    assert "\x1b[" in ansi or theme == "clear"
    fast = ansi_content(ansi, None)
    same(fast, slow_way(ansi))
    assert fast.spans or theme == "clear"


@pytest.mark.parametrize(
    "ansi",
    [
        "",
        "plain\nlines\n",
        "\x1b[1mbold\x1b[0m and \x1b[38;5;196mred\x1b[39m default\x1b[48;2;1;2;3m bg",
        "\x1b[1;3;4mtext\x1b[22mmore\n\x1b[0mline two\x1b[7m",
        "a\rcarriage \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",  # left to Rich's decoder
        "\x1b[2J\x1b[Hcursor codes",  # not SGR: left to Rich's decoder
    ],
)
def test_other_escapes_read_as_rich_reads_them(ansi: str) -> None:
    same(ansi_content(ansi, None), slow_way(ansi))
