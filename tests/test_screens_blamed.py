"""The programs' screens named as the cause of not matching are blame.

Found answering "Why do you think you did not match?": "Programs were only looking at Step
scores that year.", "Most programs did not even interview IMGs like me." and "... clearly did
not want me." all passed No blaming. Someone who did not want the applicant to do something, and
a narrow search owned as one's own, are not blame."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

TAIL = " I did not match in 2023. I will apply to sixty programs this year."


def no_blame(catalog: Catalog, first: str) -> str | None:
    return status(catalog, "why_unmatched", first + TAIL, "no_blame")


@pytest.mark.parametrize(
    "first",
    [
        "Programs were only looking at Step scores that year.",
        "Most programs did not even interview IMGs like me.",
        "The interviewers asked odd questions and clearly did not want me.",
    ],
)
def test_the_screens_named_as_the_cause_are_blame(catalog: Catalog, first: str) -> None:
    assert no_blame(catalog, first) == "fail"


@pytest.mark.parametrize(
    "first",
    [
        "I only looked at university programs, which was my mistake.",
        "My father did not want me to give up after the first cycle.",
    ],
)
def test_these_are_not(catalog: Catalog, first: str) -> None:
    assert no_blame(catalog, first) == "pass"
