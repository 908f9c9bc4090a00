"""The Rank list pane's Couples tab as texts: a pair typed on the add line read into its two
sides, each pair's row, and the odds beside them. Pure (no Textual but the suggester's base), so
tests can hold it to the engine's numbers; every figure comes from `engine.ranklist`
(`couples_result`, `couples_lines`), as the CLI's `ranklist simulate --couple` prints them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from pydantic import ValidationError
from textual.suggester import Suggester

from matchtui.engine.ranklist import (
    COUPLES_ASSUMPTION,
    NO_MATCH_LABEL,
    CouplePair,
    CouplesResult,
    Side,
    Tracker,
    check_couples,
    couples_lines,
    is_no_match,
)
from matchtui.engine.wording import percent
from matchtui.models.ranklist import NO_MATCH, PairEntry, RanklistFile
from matchtui.screens.ranklist_rows import NO_PATH_LEGEND, SOURCE_MARK, SummaryKind

# What separates the two sides on the add line ("|" too, for a name with " / " in it).
SEPARATORS = ("|", " / ")
# The Couples tab's columns: key, header.
PAIR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "#"),
    ("a", "A (you)"),
    ("a_chance", "Chance"),
    ("b", "B (partner)"),
    ("b_chance", "Chance"),
)
WORKED_OUT = "* worked out by matchtui (assumption); [ ] sets yours, { } your partner's\n"
ADD_HINT = "a: add a pair: your program / your partner's (no_match: unmatched)"
EMPTY_TEXT = (
    "No pairs yet. If you and a partner enter the Match as a couple, you rank pairs: "
    "a adds one, your program and your partner's, each a name or NRMP code from your "
    "tracker, or no_match for the partner who would go unmatched at that rank; i adds each "
    "rank of your list with your partner at no_match."
)


def split_pair(text: str) -> tuple[str, str] | None:
    """The two sides typed on the add line ("A / B" or "A | B"), each with its spaces made
    single; None without a separator."""
    for separator in SEPARATORS:
        a, found, b = text.partition(separator)
        if found:
            return " ".join(a.split()), " ".join(b.split())
    return None


class PairRead(NamedTuple):
    pair: PairEntry | None  # None: refused (see `problem`)
    problem: str  # why it was refused, or a note on how a side was read ("" when none)


def read_pair(
    text: str,
    tracker: Tracker,
    pairs: Sequence[PairEntry],
    data: RanklistFile,
    hard_stops: Sequence[str] = (),
) -> PairRead:
    """A pair typed on the add line: each side a program the tracker holds (by name, NRMP
    code, or the one name it begins) or the No-Match code, refused as `check_couples` would
    refuse it once ranked last (the rules are not written twice)."""
    sides = split_pair(text)
    if sides is None or not all(sides):
        return PairRead(None, "Write both sides: your program / your partner's (or no_match).")
    return pair_of(sides, tracker, pairs, data, hard_stops)


def pair_of(
    sides: tuple[str, str],
    tracker: Tracker,
    pairs: Sequence[PairEntry],
    data: RanklistFile,
    hard_stops: Sequence[str] = (),
) -> PairRead:
    """The pair of these two sides, ranked after `pairs`, as `read_pair` reads a typed one."""
    notes: list[str] = []
    try:
        pair = _pair_entry(sides, tracker, notes)
    except ValidationError as exc:
        error = exc.errors()[0]
        return PairRead(None, f"{error['loc'][0]}: {error['msg']}")
    last = len(pairs)
    broken = check_couples([*pairs, pair], tracker, data, hard_stops=hard_stops)
    # NRMP's limit is about the whole list: past it already, no pair more fits.
    problems = [v.text for v in broken if v.index == last or v.id == "max_ranks"]
    if problems:
        return PairRead(None, " ".join(problems))
    return PairRead(pair, " ".join(notes))


def _pair_entry(sides: tuple[str, str], tracker: Tracker, notes: list[str]) -> PairEntry:
    """Two typed sides as a pair of the tracker's references (its NRMP code, else its name),
    the No-Match code, or the text as typed when the tracker does not know it (for the rules
    to refuse); how a side was read by its name's beginning goes to `notes`."""
    refs: list[str] = []
    for ref in sides:
        if is_no_match(ref):
            refs.append(NO_MATCH)
            continue
        found = tracker.find(ref)
        if found is None and (found := tracker.find_beginning(ref)) is not None:
            notes.append(f"'{ref}' is {found.name}, the one program whose name begins so.")
        refs.append((found.nrmp_code or found.name) if found is not None else ref)
    return PairEntry(a=refs[0], b=refs[1])


