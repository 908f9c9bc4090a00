"""The advisor report gains the saved rank list and its odds (the engine's own numbers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.ranklist import (
    Tracker,
    estimates_for,
    ranklist_data,
    resolve,
    simulate,
)
from matchtui.engine.report import build_report, to_markdown, to_text
from matchtui.engine.wording import percent
from matchtui.models.plan import PlanFile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankItem, RanklistState

TODAY = dt.date(2026, 11, 23)


def plan_with_list() -> tuple[PlanFile, ProgramList]:
    programs = ProgramList(
        programs=[
            Program(
                name="Alpha Medical Center",
                state="NY",
                specialty="internal_medicine",
                tier="academic",
                status="interviewed",
            ),
        ]
    )
    state = RanklistState(
        items=[
            RankItem(program="Alpha Medical Center"),
            RankItem(program="Beta Hospital", chance=0.5),
        ],
        hard_stops=["Beta Hospital"],
    )
    return PlanFile(ranklist=state), programs


def test_report_has_the_rank_list_and_its_odds(catalog: Any, demo_profile: Any) -> None:
    plan, programs = plan_with_list()
    report = build_report(
        demo_profile, catalog, today=TODAY, plan=plan, practice=None, programs=programs
    )
    data = ranklist_data(catalog)
    assert plan.ranklist is not None
    tracker = Tracker.of(programs.programs)
    estimates = estimates_for(catalog, demo_profile, plan)
    resolved = resolve(plan.ranklist.items, tracker, data)
    stops = plan.ranklist.hard_stops
    sim = simulate(resolved, data, tracker, estimates, hard_stops=stops)
    assert report.facts.ranklist_p_unmatched == pytest.approx(sim.p_unmatched)
    md = to_markdown(report)
    assert "## 6. Rank list" in md or "Rank list" in md
    assert f"P(unmatched) {percent(sim.p_unmatched)}" in md
    alpha = percent(sim.ranks[0].chance)
    assert sim.ranks[0].chance_source == "estimate"
    assert f"| 1 | Alpha Medical Center | {alpha} | match curve (assumption) | {alpha} |" in md
    # Beta is a hard stop: on the list (named as breaking the rule) but out of the odds.
    assert "| 2 | Beta Hospital | 0% | a hard stop: left out of the odds | 0% |" in md
    assert "independent" in md
    assert "hard stops" in md  # Beta is on the list and a hard stop
    text = to_text(report)
    assert all(len(line) <= 80 for line in text.splitlines())


def test_report_without_a_rank_list_says_so(catalog: Any, demo_profile: Any) -> None:
    report = build_report(demo_profile, catalog, today=TODAY, plan=None, practice=None)
    assert report.facts.ranklist_p_unmatched is None
    assert "No rank list has been saved yet" in to_markdown(report)


def test_report_command_reads_the_saved_list(
    workspace: Any, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, _programs = plan_with_list()
    workspace.save_plan(plan)
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "Rank list" in out and "Beta Hospital" in out
