"""Closes that look ahead as applicants write them, and first reactions and plain facts of one's
own part.

Found answering the practice questions: "In five years I see myself as a board-certified family
physician in rural Nebraska" failed Forward close, as did "That means I am eligible for an H-1B
and I can start moonlighting sooner" and "I use that format every day now"; "I disagreed at
first because I wanted to be thorough, but I timed myself" failed Ownership, as did "Last time I
applied to 30 programs, only in dermatology, with no backup plan"."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "five_years",
            "My parents live in Kearney. In five years I see myself as a board-certified family "
            "physician in rural Nebraska, running a clinic with prenatal care.",
        ),
        (
            "five_years",
            "I grew up in a town of 900 people. Five years from now I picture myself running the "
            "clinic there.",
        ),
        (
            "step3_status",
            "I took Step 3 in October 2026 and passed with a 221. That means I am eligible for an "
            "H-1B and I can start moonlighting sooner.",
        ),
        (
            "critical_feedback",
            "An attending told me my presentations were too long. I practised a three-minute "
            "format. I use that format every day now.",
        ),
    ],
)
def test_the_close_looks_ahead(catalog: Catalog, question: str, answer: str) -> None:
    assert status(catalog, question, answer, "forward_close") == "pass"


def test_a_skill_used_every_day_looks_ahead(catalog: Catalog) -> None:
    """Found answering "What did you learn in your time away?": "Since January I have been a
    scribe in a geriatrics clinic in Newark and I use that skill every day." trailed off."""
    answer = (
        "I learned to explain things in plain words while caring for my father in 2024. Since "
        "January I have been a scribe in a clinic in Newark and I use that skill every day."
    )
    assert status(catalog, "time_away_learned", answer, "forward_close") == "pass"


def test_a_close_about_the_past_still_does_not(catalog: Catalog) -> None:
    answer = "I took Step 3 in October 2026 and passed with a 221. I could start it sooner."
    assert status(catalog, "step3_status", answer, "forward_close") == "fail"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "critical_feedback",
            "An attending told me my presentations were too long. I disagreed at first because "
            "I wanted to be thorough, but I timed myself and they ran eight minutes.",
        ),
        (
            "different_this_time",
            "Last time I applied to 30 programs, only in dermatology, with no backup plan. This "
            "time I am applying to 90 family medicine programs.",
        ),
        (
            "different_this_time",
            "In 2025 I sent 40 applications without a backup specialty. This year I am applying "
            "to 120 internal medicine programs.",
        ),
    ],
)
def test_ones_own_part_is_owned(catalog: Catalog, question: str, answer: str) -> None:
    assert status(catalog, question, answer, "ownership") == "pass"


def test_a_colleague_without_backup_is_not_ones_own_part(catalog: Catalog) -> None:
    answer = (
        "Last year the night intern covered 40 patients with no backup. This time I am applying "
        "to 90 family medicine programs."
    )
    assert status(catalog, "different_this_time", answer, "ownership") == "fail"


def test_a_reach_realised_now_is_owned(catalog: Catalog) -> None:
    """Found answering "What is different this time?": "I am applying to family medicine
    instead of dermatology, which I now realize was a reach" named no part of one's own but
    through "my application"."""
    answer = (
        "I am applying to family medicine instead of dermatology, which I now realize was a "
        "reach. Since 2025 I have worked as a research coordinator at UCSF."
    )
    assert status(catalog, "different_this_time", answer, "ownership") == "pass"


def test_studying_alone_is_owned_and_a_template_written_now_looks_ahead(
    catalog: Catalog,
) -> None:
    """Found answering "Tell me about the exam you failed": "I had been studying alone from one
    book and never did a full practice exam under time." named no part of one's own; answering
    "Tell me about critical feedback": "I write every note with that template now." trailed
    off (read now when "that" is not between: it ends the search for the later word, as a
    clause word)."""
    exam = (
        "I failed Step 2 CK in 2023 by four points. I had been studying alone from one book and "
        "never did a full practice exam under time. I passed in 2024 with a 231."
    )
    assert status(catalog, "exam_failure", exam, "ownership") == "pass"
    notes = (
        "In 2024 my preceptor told me my notes were too long. I rewrote my template that night. "
        "I write every note with the new template now."
    )
    assert status(catalog, "critical_feedback", notes, "forward_close") == "pass"
