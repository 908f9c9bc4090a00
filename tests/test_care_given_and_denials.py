"""Readings found by a new set of answers (session 42), each wrong before:
- "I left after my intern year ... I was the only one who could look after him" and "I cared for
  him for three years" gave no reason for stepping away;
- "I do not regret it, and ... I want to come back" was read as ending on regret;
- "I still have my letters from medical school" passed as recent readiness;
- "I don't think I have made any serious mistake" owned a mistake ("I have made") and was no
  dodge of the question;
- a medical officer, a house officer, a district hospital and a radiographer were no details, nor
  were "three coordinators" or "one nurse";
- "we are moving to Portland in May regardless of where I match" was no plan to stay, and "I rent
  it to my cousin until I come back" did not look ahead;
- a residency done in Denver and "the attendings I worked with wrote two of my letters" were no
  activity there, while an away rotation only applied for counted as one;
- a why-now story of Step 2 CK failed twice, a job at Amazon and a pass on the third attempt was
  generic (no "failing Step", "stopped applying" or "I passed"), and a plan B put off ("I would
  probably do research or maybe an MPH, ... I'll see what happens") was a plan;
- "my visa problems are finally solved ... I can apply to any program" named neither what
  happened nor why now; "I'd keep working as a scribe" was no current work; a medical
  receptionist at the front desk was no detail;
- a sentence said again inside a longer one ("I graduated in 2015." then "I graduated in 2015
  from medical school."; "I will work hard." then "I will work hard every day.") earned as much
  as a new one: an answer grown that way scored 71;
- one long sentence written with commas, each clause with its own detail ("I graduated from the
  University of Ibadan in 2016, worked as a house officer ... until 2021, passed Step 1 in 2022
  ..."), was told "Only one sentence carries concrete detail (... and 10 more)";
- kept from work by a visa ("couldnt practice because of visa", "h1b didnt allow me to work")
  and authorised since ("got ead") named neither what happened, the step away nor the change;
  "went back home to nigeria" was no step away; "and I am taking Step 3 in January" did not look
  ahead; "two US letters" was quoted as "US";
- a state typed in lower case ("columbus ohio") was read for the region but was no detail, and
  "60 programs", "3 interviews" were quoted as "60", "3" ("twelve family medicine programs" as
  "twelve family");
- "I have a cousin in San Jose" named no tie, "my mom and 3 sisters" quoted "3" and "two of
  your residents" quoted "residents";
- the reasons and praise every interviewer hears ("working with my hands and seeing immediate
  results", "your commitment to excellence resonates with me", "goes above and beyond") were
  not stock;
- a stay said as people say it ("I own a condo in Dorchester", "Leaving is not on the table",
  "I want to be close to them", "we will be in Iowa for a long time") was no plan to stay, and one
  with a way out ("I would stay unless my partner gets a job somewhere else") was firm; "I did
  all my clinical years at UVM" was no activity there;
- from a second set of answers, written by another hand: a low score put on the exam, an outcome
  on fate ("Things happen.") and criticism on its giver were no blame; "I took it too early" and
  "I was not so focus" owned nothing; "I don't really have a backup plan" was no dodge; a close
  that leaves the plan open ("I'm not sure yet where I want to be long term", "I'd be happy
  anywhere really") looked ahead while "as an intern I'm going to keep asking" did not; a
  husband "where he finds a job" was a tie;
- a third and fourth set by other hands: a failed exam put on the school, the proctor and "one bad
  day", ending "it wasn't really my fault", scored 81 and owned "my fault"; "I had no Step 3" and
  "I did not limit myself" owned nothing; a why-now story of feelings alone, a plan B of "I will"
  alone (with "Match" taken for a name) and a why-home story that says it will not stay were
  concrete;
- notes typed as fragments ("Parents and grandparents on the west side.", "Plan B: research
  fellow, ... Contract already signed.") named no tie and no plan; "I regret that I sat for it
  before I was ready" owned nothing; "I shall begin" and "when Match Day comes" did not look
  ahead; "if I get the chance, but I am also open to other places" left a stay firm; "and then
  practise hospital medicine in the same community" was no plan to stay."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.practice import analyse
from matchtui.engine.text import (
    Analysed,
    Padding,
    TargetRegion,
    clauses_holding,
    compiled,
    find_padding,
    judge_story,
)

_WEST = TargetRegion("west", "the West")
_MIDWEST = TargetRegion("midwest", "the Midwest")


def result_of(
    qid: str, text: str, catalog: Any, check_id: str, target: TargetRegion | None = None
) -> Any:
    """The answer's result for one check (read against `target` for the region questions)."""
    return analyse(qid, text, None, catalog, target=target).check(check_id)


