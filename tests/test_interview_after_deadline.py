"""An interview booked after the rank-list deadline.

Found by an auditor: `programs set "Chicago ..." --stage scheduled --date 2027-03-10` was
accepted without a word although the 2027 rank-list deadline (dates.toml) is 3 March, and on 5
March the rank list still counted it at 45% ("assumes the interview goes ahead"). Programs
certify their lists by the deadline, so such an interview cannot put the applicant on one. Now
the booking is still recorded (it is what the program offered) but told, on the command line
and in the summary (engine.tracker.deadline_warning, which the stage dialog can show too), and
the rank list counts the program as no chance by the tracker's rule
(engine.tracker.after_rank_deadline, read by engine.ranklist.season_out).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.calendar import season_date
from matchtui.engine.ranklist import (
    Estimates,
    Tracker,
    ranklist_data,
    resolve,
    simulate,
)
from matchtui.engine.tracker import (
    after_rank_deadline,
    deadline_warning,
    season_of,
    today_view,
)
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankEntry

YEAR = 2027  # the demo profile's Match (the CLI's profile is the demo, seeded)
CHICAGO = Program(
    name="Chicago Community IM",
    state="IL",
    specialty="internal_medicine",
    tier="community",
    status="invited",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2026, 11, 20),
)


def _deadline(catalog: Catalog) -> dt.date:
    return season_date(catalog, YEAR, "rank_deadline").date


def test_the_rule_and_its_words(catalog: Catalog) -> None:
    deadline = _deadline(catalog)
    season = season_of(catalog, YEAR)
    late = CHICAGO.model_copy(
        update={"status": "scheduled", "interview_on": deadline + dt.timedelta(days=7)}
    )
    on_the_day = late.model_copy(update={"interview_on": deadline})
    assert after_rank_deadline(late, season) and not after_rank_deadline(on_the_day, season)
    # turned down or withdrawn: no interview either way, nothing to warn about
    assert not after_rank_deadline(late.model_copy(update={"status": "withdrawn"}), season)
    told = deadline_warning(late, season, today=deadline - dt.timedelta(days=30))
    assert told is not None and told.startswith(
        f"the interview on {late.interview_on} comes after the {YEAR} Match's rank list deadline"
    )
    assert "Ask the program for a day before the deadline" in told
    after = deadline_warning(late, season, today=deadline + dt.timedelta(days=2))
    assert after is not None and "The deadline has passed" in after
    assert deadline_warning(on_the_day, season) is None


def test_the_command_records_it_and_warns(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--today", "2026-12-05", "assess", "--json"]) == 0  # the demo profile
    capsys.readouterr()
    workspace.save_programs(ProgramList(programs=[CHICAGO]))
    late = _deadline(catalog) + dt.timedelta(days=7)
    args = ["--today", "2026-12-05", "programs", "set", "Chicago Community IM"]
    assert main([*args, "--stage", "scheduled", "--date", late.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Chicago Community IM: scheduled"
    assert err.startswith(
        f"matchtui: warning: Chicago Community IM: the interview on {late} comes after the "
        f"{YEAR} Match's rank list deadline"
    )
    assert workspace.load_programs().programs[0].interview_on == late  # recorded all the same
    # moved to the deadline itself: nothing to say
    assert main([*args, "--stage", "scheduled", "--date", _deadline(catalog).isoformat()]) == 0
    assert capsys.readouterr().err == ""


def test_the_odds_count_it_as_no_chance(
    workspace: Any, catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deadline = _deadline(catalog)
    late = CHICAGO.model_copy(
        update={"status": "scheduled", "interview_on": deadline + dt.timedelta(days=7)}
    )
    in_time = late.model_copy(
        update={"name": "Evanston IM", "interview_on": deadline - dt.timedelta(days=10)}
    )
    data = ranklist_data(catalog)
    tracker = Tracker.of([late, in_time])
    ranks = [RankEntry(program=late.name), RankEntry(program=in_time.name)]
    today = deadline + dt.timedelta(days=2)
    season = season_of(catalog, YEAR)
    estimates = Estimates(catalog, "internal_medicine", today=today, season=season)
    sim = simulate(resolve(ranks, tracker, data), data, tracker, estimates)
    first, second = sim.ranks
    assert (first.chance, first.chance_source) == (0.0, "no interview")
    assert second.chance > 0  # booked before the deadline: it keeps its chance
    told = next(w.text for w in sim.warnings if w.id == "not_this_match")
    assert f"rank 1 '{late.name}' has its interview on {late.interview_on}, after" in told
    assert in_time.name not in told
    # the command line, with the profile's Match
    assert main(["--today", today.isoformat(), "assess", "--json"]) == 0
    workspace.save_programs(ProgramList(programs=[late, in_time]))
    rank_file = tmp_path / "ranks.toml"
    rank_file.write_text(f'[[ranks]]\nprogram = "{late.name}"\n')
    capsys.readouterr()
    assert main(["--today", today.isoformat(), "ranklist", "simulate", str(rank_file)]) == 0
    out = capsys.readouterr().out
    assert "P(match): 0%" in out
    assert f"warning: Interview that cannot count for the {YEAR} Match" in out


def test_the_summary_and_the_today_view_say_so(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    deadline = _deadline(catalog)
    late = CHICAGO.model_copy(
        update={"status": "scheduled", "interview_on": deadline + dt.timedelta(days=7)}
    )
    today = deadline + dt.timedelta(days=2)
    season = season_of(catalog, YEAR)
    view = today_view([late], dt.datetime.combine(today, dt.time(9)), season=season)
    assert [u.name for u in view.too_late] == [late.name] and view.upcoming[0].late
    assert main(["--today", today.isoformat(), "assess", "--json"]) == 0
    workspace.save_programs(ProgramList(programs=[late]))
    capsys.readouterr()
    assert main(["--today", today.isoformat(), "programs", "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["upcoming"][0]["after_rank_deadline"] is True
    assert data["after_rank_deadline"][0]["text"] == (
        f"{late.name}: {deadline_warning(late, season, today)}"
    )
    assert main(["--today", today.isoformat(), "programs", "summary"]) == 0
    out = capsys.readouterr().out
    assert f"Interview {late.interview_on}: {late.name} (after the rank list deadline)" in out
    assert f"Too late to count: {late.name}: the interview on" in out


async def test_the_pane_warns_when_the_stage_dialog_books_it(
    workspace: Any, catalog: Catalog
) -> None:
    from textual.widgets import Input

    from matchtui.app import MatchApp

    workspace.save_programs(ProgramList(programs=[CHICAGO]))
    late = _deadline(catalog) + dt.timedelta(days=7)
    app = MatchApp(workspace, first_pane="applications", today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert screen.selected_index() == 0
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#stage-date", Input).value = late.isoformat()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert screen.programs.programs[0].interview_on == late
        warned = [n for n in app._notifications if "rank list deadline" in str(n.message)]
        assert [n.severity for n in warned] == ["warning"]
        assert str(warned[0].message).startswith(
            f"Chicago Community IM: the interview on {late} comes after the {YEAR} Match's"
        )
