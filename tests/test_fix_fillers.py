"""The fix for fillers and hedges names what the answer holds.

Found practising as a graduate out of training: an answer with two hedges and no filler was
told first to "Delete the fillers, and say the firm sentences without softeners"; there was no
filler to delete. The fix now asks for what was found (fillers, hedges, or both), quoting the
answer's own."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice

STORY = (
    "I grew up in Tucson and my parents still live there. I rotated at Banner in 2025 and "
    "again in 2026. "
)


@pytest.mark.parametrize(
    ("answer", "says", "never"),
    [
        (STORY + "I think I will maybe stay in Arizona.", "without softeners", "fillers"),
        (
            "Um, " + STORY + "Like, I plan to stay in Arizona for good.",
            "Delete the fillers",
            "soft",
        ),
        ("Um, " + STORY + "I think I will maybe stay in Arizona.", "Delete the fillers", ""),
    ],
    ids=["hedges_only", "fillers_only", "both"],
)
def test_the_fix_names_what_was_found(catalog: Catalog, answer: str, says: str, never: str) -> None:
    feedback = practice.analyse("why_region", answer, None, catalog)
    fix = next(f.text for f in feedback.top_fixes if f.check == "fillers_hedges")
    assert says in fix
    if never:
        assert never not in fix
    else:
        assert "without softeners" in fix


def test_the_fix_quotes_the_answers_own_words(catalog: Catalog) -> None:
    answer = "Um, " + STORY + "Like, you know, I plan to stay in Arizona for good."
    feedback = practice.analyse("why_region", answer, None, catalog)
    fix = next(f.text for f in feedback.top_fixes if f.check == "fillers_hedges")
    assert fix.startswith('Delete the fillers ("um", "like", "you know")'), fix
    hedged = STORY + "I think I will maybe stay in Arizona."
    feedback = practice.analyse("why_region", hedged, None, catalog)
    fix = next(f.text for f in feedback.top_fixes if f.check == "fillers_hedges")
    assert fix.startswith('Say the firm sentences without softeners ("i think", "maybe")'), fix