def pairs_alone(
    programs: Sequence[str],
    tracker: Tracker,
    pairs: Sequence[PairEntry],
    data: RanklistFile,
    hard_stops: Sequence[str] = (),
) -> list[PairEntry]:
    """Each of `programs` as "that program / no_match", in order, ranked after `pairs`: the
    ones `pair_of` would take if they were added one by one, with the couples rules checked
    once for all of them (one at a time re-checked the whole list for each: 60 ms for 300
    ranks). A pair refused for itself never makes a later one a duplicate, so one check
    finds the same; NRMP's limit on ranks takes the first that fit."""
    candidates: list[PairEntry] = []
    for program in programs:
        try:
            candidates.append(_pair_entry((program, NO_MATCH), tracker, []))
        except ValidationError:
            continue
    start = len(pairs)
    broken = {
        v.index
        for v in check_couples([*pairs, *candidates], tracker, data, hard_stops=hard_stops)
        if v.id != "max_ranks"
    }
    room = max(0, int(data.rules.max_ranks.value) - start)
    return [pair for index, pair in enumerate(candidates, start) if index not in broken][:room]


class PairNames(Suggester):
    """Completes the side being typed on the couples add line from the tracker, as the list
    tab's add line does: the first program whose name or NRMP code begins with it."""

    def __init__(self, tracker: Callable[[], Tracker]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tracker = tracker

    async def get_suggestion(self, value: str) -> str | None:
        head, typed = "", value
        for separator in SEPARATORS:
            before, found, after = value.rpartition(separator)
            if found:
                head, typed = before + found, after
                break
        if head and typed.startswith(" "):
            head, typed = head + " ", typed[1:]
        completion = self._tracker().completion(typed)
        return head + completion if completion is not None else None


def side_texts(side: Side) -> tuple[str, str]:
    """A side's name and chance as its row shows them."""
    if side.key is None:
        return NO_MATCH_LABEL, ""
    mark = SOURCE_MARK[side.chance_source] if side.chance_source is not None else ""
    return side.label, percent(side.chance) + mark


def pair_texts(pairs: Sequence[CouplePair], index: int) -> list[str]:
    """The texts of pair `index`'s row (0-based)."""
    pair = pairs[index]
    a_name, a_chance = side_texts(pair.a)
    b_name, b_chance = side_texts(pair.b)
    return [str(index + 1), a_name, a_chance, b_name, b_chance]


def couples_summary(
    result: CouplesResult, data: RanklistFile, yardstick: str | None
) -> list[tuple[str, SummaryKind]]:
    """The Couples tab's side panel, as (text, kind) pieces. Pairs with no rule broken and no
    odds yet are still being worked out (a long list takes a Monte Carlo, in a thread)."""
    out: list[tuple[str, SummaryKind]] = []
    if not result.pairs:
        out.append((EMPTY_TEXT + "\n\n", "plain"))
        out.append(("NRMP's couples rules\n", "bold"))
        out.extend((f"- {rule.text}\n", "plain") for rule in data.couples_rules)
        return out
    out.extend(
        (f"! {'' if v.index is None else f'rank {v.index + 1}: '}{v.text}\n", "error")
        for v in result.violations
    )
    if result.violations:
        out.append(("Mend the pairs marked ! to see the couple's odds.\n", "bold"))
    elif result.odds is None:
        out.append(("Working out the couple's odds…\n", "dim"))
    else:
        lines = couples_lines(result.odds)
        out.append((lines[0] + "\n", "bold"))
        out.extend((line + "\n", "plain") for line in lines[1:-1])
        out.append((lines[-1] + "\n", "dim"))
    sides = [side for pair in result.pairs for side in (pair.a, pair.b) if side.key is not None]
    marks = {SOURCE_MARK[side.chance_source] for side in sides if side.chance_source}
    if "*" in marks:
        out.append((WORKED_OUT, "dim"))
    if "x" in marks:
        out.append((NO_PATH_LEGEND, "dim"))
    # (The warning of chances worked out by matchtui names the file's fields: the line above
    # says it with the keys that set them.)
    out.extend((f"- {w.text}\n", "warning") for w in result.warnings if w.id != "default_chance")
    out.append((f"\n{COUPLES_ASSUMPTION}\n", "dim"))
    if yardstick is not None and result.odds is not None:
        out.append((f"\n{yardstick}\n", "dim"))
    return out
