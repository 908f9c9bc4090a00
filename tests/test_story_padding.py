"""The profile's stories are read as interview answers are: padding earns nothing.

Before: a why-home story of "Chicago Chicago Chicago Chicago. My family family family. Stay
stay stay." was concrete, and a why-now story of bare claims passed as written."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.assess import narrative_quality
from matchtui.engine.text import judge_story


def test_a_story_of_repeated_words_is_not_concrete(catalog: Catalog) -> None:
    story = "Chicago Chicago Chicago Chicago. My family family family. Stay stay stay."
    verdict = narrative_quality(story, catalog, "midwest")
    assert verdict.quality == "generic"
    assert "all 11 words said again or strung together" in verdict.reason


def test_padding_is_named_beside_what_counts(catalog: Catalog) -> None:
    story = (
        "My parents live in Milwaukee. I own it. My fault. I learned. I changed. I grew. "
        "I am ready."
    )
    verdict = judge_story("why_now", story, catalog)
    assert verdict.quality == "generic"
    assert "besides 14 said again or strung together" in verdict.reason


def test_a_real_story_is_untouched(catalog: Catalog) -> None:
    story = (
        "My parents and my sister live in Madison, where I grew up. I did a sub-internship at "
        "UW Health in 2025 and I plan to stay in Wisconsin."
    )
    verdict = narrative_quality(story, catalog, "midwest")
    assert verdict.quality == "concrete"
    assert "said again" not in verdict.reason
    assert narrative_quality("", catalog, "midwest").quality == "missing"


def test_a_plan_b_named_as_such_with_an_offer_is_concrete(catalog: Catalog) -> None:
    """A plan B of "Plan B is clinical informatics: I finished the AMIA course in 2025 and I have
    an offer from Epic in Madison." was generic, asked for what the applicant will do."""
    story = (
        "Plan B is clinical informatics: I finished the AMIA course in 2025 and I have an offer "
        "from Epic in Madison."
    )
    assert judge_story("plan_b", story, catalog).quality == "concrete"
    assert judge_story("plan_b", "My plan B is to keep applying.", catalog).quality == "generic"
