"""Two activities told in one sentence are a pattern, not a visit.

Found answering "Why do you want to train in this region?" for the Midwest: "I did my third-year
family medicine clerkship in Iowa City and a sub-I in Des Moines in 2025." was "One local
activity"; a clerkship was not read as activity at all. One activity named twice is still
one."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

MIDWEST = TargetRegion("midwest", "the Midwest")
TIES = "My dad still farms outside Ames and my sister is a nurse at Mary Greeley. "
CLOSE = " My wife and I want to raise our kids near their grandparents."


def local_activity(sentence: str, catalog: Catalog) -> str | None:
    return status(catalog, "why_region", TIES + sentence + CLOSE, "local_activity", MIDWEST)


@pytest.mark.parametrize(
    "sentence",
    [
        "I did my third-year family medicine clerkship in Iowa City and a sub-I in Des Moines.",
        "I did an away rotation at UI Health Care and presented a poster at the Iowa AAFP.",
    ],
)
def test_two_activities_in_one_sentence_are_repeated(catalog: Catalog, sentence: str) -> None:
    assert local_activity(sentence, catalog) == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "I did my family medicine clerkship in Iowa City.",
        "I did a sub-I in Des Moines, and the sub-I was the best month of school.",
    ],
)
def test_one_activity_is_one(catalog: Catalog, sentence: str) -> None:
    assert local_activity(sentence, catalog) == "warn"
