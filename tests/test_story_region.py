"""A why-home story is about the target region: one that names places, none of them there (a
story kept from an earlier target, or written for another region), is not counted as concrete
for it, and its reason names the places it does name (lexicon.toml: names_target_region)."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from matchtui.engine.text import judge_story, places_named
from tests.test_assess_engine import CONCRETE_STORY, make, returner

WISCONSIN = (
    "I grew up in Wisconsin and my parents and brother still live outside Madison. My father's "
    "heart failure means the family needs someone nearby, and I mean to settle within an hour "
    "of them for good and practise in the Midwest for the next twenty years."
)


def test_places_named_longest_first_with_their_regions(catalog: Catalog) -> None:
    text = (
        "I grew up in West Virginia, trained in south Texas, visited South Dakota, "
        "worked in Washington, D.C. and then in ohio; my partner loves New England. "
        "We are Wisconsin-born."
    )
    named = [(p.written, p.region) for p in places_named(text, catalog)]
    assert named == [
        ("West Virginia", "south"),
        ("Texas", "south"),
        ("South Dakota", "midwest"),
        ("ohio", "midwest"),
        ("New England", "northeast"),
        ("Wisconsin", "midwest"),
    ]
    # a region's name as a word is not a place unless written as one
    assert places_named("We drove south, then west, to the coast.", catalog) == []
    assert [p.written for p in places_named("My home is the South.", catalog)] == ["South"]


def test_a_story_about_another_region_is_not_concrete_for_the_target(catalog: Catalog) -> None:
    assert judge_story("why_home", WISCONSIN, catalog).quality == "concrete"  # as text
    home = assess(returner(narrative__why_home=WISCONSIN), catalog)  # target: the Midwest
    assert home.stories[0].quality == "concrete"
    assert home.back_home.narrative == "concrete"
    elsewhere = assess(
        returner(narrative__why_home=WISCONSIN, targets__region="northeast", letters=[]),
        catalog,
    )
    story = elsewhere.stories[0]
    assert story.kind == "why_home" and story.quality == "generic"
    assert "'Wisconsin'" in story.reason and "no state or region in the Northeast" in story.reason
    assert "target_region" in story.missing
    assert elsewhere.back_home.narrative == "generic"  # the same verdict everywhere
    assert any("no state or region in the Northeast" in r for r in elsewhere.back_home.reasons)


@pytest.mark.parametrize(
    "story",
    [
        WISCONSIN + " My sister lives in New York and I trained for a year in Boston.",
        # names no state or region: nothing to hold against it
        CONCRETE_STORY.replace("Wisconsin", "a small town").replace("Madison", "the lake"),
    ],
)
def test_a_story_naming_the_target_or_no_place_keeps_its_verdict(
    catalog: Catalog, story: str
) -> None:
    profile = returner(narrative__why_home=story, targets__region="northeast")
    assert (
        assess(profile, catalog).stories[0].quality
        == judge_story("why_home", story, catalog).quality
    )


def test_a_generic_story_about_another_region_says_so(catalog: Catalog) -> None:
    story = "I love the Midwest and its people. It is a great place."
    verdict = assess(make(narrative__why_home=story, targets__region="northeast"), catalog)
    assert verdict.stories[0].quality == "generic"
    assert "'Midwest', no state or region in the Northeast" in verdict.stories[0].reason
