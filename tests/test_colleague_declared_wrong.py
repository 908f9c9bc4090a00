"""A colleague declared wrong is blame; a first thought corrected is not.

Found answering "Tell me about a conflict with a colleague": "In 2023 a nurse at Beaumont in
Detroit disagreed with me. She was wrong and I explained why. The attending agreed with me."
passed No blaming."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

OPEN = "In 2023 a nurse at Beaumont in Detroit disagreed with me about a discharge. "


@pytest.mark.parametrize(
    "middle",
    [
        "She was wrong and I explained why.",
        "The nurse was wrong, and the attending agreed with me.",
        "I proved her wrong with the vitals.",
    ],
)
def test_a_colleague_declared_wrong_is_blame(catalog: Catalog, middle: str) -> None:
    answer = OPEN + middle + " I will always speak up for patients."
    assert status(catalog, "conflict_colleague", answer, "no_blame") == "fail"


@pytest.mark.parametrize(
    "middle",
    [
        "I thought she was wrong, but when I asked what she saw, she was right.",
        "I was sure he was wrong until he showed me the gait.",
    ],
)
def test_a_first_thought_corrected_is_not(catalog: Catalog, middle: str) -> None:
    answer = OPEN + middle + " Now I ask the nurse before every discharge."
    assert status(catalog, "conflict_colleague", answer, "no_blame") == "pass"
