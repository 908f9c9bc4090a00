"""A city named in a story or an answer is placed in its state's region.

Found trying the practice as a returner aiming at the Midwest: "I grew up in Chicago ... I
trained in Texas ... a sub-internship in Milwaukee" was told that it names only places
elsewhere (cities were not looked up, so Texas was the one place it named), and "My parents live
in Houston and my sister is in Dallas" passed Concrete ties for the Midwest. The reference data
now lists cities with their states (states.toml [[cities]]); a name shared across regions, or
one right after a word that makes it a person ("my wife Charlotte"), names nothing. Ties and
local activity in sentences whose places all lie outside the target region do not count, and
the check and its fix say where they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion, judge_story, places_elsewhere, places_named
from tests.test_assess_engine import returner

MIDWEST = TargetRegion("midwest", "the Midwest")

BACK_TO_CHICAGO = (
    "I grew up in Chicago and my parents still live there; my father had a stroke last year "
    "and I drive up every other weekend to help. I trained in Texas because that is where I "
    "got in, but I always planned to come back. Last spring I did a four-week sub-internship at "
    "a community hospital in Milwaukee and worked with the hospitalist team on a quality "
    "project. I want to practise within a few hours of my family for the long term."
)
TIES_IN_TEXAS = (
    "My parents live in Houston and my sister is in Dallas. I love the Midwest and its people, "
    "and the programs there are excellent. I would be happy to settle anywhere in the region."
)


def named(text: str, catalog: Catalog) -> list[tuple[str, str]]:
    return [(p.written, p.region) for p in places_named(text, catalog)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I grew up in St. Louis.", [("St. Louis", "midwest")]),
        (
            "We moved from Saint Paul to St Louis.",
            [("Saint Paul", "midwest"), ("St Louis", "midwest")],
        ),
        (
            "Born in Winston-Salem, schooled in Chapel Hill.",
            [("Winston-Salem", "south"), ("Chapel Hill", "south")],
        ),
        ("My family is in Washington, D.C. now.", [("Washington, D.C.", "south")]),
        ("I grew up in DC.", [("DC", "south")]),
        # the longest name wins: the city, not the state or region inside it
        (
            "Kansas City, South Bend and West Palm Beach",
            [("Kansas City", "midwest"), ("South Bend", "midwest"), ("West Palm Beach", "south")],
        ),
        ("New York City", [("New York City", "northeast")]),
        # areas known by a name of their own
        ("We live in the Bay Area.", [("Bay Area", "west")]),
        ("My parents are in the Twin Cities.", [("Twin Cities", "midwest")]),
        # a name shared by cities in different regions may be in any of them; its state, right
        # after it, says which
        ("I live in Portland, Oregon.", [("Portland", "west"), ("Oregon", "west")]),
        ("We moved to Columbus.", [("Columbus", "midwest|south")]),
        ("My parents live in Columbus Ohio.", [("Columbus", "midwest"), ("Ohio", "midwest")]),
        # cities in one region under one name still place it
        ("Greenville and Charleston", [("Greenville", "south"), ("Charleston", "south")]),
        # a person, not a place
        ("My wife Charlotte is from Ohio.", [("Ohio", "midwest")]),
        ("Dr. Irvine taught me.", []),
        # written as a place is: capitalised
        ("The buffalo roamed.", []),
        ("Vitamin D. C-section.", []),
    ],
)
def test_cities_are_placed_in_their_states_region(
    catalog: Catalog, text: str, expected: list[tuple[str, str]]
) -> None:
    assert named(text, catalog) == expected


def test_a_city_in_the_target_region_is_not_somewhere_else(catalog: Catalog) -> None:
    assert places_elsewhere(BACK_TO_CHICAGO, "midwest", catalog) == []
    feedback = analyse("why_region", BACK_TO_CHICAGO, 60, catalog, target=MIDWEST)
    ties = {c.id: c for c in feedback.checks}["ties"]
    assert ties.status == "pass", ties.detail
    assert not any("elsewhere" in fix.text for fix in feedback.top_fixes)
    assert feedback.story is not None and feedback.story.quality == "concrete"


def test_ties_only_in_cities_elsewhere_do_not_count(catalog: Catalog) -> None:
    plain = analyse("why_region", TIES_IN_TEXAS, 60, catalog)
    assert {c.id: c for c in plain.checks}["ties"].status == "pass"  # no target: a tie
    feedback = analyse("why_region", TIES_IN_TEXAS, 60, catalog, target=MIDWEST)
    ties = {c.id: c for c in feedback.checks}["ties"]
    assert ties.status == "fail"
    assert '"Houston", "Dallas"' in ties.detail and "outside the Midwest" in ties.detail
    first = feedback.top_fixes[0]
    assert first.check == "ties" and "places elsewhere" in first.text


def test_local_activity_elsewhere_is_not_local(catalog: Catalog) -> None:
    answer = (
        "I grew up in Ohio and my parents still live there. In 2024 I did a four-week rotation "
        "in Houston. Last year I worked at a hospital in Dallas on a research project. I plan "
        "to settle near my family for good."
    )
    plain = analyse("why_region", answer, 60, catalog)
    assert {c.id: c for c in plain.checks}["local_activity"].status == "pass"
    feedback = analyse("why_region", answer, 60, catalog, target=MIDWEST)
    checks = {c.id: c for c in feedback.checks}
    assert checks["ties"].status == "pass"  # Ohio is in the Midwest
    local = checks["local_activity"]
    assert local.status == "fail" and '"Houston", "Dallas"' in local.detail
    fix = next(f for f in feedback.top_fixes if f.check == "local_activity")
    assert "places elsewhere" in fix.text


def test_the_reality_check_reads_a_why_home_story_by_its_cities(catalog: Catalog) -> None:
    from matchtui.engine.assess import assess

    home = assess(returner(narrative__why_home=BACK_TO_CHICAGO), catalog)  # target: Midwest
    assert home.stories[0].quality == "concrete"
    away = assess(returner(narrative__why_home=TIES_IN_TEXAS), catalog)
    assert away.stories[0].quality == "generic"
    assert judge_story("why_home", TIES_IN_TEXAS, catalog, "midwest").quality == "generic"


def test_a_city_with_an_unknown_state_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from matchtui.cli import main
    from matchtui.locations import bundled_data_dir

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    path = data / "states.toml"
    text = path.read_text(encoding="utf-8")
    bad = text.replace('states = ["IL"]\nnames = [', 'states = ["XL"]\nnames = [')
    assert bad != text
    path.write_text(bad, encoding="utf-8")
    line = bad.splitlines().index('states = ["XL"]') + 1
    assert main(["--data", str(data), "data", "check"]) != 0
    err = capsys.readouterr().err
    assert f"states.toml:{line}" in err and "cities[" in err and "'XL'" in err
