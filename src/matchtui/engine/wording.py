"""Small pieces of wording every engine module shares."""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 month', '2 months'; `many` for an irregular plural ('1 body', '2 bodies')."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def and_list(items: Sequence[str]) -> str:
    """'', 'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
