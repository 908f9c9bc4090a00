"""A resident who writes no plan B is not missing one: the residency they hold is the fallback.

Found with a PGY-2 in general surgery applying to anesthesiology (an auditor's profile): the
Cycles line already said "if the change does not come through, you continue in your current
program", yet `matchtui assess` listed "Plan B: missing" under "Your stories", the Reality pane
showed the Plan B row as "missing" in red, and the report's plan section said "No plan B written
yet." The row now says the plan B is covered (readiness.toml [cycles] in_training_plan_b), for
one in training only: a student or a graduate out of training who wrote none is still told so,
and a graduate at the last serious cycle is still asked for one (cycles.no_plan_b)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.assess import assess
from matchtui.engine.reality_view import build_reality_view
from matchtui.engine.report import build_report, to_text
from matchtui.models.profile import Profile
from matchtui.models.results import StoryVerdict
from matchtui.models.risk_rules import ReadinessFile
from tests.test_assess_engine import make
from tests.test_in_training_fallback import RESIDENT_TOML, graduate, resident
from tests.test_reality_view import plain

TODAY = dt.date(2026, 12, 5)


def covered_words(catalog: Catalog) -> str:
    return catalog.get("readiness.toml", ReadinessFile).cycles.in_training_plan_b


def plan_b(profile: Profile, catalog: Catalog) -> StoryVerdict:
    return next(s for s in assess(profile, catalog, today=TODAY).stories if s.kind == "plan_b")


def student() -> Profile:
    return make(applicant__stage="student", applicant__graduation_year=2027)


def test_a_resident_with_no_plan_b_is_covered_not_missing(catalog: Catalog) -> None:
    profile = resident()
    assert profile.in_training and not profile.narrative.plan_b
    story = plan_b(profile, catalog)
    assert story.quality == "covered"
    assert story.reason == covered_words(catalog) and story.reason
    assert story.missing == []  # nothing it lacks is asked for


def test_no_action_asks_a_resident_to_write_a_plan_b(catalog: Catalog) -> None:
    """The resident is at the last serious cycle, where a graduate is asked for a plan B."""
    result = assess(resident(), catalog, today=TODAY)
    assert result.cycles.verdict == "last_serious" and result.cycles.parallel_plan_due
    assert not any(a.finding_id == "cycles.no_plan_b" for a in result.actions)
    for action in result.actions:
        assert "write down" not in action.text.lower(), action.text
        assert "plan b" not in action.text.lower(), action.text
    # The same record out of training is still asked.
    other = assess(graduate(), catalog, today=TODAY)
    assert any(a.finding_id == "cycles.no_plan_b" for a in other.actions)


@pytest.mark.parametrize("who", [graduate, student])
def test_students_and_graduates_still_read_missing(
    catalog: Catalog, who: Callable[[], Profile]
) -> None:
    profile = who()
    assert not profile.in_training
    story = plan_b(profile, catalog)
    assert story.quality == "missing" and story.reason == "not written yet"


def test_a_resident_who_wrote_one_is_judged_on_it(catalog: Catalog) -> None:
    written = make(
        applicant__stage="resident",
        applicant__graduation_year=2025,
        narrative__plan_b="If I do not match I will finish my surgery residency.",
    )
    assert plan_b(written, catalog).quality == "concrete"
    vague = make(
        applicant__stage="resident",
        applicant__graduation_year=2025,
        narrative__plan_b="Something else.",
    )
    assert plan_b(vague, catalog).quality == "generic"


def test_the_reality_pane_row(catalog: Catalog) -> None:
    view = build_reality_view(resident(), catalog, None, TODAY)
    row = next(r for r in view.ready.rows if r.key == "ready-table:story:plan_b")
    cells = [plain(cell) for cell in row.cells]
    assert cells == ["Plan B", "covered", covered_words(catalog)]
    assert view.findings["ready-table:story:plan_b"].title == "Plan B: covered"
    other = build_reality_view(graduate(), catalog, None, TODAY)
    row = next(r for r in other.ready.rows if r.key == "ready-table:story:plan_b")
    assert [plain(cell) for cell in row.cells] == ["Plan B", "missing", "not written yet"]


def test_the_report_plan_section(catalog: Catalog) -> None:
    def plan_b_part(profile: Profile) -> str:
        text = to_text(build_report(profile, catalog, today=TODAY, plan=None, practice=None))
        start = text.index("PLAN B (IN THE APPLICANT'S WORDS)")
        return " ".join(text[start:].split("\n\n")[0].split())

    part = plan_b_part(resident())
    assert "No plan B written yet." not in part
    assert covered_words(catalog) in part
    assert "No plan B written yet." in plan_b_part(graduate())


def test_cli_assess(tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "resident.toml"
    profile.write_text(RESIDENT_TOML)
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(profile)]) == 0
    out = capsys.readouterr().out
    stories = " ".join(out[out.index("Your stories") : out.index("Next actions")].split())
    assert "Plan B: not written yet" not in stories
    assert "Plan B: covered by the residency you are in" in stories
    out_of_training = tmp_path / "graduate.toml"
    text = RESIDENT_TOML.replace('situation = "in_training"', 'situation = "not_in_training"')
    out_of_training.write_text(text.replace('training_region = "south"\n', ""))
    assert main(["--today", TODAY.isoformat(), "assess", "--profile", str(out_of_training)]) == 0
    assert "Plan B: not written yet" in capsys.readouterr().out  # as the pane and report say
