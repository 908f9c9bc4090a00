"""A job, a research post, membership and interviews held there are local activity.

Found writing why-region answers as a returner: "I took a research year at a university in
Ohio", "I am currently employed as a medical assistant in Toledo, Ohio", "I joined the Ohio
chapter of the ACP" and "I interviewed at three programs in Ohio last year" were told they name
no activity in the region (lexicon.toml [local_activity])."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion


@pytest.mark.parametrize(
    "text",
    [
        "I took a research year at a university in Ohio.",
        "I am currently employed as a medical assistant in Toledo, Ohio.",
        "I joined the Ohio chapter of the ACP.",
        "I interviewed at three programs in Ohio last year.",
        "I have been a research coordinator at a hospital in Ohio.",
    ],
)
def test_work_and_contact_there_are_local_activity(catalog: Catalog, text: str) -> None:
    feedback = analyse(
        "why_region", text, None, catalog, target=TargetRegion("midwest", "the Midwest")
    )
    assert {c.id: c for c in feedback.checks}["local_activity"].status != "fail"
