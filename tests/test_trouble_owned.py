"""A weakness told as trouble one has is one's own part.

Found answering "What is your greatest weakness?" as a student: "I have trouble saying no. On
my surgery rotation I took on three extra write-ups and a presentation and ended up behind on
my own patients' notes. ..." failed Ownership ("No sentence names your own part"), though the
answer is about nothing else. A trouble that is someone else's is not."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

REST = (
    " On my surgery rotation in 2025 I said yes to three extra write-ups and a presentation. "
    "Now I check my list before agreeing to anything new, and last month on my medicine sub-I "
    "I turned down a poster so I could keep up with my patients."
)


@pytest.mark.parametrize(
    "opening",
    [
        "I have trouble saying no.",
        "I had trouble saying no to residents.",
        "I have a hard time saying no.",
        "Saying no is where I fall short.",
        "I fell behind on my own notes because I could not say no.",
    ],
)
def test_trouble_of_ones_own_is_ownership(catalog: Catalog, opening: str) -> None:
    assert status(catalog, "greatest_weakness", opening + REST, "ownership") == "pass"


def test_someone_elses_trouble_is_not(catalog: Catalog) -> None:
    opening = "My co-resident had trouble saying no."
    assert status(catalog, "greatest_weakness", opening + REST, "ownership") == "fail"
