"""A commitment held back is a hedge.

Found answering "How do we know you will stay here after residency?": "Honestly, I can't
promise anything, it depends on where the jobs are." was not read as a hedge, nor "if things
work out" in "I think I would probably stay if things work out"."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice


@pytest.mark.parametrize(
    ("answer", "hedge"),
    [
        ("I can't promise I will stay in Ohio after 2030.", "I can't promise"),
        ("I will stay in Ohio after 2030, but it depends on where the jobs are.", "it depends on"),
        ("I will stay in Ohio after 2030 if things work out.", "if things work out"),
    ],
)
def test_a_held_back_plan_to_stay_is_hedged(catalog: Catalog, answer: str, hedge: str) -> None:
    feedback = practice.analyse("will_you_stay", answer, None, catalog)
    stay = next(c for c in feedback.checks if c.id == "plan_to_stay")
    assert stay.status == "warn", stay.detail
    assert hedge in stay.detail
