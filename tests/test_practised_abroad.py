"""Practice as a physician, told in the past tense, is clinical work.

Found writing an IMG's gap answer: "I practised as a physician in India until 2022" and "I
worked as a doctor in a district hospital" were told nothing shows clinical work ("practising
as" counted, "practised as" did not). A plan to work as one still proves nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


def readiness(text: str, catalog: Catalog) -> str:
    feedback = analyse("explain_gap", text, None, catalog, today=dt.date(2026, 11, 30))
    return {c.id: c for c in feedback.checks}["readiness"].status


@pytest.mark.parametrize(
    "text",
    [
        "I practised as a physician in a public hospital until this year.",
        "I practiced medicine in Lagos until this year.",
        "I worked as a doctor in a district hospital until this year.",
    ],
)
def test_practice_as_a_physician_is_readiness(catalog: Catalog, text: str) -> None:
    assert readiness(text, catalog) == "pass"


def test_a_plan_to_work_as_one_is_not(catalog: Catalog) -> None:
    assert readiness("I want to work as a physician in Ohio.", catalog) == "fail"
