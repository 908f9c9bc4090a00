"""Earlier cycles count by how they ended.

Found trying a PGY-3 who matched in general surgery in 2024 and is applying to anesthesiology:
the Reality check said "Cycle 2 of 2 serious attempts: the parallel plan is due now", the
estimate took the matched cycle off the interview odds as an unsuccessful one, and practice
asked "Why do you think you did not match?".
"""

from __future__ import annotations

from typing import Any

from matchtui.engine.assess import assess
from matchtui.engine.mix import inputs_of
from matchtui.models.profile import Cycle, History
from matchtui.models.questions import audiences


def with_cycles(profile: Any, *cycles: Cycle, targets: list[str] | None = None) -> Any:
    update: dict[str, Any] = {"history": History(cycles=list(cycles))}
    if targets is not None:
        update["targets"] = profile.targets.model_copy(update={"specialties": targets})
    return profile.model_copy(update=update)


def test_a_cycle_that_ended_in_a_position_is_not_a_failed_attempt(
    demo_profile: Any, catalog: Any
) -> None:
    switcher = with_cycles(
        demo_profile,
        Cycle(year=2024, specialty="general_surgery", outcome="matched"),
        targets=["anesthesiology"],
    )
    cycles = assess(switcher, catalog).cycles
    assert cycles.this_cycle == 1 and cycles.verdict == "first"
    # Anesthesiology is a reach for a graduate out of training (the demo profile's situation),
    # which makes the risk tier high and the parallel plan due: the demo's plan B is written.
    assert cycles.reason == (
        "First cycle (2 serious attempts is the usual limit; not counted: 1 cycle that ended "
        "in a position); a plan B is written"
    )
    assert inputs_of(switcher, catalog).prior_cycles == 0
    found = audiences(switcher)
    assert "switching" in found and "reapplicant" not in found


def test_unmatched_and_preliminary_only_cycles_count(demo_profile: Any, catalog: Any) -> None:
    twice = with_cycles(
        demo_profile,
        Cycle(year=2021, specialty="internal_medicine", outcome="unmatched"),
        Cycle(year=2022, specialty="internal_medicine", outcome="matched", preliminary=True),
        Cycle(year=2023, specialty="internal_medicine", outcome="withdrew"),
        targets=["internal_medicine"],
    )
    cycles = assess(twice, catalog).cycles
    assert cycles.this_cycle == 3 and cycles.verdict == "past_limit"
    assert "(not counted: 1 withdrawn cycle)" in cycles.reason
    assert inputs_of(twice, catalog).prior_cycles == 2
    found = audiences(twice)
    assert "reapplicant" in found and "switching" not in found  # same specialty again


def test_the_demo_who_went_unmatched_in_surgery_is_both(demo_profile: Any, catalog: Any) -> None:
    assert {"reapplicant", "switching"} <= audiences(demo_profile)
    assert inputs_of(demo_profile, catalog).prior_cycles == 1


def test_did_not_match_is_asked_only_of_someone_who_went_unmatched(
    demo_profile: Any, catalog: Any
) -> None:
    """A graduate out of training who never applied (or matched and left) was asked 'Why do
    you think you did not match?'."""
    from matchtui.engine.practice import question_bank
    from matchtui.models.questions import questions_for

    bank = question_bank(catalog)

    def ids(profile: Any) -> set[str]:
        return {q.id for q in questions_for(bank, profile)}

    assert "why_unmatched" in ids(demo_profile)  # unmatched in 2021
    assert "why_unmatched" not in ids(with_cycles(demo_profile))
    left = with_cycles(
        demo_profile, Cycle(year=2020, specialty="internal_medicine", outcome="matched")
    )
    assert "why_unmatched" not in ids(left) and "what_happened" in ids(left)


def test_visa_and_soap_questions_go_to_who_they_are_about(demo_profile: Any) -> None:
    """'Will you need visa sponsorship?' went to every IMG, US citizens included; 'Tell us
    about your SOAP experience' to every re-applicant, SOAP or not."""
    citizen = demo_profile.model_copy(
        update={"applicant": demo_profile.applicant.model_copy(update={"degree": "us_img"})}
    )
    assert "img" in audiences(citizen) and "visa" not in audiences(citizen)
    sponsored = citizen.model_copy(
        update={
            "applicant": citizen.applicant.model_copy(
                update={"degree": "non_us_img", "visa": "needs_sponsorship"}
            )
        }
    )
    assert "visa" in audiences(sponsored)
    assert "soap" in audiences(demo_profile)  # SOAP in 2021
    no_soap = with_cycles(demo_profile, Cycle(year=2021, outcome="unmatched", soap=False))
    assert "soap" not in audiences(no_soap) and "reapplicant" in audiences(no_soap)


def test_went_unmatched_counts_only_unmatched_cycles(demo_profile: Any, catalog: Any) -> None:
    profile = with_cycles(
        demo_profile,
        Cycle(year=2021, specialty="internal_medicine", outcome="matched", preliminary=True),
        Cycle(year=2023, specialty="internal_medicine", outcome="unmatched"),
    )
    action = assess(profile, catalog).action("soap_ready")
    assert action is not None and action.finding == "Went unmatched before (1 cycle)"


def test_what_changed_since_you_last_applied_needs_an_earlier_cycle(
    demo_profile: Any, catalog: Any
) -> None:
    """'What has changed since you last applied?' went to every graduate out of training,
    one who never applied included."""
    from matchtui.engine.practice import question_bank
    from matchtui.models.questions import questions_for

    bank = question_bank(catalog)
    never = {q.id for q in questions_for(bank, with_cycles(demo_profile))}
    assert "what_changed" not in never and "why_now" in never
    left = with_cycles(
        demo_profile, Cycle(year=2019, specialty="internal_medicine", outcome="matched")
    )
    assert "what_changed" in {q.id for q in questions_for(bank, left)}
