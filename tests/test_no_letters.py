"""Having no letters is not readiness.

Found answering "So... what happened?" as a returner: "Looking back, my list was far too narrow
and I had no letters from anyone who had seen me work in the US." was quoted as Recent readiness
("letters from"), and the same phrase counted as local activity. A letter's lack now counts as
neither (lexicon.toml: `not_after` "no", "any", "without")."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice

LACK = "In 2021 I had no letters from anyone who had seen me work in Ohio."
HAVE = "In 2025 I asked for letters from the two internists in Ohio who supervise me."


@pytest.mark.parametrize(
    ("question", "check"), [("years_out_ready", "readiness"), ("why_region", "local_activity")]
)
def test_no_letters_is_not_counted(catalog: Catalog, question: str, check: str) -> None:
    feedback = practice.analyse(question, LACK, None, catalog)
    found = next(c for c in feedback.checks if c.id == check)
    assert "letters from" not in found.matches, found.detail
    feedback = practice.analyse(question, HAVE, None, catalog)
    found = next(c for c in feedback.checks if c.id == check)
    assert "letters from" in found.matches, found.detail
