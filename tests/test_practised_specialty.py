"""A graduate who practised a specialty abroad is read as having practised, and a why-now story
is never told to explain stepping away as if everyone had.

Found as a non-US IMG who practised internal medicine for eight years abroad: "I practised
internal medicine in Chennai for eight years as a consultant physician" named no clinical work
(the list had "practised as" and "practised medicine" only), and the why-now advice asked her to
add "why you stepped away", which she never did. The advice now asks for the reason for any
time away from patients."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import judge_story

STORY = (
    "I practised internal medicine in Chennai for eight years as a consultant physician. I "
    "passed Step 3 in 2026 and moved here with my husband in 2025."
)


@pytest.mark.parametrize(
    "phrase",
    [
        "practised internal medicine",
        "practiced family medicine",
        "consultant physician",
        "practised paediatrics",
        "staff physician",
    ],
)
def test_practice_abroad_is_clinical_work(catalog: Catalog, phrase: str) -> None:
    verdict = judge_story("why_now", f"Until last year I {phrase} in Lagos.", catalog)
    assert "readiness" in verdict.signals
    assert any(phrase.lower() in quoted.lower() for quoted in verdict.concrete)


def test_the_why_now_advice_does_not_assume_a_step_away(catalog: Catalog) -> None:
    verdict = judge_story("why_now", STORY, catalog)
    assert verdict.quality == "generic"
    assert "'practised internal medicine'" in verdict.reason
    assert "stepped away" not in verdict.reason
    assert "the reason for any time away from patients" in verdict.reason
