"""The Mix estimate says why a favourable Reality check verdict can stand beside a low figure.

Found in audit C. A US-citizen IMG two years out in psychiatry (Step 2 CK 228, one unmatched
cycle, raised in Florida with rotations and letters from the South) read "Risk LOW  Home VERY
HIGH" on the Reality check and "Anywhere 13-40%", "In region 7-27%" on the Mix pane; a US MD
twelve years out read "Home VERY HIGH" beside "In region 1-11%, point 3%". The estimate only
explained the opposite cases (a high risk tier, a low back-home rating beside a high figure).
Now the range note says the tier rates the re-entry factors alone while the estimate is anchored
to the group's published rate, and the region note says the back-home rating reads the ties and
multiplies a chance held down by the group's rate and the score; every number in them is the
estimate's own. The command, the pane and the report show the same sentences."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.engine.report import build_report, to_text
from matchtui.engine.wording import percent
from matchtui.models.mix import mix_data
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from matchtui.screens.mix import MixScreen
from matchtui.widgets.mix_estimate import EstimatePanel

TODAY = dt.date(2026, 12, 5)

# Audit C's c3: every verdict of the Reality check reads well, the estimate does not.
US_IMG_PSYCH = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "US-citizen IMG, two years out, psychiatry"
situation = "not_in_training"
degree = "us_img"
graduation_year = 2025
visa = "none"
home_region = "south"
lives_in = "south"
[exams]
step1 = "pass"
step2_score = 228
step3 = "scheduled"
step3_date = 2027-01-14
[[history.cycles]]
year = 2026
specialty = "psychiatry"
outcome = "unmatched"
soap = true
[targets]
specialties = ["psychiatry"]
region = "south"
[clinical]
role = "clinical_research"
months_last_24 = 10
months_since_last = 0
[[ties]]
kind = "grew_up"
region = "south"
note = "Raised in Jacksonville, Florida."
[[rotations]]
region = "south"
status = "done"
specialty = "psychiatry"
[[letters]]
specialty = "psychiatry"
region = "south"
months_ago = 5
saw_real_work = true
[[letters]]
specialty = "psychiatry"
region = "south"
months_ago = 8
saw_real_work = true
[narrative]
why_home = "Florida is where I am from and I want to stay near my family."
"""

# Audit C's c8: a high risk the estimate agrees with, and a very high back-home rating it does not.
MD_TWELVE_YEARS_OUT = """\
schema_version = 2
cycle_year = 2028
[applicant]
name = "US MD, twelve years out, internal medicine"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2016
visa = "none"
home_region = "south"
lives_in = "south"
[exams]
step1 = "pass"
step1_attempts = 2
step2_score = 221
step3 = "not_taken"
total_failures = 1
[[history.cycles]]
year = 2016
specialty = "internal_medicine"
outcome = "unmatched"
[[history.cycles]]
year = 2017
specialty = "internal_medicine"
outcome = "unmatched"
[targets]
specialties = ["internal_medicine"]
region = "south"
[clinical]
role = "observership"
months_last_24 = 2
months_since_last = 1
[[ties]]
kind = "family"
region = "south"
note = "Husband and two children in San Antonio, Texas."
[[rotations]]
region = "south"
status = "done"
specialty = "internal_medicine"
[[letters]]
specialty = "internal_medicine"
region = "south"
months_ago = 1
saw_real_work = false
"""


def load(text: str) -> Profile:
    return Profile.model_validate(tomllib.loads(text))


def result_for(text: str, catalog: Catalog) -> Any:
    profile = load(text)
    return estimate(profile, catalog, recommended_mix(profile, catalog, today=TODAY), today=TODAY)


def test_a_low_risk_beside_a_low_chance_is_explained(catalog: Catalog) -> None:
    result = result_for(US_IMG_PSYCH, catalog)
    line = mix_data(catalog).warnings.low_p_match
    assert result.risk_tier == "low" and result.p_match < line
    note = result.range_note
    assert note.startswith("The Reality check rates your re-entry risk as low: it rates the ")
    # the tier's own factors, as risk.toml labels them
    assert "(years since graduation, exam status, specialty target, clinical gap and visa)" in note
    assert f"so it reads {percent(result.p_match)}: what holds it down most is applying as a " in (
        note
    )
    assert "US-citizen IMG (67.8% of them matched in 2025), then your Step 2 CK score (228)" in (
        note
    )
    low, high = result.p_match_range
    assert f"The range runs from {percent(low, prose=True)} to {percent(high, prose=True)}." in (
        note
    )


