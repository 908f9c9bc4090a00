"""An "I ..." phrase reads past one adverb after "I am", "I was", "I will", "I would", "I have",
"I had" or "I" contracted with them (lexicon adverbs_after).

Before: "I am also presenting a poster in March" did not look ahead, "I was also late to two
sign-outs" named no part of one's own, "I'm truly ready" and "I will also be presenting" were
not read as "I'm ready" and "I will be presenting"."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import text as text_module
from matchtui.engine.text import TargetRegion
from tests.test_lessons_and_gaps import status

MIDWEST = TargetRegion("midwest", "the Midwest")


def test_also_presenting_closes_the_answer(catalog: Catalog) -> None:
    answer = (
        "I did a four-week rotation at UIHC in Iowa City last fall. I am also presenting a "
        "poster at the Iowa Academy of Family Physicians meeting in March."
    )
    assert status(catalog, "connect_region", answer, "forward_close", MIDWEST) == "pass"


def test_was_also_late_is_ones_own_part(catalog: Catalog) -> None:
    answer = (
        "On my surgery sub-internship I was also late to two morning sign-outs in the first "
        "week. My chief pulled me aside and I set two alarms and came in at five after that."
    )
    assert status(catalog, "mistake", answer, "ownership") == "pass"
    without = (
        "On my surgery sub-internship the team was late to two morning sign-outs in the first "
        "week. My chief pulled everyone aside and the schedule changed after that."
    )
    assert status(catalog, "mistake", without, "ownership") == "fail"


@pytest.mark.parametrize(
    ("written", "phrase"),
    [
        ("I am also presenting a poster.", "I am presenting"),
        ("I'm truly ready for residency.", "I'm ready"),
        ("I will also be presenting our data.", "I will be presenting"),
        ("I've also worked nights since May.", "I've worked"),
        ("I would really like to train there.", "I would like to"),
    ],
)
def test_the_phrase_is_found_past_the_adverb(catalog: Catalog, written: str, phrase: str) -> None:
    analysed = text_module.Analysed(written, text_module.compiled(catalog))
    found = {hit.phrase for name in ("forward", "recency") for hit in analysed.hits(name)}
    assert phrase in found


def test_not_is_no_adverb_and_nothing_is_read_past_without_one(catalog: Catalog) -> None:
    analysed = text_module.Analysed("I am not presenting anything.", text_module.compiled(catalog))
    assert "I am presenting" not in {hit.phrase for hit in analysed.hits("forward")}
    # "I am" alone is no phrase to stretch: "I am also" reads nothing past "also"
    analysed = text_module.Analysed("I am also here.", text_module.compiled(catalog))
    assert all(hit.found != "I am also" for name in ("forward",) for hit in analysed.hits(name))
