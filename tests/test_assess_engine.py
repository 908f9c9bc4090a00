"""Reality check engine: each rule at and around its thresholds, with the articles' own cases."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess, narrative_quality, rule_detail
from matchtui.models.assessment import ACTION_IDS, Assessment
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile, migrate_v1

CONCRETE_STORY = (
    "I grew up in Wisconsin and my parents and my sister still live near Madison. My father is "
    "ill and my family needs me close by. My partner has a job offer in Milwaukee and we plan "
    "to settle there and stay long-term, so I want to train where we will live for the next "
    "twenty years and build a practice near them."
)

BASE: dict[str, Any] = {
    "schema_version": 1,
    "cycle_year": 2027,
    "applicant": {
        "name": "Test",
        "stage": "graduate",
        "degree": "us_md",
        "graduation_year": 2025,
        "visa": "none",
        "home_region": "midwest",
        "current_region": "midwest",
        "region_decided": "not_applicable",
    },
    "exams": {
        "step1": "pass",
        "step1_attempts": 1,
        "step2_score": 240,
        "step2_attempts": 1,
        "step3": "passed",
        "step3_year": 2026,
    },
    "history": {"cycles_applied": 0, "last_outcome": "none", "soap": False},
    "targets": {"specialties": ["internal_medicine"], "region": "midwest"},
    "clinical": {"role": "clinical_job", "months_last_24": 12, "months_since_last": 0},
    "ties": [],
    "rotations": [],
    "letters": [
        {
            "specialty": "internal_medicine",
            "region": "midwest",
            "months_ago": 3,
            "saw_real_work": True,
        },
        {"specialty": "internal_medicine", "region": "midwest", "months_ago": 5},
    ],
    "narrative": {"why_home": "", "why_now": "", "plan_b": ""},
}


def make(**changes: Any) -> Profile:
    """BASE with nested changes: make(applicant__stage="student", ties=[...])."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        target = data
        parts = key.split("__")
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = value
    return Profile.model_validate(migrate_v1(data))


def level(result: Assessment, factor: str) -> str:
    found = result.factor(factor)
    assert found is not None
    return found.level


def action_ids(result: Assessment) -> list[str]:
    return [a.id for a in result.actions]


# --- the articles' cases ------------------------------------------------------------------


def test_recent_graduate_with_clinical_work_and_step3_aiming_at_im_is_low_risk(
    catalog: Catalog,
) -> None:
    result = assess(make(), catalog)
    assert result.risk.applicable and result.risk.tier == "low"
    assert [f.level for f in result.risk.factors] == ["lower"] * 5
    assert [f.id for f in result.risk.factors] == [
        "years_since_graduation",
        "exam_status",
        "specialty_target",
        "clinical_gap",
        "visa",
    ]
    assert "2025" in result.factor("years_since_graduation").reason  # type: ignore[union-attr]
    assert result.risk.statement is None
    assert result.step3.verdict == "passed"
    assert result.specialties[0].feasibility == "realistic"
    assert result.specialties[0].score == 80
    assert "pivot_specialty" not in action_ids(result)
    assert "take_step3" not in action_ids(result)


def test_graduate_many_years_out_with_failures_aiming_at_dermatology(catalog: Catalog) -> None:
    profile = make(
        applicant__graduation_year=2019,
        exams__step1_attempts=2,
        exams__step3="not_taken",
        exams__step3_year=None,
        targets__specialties=["dermatology"],
        clinical={"role": "nonclinical", "months_last_24": 0, "months_since_last": 60},
        history={"cycles_applied": 2, "last_outcome": "unmatched", "soap": False},
    )
    result = assess(profile, catalog)
    assert result.risk.tier == "high"
    assert level(result, "years_since_graduation") == "higher"
    assert level(result, "exam_status") == "higher"
    assert level(result, "specialty_target") == "higher"
    assert level(result, "clinical_gap") == "higher"
    assert "8 years" in result.factor("years_since_graduation").value  # type: ignore[union-attr]
    assert "Dermatology" in result.factor("specialty_target").reason  # type: ignore[union-attr]
    # The plain statement: the target has to change, not the essay.
    assert result.risk.statement is not None
    assert "target specialty" in result.risk.statement
    assert "essay" in result.risk.statement
    assert result.risk.rule == "risk.overrides.different_target"
    derm = result.specialties[0]
    assert derm.feasibility == "reach" and derm.score == 5
    assert derm.pivots == ["internal_medicine", "family_medicine", "psychiatry"]
    first = result.actions[0]
    assert first.id == "pivot_specialty" and first.priority == 1
    assert first.finding_id == "risk.override"
    assert "internal medicine" in first.text
    # after "change the specialty", letters are asked from the new one, not from dermatology
    letters = result.action("new_letters")
    assert letters is not None and "Dermatology" not in letters.text
    assert "in the specialty you move to" in letters.text
    assert {"take_step3", "rebuild_clinical", "parallel_plan"} <= set(action_ids(result))
    assert result.cycles.verdict == "past_limit"


def test_returner_with_ties_away_rotation_local_letters_and_story(catalog: Catalog) -> None:
    profile = make(
        applicant__current_region="south",
        ties=[{"kind": "family", "region": "midwest"}, {"kind": "grew_up", "region": "midwest"}],
        rotations=[{"region": "midwest", "status": "done"}],
        narrative__why_home=CONCRETE_STORY,
    )
    result = assess(profile, catalog)
    bh = result.back_home
    assert bh.applicable and bh.likelihood == "very_high"
    assert bh.scenario == "ties_away_letters"
    assert (bh.ties, bh.away_rotation, bh.local_letters, bh.narrative) == (
        "strong",
        "done",
        2,
        "concrete",
    )
    assert any("family" in r for r in bh.reasons)
    assert result.archetypes == []
    assert not {"away_rotation", "local_letters", "why_home_story"} & set(action_ids(result))


