"""An applicant who calls the target region home but lists no ties is told what to add.

Found as a returner whose profile said home is the Midwest and listed no ties: the Reality check
read "Ties to the Midwest: none (none listed)", as if the region were new to them. It now says
the region is called home and asks for who or what ties them there; for a new region it says
only "none listed"."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import returner


def ties_line(reasons: list[str]) -> str:
    return next(r for r in reasons if r.startswith("Ties to "))


def test_home_without_ties_is_asked_for_them(catalog: Catalog) -> None:
    home = assess(returner(ties=[], applicant__home_region="midwest"), catalog).back_home
    line = ties_line(home.reasons)
    assert line.startswith("Ties to the Midwest: none")
    assert "you call the Midwest home" in line and "list who or what ties you there" in line


def test_a_new_region_without_ties_is_only_none_listed(catalog: Catalog) -> None:
    new = assess(returner(ties=[], applicant__home_region="west"), catalog).back_home
    assert ties_line(new.reasons) == "Ties to the Midwest: none (none listed)"
