"""A why-home story is about the target region: one that names places, none of them there (a
story kept from an earlier target, or written for another region), is not counted as concrete
for it, and its reason names the places it does name (lexicon.toml: names_target_region)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
        ("Washington, D.C.", "south"),  # the District, not the state
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
        # names no state, region or city: nothing to hold against it
        CONCRETE_STORY.replace("Wisconsin", "a small town")
        .replace("Madison", "the lake")
        .replace("Milwaukee", "the city"),
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


# -- the same reading of an interview answer about ties ----------------------------------------
ANSWER = (
    "I grew up in Wisconsin, and my parents and my brother still live outside Madison. My "
    "father has heart failure, and my family needs me nearby. In 2024 I did a four-week "
    "rotation at a community hospital in Milwaukee and presented patients every morning. I plan "
    "to settle within an hour of my parents for good and build my practice there."
)


def test_an_answer_about_ties_elsewhere_warns_and_says_where(catalog: Catalog) -> None:
    from matchtui.engine.practice import analyse
    from matchtui.engine.text import TargetRegion

    plain = analyse("why_region", ANSWER, 60, catalog)
    home = analyse("why_region", ANSWER, 60, catalog, target=TargetRegion("midwest", "the Midwest"))
    away = analyse(
        "why_region", ANSWER, 60, catalog, target=TargetRegion("northeast", "the Northeast")
    )
    assert {c.id: c for c in plain.checks}["ties"].status == "pass"
    assert home.model_dump() == plain.model_dump()  # the target named: nothing changes
    check = {c.id: c for c in away.checks}["ties"]
    assert check.status == "warn"
    assert "'Wisconsin', 'Milwaukee', no state or region in the Northeast" in check.detail
    # The sentence that places its tie in Wisconsin ties the applicant there, not to the
    # Northeast: it is not quoted; the ties placed nowhere still are.
    quoted = {c.id: c for c in plain.checks}["ties"].evidence
    assert check.evidence == [s for s in quoted if "Wisconsin" not in s]
    assert away.score < plain.score
    # the rotation was in Milwaukee: not done in the Northeast, and the first fix says so
    assert away.top_fixes[0].check == "local_activity"
    assert "places elsewhere" in away.top_fixes[0].text
    assert away.story is not None and away.story.quality == "generic"


def test_the_cli_reads_an_answer_against_the_profiles_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: Catalog
) -> None:
    from matchtui.cli import main
    from matchtui.engine.practice import analyse
    from matchtui.engine.text import TargetRegion
    from matchtui.locations import demo_profile_path

    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    northeast = tmp_path / "northeast.toml"
    text = demo_profile_path().read_text(encoding="utf-8")
    northeast.write_text(
        text.replace(
            'region = "midwest"\n\n[clinical]', 'region = "northeast"\n\n[clinical]'
        ).replace('divisions = ["east_north_central"]', 'divisions = ["new_england"]'),
        encoding="utf-8",
    )
    args = ["practice", "--question", "why_region", "--answer-file", str(answer), "--json"]
    assert main([*args, "--profile", str(northeast)]) == 0
    data = json.loads(capsys.readouterr().out)
    target = TargetRegion("northeast", "the Northeast")
    assert data == analyse("why_region", ANSWER, None, catalog, target=target).model_dump(
        mode="json"
    )
    assert {c["id"]: c for c in data["checks"]}["ties"]["status"] == "warn"
    # no profile saved and none given: read for no region, nothing created
    assert main(args) == 0
    plain = json.loads(capsys.readouterr().out)
    assert {c["id"]: c for c in plain["checks"]}["ties"]["status"] == "pass"
    # a --profile that does not load is refused, naming the file
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 2\n[applicant\n", encoding="utf-8")
    assert main([*args, "--profile", str(broken)]) == 2
    assert "broken.toml" in capsys.readouterr().err


def test_a_tie_to_a_place_outside_the_target_region_is_not_counted(catalog: Catalog) -> None:
    """Found answering "You trained far from here. Why should we believe you want to come
    back?" for the Midwest: "I did my medical school in Texas. I love the Midwest and I will
    stay." passed Concrete ties on "medical school in", a tie to Texas. A tie in a sentence whose
    named places are all outside the target region is not counted; one with a place inside is."""
    from matchtui.engine.practice import analyse
    from matchtui.engine.text import TargetRegion

    target = TargetRegion("midwest", "the Midwest")

    def ties(answer: str) -> Any:
        feedback = analyse("trained_elsewhere", answer, None, catalog, target=target)
        return next(c for c in feedback.checks if c.id == "ties")

    away = ties("I did my medical school in Texas. I love the Midwest and I will stay.")
    assert away.status == "fail" and '"Texas", outside the Midwest' in away.detail
    both = ties("I grew up in Texas, but my parents moved to Wisconsin in 2015.")
    assert both.status == "pass"
    kept = ties("My parents live in Madison, Wisconsin. I did my medical school in Texas.")
    assert kept.status == "pass" and kept.evidence == ["My parents live in Madison, Wisconsin."]


def test_a_why_home_story_tied_to_another_region_is_not_concrete(catalog: Catalog) -> None:
    """The same for the profile's why-home story: "I did my medical school in Texas and my
    parents live in Houston. I love the Midwest and I plan to stay there for good after
    training." was concrete for the Midwest on 'medical school in' and 'my parents'."""
    story = (
        "I did my medical school in Texas and my parents live in Houston. I love the Midwest "
        "and I plan to stay there for good after training."
    )
    verdict = assess(make(narrative__why_home=story), catalog).stories[0]
    assert verdict.quality == "generic", verdict.reason
    assert "ties" not in verdict.signals
    placed = story.replace("Houston", "Madison, Wisconsin")
    assert assess(make(narrative__why_home=placed), catalog).stories[0].quality == "concrete"
