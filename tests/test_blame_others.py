"""An error put on the people or the tools around it is blame; one claimed is ownership.

Found writing a mistake answer: "The system was badly designed and the EHR made it too easy to
enter duplicate orders ... I learned that you cannot trust other people to do their jobs" was
told only "The system was" blames; "The pharmacist should have caught it" and "It was not my job
to check" blamed no one; "I did not blame the nurse; it was my order" named no part of one's
own (lexicon.toml [blame], [ownership])."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


def statuses(text: str, catalog: Catalog) -> dict[str, str]:
    feedback = analyse("mistake", text, None, catalog)
    return {c.id: c.status for c in feedback.checks}


@pytest.mark.parametrize(
    "sentence",
    [
        "The pharmacist should have caught it before it reached the patient.",
        "It was not my job to check the labels.",
        "The EHR made it too easy to enter a duplicate order.",
        "I learned that you cannot trust other people to do their jobs.",
        "Honestly it was the nurse's fault.",
    ],
)
def test_an_error_put_on_others_is_blame(catalog: Catalog, sentence: str) -> None:
    assert statuses(sentence, catalog)["no_blame"] == "fail"


@pytest.mark.parametrize(
    "sentence",
    [
        "I should have caught the duplicate order before I signed it.",
        "I did not blame the nurse; it was my order.",
        "The mistake was mine, and I told the patient that afternoon.",
    ],
)
def test_an_error_claimed_is_ownership_not_blame(catalog: Catalog, sentence: str) -> None:
    found = statuses(sentence, catalog)
    assert found["ownership"] == "pass" and found["no_blame"] == "pass"
