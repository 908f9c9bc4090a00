"""A why-home story whose ties lie outside the target region says where they are; a backup named
as such is a plan B.

Before: "I grew up in Portland, Oregon, and my mother still lives there.", read for the Midwest,
was told to add who ties you there, with no word that the tie it names is in Oregon; "My backup
is to apply for an MPH at the University of Minnesota in 2028" was a generic plan B."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.text import judge_story


def test_a_tie_elsewhere_is_named_as_outside_the_region(catalog: Catalog) -> None:
    story = "I grew up in Portland, Oregon, and my mother still lives there."
    verdict = judge_story("why_home", story, catalog, "midwest")
    assert verdict.quality == "generic"
    assert "'Oregon', outside the Midwest" in verdict.reason
    west = judge_story("why_home", story, catalog, "west")
    assert "outside" not in west.reason


def test_a_backup_named_is_a_plan_b(catalog: Catalog) -> None:
    story = (
        "My backup is to apply for an MPH at the University of Minnesota in 2028 and work in "
        "public health."
    )
    assert judge_story("plan_b", story, catalog).quality == "concrete"
    vague = "My backup is something else."
    assert judge_story("plan_b", vague, catalog).quality == "generic"
