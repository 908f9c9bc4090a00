"""The rank list's odds go by what the season has told, by one rule shared with the Mix estimate
and the SOAP kit, and show P(match) and P(unmatched) rounded once.

Found by an audit of the season features (February, the Match weeks away):

- three programs applied to and never invited gave P(match) 77% beside a warning that a program
  you did not interview at will not rank you; four such ranks added to seven interviews raised
  P(match) from 94% to 98%. Programs rank only applicants they interviewed (NRMP), so such a
  rank is no chance; an interview offered or booked and not yet held keeps its chance, flagged;
- a non-US IMG who needs a visa got 40% at two interviewed programs that sponsor none (85%
  P(match)) where the Mix pane counts such programs as none; the SOAP kit's list put one of
  them first and held all eight that sponsor none; the Mix pane said "4 invited so far" where
  the tracker counted 6 invitations (it left out the two that sponsor no visa);
- chances whose exact P(match) sat on a half showed P(match) 94%, a last "So far" of 95% and
  P(unmatched) 6%.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Static

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.engine.mix import estimate_list, verdict_for
from matchtui.engine.ranklist import (
    Estimates,
    Tracker,
    estimates_for,
    program_info,
    ranklist_data,
    resolve,
    simulate,
    soap_kit,
    soap_list,
)
from matchtui.engine.tracker import yields
from matchtui.engine.wording import percent
from matchtui.filenames import PLAN, PROFILE
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.models.ranklist import RankEntry
from matchtui.store import PROGRAMS, Store
from matchtui.tomlio import load_model

TODAY = dt.date(2027, 2, 20)  # the rank order list deadline weeks away

# The audit's applicant: a non-US IMG eight years out who needs a visa.
IMG_PROFILE = """schema_version = 2
cycle_year = 2027
[applicant]
name = "Non-US IMG 8y out visa"
situation = "not_in_training"
degree = "non_us_img"
graduation_year = 2019
visa = "needs_sponsorship"
home_region = "abroad"
lives_in = "abroad"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 230
step2_attempts = 1
step3 = "not_taken"
[targets]
specialties = ["internal_medicine"]
region = "northeast"
[clinical]
role = "clinical_job"
months_last_24 = 24
months_since_last = 0
"""


def im(name: str, status: str, tier: str = "community", **extra: Any) -> Program:
    return Program(
        name=name, state="NY", specialty="internal_medicine", tier=tier, status=status, **extra
    )


HELD = [
    im("Held Community 1", "interviewed"),
    im("Held Academic 2", "thanked", tier="academic"),
    im("Held Mid 3", "second_look", tier="mid_tier"),
]
NOT_INVITED = [
    im("Applied Community 4", "applied", applied_on=dt.date(2026, 9, 2)),
    im("Applied Academic 5", "applied", tier="academic", applied_on=dt.date(2026, 9, 2)),
    im("Planned Mid 6", "planned", tier="mid_tier"),
]
# The IMG's interviews: two at programs that sponsor no visa (one also takes graduates only up
# to 5 years out), two at programs that do; two invitations; and applications, among them a
# program past its years-out limit that never invited.
ASKED = dt.date(2026, 10, 20)
IMG_PROGRAMS = [
    im("Newark IM 1", "interviewed", visa_sponsor=False, yog_limit_years=5, invited_on=ASKED),
    im("Brooklyn IM 2", "interviewed", visa_sponsor=True, invited_on=ASKED),
    im("Bronx IM 3", "interviewed", tier="mid_tier", visa_sponsor=True, invited_on=ASKED),
    im("Pittsburgh IM 4", "invited", visa_sponsor=True, invited_on=dt.date(2026, 12, 1)),
    im("Hartford IM 5", "interviewed", visa_sponsor=False, invited_on=ASKED),
    im("Worcester IM 6", "applied", visa_sponsor=True, yog_limit_years=5),
    im("Providence IM 7", "invited", visa_sponsor=True, invited_on=dt.date(2026, 12, 3)),
    im("Scranton IM 8", "applied", visa_sponsor=False),
    im("Camden IM 9", "applied", visa_sponsor=True),
]


def img_profile(tmp_path: Path) -> Profile:
    path = tmp_path / "img_profile.toml"
    path.write_text(IMG_PROFILE, encoding="utf-8")
    return load_model(path, Profile)


def ranks(*names: str, chance: float | None = None) -> list[RankEntry]:
    return [RankEntry(program=name, chance=chance) for name in names]


def names(programs: list[Program]) -> list[str]:
    return [p.name for p in programs]


# --- engine -------------------------------------------------------------------------------------


def test_a_program_never_interviewed_at_adds_nothing_to_the_odds(catalog: Any) -> None:
    data = ranklist_data(catalog)
    tracker = Tracker.of([*HELD, *NOT_INVITED])
    estimates = Estimates(catalog, "internal_medicine")
    held = simulate(resolve(ranks(*names(HELD)), tracker, data), data, tracker, estimates)
    padded = simulate(
        resolve(ranks(*names(HELD), *names(NOT_INVITED)), tracker, data),
        data,
        tracker,
        estimates,
    )
    assert padded.p_unmatched == pytest.approx(held.p_unmatched, abs=1e-12)
    assert [r.chance_source for r in padded.ranks[3:]] == ["no interview"] * 3
    assert [r.chance for r in padded.ranks[3:]] == [0.0] * 3
    # A list of those alone cannot match, and a chance given for them does not change it.
    alone = simulate(resolve(ranks(*names(NOT_INVITED)), tracker, data), data, tracker, estimates)
    given = simulate(
        resolve(ranks(*names(NOT_INVITED), chance=0.4), tracker, data), data, tracker, estimates
    )
    assert alone.p_match == 0.0 and given.p_match == 0.0
    (warning,) = [w for w in given.warnings if w.id == "interview_not_recorded"]
    assert "'Applied Community 4' (applied, no invitation)" in warning.text
    assert "count as no chance" in warning.text


def test_an_interview_not_held_yet_keeps_its_chance_and_is_named(catalog: Any) -> None:
    data = ranklist_data(catalog)
    programs = [
        *HELD,
        im("Invited 7", "invited", invited_on=dt.date(2027, 1, 30)),
        im("Booked 8", "scheduled", interview_on=dt.date(2027, 2, 25)),
        im("Gone By 9", "scheduled", interview_on=dt.date(2027, 1, 12)),
    ]
    tracker = Tracker.of(programs)
    estimates = Estimates(catalog, "internal_medicine", today=TODAY)
    sim = simulate(resolve(ranks(*names(programs)), tracker, data), data, tracker, estimates)
    assert all(r.chance > 0 for r in sim.ranks)
    assert [r.pending for r in sim.ranks] == [False] * 3 + [True] * 3
    assert [r.mark for r in sim.ranks[3:]] == ["*?"] * 3
    texts = {w.id: w.text for w in sim.warnings}
    assert texts["interview_pending"].startswith(
        "Interview still to come: rank 4 'Invited 7' (invited, not scheduled); rank 5 'Booked 8' "
        "(interview scheduled for 2027-02-25)."
    )
    assert texts["interview_passed"].startswith(
        "Interview date gone by, not recorded: rank 6 'Gone By 9' (interview scheduled for "
        "2027-01-12)."
    )


def test_a_program_that_cannot_take_the_applicant_counts_as_none_as_in_the_mix(
    catalog: Any, tmp_path: Path
) -> None:
    data = ranklist_data(catalog)
    profile = img_profile(tmp_path)
    tracker = Tracker.of(IMG_PROGRAMS)
    estimates = estimates_for(catalog, profile)
    listed = ["Newark IM 1", "Hartford IM 5", "Brooklyn IM 2", "Bronx IM 3"]
    sim = simulate(resolve(ranks(*listed), tracker, data), data, tracker, estimates)
    open_only = simulate(resolve(ranks(*listed[2:]), tracker, data), data, tracker, estimates)
    assert [(r.chance, r.chance_source) for r in sim.ranks[:2]] == [(0.0, "closed")] * 2
    assert sim.p_unmatched == pytest.approx(open_only.p_unmatched, abs=1e-12)
    (warning,) = [w for w in sim.warnings if w.id == "cannot_take_you"]
    assert (
        "rank 1 'Newark IM 1' sponsors no visa, and you need one; rank 2 'Hartford IM 5' "
        "sponsors no visa, and you need one." in warning.text
    )
    # The one rule: the Mix estimate of the list counts the same programs as none.
    from matchtui.engine.programs import Eligibility, closed_to

    who = Eligibility.of(profile)
    closed = [p.name for p in IMG_PROGRAMS if closed_to(p, who)]
    assert closed == [p.name for p in IMG_PROGRAMS if closed_to(program_info(p), who)]
    assert closed == ["Newark IM 1", "Hartford IM 5", "Worcester IM 6", "Scranton IM 8"]
    mix = estimate_list(
        profile,
        catalog,
        ProgramList(programs=IMG_PROGRAMS),
        "internal_medicine",
        verdict_for(profile, catalog),
    )
    assert (mix.excluded_no_visa, mix.excluded_over_limit) == (3, 1)


def test_the_soap_list_leaves_off_the_programs_that_cannot_take_the_applicant(
    catalog: Any, tmp_path: Path
) -> None:
    from matchtui.engine.programs import Eligibility

    data = ranklist_data(catalog)
    tracker = Tracker.of(IMG_PROGRAMS)
    who = Eligibility.of(img_profile(tmp_path))
    assert [p.name for p in soap_list(tracker, data, who=who)] == [
        "Brooklyn IM 2",
        "Bronx IM 3",
        "Pittsburgh IM 4",
        "Providence IM 7",
        "Camden IM 9",
    ]
    kit = soap_kit(catalog, tracker, 2027, who)
    assert kit.programs[0].name == "Brooklyn IM 2"
    assert kit.closed == (
        ("Newark IM 1", "sponsors no visa, and you need one"),
        ("Hartford IM 5", "sponsors no visa, and you need one"),
        (
            "Worcester IM 6",
            "takes graduates only up to 5 years out, you are 8, and it has not invited you",
        ),
        ("Scranton IM 8", "sponsors no visa, and you need one"),
    )


def test_the_mix_counts_the_invitations_the_tracker_counts(catalog: Any, tmp_path: Path) -> None:
    profile = img_profile(tmp_path)
    mix = estimate_list(
        profile,
        catalog,
        ProgramList(programs=IMG_PROGRAMS),
        "internal_medicine",
        verdict_for(profile, catalog),
    )
    tracked = yields(IMG_PROGRAMS, catalog.region_of_state, "northeast")
    assert mix.invited == tracked.overall.invited == 6
    assert mix.invited_closed == 2  # Newark and Hartford: invited, but no visa


@pytest.mark.parametrize("chances", [(0.09, 0.5), (0.05, 0.1), (0.07, 0.5)])
def test_p_match_and_p_unmatched_are_rounded_once(
    catalog: Any, chances: tuple[float, float]
) -> None:
    data = ranklist_data(catalog)
    entries = [RankEntry(program=f"Own {i}", chance=c) for i, c in enumerate(chances)]
    sim = simulate(resolve(entries, Tracker(), data), data)
    assert percent(sim.p_so_far[-1]) == percent(sim.p_match)  # 55% against 54% before
    assert percent(sim.p_so_far[-1]) == sim.match_text
    assert int(sim.match_text[:-1]) + int(sim.unmatched_text[:-1]) == 100


def test_the_report_shows_the_same_odds_and_says_why(catalog: Any, tmp_path: Path) -> None:
    from matchtui.engine.report import build_report, to_markdown
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import RankItem, RanklistState

    profile = img_profile(tmp_path)
    listed = ["Newark IM 1", "Brooklyn IM 2", "Bronx IM 3", "Camden IM 9", "Pittsburgh IM 4"]
    plan = PlanFile(ranklist=RanklistState(items=[RankItem(program=n) for n in listed]))
    programs = ProgramList(programs=IMG_PROGRAMS)
    report = build_report(
        profile, catalog, today=TODAY, plan=plan, practice=None, programs=programs
    )
    md = to_markdown(report)
    assert "| 1 | Newark IM 1 | 0% | cannot take you: no chance | 0% |" in md
    assert "| 4 | Camden IM 9 | 0% | no interview: no chance | 0% |" in md
    assert "| 5 | Pittsburgh IM 4 |" in md and "; interview not held yet |" in md
    assert "rank 1 'Newark IM 1' sponsors no visa, and you need one" in md
    open_only = ["Brooklyn IM 2", "Bronx IM 3", "Pittsburgh IM 4"]
    data = ranklist_data(catalog)
    tracker = Tracker.of(IMG_PROGRAMS)
    sim = simulate(
        resolve(ranks(*open_only), tracker, data), data, tracker, estimates_for(catalog, profile)
    )
    assert report.facts.ranklist_p_unmatched == pytest.approx(sim.p_unmatched, abs=1e-12)
    assert f"P(match) {sim.match_text}, P(unmatched) {sim.unmatched_text};" in md


# --- CLI ----------------------------------------------------------------------------------------


def write_list(path: Path, entries: list[tuple[str, float | None]]) -> Path:
    lines = []
    for name, chance in entries:
        lines += ["[[ranks]]", f'program = "{name}"']
        if chance is not None:
            lines.append(f"chance = {chance}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli(*args: str) -> int:
    return main(["--today", TODAY.isoformat(), "ranklist", *args])


def test_simulate_gives_no_chance_at_programs_never_interviewed_at(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(home).save(PROGRAMS, ProgramList(programs=[*HELD, *NOT_INVITED]))
    path = write_list(tmp_path / "noint.toml", [(n, None) for n in names(NOT_INVITED)])
    assert cli("simulate", str(path)) == 0
    out = capsys.readouterr().out
    assert "P(match): 0%\nP(unmatched): 100%\n" in out
    assert "   1  Applied Community 4" in out and " 0%x " in out
    assert "x no way to match there" in out
    held = write_list(tmp_path / "held.toml", [(n, None) for n in names(HELD)])
    padded = write_list(tmp_path / "padded.toml", [(n, None) for n in names(HELD + NOT_INVITED)])
    assert cli("simulate", "--json", str(held)) == 0
    alone = json.loads(capsys.readouterr().out)["p_unmatched"]
    assert cli("simulate", "--json", str(padded)) == 0
    assert json.loads(capsys.readouterr().out)["p_unmatched"] == alone


def test_simulate_names_the_programs_that_cannot_take_the_applicant(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / PROFILE).parent.mkdir(parents=True, exist_ok=True)
    (home / PROFILE).write_text(IMG_PROFILE, encoding="utf-8")
    Store(home).save(PROGRAMS, ProgramList(programs=IMG_PROGRAMS))
    listed = ["Newark IM 1", "Hartford IM 5", "Brooklyn IM 2", "Bronx IM 3"]
    path = write_list(tmp_path / "img.toml", [(n, None) for n in listed])
    assert cli("simulate", str(path)) == 0
    out = capsys.readouterr().out
    assert "   1  Newark IM 1" in out.splitlines()[1] and " 0%x " in out.splitlines()[1]
    assert (
        "warning: Cannot take you, so counted as no chance (as the Mix estimate counts them): "
        "rank 1 'Newark IM 1' sponsors no visa, and you need one; rank 2 'Hartford IM 5' "
        "sponsors no visa, and you need one." in out
    )
    assert cli("simulate", "--json", str(path)) == 0
    with_them = json.loads(capsys.readouterr().out)
    without = write_list(tmp_path / "open.toml", [(n, None) for n in listed[2:]])
    assert cli("simulate", "--json", str(without)) == 0
    assert with_them["p_unmatched"] == json.loads(capsys.readouterr().out)["p_unmatched"]


def test_check_names_an_interview_whose_date_has_gone_by(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(home).save(
        PROGRAMS,
        ProgramList(
            programs=[
                *HELD,
                im("Gone By 9", "scheduled", interview_on=dt.date(2027, 1, 12)),
                im("Booked 8", "scheduled", interview_on=dt.date(2027, 2, 25)),
            ]
        ),
    )
    path = write_list(tmp_path / "l.toml", [("Gone By 9", None), ("Booked 8", None)])
    assert cli("check", str(path)) == 0
    out = capsys.readouterr().out
    assert "warning: Interview still to come: rank 2 'Booked 8'" in out
    assert "warning: Interview date gone by, not recorded: rank 1 'Gone By 9'" in out


def test_simulate_shows_p_match_and_p_unmatched_that_add_up(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path / "own.toml", [("Own One", 0.09), ("Own Two", 0.5)])
    assert cli("simulate", str(path)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].endswith("  54%")  # the last "So far"
    assert "P(match): 54%" in lines and "P(unmatched): 46%" in lines
    assert "One more program at 20%: P(unmatched) 46% -> 36%" in lines


# --- panes --------------------------------------------------------------------------------------


def rendered(widget: Static, width: int = 140) -> str:
    """The widget's text with its lines joined (the pane wraps them at its own width)."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return " ".join(console.export_text().split())


