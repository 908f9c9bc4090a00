"""`matchtui programs import|export|add|remove|list|set|summary`: the program list and the
season tracker."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from matchtui.engine.programs import (
    against_list,
    ics_events,
    read_date,
    read_import,
    region_of,
    stage_word,
    to_csv,
    to_ics,
)
from matchtui.engine.wording import and_list, plural
from matchtui.errors import UsageError
from matchtui.models.programs import PROGRAM_STATUSES, STAGE_LABELS, Program, ProgramList
from matchtui.safetext import one_line
from matchtui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    command = args.programs_command
    if command == "import":
        return _import(args, workspace)
    if command == "export":
        return _export(args, workspace)
    if command == "add":
        return _add(args, workspace)
    if command == "remove":
        return _remove(args, workspace)
    if command == "list":
        return _list(args, workspace)
    if command == "set":
        return _set(args, workspace)
    if command == "back":
        return _back(args, workspace)
    if command == "summary":
        return _summary(args, workspace)
    return 2


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.file == "-":  # standard input: CSV, or TOML when it holds [[programs]] tables
        from matchtui.engine.programs import import_is_toml, parse_import
        from matchtui.limits import MAX_CSV_BYTES
        from matchtui.tomlio import STDIN, read_stdin_bytes

        path = STDIN
        raw = read_stdin_bytes(MAX_CSV_BYTES)
        result = parse_import(raw, import_is_toml(raw), path, workspace.catalog, _today(args))
    else:
        path = Path(args.file)
        result = read_import(path, workspace.catalog, _today(args))
    if not result.fatal and not args.replace:  # a code another program on the list holds
        against_list(result, workspace.load_programs().programs)
    problems = [one_line(f"{p.where(path)}: {p.message}") for p in result.problems]
    bad = len(problems)
    if result.fatal or (bad == 1 and not args.skip_bad):
        # One problem: one line, the problem itself.
        what = problems[0] if problems else str(path)
        advice = "" if result.fatal else " (fix it, or use --skip-bad to import the good rows)"
        print(f"matchtui: error: {what}; nothing imported{advice}", file=sys.stderr)
        return 2
    for line in problems:
        print(line, file=sys.stderr)
    if bad and not args.skip_bad:
        print(
            f"matchtui: error: {bad} bad rows in {path}; nothing imported (fix them, or use "
            "--skip-bad to import the good rows)",
            file=sys.stderr,
        )
        return 2
    if not result.programs and bad:
        print(f"matchtui: error: no good rows in {path}; nothing imported", file=sys.stderr)
        return 2
    # Read, merge and write under the file's lock: an app or another import saving meanwhile
    # is never overwritten.
    written, duplicates = workspace.import_programs(result.programs, replace=args.replace)
    merged, saved = written.model, written.path
    added = len(result.programs) - len(duplicates)
    parts = [f"imported {added} program{'s' if added != 1 else ''} into {saved}"]
    if duplicates:
        parts.append(f"{len(duplicates)} already on the list")
    if bad:
        parts.append(f"{bad} bad row{'s' if bad != 1 else ''} skipped (listed above)")
    print("; ".join(parts) + f" ({len(merged.programs)} in total)")
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.file and args.output and args.file != args.output:
        raise UsageError(f"two files named ({args.file} and -o {args.output}): give one")
    if not (args.file or args.output):
        raise UsageError("name the file to write: matchtui programs export FILE (or -o FILE)")
    path = Path(args.file or args.output)
    to_stdout = str(args.file or args.output) == "-"  # "-": standard output, CSV unless --ics
    ics = args.ics or path.suffix.lower() == ".ics"
    if not to_stdout and path.exists() and not args.force:
        raise UsageError(f"{path} already exists (use --force to replace it)")
    programs = workspace.load_programs()
    if ics:
        text = to_ics(programs, workspace.catalog, dt.datetime.now(dt.UTC))
        interviews, answers, cancelled = ics_events(programs)
        parts = [plural(interviews, "interview")]
        if answers:
            parts.append(plural(answers, "answer deadline"))
        if cancelled:
            parts.append(f"{plural(cancelled, 'interview')} called off (marked cancelled)")
        what = and_list(parts)
    else:
        text = to_csv(programs)
        count = len(programs.programs)
        what = f"{count} program{'s' if count != 1 else ''}"
    if to_stdout:
        sys.stdout.write(text)
        return 0
    workspace.export(path, text)
    print(f"wrote {what} to {path}")
    return 0


def _date_arg(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return read_date(text, option)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _today(args: argparse.Namespace) -> dt.date:
    given = getattr(args, "today", None)
    if isinstance(given, dt.date):
        return given
    return _date_arg(given, "--today") or dt.date.today()


def _now(args: argparse.Namespace) -> dt.datetime:
    today = _today(args)
    now = dt.datetime.now()
    return now if now.date() == today else dt.datetime.combine(today, dt.time(9, 0))


def _stage(text: str) -> str:
    wanted = stage_word(text) if text.strip() else None
    if wanted is None:
        raise UsageError(f"--stage: {text!r} is not one of {', '.join(PROGRAM_STATUSES)}")
    return wanted


def _row(program: Program, workspace: Workspace) -> dict[str, Any]:
    data = program.model_dump(mode="json", exclude_none=True)
    data["region"] = region_of(program, workspace.catalog)
    return data


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    stage = _stage(args.stage) if args.stage else None
    programs = [p for p in workspace.load_programs().programs if stage in (None, p.status)]
    if args.json:
        print(json.dumps([_row(p, workspace) for p in programs], indent=2))
        return 0
    from matchtui.engine.tracker import stage_date

    for p in programs:
        when = stage_date(p)
        print(
            f"{p.name[:40]:<40}  {p.state}  {p.specialty[:18]:<18}  {p.signal:<6}  "
            f"{STAGE_LABELS[p.status]:<14}  {when.isoformat() if when else ''}".rstrip()
        )
    print(f"{len(programs)} program{'s' if len(programs) != 1 else ''}")
    return 0


def find_program(programs: ProgramList, wanted: str) -> int:
    """Index of the program named by NRMP code or name (exact, then unique part of a name)."""
    text = " ".join(wanted.split()).lower()
    if not text:
        raise UsageError("give a program name or NRMP code")
    by_code = [i for i, p in enumerate(programs.programs) if (p.nrmp_code or "").lower() == text]
    if len(by_code) == 1:
        return by_code[0]
    if len(by_code) > 1:
        names = and_list([repr(programs.programs[i].name) for i in by_code])
        raise UsageError(
            f"{len(by_code)} programs on your list have NRMP code {wanted.strip()!r}: {names} "
            "(give the name instead, and correct the wrong code in the Applications pane, e)"
        )
    exact = [i for i, p in enumerate(programs.programs) if p.key[0] == text]
    found = exact or [i for i, p in enumerate(programs.programs) if text in p.key[0]]
    if not found:
        raise UsageError(f"no program on your list matches {wanted!r}")
    if len(found) > 1:
        raise UsageError(
            f"{len(found)} programs match {wanted!r} (give the full name or the NRMP code)"
        )
    return found[0]


def _add(args: argparse.Namespace, workspace: Workspace) -> int:
    """One program typed in, read as the Applications pane's Add reads it."""
    from matchtui.engine.programs import new_program

    raw = {
        "name": args.name,
        "city": args.city,
        "state": args.state,
        "specialty": args.specialty,
        "tier": args.tier,
        "track": args.track,
        "signal": args.signal,
        "nrmp_code": args.code,
    }
    programs = workspace.load_programs()
    try:
        program = new_program(raw, workspace.catalog, programs.programs)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    listed = [*programs.programs, program]
    saved = workspace.save_programs(programs.model_copy(update={"programs": listed}))
    print(f"{program.name}: added to {saved.path} ({len(listed)} in total)")
    return 0


