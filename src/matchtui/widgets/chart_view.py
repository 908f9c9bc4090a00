"""A plotext chart widget that rebuilds only when what it shows changes.

textual-plotext's PlotextPlot rebuilds the whole figure on every render (~25 ms at 120x40).
ChartView keeps the last built text with its key (inputs, width, height, theme) and reuses
it while the key holds, so focus moves, scrolling and unrelated refreshes cost nothing.
Colours come from the app's theme; a theme change or a resize changes the key and redraws.

The figure's ANSI text is read straight into the Content the widget draws (`ansi_content`),
as `Text.from_ansi` and then Textual's Text-to-Content conversion would make it, at a fraction
of the cost (~10 ms of the Specialties pane's first frame).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Hashable, Sequence
from typing import Any

from plotext._dict import themes as plotext_themes
from rich.ansi import AnsiDecoder
from rich.style import Style as RichStyle
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.app import App, RenderResult
from textual.color import Color
from textual.content import Content, Span
from textual.style import Style
from textual_plotext import Plot, PlotextPlot
from textual_plotext.plot import _rgbify_theme, _sequence

from matchtui.engine.charts import ChartInputs
from matchtui.widgets.chart_draw import TARGET_MARK, Palette, draw

# Figures built lately, each with what it was built from. The Specialties pane's warm-up builds,
# at idle in the app's preload thread, the one its first visit asks for (`warm_figure`), and a
# switch back to a chart seen a moment ago takes it ready. Content is never changed in place.
FIGURES_KEPT = 8
_figures: list[tuple[tuple[object, ...], tuple[Content, int]]] = []
_figures_lock = threading.Lock()

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


def theme_palette(app: App[Any]) -> Palette:
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


# An SGR escape (what plotext writes: colours, resets); any other escape, a carriage return or a
# control character makes `ansi_content` leave the text to Rich's decoder.
SGR = re.compile(r"\x1b\[([0-9;]*)m")
NOT_PLAIN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# (style before, SGR parameters) -> style after, as Rich's decoder works it out.
_sgr_styles: dict[tuple[RichStyle, str], RichStyle] = {}


def _after_sgr(style: RichStyle, parameters: str) -> RichStyle:
    key = (style, parameters)
    after = _sgr_styles.get(key)
    if after is None:
        decoder = AnsiDecoder()
        decoder.style = style
        decoder.decode_line(f"\x1b[{parameters}m")
        after = _sgr_styles[key] = decoder.style
    return after


def ansi_content(ansi: str, ansi_theme: TerminalTheme | None) -> Content:
    """The Content Textual draws for `Text.from_ansi(ansi)` (the same text and spans, each
    span's style converted as Textual converts it), read in one pass: plotext writes plain
    text and SGR escapes only. Anything else goes through Rich's decoder."""
    if NOT_PLAIN.search(SGR.sub("", ansi)):
        return Content.from_rich_text(Text.from_ansi(ansi))
    spans: list[Span] = []
    converted: dict[RichStyle, Style] = {}
    style = RichStyle.null()
    offset = 0

    def add(plain: str) -> None:
        # Rich decodes line by line: a style never covers a line break.
        nonlocal offset
        if style:
            textual = converted.get(style)
            if textual is None:
                textual = converted[style] = Style.from_rich_style(style, ansi_theme)
            for line in plain.split("\n"):
                if line:
                    spans.append(Span(offset, offset + len(line), textual))
                offset += len(line) + 1
            offset -= 1
        else:
            offset += len(plain)

    parts: list[str] = []
    position = 0
    for match in SGR.finditer(ansi):
        plain = ansi[position : match.start()]
        if plain:
            parts.append(plain)
            add(plain)
        style = _after_sgr(style, match.group(1))
        position = match.end()
    if plain := ansi[position:]:
        parts.append(plain)
        add(plain)
    return Content("".join(parts), spans)


def plotext_theme_name(app_theme: str) -> str:
    """The plotext theme a ChartView draws with for an app theme (textual-plotext's "auto")."""
    return f"textual-auto-{app_theme}"


def figure(
    plt: Any,
    inputs: ChartInputs,
    palette: Palette,
    size: tuple[int, int],
    theme_name: str,
    ansi_theme: TerminalTheme | None,
) -> tuple[Content, int]:
    """The chart of `inputs` at `size` (width, height) drawn with plotext on `plt`, and how many
    items it drew: taken ready when it was built lately from the very same things."""
    key = (inputs, size, theme_name, tuple(sorted(palette.items())))
    with _figures_lock:
        for kept, found in _figures:
            if kept == key:
                return found
    width, height = size
    plt.clear_figure()
    plt.theme(theme_name)
    drawn = draw(plt, inputs, palette, width, height)
    found = (ansi_content(plt.build(), ansi_theme), drawn)
    with _figures_lock:
        _figures.append((key, found))
        del _figures[:-FIGURES_KEPT]
    return found


def register_plotext_theme(app: App[Any]) -> str:
    """The plotext theme for the app's theme, registered as a ChartView registers it (textual-
    plotext's "auto" theme: the surface colour behind, the foreground colour for the frame)."""
    theme_name = plotext_theme_name(app.theme)
    if theme_name not in plotext_themes:
        variables = app.theme_variables
        surface = Color.parse(variables.get("surface", "#1e1e1e")).rgb
        foreground = Color.parse(variables.get("foreground", "#e0e0e0")).rgb
        data_colors: list[Any] = list(_sequence)
        plotext_themes[theme_name] = _rgbify_theme(
            surface, surface, foreground, "default", data_colors
        )
    return theme_name


def warm_figure(app: App[Any], inputs: ChartInputs, sizes: Sequence[tuple[int, int]]) -> None:
    """Build ahead (from any thread) the figures a ChartView of `app` would draw for `inputs`
    at each of `sizes`."""
    theme_name = register_plotext_theme(app)
    plt, palette = Plot(), theme_palette(app)
    for size in sizes:
        figure(plt, inputs, palette, size, theme_name, app.ansi_theme)


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
        self._text: Content = Content()
        self.builds = 0  # how many times the figure changed (built, or taken ready; tests read it)
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
            self._text = Content()
            return self._text
        theme_name = self._get_plotext_theme_name(self.app.theme)
        if theme_name not in plotext_themes:  # e.g. the theme changed while we were hidden
            self._register_theme(self.app.theme)
        self._text, self.drawn = figure(
            self.plt,
            self._inputs,
            theme_palette(self.app),
            (width, height),
            theme_name,
            self.app.ansi_theme,
        )
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
