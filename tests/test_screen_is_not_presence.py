"""Following a program from a screen is not activity in its region.

Found answering "What have you done to connect with programs in this region?": "I have been
following your program on Instagram and I attended two virtual open houses. I also read about
the faculty on your website." passed Local activity ("open houses", "faculty"), though nothing
in it happened in the region. An open house attended there and faculty one worked with still
count."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status


def local_activity(catalog: Catalog, answer: str) -> str | None:
    return status(catalog, "connect_region", answer, "local_activity")


def test_a_screen_is_not_presence(catalog: Catalog) -> None:
    answer = (
        "I have been following your program on Instagram and I attended two virtual open "
        "houses. I also read about the faculty on your website. I hope to join you."
    )
    assert local_activity(catalog, answer) == "fail"


@pytest.mark.parametrize(
    "answer",
    [
        "I went to the open house at MetroHealth in Cleveland in May. In August I worked with "
        "faculty there on a quality project and presented a poster in Columbus.",
        "I volunteered at a free clinic in Akron every Saturday. I also did an observership "
        "with faculty in hospital medicine at MetroHealth.",
    ],
)
def test_presence_still_counts(catalog: Catalog, answer: str) -> None:
    assert local_activity(catalog, answer) == "pass"
