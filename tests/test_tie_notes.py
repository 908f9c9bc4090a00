"""A tie, rotation or letter listed under the target region whose words name only places
elsewhere is pointed out.

Found as a returner who picked the Midwest for a family tie whose note said "My parents live in
Houston": the Reality check counted a strong tie to the Midwest and said nothing. It still
counts the tie as listed (the region is the applicant's own word), and now asks them to check
the region; a note that also names a place in the region, or none, is left alone."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import returner


def reasons(note: str, catalog: Catalog) -> list[str]:
    tie = {"kind": "family", "region": "midwest", "note": note}
    return assess(returner(ties=[tie]), catalog).back_home.reasons


def test_a_tie_note_naming_only_places_elsewhere_is_pointed_out(catalog: Catalog) -> None:
    found = reasons("My parents live in Houston and my sister in Dallas.", catalog)
    assert "Ties to the Midwest: strong (family)" in found
    flagged = [r for r in found if r.startswith("Your family tie is listed under the Midwest")]
    assert len(flagged) == 1
    assert "'Houston', 'Dallas'" in flagged[0] and "check the region you gave it" in flagged[0]


@pytest.mark.parametrize(
    "note",
    [
        "My parents moved from Houston to Columbus, Ohio.",
        "My parents live twenty minutes from the hospital.",
        "My parents live in Chicago.",
        "",
    ],
)
def test_a_tie_note_naming_the_region_or_nothing_is_left_alone(catalog: Catalog, note: str) -> None:
    assert not any(r.startswith("Your family tie") for r in reasons(note, catalog))


def test_a_rotation_or_letter_placed_elsewhere_is_pointed_out(catalog: Catalog) -> None:
    profile = returner(
        rotations=[
            {"region": "midwest", "status": "done", "place": "Community hospital in Houston"},
            {"region": "midwest", "status": "done", "place": "Clinic in Milwaukee"},
        ],
        letters=[
            {
                "specialty": "internal_medicine",
                "region": "midwest",
                "months_ago": 3,
                "author": "Dr. A. Reyes, hospitalist in Dallas",
            }
        ],
    )
    found = assess(profile, catalog).back_home.reasons
    assert any(
        r.startswith("Your rotation is listed under the Midwest, but its place names 'Houston'")
        for r in found
    )
    assert any(
        r.startswith("Your letter is listed under the Midwest, but its author names 'Dallas'")
        for r in found
    )
    assert not any("Milwaukee" in r for r in found)
