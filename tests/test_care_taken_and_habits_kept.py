"""A gap spent caring for a parent is one's own choice; a habit kept to this day closes an
answer; "even when I might be wrong" is neither a hedge nor a mistake owned.

Before: an IMG's gap story ("I was taking care of her until she is passing in 2022") failed
Ownership; a weakness answer closing "I still prepare one question for each round so I keep
doing it" failed Forward close, and its "even when I might be wrong" was both a hedge and an
owned mistake."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status

GAP = (
    "After my graduation in 2018 I have been working as research assistant in University of "
    "Toledo for three years. My mother she was sick with the kidney disease so I was taking "
    "care of her until she is passing in 2022. Then I start again to prepare, I passed Step 3 "
    "in 2024 and I am working as clinical observer in ProMedica hospital since one year. Now I "
    "am ready for residency and I will apply in internal medicine this cycle."
)

WEAKNESS = (
    "I used to avoid speaking up in rounds when I was unsure. On my medicine sub-internship in "
    "2024 my attending told me my plans were good but I kept them to myself. I started "
    "presenting a plan for every patient, even when I might be wrong, and asked for feedback at "
    "the end of each week. By the end of the rotation she wrote that I led the discussion on my "
    "patients. I still prepare one question for each round so I keep doing it."
)


def test_caring_for_a_parent_is_ones_own_part(catalog: Catalog) -> None:
    feedback = analyse("explain_gap", GAP, None, catalog)
    ownership = next(c for c in feedback.checks if c.id == "ownership")
    assert ownership.status == "pass"
    assert "I was taking care of her" in ownership.matches
    # caring for patients is work, not the story of the gap
    other = "I took care of patients on the wards in 2019. I will apply this cycle."
    assert status(catalog, "explain_gap", other, "ownership") == "fail"


def test_a_habit_kept_closes_the_answer(catalog: Catalog) -> None:
    feedback = analyse("greatest_weakness", WEAKNESS, None, catalog)
    assert feedback.status("forward_close") == "pass"
    assert feedback.hedges == []
    ownership = next(c for c in feedback.checks if c.id == "ownership")
    assert "I might be wrong" not in ownership.matches
    assert ownership.status == "pass"  # "I used to avoid speaking up"


def test_a_hedge_still_counts_where_the_claim_is_made(catalog: Catalog) -> None:
    answer = (
        "I did not match in 2024 because I applied to too few programs. I might be ready now, "
        "and I will apply to 90 programs this cycle."
    )
    assert "I might" in analyse("why_unmatched", answer, None, catalog).hedges


def test_more_habits_kept_close_the_answer(catalog: Catalog) -> None:
    """Found later: "I still time myself before presenting a new patient." and "I still think
    about it every time I talk to a family." trailed off."""
    timed = (
        "On my medicine rotation in 2024 my attending told me my presentations were too long. "
        "I practised with a two-minute timer every night for two weeks. I still time myself "
        "before presenting a new patient."
    )
    assert status(catalog, "critical_feedback", timed, "forward_close") == "pass"
    family = (
        "I grew up translating for my parents at doctor's visits in Yuma in the 2000s. That is "
        "where I learned to explain things clearly, and I still think about it every time I "
        "talk to a family."
    )
    assert status(catalog, "not_on_application", family, "forward_close") == "pass"


def test_studying_too_little_with_i_left_out_is_owned(catalog: Catalog) -> None:
    """Found later: "I was working nights and didnt study properly" failed Ownership."""
    answer = (
        "I failed Step 1 in 2020. I was working nights and didnt study properly. I took 3 "
        "months off, passed in 2021 and got 241 on Step 2 CK. I will do the same for Step 3."
    )
    assert status(catalog, "exam_failure", answer, "ownership") == "pass"
    other = (
        "I failed Step 1 in 2020 after my roommate didn't study and kept me up. I passed in "
        "2021. I will do the same for Step 3."
    )
    assert status(catalog, "exam_failure", other, "ownership") == "fail"


def test_a_caregiver_and_a_choice_stood_by_are_owned(catalog: Catalog) -> None:
    """Found later: "From 2019 to 2023 I was the main caregiver for my father after his stroke
    ... It was the right choice for my family and I don't regret it." failed Ownership."""
    answer = (
        "From 2019 to 2023 I was the main caregiver for my father after his stroke. It was the "
        "right choice for my family. Since 2023 I have worked full time as a hospitalist "
        "assistant in Columbus. I am ready to train now."
    )
    assert status(catalog, "explain_gap", answer, "ownership") == "pass"


def test_a_decision_taken_is_owned(catalog: Catalog) -> None:
    """Found later, in an answer in Pakistani English: "I took the decision to wait until I had
    my green card" failed Ownership."""
    answer = (
        "After my house job in Lahore in 2018 I came to the US on a dependent visa and could not "
        "work for three years. I took the decision to wait until I had my green card. Since "
        "2022 I work as a medical assistant in Sugar Land, and I am applying now."
    )
    assert status(catalog, "explain_gap", answer, "ownership") == "pass"
