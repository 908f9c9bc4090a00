"""A component class's look worked out as Textual works it out, from what a widget already knows.

Textual draws a component class of a widget in the rich style of a node under the widget: its
text style added to the widget's (and its ancestors'), its colour on the widget's background.
`get_component_rich_style` walks every ancestor for each component (and drops the result on
every refresh); `part_style` takes the widget's own rich style and background, looked up once,
so a widget with several parts pays for one walk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.color import Color

if TYPE_CHECKING:
    from textual.css.styles import RenderStyles
    from textual.dom import DOMNode


def part_style(node: DOMNode, own: Style, background: Color, styles: RenderStyles) -> Style:
    """The look of `styles` (a component class's, or several merged) for `node`, whose rich style
    is `own` and whose background (its ancestors' blended in) is `background`: the same Style
    `node.get_component_rich_style` gives for that class."""
    if styles.has_rule("background"):
        background = background + styles.background.tint(styles.background_tint)
    color = styles.color if styles.has_rule("color") else node.colors[3]
    if styles.has_rule("auto_color") and styles.auto_color:
        color = background.get_contrast_text(color.a)
    found = own + styles.text_style
    found += Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None,
    )
    if styles.text_opacity < 1 and found.bgcolor is not None:
        faded = styles.color.multiply_alpha(styles.text_opacity)
        found += Style.from_color((Color.from_rich_color(found.bgcolor) + faded).rich_color)
    return found
