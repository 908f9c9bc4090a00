"""`matchtui ranklist check [FILE]` and `matchtui ranklist simulate [FILE] [--couple] [--json]`.

Without FILE, the list the applicant built in the Rank list pane (plan.toml's [ranklist]) is
checked or simulated, so a list made in the app need not be written out again; with `--couple`,
the pairs built in its Couples tab.

A file with `[[pairs]]` is a couples file, one with `[[ranks]]` a rank list (see
models/ranklist.py for both formats). Programs are resolved against the tracker
(programs.toml) when there is one. A broken rule exits 2 with one line naming the file, the line
and the rule: NRMP's rules, and the hard stops the applicant set in the Rank list pane (kept in
plan.toml), as the pane and the report name them; warnings do not fail a check.

An unknown program: in a plain rank list any well-formed name or NRMP code is accepted (the
applicant may rank a program the tracker does not hold, and the odds then use the default
chance); in a couples file, when a tracker exists, a program it does not hold is refused, since
both partners' lists must pair programs the couple actually applied to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from matchtui.engine.ranklist import (
    ASSUMPTION,
    COUPLES_ASSUMPTION,
    NO_PATH_MARK,
    PENDING_NOTE,
    WORKED_OUT_MARK,
    CouplesOdds,
    Estimates,
    Simulation,
    Tracker,
    Violation,
    Warn,
    check_resolved,
    couples_lines,
    couples_result,
    couples_yardstick,
    estimates_for,
    ranklist_data,
    resolve,
    simulate,
)
from matchtui.engine.wording import percent, plural
from matchtui.errors import FileProblems, Problem, UsageError
from matchtui.models.ranklist import CouplesFile, PairEntry, RankEntry, RankFile
from matchtui.safetext import one_line
from matchtui.tomlio import format_loc, key_lines, line_of, load_model, read_toml
from matchtui.workspace import Workspace

if TYPE_CHECKING:
    from matchtui.models.plan import PlanFile
    from matchtui.models.rank_state import RankItem


def _tracker(workspace: Workspace, args: argparse.Namespace) -> Tracker:
    """The program list as of `--today` (or today): a booked interview day gone by is told."""
    programs = workspace.load_programs()
    return Tracker.of(programs.programs, _today(args))


class _Folder(NamedTuple):
    """What the applicant's folder adds to a rank list file: the match curve's chances and the
    hard stops the Rank list pane keeps (plan.toml), so the CLI checks and simulates a list as
    the pane and the report do."""

    estimates: Estimates
    hard_stops: list[str]


def _folder(workspace: Workspace, today: dt.date | None, plan: PlanFile | None = None) -> _Folder:
    """The Mix plan's specialty or the profile's first target when they are there and load
    (and the profile's visa need and years out: the programs that cannot take the applicant
    count as none), and the plan's hard stops (a rank list is checked without them too: then
    each program's own specialty, and no hard stops). `plan`: the plan already read, if it
    was; `today`: the day (an interview booked ahead or its date gone by)."""
    from matchtui.filenames import PLAN, PROFILE

    profile = None
    try:
        if workspace.store.exists(PROFILE):
            profile = workspace.load_profile()
    except FileProblems:
        pass  # the rank list's own checks do not depend on it
    try:
        if plan is None and workspace.store.exists(PLAN):
            plan = workspace.load_plan()
    except FileProblems:
        pass
    stops = list(plan.ranklist.hard_stops) if plan is not None and plan.ranklist else []
    return _Folder(estimates_for(workspace.catalog, profile, plan, today), stops)


def _today(args: argparse.Namespace) -> dt.date | None:
    today = getattr(args, "today", None)
    return today if isinstance(today, dt.date) else None


def _refuse(
    path: Path, text: str | None, section: tuple[str, ...], violation: Violation
) -> FileProblems:
    """`section`: the key path of the list in the file (("ranks",), ("ranklist", "items"));
    `text`: the file's, or None to read it now (a list that passes never needs its lines)."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    index = violation.index
    loc: tuple[str | int, ...] = section if index is None else (*section, index)
    line = line_of(key_lines(text), loc)
    if line is None and index is not None:  # past the last entry (the rank limit): the last line
        line = line_of(key_lines(text), (*section, index - 1))
    return FileProblems([Problem(path, format_loc(loc), f"{violation.id}: {violation.text}", line)])


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.file is None:
        return _run_saved(args, workspace)
    path = Path(args.file)
    data, text = read_toml(path)
    couple = "pairs" in data
    if getattr(args, "couple", False) and not couple:
        raise UsageError(f"{path}: --couple needs a couples file with [[pairs]]")
    if not couple and "ranks" not in data:
        raise FileProblems([Problem(path, "", "no [[ranks]] (rank list) or [[pairs]] (couples)")])
    if couple:
        pairs = load_model(path, CouplesFile, data, text).pairs
        return _couples(
            args, workspace, pairs, path, text, ("pairs",), _folder(workspace, _today(args))
        )
    ranks = load_model(path, RankFile, data, text).ranks
    return _check_or_simulate(
        args, workspace, ranks, path, text, ("ranks",), _folder(workspace, _today(args))
    )