_LEFT_TO_CARE = (
    "I left after my intern year in 2019 because my father had a stroke and I was the only one "
    "who could look after him in Lagos. I cared for him for three years until he died in 2022. I "
    "do not regret it, and the time showed me that I want to come back to internal medicine."
)


def test_leaving_to_look_after_a_parent_is_a_reason_for_stepping_away(catalog: Any) -> None:
    arc = result_of("why_left_medicine", _LEFT_TO_CARE, catalog, "arc")
    assert arc.status == "pass", arc.detail


def test_each_way_of_saying_the_care_or_the_post_left_counts(catalog: Any) -> None:
    for text in (
        "My mother fell ill in 2020. I cared for her for two years in Ohio.",
        "In 2020 I left the PGY-2 year in Ohio when my mother fell ill.",
        "My mother fell ill in 2020 and I looked after her in Ohio for two years.",
    ):
        arc = result_of("why_left_medicine", text, catalog, "arc")
        assert "why you stepped away" not in arc.detail.split("Missing:")[-1], text


def test_leaving_a_room_is_not_leaving_training(catalog: Any) -> None:
    text = "I left the room and called my senior. We changed the order together in 2024."
    arc = result_of("why_left_medicine", text, catalog, "arc")
    assert "why you stepped away" in arc.detail.split("Missing:")[-1]


def test_a_regret_denied_is_no_regret(catalog: Any) -> None:
    close = result_of("why_left_medicine", _LEFT_TO_CARE, catalog, "forward_close")
    assert close.status == "pass", close.detail
    for denied in (
        "I have no regrets, and I will finish.",
        "I never regretted it and I will finish.",
    ):
        text = f"I left residency in 2019 to care for my father. {denied}"
        assert result_of("why_left_medicine", text, catalog, "forward_close").status == "pass"


def test_a_regret_said_still_ends_on_regret(catalog: Any) -> None:
    text = "I left residency in 2019 to care for my father. I regret the years I lost."
    close = result_of("why_left_medicine", text, catalog, "forward_close")
    assert close.status == "fail" and "regret" in close.detail


def test_letters_kept_from_school_are_no_recent_readiness(catalog: Any) -> None:
    text = (
        "I still have my letters from medical school, they were very strong and the writers know "
        "me well."
    )
    assert result_of("recent_letters", text, catalog, "readiness").status == "fail"
    recent = "I have letters from my attendings at the urgent care where I work now."
    assert result_of("recent_letters", recent, catalog, "readiness").status == "pass"


def test_a_mistake_denied_is_no_mistake_owned_and_dodges_the_question(catalog: Any) -> None:
    for text in (
        "I don't think I have made any serious mistake because I am always very careful.",
        "Honestly, I have never made a serious mistake, I double check everything.",
    ):
        assert result_of("mistake", text, catalog, "ownership").status == "fail", text
        dodge = result_of("mistake", text, catalog, "no_example")
        assert dodge is not None and dodge.status == "fail", text


def test_a_mistake_made_is_still_owned(catalog: Any) -> None:
    text = "I made an error in a potassium order in 2024 and told my senior at once."
    assert result_of("mistake", text, catalog, "ownership").status == "pass"