def _remove(args: argparse.Namespace, workspace: Workspace) -> int:
    """One program off the list. What it takes with it is said first (engine.removal): a
    program applied to is refused without --force (its paid ERAS fee would leave the costs:
    withdrawing it keeps both); its ranks on the saved rank list are taken off with it."""
    from matchtui.engine.ranklist import without_ranks
    from matchtui.engine.removal import refusal, removal_of, removed_lines
    from matchtui.errors import FileProblems
    from matchtui.filenames import PLAN

    programs = workspace.load_programs()
    index = find_program(programs, args.program)
    plan = None
    try:
        if workspace.store.exists(PLAN):
            plan = workspace.load_plan()
    except FileProblems as exc:  # the program list is still the applicant's to change
        print(
            one_line(f"warning: {exc.summary()}; your rank list there was not checked"),
            file=sys.stderr,
        )
    state = plan.ranklist if plan is not None else None
    removal = removal_of(programs.programs, index, state)
    if removal.paid and not args.force:
        raise UsageError(refusal(removal))
    listed = list(programs.programs)
    removed = listed.pop(index)
    saved = workspace.save_programs(programs.model_copy(update={"programs": listed}))
    print(f"{removed.name}: removed from {saved.path} ({len(listed)} left)")
    if plan is not None and state is not None and removal.where.ranks:
        kept = without_ranks(state, removal.where.ranks)
        workspace.save_plan(plan.model_copy(update={"ranklist": kept}))
    for line in removed_lines(removal):
        print(one_line(line), file=sys.stderr if line.startswith("warning:") else sys.stdout)
    return 0


