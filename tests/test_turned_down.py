"""Certainty turned down is a hedge where the answer should be firm.

Found writing will-you-stay answers: "I am pretty sure I will stay in Ohio", "I am fairly
confident that I will stay", "I feel that I am ready now" and "I believe I am ready" passed
Fillers and hedges with none found. They are hedges now; a belief in something ("I believe in
continuity of care") is not (lexicon.toml [hedges])."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("I am pretty sure I will stay in Ohio.", "pretty sure"),
        ("I am fairly confident that I will stay.", "fairly confident"),
        ("I feel that I am ready now.", "I feel that"),
        ("I believe I am ready to start residency in July.", "I believe"),
    ],
)
def test_certainty_turned_down_is_a_hedge(catalog: Catalog, text: str, hedge: str) -> None:
    assert analyse("will_you_stay", text, None, catalog).hedges == [hedge]


def test_a_belief_in_something_is_not(catalog: Catalog) -> None:
    text = "I believe in continuity of care, and I will stay."
    assert analyse("will_you_stay", text, None, catalog).hedges == []