def test_posts_abroad_and_people_counted_are_details(catalog: Any) -> None:
    specifics = result_of(
        "why_specialty",
        "As a medical officer I ran the medical ward at night with one nurse. I liked it.",
        catalog,
        "specifics",
    )
    assert "medical officer" in specifics.matches and "one nurse" in specifics.matches
    led = result_of(
        "led_a_team",
        "I led the three coordinators in our trial when enrolment fell behind.",
        catalog,
        "specifics",
    )
    assert "three coordinators" in led.matches


def test_a_move_made_whatever_the_match_brings_is_a_plan_to_stay(catalog: Any) -> None:
    text = (
        "I don't have family out west, but my partner got a job at Intel in Hillsboro and we "
        "are moving to Portland in May regardless of where I match."
    )
    stay = result_of("why_region", text, catalog, "plan_to_stay", _WEST)
    assert stay.status == "pass", stay.detail


def test_a_return_waited_for_looks_ahead(catalog: Any) -> None:
    text = (
        "My grandmother raised me in Dayton. After she died I kept her house, and I rent it to my "
        "cousin until I come back."
    )
    assert result_of("connect_region", text, catalog, "forward_close").status == "pass"


def test_training_done_there_and_letters_from_it_are_local_activity(catalog: Any) -> None:
    text = (
        "I did my residency in surgery in Denver until I left in 2021. I still have close "
        "friends there and the attendings I worked with wrote two of my letters."
    )
    local = result_of("why_region", text, catalog, "local_activity", _WEST)
    assert local.status == "pass", local.detail


def test_a_rotation_applied_for_is_not_yet_done(catalog: Any) -> None:
    text = (
        "My school was in New York. I have applied for an away rotation in Sacramento in January."
    )
    local = result_of("trained_elsewhere", text, catalog, "local_activity", _WEST)
    assert local.status == "fail", local.detail
    done = "My school was in New York. I did an away rotation in Sacramento last January."
    assert result_of("trained_elsewhere", done, catalog, "local_activity", _WEST).status == "warn"


def test_a_why_now_story_of_an_exam_failed_then_passed_is_concrete(catalog: Any) -> None:
    story = (
        "After failing Step 2 CK twice I stopped applying and worked at Amazon. I passed on my "
        "third attempt in 2025 with a 232 and have been an extern at a clinic in Detroit since "
        "January."
    )
    verdict = judge_story("why_now", story, catalog)
    assert verdict.quality == "concrete", verdict.reason
    assert {"what_happened", "stepped_away", "what_changed"} <= set(verdict.signals)


def test_a_hedged_plan_b_is_no_plan(catalog: Any) -> None:
    story = "I would probably do research or maybe an MPH, I'm not sure yet, I'll see what happens."
    verdict = judge_story("plan_b", story, catalog)
    assert verdict.quality == "generic" and "forward" in verdict.missing, verdict.reason
    firm = "If I do not match I will do an MPH at Emory and keep my scribe job in Atlanta."
    assert judge_story("plan_b", firm, catalog).quality == "concrete"


def test_a_stay_hedged_does_not_look_ahead(catalog: Any) -> None:
    text = (
        "I think so, probably, it depends on many things. I like the area and I would maybe stay "
        "if there is a good job. We will see how it goes."
    )
    assert result_of("will_you_stay", text, catalog, "forward_close").status == "fail"


def test_a_visa_problem_solved_is_what_happened_and_why_now(catalog: Any) -> None:
    text = (
        "Because my visa problems are finally solved. I got my green card in August 2025 and I "
        "can apply to any program without sponsorship."
    )
    arc = result_of("why_now", text, catalog, "arc")
    missing = arc.detail.split("Missing:")[-1]
    assert "what happened" not in missing and "why now" not in missing, arc.detail


def test_a_job_kept_on_is_current_work(catalog: Any) -> None:
    text = (
        "I'd keep working as a scribe at Methodist in Houston, study for Step 3, and reapply in "
        "September to both internal medicine and family medicine."
    )
    assert result_of("plan_if_unmatched", text, catalog, "readiness").status == "pass"