def _match_year(workspace: Workspace) -> int | None:
    """The Match year the app works on (the profile's, or with none yet the demo's; no demo
    profile is written for it); None when the profile does not load."""
    from matchtui.commands import app_match_year
    from matchtui.errors import FileProblems

    try:
        return app_match_year(workspace)[0]
    except FileProblems:
        return None


def _set(args: argparse.Namespace, workspace: Workspace) -> int:
    from matchtui.engine.tracker import (
        STAGE_DATE,
        MoveError,
        deadline_warning,
        move,
        moved_note,
        ranking_opens,
        season_of,
    )

    stage = _stage(args.stage)
    on = _date_arg(args.date, "--date")
    respond_by = _date_arg(args.respond_by, "--respond-by")
    programs = workspace.load_programs()
    index = find_program(programs, args.program)
    # the Match: ranking opens for it; an interview after its rank-list deadline is told
    year = _match_year(workspace) if stage in ("ranked", "scheduled", "interviewed") else None
    before = programs.programs[index]
    try:
        moved = move(
            before,
            stage,
            on,
            today=_today(args),
            respond_by=respond_by,
            interview_format=args.format,
            ranking=ranking_opens(workspace.catalog, year)
            if year is not None and stage == "ranked"
            else None,
        )
    except MoveError as exc:
        raise UsageError(str(exc)) from None
    changed = list(programs.programs)
    changed[index] = moved
    workspace.save_programs(programs.model_copy(update={"programs": changed}))
    when = getattr(moved, STAGE_DATE[moved.status])
    # the day it took when none was given, where that is not today (the booked interview day)
    dated = f" on {when.isoformat()}" if on is None and when != _today(args) else ""
    print(f"{moved.name}: {STAGE_LABELS[moved.status].lower()}{dated}{moved_note(before, moved)}")
    if year is not None and stage != "ranked":
        late = deadline_warning(moved, season_of(workspace.catalog, year), _today(args))
        if late is not None:
            print(f"matchtui: warning: {one_line(moved.name)}: {late}", file=sys.stderr)
    return 0


def _back(args: argparse.Namespace, workspace: Workspace) -> int:
    from matchtui.engine.tracker import MoveError, step_back

    programs = workspace.load_programs()
    index = find_program(programs, args.program)
    try:
        back, cleared = step_back(programs.programs[index])
    except MoveError as exc:
        raise UsageError(str(exc)) from None
    changed = list(programs.programs)
    changed[index] = back
    workspace.save_programs(programs.model_copy(update={"programs": changed}))
    was = f" ({cleared.isoformat()} cleared)" if cleared is not None else ""
    print(f"{back.name}: back to {STAGE_LABELS[back.status].lower()}{was}")
    return 0


