""" "We have no plans to move away" is a plan to stay.

Found answering "You trained outside this region. Why come back?" as a Caribbean graduate who
grew up in Sacramento: "We are getting married in Sacramento next fall and we have no plans to
move away." failed Plan to stay ("Nothing says you plan to stay after training"); only "no
plans to leave" was read. A plan to move away is still not one."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status

BASE = (
    "I grew up in Sacramento and my parents and my sister still live there. Since March I have "
    "worked as a scribe at UC Davis. {close}"
)


def plan_to_stay(catalog: Catalog, answer: str) -> str | None:
    return status(catalog, "trained_elsewhere", answer, "plan_to_stay")


@pytest.mark.parametrize(
    "close",
    [
        "We are getting married there next fall and we have no plans to move away.",
        "I have no intention of leaving once I am back.",
        "My wife and I are not moving away again.",
    ],
)
def test_no_plan_to_move_away_is_a_plan_to_stay(catalog: Catalog, close: str) -> None:
    assert plan_to_stay(catalog, BASE.format(close=close)) == "pass"


def test_a_plan_to_move_away_is_not(catalog: Catalog) -> None:
    close = "After residency we plan to move away to be near my wife's family in Ohio."
    assert plan_to_stay(catalog, BASE.format(close=close)) == "fail"
