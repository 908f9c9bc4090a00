"""Size classes a pane screen can take before it is first styled.

Textual sets a screen's breakpoint classes (HORIZONTAL_BREAKPOINTS) on its first Resize, after
every widget has been styled once: the class change then restyles the whole pane again (~30 ms
on a full pane's first visit). A screen that starts with the classes its size will give it
is styled once; the Resize finds nothing to change (and still corrects them if the terminal
changed size in between).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.screen import Screen


def breakpoint_class(breakpoints: Iterable[tuple[int, str]], size: int) -> str | None:
    """The class Textual gives for `size` (the largest breakpoint at or below it)."""
    for breakpoint, class_name in sorted(breakpoints, reverse=True):
        if size >= breakpoint:
            return class_name
    return None


def size_classes(screen: Screen[Any]) -> dict[str, bool]:
    """Each breakpoint class of `screen`, and whether the app's current size gives it."""
    app = screen.app
    width, height = app.size
    classes: dict[str, bool] = {}
    for breakpoints, size in (
        (screen.HORIZONTAL_BREAKPOINTS or app.HORIZONTAL_BREAKPOINTS or [], width),
        (screen.VERTICAL_BREAKPOINTS or app.VERTICAL_BREAKPOINTS or [], height),
    ):
        chosen = breakpoint_class(breakpoints, size)
        for _, class_name in breakpoints:
            classes[class_name] = classes.get(class_name, False) or class_name == chosen
    return classes


def start_with_size_classes(screen: Screen[Any]) -> None:
    """Give a screen being built the breakpoint classes of the app's current size (call it in
    the screen's __init__; no restyle, nothing is styled yet)."""
    try:
        classes = size_classes(screen)
    except RuntimeError:  # built outside a running app (a test): the first Resize sets them
        return
    for class_name, wanted in classes.items():
        if wanted:
            screen.add_class(class_name, update=False)


def restyle_size_classes(screen: Screen[Any]) -> None:
    """Give a mounted screen the breakpoint classes of the app's current size, as Textual does
    on a Resize (a restyle only if one changes)."""
    classes = size_classes(screen)
    if any(screen.has_class(name) != wanted for name, wanted in classes.items()):
        screen.update_classes(classes, animate=False)
