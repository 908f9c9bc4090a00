"""A step booked but not yet taken, and a practice changed since.

Found answering "What have you done to connect with programs in this region?": "I am planning an
away rotation in Milwaukee in January." counted as local activity, though it has not happened,
and did not close looking ahead. Answering "Tell me about a conflict with a colleague": "Since
then I always ask who has the relationship before dividing tasks." did not name what the
applicant now does differently (Ownership)."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

CONTACT = "I met with your program director at the Wisconsin ACP chapter meeting in October. "


@pytest.mark.parametrize(
    "plan",
    [
        "I am planning an away rotation in Milwaukee in January.",
        "I have scheduled a sub-internship at Froedtert for February.",
        "I've booked an elective at Froedtert for February.",
    ],
)
def test_a_booked_step_looks_ahead_but_is_not_done(catalog: Catalog, plan: str) -> None:
    answer = CONTACT + plan
    assert status(catalog, "connect_region", answer, "forward_close") == "pass"
    assert status(catalog, "connect_region", answer, "local_activity") == "warn"


def test_a_step_taken_still_counts(catalog: Catalog) -> None:
    answer = CONTACT + "I did an away rotation in Milwaukee in September."
    assert status(catalog, "connect_region", answer, "local_activity") == "pass"


@pytest.mark.parametrize(
    "close",
    [
        "Since then I always ask who has the relationship before dividing tasks.",
        "From then on I check with the senior before calling a family.",
    ],
)
def test_a_practice_changed_since_is_owned(catalog: Catalog, close: str) -> None:
    answer = (
        "My co-resident and I disagreed in 2025 on who should call a family after a death. We "
        f"talked it through in the workroom and called together. {close}"
    )
    assert status(catalog, "conflict_colleague", answer, "ownership") == "pass"


@pytest.mark.parametrize(
    "close",
    [
        "I am scheduled to take it on January 15 and I have studied with UWorld since September.",
        "I'm registered for the January 15 date.",
        "My exam date is January 15.",
    ],
)
def test_an_exam_booked_looks_ahead(catalog: Catalog, close: str) -> None:
    """Found answering "Where are you with Step 3?": "I am scheduled to take it on January 15"
    did not close looking ahead."""
    answer = f"I have not taken Step 3 yet. {close}"
    assert status(catalog, "step3_status", answer, "forward_close") == "pass"
    assert status(catalog, "step3_status", answer, "readiness") == "fail"
