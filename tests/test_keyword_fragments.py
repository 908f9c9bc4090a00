"""Keywords cut into fragments are a keyword string too.

Found trying to game the practice score: "Step 3 passed 2025. Observership Chicago 2024.
Research coordinator Rush. Clinic patients weekly. Midwest family stay long term. I will
commit." scored 83: each fragment was under the eight words a keyword string needs, so every
check read them as sentences. Two or more such fragments in a row now make one string, and it
earns nothing; an answer's plain short sentences ("Two things.", "Yes.") are not touched."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.models.practice import Feedback


def feedback(catalog: Catalog, answer: str, question_id: str = "years_out_ready") -> Feedback:
    return analyse(question_id, answer, None, catalog)


STUFFED = (
    "Step 3 passed 2025. Observership Chicago 2024. Research coordinator Rush. Clinic patients "
    "weekly. Midwest family stay long term. I will commit."
)


def test_fragments_of_keywords_earn_nothing(catalog: Catalog) -> None:
    found = feedback(catalog, STUFFED)
    substance = found.check("substance")
    assert substance is not None
    assert substance.status == "fail" and "5 sentences a string of keywords" in substance.detail
    assert found.score <= 30
    assert found.status("readiness") == "fail" and found.status("specifics") == "fail"


@pytest.mark.parametrize(
    "answer",
    [
        "Two things. First, I passed Step 3 in 2025 after a year as a research coordinator at "
        "Rush. Second, I have seen patients every week since then in a free clinic in Chicago.",
        "Yes. Absolutely. I passed Step 3 in 2025 and I have worked in a clinic in Chicago "
        "every week since January.",
    ],
)
def test_plain_short_sentences_are_not_keywords(catalog: Catalog, answer: str) -> None:
    assert feedback(catalog, answer).check("substance") is None
