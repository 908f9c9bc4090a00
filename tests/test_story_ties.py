"""Family on a holiday is no tie to the place.

Before, "My family and I loved our vacations in San Diego" gave a why-home story its tie
("my family"), so a story of praise for the city that added "I plan to stay there" was
"concrete" and the Reality check rated the back-home likelihood high; the interview answer
passed Concrete ties on the same sentence. A tie phrase in a sentence about a visit, a holiday
or a trip (lexicon.toml [holiday_visits]) now counts only when that sentence also says someone
lives, grew up, studied or works there, or that the applicant goes to see people there
([lives_there]). Stories that name people or a life there stay concrete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine import practice, text
from matchtui.models.lexicon import lexicon
from tests.test_story_praise import _profile_text

# Praise, a family holiday and a plan to stay: no person or life there.
PRAISE_STAY = (
    "San Diego has beautiful weather, great food and amazing beaches. My family and I loved "
    "our vacations in San Diego. I plan to stay there for good."
)

# Sentences whose only tie phrase names company on a trip.
HOLIDAY_ONLY = {
    "vacations": "My family and I loved our vacations in San Diego.",
    "visited": "My family and I visited Seattle every summer.",
    "trips": "My parents took us on trips to Denver when I was a kid.",
    "honeymoon": "My wife and I honeymooned in Maui.",
    "spring_break": "My sister and I spent spring break in Miami in 2019.",
    "tourist": "I went to Boston as a tourist with my wife.",
    "holiday": "My family and I took a holiday in Cornwall.",
    "sightseeing": "My kids loved sightseeing in Chicago.",
    # a wish to live or work there is not someone living or working there
    "wish_to_live": "My family and I loved our vacations there, and I would love to live there.",
    "wish_to_work": "My family and I loved our vacations there and I want to work there.",
    "work_trip": "My husband and I visited Austin for work.",
    "our_lives": "The best days of our lives were family vacations with my parents in Maine.",
}

# Sentences about a visit that still name a person or a life there.
TIE_AND_HOLIDAY = {
    "parents_live": "My parents live in San Diego and we vacation there every summer.",
    "sister_lives": "My sister lives in Tucson and I visit her every holiday.",
    "visit_grandparents": "I visit my grandparents in Tucson every summer vacation.",
    "grew_up": "I grew up in Boise and we spent holidays at the lake.",
    "college": "I went to college in Denver, and my family visited every fall.",
    "husband_works": "My husband works at Intel in Portland, so I have visited often.",
    "moved": "My family moved to Phoenix in 2015 and I fly home every holiday.",
    "retired": "My parents retired to Sarasota, and I spend my vacations with them there.",
    "honeymoon_family": "My wife and I honeymooned in Maui, where her family still lives.",
    "own_home": "We own a home in Bend, and my kids love our trips to the coast.",
    "spouse_job": "My spouse's job brought us here, and we take trips across the state.",
    # a visiting student or professor holds a post there, which is no holiday
    "visiting_professor": "My wife is a visiting professor at UCSD.",
    # the holidays are the season, spent with family where they live
    "the_holidays": "My family spends the holidays together in Fresno.",
}

# Whole stories with real ties and a holiday word: they stay concrete.
CONCRETE = {
    "family_there": (
        "My parents live in San Diego and we vacation there every summer. I rotated at Scripps "
        "Mercy in 2025 and I plan to stay in California for good."
    ),
    "grew_up": (
        "I grew up in Boise and we spent holidays at the lake near McCall. I plan to practise in "
        "Idaho for good."
    ),
    "worked": (
        "Before medical school I worked for three years at a clinic in Tucson, and my family "
        "visited me there every winter. I plan to practise in Arizona long term."
    ),
    "rotation": (
        "I did a visiting student rotation at OHSU in 2025, where my husband works. We took "
        "trips to the coast on weekends, and we plan to settle in Oregon for good."
    ),
    "spouse_job": (
        "My wife's job is at Intel in Hillsboro, and we spent our honeymoon on the Oregon "
        "coast. We plan to settle in Oregon for good after 2027."
    ),
}


@pytest.mark.parametrize("sentence", HOLIDAY_ONLY.values(), ids=HOLIDAY_ONLY.keys())
def test_family_on_a_holiday_is_no_tie(catalog: Catalog, sentence: str) -> None:
    analysed = text.Analysed(sentence, text.compiled(catalog))
    assert analysed.hits("ties") == []
    verdict = text.judge_story("why_home", f"{sentence} I plan to stay there for good.", catalog)
    assert "ties" not in verdict.signals and "ties" in verdict.missing


@pytest.mark.parametrize("sentence", TIE_AND_HOLIDAY.values(), ids=TIE_AND_HOLIDAY.keys())
def test_a_tie_beside_a_holiday_still_counts(catalog: Catalog, sentence: str) -> None:
    assert text.Analysed(sentence, text.compiled(catalog)).hits("ties")
    verdict = text.judge_story("why_home", sentence, catalog)
    assert "ties" in verdict.signals


def test_the_tie_is_dropped_in_the_holiday_sentence_only(catalog: Catalog) -> None:
    analysed = text.Analysed(
        "My family and I loved our vacations there. My parents moved to Fresno in 2020.",
        text.compiled(catalog),
    )
    assert [hit.found for hit in analysed.hits("ties")] == ["My parents"]
    assert list(analysed.sentences_with("ties")) == [1]


# A visit sentence's people, said to live there in the next sentence: the tie counts.
CARRIED = {
    "they_live": "My family and I vacation in San Diego every summer. They live in La Jolla.",
    "she_works": "My sister and I took trips to Denver as kids. She works at UCHealth now.",
    "both_retired": "My parents and I spent holidays in Sarasota. Both retired there in 2020.",
}

# The next sentence says no life there, or names nobody the visit sentence named.
NOT_CARRIED = {
    "they_love": "My family and I vacation in San Diego every summer. They love the beach.",
    "wish": "My family and I vacation in San Diego every summer. I would love to live there.",
    "nobody_named": "We vacation in San Diego every summer. They live in La Jolla.",
    "not_at_start": "My family and I vacation in San Diego. In La Jolla they live well.",
    "two_on": "My family and I vacation in Maui. The beaches are lovely. They live in Hilo.",
}


@pytest.mark.parametrize("story", CARRIED.values(), ids=CARRIED.keys())
def test_a_tie_said_over_two_sentences_counts(catalog: Catalog, story: str) -> None:
    """Found after the holiday rule: 'My family and I vacation in San Diego every summer. They
    live in La Jolla.' lost its tie, since the family was named in the holiday sentence and
    the next one names them only as 'They'."""
    assert text.Analysed(story, text.compiled(catalog)).sentences_with("ties").keys() == {0}
    verdict = text.judge_story("why_home", f"{story} I plan to stay there for good.", catalog)
    assert "ties" in verdict.signals and verdict.quality == "concrete", verdict.reason


@pytest.mark.parametrize("story", NOT_CARRIED.values(), ids=NOT_CARRIED.keys())
def test_a_pronoun_alone_carries_no_tie(catalog: Catalog, story: str) -> None:
    assert text.Analysed(story, text.compiled(catalog)).hits("ties") == []
    verdict = text.judge_story("why_home", f"{story} I plan to stay there for good.", catalog)
    assert "ties" in verdict.missing


def test_praise_and_a_plan_to_stay_is_generic(catalog: Catalog) -> None:
    verdict = text.judge_story("why_home", PRAISE_STAY, catalog)
    assert verdict.quality == "generic", verdict.reason
    assert verdict.signals == ["specifics", "plan_to_stay"]
    assert "who ties you there" in verdict.reason
    # the holiday sentence is praise only now: it adds no length either
    assert "all in sentences of praise only" not in verdict.reason
    assert "20 of them in sentences of praise only" in verdict.reason


@pytest.mark.parametrize("story", CONCRETE.values(), ids=CONCRETE.keys())
def test_stories_with_real_ties_and_a_holiday_stay_concrete(catalog: Catalog, story: str) -> None:
    verdict = text.judge_story("why_home", story, catalog)
    assert verdict.quality == "concrete", verdict.reason
    assert "ties" in verdict.signals


@pytest.mark.parametrize(
    ("answer", "status", "quality"),
    [
        (PRAISE_STAY, "fail", "generic"),
        (HOLIDAY_ONLY["visited"] + " I plan to stay in Washington for good.", "fail", "generic"),
        (CONCRETE["family_there"], "pass", "concrete"),
        (CONCRETE["rotation"], "pass", "concrete"),
    ],
    ids=["praise_stay", "visited", "family_there", "rotation"],
)
def test_the_practice_answer_reads_ties_alike(
    catalog: Catalog, answer: str, status: str, quality: str
) -> None:
    feedback = practice.analyse("why_region", answer, None, catalog)
    ties = next(check for check in feedback.checks if check.id == "ties")
    assert ties.status == status
    assert feedback.story is not None and feedback.story.quality == quality
    assert feedback.story == text.judge_story("why_home", answer, catalog)


def test_the_lists_are_assumptions_with_notes(catalog: Catalog) -> None:
    lex = lexicon(catalog)
    for found in (lex.holiday_visits, lex.lives_there, lex.tie_pronouns):
        assert found is not None and found.note
        assert found.source == "matchtui_assumption" and found.reliability == "assumption"
    # a story's verdict reads them with its ties
    groups = text.compiled(catalog).story_groups("why_home")
    assert {"holiday_visits", "lives_there", "tie_pronouns"} <= groups
    assert "holiday_visits" not in text.compiled(catalog).story_groups("why_now")


def test_cli_assess_and_practice_agree(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir(parents=True, exist_ok=True)
    answer = home / "answer.txt"
    for story, quality, likelihood, ties in (
        (PRAISE_STAY, "generic", "moderate_to_low", "fail"),
        (CONCRETE["family_there"], "concrete", "high", "pass"),
    ):
        (home / "profile.toml").write_text(_profile_text(story), encoding="utf-8")
        assert main(["--today", "2026-12-03", "assess", "--json"]) == 0
        assessed = json.loads(capsys.readouterr().out)
        assert assessed["back_home"]["narrative"] == quality
        assert assessed["back_home"]["likelihood"] == likelihood
        why_home = next(s for s in assessed["stories"] if s["kind"] == "why_home")
        answer.write_text(story, encoding="utf-8")
        args = ["--today", "2026-12-03", "practice", "--question", "why_region"]
        assert main([*args, "--answer-file", str(answer), "--json"]) == 0
        practised = json.loads(capsys.readouterr().out)
        assert practised["story"]["quality"] == quality
        assert practised["story"]["signals"] == why_home["signals"]
        assert next(c for c in practised["checks"] if c["id"] == "ties")["status"] == ties
    (home / "profile.toml").write_text(_profile_text(PRAISE_STAY), encoding="utf-8")
    assert main(["--today", "2026-12-03", "assess"]) == 0
    assert "Back home to the West: MODERATE TO LOW" in capsys.readouterr().out


@pytest.mark.parametrize(
    "sentence",
    [
        "My twin sister and her kids live in Charlotte.",
        "My older brother lives in Memphis with his family.",
        "My aunt and my cousins live in Baton Rouge.",
        "My girlfriend teaches in Raleigh.",
    ],
)
def test_more_of_the_family_is_a_tie(catalog: Catalog, sentence: str) -> None:
    """'My twin sister and her kids live in Charlotte' named no tie: only 'my sister' did."""
    text_ = sentence + " I want to practise in the South."
    fb = practice.analyse("why_region", text_, 30.0, catalog)
    assert fb.status("ties") == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "After training I will go back to serve the Delta.",
        "I mean to go home to Mississippi once residency is over.",
        "I intend to return for good.",
    ],
)
def test_going_back_after_training_is_a_plan_to_stay(catalog: Catalog, sentence: str) -> None:
    """'After training I will go back to serve the Delta' was told nothing said the applicant
    plans to stay."""
    said = "My grandmother raised me in rural Mississippi. " + sentence
    assert practice.analyse("why_region", said, 30.0, catalog).status("plan_to_stay") == "pass"
