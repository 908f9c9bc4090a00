"""A back-home story made of praise for a city is generic, however long it is.

Before, a why-home story counted "long" (40 words or more) as one of the signals it needed, and
its stock praise was quoted but changed nothing: a 60-odd-word story praising San Diego's weather,
food and beaches, with a family holiday there, was "concrete" and the Reality check rated the
back-home likelihood high, while the same text cut to 30 words was "generic". It also quoted the
city as 'Diego'. Now the words of praise-only sentences add no length, and a name that opens a
sentence is quoted whole. Stories that name real ties stay concrete."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine import practice, text
from matchtui.engine.assess import assess
from matchtui.models.lexicon import lexicon
from matchtui.models.profile import Profile
from matchtui.workspace import demo_profile_path

PRAISE = (
    "San Diego has always felt like the right place for me. It has beautiful weather, great "
    "food, amazing beaches and friendly people, and the lifestyle is relaxed and healthy all "
    "year. The culture is rich and there is always something to do outdoors. My family and I "
    "loved our vacations there, and I would be proud to train in such a wonderful city."
)
PRAISE_CUT = (
    "San Diego has beautiful weather, great food and amazing beaches. My family and I loved "
    "our vacations there, and I would be proud to train in such a wonderful city."
)
CONCRETE = {
    # family there, and a reason they need the applicant near
    "family": (
        "My parents and two sisters live in Fresno, and my father had a stroke in 2023. The "
        "summer weather is hard on him, and my mother cannot manage his care alone, so I drive "
        "there from Los Angeles every other weekend. I want to train close enough to help them."
    ),
    # a past job, a partner's job, a home and a plan
    "job": (
        "Before medical school I worked for three years as a medical assistant at a community "
        "clinic in Tucson. I still volunteer at the Tucson free clinic each summer, and my "
        "partner teaches at the University of Arizona. We own a home there and I plan to "
        "practise in Arizona long term."
    ),
    # rotations and a named plan
    "rotation": (
        "I grew up in Portland. I did a four-week sub-internship at OHSU in 2025 and I returned "
        "for an elective at Legacy Emanuel in 2026. I plan to settle in Oregon and practise "
        "there for good."
    ),
    # praise beside real ties: the ties still count
    "praise_and_family": (
        "My parents live in San Diego, and I love the city. My brother and his kids live in "
        "Chula Vista, ten minutes from them. I rotated at Scripps Mercy in 2025 and I plan to "
        "stay in San Diego for good."
    ),
    "grew_up": (
        "I grew up in Boise and my parents still live there. I love the outdoors and the "
        "mountains, and I spent every summer of college working at St. Luke's as a CNA. I plan "
        "to practise in Idaho for good."
    ),
}


def test_a_long_story_of_praise_is_generic(catalog: Catalog) -> None:
    rule = lexicon(catalog).stories["why_home"]
    verdict = text.judge_story("why_home", PRAISE, catalog)
    assert verdict.words >= rule.long_words
    assert verdict.quality == "generic" and "long" not in verdict.signals
    assert "in sentences of praise only" in verdict.reason
    assert "beautiful weather" in verdict.generic
    cut = text.judge_story("why_home", PRAISE_CUT, catalog)
    assert cut.words < rule.long_words and cut.quality == "generic"


def test_the_city_is_quoted_whole(catalog: Catalog) -> None:
    verdict = text.judge_story("why_home", PRAISE, catalog)
    assert "San Diego" in verdict.concrete and "Diego" not in verdict.concrete
    found = text.Analysed(
        "Los Angeles is far from them. Visiting Columbus was a treat. The Mercy clinic hired me.",
        text.compiled(catalog),
    ).specific_sentences()
    assert found == {0: ["Los Angeles"], 1: ["Columbus"], 2: ["Mercy", "clinic"]}


@pytest.mark.parametrize("story", CONCRETE.values(), ids=CONCRETE.keys())
def test_stories_with_real_ties_stay_concrete(catalog: Catalog, story: str) -> None:
    verdict = text.judge_story("why_home", story, catalog)
    assert verdict.quality == "concrete", verdict.reason


def test_the_practice_answer_reads_the_story_alike(catalog: Catalog) -> None:
    feedback = practice.analyse("why_region", PRAISE, None, catalog)
    assert feedback.story is not None and feedback.story.quality == "generic"
    assert feedback.story == text.judge_story("why_home", PRAISE, catalog)


def _in_the_west(demo_profile: Profile, story: str) -> Profile:
    profile = copy.deepcopy(demo_profile)
    profile.applicant.home_region = "west"
    profile.targets.region = "west"
    profile.targets.divisions = ["pacific"]
    for tie in profile.ties:
        tie.region = "west"
    for rotation in profile.rotations:
        rotation.region = "west"
    profile.narrative.why_home = story
    return profile


def test_reality_check_does_not_rate_praise_high(catalog: Catalog, demo_profile: Profile) -> None:
    praised = assess(_in_the_west(demo_profile, PRAISE), catalog).back_home
    assert praised.narrative == "generic" and praised.likelihood != "high"
    named = assess(_in_the_west(demo_profile, CONCRETE["praise_and_family"]), catalog).back_home
    assert named.narrative == "concrete" and named.likelihood == "high"


def _profile_text(story: str) -> str:
    source = demo_profile_path().read_text()
    source = source.replace('home_region = "midwest"', 'home_region = "west"')
    source = source.replace('divisions = ["east_north_central"]', 'divisions = ["pacific"]')
    source = source.replace('region = "midwest"', 'region = "west"').replace("demo = true\n", "")
    start = source.index('why_home = """')
    end = source.index("why_now = ")
    return f'{source[:start]}why_home = """{story}"""\n{source[end:]}'


def test_assess_command_with_a_praise_story(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "profile.toml").write_text(_profile_text(PRAISE), encoding="utf-8")
    assert main(["--today", "2026-12-03", "assess", "--json"]) == 0
    back_home = json.loads(capsys.readouterr().out)["back_home"]
    assert back_home["ties"] == "strong" and back_home["narrative"] == "generic"
    assert back_home["likelihood"] == "moderate_to_low"
    assert main(["--today", "2026-12-03", "assess"]) == 0
    out = capsys.readouterr().out
    assert "Back home to the West: MODERATE TO LOW" in out
    assert "'San Diego'" in out and "'Diego'" not in out
    # The same profile with a story of real ties there is rated high.
    (home / "profile.toml").write_text(_profile_text(CONCRETE["praise_and_family"]))
    assert main(["--today", "2026-12-03", "assess", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["back_home"]["likelihood"] == "high"