# --- risk factor thresholds -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("graduated", "expected"),
    [(2027, "lower"), (2024, "lower"), (2023, "middle"), (2022, "higher"), (2015, "higher")],
)
def test_years_since_graduation_bands(catalog: Catalog, graduated: int, expected: str) -> None:
    result = assess(make(applicant__graduation_year=graduated), catalog)
    assert level(result, "years_since_graduation") == expected
    assert str(graduated) in result.factor("years_since_graduation").reason  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("attempts", "step3", "expected"),
    [
        (1, "passed", "lower"),
        (2, "passed", "middle"),  # one failure
        (3, "passed", "higher"),  # two failures
        (1, "scheduled", "middle"),
        (1, "not_taken", "higher"),  # a graduate without Step 3
    ],
)
def test_exam_status_bands(catalog: Catalog, attempts: int, step3: str, expected: str) -> None:
    exams = {
        "step1": "pass",
        "step1_attempts": attempts,
        "step2_score": 240,
        "step3": step3,
        "step3_year": 2026 if step3 == "passed" else None,
        "step3_date": "2026-12-01" if step3 == "scheduled" else None,
    }
    result = assess(make(exams={k: v for k, v in exams.items() if v is not None}), catalog)
    factor = result.factor("exam_status")
    assert factor is not None and factor.level == expected
    if attempts > 1:
        assert f"{attempts - 1} failed attempt" in factor.reason
    if expected == "middle" and attempts == 2:
        assert factor.assumptions == ["middle_failures_min = 1"]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("family_medicine", "lower"),  # scores 75: realistic
        ("psychiatry", "lower"),  # 65: realistic
        ("orthopaedic_surgery", "higher"),  # 5: a reach
        ("otolaryngology", "higher"),  # 5 (assumed): a reach
        ("neurological_surgery", "higher"),  # 5: a reach
        ("general_surgery", "middle"),  # 30: a stretch
        ("neurology", "lower"),  # no score; moderate competitiveness: realistic
        ("vascular_surgery", "middle"),  # no score; high competitiveness: a stretch
    ],
)
def test_specialty_target_levels(catalog: Catalog, target: str, expected: str) -> None:
    factor = assess(make(targets__specialties=[target]), catalog).factor("specialty_target")
    assert factor is not None and (factor.level, factor.rule) == (expected, "risk.specialty_target")
    assert catalog.specialty_name(target) in factor.reason


@pytest.mark.parametrize(
    ("role", "months", "since", "expected"),
    [
        ("clinical_job", 6, 0, "lower"),
        ("clinical_job", 5, 0, "middle"),  # just under six months
        ("clinical_research", 12, 3, "lower"),
        ("clinical_research", 12, 4, "middle"),  # ended too long ago for lower
        ("clinical_job", 3, 23, "middle"),
        ("clinical_job", 3, 24, "higher"),  # two years without clinical work
        ("observership", 12, 0, "middle"),  # weak role: never better than middle
        ("nonclinical", 12, 0, "higher"),  # non-clinical work does not count
        ("none", 0, 0, "higher"),
    ],
)
def test_clinical_gap_bands(
    catalog: Catalog, role: str, months: int, since: int, expected: str
) -> None:
    profile = make(clinical={"role": role, "months_last_24": months, "months_since_last": since})
    factor = assess(profile, catalog).factor("clinical_gap")
    assert factor is not None and factor.level == expected, factor


def test_clinical_gap_with_no_role_does_not_say_none_twice(catalog: Catalog) -> None:
    """Found trying a graduate seven years out: the factor read "none in 24 months (none)" and
    its reason "(current role: none)"; a role is named only when there is one."""
    gone = make(clinical={"role": "none", "months_last_24": 0, "months_since_last": 84})
    factor = assess(gone, catalog).factor("clinical_gap")
    assert factor is not None and factor.value == "none in 24 months"
    recent = make(clinical={"role": "none", "months_last_24": 0, "months_since_last": 6})
    factor = assess(recent, catalog).factor("clinical_gap")
    assert factor is not None
    assert factor.reason.startswith("No clinical work in the last 24 months:")
    writing = make(clinical={"role": "nonclinical", "months_last_24": 0, "months_since_last": 6})
    factor = assess(writing, catalog).factor("clinical_gap")
    assert factor is not None and factor.value == "none in 24 months (non-clinical work)"
    assert "(current role: non-clinical work)" in factor.reason


def test_visa_factor(catalog: Catalog) -> None:
    result = assess(make(applicant__visa="needs_sponsorship"), catalog)
    assert level(result, "visa") == "higher"
    assert "sponsorship" in result.factor("visa").reason  # type: ignore[union-attr]
    assert "visa_programs" in action_ids(result)
    assert result.risk.tier == "moderate"


@pytest.mark.parametrize(
    ("changes", "tier"),
    [
        ({}, "low"),
        ({"applicant__graduation_year": 2023}, "low"),  # one middle
        ({"applicant__graduation_year": 2023, "applicant__visa": "needs_sponsorship"}, "moderate"),
        (
            {
                "applicant__graduation_year": 2023,
                "clinical": {"role": "clinical_job", "months_last_24": 4, "months_since_last": 0},
            },
            "moderate",
        ),  # two middle
        ({"applicant__graduation_year": 2020, "applicant__visa": "needs_sponsorship"}, "high"),
    ],
)
def test_tier_from_factor_levels(catalog: Catalog, changes: dict[str, Any], tier: str) -> None:
    assert assess(make(**changes), catalog).risk.tier == tier


