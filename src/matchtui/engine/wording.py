"""Small pieces of wording every engine module shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 month', '2 months'; `many` for an irregular plural ('1 body', '2 bodies')."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def and_list(items: Sequence[str]) -> str:
    """'', 'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def beside(value: float, limits: Iterable[float], decimals: int = 0) -> str:
    """`value` to `decimals` places, or to as many more (up to three) as it takes to keep it on
    its own side of each limit it is compared with: 44.6 seconds against a 45-90 s target reads
    "44.6", not "45"; a 49.6% chance below a 50% line reads "49.6", not "50"."""
    bounds = tuple(limits)
    for places in range(decimals, decimals + 4):
        text = f"{value:.{places}f}"
        shown = float(text)
        if all(
            (shown < limit, shown > limit) == (value < limit, value > limit) for limit in bounds
        ):
            return text
    return text


def percent(value: float, *, prose: bool = False) -> str:
    """A probability as a whole percentage, the way every pane, command and report shows one.
    A chance that is neither nil nor certain never reads as either: one that would round to 0% is
    "<1%", one that would round to 100% ">99%" ("under 1%" and "over 99%" in a sentence)."""
    whole = f"{value * 100:.0f}"
    if whole in ("0", "-0") and value > 0:
        return "under 1%" if prose else "<1%"
    if whole == "100" and value < 1:
        return "over 99%" if prose else ">99%"
    return f"{whole}%"


def percent_rest(value: float, *, prose: bool = False) -> str:
    """1 - `value` as a percentage, taken from `percent(value)` so that the pair is rounded
    once and the two shown side by side add up to 100% (a chance and its complement each
    rounded on its own can read 13% and 88% when both sit on a half), or read ">99%" against
    "<1%"."""
    shown = percent(value)
    if shown == "<1%":
        return "over 99%" if prose else ">99%"
    if shown == ">99%":
        return "under 1%" if prose else "<1%"
    return f"{100 - int(shown[:-1])}%"


def stored_chance(value: float) -> float:
    """A chance as an estimate keeps it (six decimals, for files and --json): one too small for
    that keeps two significant figures instead of becoming 0.0, which would claim it nil and
    then read as "0%" (`percent` shows it as "<1%")."""
    rounded = round(value, 6)
    return rounded if rounded or value <= 0 else float(f"{value:.2g}")


def percent_span(low: float, high: float) -> str:
    """A range of chances: "42-70%"; one figure when both ends read alike ("<1%"); "<1% to 16%"
    when an end is not a whole percentage."""
    first, last = percent(low), percent(high)
    if first == last:
        return first
    if first[0].isdigit() and last[0].isdigit():
        return f"{first[:-1]}-{last}"
    return f"{first} to {last}"


# Region names that read better with an article ("in the Midwest").
_ARTICLE_REGIONS = frozenset({"Northeast", "Midwest", "South", "West", "Southeast", "Southwest"})


def place(name: str) -> str:
    """'Midwest' -> 'the Midwest'; other names unchanged."""
    return f"the {name}" if name in _ARTICLE_REGIONS else name
