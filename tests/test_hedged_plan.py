"""A plan to stay said with a hedge is no plan to stay.

Found practising the why-region question: "Maybe I would stay after residency, probably."
passed "Plan to stay" ("stay"), and a why-home story ending "I think I will probably stay"
counted it as a signal, while the same sentence was flagged as hedged where the answer should
be firm. A plan_to_stay phrase in a sentence with a hedge now counts for neither: the practice
check warns and names both; a story's verdict does not count it."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice, text

TIES = "I grew up in Tucson and my parents still live there. I rotated at Banner in 2025. "

HEDGED = {
    "maybe_probably": "Maybe I would stay after residency, probably.",
    "i_think": "I think I will probably stay for good.",
    "might": "I might settle in Arizona long term.",
}

FIRM = {
    "plan": "I plan to stay in Arizona for good.",
    "hope_to": "I hope to build my career here and stay for good.",
    "hedge_elsewhere": "Maybe that sounds bold. I will stay in Arizona for good.",
}


def _plan(answer: str, catalog: Catalog) -> tuple[str, list[str]]:
    feedback = practice.analyse("why_region", answer, None, catalog)
    check = next(c for c in feedback.checks if c.id == "plan_to_stay")
    return check.status, [m.lower() for m in check.matches]


@pytest.mark.parametrize("close", HEDGED.values(), ids=HEDGED.keys())
def test_a_hedged_plan_warns_and_is_no_story_signal(catalog: Catalog, close: str) -> None:
    status, matches = _plan(TIES + close, catalog)
    assert status == "warn"
    hedges = text.Analysed(close, text.compiled(catalog)).hits("hedges")
    assert hedges and {h.found.lower() for h in hedges} <= set(matches)
    assert "plan_to_stay" not in text.judge_story("why_home", TIES + close, catalog).signals
    # a story of praise that only says it might stay names no plan either
    verdict = text.judge_story("why_home", "Tucson is lovely. " + close, catalog)
    assert "plan_to_stay" not in verdict.signals and "plan_to_stay" in verdict.missing


@pytest.mark.parametrize("close", FIRM.values(), ids=FIRM.keys())
def test_a_firm_plan_passes_and_counts(catalog: Catalog, close: str) -> None:
    assert _plan(TIES + close, catalog)[0] == "pass"
    verdict = text.judge_story("why_home", TIES + close, catalog)
    assert "plan_to_stay" in verdict.signals


def test_no_plan_at_all_still_fails(catalog: Catalog) -> None:
    assert _plan(TIES + "The desert is lovely.", catalog)[0] == "fail"