def test_risk_sheet_not_applicable_for_students_and_residents(catalog: Catalog) -> None:
    student = make(applicant__stage="student", applicant__graduation_year=2027)
    resident = make(applicant__stage="resident", exams__step3="not_taken", exams__step3_year=None)
    for profile in (student, resident):
        result = assess(profile, catalog)
        assert result.risk.tier == "not_applicable" and not result.risk.applicable
        assert result.risk.factors == []
        assert result.step3.verdict == "not_applicable"
        assert "apply_broadly_community" not in action_ids(result)


def test_override_needs_every_condition(catalog: Catalog) -> None:
    base = {
        "applicant__graduation_year": 2021,  # 6 years
        "exams__step1_attempts": 2,  # one failure
        "targets__specialties": ["dermatology"],
        "clinical": {"role": "none", "months_last_24": 0, "months_since_last": 40},
    }
    assert assess(make(**base), catalog).risk.statement is not None
    five_years = {**base, "applicant__graduation_year": 2022}
    assert assess(make(**five_years), catalog).risk.statement is None
    im = {**base, "targets__specialties": ["internal_medicine"]}
    assert assess(make(**im), catalog).risk.statement is None
    working = {**base, "clinical": {"role": "clinical_job", "months_last_24": 12}}
    assert assess(make(**working), catalog).risk.statement is None


# --- back home ----------------------------------------------------------------------------------


def returner(**changes: Any) -> Profile:
    return make(applicant__current_region="south", **changes)


def test_back_home_not_applicable_when_already_in_region(catalog: Catalog) -> None:
    bh = assess(make(applicant__stage="resident"), catalog).back_home
    assert not bh.applicable and bh.likelihood == "not_applicable"
    assert "You already train in the Midwest" in bh.reasons[0]
    student = make(applicant__stage="student", applicant__graduation_year=2027)
    assert "You already study in the Midwest" in assess(student, catalog).back_home.reasons[0]


def test_graduate_not_in_training_never_said_to_train_anywhere(catalog: Catalog) -> None:
    # Issue 13: a graduate living in the target region was told "You already train in ...".
    for lives in ("midwest", "south"):
        profile = make(applicant__current_region=lives)
        assert profile.applicant.training_region is None
        result = assess(profile, catalog)
        assert result.back_home.applicable
        assert " train" not in result.model_dump_json().lower().replace("training", "")


def test_a_graduate_out_of_training_is_not_sent_on_an_away_rotation(catalog: Catalog) -> None:
    """Found trying a graduate seven years out: the next step was "Do an away or audition
    rotation in the West", which only students (and residents' electives) can do."""
    graduate = assess(make(applicant__current_region="south"), catalog)
    action = next(a for a in graduate.actions if a.id == "away_rotation")
    assert "away" not in action.text.lower() and "observership" in action.text
    assert action.title == "Work in the target region"
    assert "No rotation or clinical work in" in action.finding
    assert any(r.startswith("Rotation or clinical work in") for r in graduate.back_home.reasons)
    student = assess(
        make(
            applicant__stage="student",
            applicant__graduation_year=2027,
            applicant__current_region="south",
        ),
        catalog,
    )
    action = next(a for a in student.actions if a.id == "away_rotation")
    assert action.text.startswith("Do an away or audition rotation")
    assert any(r.startswith("Away rotation in") for r in student.back_home.reasons)


def test_step3_passed_is_not_told_to_book_step3_for_its_failures(catalog: Catalog) -> None:
    """Found trying a non-US IMG with two failed attempts and Step 3 passed in 2022: the next
    steps said "Book Step 3 / Level 3 early enough...", because the failures rate the exam
    status higher. Failures get their own step; Step 3 only when it is missing or late."""
    failed = assess(
        make(exams__step3="passed", exams__step3_year=2022, exams__total_failures=2), catalog
    )
    assert level(failed, "exam_status") == "higher"
    ids = action_ids(failed)
    assert "take_step3" not in ids and "explain_failures" in ids
    action = next(a for a in failed.actions if a.id == "explain_failures")
    assert action.finding == "2 failed exam attempts on record"
    clean = assess(make(exams__step3="not_taken", exams__total_failures=0), catalog)
    assert "take_step3" in action_ids(clean) and "explain_failures" not in action_ids(clean)


def test_returner_living_in_region_with_family_and_concrete_story_rates_high(
    catalog: Catalog,
) -> None:
    profile = make(
        ties=[{"kind": "family", "region": "midwest"}],
        narrative__why_home=CONCRETE_STORY,
        letters=[],
    )
    bh = assess(profile, catalog).back_home
    assert bh.applicable and "lives_there" in bh.tie_kinds
    assert bh.likelihood in ("high", "very_high")


def test_living_in_region_counts_as_a_tie_and_against_the_ghost(catalog: Catalog) -> None:
    there = assess(make(letters=[]), catalog)
    assert there.back_home.ties == "weak" and there.back_home.tie_kinds == ["lives_there"]
    assert there.archetype("ghost_applicant") is None
    away = assess(make(applicant__current_region="south", letters=[]), catalog)
    assert away.back_home.ties == "none"
    assert away.archetype("ghost_applicant") is not None


