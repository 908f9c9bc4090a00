"""`matchtui practice --question ID --answer-file F [--seconds S] [--profile F] [--json]`: analyse
one answer.

The same engine as the practice pane, reading an answer about ties against the profile's target
region as the pane does (the saved profile if there is one, or --profile). The analysis is
printed, not saved to practice.toml.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion
from matchtui.errors import FileProblems, Problem, UsageError
from matchtui.limits import MAX_ANSWER_BYTES, MAX_ANSWER_CHARS
from matchtui.models.practice import Feedback
from matchtui.models.questions import question_bank
from matchtui.safetext import safe_text
from matchtui.tomlio import STDIN, read_bytes
from matchtui.workspace import Workspace

MARKS = {"pass": "PASS", "warn": "WARN", "fail": "FAIL", "n/a": "n/a "}


def read_answer(name: str) -> str:
    """The answer text from a file ("-" for standard input); FileProblems if unreadable."""
    if name == "-":
        text = sys.stdin.read(MAX_ANSWER_CHARS + 1)
        _check_length(STDIN, text)
        return text
    path = Path(name)
    try:
        raw = read_bytes(path, MAX_ANSWER_BYTES)
    except FileProblems as exc:
        message = exc.problems[0].message
        if message == "file not found":
            message = "answer file not found"
        elif message.startswith("is a folder"):
            message = "is a folder, not an answer file"
        raise FileProblems([Problem(path, "", message)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems([Problem(path, "", "not valid UTF-8 text", line)]) from None
    _check_length(path, text)
    return text


def _check_length(path: Path, text: str) -> None:
    # The same cap as the practice pane, so an answer the CLI analyses could also be saved.
    if len(text) > MAX_ANSWER_CHARS:
        raise FileProblems(
            [
                Problem(
                    path,
                    "",
                    f"the answer is over {MAX_ANSWER_CHARS:,} characters (the most matchtui "
                    "analyses)",
                )
            ]
        )


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalog = workspace.catalog
    bank = question_bank(catalog)
    if args.list:
        from matchtui.commands.data import print_questions

        return print_questions(workspace, as_json=args.json)
    if not args.question or not args.answer_file:
        raise UsageError(
            "give --question ID and --answer-file F (`matchtui practice --list` lists the ids)"
        )
    question = bank.by_id(args.question)
    if question is None:
        from matchtui.suggest import did_you_mean

        hint = did_you_mean(
            args.question, [q.id for q in bank.questions], "matchtui practice --list"
        )
        raise UsageError(f"--question: unknown question id {args.question!r}{hint}")
    # Control characters become U+FFFD before the answer is analysed: the sentences it quotes
    # are printed, and must not carry escape sequences to the terminal.
    text = safe_text(read_answer(args.answer_file))
    if not text.strip():
        where = STDIN if args.answer_file == "-" else args.answer_file
        raise UsageError(f"{where}: the answer is empty")
    feedback = analyse(
        question, text, args.seconds, catalog, target=_target(args, workspace), today=args.today
    )
    if args.json:
        print(json.dumps(feedback.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(render_text(feedback, question.prompt))
    return 0


def _target(args: argparse.Namespace, workspace: Workspace) -> TargetRegion | None:
    """The target region of --profile, or of the saved profile if there is one (none is made
    for this: without a profile, answers are read as the practice pane reads them for no
    region). A --profile that does not load is an error; a saved one that does not load is
    said on stderr and left out."""
    from matchtui.engine.assess import target_region
    from matchtui.store import PROFILE

    path = Path(args.profile) if args.profile else None
    if path is None and not workspace.store.exists(PROFILE):
        return None
    try:
        profile = workspace.load_profile(path)
    except FileProblems as exc:
        if path is not None:
            raise
        print(
            f"matchtui: your profile did not load ({exc.summary()}); the answer is not read "
            "against a target region",
            file=sys.stderr,
        )
        return None
    return target_region(profile, workspace.catalog)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def render_text(feedback: Feedback, prompt: str) -> str:
    low, high = feedback.target_seconds
    lines = [
        f"Question  {feedback.question}: {prompt}",
        f"Score     {feedback.score}/100",
        f"Length    {feedback.words_text()}, about {feedback.spoken_text()} s spoken at "
        f"{feedback.words_per_minute} wpm (target {low}-{high} s)"
        + (f"; you took {_clock(feedback.seconds)}" if feedback.seconds is not None else ""),
    ]
    if feedback.assumptions:
        lines.append(f"Estimate  assumed by matchtui: {', '.join(feedback.assumptions)}")
    if feedback.top_fixes:
        lines.append("")
        lines.append("Fix first")
        lines.extend(f"  {n}. {fix.text}" for n, fix in enumerate(feedback.top_fixes, 1))
    lines.append("")
    lines.append("Checks")
    for check in feedback.checks:
        lines.append(f"  {MARKS[check.status]}  {check.name}: {check.detail}")
        lines.append(f"        rule: {check.rule}")
        lines.extend(f'        "{quote}"' for quote in check.evidence)
    return "\n".join(lines)