def test_a_receptionist_at_the_front_desk_is_a_detail(catalog: Any) -> None:
    text = (
        "I learnt how a clinic looks from the front desk. As a medical receptionist I saw "
        "patients turned away when their insurance had lapsed."
    )
    specifics = result_of("time_away_learned", text, catalog, "specifics")
    assert {"front desk", "receptionist"} <= set(specifics.matches), specifics.matches


_GROWN = (
    "Tell me about yourself. I am a doctor. I am a doctor who is a doctor. I graduated. I "
    "graduated in 2015. I graduated in 2015 from medical school. I will work hard. I will work "
    "hard every day."
)


def _padding(answer: str, catalog: Any) -> list[Padding]:
    return find_padding(Analysed(answer, compiled(catalog)))


def test_a_sentence_said_again_inside_a_longer_one_earns_nothing(catalog: Any) -> None:
    again = [p.text for p in _padding(_GROWN, catalog) if p.kind == "repeat"]
    assert again == ["I am a doctor.", "I graduated in 2015.", "I will work hard."], again
    feedback = analyse("tell_me_about_yourself", _GROWN, None, catalog)
    assert feedback.score <= compiled(catalog).lexicon.padding.score_cap
    substance = feedback.check("substance")
    assert substance is not None and substance.status == "fail"
    specifics = feedback.check("specifics")
    assert specifics is not None and specifics.status != "pass", specifics.detail


def test_a_short_reply_or_a_sentence_said_once_is_not_padding(catalog: Any) -> None:
    for text in (
        "Do I plan to stay? I do. I do not want to leave Tucson, where my parents live.",
        "I failed Step 1 in 2019. I should have asked for help. I passed it in 2020 after I did.",
    ):
        assert _padding(text, catalog) == [], text


def test_a_sentence_said_twice_word_for_word_keeps_its_first(catalog: Any) -> None:
    text = "I will work hard. I will work hard. I passed Step 3 in 2025 at the first attempt."
    assert [p.text for p in _padding(text, catalog)] == ["I will work hard."]
    found = _padding(text, catalog)
    assert found[0].span.start > 0  # the second, not the first


def test_one_long_sentence_of_detail_passes_clause_by_clause(catalog: Any) -> None:
    text = (
        "I graduated from the University of Ibadan in 2016, worked as a house officer and then a "
        "medical officer until 2021, passed Step 1 in 2022 and Step 2 CK in 2023 with a 238, and "
        "since then I have done two externships in Baltimore. My letters come from the people "
        "who supervised that work."
    )
    specifics = result_of("walk_through_application", text, catalog, "specifics")
    assert specifics.status == "pass", specifics.detail
    assert "clauses of one sentence" in specifics.detail


def test_a_list_or_a_date_is_one_clause(catalog: Any) -> None:
    for text in (
        "I have not taken it yet. It is booked for February 12, 2026, and I am doing two timed "
        "blocks a day.",
        "I want to work in Ohio, Michigan, Indiana, because I like the people there very much.",
    ):
        specifics = result_of("step3_status", text, catalog, "specifics")
        assert specifics.status == "warn", (text, specifics.detail)
    assert clauses_holding("Ohio, 2024, Mercy, ICU", ["Ohio", "2024", "Mercy", "ICU"], 5) == 1


def test_kept_from_work_by_a_visa_then_authorised_is_the_whole_arc(catalog: Any) -> None:
    text = (
        "i didnt really leave medicine, i just couldnt practice because of visa. my husbands h1b "
        "didnt allow me to work. now i got ead since 2023 so i can work and apply"
    )
    arc = result_of("why_left_medicine", text, catalog, "arc")
    assert arc.status == "pass", arc.detail


def test_going_back_home_after_a_prelim_is_a_step_away(catalog: Any) -> None:
    text = (
        "i matched into surgery prelim in 2020 but didnt get categorical. then covid came and i "
        "went back home to nigeria and worked there as medical officer 3 years"
    )
    arc = result_of("what_happened", text, catalog, "arc")
    assert "why you stepped away" not in arc.detail.split("Missing:")[-1], arc.detail


