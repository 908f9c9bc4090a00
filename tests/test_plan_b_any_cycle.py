"""The parallel-plan action is worded for any cycle, the first as well as the fourth.

Found in audit E: "... so a second miss does not leave you stranded" was said to a first-time
applicant (nothing missed yet: a miss this March would be the first) and to one in cycle 4
(three misses before). The action now names no count of misses."""

from __future__ import annotations

import re

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import make

# A count of earlier misses or attempts in the wording ("a second miss", "another failed cycle").
COUNTED = re.compile(r"\b(second|third|fourth|another|again|once more)\b", re.IGNORECASE)

FIRST_TIME_HIGH_RISK = {
    "applicant__graduation_year": 2016,
    "exams__step3": "not_taken",
    "clinical__role": "none",
    "clinical__months_last_24": 0,
    "clinical__months_since_last": 60,
}
FOURTH_CYCLE = {"history__cycles_applied": 3, "history__last_outcome": "unmatched"}


@pytest.mark.parametrize("cycle", [FIRST_TIME_HIGH_RISK, FOURTH_CYCLE], ids=["first", "fourth"])
@pytest.mark.parametrize("plan_b", ["", "If I do not match I will apply to PA programs in Ohio."])
def test_parallel_plan_names_no_count_of_misses(
    catalog: Catalog, cycle: dict[str, object], plan_b: str
) -> None:
    result = assess(make(narrative__plan_b=plan_b, **cycle), catalog)
    found = result.action("parallel_plan")
    assert found is not None
    assert not COUNTED.search(found.text), found.text