def img_home(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / PROFILE).write_text(IMG_PROFILE, encoding="utf-8")
    Store(home).save(PROGRAMS, ProgramList(programs=IMG_PROGRAMS))


async def test_the_rank_list_pane_counts_what_the_cli_counts(
    workspace: Any, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    img_home(home)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        # Built from the interviewed programs: Newark, Brooklyn, Bronx, Hartford.
        assert [r.chance_source for r in screen.sim.ranks] == [
            "closed",
            "estimate",
            "estimate",
            "closed",
        ]
        before = screen.sim.p_unmatched
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert "rank 1 'Newark IM 1' sponsors no visa, and you need one" in summary
        assert "rank 4 'Hartford IM 5' sponsors no visa" in summary
        await pilot.press("a", *"Camden IM 9", "enter")  # applied, never invited
        await pilot.pause()
        assert screen.items[-1].program == "Camden IM 9"
        assert screen.sim.ranks[-1].chance_source == "no interview"
        assert screen.sim.p_unmatched == before
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert f"P(match) {screen.sim.match_text} P(unmatched) {screen.sim.unmatched_text}" in (
            summary
        )
        await pilot.press("t", "t", "t")  # the SOAP kit
        await pilot.pause()
        soap = rendered(screen.query_one("#soap-text", Static))
        assert "1. Brooklyn IM 2 " in soap and ". Newark IM 1 " not in soap
        assert "Left off: 4 programs that cannot take you" in soap
        assert "- Newark IM 1: sponsors no visa, and you need one" in soap
        await app.workers.wait_for_complete()
    # The CLI on the list the pane saved gives the same P(unmatched).
    assert main(["--today", TODAY.isoformat(), "ranklist", "simulate", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["p_unmatched"] == pytest.approx(before, abs=1e-6)


async def test_the_rank_list_pane_rounds_p_match_once(workspace: Any, home: Path) -> None:
    from matchtui.models.plan import PlanFile
    from matchtui.models.ranklist import RankItem, RanklistState

    home.mkdir(parents=True, exist_ok=True)
    items = [RankItem(program="Own One", chance=0.09), RankItem(program="Own Two", chance=0.5)]
    Store(home).save(PLAN, PlanFile(ranklist=RanklistState(items=items)))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        summary = rendered(screen.query_one("#rank-summary", Static))
        assert "P(match) 54% P(unmatched) 46%" in summary
        assert f"unmatched 46% -> {screen.sim.unmatched_plus_one_text}" in summary
        assert percent(screen.sim.p_so_far[-1]) == "54%"


async def test_the_mix_pane_counts_every_invitation(workspace: Any, home: Path) -> None:
    from matchtui.widgets.mix_estimate import EstimatePanel

    img_home(home)
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        lines = app.screen.query_one(EstimatePanel).plain_lines
        (line,) = [x for x in lines if x.startswith("Your list")]
        assert line.endswith("(6 invited so far; 2 of those sponsor no visa, counted as none)")