def test_an_exam_booked_at_the_end_looks_ahead(catalog: Any) -> None:
    text = (
        "I have not done hands-on clinical work since 2016. Since March I have done a supervised "
        "refresher at Drexel, and I am taking Step 3 in January."
    )
    assert result_of("years_out_ready", text, catalog, "forward_close").status == "pass"
    care = "I left in 2016. Since March I have been at home and I am taking care of my father."
    assert result_of("years_out_ready", care, catalog, "forward_close").status == "fail"


def test_a_count_with_an_acronym_between_is_one_detail(catalog: Any) -> None:
    text = "I finally have work authorization. I also have two US letters now."
    specifics = result_of("what_changed", text, catalog, "specifics")
    assert "two US letters" in specifics.matches, specifics.matches


def test_a_state_typed_in_lower_case_is_a_detail(catalog: Any) -> None:
    text = (
        "my parents live in columbus ohio and i grew up there. i did 2 rotations at the state "
        "university in 2024 and i will stay in ohio after residency"
    )
    specifics = result_of("why_region", text, catalog, "specifics", _MIDWEST)
    assert specifics.status == "pass" and "ohio" in specifics.matches, specifics.detail


def test_a_count_in_digits_is_quoted_with_what_it_counts(catalog: Any) -> None:
    text = (
        "In 2023 I applied to 60 programs and had 3 interviews. This year I applied to 90 family "
        "medicine programs and my 2024 paper is in my file."
    )
    specifics = result_of("different_this_time", text, catalog, "specifics")
    for quoted in ("60 programs", "3 interviews", "90 family medicine programs", "2024"):
        assert quoted in specifics.matches, specifics.matches
    assert "2024 paper" not in specifics.matches


def test_family_named_without_my_is_a_tie_and_counted_family_a_detail(catalog: Any) -> None:
    story = (
        "My whole family is in Manila, but I did my observership at Kaiser in Oakland and I have "
        "a cousin in San Jose. I would like to stay in California if possible."
    )
    verdict = judge_story("why_home", story, catalog, "west")
    assert "ties" in verdict.signals, verdict.reason
    lower = (
        "i am from atlanta, my mom and 3 sisters live there, i did my externship at grady 2025 "
        "and i will stay in georgia"
    )
    verdict = judge_story("why_home", lower, catalog, "south")
    assert verdict.quality == "concrete" and "3 sisters" in verdict.concrete, verdict.reason


def test_people_of_the_program_counted_are_one_detail(catalog: Any) -> None:
    text = (
        "I met two of your residents at the ACP meeting in Boston. I want the continuity of "
        "following my own patients for three years."
    )
    specifics = result_of("why_program", text, catalog, "specifics")
    assert "two of your residents" in specifics.matches, specifics.matches


@pytest.mark.parametrize(
    ("qid", "text", "phrase"),
    [
        (
            "why_specialty",
            "I have always been drawn to surgery because I like working with my hands and seeing "
            "immediate results.",
            "working with my hands",
        ),
        (
            "why_program",
            "Your program's commitment to excellence and diversity really resonates with me.",
            "commitment to excellence",
        ),
        (
            "colleagues_describe",
            "They would describe me as reliable, empathetic, and someone who always goes above "
            "and beyond.",
            "above and beyond",
        ),
    ],
)
def test_reasons_and_praise_everyone_gives_are_stock(
    catalog: Any, qid: str, text: str, phrase: str
) -> None:
    stock = result_of(qid, text, catalog, "stock")
    assert stock is not None and phrase in stock.matches, stock