def test_strong_ties_clear_story_without_away_is_high(catalog: Catalog) -> None:
    profile = returner(
        ties=[{"kind": "partner", "region": "midwest"}],
        narrative__why_home=CONCRETE_STORY,
        letters=[],
    )
    result = assess(profile, catalog)
    assert result.back_home.likelihood == "high"
    assert result.back_home.scenario == "ties_clear_story"
    ids = action_ids(result)
    assert "away_rotation" in ids and "local_letters" in ids
    assert result.action("away_rotation").finding_id == "back_home.no_away"  # type: ignore[union-attr]


def test_planned_rotation_is_shown_but_does_not_count(catalog: Catalog) -> None:
    ties = [{"kind": "family", "region": "midwest"}]
    planned = returner(ties=ties, rotations=[{"region": "midwest", "status": "planned"}])
    done = returner(ties=ties, rotations=[{"region": "midwest", "status": "done"}])
    assert assess(planned, catalog).back_home.likelihood == "moderate_to_low"
    assert assess(planned, catalog).back_home.away_rotation == "planned"
    assert assess(done, catalog).back_home.likelihood == "very_high"


def test_weak_ties_generic_story_is_moderate_to_low(catalog: Catalog) -> None:
    profile = returner(
        ties=[{"kind": "prior_work", "region": "midwest"}],
        narrative__why_home="I just really like your city and the people seem nice.",
        letters=[],
    )
    result = assess(profile, catalog)
    bh = result.back_home
    assert (bh.ties, bh.narrative, bh.likelihood) == ("weak", "generic", "moderate_to_low")
    assert any("your city" in r for r in bh.reasons)
    assert "why_home_story" in action_ids(result)
    assert "broaden_list" in action_ids(result)


def test_two_weak_ties_count_as_strong(catalog: Catalog) -> None:
    ties = [
        {"kind": "prior_work", "region": "midwest"},
        {"kind": "prior_school", "region": "midwest"},
    ]
    assert assess(returner(ties=ties), catalog).back_home.ties == "strong"


def test_no_ties_no_story_no_contact_is_very_low(catalog: Catalog) -> None:
    result = assess(returner(letters=[]), catalog)
    assert result.back_home.likelihood == "very_low"
    assert result.back_home.scenario == "no_ties_no_contact"


def test_no_ties_but_rotation_letters_and_story_is_high(catalog: Catalog) -> None:
    profile = returner(
        rotations=[{"region": "midwest", "status": "done"}], narrative__why_home=CONCRETE_STORY
    )
    bh = assess(profile, catalog).back_home
    assert (bh.scenario, bh.likelihood) == ("built_presence", "high")
    assert bh.reliability == "assumption"


def test_narrative_quality_thresholds(catalog: Catalog) -> None:
    assert narrative_quality("", catalog).quality == "missing"
    short = "My parents live there and I grew up there."
    assert narrative_quality(short, catalog).quality == "generic"  # ties alone, nothing else
    long_plain = " ".join(["I want to train in a busy hospital with good teaching."] * 5)
    assert narrative_quality(long_plain, catalog).quality == "generic"  # no ties
    story = narrative_quality(CONCRETE_STORY, catalog)
    assert story.quality == "concrete" and "my parents" in story.concrete
    # Word boundaries: "stayed" is not "stay", "dadaism" is not "dad".
    assert not narrative_quality("dadaism", catalog).concrete
    assert "stay" not in narrative_quality("I stayed", catalog).concrete


# --- archetypes ---------------------------------------------------------------------------------


def test_ghost_applicant(catalog: Catalog) -> None:
    profile = returner(
        letters=[{"specialty": "internal_medicine", "region": "south", "months_ago": 3}],
        rotations=[{"region": "south", "status": "done"}],
        ties=[{"kind": "grew_up", "region": "midwest"}],
        narrative__why_home="I just really like your city.",
    )
    result = assess(profile, catalog)
    ghost = result.archetype("ghost_applicant")
    assert ghost is not None
    assert any("No rotation in the Midwest" in e for e in ghost.evidence)
    assert any("No letter" in e for e in ghost.evidence)
    # The stock phrase is quoted as the story has it ("I just really like", "your city").
    stock = [e.split("'")[1] for e in ghost.evidence if "stock phrase" in e]
    assert stock and stock[0] in profile.narrative.why_home
    # Any one lever (here a planned rotation) clears the flag.
    planned = profile.model_copy(deep=True)
    planned.rotations.append(
        planned.rotations[0].model_copy(update={"region": "midwest", "status": "planned"})
    )
    assert assess(planned, catalog).archetype("ghost_applicant") is None
    # Not a returner: never a ghost.
    assert assess(make(letters=[]), catalog).archetype("ghost_applicant") is None


def mix(academic: int, mid: int, community: int) -> MixPlan:
    return MixPlan(
        specialty="internal_medicine",
        applications=40,
        academic_pct=academic,
        mid_tier_pct=mid,
        community_pct=community,
        region_share_pct=70,
    )


@pytest.mark.parametrize(
    ("shares", "flagged"),
    [
        ((39, 41, 20), False),
        ((40, 40, 20), True),  # academic share at the threshold
        ((20, 65, 15), True),  # community share at its threshold
        ((5, 25, 70), False),
    ],
)
def test_prestige_gambler_from_saved_mix(
    catalog: Catalog, shares: tuple[int, int, int], flagged: bool
) -> None:
    result = assess(returner(), catalog, mix(*shares))
    gambler = result.archetype("prestige_gambler")
    assert (gambler is not None) is flagged
    if gambler is not None:
        assert any("Saved program mix" in e for e in gambler.evidence)
        assert "broaden_list" in action_ids(result)
    assert assess(returner(), catalog).archetype("prestige_gambler") is None


