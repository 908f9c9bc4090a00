"""Readings found by answer and story sets written by other hands (session 43), each wrong
before:
- a close that puts the decision off ("We will decide later.", "we'll see how things go") looked
  ahead, while "we will see 20 patients a day" must still be a plan;
- "if i dont match ill stay on as a research fellow" (I'll typed without its apostrophe) was no
  plan, while "my mother fell ill" must stay the word ill;
- "the patients I hope to serve one day" counted "one day" as a detail, "one day a week" must;
- a region on its own ("my family lives in the South", "I will stay in the Midwest") was a
  checkable place, where "South Carolina" is;
- blame put on the system, the tools or the teaching in other words ("The system at that hospital
  was very confusing and nobody trained us properly", "the system just isn't built for couples",
  "the EHR defaulted to the wrong unit", "my school gave us only six weeks") was no blame;
- "I went to UT Southwestern for medical school" named no tie, and "medical school in Portland"
  counted for the South (Portland is in Oregon or Maine: a city name shared by two regions was
  read as naming none);
- "I'm a very committed person" and "thinking I would do surgery" looked ahead; "I feel bad
  that it happened" did not end on regret;
- "calm under pressure", "good at multitasking", "learned a lot about myself" were not stock;
- "I'm not 100% sure" and "the residents all seemed happy" were details, a city typed in lower
  case ("i grew up in tucson") was not, nor was a "clinical associate" in the emergency
  department recent clinical work;
- "I want to stay and practice in Wisconsin, maybe as hospitalist in smaller town" hedged the
  stay (the "maybe" is about the kind of work);
- "I am ready to get back to patient care full time" was proof of recent clinical work, and a
  critique put on the people who gave it ("the residents on that rotation never really let
  students talk") was no blame;
- from a second set of stories: "Rotations at Northeast Regional Medical Center" (Kirksville,
  Missouri) was work in the Northeast, "I will return to Missouri to practice" was no plan to stay,
  "several years" was a detail and "passionate about returning to patient care" was readiness;
- from a third set of answers: blame in other words ("it was the system", "which was bad
  advice", "through no fault of mine", "nobody tells you how the soap works", "will not look at
  IMGs", "the EMR there was terrible") was none; "i definately plan to" and "those skills will
  transfer well to clinical practice" did not look ahead; a stay made to wait on a job ("if the
  right job comes up", "I am open to staying ... depending on job opportunities") was firm or
  no stay at all;
- from a set of answers on the region questions: "I did my medical school in Poland" was a tie to
  the region asked about (a place abroad named nothing); "We'll figure it out as we go" looked
  ahead; "if the jobs line up for both of us" and "it really depends on whether" left a stay
  firm; "I am committed to staying in Virginia" was no plan to stay; "My school in Grenada did a
  terrible job" was no blame; "IMGs" was a detail;
- "because my wife took a job at a tech company there" was work the applicant did in Seattle;
- "Neither of us has any family in the Midwest, and we both trained at Tulane in New Orleans" was
  a tie to the Midwest: the clause after ", and" is now read against its own places."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.text import TargetRegion, judge_story, places_named
from tests.test_care_given_and_denials import result_of

_SOUTH = TargetRegion("south", "the South")
_WEST = TargetRegion("west", "the West")
_MIDWEST = TargetRegion("midwest", "the Midwest")


_OPENING = "I did research at Emory from 2022 to 2024. "


@pytest.mark.parametrize(
    "close",
    [
        "We will decide later.",
        "I'll probably take it at some point, we'll see how things go.",
        "i guess i'm still hoping it works out this time, we'll see",
        "I'd hopefully look into geriatrics down the line, but we'll see.",
    ],
)
def test_a_decision_put_off_does_not_look_ahead(catalog: Any, close: str) -> None:
    check = result_of("step3_status", _OPENING + close, catalog, "forward_close")
    assert check.status == "fail", (close, check.detail)


@pytest.mark.parametrize(
    "close",
    [
        "In clinic we will see 20 patients a day and I will keep up.",
        "In clinic we will see twenty patients a day and I will keep up.",
        "We will see each patient within an hour, and I will be ready for that pace.",
    ],
)
def test_patients_seen_ahead_still_look_ahead(catalog: Any, close: str) -> None:
    check = result_of("step3_status", _OPENING + close, catalog, "forward_close")
    assert check.status == "pass", (close, check.detail)


def test_ill_typed_for_i_will_is_a_plan(catalog: Any) -> None:
    story = (
        "if i dont match ill stay on as a research fellow in the hepatology lab for another yr "
        "and reapply"
    )
    verdict = judge_story("plan_b", story, catalog, "midwest")
    assert verdict.quality == "concrete", verdict.reason
    assert "forward" in verdict.signals


def test_falling_ill_is_no_plan(catalog: Any) -> None:
    story = "My mother fell ill in 2021 and I cared for her at home in Lagos for two years."
    assert "forward" not in judge_story("plan_b", story, catalog, "midwest").signals
    close = result_of(
        "why_left_medicine",
        "I left residency in 2019. In 2021 my mother fell ill.",
        catalog,
        "forward_close",
    )
    assert close.status == "fail", close.detail


def test_one_day_as_a_saying_is_no_detail(catalog: Any) -> None:
    story = "I will keep my heart centered on the patients I hope to serve one day."
    verdict = judge_story("plan_b", story, catalog, "northeast")
    assert verdict.quality == "generic", verdict.reason
    assert "specifics" not in verdict.signals


@pytest.mark.parametrize(
    "story",
    [
        "I will keep working one day a week in the clinic.",
        "I will keep working one day per week with my preceptor.",
    ],
)
def test_one_day_in_a_rhythm_is_a_detail(catalog: Any, story: str) -> None:
    assert "specifics" in judge_story("plan_b", story, catalog, "northeast").signals


def test_a_region_on_its_own_is_no_place_to_check(catalog: Any) -> None:
    story = "My family lives in the South and I want to be close to them."
    verdict = judge_story("why_home", story, catalog, "south")
    assert verdict.quality == "generic", verdict.reason
    assert "specifics" not in verdict.signals
    gamed = (
        "I grew up in the Midwest. I love Chicago, Milwaukee, Detroit and Cleveland. I will stay "
        "in the Midwest. I will practice in the Midwest. I will build my career in the Midwest."
    )
    specifics = result_of("why_region", gamed, catalog, "specifics")
    assert specifics.status == "warn", specifics.detail
    assert '"Midwest"' not in specifics.detail


@pytest.mark.parametrize(
    ("story", "named"),
    [
        ("My family lives in South Carolina and I want to be close to them.", "South Carolina"),
        ("My family lives in the South, in Georgia, and I want to stay near them.", "Georgia"),
    ],
)
def test_a_state_in_the_region_is_a_place(catalog: Any, story: str, named: str) -> None:
    verdict = judge_story("why_home", story, catalog, "south")
    assert verdict.quality == "concrete", verdict.reason
    assert named in verdict.reason


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        (
            "mistake",
            "I gave the wrong dose in 2023. The system at that hospital was very confusing and "
            "nobody trained us properly.",
        ),
        ("mistake", "I gave the wrong dose in 2023. It was because the EHR defaulted to mg/kg."),
        (
            "other_regions",
            "Last year we went unmatched in 2025; the system just isn't built for couples.",
        ),
        (
            "exam_failure",
            "I failed Step 1 in 2021. My school gave us only six weeks of dedicated time.",
        ),
        (
            "exam_failure",
            "I failed Step 1 in 2021. Half the questions were on topics that weren't in any of the "
            "review books.",
        ),
    ],
)
def test_blame_in_other_words_is_blame(catalog: Any, qid: str, text: str) -> None:
    assert result_of(qid, text, catalog, "no_blame").status == "fail", text


def test_learning_a_system_is_no_blame(catalog: Any) -> None:
    text = "I learned the system at Mercy in two weeks in 2024 and taught it to the new interns."
    assert result_of("mistake", text, catalog, "no_blame").status == "pass"


def test_medical_school_named_by_its_purpose_is_a_tie(catalog: Any) -> None:
    text = (
        "Texas is still our first choice, because I went to UT Southwestern for medical school "
        "and he's from San Antonio."
    )
    ties = result_of("other_regions", text, catalog, "ties", _SOUTH)
    assert ties.status == "pass", ties.detail


def test_a_city_name_two_regions_share_is_away_from_a_third(catalog: Any) -> None:
    text = "I did my medical school in Portland and rotated at OHSU."
    ties = result_of("why_region", text, catalog, "ties", _SOUTH)
    assert ties.status == "fail" and "Portland" in ties.detail, ties.detail
    # read for either of its regions, it still counts there
    assert result_of("why_region", text, catalog, "ties", _WEST).status == "pass"
    home = "I grew up in Columbus and my parents still live there. I will stay and practice here."
    assert judge_story("why_home", home, catalog, "west").quality == "generic"
    assert "ties" in judge_story("why_home", home, catalog, "south").signals


@pytest.mark.parametrize(
    "close",
    [
        "I'm a very committed person.",
        "I started at UCLA thinking I would do surgery, and then I found pediatrics.",
    ],
)
def test_a_self_portrait_or_an_old_expectation_does_not_look_ahead(
    catalog: Any, close: str
) -> None:
    text = "I left residency in 2019 and came back to clinical work in 2024. " + close
    assert result_of("wont_leave_again", text, catalog, "forward_close").status == "fail"


def test_feeling_bad_about_it_ends_on_regret(catalog: Any) -> None:
    text = "I gave the wrong dose in 2023. I still think about him and I feel bad that it happened."
    close = result_of("mistake", text, catalog, "forward_close")
    assert close.status == "warn" and "regret" in close.detail, close.detail


def test_strengths_anyone_could_claim_are_stock(catalog: Any) -> None:
    text = (
        "I stay calm under pressure and I am very good at multitasking. I learned a lot about "
        "myself that year."
    )
    stock = result_of("too_much_at_once", text, catalog, "stock")
    assert stock.status == "fail", stock.detail


def test_not_being_100_percent_sure_is_no_detail(catalog: Any) -> None:
    text = "I want to do cardiology after residency. I'm not 100% sure though."
    assert result_of("fellowship_plans", text, catalog, "specifics").status == "fail"
    counted = "I want to do cardiology. I saw it in 100% of my weeks on call."
    assert '"100"' in result_of("fellowship_plans", counted, catalog, "specifics").detail


def test_a_city_in_lower_case_after_in_is_a_detail(catalog: Any) -> None:
    text = (
        "i grew up in tucson and my parents still run a small pharmacy there. i did my sub-i at "
        "el rio health center in 2022."
    )
    specifics = result_of("connect_region", text, catalog, "specifics", _WEST)
    assert specifics.status == "pass" and "tucson" in specifics.detail, specifics.detail
    words = "i like reading and mobile phones. i went to the store."
    assert result_of("connect_region", words, catalog, "specifics", _WEST).status == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "The residents all seemed really happy. What are residents doing for fun?",
        "The faculty are committed to resident education. I met very respected attendings.",
    ],
)
def test_the_people_of_a_program_in_general_are_no_detail(catalog: Any, text: str) -> None:
    assert result_of("why_program", text, catalog, "specifics").status == "fail", text


def test_ones_own_senior_and_a_role_held_are_details(catalog: Any) -> None:
    text = (
        "My attending told me I was the only student who knew every story. As an intern I will "
        "keep doing that."
    )
    specifics = result_of("why_specialty", text, catalog, "specifics")
    assert specifics.status == "pass", specifics.detail


def test_a_clinical_associate_is_recent_clinical_work(catalog: Any) -> None:
    text = (
        "I left my residency in 2021. Since August 2023 I've worked as a full-time clinical "
        "associate in the emergency department at St. Mark's in Salt Lake City."
    )
    readiness = result_of("wont_leave_again", text, catalog, "readiness")
    assert readiness.status == "pass", readiness.detail


def test_a_hedge_about_the_kind_of_work_leaves_the_stay_firm(catalog: Any) -> None:
    opening = "I did an observership at Froedtert in 2022. "
    firm = opening + (
        "After residency I want to stay and practice in Wisconsin, maybe as hospitalist in "
        "smaller town where there is need."
    )
    assert result_of("why_region", firm, catalog, "plan_to_stay", _MIDWEST).status == "pass"
    for hedged in ("I will stay in Wisconsin, probably.", "Maybe I will stay in Wisconsin."):
        check = result_of("why_region", opening + hedged, catalog, "plan_to_stay", _MIDWEST)
        assert check.status == "warn", hedged


def test_a_return_wished_for_is_no_proof(catalog: Any) -> None:
    text = (
        "During my time away I learned a lot about myself in 2023. I am ready to get back to "
        "patient care full time."
    )
    assert result_of("time_away_learned", text, catalog, "readiness").status == "fail"
    done = "In 2024 I went back to patient care at an urgent care in Jacksonville."
    assert result_of("time_away_learned", done, catalog, "readiness").status == "pass"


def test_a_critique_put_on_its_givers_is_blame(catalog: Any) -> None:
    text = (
        "My attending said in 2024 that I should speak up more, but the residents on that "
        "rotation never really let students talk."
    )
    assert result_of("critical_feedback", text, catalog, "no_blame").status == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "I did my rotations at Northeast Regional Medical Center in 2022.",
        "I did my rotations at South Shore Hospital in 2022.",
        "I did my rotations in Northeast Ohio in 2022.",
    ],
)
def test_a_region_name_inside_a_longer_name_is_not_the_region(catalog: Any, text: str) -> None:
    assert "Northeast" not in str(places_named(text, catalog))
    assert "South" not in str(places_named(text, catalog))
    activity = result_of("why_region", text, catalog, "local_activity", _MIDWEST)
    assert '"Northeast"' not in activity.detail


def test_the_region_itself_is_still_read(catalog: Any) -> None:
    named = places_named("I love the Northeast. We moved there in 2020.", catalog)
    assert [p.region for p in named] == ["northeast"]


def test_a_return_to_practise_is_a_plan_to_stay(catalog: Any) -> None:
    story = "I grew up in Kirksville, Missouri. I will return to Missouri to practice."
    verdict = judge_story("why_home", story, catalog, "midwest")
    assert "plan_to_stay" in verdict.signals, verdict.reason
    back = "I will return to medicine after a long break in 2026."
    assert "plan_to_stay" not in judge_story("why_home", back, catalog, "midwest").signals


def test_several_years_and_a_wished_return_are_no_proof(catalog: Any) -> None:
    story = (
        "I spent several years working in the pharmaceutical industry after medical school. It "
        "was rewarding, but I missed patient care. Something changed in me, and I am "
        "passionate about returning to patient care now."
    )
    verdict = judge_story("why_now", story, catalog, "west")
    assert verdict.quality == "generic", verdict.reason
    assert "specifics" not in verdict.signals and "readiness" not in verdict.signals


@pytest.mark.parametrize(
    "sentence",
    [
        "honestly i think alot of it was the system.",
        "My advisor told me to apply to 30 programs, which was bad advice.",
        "My notes looked incomplete through no fault of mine.",
        "nobody tells you how the soap works, the schools just leave you on your own.",
        "Programs in California still will not look at IMGs.",
        "The EMR there was terrible.",
    ],
)
def test_more_blame_in_other_words(catalog: Any, sentence: str) -> None:
    text = "I did not match in 2024 with 3 interviews. " + sentence
    assert result_of("why_unmatched", text, catalog, "no_blame").status == "fail", sentence


@pytest.mark.parametrize(
    "close",
    [
        "i definately plan to keep asking for feedback like that every rotation in residency.",
        "I believe those skills will transfer well to clinical practice.",
    ],
)
def test_a_plan_typed_loosely_or_a_skill_carried_looks_ahead(catalog: Any, close: str) -> None:
    text = "I worked as a medical science liaison at Genentech from 2016 to 2024. " + close
    assert result_of("why_left_medicine", text, catalog, "forward_close").status == "pass", close


@pytest.mark.parametrize(
    "stay",
    [
        "I would like to stay in the area after residency if the right job comes up.",
        "I am open to staying after residency depending on job opportunities.",
    ],
)
def test_a_stay_waiting_on_a_job_is_hedged(catalog: Any, stay: str) -> None:
    text = "My wife grew up in Tucson and we moved there in 2022. " + stay
    check = result_of("will_you_stay", text, catalog, "plan_to_stay", _WEST)
    assert check.status == "warn", (stay, check.detail)


_NORTHEAST = TargetRegion("northeast", "the Northeast")


@pytest.mark.parametrize(
    "sentence",
    [
        "I did my medical school in Poland.",
        "I grew up in Lagos, Nigeria.",
        "I went to medical school in the Caribbean.",
    ],
)
def test_a_tie_abroad_is_no_tie_to_a_us_region(catalog: Any, sentence: str) -> None:
    ties = result_of("trained_elsewhere", sentence, catalog, "ties", _SOUTH)
    assert ties.status == "fail", ties.detail
    assert judge_story("why_home", sentence, catalog, "south").quality == "generic"


def test_a_tie_abroad_beside_one_here_still_counts(catalog: Any) -> None:
    text = "I grew up in Lagos, Nigeria, and my parents have lived in Houston since 2015."
    assert result_of("trained_elsewhere", text, catalog, "ties", _SOUTH).status == "pass"


def test_a_country_inside_a_us_name_is_not_abroad(catalog: Any) -> None:
    named = places_named("I did a rotation at Jamaica Hospital in Queens in 2023.", catalog)
    assert [(p.written, p.region) for p in named] == [("Queens", "northeast")]
    assert [p.region for p in places_named("I grew up in New Mexico.", catalog)] == ["west"]
    assert [p.region for p in places_named("My family is in Georgia.", catalog)] == ["south"]


@pytest.mark.parametrize(
    "close", ["We'll figure it out as we go.", "We'll figure it out together."]
)
def test_figuring_it_out_later_does_not_look_ahead(catalog: Any, close: str) -> None:
    text = "My partner and I did our residency interviews in Boston in 2025. " + close
    assert result_of("will_you_stay", text, catalog, "forward_close", _NORTHEAST).status == "fail"


@pytest.mark.parametrize(
    "stay",
    [
        "We're hoping to stay in Massachusetts if the jobs line up for both of us.",
        "I'd like to stay in Massachusetts, but it really depends on whether there's a job.",
    ],
)
def test_a_stay_that_waits_on_jobs_is_hedged(catalog: Any, stay: str) -> None:
    text = "My wife grew up in Worcester and we moved back in 2022. " + stay
    check = result_of("will_you_stay", text, catalog, "plan_to_stay", _NORTHEAST)
    assert check.status == "warn", (stay, check.detail)


def test_committed_to_staying_is_a_plan(catalog: Any) -> None:
    text = "My parents live in Richmond, Virginia. I am committed to staying in Virginia."
    assert result_of("trained_elsewhere", text, catalog, "plan_to_stay", _SOUTH).status == "pass"


def test_a_school_doing_a_terrible_job_is_blame_and_my_own_is_not(catalog: Any) -> None:
    theirs = "My school in Grenada did a terrible job helping students find US rotations in 2022."
    assert result_of("trained_elsewhere", theirs, catalog, "no_blame", _SOUTH).status == "fail"
    mine = "I did a terrible job of planning my rotations in 2022, and I changed that in 2023."
    assert result_of("trained_elsewhere", mine, catalog, "no_blame", _SOUTH).status == "pass"


def test_the_group_an_applicant_is_sorted_into_is_no_detail(catalog: Any) -> None:
    text = "Programs filter IMGs. I applied through ERAS."
    assert result_of("other_regions", text, catalog, "specifics", _SOUTH).status == "fail"


def test_work_told_of_someone_else_is_theirs(catalog: Any) -> None:
    story = (
        "We moved to Seattle last year because my wife took a job at a tech company there. I "
        "like the city a lot."
    )
    verdict = judge_story("why_home", story, catalog, "west")
    assert "local_activity" not in verdict.signals and verdict.quality == "generic"
    text = "My wife works as a nurse at Harborview in Seattle. She did a rotation there in 2020."
    assert result_of("why_region", text, catalog, "local_activity", _WEST).status == "fail"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "My wife and I volunteered at the free clinic in Seattle in 2023. She let me shadow "
            "her in clinic at Harborview every week.",
            "pass",
        ),
        (
            "My husband's job brought us to Seattle in 2022, and I work at Harborview as a scribe.",
            "warn",
        ),
        ("I worked in my father's clinic in Seattle for 4 years as a general physician.", "warn"),
    ],
)
def test_work_the_applicant_did_beside_someone_else_stays_theirs(
    catalog: Any, text: str, status: str
) -> None:
    assert result_of("why_region", text, catalog, "local_activity", _WEST).status == status


def test_a_clause_after_and_is_read_against_its_own_places(catalog: Any) -> None:
    text = (
        "My partner and I are couples matching in 2027. Neither of us has any family in the "
        "Midwest, and we both trained at Tulane in New Orleans."
    )
    ties = result_of("trained_elsewhere", text, catalog, "ties", _MIDWEST)
    assert '"trained at"' not in ties.detail, ties.detail
    kept = "I grew up in Madison, Wisconsin, and my parents still live there."
    assert result_of("trained_elsewhere", kept, catalog, "ties", _MIDWEST).status == "pass"
