"""An applicant in a residency now keeps that position if the change of specialty fails.

Found with a PGY-2 in general surgery applying to anesthesiology: `matchtui mix` showed "Chance of
a position including SOAP: 49%" and ended its warning with "Keep a parallel plan ready.", and a
resident whose last attempt at the switch went unmatched was told to "Write down the
non-residency path you will take if this cycle fails" and to be ready for SOAP "because: Went
unmatched before", while the report's own cycle advice says finishing the residency they hold is
the plan B. The figures stay as they are; what is said of them now names the current program as
the fallback (mix.toml [in_training], readiness.toml [cycles] in_training_fallback, actions.toml
and timeline.toml variants for one in training).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.engine.plan import build_plan
from matchtui.models.profile import Profile
from matchtui.screens.mix import MixScreen
from matchtui.widgets.mix_estimate import EstimatePanel
from tests.test_assess_engine import make

STAYS = "you continue in your current program"

RESIDENT_TOML = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "PGY-2 switching"
situation = "in_training"
degree = "us_md"
graduation_year = 2025
visa = "none"
home_region = "south"
lives_in = "south"
training_region = "south"
[exams]
step1 = "pass"
step2_score = 250
step3 = "passed"
step3_year = 2026
[[history.cycles]]
year = 2025
specialty = "general_surgery"
outcome = "matched"
[[history.cycles]]
year = 2026
specialty = "anesthesiology"
outcome = "unmatched"
[targets]
specialties = ["anesthesiology"]
region = "south"
[clinical]
role = "clinical_job"
months_last_24 = 18
months_since_last = 0
"""

HISTORY = {
    "cycles": [
        {"year": 2025, "specialty": "general_surgery", "outcome": "matched"},
        {"year": 2026, "specialty": "anesthesiology", "outcome": "unmatched"},
    ]
}


def resident() -> Profile:
    """A PGY-2 whose first try at anesthesiology went unmatched: this is the last serious one."""
    return make(
        applicant__stage="resident",
        applicant__graduation_year=2025,
        applicant__home_region="south",
        applicant__current_region="south",
        targets__specialties=["anesthesiology"],
        targets__region="south",
        history=HISTORY,
    )


def graduate() -> Profile:
    """The same record out of training."""
    return make(
        applicant__graduation_year=2025,
        targets__specialties=["anesthesiology"],
        history=HISTORY,
    )


def _low_chance(found: Any) -> str:
    return next(w.text for w in found.warnings if w.id == "low_p_match")


def test_the_estimate_names_the_current_program_as_the_fallback(catalog: Catalog) -> None:
    profile = resident()
    assert profile.in_training
    found = estimate(profile, catalog, recommended_mix(profile, catalog))
    assert STAYS in found.placed_note and "new position" in found.placed_note
    text = _low_chance(found)
    assert STAYS in text and "Keep a parallel plan ready." not in text
    # Out of training there is no position to keep: the wording is as before.
    other = estimate(graduate(), catalog, recommended_mix(graduate(), catalog))
    assert other.placed_note == ""
    assert _low_chance(other).endswith("Keep a parallel plan ready.")


def test_the_reality_check_does_not_send_a_resident_out_of_residency(catalog: Catalog) -> None:
    result = assess(resident(), catalog)
    assert result.cycles.verdict == "last_serious"
    assert STAYS in result.cycles.reason
    assert "parallel plan is due" not in result.cycles.reason
    assert "no plan B" not in result.cycles.reason
    actions = {a.id: a for a in result.actions}
    assert "non-residency" not in actions["parallel_plan"].text
    assert actions["parallel_plan"].text.startswith("If the change does not come through")
    soap = actions["soap_ready"]
    assert "current program" in soap.text and "SOAP is a choice" in soap.text
    # A graduate out of training at the same point is still asked for a path outside residency.
    other = {a.id: a for a in assess(graduate(), catalog).actions}
    assert "non-residency path" in other["parallel_plan"].text
    assert other["soap_ready"].text.startswith("Have documents, letters and a short list")


def test_the_season_plan_item_for_a_resident(catalog: Catalog) -> None:
    profile = resident()
    plan = build_plan(profile, catalog, None, dt.date(2026, 12, 5), assess(profile, catalog))
    titles = [row.title for track in plan.tracks for row in track.rows]
    assert "Interview season; know your fallback" in titles
    assert "Interview season; be ready for SOAP" not in titles


def test_cli_mix_assess_and_report(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "resident.toml"
    profile.write_text(RESIDENT_TOML)
    assert main(["--today", "2026-12-05", "mix", "--profile", str(profile)]) == 0
    lines = capsys.readouterr().out.splitlines()
    soap = next(i for i, line in enumerate(lines) if line.startswith("Chance of a position"))
    assert STAYS in lines[soap + 1]
    assert not any("Keep a parallel plan ready" in line for line in lines)
    assert main(["--today", "2026-12-05", "assess", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    assert "non-residency path" not in out and "parallel plan is due" not in out
    assert STAYS in out
    report = ["--today", "2026-12-05", "report", "--format", "text", "--profile", str(profile)]
    assert main(report) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert STAYS in out
    assert "non-residency path" not in out and "be ready for SOAP" not in out


async def test_the_mix_pane_says_it_beside_the_soap_figure(workspace: Any) -> None:
    workspace.save_profile(resident())
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        text = " ".join(screen.query_one(EstimatePanel).plain_lines)
        assert "incl. SOAP" in text
        assert STAYS in " ".join(text.split())