def test_stock_words_beside_a_real_example_are_backed_up(catalog: Any) -> None:
    text = (
        "I like working with my hands: in 2025 I placed 30 central lines under supervision in the "
        "ICU at Mercy."
    )
    assert result_of("why_specialty", text, catalog, "stock") is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Absolutely. I have lived in Boston for twelve years, I own a condo in Dorchester, "
            "and my partner is a teacher there. Leaving is not on the table.",
            "pass",
        ),
        (
            "If I match there, yes. My parents are getting older in Birmingham, Alabama and I "
            "want to be close to them.",
            "pass",
        ),
        (
            "I can't promise forever, but my husband's practice is in Des Moines, so I expect we "
            "will be in Iowa for a long time.",
            "warn",
        ),
        ("I would stay unless my partner gets a job somewhere else.", "warn"),
    ],
)
def test_a_stay_said_as_people_say_it(catalog: Any, text: str, status: str) -> None:
    assert result_of("will_you_stay", text, catalog, "plan_to_stay").status == status


def test_clinical_years_done_there_are_activity_there(catalog: Any) -> None:
    text = (
        "My parents moved to Florida, but I did all my clinical years at UVM in Vermont and I "
        "want to practise in rural Vermont for the long term."
    )
    target = TargetRegion("northeast", "the Northeast")
    local = result_of("why_region", text, catalog, "local_activity", target)
    assert local.status != "fail", local.detail


@pytest.mark.parametrize(
    ("qid", "text", "blamed"),
    [
        (
            "low_score",
            "I think it was not so good because the exam is very different from the exam in my "
            "country. The score is not showing everything of me.",
            "the exam is very different",
        ),
        ("what_happened", "It just didn't work out. Things happen.", "just didn't work out"),
        (
            "critical_feedback",
            "An attending said I should be more confident in 2024. I didn't really agree with it "
            "because she was kind of hard on everyone.",
            "kind of hard on everyone",
        ),
    ],
)
def test_a_score_on_the_exam_an_outcome_on_fate_criticism_on_its_giver(
    catalog: Any, qid: str, text: str, blamed: str
) -> None:
    blame = result_of(qid, text, catalog, "no_blame")
    assert blame.status == "fail" and blamed in blame.matches, blame.detail


def test_the_timing_and_the_focus_owned(catalog: Any) -> None:
    text = (
        "I failed Step 1 in April 2020, and the honest reason is that I took it too early. I sat "
        "for it anyway because I did not want to admit I needed more time."
    )
    assert result_of("exam_failure", text, catalog, "ownership").status == "pass"
    text = "Before I was not so focus but now I know what I want. I will work very hard."
    assert result_of("what_changed", text, catalog, "ownership").status == "pass"


def test_no_backup_plan_dodges_the_question(catalog: Any) -> None:
    text = (
        "I'm trying not to think about that honestly. I don't really have a backup plan right now."
    )
    dodge = result_of("plan_if_unmatched", text, catalog, "no_example")
    assert dodge is not None and dodge.status == "fail"


@pytest.mark.parametrize(
    "last",
    [
        "I'm not sure yet where I want to be long term, I'll see where my career goes.",
        "I don't really want to close any doors, so I guess I'd say maybe, we'll just have to see.",
        "I'd be happy anywhere really.",
    ],
)
def test_a_close_that_leaves_the_plan_open_does_not_look_ahead(catalog: Any, last: str) -> None:
    text = f"My cousin lives in New Jersey and I rotated at Rutgers in 2025. {last}"
    assert result_of("why_region", text, catalog, "forward_close").status == "fail", last


def test_what_one_is_going_to_do_looks_ahead(catalog: Any) -> None:
    text = (
        "My presentations ran nine minutes in 2023. As an intern I'm going to keep asking my "
        "seniors to cut me off when I drift."
    )
    assert result_of("greatest_weakness", text, catalog, "forward_close").status == "pass"
    said = "My presentations ran nine minutes in 2023. I'm going to be honest about that."
    assert result_of("greatest_weakness", said, catalog, "forward_close").status == "pass"
    told = "My presentations ran nine minutes in 2023. I'm going to say it plainly."
    assert result_of("greatest_weakness", told, catalog, "forward_close").status == "fail"


