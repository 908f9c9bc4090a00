"""What taking a program off the program list takes with it, said before it is done: its ranks
on the saved rank list (`engine.ranklist.naming`: taken off with it, so no rank is left naming
a program the list no longer holds, at a made-up chance), the couples' pairs naming it (kept,
for the couple to change), and, once applied to, its ERAS fee (`engine.tracker.ledger` counts
the fee of every program on the list that reached `applied`, withdrawn and rejected ones too:
a program removed is no longer counted, so the fee is kept by keeping the record, withdrawn).

The Applications pane's Delete dialog and `matchtui programs remove` read the same `Removal`
and say the same sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matchtui.engine.ranklist import Naming, Tracker, naming, naming_words
from matchtui.engine.tracker import NEXT_STAGES, reached_applied
from matchtui.models.programs import Program
from matchtui.models.ranklist import RanklistState


@dataclass(frozen=True)
class Removal:
    program: Program
    where: Naming  # its ranks and pairs on the saved rank list
    paid: bool  # applied to: its ERAS fee is counted in the costs while it is on the list
    can_withdraw: bool  # its stage may move to withdrawn (not rejected or withdrawn already)

    @property
    def loses(self) -> bool:
        """Whether removing it changes more than the program list (asked about first)."""
        return bool(self.where) or self.paid


def removal_of(programs: Sequence[Program], index: int, ranklist: RanklistState | None) -> Removal:
    """What removing `programs[index]` takes with it, against the saved rank list."""
    program = programs[index]
    where = Naming()
    if ranklist is not None and (ranklist.items or ranklist.pairs):
        where = naming(ranklist, Tracker.of(programs), index)
    return Removal(
        program,
        where,
        reached_applied(program),
        "withdrawn" in NEXT_STAGES.get(program.status, ()),
    )


def _applied(program: Program) -> str:
    on = program.applied_on
    return f"You applied to it{f' on {on.isoformat()}' if on is not None else ''}"


def consequences(removal: Removal) -> list[str]:
    """The sentences the Delete dialog adds to its question, one per thing lost."""
    out: list[str] = []
    where = removal.where
    if where:
        what = f"It is {naming_words(where)}"
        if where.ranks and where.pairs:
            out.append(
                f"{what}: removing it takes the rank off too; the pair stays, for you and "
                "your partner to change on the Rank list's Couples tab."
            )
        elif where.ranks:
            off = "that rank" if len(where.ranks) == 1 else "those ranks"
            out.append(f"{what}: removing it takes {off} off too.")
        else:
            out.append(
                f"{what}: the pair stays, for you and your partner to change on the Rank "
                "list's Couples tab."
            )
    if removal.paid:
        keep = (
            "To keep it on record and its fee counted, withdraw it instead."
            if removal.can_withdraw
            else "To keep its fee counted, keep it on your list."
        )
        out.append(
            f"{_applied(removal.program)}: its ERAS fee is paid and counted in your costs, "
            f"and removing the program takes the fee out of them. {keep}"
        )
    return out


def refusal(removal: Removal) -> str:
    """Why `matchtui programs remove` refuses a program applied to without --force."""
    name = removal.program.name
    keep = (
        "To keep it and its fee on record, withdraw it instead (matchtui programs set "
        f'"{name}" --stage withdrawn)'
        if removal.can_withdraw
        else "To keep its fee counted, keep it on your list"
    )
    ranked = f" It is {naming_words(removal.where)}." if removal.where else ""
    return (
        f"{name}: {_applied(removal.program).lower()}, so its ERAS fee is paid and counted in "
        f"your costs; removing it would take the fee out of them.{ranked} {keep}; if you "
        "never applied there, remove it with --force."
    )


def removed_lines(removal: Removal) -> list[str]:
    """What `matchtui programs remove` says after it, beyond 'removed': the ranks taken off,
    the pairs left to change, a paid fee no longer counted."""
    name = removal.program.name
    where = removal.where
    out: list[str] = []
    if where.ranks:
        ranks = naming_words(Naming(where.ranks))
        out.append(f"{name}: was {ranks}; taken off it too")
    if where.pairs:
        pairs = naming_words(Naming(pairs=where.pairs))
        out.append(
            f"warning: {name} is {pairs}: that pair stays, for you and your partner to change "
            "(Rank list pane, Couples tab)"
        )
    if removal.paid:
        out.append(f"warning: {name}: its ERAS fee is no longer counted in your costs")
    return out
