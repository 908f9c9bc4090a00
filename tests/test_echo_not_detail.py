"""The question's own words are not concrete detail, and one sentence is not two.

Found answering "Where do you see yourself in five years?" with "In five years I will be a great
doctor helping people.": Specifics passed on "five years", the question's own words, and the
empty answer scored 65. Any one-sentence answer passed Specifics, whose rule asks for two
sentences with detail."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


def test_the_questions_words_are_not_detail(catalog: Catalog) -> None:
    answer = "In five years I will be a great doctor helping people."
    assert status(catalog, "five_years", answer, "specifics") == "fail"
    assert analyse("five_years", answer, None, catalog).score < 50


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "five_years",
            "In five years I will be a hospitalist in Omaha. My wife's family lives in Lincoln.",
        ),
        ("step3_status", "I passed Step 3 in March 2025. My score was 228."),
    ],
)
def test_detail_beyond_the_question_still_counts(
    catalog: Catalog, question: str, answer: str
) -> None:
    assert status(catalog, question, answer, "specifics") == "pass"


def test_one_sentence_of_detail_is_one(catalog: Catalog) -> None:
    answer = "I passed Step 3 in March 2025 with a 228 while working as a scribe in Omaha."
    assert status(catalog, "step3_status", answer, "specifics") == "warn"