def test_a_partner_whose_place_is_not_settled_is_no_tie(catalog: Any) -> None:
    text = "I would love to stay, but it depends on where my husband finds a job. We will see."
    assert result_of("will_you_stay", text, catalog, "ties").status == "fail"
    settled = "My husband works at the Mayo Clinic in Rochester, so I will stay in Minnesota."
    assert result_of("will_you_stay", settled, catalog, "ties").status == "pass"


def test_a_failure_put_on_the_school_the_proctor_and_the_day_owns_nothing(catalog: Any) -> None:
    text = (
        "I failed Step 1 in May 2021. My school cut our dedicated study period from eight weeks "
        "to five, so we were not prepared at all. The proctor kept interrupting. Honestly it "
        "wasn't really my fault."
    )
    assert result_of("exam_failure", text, catalog, "ownership").status == "fail"
    blame = result_of("exam_failure", text, catalog, "no_blame")
    assert blame.status == "fail" and "wasn't really my fault" in blame.matches
    owned = "I failed Step 1 in May 2021, and it was all my fault: I took it too early."
    assert result_of("exam_failure", owned, catalog, "ownership").status == "pass"


def test_what_the_last_application_lacked_is_owned(catalog: Any) -> None:
    text = (
        "Last cycle I applied to 35 programs in Texas, and I had no Step 3 and no letters from US "
        "physicians. This time I did not limit myself to university programs."
    )
    assert result_of("different_this_time", text, catalog, "ownership").status == "pass"


def test_a_life_there_pictured_with_a_hedge_is_a_hedged_stay(catalog: Any) -> None:
    text = "I like the weather there. I think I could probably see myself living there, maybe."
    assert result_of("will_you_stay", text, catalog, "plan_to_stay").status == "warn"


_FEELINGS = (
    "This has been a long and emotional journey for me. There were times when I felt lost and "
    "uncertain about my path, and I struggled with doubt and disappointment. But through it all, "
    "I never lost my passion for medicine. I have grown so much as a person, and I have learned "
    "the true meaning of resilience and perseverance. My heart tells me that now is the right "
    "time, and I feel more ready than ever to take this next step."
)


def test_a_why_now_story_of_feelings_alone_is_generic(catalog: Any) -> None:
    verdict = judge_story("why_now", _FEELINGS, catalog)
    assert verdict.quality == "generic", verdict.reason
    assert "the years, roles and places by name" in verdict.reason


def test_a_plan_b_of_will_alone_is_generic(catalog: Any) -> None:
    story = (
        "In the event that I am not successful in this Match cycle, I will continue to pursue my "
        "dream with unwavering determination. I will reflect on my application and I will seek "
        "guidance from my mentors."
    )
    verdict = judge_story("plan_b", story, catalog)
    assert verdict.quality == "generic", verdict.reason
    assert "Match" not in verdict.concrete


def test_a_why_home_story_that_will_not_stay_is_generic(catalog: Any) -> None:
    story = (
        "My aunt lives in Sacramento and I visited her a couple of times as a kid. To be honest "
        "I do not plan to stay in the West after training, since my parents are in New Jersey. "
        "But training in California for a few years would be a good experience."
    )
    verdict = judge_story("why_home", story, catalog, "west")
    assert verdict.quality == "generic" and "do not plan to stay" in verdict.reason, verdict.reason


def test_fragments_typed_as_notes_are_read(catalog: Any) -> None:
    story = (
        "Cleveland is home. Parents and grandparents on the west side, graduated from St. "
        "Ignatius High, worked as a scribe in the MetroHealth ED 2019-2021 before med school. "
        "Not leaving."
    )
    assert judge_story("why_home", story, catalog, "midwest").quality == "concrete"
    plan = (
        "Plan B: research fellow, Dept of Neurology, University of Iowa. July 2026 start. "
        "Contract already signed."
    )
    assert judge_story("plan_b", plan, catalog).quality == "concrete"
    text = "Family medicine is what I want to do. Parents of sick children taught me patience."
    assert result_of("why_region", text, catalog, "ties", _MIDWEST).status == "fail"