def _rank_codes(workspace: Workspace, programs: ProgramList) -> int:
    """The unique program codes on the rank list saved in plan.toml (the Rank list pane's),
    for the NRMP fee; 0 when there is none, or it does not load (then `ranklist` says why)."""
    from matchtui.engine.tracker import rank_list_codes
    from matchtui.errors import FileProblems
    from matchtui.filenames import PLAN

    try:
        plan = workspace.load_plan() if workspace.store.exists(PLAN) else None
    except FileProblems:
        return 0
    if plan is None or plan.ranklist is None:
        return 0
    return rank_list_codes(plan.ranklist.items, programs.programs, workspace.catalog)


def _summary(args: argparse.Namespace, workspace: Workspace) -> int:
    from matchtui.engine.tracker import summary

    programs = workspace.load_programs()
    profile = workspace.load_profile()
    catalog = workspace.catalog
    data = summary(
        programs.programs,
        catalog,
        profile.targets.region,
        _now(args),
        profile.cycle_year,
        _rank_codes(workspace, programs),
    )
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(render_summary(data, workspace.catalog.region_name(profile.targets.region)))
    return 0


def _rate(cell: dict[str, Any]) -> str:
    """'209/1072 (19%)': rounded once, from the counts, as the pane shows it (the JSON's
    `rate` is rounded to four places for reading, not for showing)."""
    from matchtui.engine.tracker import Yield

    return Yield(cell["applied"], cell["invited"]).text()


def render_summary(data: dict[str, Any], region_name: str) -> str:
    from matchtui.engine.tracker import PASSED_ADVICE, passed_line, time_to_answer

    today = data["today"]
    lines = [plural(data["total"], "program")]
    if not data["total"]:
        lines[0] += (
            " (import a list with `matchtui programs import FILE.csv`, or add programs one by "
            "one with `matchtui programs add NAME ...`)"
        )
    stages = [f"{STAGE_LABELS[s].lower()} {n}" for s, n in data["by_stage"].items() if n]
    lines.append("Stages: " + (", ".join(stages) or "none yet"))
    lines.append(f"Invited / applied: {_rate(data['yield_overall'])}")
    by_signal = [f"{k} {_rate(v)}" for k, v in data["yield_by_signal"].items() if v["applied"]]
    lines.append("By signal: " + (", ".join(by_signal) or "no applications yet"))
    lines.append(
        f"{region_name}: {_rate(data['yield_in_target_region'])}; "
        f"elsewhere: {_rate(data['yield_outside_target_region'])}"
    )
    for w in data["waiting"]:
        lines.append(f"Answer invitation: {w['name']} ({time_to_answer(w['hours_left'])})")
    for u in data["upcoming"]:
        late = " (after the rank list deadline)" if u.get("after_rank_deadline") else ""
        lines.append(f"Interview {u['date']}: {u['name']}{late}")
    for c in data["clashes"]:
        lines.append(f"Clash on {c['date']}: {', '.join(c['programs'])}")
    passed = data.get("interview_passed", [])
    for u in passed:
        lines.append(
            passed_line(u["name"], dt.date.fromisoformat(u["date"]), dt.date.fromisoformat(today))
        )
    if passed:
        lines.append(
            f"  For each: {PASSED_ADVICE} (matchtui programs set NAME --stage interviewed; "
            "--stage scheduled --date YYYY-MM-DD; --stage withdrawn)."
        )
    for name in data["thank_you_due"]:
        lines.append(f"Thank-you not sent: {name}")
    for late in data.get("after_rank_deadline", ()):
        lines.append(f"Too late to count: {late['text']}")
    if data.get("earlier_match"):
        lines.append(data["earlier_match"]["text"])
    if data.get("season_over"):
        lines.append(data["season_over"]["text"])
    costs = data["costs_usd"]
    lines.append(
        f"Costs: ERAS ${costs['eras']:,.2f}, NRMP ${costs['nrmp']:,.2f}, "
        f"your own ${costs['own']:,.2f}; total ${costs['total']:,.2f}"
    )
    lines.extend(f"  {note}" for note in costs.get("notes", ()))
    return "\n".join(lines)
