"""A commitment made firm by what one will not do, and ease with the work, close an answer;
honesty promised as a point of its own is no filler.

Before: "I am not going to walk away from this." and "I am comfortable with Epic, with US
documentation and with the way teams work here." failed Forward close, and "I want to be honest
that I am not sure yet" counted "to be honest" as a filler."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "wont_leave_again",
            "I left my pathology residency in 2021 because I missed patient contact, and that was "
            "my decision. Since then I have worked three years as a hospitalist assistant. I am "
            "not going to walk away from this.",
        ),
        (
            "img_us_practice",
            "Since 2024 I work as a research assistant at Mount Sinai where I see patients in the "
            "hepatology clinic twice a week. I am comfortable with Epic, with US documentation "
            "and with the way teams work here.",
        ),
    ],
)
def test_the_close_looks_ahead(catalog: Catalog, question: str, answer: str) -> None:
    assert status(catalog, question, answer, "forward_close") == "pass"


def test_honesty_promised_is_no_filler_but_the_aside_is(catalog: Catalog) -> None:
    promised = (
        "I am interested in cardiology but I want to be honest that I have not decided yet. "
        "During residency I would like to do research with the cardiology division in 2027."
    )
    assert analyse("fellowship_plans", promised, None, catalog).fillers == []
    aside = (
        "To be honest, I am interested in cardiology. During residency I would like to do "
        "research with the cardiology division in 2027."
    )
    assert analyse("fellowship_plans", aside, None, catalog).fillers == ["To be honest"]
