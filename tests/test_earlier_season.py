"""Last season's programs after switching to the next Match.

Found by an auditor: with the profile moved on to the next Match (cycle_year + 1), `programs
summary` still said "Answer invitation: Milwaukee ... (181 days overdue)" and the thank-you
notes of the Match gone by, and `ranklist simulate` counted last season's interviews in the new
odds. Re-applicants, the main users, meet this first. Now a program whose dates all come
before the profile's Match opened (dates.toml `eras_opens`) is that earlier Match's
(engine.tracker.earlier_season): left out of the reminders, named once as set aside, and its
interview counts as no chance in the new rank list. A program applied to again gets a new date
and counts again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.calendar import season_date
from matchtui.engine.tracker import earlier_season, season_of, today_view
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.tracker_views import today_text

NEXT = 2028  # the Match the profile moves on to
TODAY = dt.date(2027, 6, 1)  # after the 2027 Match, the 2028 season about to open
WAITING = Program(  # last season's invitation, never answered
    name="Milwaukee Community IM",
    state="WI",
    specialty="internal_medicine",
    tier="community",
    status="invited",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2026, 11, 20),
    respond_by=dt.date(2026, 11, 27),
)
HELD = Program(  # last season's interview, no thank-you sent
    name="Cleveland Academic IM",
    state="OH",
    specialty="internal_medicine",
    tier="academic",
    nrmp_code="1000000C0",
    status="interviewed",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2026, 10, 10),
    interview_on=dt.date(2026, 11, 5),
    interviewed_on=dt.date(2026, 11, 5),
)
AGAIN = Program(  # applied to again for the new Match: this season's
    name="Columbus Mid Tier IM",
    state="OH",
    specialty="internal_medicine",
    tier="mid_tier",
    status="invited",
    applied_on=dt.date(2026, 9, 2),
    invited_on=dt.date(2027, 9, 30),
    respond_by=dt.date(2027, 10, 7),
)


def _profile_for(home: Path, year: int) -> None:
    assert main(["--today", TODAY.isoformat(), "assess", "--json"]) == 0  # seeds the demo
    profile = home / "profile.toml"
    text = profile.read_text()
    profile.write_text(text.replace("cycle_year = 2027", f"cycle_year = {year}", 1))


def test_the_rule(catalog: Catalog) -> None:
    season = season_of(catalog, NEXT)
    opens = season_date(catalog, NEXT, "eras_opens").date
    assert season.opens.date == opens
    assert earlier_season(WAITING, season) and earlier_season(HELD, season)
    assert not earlier_season(AGAIN, season)  # one date in this season is enough
    assert not earlier_season(HELD, season_of(catalog, NEXT - 1))  # its own Match
    planned = Program(name="New", state="OH", specialty="internal_medicine", tier="academic")
    assert not earlier_season(planned, season)  # no date: this season's


def test_the_reminders_leave_them_out_and_say_so(
    workspace: Any, home: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    _profile_for(home, NEXT)
    workspace.save_programs(ProgramList(programs=[WAITING, HELD]))
    capsys.readouterr()
    assert main(["--today", TODAY.isoformat(), "programs", "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["waiting"] == [] and data["thank_you_due"] == []
    assert data["earlier_match"]["programs"] == [WAITING.name, HELD.name]
    assert data["earlier_match"]["match_year"] == NEXT
    assert main(["--today", TODAY.isoformat(), "programs", "summary"]) == 0
    out = capsys.readouterr().out
    assert "Answer invitation" not in out and "Thank-you not sent" not in out
    assert f"From an earlier Match: 2 programs whose dates all come before the {NEXT}" in out
    # the pane's Today view, from the same view
    view = today_view(
        [WAITING, HELD], dt.datetime.combine(TODAY, dt.time(9)), season=season_of(catalog, NEXT)
    )
    shown = today_text(view, Style()).plain
    assert "From an earlier Match (2)" in shown and "Invitations waiting for an answer (0)" in shown
    # on the Match they belong to, they are reminders as before
    before = today_view(
        [WAITING, HELD],
        dt.datetime.combine(dt.date(2026, 12, 1), dt.time(9)),
        season=season_of(catalog, NEXT - 1),
    )
    assert [w.name for w in before.waiting] == [WAITING.name] and before.set_aside is None


def test_the_new_odds_do_not_count_last_seasons_interviews(
    workspace: Any, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this_season = HELD.model_copy(
        update={
            "name": "Akron General IM",
            "nrmp_code": None,
            "applied_on": dt.date(2027, 9, 3),
            "invited_on": dt.date(2027, 10, 1),
            "interview_on": dt.date(2027, 11, 5),
            "interviewed_on": dt.date(2027, 11, 5),
        }
    )
    _profile_for(home, NEXT)
    workspace.save_programs(ProgramList(programs=[HELD, this_season]))
    ranks = tmp_path / "ranks.toml"
    ranks.write_text(
        f'[[ranks]]\nprogram = "{HELD.name}"\n\n[[ranks]]\nprogram = "{this_season.name}"\n'
    )
    capsys.readouterr()
    day = "2028-02-20"
    assert main(["--today", day, "ranklist", "simulate", str(ranks), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    chances = [(r["program"], r["chance"]) for r in data["ranks"]]
    assert chances[0] == (HELD.name, 0.0) and chances[1][1] > 0
    warned = next(w["text"] for w in data["warnings"] if w["id"] == "not_this_match")
    assert f"rank 1 '{HELD.name}' is from an earlier Match" in warned