def test_prestige_gambler_from_targets_alone(catalog: Catalog) -> None:
    profile = returner(targets__specialties=["dermatology", "plastic_surgery"])
    gambler = assess(profile, catalog).archetype("prestige_gambler")
    assert gambler is not None and "Dermatology" in gambler.evidence[0]
    mixed = returner(targets__specialties=["dermatology", "internal_medicine"])
    assert assess(mixed, catalog).archetype("prestige_gambler") is None


@pytest.mark.parametrize(
    ("decided", "flagged"),
    [("m4_late", True), ("residency_late", True), ("m4_early", False), ("before_m3", False)],
)
def test_last_second_switcher(catalog: Catalog, decided: str, flagged: bool) -> None:
    profile = returner(
        applicant__region_decided=decided,
        letters=[{"specialty": "internal_medicine", "region": "south", "months_ago": 2}],
        rotations=[{"region": "south", "status": "done"}],
    )
    result = assess(profile, catalog)
    switcher = result.archetype("last_second_switcher")
    assert (switcher is not None) is flagged
    if switcher is not None:
        assert any("late" in e for e in switcher.evidence)
        assert any("outside the Midwest" in e for e in switcher.evidence)
        action = result.action("commit_region_early")
        assert action is not None
        # they have decided, late: the step is to show it, not to decide ("Decide on ... now")
        assert action.text.startswith("You chose the Midwest late")
        assert ("electives" in action.text) is (not profile.is_reentry)  # a graduate has none


def test_a_student_who_chose_late_is_told_to_move_electives(catalog: Catalog) -> None:
    student = make(
        applicant__stage="student",
        applicant__graduation_year=2027,
        applicant__current_region="south",
        applicant__region_decided="m4_late",
        letters=[{"specialty": "internal_medicine", "region": "south", "months_ago": 2}],
        rotations=[{"region": "south", "status": "done"}],
    )
    action = assess(student, catalog).action("commit_region_early")
    assert action is not None and "electives" in action.text


# --- letters, Step 3, feasibility, cycles ---------------------------------------------------------


def test_letters_window_and_requirements(catalog: Catalog) -> None:
    def letters(*items: tuple[str, int, bool]) -> Assessment:
        return assess(
            make(
                letters=[
                    {"specialty": s, "region": "midwest", "months_ago": m, "saw_real_work": w}
                    for s, m, w in items
                ]
            ),
            catalog,
        )

    ready = letters(("internal_medicine", 18, True), ("family_medicine", 1, False))
    assert ready.letters.verdict == "ready"  # 18 months is still recent; FM counts as adjacent
    old = letters(("internal_medicine", 19, False), ("internal_medicine", 1, True))
    assert old.letters.verdict == "short" and old.letters.recent == 1
    assert old.action("new_letters").finding_id == "letters.short_recent"  # type: ignore[union-attr]
    no_work = letters(("internal_medicine", 2, False), ("internal_medicine", 1, False))
    assert no_work.letters.saw_real_work == 0
    assert no_work.action("new_letters").finding_id == "letters.short_real_work"  # type: ignore[union-attr]
    off = letters(("dermatology", 2, True), ("radiation_oncology", 1, True))
    assert off.letters.in_specialty == 0


def test_letters_adjacent_only_for_primary_care_targets(catalog: Catalog) -> None:
    profile = make(
        targets__specialties=["dermatology"],
        letters=[{"specialty": "internal_medicine", "region": "midwest", "months_ago": 2}] * 2,
    )
    assert assess(profile, catalog).letters.in_specialty == 0


@pytest.mark.parametrize(
    ("date", "verdict"),
    # the 2027 rank order list deadline is 3 March 2027 (dates.toml); results take 4 weeks
    [("2027-01-15", "scheduled"), ("2027-02-03", "scheduled"), ("2027-02-04", "late")],
)
def test_step3_scheduled_against_rank_list_deadline(
    catalog: Catalog, date: str, verdict: str
) -> None:
    profile = make(exams__step3="scheduled", exams__step3_year=None, exams__step3_date=date)
    result = assess(profile, catalog)
    assert result.step3.verdict == verdict
    assert date in result.step3.reason
    assert (result.action("take_step3") is not None) is (verdict == "late")


def test_step3_missing_raises_action(catalog: Catalog) -> None:
    result = assess(make(exams__step3="not_taken", exams__step3_year=None), catalog)
    assert result.step3.verdict == "missing"
    assert result.action("take_step3") is not None
    assert dt.date(2027, 1, 1)  # dates are computed from cycle_year only: no clock


@pytest.mark.parametrize(
    ("target", "band"),
    [
        ("internal_medicine", "realistic"),
        ("psychiatry", "realistic"),  # 65
        ("pediatrics", "stretch"),  # 50
        ("general_surgery", "stretch"),  # 30
        ("emergency_medicine", "reach"),  # 20: at the reach threshold
        ("orthopaedic_surgery", "reach"),
        ("neurology", "realistic"),  # no score: competitiveness moderate
    ],
)
def test_feasibility_bands_for_reentry(catalog: Catalog, target: str, band: str) -> None:
    spec = assess(make(targets__specialties=[target]), catalog).specialties[0]
    assert spec.feasibility == band
    assert bool(spec.pivots) is (band == "reach")


