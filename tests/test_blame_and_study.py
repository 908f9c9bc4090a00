"""Blame put on the year, the programs' screens or a late writer, and a study method named as
what fell short.

Found answering the red-flag questions as a returner: "The year I applied was the most
competitive ever and programs were screening out DOs", "my letters were late because my
attending went on vacation" and "I did everything I could" passed No blaming; an exam-failure
answer saying "I studied from question banks alone without ever taking a timed practice exam"
failed Ownership and was told first to add a sentence on its own part."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice
from matchtui.models.practice import CheckResult


def _check(question: str, answer: str, check: str, catalog: Catalog) -> CheckResult:
    feedback = practice.analyse(question, answer, None, catalog)
    return next(c for c in feedback.checks if c.id == check)


BLAME = {
    "year": "The year I applied in 2021 was the most competitive ever.",
    "screens": "In 2021 programs were screening out DOs like me.",
    "writer": "My letters were late in 2021 because my attending went on vacation.",
    "denied": "I did everything I could in 2021.",
}


@pytest.mark.parametrize("sentence", BLAME.values(), ids=BLAME.keys())
def test_blame_outside_oneself_is_found(catalog: Catalog, sentence: str) -> None:
    assert _check("why_unmatched", sentence, "no_blame", catalog).status == "fail"


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2022 I went on vacation for a week and came back to study for Step 3.",
        "I chose psychiatry in 2023 because my attending showed me what the work is.",
    ],
)
def test_ones_own_trip_or_a_mentor_is_no_blame(catalog: Catalog, sentence: str) -> None:
    assert _check("specialty_switch", sentence, "no_blame", catalog).status == "pass"


def test_a_study_method_that_fell_short_is_ownership(catalog: Catalog) -> None:
    answer = (
        "I failed Step 1 on my first attempt in 2019. I had been working twenty hours a week "
        "and I studied from question banks alone without ever taking a timed practice exam. "
        "I passed on my second attempt three months later, and I will use those habits for boards."
    )
    check = _check("exam_failure", answer, "ownership", catalog)
    assert check.status == "pass", check.detail
    assert "I studied from question banks alone" in check.matches
