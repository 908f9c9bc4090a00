"""Names cut to a column's width so that two different names never read the same.

A name too long for its column ends with an ellipsis after its first cells ("Ann Arbor Mid
Tier IM Progr…"). When another name of the list starts with the same cells, that cut would not
tell them apart: such a name keeps its end instead, from the word where it first differs from
its nearest neighbours ("Ann Arbor Mid Tier IM Pro…5", "Ann Arbor Mid Tier IM Pr…20").

Nothing here measures every name: the list's names are sorted once, when a first name needs
cutting (a list whose names all fit never sorts; names given in order sort in one pass), and a
cut looks at the two other names next to it in that order (the names sharing the longest start
with it). No Textual here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"


def cells(text: str) -> int:
    """The cells `text` takes on a terminal (a control character takes none)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def head(text: str, width: int) -> str:
    """The start of `text` that fits in `width` cells."""
    if text.isascii():
        return text[:width]
    used = 0
    for index, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > width:
            return text[:index]
    return text


def plain_cut(name: str, width: int) -> str:
    """`name` in at most `width` cells: its start and an ellipsis if it does not fit."""
    if cells(name) <= width:
        return name
    return head(name, width - 1) + ELLIPSIS if width > 0 else ""


def _common(a: str, b: str) -> int:
    """How many characters `a` and `b` start with in common."""
    count = min(len(a), len(b))
    for index in range(count):
        if a[index] != b[index]:
            return index
    return count


class NameCuts:
    """Cuts for the names of one list (`names`: called only when a name first needs cutting)."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        self._sorted: list[str] | None = None

    def cut(self, name: str, width: int) -> str:
        """`name` in at most `width` cells, different from every other name's cut."""
        if cells(name) <= width:
            return name
        if width < 4:
            return plain_cut(name, width)
        differs = self._differs_at(name)
        if cells(name[:differs]) < width - 1:
            return plain_cut(name, width)  # its first cells are its own already
        # The end, from the start of the word where it first differs (else from the letter).
        for start in (name.rfind(" ", 0, differs) + 1, differs):
            tail = name[start:]
            if cells(tail) <= width - 2:  # a cell of its start and the ellipsis before it
                return head(name, width - 1 - cells(tail)) + ELLIPSIS + tail
        # The differing part alone is too long: a little of the start, then that part.
        lead = max(1, (width - 2) // 3)
        return head(name, lead) + ELLIPSIS + head(name[differs:], width - 2 - lead) + ELLIPSIS

    def _differs_at(self, name: str) -> int:
        """Where `name` first differs from the other name of the list closest to it (the same
        name listed twice is not another: its state or code tells them apart)."""
        ordered = self._sorted
        if ordered is None:
            ordered = self._sorted = sorted(self._names())
        before, after = bisect_left(ordered, name), bisect_right(ordered, name)
        neighbours = ordered[max(0, before - 1) : before] + ordered[after : after + 1]
        return max((_common(name, other) for other in neighbours), default=0)