def test_a_realistic_band_says_it_rates_the_specialty_not_the_applicant(catalog: Catalog) -> None:
    """A graduate who left in 2016, has had no clinical job since and lacks Step 3 was told
    'Psychiatry: realistic' beside a high re-entry risk and a 7% estimate: the band is the
    article's judgement of how open the specialty is, and the reason now says so."""
    spec = assess(make(targets__specialties=["psychiatry"]), catalog).specialties[0]
    assert spec.feasibility == "realistic"
    assert "rates the specialty, not you" in spec.reason
    assert "Mix estimate" in spec.reason


def test_feasibility_for_students_uses_competitiveness(catalog: Catalog) -> None:
    student = make(
        applicant__stage="student",
        applicant__graduation_year=2027,
        targets__specialties=["dermatology", "emergency_medicine"],
    )
    result = assess(student, catalog)
    derm, em = result.specialties
    assert (derm.feasibility, em.feasibility) == ("reach", "realistic")
    assert derm.pivots and all(p not in ("dermatology", "emergency_medicine") for p in derm.pivots)
    assert catalog.specialties[derm.pivots[0]].group == "medical"  # same group first
    broaden = result.action("broaden_list")
    assert broaden is not None and broaden.finding_id == "feasibility.competitive"
    # Raised here by the specialty alone, so it speaks to anyone, not to returners (it did).
    assert "returner" not in broaden.text
    assert result.action("pivot_specialty") is None


@pytest.mark.parametrize(
    ("applied", "verdict", "due"),
    [
        (0, "first", False),
        (1, "last_serious", True),
        (2, "past_limit", True),
        (4, "past_limit", True),
    ],
)
def test_cycles(catalog: Catalog, applied: int, verdict: str, due: bool) -> None:
    result = assess(make(history__cycles_applied=applied), catalog)
    assert result.cycles.verdict == verdict
    assert result.cycles.this_cycle == applied + 1
    assert result.cycles.parallel_plan_due is due
    assert (result.action("parallel_plan") is not None) is due
    if due:
        assert result.action("parallel_plan").finding_id.startswith("cycles.")  # type: ignore[union-attr]


def test_a_vague_plan_b_is_said_to_be_vague_not_missing(catalog: Catalog) -> None:
    """A plan B of four general words read 'no plan B is written yet'."""
    vague = assess(
        make(history__cycles_applied=1, narrative__plan_b="I will apply again."), catalog
    )
    assert not vague.cycles.plan_b_present
    assert "plan B written is too vague" in vague.cycles.reason
    assert "no plan B is written" not in vague.cycles.reason
    none = assess(make(history__cycles_applied=1), catalog)
    assert "no plan B is written yet" in none.cycles.reason


def test_plan_b_written_is_recognised(catalog: Catalog) -> None:
    plan_b = "If this fails I will move into clinical research leadership at the hospital " * 2
    with_plan = assess(make(history__cycles_applied=1, narrative__plan_b=plan_b), catalog)
    assert with_plan.cycles.plan_b_present
    without = assess(make(history__cycles_applied=1), catalog)
    assert not without.cycles.plan_b_present
    assert without.action("parallel_plan").finding_id == "cycles.no_plan_b"  # type: ignore[union-attr]


# --- actions, provenance, data-driven -----------------------------------------------------------


def test_actions_are_ordered_and_tied_to_findings(catalog: Catalog, demo_profile: Profile) -> None:
    worst = make(
        applicant__graduation_year=2018,
        applicant__visa="needs_sponsorship",
        applicant__current_region="south",
        applicant__region_decided="m4_late",
        exams__step3="not_taken",
        exams__step3_year=None,
        exams__step1_attempts=3,
        targets__specialties=["orthopaedic_surgery"],
        letters=[],
        clinical={"role": "none"},
        history={"cycles_applied": 3, "last_outcome": "unmatched"},
    )
    for profile in (worst, demo_profile, make()):
        result = assess(profile, catalog)
        assert [a.priority for a in result.actions] == list(range(1, len(result.actions) + 1))
        assert all(a.finding and a.finding_id and a.id in ACTION_IDS for a in result.actions)
        assert all("{" not in a.text for a in result.actions)
    ids = action_ids(assess(worst, catalog))
    assert ids[0] == "pivot_specialty"
    assert set(ids) >= {
        "pivot_specialty",
        "rebuild_clinical",
        "take_step3",
        "new_letters",
        "commit_region_early",
        "away_rotation",
        "local_letters",
        "why_home_story",
        "visa_programs",
        "apply_broadly_community",
        "parallel_plan",
        "soap_ready",
    }


def test_demo_profile_verdicts(catalog: Catalog, demo_profile: Profile) -> None:
    result = assess(demo_profile, catalog)
    assert result.reentry and result.returner
    assert result.risk.tier == "moderate"
    assert level(result, "years_since_graduation") == "higher"
    assert result.back_home.likelihood == "high"
    assert result.back_home.away_rotation == "planned"
    assert result.letters.verdict == "ready"
    assert result.cycles.verdict == "last_serious"
    assert action_ids(result)[0] == "away_rotation"
    assert result.illustrative


def test_every_finding_names_a_resolvable_rule_and_known_source(
    catalog: Catalog, demo_profile: Profile
) -> None:
    result = assess(demo_profile, catalog)
    ruled = [
        result.risk,
        *result.risk.factors,
        result.back_home,
        result.letters,
        result.step3,
        result.cycles,
        *result.actions,
    ]
    for item in ruled:
        assert item.source in catalog.sources
        detail = rule_detail(catalog, item.rule)
        assert detail is not None, item.rule
        assert detail.citation and detail.file.endswith(".toml")
    detail = rule_detail(catalog, "risk.clinical_gap")
    assert detail is not None and detail.params["higher_gap_months"] == 24
    assert "lower_max_since" in detail.assumed
    assert rule_detail(catalog, "risk.nope") is None
    assert rule_detail(catalog, "nonsense") is None


