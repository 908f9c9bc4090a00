"""Review of the session's new reading rules: innocent sentences they misread, each wrong with
the rules as first written (session 43):
- "we will see patients from three counties" and "figure things out on my own" were undecided;
- "the seriously ill do better" looked ahead ("ill do" read as I'll do);
- "My personal statement did a bad job of explaining my gap", "My program director gave us only
  one piece of advice" and "I was new to the EHR and found the results tab confusing" were blame;
- "I worked two jobs to save for medical school" was a tie;
- "I am committed to staying current", "eager to return to clinical practice" were plans to
  stay, and "I plan to stay in Ohio, and if the right job opens ... I will join its faculty" a
  hedged one;
- "I return to the free clinic every Saturday" was no proof;
- "I felt bad, but I used it to build a checklist I will bring to intern year" ended on regret;
- "I was a resident back home" was no detail;
- "My parents live ten minutes from here, and I went to medical school in India", "half our
  patients are from Mexico" and "I have lived in Georgia, Florida, and Ohio" were read as about
  somewhere else; "Lebanon" (New Hampshire), "UK" (Kentucky) and "research at Columbia" were
  places away; "West Philadelphia" was the West and "the West Coast" a detail;
- "My wife suggested a research job at the Cleveland Clinic" made the job hers;
- "I believe in providence" named a city."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.text import TargetRegion, judge_story, places_named
from tests.test_care_given_and_denials import result_of

_MIDWEST = TargetRegion("midwest", "the Midwest")
_NORTHEAST = TargetRegion("northeast", "the Northeast")
_WEST = TargetRegion("west", "the West")
_SOUTH = TargetRegion("south", "the South")


_OPENING = "I did research at Emory from 2022 to 2024. "


@pytest.mark.parametrize(
    "close",
    [
        "As residents here we will see underserved patients from three counties, and I want to "
        "be the intern who knows their stories.",
        "I learned to figure things out on my own, and I will bring that to intern year.",
        "I learned that the seriously ill do better when families are part of every decision, "
        "and I will bring that to intern year.",
    ],
)
def test_plans_that_read_as_put_off_still_look_ahead(catalog: Any, close: str) -> None:
    assert result_of("step3_status", _OPENING + close, catalog, "forward_close").status == "pass"


@pytest.mark.parametrize(
    "close", ["I'll make that decision later.", "We will decide that when the time comes."]
)
def test_more_decisions_put_off(catalog: Any, close: str) -> None:
    assert result_of("step3_status", _OPENING + close, catalog, "forward_close").status == "fail"


@pytest.mark.parametrize(
    "sentence",
    [
        "My personal statement did a bad job of explaining my gap.",
        "My program director gave us only one piece of advice: own it.",
        "I was new to the EHR and found the results tab confusing, so I asked for training.",
    ],
)
def test_own_work_and_advice_are_no_blame(catalog: Any, sentence: str) -> None:
    text = "I gave the wrong dose in 2023. " + sentence
    assert result_of("mistake", text, catalog, "no_blame").status == "pass", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody ever trained us on the pumps in 2023.",
        "My school gave us just four weeks of dedicated time in 2021.",
        "We were never taught how to read the new order set in 2023.",
    ],
)
def test_more_blame_on_the_teaching(catalog: Any, sentence: str) -> None:
    text = "I gave the wrong dose in 2023. " + sentence
    assert result_of("mistake", text, catalog, "no_blame").status == "fail", sentence


@pytest.mark.parametrize(
    "text",
    [
        "I worked two jobs to save for medical school.",
        "Chicago was my first choice for medical school, but I did not get in.",
    ],
)
def test_money_or_plans_for_school_are_no_tie(catalog: Any, text: str) -> None:
    assert result_of("why_region", text, catalog, "ties", _MIDWEST).status == "fail", text


@pytest.mark.parametrize(
    "text",
    [
        "I am committed to staying current with the literature in 2026.",
        "After my leave in 2024 I am eager to return to clinical practice.",
    ],
)
def test_staying_current_or_returning_to_practice_is_no_stay(catalog: Any, text: str) -> None:
    assert result_of("why_region", text, catalog, "plan_to_stay", _MIDWEST).status == "fail", text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "I plan to stay in Ohio, and if the right job opens at my home hospital in Dayton I "
            "will join its faculty.",
            "pass",
        ),
        ("I'd like to stay in Ohio, maybe in Columbus or maybe somewhere else entirely.", "warn"),
        ("I want to stay, maybe, in Ohio.", "warn"),
        ("I will stay in Ohio; maybe.", "warn"),
        ("I'm open to staying if I find a good job.", "warn"),
    ],
)
def test_what_a_hedge_after_a_stay_hedges(catalog: Any, text: str, status: str) -> None:
    opening = "I did an observership at Froedtert in 2022. "
    check = result_of("why_region", opening + text, catalog, "plan_to_stay", _MIDWEST)
    assert check.status == status, (text, check.detail)


def test_a_weekly_return_to_clinic_is_proof(catalog: Any) -> None:
    text = "Since 2024 I return to the free clinic every Saturday to see patients."
    assert result_of("time_away_learned", text, catalog, "readiness").status == "pass"


def test_a_regret_turned_to_use_looks_ahead(catalog: Any) -> None:
    text = (
        "I gave the wrong dose in 2023. I felt bad, but I used it to build a checklist I will "
        "bring to intern year."
    )
    assert result_of("mistake", text, catalog, "forward_close").status == "pass"


def test_a_role_held_before_is_a_detail(catalog: Any) -> None:
    text = "I was a resident back home, so I have run a ward on my own. I was an attending later."
    assert result_of("img_us_practice", text, catalog, "specifics").status == "pass"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "My parents and two brothers live ten minutes from here, and I went to medical "
            "school in India.",
            _MIDWEST,
        ),
        (
            "My husband and I both work at the hospital here, where half our patients are from "
            "Mexico.",
            _WEST,
        ),
        ("My wife and kids live here, but I did medical school in the Caribbean.", _MIDWEST),
    ],
)
def test_here_and_where_patients_come_from_keep_the_tie(
    catalog: Any, text: str, target: TargetRegion
) -> None:
    assert result_of("why_region", text, catalog, "ties", target).status == "pass", text


def test_a_list_of_places_is_one_clause(catalog: Any) -> None:
    assert (
        result_of(
            "why_region", "I have lived in Georgia, Florida, and Ohio.", catalog, "ties", _MIDWEST
        ).status
        == "pass"
    )
    rotations = "I did rotations in Atlanta, Miami, and Chicago in 2024."
    assert result_of("why_region", rotations, catalog, "local_activity", _SOUTH).status != "fail"


@pytest.mark.parametrize(
    "text",
    [
        "I did a sub-internship at Dartmouth-Hitchcock in Lebanon in 2024.",
        "I did two sub-internships at UK in 2024.",
        "I spent two years doing research at Columbia.",
    ],
)
def test_us_places_that_share_a_name_are_not_away(catalog: Any, text: str) -> None:
    assert places_named(text, catalog) == [], text


def test_a_direction_before_a_city_is_part_of_it(catalog: Any) -> None:
    named = places_named("I grew up in West Philadelphia.", catalog)
    assert [(p.written, p.region) for p in named] == [("Philadelphia", "northeast")]
    assert places_named("the South Side of Chicago", catalog)[0].region == "midwest"
    coast = result_of(
        "why_region", "I love the West Coast. The weather is great.", catalog, "specifics", _WEST
    )
    assert coast.status == "fail", coast.detail


def test_someone_who_set_the_applicant_on_it_leaves_the_work_theirs(catalog: Any) -> None:
    text = (
        "My wife suggested a research job at the Cleveland Clinic in 2022, and it became two "
        "years of work. My parents encouraged volunteering at the free clinic in Dayton, which "
        "has been my Saturday routine since 2021."
    )
    assert result_of("why_region", text, catalog, "local_activity", _MIDWEST).status == "pass"
    theirs = "We moved to Seattle last year because my wife took a job at a tech company there."
    assert "local_activity" not in judge_story("why_home", theirs, catalog, "west").signals


def test_a_word_that_is_also_a_city_in_lower_case_is_a_word(catalog: Any) -> None:
    text = "i believe in providence. i went to the store."
    assert result_of("connect_region", text, catalog, "specifics", _NORTHEAST).status == "fail"