def test_more_ways_of_saying_it(catalog: Any) -> None:
    # a regret of one's own act is owned
    text = "I failed Step 1 in 2021. I regret that I sat for it before I was ready."
    assert result_of("exam_failure", text, catalog, "ownership").status == "pass"
    # "I shall" looks ahead, as does a date everyone knows
    text = "My J-1 papers were ready in 2024. I shall begin the DS-2019 paperwork in March."
    assert result_of("img_visa", text, catalog, "forward_close").status == "pass"
    text = (
        "I worked in Fresno in 2024. I keep working there so I am seeing patients when Match "
        "Day comes."
    )
    assert result_of("different_this_time", text, catalog, "forward_close").status == "pass"
    # a stay with the door left open is hedged
    text = (
        "I like Boston in 2024. I would be happy to stay here if I get the chance, but I am also "
        "open to other places."
    )
    assert result_of("will_you_stay", text, catalog, "plan_to_stay").status == "warn"
    # practice there after residency is a plan to stay
    text = (
        "My sister lives in Newark. I intend to complete residency here and then practise "
        "hospital medicine in the same community."
    )
    assert result_of("will_you_stay", text, catalog, "plan_to_stay").status == "pass"


@pytest.mark.parametrize(
    ("qid", "text", "check", "status"),
    [
        # found by a review of this session's changes: innocent sentences the new phrases misread
        (
            "mistake",
            "The pandemic was hard on everyone, and I let my study schedule collapse in 2021. That "
            "was my mistake.",
            "no_blame",
            "pass",
        ),
        (
            "mistake",
            "In 2024 I gave the wrong dose. Now I always call my senior when I don't know if a "
            "dose is safe.",
            "forward_close",
            "pass",
        ),
        (
            "mistake",
            "I missed a rising potassium in 2024. If it happened again, I would definitely call "
            "pharmacy first.",
            "forward_close",
            "pass",
        ),
        (
            "why_unmatched",
            "Last cycle I had no backup plan and I applied too narrowly in 2023. That was my "
            "mistake.",
            "no_example",
            None,
        ),
        (
            "why_specialty",
            "I want to be close to the action, so I like big academic centres like Mercy in Ohio.",
            "plan_to_stay",
            None,
        ),
    ],
)
def test_innocent_sentences_keep_their_reading(
    catalog: Any, qid: str, text: str, check: str, status: str | None
) -> None:
    found = result_of(qid, text, catalog, check)
    assert (found.status if found else None) == status, found


def test_innocent_sentences_in_region_answers_keep_their_reading(catalog: Any) -> None:
    for text, check, status in (
        ("We rotated at a sister hospital in Toledo in 2024. It was busy.", "ties", "fail"),
        ("Partner hospitals of the Cleveland Clinic took our students in 2024.", "ties", "fail"),
        (
            "My parents live in Ohio. I will keep studying regardless of where I match.",
            "plan_to_stay",
            "fail",
        ),
        (
            "My parents live in Ohio. We plan to stay in Ohio after residency, and I will teach "
            "students if I get the chance.",
            "plan_to_stay",
            "pass",
        ),
    ):
        assert result_of("why_region", text, catalog, check, _MIDWEST).status == status, text


def test_innocent_stories_and_sentences_keep_their_reading(catalog: Any) -> None:
    story = (
        "I graduated in 2018. I look after my patients with compassion. Those hard years are "
        "behind me, and I am able to apply everything I learned."
    )
    assert judge_story("why_now", story, catalog).quality == "generic"
    text = "It was hard. It was hard to admit that I needed help in 2021, and I asked my PD."
    assert _padding(text, catalog) == []
    counted = result_of(
        "led_a_team", "We screened 1,500 patients over 2.5 years in 2024.", catalog, "specifics"
    )
    assert "500 patients" not in counted.matches and "5 years" not in counted.matches
    once = (
        "I moved to Ohio in 2016, and I loved everything about my life in Ohio, and I hope to "
        "remain a part of Ohio."
    )
    assert result_of("why_region", once, catalog, "specifics").status == "warn"