def test_assess_is_deterministic_and_leaves_the_profile_alone(
    catalog: Catalog, demo_profile: Profile
) -> None:
    before = demo_profile.model_dump()
    first = assess(demo_profile, catalog).model_dump()
    assert assess(demo_profile, catalog).model_dump() == first
    assert demo_profile.model_dump() == before


def test_json_has_the_documented_keys(catalog: Catalog, demo_profile: Profile) -> None:
    data = assess(demo_profile, catalog, mix(60, 30, 10)).model_dump(mode="json")
    assert {"risk", "back_home", "archetypes", "letters", "step3", "specialties", "actions"} <= set(
        data
    )
    assert {"tier", "factors"} <= set(data["risk"])
    assert all({"id", "level", "reason"} <= set(f) for f in data["risk"]["factors"])
    assert {"likelihood", "reasons"} <= set(data["back_home"])
    assert data["archetypes"] and all({"id", "reason"} <= set(a) for a in data["archetypes"])
    assert all({"id", "feasibility"} <= set(s) for s in data["specialties"])
    assert all({"id", "text", "finding", "priority"} <= set(a) for a in data["actions"])


def test_a_graduate_working_clinically_where_they_live_has_presence_there(
    catalog: Catalog, demo_profile: Profile
) -> None:
    """Found trying a US IMG two years out in a clinical job in the Northeast, aiming there:
    'Rotation or clinical work in the Northeast: none' and a step asking for months of work
    in the region they already work in."""
    home = demo_profile.targets.region
    applicant = demo_profile.applicant.model_copy(update={"lives_in": home})
    local = demo_profile.model_copy(update={"applicant": applicant, "rotations": []})
    result = assess(local, catalog)
    assert result.back_home.away_rotation == "done"
    assert any("yes (clinical job, where you live)" in r for r in result.back_home.reasons)
    assert "away_rotation" not in action_ids(result)
    # the same job while living elsewhere is not presence in the region
    away = assess(demo_profile.model_copy(update={"rotations": []}), catalog)
    assert away.back_home.away_rotation == "none" and "away_rotation" in action_ids(away)
    # nor is living there without clinical work now
    idle = local.model_copy(
        update={
            "clinical": local.clinical.model_copy(
                update={"role": "nonclinical", "months_last_24": 0, "months_since_last": 30}
            )
        }
    )
    assert assess(idle, catalog).back_home.away_rotation == "none"


def test_no_letters_reads_as_none_listed(catalog: Catalog) -> None:
    """'0 of 0 letters written in the last 18 months' said nothing a person would say."""
    reasons = assess(make(letters=[]), catalog).letters.reasons
    assert reasons[0] == "No letters listed yet (want 2 from the last 18 months)"
    assert assess(make(), catalog).letters.reasons[0].startswith("2 of 2 letters written")


def test_the_back_home_title_says_home_only_when_the_target_is_home(
    catalog: Catalog, demo_profile: Profile
) -> None:
    """A returner whose home is the South and who aims at the West read 'Back home to the
    West'."""
    assert assess(demo_profile, catalog).back_home.heading == "Back home to the Midwest"
    applicant = demo_profile.applicant.model_copy(update={"home_region": "south"})
    elsewhere = assess(demo_profile.model_copy(update={"applicant": applicant}), catalog)
    assert elsewhere.back_home.heading == "Matching in the Midwest"


def test_a_late_decision_month_is_named(catalog: Catalog, demo_profile: Profile) -> None:
    applicant = demo_profile.applicant.model_copy(update={"decided_year": 2026, "decided_month": 5})
    result = assess(demo_profile.model_copy(update={"applicant": applicant}), catalog)
    switcher = result.archetype("last_second_switcher")
    assert switcher is not None
    assert (
        "Decided on the Midwest in May 2026, 4 months before applications open (2 Sep 2026)"
        in switcher.evidence
    )


def test_no_switcher_for_one_who_already_lives_in_the_target_region(
    catalog: Catalog, demo_profile: Profile
) -> None:
    """A graduate out of training who lives in the Midwest and aims at the Midwest, having
    written the decision down late, was told 'Chose the Midwest late, after building
    everything in the Midwest'."""
    applicant = demo_profile.applicant.model_copy(
        update={
            "situation": "not_in_training",
            "training_region": None,
            "lives_in": demo_profile.targets.region,
            "decided_year": 2026,
            "decided_month": 6,
        }
    )
    profile = demo_profile.model_copy(update={"applicant": applicant})
    assert profile.applicant.current_region == profile.targets.region
    assert assess(profile, catalog).archetype("last_second_switcher") is None
    moved = profile.model_copy(
        update={"applicant": applicant.model_copy(update={"lives_in": "south"})}
    )
    assert assess(moved, catalog).archetype("last_second_switcher") is not None


def test_one_month_is_one_month(catalog: Catalog) -> None:
    """'ending 1 months ago' read in the Reality check and the report (found as a graduate one
    month out of a clinical job); counts of one are singular."""
    import datetime as dt

    from matchtui.engine.report import build_report, to_text

    profile = make(
        clinical__role="clinical_job", clinical__months_last_24=1, clinical__months_since_last=1
    )
    gap = next(f for f in assess(profile, catalog).risk.factors if f.id == "clinical_gap")
    assert "1 month " in gap.reason and "1 months" not in gap.reason
    report = build_report(profile, catalog, today=dt.date(2026, 11, 30), plan=None, practice=None)
    text = to_text(report)
    assert "1 month ago" in text
    assert "1 months" not in text and "attempt(s)" not in text


