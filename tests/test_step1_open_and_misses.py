"""A Step 1 not yet passed comes first among the next steps, and a SOAP place counts as a miss
in the Match itself."""

from __future__ import annotations

import datetime as dt

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from matchtui.engine.plan import plan_for
from matchtui.models.assessment import Assessment
from matchtui.models.plan import PlanFile, TimelineState
from tests.test_assess_engine import action_ids, make


def _because(result: Assessment, action: str) -> str:
    for a in result.actions:
        if a.id == action:
            return a.finding
    raise AssertionError(f"no action {action}")


def test_a_step1_failed_and_not_passed_is_the_first_step(catalog: Catalog) -> None:
    result = assess(
        make(
            applicant__degree="non_us_img",
            applicant__graduation_year=2016,
            exams__step1="fail",
            exams__step1_attempts=2,
            exams__step3="not_taken",
            exams__step3_year=None,
        ),
        catalog,
    )
    ids = action_ids(result)
    assert ids[0] == "pass_step1"
    # Step 3 is sat after Step 1 is passed: it waits (the Step 3 section still says missing)
    assert "take_step3" not in ids
    assert result.step3.verdict == "missing"
    assert _because(result, "pass_step1") == "Step 1 failed and not yet passed"
    assert "ECFMG" in result.actions[0].text


def test_a_step1_not_taken_is_named_so(catalog: Catalog) -> None:
    result = assess(make(exams__step1="not_taken", exams__step1_attempts=0), catalog)
    assert _because(result, "pass_step1") == "Step 1 not taken yet"


def test_a_step1_passed_after_a_failure_asks_only_for_an_account(catalog: Catalog) -> None:
    result = assess(make(exams__step1="pass", exams__step1_attempts=2), catalog)
    ids = action_ids(result)
    assert "pass_step1" not in ids
    assert "explain_failures" in ids
    graduate = make(exams__step1_attempts=2, exams__step3="not_taken", exams__step3_year=None)
    assert "take_step3" in action_ids(assess(graduate, catalog))


def test_a_soap_place_counts_as_a_miss_in_the_match(catalog: Catalog) -> None:
    cycles = [
        {
            "year": 2023,
            "specialty": "general_surgery",
            "outcome": "soap_placed",
            "soap": True,
            "preliminary": True,
        },
        {"year": 2024, "specialty": "general_surgery", "outcome": "unmatched", "soap": True},
    ]
    profile = make(history={"cycles": cycles})
    assert profile.history.unmatched == 2
    result = assess(profile, catalog)
    assert _because(result, "soap_ready") == (
        "Went unmatched before (2 cycles, 1 of them placed through SOAP afterwards)"
    )
    one = make(history={"cycles": cycles[1:]})
    assert _because(assess(one, catalog), "soap_ready") == "Went unmatched before (1 cycle)"


def test_the_plan_shows_step1_only_while_it_is_open(catalog: Catalog) -> None:
    """The re-entry plan had Step 3 to book and no Step 1 to pass for a graduate whose Step 1
    was failed and not yet passed."""
    today = dt.date(2026, 12, 4)
    plan = PlanFile(timeline=TimelineState(start_month="2026-02"))
    open_ = make(exams__step1="fail", exams__step1_attempts=1)
    view = plan_for(open_, catalog, plan, today)
    row = view.row("step1_passed")
    assert row is not None and row.kind == "critical"
    assert [m.id for m in row.marked] == ["pass_step1"]
    ids = [r.id for r in view.rows]
    assert ids.index("step1_passed") < ids.index("step3_booked")
    assert plan_for(make(), catalog, plan, today).row("step1_passed") is None


def test_the_report_says_step1_in_words(catalog: Catalog) -> None:
    """The advisor report printed the stored value: 'Step 1  fail (2 attempts)'."""
    from matchtui.engine.report import build_report, to_text

    open_ = make(exams__step1="fail", exams__step1_attempts=2)
    text = to_text(
        build_report(open_, catalog, today=dt.date(2026, 12, 4), plan=None, practice=None)
    )
    assert "failed (not yet passed); 2 attempts" in text
    passed = to_text(
        build_report(make(), catalog, today=dt.date(2026, 12, 4), plan=None, practice=None)
    )
    assert "passed; 1 attempt" in passed
