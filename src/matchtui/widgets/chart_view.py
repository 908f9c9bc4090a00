"""A plotext chart widget that rebuilds only when what it shows changes.

textual-plotext's PlotextPlot rebuilds the whole figure on every render (~25 ms at 120x40).
ChartView keeps the last built text with its key (inputs, width, height, theme) and reuses
it while the key holds, so focus moves, scrolling and unrelated refreshes cost nothing.
Colours come from the app's theme; a theme change or a resize changes the key and redraws.
"""

from __future__ import annotations

from collections.abc import Hashable

from plotext._dict import themes as plotext_themes
from rich.text import Text
from textual.app import App, RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from matchtui.engine.charts import ChartInputs
from matchtui.widgets.chart_draw import TARGET_MARK, Palette, draw

# Theme variable for each palette entry.
PALETTE_VARIABLES: dict[str, str] = {
    "bar": "primary",
    "target": "accent",
    "you": "success",
    "median": "foreground",
    "muted": "foreground-muted",
    "us_md": "primary",
    "us_do": "success",
    "us_img": "accent",
    "non_us_img": "error",
    "other": "foreground-muted",
    "no_split": "secondary",
    "unfilled": "foreground-muted",
}


def theme_palette(app: App[object]) -> Palette:
    """The chart colours for the app's current theme, as RGB, alpha blended onto $surface."""
    variables = app.theme_variables
    surface = Color.parse(variables.get("surface", "#1e1e1e"))
    palette: Palette = {}
    for key, name in PALETTE_VARIABLES.items():
        try:
            colour = surface + Color.parse(variables.get(name, "#888888"))
        except Exception:  # a theme may leave a variable as "auto ..." (not a colour)
            colour = Color.parse("#888888")
        palette[key] = colour.rgb
    return palette


class ChartView(PlotextPlot):
    """Shows one ChartInputs; set `inputs` (and the height) and it redraws when needed."""

    DEFAULT_CSS = """
    ChartView {
        width: 1fr;
        height: 10;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._inputs: ChartInputs | None = None
        self._key: Hashable | None = None
        self._text: Text = Text()
        self.builds = 0  # how many times plotext actually built the figure (tests read it)
        self.drawn = 0  # how many items the last build drew

    @property
    def inputs(self) -> ChartInputs | None:
        return self._inputs

    @inputs.setter
    def inputs(self, value: ChartInputs | None) -> None:
        if value != self._inputs:
            self._inputs = value
            self.refresh()

    @property
    def key(self) -> Hashable | None:
        """What the current text was built from."""
        return self._key

    def render(self) -> RenderResult:
        width, height = self.size.width, self.size.height
        key = (self._inputs, width, height, self.app.theme)
        if key == self._key:
            return self._text
        self._key = key
        if self._inputs is None or width < 10 or height < 5:
            self._text = Text()
            return self._text
        theme_name = self._get_plotext_theme_name(self.app.theme)
        if theme_name not in plotext_themes:  # e.g. the theme changed while we were hidden
            self._register_theme(self.app.theme)
        plt = self.plt
        plt.clear_figure()
        plt.theme(theme_name)
        self.drawn = draw(plt, self._inputs, theme_palette(self.app), width, height)
        self._text = Text.from_ansi(plt.build(), no_wrap=True, end="")
        self.builds += 1
        return self._text


def legend(inputs: ChartInputs, palette: Palette) -> Text:
    """One line naming what the colours and glyphs mean, in the chart's own colours."""

    text = Text()

    def add(glyph: str, key: str, label: str) -> None:
        if text:
            text.append("  ")
        r, g, b = palette[key]
        text.append(glyph, style=f"rgb({r},{g},{b})")
        text.append(" " + label)

    if inputs.kind == "box":
        add("█", "bar", "Q1-Q3")
        add("│", "median", "median")
        add("├─┤", "bar", "min-max")
    elif inputs.kind == "dumbbell":
        add("●", "bar", "matched")
        add("○", "bar", "unmatched")
    elif inputs.kind == "stacked":
        for series in inputs.series:
            glyph = {"unfilled": "░", "no_split": "▒"}.get(series.key, "█")
            add(glyph, series.key, series.label + (" (you)" if series.mine else ""))
    else:
        for series in inputs.series:
            if series.key == "target" and not inputs.highlighted:
                continue
            add("█", "target" if series.key == "target" else "bar", series.label)
    if inputs.kind in ("box", "dumbbell", "stacked") and inputs.highlighted:
        add(TARGET_MARK, "target", "your target")
    if inputs.marker is not None:
        add("┃", "you", inputs.marker_label)
    return text
