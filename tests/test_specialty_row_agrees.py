"""The risk sheet's specialty row and the Target specialties section rate a specialty by one rule.

Found with a graduate eight years out aiming at emergency medicine: the risk sheet said
"Specialty target Emergency Medicine: lower" (a fallback from its competitiveness band, low for
seniors), while the same Reality check said "Emergency Medicine: reach ... 20/100" and its first
action was to leave it. The re-entry article scores radiology, anaesthesiology and emergency
medicine alike (20); the sheet rated the first two middle and emergency medicine lower. The row
now reads the feasibility band the section gives the first target (risk.toml [specialty_target]
by_feasibility), for every specialty.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess, rules_of
from tests.test_assess_engine import make

P12_GHOST = """\
schema_version = 2
cycle_year = 2027
[applicant]
name = "Eight years out"
situation = "not_in_training"
degree = "us_md"
graduation_year = 2018
visa = "none"
home_region = "midwest"
lives_in = "south"
[exams]
step1 = "pass"
step1_attempts = 1
step2_score = 232
step2_attempts = 1
step3 = "not_taken"
[[history.cycles]]
year = 2019
specialty = "emergency_medicine"
outcome = "unmatched"
[targets]
specialties = ["emergency_medicine"]
region = "midwest"
[clinical]
role = "none"
months_last_24 = 0
months_since_last = 90
"""


def _row_and_band(catalog: Catalog, target: str) -> tuple[str, str]:
    result = assess(make(targets__specialties=[target]), catalog)
    factor = result.factor("specialty_target")
    assert factor is not None
    return factor.level, result.specialties[0].feasibility


@pytest.mark.parametrize("target", ["emergency_medicine", "anesthesiology", "diagnostic_radiology"])
def test_the_articles_twenty_group_rates_higher_and_a_reach(catalog: Catalog, target: str) -> None:
    level, band = _row_and_band(catalog, target)
    assert (level, band) == ("higher", "reach")


def test_every_specialty_rates_as_its_feasibility_band(catalog: Catalog) -> None:
    """No specialty in specialties.toml gets a risk row that its own feasibility band says
    otherwise (lower beside a reach, middle beside a reach, lower beside a stretch ...)."""
    side_by_side = {"realistic": "lower", "stretch": "middle", "reach": "higher"}
    disagree = {}
    for sid in catalog.specialties:
        level, band = _row_and_band(catalog, sid)
        if side_by_side[band] != level:
            disagree[sid] = (level, band)
    assert disagree == {}


def test_the_sources_own_risk_table_is_what_the_band_gives(catalog: Catalog) -> None:
    """risk.toml keeps the article's risk table (its two ends) for reference; the band rule
    reproduces it, so the two never tell a returner different things."""
    rule = rules_of(catalog).risk.specialty_target
    assert rule.lower and rule.higher
    for sid in rule.lower:
        assert _row_and_band(catalog, sid) == ("lower", "realistic"), sid
    for sid in rule.higher:
        assert _row_and_band(catalog, sid) == ("higher", "reach"), sid


def test_the_row_names_its_score_and_the_rule_behind_it(catalog: Catalog) -> None:
    factor = assess(make(targets__specialties=["emergency_medicine"]), catalog).factor(
        "specialty_target"
    )
    assert factor is not None
    assert "20/100" in factor.reason and "a reach" in factor.reason
    assert (factor.rule, factor.source) == ("risk.specialty_target", "article_reentry")
    assert "by_feasibility = a reach target rates higher" in factor.assumptions
    # Without a re-entry score the band comes from competitiveness, and the row says so.
    unscored = assess(make(targets__specialties=["neurology"]), catalog).factor("specialty_target")
    assert unscored is not None and "no re-entry score" in unscored.reason
    assert unscored.reliability == "assumption"


def test_cli_sheet_and_section_agree_for_emergency_medicine(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "em.toml"
    profile.write_text(P12_GHOST)
    assert main(["assess", "--profile", str(profile), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(f for f in data["risk"]["factors"] if f["id"] == "specialty_target")
    assert (row["level"], data["specialties"][0]["feasibility"]) == ("higher", "reach")
    assert main(["assess", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.lstrip().startswith("Specialty target"))
    assert line.rstrip().endswith("higher")
    assert "Emergency Medicine: reach" in out
