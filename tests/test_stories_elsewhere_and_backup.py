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


def test_qualities_anyone_could_list_are_stock(catalog: Catalog) -> None:
    """Before: "I bring hard work, dedication and compassion ... I will be an asset to your
    program." was stock praise in one sentence only (the team player's)."""
    from matchtui.engine.practice import analyse

    answer = (
        "I bring hard work, dedication and compassion. I am a team player and a fast learner. I "
        "will be an asset to your program."
    )
    feedback = analyse("what_you_bring", answer, None, catalog)
    stock = next(c for c in feedback.checks if c.id == "stock")
    assert stock.status == "fail" and "3 sentences" in stock.detail


def test_what_one_has_this_time_is_recent(catalog: Catalog) -> None:
    """Before: "This time I have eleven months as an observer at a community hospital in
    Fresno" pointed at readiness but not at how recent it is."""
    from tests.test_lessons_and_gaps import status

    answer = (
        "Last time I applied only to academic programs in California. This time I have eleven "
        "months as an observer at a community hospital in Fresno, and I am applying to 70 "
        "programs."
    )
    assert status(catalog, "different_this_time", answer, "readiness") == "pass"
