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
    assert fix.startswith('Delete the fillers ("Um", "Like", "you know")'), fix
    hedged = STORY + "I think I will maybe stay in Arizona."
    feedback = practice.analyse("why_region", hedged, None, catalog)
    fix = next(f.text for f in feedback.top_fixes if f.check == "fillers_hedges")
    assert fix.startswith('Say the firm sentences without softeners ("I think", "maybe")'), fix


def test_the_check_quotes_them_as_written_without_the_commas_they_match_with(
    catalog: Catalog,
) -> None:
    """Found practising as a returner: the check read '2 fillers: "um", ", like,"; 1 hedge
    where you should be firm: "i think"', the commas of the match and a lower-case "I"."""
    answer = (
        "Um, so I graduated in 2021 and, like, I stepped away from medicine to care for my "
        "father in Toledo. I think I am ready now. Since 2024 I have worked as a research "
        "coordinator at Mercy Health in Toledo, Ohio, running 3 trials. My family lives in "
        "Ohio and I plan to stay there for good."
    )
    feedback = practice.analyse("tell_me_about_yourself", answer, None, catalog)
    check = next(c for c in feedback.checks if c.id == "fillers_hedges")
    assert '(2 fillers: "Um", "like"; 1 hedge where you should be firm: "I think")' in check.detail
    assert feedback.fillers == ["Um", "like"] and feedback.hedges == ["I think"]
    um = "Um, so I think, um, I am ready. " + answer
    feedback = practice.analyse("tell_me_about_yourself", um, None, catalog)
    check = next(c for c in feedback.checks if c.id == "fillers_hedges")
    assert '4 fillers: "Um", "like"' in check.detail  # each once, as first written
