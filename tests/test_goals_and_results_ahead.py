"""A goal named with a word between, a step toward it, a result on its way and a "want" said
with "definitely" look ahead.

Before: "I definitely want to do cardiology ... That is my main goal and residency is a step
toward it." did not look ahead (0/100), nor did "The result will be back before the rank list
deadline on March 3." close a Step 3 answer."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "fellowship_plans",
            "I am interested in cardiology after my elective at Baylor in 2025. That is my main "
            "goal and residency is a step toward it.",
        ),
        (
            "step3_status",
            "Step 3 is scheduled for February 12, 2027 in Dallas. The result will be back before "
            "the rank list deadline on March 3.",
        ),
        (
            "fellowship_plans",
            "I did my research year at Emory in 2024. I definitely want to apply to cardiology "
            "in my second year.",
        ),
    ],
)
def test_the_close_looks_ahead(catalog: Catalog, question: str, answer: str) -> None:
    assert status(catalog, question, answer, "forward_close") == "pass"


def test_a_past_result_is_no_close(catalog: Catalog) -> None:
    answer = "I took Step 3 in 2025 in Dallas. The result was a pass with 221."
    assert status(catalog, "step3_status", answer, "forward_close") != "pass"