def _couples(
    args: argparse.Namespace,
    workspace: Workspace,
    pairs: Sequence[PairEntry],
    path: Path,
    text: str | None,
    section: tuple[str, ...],
    folder: _Folder,
) -> int:
    rules = ranklist_data(workspace.catalog)
    tracker = _tracker(workspace, args)
    result = couples_result(pairs, tracker, rules, folder.estimates, hard_stops=folder.hard_stops)
    if result.violations:
        raise _refuse(path, text, section, result.violations[0])
    if result.odds is None:
        raise UsageError(f"{path}: no pairs to simulate")
    if args.ranklist_command == "check":
        print(one_line(f"{path}: ok, a couples list of {plural(len(pairs), 'pair')}"))
        for warning in result.warnings:
            print(one_line(f"warning: {warning.text}"))
        return 0
    _print_couples(result.odds, result.warnings, couples_yardstick(rules), args.json)
    return 0


def _run_saved(args: argparse.Namespace, workspace: Workspace) -> int:
    """The list saved by the Rank list pane (plan.toml), with its hard stops."""
    from matchtui.filenames import PLAN

    path = workspace.store.path(PLAN)
    plan = workspace.load_plan()  # a bad plan.toml is refused, naming its line and field
    couple = bool(getattr(args, "couple", False))
    items = plan.ranklist.items if plan.ranklist else []
    pairs = plan.ranklist.pairs if plan.ranklist else []
    if not (pairs if couple else items):
        where, kind = (
            ("Rank list pane's Couples tab", "[[pairs]]")
            if couple
            else ("app's Rank list pane", "[[ranks]]")
        )
        raise UsageError(
            f"{path}: no {'couples list' if couple else 'rank list'} saved yet: build one in "
            f"the {where}, or give a FILE with {kind}"
        )
    folder = _folder(workspace, _today(args), plan)
    if couple:
        return _couples(args, workspace, pairs, path, None, ("ranklist", "pairs"), folder)
    return _check_or_simulate(args, workspace, items, path, None, ("ranklist", "items"), folder)


def _check_or_simulate(
    args: argparse.Namespace,
    workspace: Workspace,
    ranks: Sequence[RankEntry | RankItem],
    path: Path,
    text: str | None,
    section: tuple[str, ...],
    folder: _Folder,
) -> int:
    rules = ranklist_data(workspace.catalog)
    tracker = _tracker(workspace, args)
    resolved = resolve(ranks, tracker, rules)
    problems = check_resolved(resolved, rules, hard_stops=folder.hard_stops)
    if problems:
        raise _refuse(path, text, section, problems[0])
    sim = simulate(resolved, rules, tracker, folder.estimates)
    if args.ranklist_command == "check":
        print(
            one_line(
                f"{path}: ok, {plural(len(ranks), 'rank')}, "
                f"{plural(sim.unique_codes, 'program code')} ({sim.codes_included} included), "
                f"extra fee ${sim.extra_code_fee_usd}"
            )
        )
        for warning in sim.warnings:
            print(one_line(f"warning: {warning.text}"))
        return 0
    _print_simulation(sim, args.json)
    return 0


def _print_simulation(sim: Simulation, as_json: bool) -> None:
    if as_json:
        print(json.dumps(sim.to_json(), indent=2))
        return
    print(f"{'Rank':>4}  {'Program':<40} {'Chance':>7} {'Here':>6} {'So far':>7}")
    for r in sim.ranks:
        print(
            one_line(
                f"{r.rank:>4}  {r.program[:40]:<40} {percent(r.chance) + r.mark:>7} "
                f"{percent(r.p_match_here):>6} {percent(r.p_cumulative):>7}"
            )
        )
    print(f"P(match): {sim.match_text}")
    print(f"P(unmatched): {sim.unmatched_text}")
    print(
        f"One more program at {percent(sim.add_one_chance)}: P(unmatched) "
        f"{sim.unmatched_text} -> {sim.unmatched_plus_one_text}"
    )
    print(
        f"Program codes: {sim.unique_codes} ({sim.codes_included} included); "
        f"extra fee ${sim.extra_code_fee_usd}"
    )
    marks = "".join(r.mark for r in sim.ranks)
    if "*" in marks:
        print(WORKED_OUT_MARK)
    if "x" in marks:
        print(NO_PATH_MARK)
    if "?" in marks:
        print(PENDING_NOTE)
    print(ASSUMPTION)
    for warning in sim.warnings:
        print(one_line(f"warning: {warning.text}"))


def _print_couples(
    result: CouplesOdds, warnings: Sequence[Warn], yardstick: str | None, as_json: bool
) -> None:
    if as_json:
        found = result.to_json()
        found["warnings"] = [{"id": w.id, "text": w.text} for w in warnings]
        found["published"] = yardstick
        print(json.dumps(found, indent=2))
        return
    for line in couples_lines(result):
        print(line)
    print(COUPLES_ASSUMPTION)
    if yardstick is not None:
        print(yardstick)
    for warning in warnings:
        print(one_line(f"warning: {warning.text}"))
