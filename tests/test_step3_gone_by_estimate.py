"""A Step 3 booked for a day gone by is no pass for the Program mix until its result is recorded.

Found with a US MD graduate six years out whose profile still said Step 3 "scheduled" for 1 Oct
2026 on 5 Dec 2026: the Reality check said the date had gone by and asked for the result, but
`matchtui mix` read the booking as one made in time ("No Step 3 ...: no: -0.00") and gave 63%,
the figure of a pass, where the same profile without Step 3 reads 53%. The estimate now reads
the booking by the Reality check's own rule (engine.assess.step3_booking, with the caller's
today): a day gone by with no result recorded counts as not taken, as does a result after rank
lists close ('late'); a day ahead with its result in time counts as booked. Its assumptions say
which, in the CLI, the Mix pane and the report alike."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, inputs_of, missing_step3, recommended_mix
from matchtui.engine.report import build_report
from matchtui.models.mix import MixEstimate
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.screens.mix import MixScreen
from matchtui.workspace import demo_profile_path
from tests.test_assess_engine import make

TODAY = dt.date(2026, 12, 5)
GONE_BY = dt.date(2026, 10, 1)  # result about 29 Oct 2026: in time, but the day has passed
# The 2027 Match's rank lists close 3 Mar 2027; a result about four weeks after 20 Feb is later.
LATE = dt.date(2027, 2, 20)
AHEAD = dt.date(2027, 1, 15)  # result about 12 Feb 2027: in time


def graduate(**exams: Any) -> Profile:
    return make(applicant__graduation_year=2021, **{f"exams__{k}": v for k, v in exams.items()})


def booked(day: dt.date) -> Profile:
    return graduate(step3="scheduled", step3_year=None, step3_date=day.isoformat())


def figures(profile: Profile, catalog: Catalog, today: dt.date | None) -> MixEstimate:
    return estimate(profile, catalog, recommended_mix(profile, catalog), today=today)


def step3_line(found: MixEstimate) -> str:
    return next(a.value for a in found.assumptions if "booked for" in a.name)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("day", "today", "verdict", "counted_missing", "said"),
    [
        (GONE_BY, TODAY, "date_passed", True, "the day booked has gone by"),
        (LATE, TODAY, "late", True, "after rank lists close (2027-03-03)"),
        (LATE, dt.date(2027, 2, 25), "late", True, "the day booked has gone by"),
        (AHEAD, TODAY, "scheduled", False, "counted as booked in time"),
        (GONE_BY, dt.date(2026, 9, 1), "scheduled", False, "counted as booked in time"),
    ],
)
def test_the_estimate_reads_a_booking_as_the_reality_check_does(
    catalog: Catalog,
    day: dt.date,
    today: dt.date,
    verdict: str,
    counted_missing: bool,
    said: str,
) -> None:
    profile = booked(day)
    assert assess(profile, catalog, today=today).step3.verdict == verdict
    assert missing_step3(profile, catalog, today) is counted_missing
    assert inputs_of(profile, catalog, today).no_step3 is counted_missing
    found = figures(profile, catalog, today)
    missing = figures(graduate(step3="not_taken", step3_year=None), catalog, today)
    passed = figures(graduate(), catalog, today)
    assert found.p_match == (missing if counted_missing else passed).p_match
    assert missing.p_match < passed.p_match
    no_step3 = next(a for a in found.assumptions if a.name.startswith("No Step 3"))
    assert no_step3.value.startswith("yes" if counted_missing else "no")  # type: ignore[union-attr]
    assert said in step3_line(found)
    assert ("not taken" in step3_line(found)) is counted_missing


def test_without_a_today_no_day_is_gone_by(catalog: Catalog) -> None:
    """As the Reality check without a today: the engine never reads the clock."""
    profile = booked(GONE_BY)
    assert assess(profile, catalog).step3.verdict == "scheduled"
    assert not missing_step3(profile, catalog)
    assert "counted as booked in time" in step3_line(figures(profile, catalog, None))


def test_the_reality_action_no_longer_says_every_pane_reads_it_as_booked(
    catalog: Catalog,
) -> None:
    action = assess(booked(GONE_BY), catalog, today=TODAY).action("record_step3")
    assert action is not None
    assert "every pane still reads the exam as booked" not in action.text
    assert "Program mix" in action.text


def test_the_report_uses_its_today(catalog: Catalog) -> None:
    profile = booked(GONE_BY)
    plan = PlanFile(mix=recommended_mix(profile, catalog))
    report = build_report(profile, catalog, today=TODAY, plan=plan, practice=None)
    assert report.facts.p_match == figures(profile, catalog, TODAY).p_match
    assert report.facts.p_match != figures(profile, catalog, None).p_match
    earlier = build_report(profile, catalog, today=dt.date(2026, 9, 1), plan=plan, practice=None)
    assert earlier.facts.p_match == figures(graduate(), catalog, TODAY).p_match


def _gone_by_toml(tmp_path: Path) -> Path:
    text = demo_profile_path().read_text()
    old = 'step3 = "passed"\nstep3_year = 2024'
    assert old in text
    path = tmp_path / "gone.toml"
    path.write_text(text.replace(old, 'step3 = "scheduled"\nstep3_date = 2026-10-01'))
    return path


def test_cli_mix_takes_today(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _gone_by_toml(tmp_path)

    def chance(today: str) -> tuple[float, str | None]:
        assert main(["--today", today, "mix", "--profile", str(path), "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        line = next((a["value"] for a in found["assumptions"] if "booked for" in a["name"]), None)
        return found["p_match"], line

    after, said_after = chance(TODAY.isoformat())
    before, said_before = chance("2026-09-01")
    assert after < before  # the same profile, its booked day gone by on the later day
    assert said_after is not None and "gone by" in said_after
    assert said_before is not None and "counted as booked in time" in said_before
    assert main(["--today", TODAY.isoformat(), "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Step 3 booked for 2026-10-01" in out and "the day booked has gone by" in out


async def test_the_mix_pane_takes_the_apps_today(
    workspace: Any, catalog: Catalog, demo_profile: Profile
) -> None:
    data = demo_profile.model_dump(mode="json")
    data["exams"].update(step3="scheduled", step3_year=None, step3_date=GONE_BY.isoformat())
    profile = Profile.model_validate(data)
    workspace.save_profile(profile)
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        plan = screen.current_plan()
        expected = estimate(profile, catalog, plan, today=TODAY)
        assert screen.result.p_match == expected.p_match
        assert screen.result.p_match != estimate(profile, catalog, plan).p_match
        assert "the day booked has gone by" in step3_line(screen.result)
