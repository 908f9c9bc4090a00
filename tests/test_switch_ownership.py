"""A change of specialty decided and acted on in the first person is the applicant's own part.

Found as a PGY-2 in surgery answering "You applied to a different specialty before. Why the
change?": "I asked our consult-liaison psychiatrist if I could join her rounds ... I talked it
over with my program director" failed Ownership ("No sentence names your own part"), though the
answer is the applicant's own decision and the steps taken for it."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse, question_bank

BASE = (
    "I matched into general surgery in 2024 and I am now a PGY-2 in Alabama. On the wards I "
    "kept being drawn to patients with delirium and withdrawal. {own} I will finish this year "
    "in good standing before I switch."
)


def ownership(catalog: Catalog, answer: str) -> str:
    question = next(q for q in question_bank(catalog).questions if q.id == "specialty_switch")
    feedback = analyse(question, answer, None, catalog)
    return next(c.status for c in feedback.checks if c.id == "ownership")


@pytest.mark.parametrize(
    "own",
    [
        "I asked our consult-liaison psychiatrist if I could join her rounds for six weeks.",
        "I talked it over with my program director, who supports the change.",
        "I have decided that psychiatry is the work I want for the rest of my career.",
        "I sought out the psychiatry consult team on my research block.",
    ],
)
def test_a_decision_acted_on_is_ownership(catalog: Catalog, own: str) -> None:
    assert ownership(catalog, BASE.format(own=own)) == "pass"


def test_without_it_ownership_still_fails(catalog: Catalog) -> None:
    assert ownership(catalog, BASE.format(own="The consult team was impressive.")) == "fail"