def test_a_very_high_home_rating_beside_a_low_region_figure_is_explained(
    catalog: Catalog,
) -> None:
    result = result_for(US_IMG_PSYCH, catalog)
    assert result.p_match_in_region is not None and result.p_match_in_region < 0.5
    assert result.region_note == (
        "The Reality check rates matching in the South very high: that rating reads how "
        "programs there will take your ties, rotations, letters and story, not your chance of "
        "matching at all. Here it is a factor of 2 (1.5-2.5, assumed) on each of your "
        f"{result.in_region} applications there, but it multiplies a chance that is low to "
        f"begin with: {percent(result.p_match)} anywhere, held down most by applying as a "
        "US-citizen IMG (67.8% of them matched in 2025), then your Step 2 CK score (228). The "
        f"figure for the South counts those {result.in_region} programs alone, so it reads "
        "lower still."
    )


def test_twelve_years_out_with_a_very_high_home_rating(catalog: Catalog) -> None:
    result = result_for(MD_TWELVE_YEARS_OUT, catalog)
    assert result.risk_tier == "high"
    assert "this estimate agrees" in result.range_note  # the existing case, unchanged
    assert result.region_note.startswith("The Reality check rates matching in the South very high")
    assert f"{percent(result.p_match)} anywhere, held down most by applying as a US MD prior " in (
        result.region_note
    )
    assert "your Step 2 CK score (221)" in result.region_note


def test_a_region_figure_below_a_high_chance_anywhere_names_the_list(catalog: Catalog) -> None:
    # Few programs back home: the chance anywhere is high, the figure for the region is not.
    profile = load(
        US_IMG_PSYCH.replace('degree = "us_img"', 'degree = "us_md"').replace(
            "step2_score = 228", "step2_score = 250"
        )
    )
    plan = recommended_mix(profile, catalog, today=TODAY).model_copy(
        update={"region_share_pct": 5, "applications": 80}
    )
    result = estimate(profile, catalog, plan, today=TODAY)
    assert result.p_match >= 0.5 and result.p_match_in_region < 0.5
    assert (
        f"this figure counts those {result.in_region} alone, not the other "
        f"{result.total - result.in_region}, so it reads lower than your chance anywhere "
        f"({percent(result.p_match)}). More programs in the South raise it."
    ) in result.region_note


def test_no_note_where_verdict_and_figure_agree(catalog: Catalog) -> None:
    # A low risk and a very high home rating beside a high chance need no word.
    profile = load(
        US_IMG_PSYCH.replace('degree = "us_img"', 'degree = "us_md"').replace(
            "step2_score = 228", "step2_score = 250"
        )
    )
    result = estimate(profile, catalog, recommended_mix(profile, catalog, today=TODAY))
    assert result.risk_tier == "low" and result.p_match >= 0.5
    assert result.p_match_in_region is not None and result.p_match_in_region >= 0.5
    assert result.range_note == "" and result.region_note == ""


def test_the_command_and_the_report_show_them(
    tmp_path: Path, home: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c3.toml"
    path.write_text(US_IMG_PSYCH)
    result = result_for(US_IMG_PSYCH, catalog)
    assert result.region_note and result.range_note
    assert main(["--today", "2026-12-05", "mix", "--profile", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    region = next(i for i, s in enumerate(lines) if s.startswith("Chance of matching in your"))
    assert lines[region + 1] == result.region_note
    assert result.range_note in lines
    plan = PlanFile(mix=recommended_mix(load(US_IMG_PSYCH), catalog, today=TODAY))
    report = build_report(load(US_IMG_PSYCH), catalog, today=TODAY, plan=plan, practice=None)
    text = " ".join(to_text(report).split())
    assert " ".join(result.region_note.split()) in text
    assert " ".join(result.range_note.split()) in text


async def test_the_pane_shows_them(workspace: Any, catalog: Catalog) -> None:
    workspace.save_profile(load(US_IMG_PSYCH))
    result = result_for(US_IMG_PSYCH, catalog)
    assert result.region_note and result.range_note
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        text = " ".join(" ".join(screen.query_one(EstimatePanel).plain_lines).split())
        assert " ".join(result.region_note.split()) in text
        assert " ".join(result.range_note.split()) in text
