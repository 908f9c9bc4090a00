"""Closes and story parts phrased in ways the lists did not read.

Before: "we both see ourselves settling in Massachusetts" did not look ahead; "Now when
something big happens I ask for help early" did not close an exam-failure answer; "I'm excited
about your program" trailed off; "I have worked for two years as a medical assistant" was no
step away, and "I passed Step 3 in 2024" was not what changed in a returner's story."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "will_you_stay",
            "My fiancee is doing her PhD at Harvard until 2029 and her family is in Worcester. "
            "Nothing is certain of course, but we both see ourselves settling in Massachusetts.",
        ),
        (
            "exam_failure",
            "I failed Step 1 in 2021 because I did not postpone it when my father was in the ICU. "
            "Now when something big happens I ask for help early instead of pushing through.",
        ),
        (
            "tell_me_about_yourself",
            "I went to Texas Tech and ran the student clinic in my third year. I'm excited about "
            "your program because of the rural track in Alpine.",
        ),
    ],
)
def test_the_close_looks_ahead(catalog: Catalog, question: str, answer: str) -> None:
    assert status(catalog, question, answer, "forward_close") == "pass"


def test_when_without_now_opening_is_no_close(catalog: Catalog) -> None:
    answer = "I failed Step 1 in 2021. I remember now when it happened I was alone."
    assert status(catalog, "exam_failure", answer, "forward_close") != "pass"


def test_a_role_held_and_step3_passed_complete_the_arc(catalog: Catalog) -> None:
    answer = (
        "I did not match in 2022 and 2023 in general surgery because I applied only to "
        "university programs. I have worked for two years as a medical assistant at a rural "
        "clinic in Kansas, and I passed Step 3 in 2024. I am ready now for family medicine."
    )
    arc = next(c for c in analyse("what_happened", answer, None, catalog).checks if c.id == "arc")
    assert arc.status == "pass", arc.detail
