"""A place is a checkable detail where a sentence opens with it too.

Found writing why-region answers: "Wisconsin is where I plan to settle." and "Chicago is where my
parents live." were told they hold no year, number, role, exam or place, while "I plan to
settle in Wisconsin." held one (a capitalised word opening a sentence is not taken for a name).
The states and cities of the reference data now count as specifics wherever they stand."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Wisconsin is where I plan to settle.", "Wisconsin"),
        ("Chicago is where my parents live.", "Chicago"),
        ("St. Louis is home.", "St. Louis"),
    ],
)
def test_a_place_opening_a_sentence_is_a_specific(catalog: Catalog, text: str, place: str) -> None:
    check = {c.id: c for c in analyse("why_region", text, None, catalog).checks}["specifics"]
    assert check.status != "fail" and place in check.matches


def test_a_word_opening_a_sentence_is_still_not_a_name(catalog: Catalog) -> None:
    check = {
        c.id: c for c in analyse("why_region", "Family is what matters.", None, catalog).checks
    }["specifics"]
    assert check.status == "fail"
