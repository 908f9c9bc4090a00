"""A parallel application chosen, a burnout owned, and "the right cycle" as a close.

Found answering the practice questions: "I am applying to internal medicine and family medicine
in parallel because what I love in both is the continuity clinic" failed Ownership, though the
choice is the applicant's own, as did "Before, I tried to do everything alone and I burned
out."; "this is the right cycle to finish pediatrics" did not close looking ahead."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

CLINIC = " At the free clinic in Toledo I have followed the same 20 patients monthly since 2024."


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "fallback_specialty",
            "I am applying to internal medicine and family medicine in parallel because I love "
            "continuity clinic." + CLINIC,
        ),
        (
            "what_changed",
            "Before, I tried to do everything alone and I burned out. Now I see a therapist every "
            "two weeks." + CLINIC,
        ),
    ],
)
def test_ones_own_choice_and_burnout_are_owned(
    catalog: Catalog, question: str, answer: str
) -> None:
    assert status(catalog, question, answer, "ownership") == "pass"


def test_a_program_running_in_parallel_is_not(catalog: Catalog) -> None:
    answer = "The program runs two clinics in parallel." + CLINIC
    assert status(catalog, "fallback_specialty", answer, "ownership") == "fail"


def test_the_right_cycle_looks_ahead(catalog: Catalog) -> None:
    answer = (
        "My son has been in remission for four years. Since 2024 I have worked in a pediatric "
        "urgent care. Now that he is well, this is the right cycle to finish pediatrics."
    )
    assert status(catalog, "why_now", answer, "forward_close") == "pass"