def test_ties_named_only_in_the_story_are_pointed_out(catalog: Catalog) -> None:
    """A why-home story naming a partner and an upbringing in the region, with no ties listed,
    got 'weak ties' and no word on why: the ties count from the list, so the check says the
    story's ties are not on it. The story's quoted phrases are each quoted once."""
    story = (
        "My partner and I both grew up in Columbus, Ohio, and our two children started school "
        "there last fall. I have worked three shifts a week as a scribe at a community hospital "
        "there since 2025, and I intend to practise in Ohio for the rest of my career."
    )
    profile = returner(ties=[], narrative__why_home=story)
    bh = assess(profile, catalog).back_home
    assert bh.narrative == "concrete" and bh.ties != "strong"
    ties = next(r for r in bh.reasons if r.startswith("Ties to the Midwest:"))
    assert ties.endswith(
        "(none listed, though your why-home story names some: add them under "
        "Ties in the Profile so they count)"
    )
    listed = returner(ties=[{"kind": "partner", "region": "midwest"}], narrative__why_home=story)
    assert not any(
        r.startswith("Ties in your story") for r in assess(listed, catalog).back_home.reasons
    )
    from matchtui.engine.text import judge_story

    plan_b = judge_story("plan_b", "I will keep working as a scribe.", catalog)
    assert len(plan_b.concrete) == len({t.lower() for t in plan_b.concrete})


def test_a_resident_who_passed_step3_is_told_so(catalog: Catalog) -> None:
    """A resident who had passed Step 3 was shown 'Step 3: not applicable. Not expected before
    this application for a resident', as if it were not on the record; the pass is shown."""
    resident = make(applicant__stage="resident", exams__step3_year=2025)
    assert resident.applicant.situation == "in_training"
    result = assess(resident, catalog)
    assert (result.step3.applicable, result.step3.verdict) == (False, "passed")
    assert result.step3.reason.startswith("Passed in 2025")
    assert result.action("take_step3") is None
    waiting = assess(make(applicant__stage="resident", exams__step3="not_taken"), catalog)
    assert waiting.step3.verdict == "not_applicable"
    assert waiting.step3.reason.startswith("Not expected before this application")


def _as_student(profile: Profile, graduation_year: int) -> Profile:
    applicant = profile.applicant.model_copy(
        update={"situation": "in_school", "student_year": "m4", "graduation_year": graduation_year}
    )
    return profile.model_copy(update={"applicant": applicant})


@pytest.mark.parametrize(
    ("graduation_year", "questioned"),
    [
        (2026, None),
        (2027, None),
        (2028, "after the 2027 Match"),
    ],
)
def test_a_student_whose_graduation_year_reads_as_a_slip_is_asked_to_check_it(
    catalog: Catalog, demo_profile: Profile, graduation_year: int, questioned: str | None
) -> None:
    """A student graduating after the Match applied for is questioned, first of the actions,
    and the Mix says its estimate reads them as a senior in this Match. (A student's graduation
    year well before the Match does not load at all: tests/test_profile_consistency.py.)"""
    from matchtui.engine.mix import estimate, recommended_mix

    profile = _as_student(demo_profile, graduation_year)
    result = assess(profile, catalog)
    mix = estimate(profile, catalog, recommended_mix(profile, catalog))
    slips = [w.text for w in mix.warnings if w.id == "student_graduation"]
    if questioned is None:
        assert result.action("check_situation") is None and not slips
        return
    first = result.actions[0]
    assert (first.id, first.finding_id) == ("check_situation", "profile.student_graduation")
    assert questioned in first.finding and "graduation year" in first.text
    assert slips and questioned in slips[0] and "senior" in slips[0]


def test_a_graduate_is_never_asked_about_a_student_graduation_year(
    catalog: Catalog, demo_profile: Profile
) -> None:
    assert assess(demo_profile, catalog).action("check_situation") is None


def test_a_data_folder_without_the_student_graduation_rule_questions_no_profile(
    catalog: Catalog, demo_profile: Profile, tmp_path: Any
) -> None:
    import shutil

    from matchtui.locations import bundled_data_dir

    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    path = folder / "actions.toml"
    text = path.read_text()
    start = text.index("[student_graduation]")
    path.write_text(text[:start] + text[text.index("[[actions]]", start) :])
    older = Catalog.load(folder)
    assert assess(_as_student(demo_profile, 2029), older).action("check_situation") is None


def test_prestige_gambler_aiming_at_a_new_region_is_not_said_to_go_back(catalog: Catalog) -> None:
    """A graduate from abroad aiming at dermatology in the Midwest: 'getting back to the Midwest'
    named a place they never left; home applicants keep the words."""
    new_region = make(applicant__home_region="abroad", targets__specialties=["dermatology"])
    gambler = assess(new_region, catalog).archetype("prestige_gambler")
    assert gambler is not None
    assert gambler.reason == "A top-heavy plan for a place in the Midwest"
    home = returner(targets__specialties=["dermatology"])
    assert home.is_going_home
    going_home = assess(home, catalog).archetype("prestige_gambler")
    assert going_home is not None
    assert going_home.reason == "A top-heavy plan for getting back to the Midwest"
