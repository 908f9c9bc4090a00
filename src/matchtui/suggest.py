""" "Did you mean ...?" for ids typed by hand: one helper for every command that takes an id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def closest(
    word: str, choices: Mapping[str, Iterable[str]] | Iterable[str], n: int = 3
) -> list[str]:
    """Up to `n` ids closest to `word`. `choices` maps each id to other words that name it
    (its name, a short name); a plain iterable is a list of ids. Prefixes ("derm") count."""
    import difflib  # only when an id is wrong: importing this module costs nothing

    names: dict[str, str] = {}  # lower-case word -> id
    items = choices.items() if isinstance(choices, Mapping) else ((c, ()) for c in choices)
    for choice_id, words in items:
        for w in (choice_id, choice_id.replace("_", " "), *words):
            names.setdefault(w.lower(), choice_id)
    wanted = word.strip().lower().replace("-", " ")
    found: list[str] = []

    def add(choice_id: str) -> None:
        if choice_id not in found:
            found.append(choice_id)

    if wanted in names:  # a name or short name typed in full: that one
        return [names[wanted]]
    words = sorted(wanted.replace("_", " ").split())
    for w, choice_id in names.items():  # the right words in another order ("chance_a")
        if len(words) > 1 and sorted(w.replace("_", " ").split()) == words:
            add(choice_id)
    if found:
        return found[:n]
    if len(words) > 1:  # one word of it names a choice ("West Coast"), in the order typed
        for w in wanted.replace("_", " ").split():
            if len(w) >= 3 and w in names:
                add(names[w])
    if found:
        return found[:n]
    if len(wanted) >= 2:
        for w, choice_id in names.items():
            if w.startswith(wanted) or w.replace(" ", "_").startswith(wanted.replace(" ", "_")):
                add(choice_id)
    # Then spelling slips; only the best few (a clear winner stands alone).
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, wanted, w).ratio(), choice_id)
            for w, choice_id in names.items()
            if len(w) >= 3
        ),
        reverse=True,
    )
    best = scored[0][0] if scored else 0.0
    for ratio, choice_id in scored:
        if ratio < 0.6 or ratio < best - 0.1:
            break
        add(choice_id)
    return found[:n]


def did_you_mean(
    word: str, choices: Mapping[str, Iterable[str]] | Iterable[str], listing: str = ""
) -> str:
    """A short clause to append to "unknown X 'word'": "; did you mean a or b?", or where to
    find the list when nothing is close ("; see `matchtui data list specialties`")."""
    found = closest(word, choices)
    if found:
        options = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]
        return f"; did you mean {options}?"
    return f"; see `{listing}`" if listing else ""


def did_you_mean_aside(
    word: str, choices: Mapping[str, Iterable[str]] | Iterable[str], listing: str = ""
) -> str:
    """`did_you_mean` as an aside in brackets, for a message that goes on after it: " (did
    you mean a?)", " (see `...`)", or ""."""
    hint = did_you_mean(word, choices, listing)
    return f" ({hint.removeprefix('; ')})" if hint else ""
