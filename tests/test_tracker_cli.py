"""`matchtui programs export/list/set/summary` and the import of the tracker columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.programs import neutralise, parse_csv, to_csv
from matchtui.models.programs import (
    PROGRAM_STATUSES,
    SIGNAL_KINDS,
    TRACKS,
    CostEntry,
    Program,
    ProgramList,
)

TRACKER_CSV = (
    "name,state,specialty,tier,nrmp_code,track,signal,applied_on,invited_on,respond_by,"
    "interview_on,interview_format,thank_you_on,second_look_on,status,travel_usd,notes\n"
    "Lake IM,WI,internal_medicine,community,1234140C0,categorical,gold,2026-09-24,2026-10-10,"
    "2026-10-13,2026-12-03,virtual,,,scheduled,,\n"
    "River IM,IL,internal_medicine,academic,,preliminary,silver,2026-09-24,2026-10-12,,"
    "2026-12-03,in person,,,scheduled,$420.50,flight booked\n"
    "Hill IM,NY,internal_medicine,mid_tier,,,none,2026-09-24,,,,,,,applied,,\n"
)


def _save(workspace: Any, programs: list[Program]) -> None:
    workspace.save_programs(ProgramList(programs=programs))


def test_import_reads_the_tracker_columns(catalog: Any) -> None:
    result = parse_csv(TRACKER_CSV, catalog)
    assert result.clean, result.problems
    lake, river, hill = result.programs
    assert (lake.nrmp_code, lake.signal, lake.status) == ("1234140C0", "gold", "scheduled")
    assert lake.respond_by == dt.date(2026, 10, 13) and lake.interview_format == "virtual"
    assert (river.track, river.interview_format) == ("preliminary", "in_person")
    assert river.costs == [CostEntry(kind="travel", usd=420.5, date=dt.date(2026, 12, 3))]
    assert hill.track == "categorical" and hill.signal == "none"


@pytest.mark.parametrize(
    ("cell", "column", "line"),
    [
        ("2026-9-24x", "applied_on", 3),
        ("12345", "nrmp_code", 3),
        ("platinum", "signal", 3),
        ("zoom call", "interview_format", 3),
    ],
)
def test_a_bad_tracker_cell_names_line_and_column_and_imports_nothing(
    tmp_path: Path,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    cell: str,
    column: str,
    line: int,
) -> None:
    header = "name,state,specialty,tier," + column + "\n"
    text = (
        header
        + "Good,WI,internal_medicine,community,\n"
        + f"Bad,WI,internal_medicine,community,{cell}\n"
    )
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: {column}" in err and "nothing imported" in err
    assert not (home / "programs.toml").exists()


def test_an_import_with_a_done_date_in_the_future_is_refused(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An interview recorded as held on a day still ahead was imported (a stage change with
    that date is refused); an interview booked ahead (interview_on) and a deadline are fine."""
    path = tmp_path / "in.csv"
    path.write_text(
        "name,state,specialty,tier,status,interview_on,respond_by,interviewed_on\n"
        "Booked,WI,internal_medicine,community,scheduled,2027-01-05,2026-12-10,\n"
        "Held,WI,internal_medicine,community,interviewed,,,2027-01-05\n",
        encoding="utf-8",
    )
    assert main(["--today", "2026-12-03", "programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: interviewed_on: 2027-01-05 is in the future (today is 2026-12-03)" in err
    assert "interview_on" in err and "nothing imported" in err
    assert not (home / "programs.toml").exists()
    assert main(["--today", "2027-01-06", "programs", "import", str(path)]) == 0


def _big_list(count: int) -> ProgramList:
    rng = random.Random(16)
    states = ["NY", "CA", "TX", "WI", "IL", "FL", "MA", "WA"]
    programs = []
    for i in range(count):
        status = rng.choice(PROGRAM_STATUSES)
        interview = dt.date(2026, 11, 1) + dt.timedelta(days=rng.randrange(90))
        dated = status not in ("planned",)
        programs.append(
            Program(
                name=rng.choice(["=SUM(A1)", "+1 Health", "-Dash", "@home", "Plain"]) + f" {i}",
                city=f"City {i % 97}",
                state=rng.choice(states),
                specialty=rng.choice(["internal_medicine", "psychiatry", "pediatrics"]),
                tier=rng.choice(["academic", "mid_tier", "community"]),
                nrmp_code=f"{i:04d}140C0" if i % 3 == 0 else None,
                track=rng.choice(TRACKS),
                signal=rng.choice(SIGNAL_KINDS),
                yog_limit_years=rng.choice([None, 3, 5]),
                visa_sponsor=rng.choice([None, True, False]),
                status=status,
                applied_on=dt.date(2026, 9, 24) if dated else None,
                invited_on=dt.date(2026, 10, 10) if dated and i % 2 else None,
                respond_by=dt.date(2026, 10, 14) if dated and i % 4 == 1 else None,
                interview_on=interview if dated and i % 2 else None,
                interview_format=rng.choice(["virtual", "in_person"]) if dated and i % 2 else None,
                interviewed_on=interview if status == "interviewed" else None,
                thank_you_on=dt.date(2027, 2, 1) if status == "thanked" else None,
                second_look_on=dt.date(2027, 2, 2) if status == "second_look" else None,
                rejected_on=dt.date(2026, 11, 2) if status == "rejected" else None,
                withdrawn_on=dt.date(2026, 11, 3) if status == "withdrawn" else None,
                ranked_on=dt.date(2027, 2, 20) if status == "ranked" else None,
                notes=rng.choice(["", "liked the PD", "=cmd|' /C calc'!A0", 'quote "x", comma']),
                costs=(
                    [CostEntry(kind="travel", usd=round(rng.uniform(50, 900), 2), date=interview)]
                    if dated and i % 2 and i % 5 == 0
                    else []
                ),
            )
        )
    return ProgramList(programs=programs)


def test_csv_round_trip_of_5000_programs(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _big_list(5000)
    workspace.save_programs(original)
    out = tmp_path / "list.csv"
    assert main(["programs", "export", str(out)]) == 0
    assert "wrote 5000 programs" in capsys.readouterr().out
    # no cell a spreadsheet would run as a formula
    for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    # A day after every date of the generated list (it records interviews into February).
    assert main(["--today", "2027-06-01", "programs", "import", str(out), "--replace"]) == 0
    assert workspace.load_programs() == original


def test_lodging_and_other_costs_survive_an_export_and_import(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export wrote travel only: a program's lodging ($250) and other costs ($40) were gone
    after a round trip through CSV."""
    day = dt.date(2026, 11, 20)
    program = Program(
        name="Lake IM",
        state="WI",
        specialty="internal_medicine",
        tier="community",
        status="interviewed",
        interview_on=day,
        interviewed_on=day,
        costs=[
            CostEntry(kind="travel", usd=300, date=day),
            CostEntry(kind="travel", usd=20.5, date=day),
            CostEntry(kind="lodging", usd=250, date=day),
            CostEntry(kind="other", usd=40, date=day),
        ],
    )
    _save(workspace, [program])
    out = tmp_path / "list.csv"
    assert main(["programs", "export", str(out)]) == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert (row["travel_usd"], row["lodging_usd"], row["other_usd"]) == ("320.5", "250", "40")
    assert main(["--today", "2026-12-03", "programs", "import", str(out), "--replace"]) == 0
    back = workspace.load_programs().programs[0]
    assert {kind: back.cost_usd(kind) for kind in ("travel", "lodging", "other")} == {
        "travel": 320.5,
        "lodging": 250,
        "other": 40,
    }
    assert all(entry.date == day for entry in back.costs)


def test_neutralise() -> None:
    assert [neutralise(c) for c in ("=1+2", "+x", "-y", "@z", "ok", "'=a")] == [
        "'=1+2",
        "'+x",
        "'-y",
        "'@z",
        "ok",
        "'=a",
    ]
    one = ProgramList(
        programs=[
            Program(name="=HYPERLINK(1)", state="NY", specialty="psychiatry", tier="academic")
        ]
    )
    assert "'=HYPERLINK(1)" in to_csv(one)


def test_export_refuses_to_overwrite_without_force(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.csv"
    target.write_text("keep", encoding="utf-8")
    assert main(["programs", "export", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "keep"
    assert main(["programs", "export", str(target), "--force"]) == 0


def test_ics_export_has_each_interview(workspace: Any, tmp_path: Path) -> None:
    from icalendar import Calendar

    _save(
        workspace,
        [
            Program(
                name="Lake IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="scheduled",
                interview_on=dt.date(2026, 12, 3),
                interview_format="virtual",
                nrmp_code="1234140C0",
            ),
            Program(
                name="Gone",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="withdrawn",
                interview_on=dt.date(2026, 12, 4),
            ),
            Program(name="Planned", state="WI", specialty="internal_medicine", tier="community"),
        ],
    )
    out = tmp_path / "interviews.ics"
    assert main(["programs", "export", "--ics", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2  # the withdrawn one as cancelled (tests/test_interview_ics_uid.py)
    assert str(events[0]["summary"]) == "Interview: Lake IM (virtual)"
    assert events[0].decoded("dtstart") == dt.date(2026, 12, 3)
    assert "STATUS" not in events[0] and str(events[1]["status"]) == "CANCELLED"


def test_export_takes_o_as_report_does_and_a_wrong_option_points_at_its_command(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`programs export --ics -o FILE` (as `report -o FILE` is written) was refused with
    'unrecognized arguments: -o (see matchtui --help)', the top-level help, which does not
    list export's options."""
    _save(
        workspace,
        [Program(name="Planned", state="WI", specialty="internal_medicine", tier="community")],
    )
    out = tmp_path / "list.csv"
    assert main(["programs", "export", "-o", str(out)]) == 0
    assert out.read_text().startswith("name,")
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["programs", "export", "--icss", str(tmp_path / "x.ics")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "matchtui: error: unrecognized arguments: --icss (see matchtui programs export --help)"
    )
    assert main(["programs", "export"]) == 2
    assert "matchtui programs export FILE (or -o FILE)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["programs", "set", "Planned"])
    assert "(see matchtui programs set --help)" in capsys.readouterr().err


def test_set_moves_a_program_and_refuses_bad_moves(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _save(
        workspace,
        [
            Program(
                name="Lake IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                nrmp_code="1234140C0",
                status="applied",
                applied_on=dt.date(2026, 9, 24),
            ),
            Program(name="River IM", state="IL", specialty="internal_medicine", tier="academic"),
        ],
    )
    args = [
        "programs",
        "set",
        "1234140c0",
        "--stage",
        "invited",
        "--date",
        "2026-10-10",
        "--respond-by",
        "2026-10-13",
        "--today",
        "2026-11-30",
    ]
    assert main(args) == 0
    lake = workspace.load_programs().programs[0]
    assert (lake.status, lake.invited_on, lake.respond_by) == (
        "invited",
        dt.date(2026, 10, 10),
        dt.date(2026, 10, 13),
    )
    capsys.readouterr()
    # interviewed straight from invited: not a sensible move
    assert main(["programs", "set", "Lake IM", "--stage", "interviewed"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot go from invited to interviewed" in err
    assert main(["programs", "set", "Nowhere General", "--stage", "applied"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no program on your list matches 'Nowhere General'" in err
    assert main(["programs", "set", "river im", "--stage", "nap"]) == 2
    assert "not one of" in capsys.readouterr().err
    # a future interview date is fine for "scheduled", not for "interviewed"
    assert (
        main(
            [
                "programs",
                "set",
                "Lake",
                "--stage",
                "scheduled",
                "--date",
                "2026-12-09",
                "--today",
                "2026-11-30",
                "--format",
                "in_person",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(
            [
                "programs",
                "set",
                "Lake",
                "--stage",
                "interviewed",
                "--date",
                "2026-12-09",
                "--today",
                "2026-11-30",
            ]
        )
        == 2
    )
    assert "is in the future" in capsys.readouterr().err
    assert workspace.load_programs().programs[0].status == "scheduled"


def test_list_filters_by_stage_and_prints_json(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _save(
        workspace,
        [
            Program(
                name="A",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="applied",
                applied_on=dt.date(2026, 9, 24),
            ),
            Program(name="B", state="CA", specialty="psychiatry", tier="academic"),
        ],
    )
    assert main(["programs", "list", "--stage", "applied", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["region"], r["applied_on"]) for r in rows] == [
        ("A", "midwest", "2026-09-24")
    ]
    assert main(["programs", "list"]) == 0
    out = capsys.readouterr().out
    assert "2 programs" in out and "Applied" in out


def test_summary_json(workspace: Any, capsys: pytest.CaptureFixture[str]) -> None:
    _save(
        workspace,
        [
            Program(
                name="A",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                signal="gold",
                status="scheduled",
                interview_on=dt.date(2026, 12, 3),
            ),
            Program(
                name="B",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="scheduled",
                interview_on=dt.date(2026, 12, 3),
            ),
            Program(
                name="C",
                state="CA",
                specialty="internal_medicine",
                tier="community",
                status="applied",
            ),
        ],
    )
    assert main(["programs", "summary", "--json", "--today", "2026-11-30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 3 and data["by_stage"]["scheduled"] == 2
    assert data["yield_by_signal"]["gold"] == {"applied": 1, "invited": 1, "rate": 1.0}
    assert data["yield_in_target_region"] == {"applied": 2, "invited": 2, "rate": 1.0}
    assert [u["name"] for u in data["upcoming"]] == ["A", "B"]
    assert data["clashes"] == [{"date": "2026-12-03", "programs": ["A", "B"]}]
    assert data["costs_usd"]["eras"] == 33 and data["costs_usd"]["nrmp"] == 85
    assert data["costs_usd"]["total"] == 118
    assert main(["programs", "summary", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 programs\n") and "Clash on 2026-12-03: A, B" in out
    # every sum of money in cents, as the Costs view shows them (it read "ERAS $33 ... $118.00")
    assert "Costs: ERAS $33.00, NRMP $85.00, your own $0.00; total $118.00" in out


def test_counts_of_one_read_in_the_singular(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found with a first program on the list: `programs summary` began '1 programs', and
    `mix --apps 1` read '1 applications' and '1 programs'."""
    args = ["programs", "add", "Toledo Hospital IM", "--state", "OH", "--tier", "community"]
    assert main([*args, "--specialty", "Internal Medicine"]) == 0
    capsys.readouterr()
    assert main(["programs", "summary", "--today", "2026-11-30"]) == 0
    assert capsys.readouterr().out.startswith("1 program\n")
    assert main(["mix", "--apps", "1", "--mix", "0,0,100"]) == 0
    out = capsys.readouterr().out
    assert ", 1 application (estimate" in out and "100%    1 program\n" in out
    assert re.search(r"\b1 (programs|applications)\b", out) is None, out
    assert "Only 0 of 1 program (" in out  # the warning for few in the region


def test_summary_of_an_empty_list_says_so(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """No program applied to: the signal line says so rather than ending blank (it did)."""
    assert main(["programs", "summary", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "By signal: no applications yet" in out
    assert all(not line.endswith(": ") for line in out.splitlines())
    # and how to start one (it said only "0 programs")
    assert out.splitlines()[0].startswith("0 programs (import a list with `matchtui programs")


def test_add_puts_one_program_on_the_list_and_refuses_a_repeat(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`programs add`: the Applications pane's Add from the command line (the same reading)."""
    args = ["programs", "add", "Akron General", "--state", "Ohio", "--tier", "community"]
    assert main([*args, "--specialty", "Internal Medicine", "--signal", "gold"]) == 0
    assert "Akron General: added to" in capsys.readouterr().out
    (program,) = workspace.load_programs().programs
    assert (program.state, program.specialty, program.signal, program.status) == (
        "OH",
        "internal_medicine",
        "gold",
        "planned",
    )
    assert main([*args[:2], "akron  general", *args[3:], "--specialty", "internal_medicine"]) == 2
    assert "is in your list already" in capsys.readouterr().err
    assert main([*args, "--specialty", "internal_medicine", "--code", "12"]) == 2
    assert "nrmp_code: '12' is not a 9-character NRMP code" in capsys.readouterr().err
    assert len(workspace.load_programs().programs) == 1


def test_remove_takes_one_program_off_by_name_or_code(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = [
        Program(name="Akron General", state="OH", specialty="internal_medicine", tier="community"),
        Program(
            name="Lakeshore IM",
            state="WI",
            specialty="internal_medicine",
            tier="academic",
            nrmp_code="1234140C0",
        ),
    ]
    workspace.save_programs(ProgramList(programs=listed))
    assert main(["programs", "remove", "1234140C0"]) == 0
    assert capsys.readouterr().out.startswith("Lakeshore IM: removed from ")
    assert main(["programs", "remove", "Nowhere General"]) == 2
    assert "Nowhere General" in capsys.readouterr().err
    assert [p.name for p in workspace.load_programs().programs] == ["Akron General"]


def test_back_undoes_the_last_stage_move(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _save(
        workspace,
        [
            Program(
                name="Lake IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="withdrawn",
                applied_on=dt.date(2026, 9, 24),
                withdrawn_on=dt.date(2026, 11, 2),
            ),
            Program(name="River IM", state="IL", specialty="internal_medicine", tier="academic"),
        ],
    )
    assert main(["programs", "back", "lake im"]) == 0
    assert capsys.readouterr().out == "Lake IM: back to applied (2026-11-02 cleared)\n"
    saved = workspace.load_programs().programs[0]
    assert (saved.status, saved.withdrawn_on, saved.applied_on) == (
        "applied",
        None,
        dt.date(2026, 9, 24),
    )
    assert main(["programs", "back", "River IM"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("matchtui: error: River IM: planned is the first stage")
    assert err.count("\n") == 1


def test_a_dash_exports_to_standard_output(
    workspace: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """`programs export --ics -` and `report -o -` wrote a file named '-' in the current folder;
    '-' is standard output, as `practice --answer-file -` reads standard input."""
    _save(
        workspace,
        [
            Program(
                name="Lake IM",
                state="WI",
                specialty="internal_medicine",
                tier="community",
                status="scheduled",
                invited_on=dt.date(2026, 10, 5),
                interview_on=dt.date(2026, 12, 15),
            )
        ],
    )
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["programs", "export", "--ics", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCALENDAR") and "Interview: Lake IM" in out
    assert main(["programs", "export", "-o", "-"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("Lake IM,")
    assert main(["report", "-o", "-", "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Advisor report:")
    assert list(here.iterdir()) == []


def test_a_stage_date_may_be_written_as_a_us_date(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--date 11/30/2026` was refused as not a date, though only one order makes a date of
    it; `05/11/2026` could be either and is asked for in full."""
    _save(
        workspace,
        [
            Program(
                name="River IM",
                state="IL",
                specialty="internal_medicine",
                tier="academic",
                status="applied",
                applied_on=dt.date(2026, 9, 24),
            )
        ],
    )
    base = ["programs", "set", "River IM", "--stage", "invited", "--today", "2026-12-01"]
    assert main([*base, "--date", "05/11/2026"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--date: '05/11/2026' could be 2026-05-11 or 2026-11-05 (write it as YYYY-MM-DD)" in err
    assert main([*base, "--date", "11/30/2026"]) == 0
    assert workspace.load_programs().programs[0].invited_on == dt.date(2026, 11, 30)


def test_a_respond_by_date_passed_reads_overdue_in_the_command_as_in_the_pane(
    workspace: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found with an invitation whose respond-by date had passed: `programs summary` said
    'Answer invitation: Hartford (-1404 h left)' where the Applications pane said '1404 h
    overdue'. Both now say it one way (engine.tracker.time_to_answer), in days past two."""
    from rich.style import Style

    from matchtui.engine.tracker import time_to_answer, today_view
    from matchtui.widgets.tracker_views import today_text

    _save(
        workspace,
        [
            Program(
                name="Hartford",
                state="CT",
                specialty="internal_medicine",
                tier="community",
                status="invited",
                invited_on=dt.date(2026, 10, 2),
                respond_by=dt.date(2026, 10, 6),
            ),
            Program(
                name="Newark",
                state="NJ",
                specialty="internal_medicine",
                tier="community",
                status="invited",
                invited_on=dt.date(2026, 12, 3),
                respond_by=dt.date(2026, 12, 4),
            ),
        ],
    )
    assert main(["programs", "summary", "--today", "2026-12-04"]) == 0
    out = capsys.readouterr().out
    assert "Answer invitation: Hartford (58 days overdue)" in out, out
    # --today keeps the clock's time of day: the hours left to the end of that day vary
    assert re.search(r"Answer invitation: Newark \((\d+) h left\)", out), out
    assert "-" not in "".join(line for line in out.splitlines() if "Answer" in line)
    assert time_to_answer(None) == "no respond-by date"
    assert time_to_answer(47.6) == "48 h left" and time_to_answer(49) == "2 days left"
    view = today_view(workspace.load_programs().programs, dt.datetime(2026, 12, 4, 0, 0))
    pane = today_text(view, Style(color="red")).plain
    assert "58 days overdue" in pane and "24 h left" in pane
