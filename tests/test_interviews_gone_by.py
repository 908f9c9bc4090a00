"""An interview booked for a day now gone by, the program still at "scheduled".

Found by an auditor on a list with six programs still "Scheduled" for 19-22 Nov 2026 and
12 Jan 2027, on 20 Feb 2027: the Today view said "Interviews in the next 14 days (0)",
`programs summary` said nothing of them, the rank list was built from the interviewed programs
only with no word of the six, and a rank at one of them read "Interview still to come". Now one
rule (engine.tracker.interview_passed) flags them wherever the season is told, with what to do:
record it as interviewed (on the booked day), give its new date, or withdraw it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.ranklist import Tracker, ranklist_data, resolve, simulate
from matchtui.engine.report import build_report, to_markdown
from matchtui.engine.tracker import interview_passed, summary, today_view
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankItem, RanklistState
from matchtui.widgets.program_table import ProgramTable
from tests.test_ranklist_pane import rendered

TODAY = dt.date(2027, 2, 20)
NOW = dt.datetime.combine(TODAY, dt.time(9, 0))


def program(name: str, **changes: Any) -> Program:
    base: dict[str, Any] = {
        "name": name,
        "state": "MO",
        "specialty": "internal_medicine",
        "tier": "community",
        "applied_on": dt.date(2026, 9, 2),
        "invited_on": dt.date(2026, 10, 20),
    }
    return Program.model_validate({**base, **changes})


def season() -> list[Program]:
    return [
        program("St. Louis IM", status="scheduled", interview_on=dt.date(2026, 11, 19)),
        program("Baltimore IM", status="scheduled", interview_on=dt.date(2027, 1, 12)),
        program("Today IM", status="scheduled", interview_on=TODAY),
        program(
            "Held IM",
            status="interviewed",
            interview_on=dt.date(2026, 11, 5),
            interviewed_on=dt.date(2026, 11, 5),
            thank_you_on=dt.date(2026, 11, 6),
        ),
    ]


def test_one_rule_tells_a_booked_day_gone_by() -> None:
    gone, january, today, held = season()
    assert interview_passed(gone, TODAY) and interview_passed(january, TODAY)
    assert not interview_passed(today, TODAY)  # today's interview is still to come
    assert not interview_passed(held, TODAY)  # recorded as held
    assert not interview_passed(gone, dt.date(2026, 11, 19))


def test_the_today_view_lists_them_apart_from_the_interviews_ahead() -> None:
    view = today_view(season(), NOW)
    assert [(p.name, p.on, p.days_ago) for p in view.passed] == [
        ("St. Louis IM", dt.date(2026, 11, 19), 93),
        ("Baltimore IM", dt.date(2027, 1, 12), 39),
    ]
    assert [u.name for u in view.upcoming] == ["Today IM"]
    assert not view.empty


def test_the_summary_names_them_and_says_what_to_do(
    catalog: Catalog, workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    data = summary(season(), catalog, "midwest", NOW)
    assert data["interview_passed"] == [
        {"name": "St. Louis IM", "date": "2026-11-19", "days_ago": 93},
        {"name": "Baltimore IM", "date": "2027-01-12", "days_ago": 39},
    ]
    workspace.save_programs(ProgramList(programs=season()))
    assert main(["--today", TODAY.isoformat(), "programs", "summary"]) == 0
    out = capsys.readouterr().out
    assert (
        "Interview date passed, not recorded: St. Louis IM (booked for 2026-11-19, 93 days ago)"
        in out
    )
    assert "Interview date passed, not recorded: Baltimore IM (booked for 2027-01-12" in out
    assert (
        "For each: record it as interviewed, give it its new date if it moved, or withdraw" in out
    )
    assert "Today IM" in out  # the interview today is still an interview ahead


def test_recording_it_as_interviewed_takes_the_booked_day(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    args = ["--today", TODAY.isoformat(), "programs", "set", "St. Louis IM"]
    assert main([*args, "--stage", "interviewed"]) == 0
    assert capsys.readouterr().out.strip() == "St. Louis IM: interviewed on 2026-11-19"
    held = workspace.load_programs().programs[0]
    assert (held.status, held.interviewed_on, held.interview_on) == (
        "interviewed",
        dt.date(2026, 11, 19),
        dt.date(2026, 11, 19),
    )


def test_the_rank_list_does_not_call_it_still_to_come(catalog: Catalog) -> None:
    data = ranklist_data(catalog)
    tracker = Tracker.of(season(), TODAY)
    ranks = [RankItem(program="Held IM"), RankItem(program="St. Louis IM")]
    texts = [w.text for w in simulate(resolve(ranks, tracker, data), data, tracker).warnings]
    gone = next(t for t in texts if t.startswith("Interview date gone by, not recorded"))
    assert "rank 2 'St. Louis IM' (booked for 2026-11-19, not recorded since)" in gone
    assert "record it as interviewed" in gone
    assert not any("still to come" in t and "St. Louis" in t for t in texts)
    # Baltimore is not on the list: the list is built from interviews recorded as held
    left = next(t for t in texts if "never recorded as held" in t and "'Baltimore IM'" in t)
    assert left.startswith("1 program on your program list had an interview booked")
    # Today's interview is still to come, as before
    today = [RankItem(program="Today IM")]
    texts = [w.text for w in simulate(resolve(today, tracker, data), data, tracker).warnings]
    assert any(t.startswith("Interview still to come: rank 1 'Today IM'") for t in texts)


def test_ranklist_check_and_the_report_say_it_too(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_profile: Profile
) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    ranks = tmp_path / "ranks.toml"
    ranks.write_text('[[ranks]]\nprogram = "Held IM"\n[[ranks]]\nprogram = "Baltimore IM"\n')
    assert main(["--today", TODAY.isoformat(), "ranklist", "check", str(ranks)]) == 0
    out = capsys.readouterr().out
    assert "Interview date gone by, not recorded: rank 2 'Baltimore IM'" in out
    assert "still to come" not in out
    plan = PlanFile(ranklist=RanklistState(items=[RankItem(program="Baltimore IM")]))
    report = to_markdown(
        build_report(
            demo_profile,
            workspace.catalog,
            today=TODAY,
            plan=plan,
            practice=None,
            programs=ProgramList(programs=season()),
        )
    )
    assert "Interview dates gone by, not recorded" in report
    assert "St. Louis IM (booked for 2026-11-19, 93 days ago)" in report
    assert "still to come" not in report


async def test_the_today_tab_flags_them_and_v_offers_the_booked_day(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("2")
        await pilot.pause()
        text = screen.query_one("#apps-today-text").plain
        assert "Interview dates gone by, not recorded (2)" in text
        assert "2026-11-19  93 days ago" in text and "St. Louis IM" in text
        assert "record it as interviewed" in text
        assert "Interviews in the next 14 days (1)" in text
        await pilot.press("1")
        await pilot.pause()
        table = screen.query_one("#apps-table", ProgramTable)
        table.move_cursor(table.rows.index(0))  # St. Louis IM, the first program
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#stage-date", Input).value == "2026-11-19"


async def test_the_rank_list_pane_warns_when_one_is_added(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=season()))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert [item.program for item in screen.items] == ["Held IM"]
        summary_text = rendered(screen.query_one("#rank-summary"), 200)
        assert "never recorded as held: 'St. Louis IM'; 'Baltimore IM'" in summary_text
        await pilot.press("a", *"St. Louis IM", "enter")
        await pilot.pause()
        summary_text = rendered(screen.query_one("#rank-summary"), 200)
        assert "Interview date gone by, not recorded: rank 2 'St. Louis IM'" in summary_text
        assert "still to come" not in summary_text
