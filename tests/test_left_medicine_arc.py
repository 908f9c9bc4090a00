"""A returner's four-part story counts a new start taken as what changed, and being brought
back as why now.

Found with "Why did you leave medicine?": "... in 2024 I started working weekends as a scribe in
an urgent care in Phoenix. I passed Step 3 last spring. I will bring the same steadiness to
residency that got me back here." was told it lacked what changed and why now."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse, question_bank

ANSWER = (
    "I left medicine in 2019 after my second unmatched cycle. I was exhausted, I had debts, and "
    "I took a job as a medical science liaison for a pharmaceutical company so that I could pay "
    "them down. It was my decision and it was the right one at the time. But over four years I "
    "missed taking care of patients, and in 2024 I started working weekends as a scribe in an "
    "urgent care in Phoenix. I passed Step 3 last spring. I will bring the same steadiness to "
    "residency that got me back here."
)


def test_a_new_start_and_a_return_complete_the_story(catalog: Catalog) -> None:
    question = next(q for q in question_bank(catalog).questions if q.id == "why_left_medicine")
    feedback = analyse(question, ANSWER, None, catalog)
    arc = next(c for c in feedback.checks if c.id == "arc")
    assert arc.status == "pass", arc.detail
