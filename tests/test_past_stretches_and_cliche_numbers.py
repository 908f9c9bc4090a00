"""Readings found by a new set of answers (session 41), each wrong before:
- a number inside stock praise ("I always give 110 percent") was taken for a concrete detail,
  so the sentence passed as backed-up praise and the answer had "one detail";
- "the next two years" of a past stretch ("I spent the next two years as a scribe") and "next
  to" read as looking ahead, so an answer ending on the past passed the close;
- "I withdrew from my intern year to care for him" named no part of the applicant's own;
- "I haven't thought about it" to "What will you do if you don't match?" was not a dodge;
- "A1c" was quoted as the detail "1"; "three surgeries", "two children", the bedside and the
  sign-out were not details at all;
- "five years" answering "Where do you see yourself in five years?" excused the stock praise
  beside it; "PGY-2s" was quoted as "2"; "I left residency" was no stepping away."""

from __future__ import annotations

from typing import Any

from matchtui.engine.practice import analyse


def _check(qid: str, text: str, catalog: Any, check_id: str) -> Any:
    return analyse(qid, text, None, catalog).check(check_id)


def test_a_number_inside_stock_praise_is_no_detail(catalog: Any) -> None:
    text = (
        "I am very hardworking, dedicated and passionate about medicine, and I always give 110 "
        "percent."
    )
    stock = _check("greatest_strength", text, catalog, "stock")
    assert stock is not None and stock.status in {"warn", "fail"}
    assert "give 110" in stock.matches
    assert _check("greatest_strength", text, catalog, "specifics").status == "fail"


def test_a_number_beside_stock_praise_still_backs_it_up(catalog: Any) -> None:
    text = "I am a hard worker: I covered 14 night shifts in a row at Mercy in 2024."
    assert _check("greatest_strength", text, catalog, "stock") is None


def test_a_past_stretch_is_not_looking_ahead(catalog: Any) -> None:
    text = (
        "In 2018 my father had a stroke and I withdrew from my intern year to care for him. He "
        "died in 2021. I spent the next two years working as a medical scribe in Tucson."
    )
    close = _check("why_left_medicine", text, catalog, "forward_close")
    assert close.status == "fail"
    owned = _check("why_left_medicine", text, catalog, "ownership")
    assert owned.status == "pass" and "I withdrew" in owned.matches


def test_next_to_is_a_place_not_a_plan(catalog: Any) -> None:
    text = "My preceptor said my notes were too long in 2024. She put two of my notes next to hers."
    assert _check("critical_feedback", text, catalog, "forward_close").status == "fail"


def test_what_comes_next_still_looks_ahead(catalog: Any) -> None:
    for close in (
        "Next year I start the refresher course in Ohio.",
        "The next step for me is a categorical position in Ohio.",
        "I have arranged my life so that residency comes first for the next three years.",
    ):
        text = f"My mother moved to assisted living in 2025. {close}"
        assert _check("wont_leave_again", text, catalog, "forward_close").status == "pass", close


def test_a_plan_never_thought_of_is_a_dodge(catalog: Any) -> None:
    text = "I haven't thought about it because I am sure I will match this time."
    dodge = _check("plan_if_unmatched", text, catalog, "no_example")
    assert dodge is not None and dodge.status == "fail"
    assert "haven't thought about it" in dodge.matches


def test_details_of_the_work_are_details(catalog: Any) -> None:
    text = (
        "A nurse and I disagreed about a dose. We went to the bedside together. Since then I "
        "read the flowsheet before I sign out. My daughter needed three surgeries. Our "
        "patients' A1c came down."
    )
    found = analyse("conflict_colleague", text, None, catalog)
    specifics = next(c for c in found.checks if c.id == "specifics")
    assert {"bedside", "flowsheet", "three surgeries", "A1c"} <= set(specifics.matches)
    assert "1" not in specifics.matches


def test_the_questions_own_words_do_not_back_up_stock_praise(catalog: Any) -> None:
    """ "five years" answering "Where do you see yourself in five years?" repeats the question:
    the praise beside it is still stock, and it closes on nothing."""
    for text, phrase in (
        ("In five years I see myself as a good doctor helping people.", "helping people"),
        (
            "My goal is to become an excellent physician and to give back to my community.",
            "give back to my community",
        ),
    ):
        stock = _check("five_years", text, catalog, "stock")
        assert stock is not None and phrase in stock.matches, text
        assert _check("five_years", text, catalog, "forward_close").status == "fail", text


def test_a_plural_training_year_is_quoted_whole(catalog: Any) -> None:
    text = (
        "On my interview day I sat in on your Tuesday clinic at the Eastside site, where the "
        "PGY-2s run the panel. That is how I want to learn."
    )
    specifics = _check("why_program", text, catalog, "specifics")
    assert "PGY-2s" in specifics.matches and "2" not in specifics.matches


def test_leaving_residency_is_stepping_away(catalog: Any) -> None:
    text = (
        "I left residency in 2020, after my PGY-1 year, because my wife had a high-risk "
        "pregnancy in another state. Our son is four now. I have done a refresher program and "
        "six months as a hospitalist assistant, and I am ready to finish what I started."
    )
    arc = _check("why_left_medicine", text, catalog, "arc")
    assert "why you stepped away" in arc.matches


def test_the_capital_first_patterns_find_what_they_found(catalog: Any) -> None:
    """The specifics patterns that open on a capital are written capital first (faster); they
    find the same details: titles, exams, visas, training years, acronyms, and not a capital
    letter that only looks like one."""
    from matchtui.engine.text import Analysed, compiled

    comp = compiled(catalog)
    text = (
        "I met Dr. Kim and Prof Lee as a PGY-2 on the ICU. I passed Step 2 CK and Level 3, I hold "
        "an H-1B, and I was a CA-3 at OHSU. Pr Ht is no title. MY STEP 2 WAS 236."
    )
    found = {text[s:e] for s, e in Analysed(text, comp).pattern_spans()}
    for detail in ("Dr. Kim", "Prof Lee", "PGY-2", "ICU", "Step 2 CK", "Level 3", "H-1B", "CA-3"):
        assert detail in found, detail
    assert "OHSU" in found
    assert not any(d.startswith("Pr H") or d.startswith("MY") for d in found)


def test_a_count_of_ones_own_and_the_work_done_away_are_details(catalog: Any) -> None:
    """ "two of my letters" counts as "two letters" does; a sales rep's or a medical writer's
    years away are a role held, as a scribe's are."""
    text = (
        "Two of my letters were from surgeons. During my years as a pharmaceutical sales rep I "
        "learned to read a trial. I was a medical writer after that."
    )
    specifics = _check("why_unmatched", text, catalog, "specifics")
    assert {"Two of my letters", "pharmaceutical sales", "medical writer"} <= set(specifics.matches)
    assert specifics.status == "pass"


def test_a_second_verb_without_its_subject_still_looks_ahead(catalog: Any) -> None:
    """ "I have started my sponsorship application and will submit it..." closes on what comes
    next, as "I will submit it" does."""
    text = (
        "I will need a J-1. I have already started my ECFMG sponsorship application and will "
        "submit it as soon as I have a contract."
    )
    close = _check("img_visa", text, catalog, "forward_close")
    assert close.status == "pass" and "and will" in close.matches


def test_the_field_blamed_and_an_application_only_others_handled(catalog: Any) -> None:
    """ "the competition was very high" puts the outcome on the field; "programs never saw my
    application" names nothing the applicant did."""
    blamed = "I was a strong applicant but the competition was very high in 2024."
    assert _check("why_unmatched", blamed, catalog, "no_blame").status == "fail"
    others = (
        "My program director didn't support me and my dean's letter was late, so programs never "
        "saw my application in time."
    )
    assert _check("why_unmatched", others, catalog, "ownership").status == "fail"
    owned = "Looking back my list was too narrow and too competitive for my scores in 2023."
    assert _check("why_unmatched", owned, catalog, "no_blame").status == "pass"


def test_ranking_under_way_and_a_house_there(catalog: Any) -> None:
    ranking = (
        "I ranked only five programs in 2024, all in New York. This year my partner is moving with "
        "me and I am ranking every program where I interview."
    )
    assert _check("why_unmatched", ranking, catalog, "forward_close").status == "pass"
    house = (
        "I am applying only in the Midwest. My wife is a teacher in Des Moines and we have a house "
        "there."
    )
    assert _check("other_regions", house, catalog, "plan_to_stay").status == "pass"


def test_a_decision_stood_by_an_expectation_and_more_dodges(catalog: Any) -> None:
    twins = (
        "From 2019 to 2023 I was home with my twins, who were born at 27 weeks. It was the right "
        "decision for my family and I would make it again. In 2024 I returned to clinical work."
    )
    assert _check("explain_gap", twins, catalog, "ownership").status == "pass"
    expecting = (
        "Since March I have worked as a medical assistant in Toledo. I expect the first months of "
        "intern year to be hard and I have asked a hospitalist to be my mentor."
    )
    assert _check("years_out_ready", expecting, catalog, "forward_close").status == "pass"
    for qid, dodge in (
        ("critical_feedback", "I never got any bad feedback, everyone always liked my work."),
        ("mistake", "I can't think of any major mistake. Maybe once I was late to rounds."),
    ):
        found = _check(qid, dodge, catalog, "no_example")
        assert found is not None and found.status == "fail", dodge


def test_a_home_to_be_bought_there_is_a_plan_to_stay(catalog: Any) -> None:
    text = (
        "My partner's job is in Portland and we got married there last year. I spent six weeks "
        "on a rotation at OHSU in 2024. We are renting now and plan to buy once I finish training."
    )
    assert _check("why_region", text, catalog, "plan_to_stay").status == "pass"


def test_qualities_claimed_one_word_each_are_stock(catalog: Any) -> None:
    text = (
        "I am a hard worker. I am a team player. I am compassionate. I am dedicated. I am a good "
        "communicator. I am reliable. I want to do internal medicine."
    )
    stock = _check("tell_me_about_yourself", text, catalog, "stock")
    assert stock is not None and stock.status == "fail"
    assert {"I am compassionate", "I am dedicated", "I am reliable"} <= set(stock.matches)
    backed = "I am reliable: I covered 14 night shifts at Mercy in 2024 without a missed handoff."
    assert _check("greatest_strength", backed, catalog, "stock") is None


def test_a_program_left_a_leave_taken_and_no_leaving_again(catalog: Any) -> None:
    left = (
        "I matched in general surgery in 2020 but left the program after six months. I was not "
        "sleeping, I was making mistakes, and my program director and I agreed that I should "
        "take a leave. For two years I worked in insurance as a utilization reviewer."
    )
    arc = _check("what_happened", left, catalog, "arc")
    assert {"what happened", "why you stepped away"} <= set(arc.matches)
    assert _check("what_happened", left, catalog, "ownership").status == "pass"
    home = (
        "After my father's death in 2019 I went home to Kerala to run the family's hospital. "
        "Since then I have done two US observerships and I passed Step 3 in 2024."
    )
    assert "why you stepped away" in _check("why_left_medicine", home, catalog, "arc").matches
    stay = (
        "The reason I left, my mother's illness, is over: she passed away in 2023. My sister "
        "lives ten minutes away. I am not coming back to leave again."
    )
    assert _check("wont_leave_again", stay, catalog, "forward_close").status == "pass"


def test_english_as_many_imgs_write_it(catalog: Any) -> None:
    """Phrasings common among applicants trained abroad: the present ("I am doing externship
    ... from last 4 months"), a house bought and no move away ("We will not move from Texas"),
    and a cardiology practice named, not a plan to practise."""
    now = "I am doing externship in family medicine clinic in Brooklyn from last 4 months."
    assert _check("img_us_practice", now, catalog, "readiness").status == "pass"
    staying = (
        "My husband is working in Houston since 2019 and we have bought our house there. Our kids "
        "are going to school in Katy. We will not move from Texas."
    )
    assert _check("will_you_stay", staying, catalog, "plan_to_stay").status == "pass"
    job = (
        "I was on H4 dependent visa and could not work. In 2024 I got EAD and immediately I "
        "joined as a medical assistant in a cardiology practice in Dallas."
    )
    assert _check("explain_gap", job, catalog, "forward_close").status == "fail"


def test_work_there_after_training_is_a_plan_to_stay(catalog: Any) -> None:
    from matchtui.engine.text import judge_story

    story = (
        "I did my residency in Florida but my whole family is in Ohio. My father had a heart "
        "attack last year and I want to be close. I will work in Ohio after residency."
    )
    verdict = judge_story("why_home", story, catalog, "midwest")
    assert "plan_to_stay" not in verdict.missing
    assert _check("why_region", story, catalog, "plan_to_stay").status == "pass"


def test_a_hard_part_denied_an_exam_booked_and_a_count_of_shifts(catalog: Any) -> None:
    denied = "Nothing really, I think I will be fine with everything."
    dodge = _check("specialty_hardest", denied, catalog, "no_example")
    assert dodge is not None and dodge.status == "fail"
    booked = (
        "I have been doing practice questions every evening since October. I have it scheduled "
        "for February 12."
    )
    assert _check("step3_status", booked, catalog, "forward_close").status == "pass"
    shifts = "I work two night shifts a month as a hospitalist assistant at Mercy since 2024."
    assert "two night shifts" in _check("specialty_hardest", shifts, catalog, "specifics").matches


def test_an_error_put_on_others_a_colleague_judged_and_feedback_waved_off(catalog: Any) -> None:
    pharmacy = (
        "Once a nurse gave the wrong medication to my patient because the pharmacy labelled it "
        "wrong. I reported it and the patient was fine."
    )
    assert _check("mistake", pharmacy, catalog, "no_blame").status == "fail"
    mine = (
        "The nurse gave the wrong dose because my order was unclear. I now write every dose in "
        "milligrams and read it back."
    )
    assert _check("mistake", mine, catalog, "no_blame").status == "pass"
    assert _check("mistake", mine, catalog, "ownership").status == "pass"
    judged = (
        "A senior resident kept changing my orders without telling me. It was very disrespectful, "
        "so I reported him to the program director."
    )
    assert _check("conflict_colleague", judged, catalog, "no_blame").status == "fail"
    picky = "My preceptor said my notes were too long. Honestly I think she was being picky."
    assert _check("critical_feedback", picky, catalog, "no_blame").status == "fail"
    for qid, dodge in (
        ("too_much_at_once", "I am good at multitasking so I never really feel overwhelmed."),
        ("letter_writers_improve", "They would say nothing, they all wrote very strong letters."),
    ):
        found = _check(qid, dodge, catalog, "no_example")
        assert found is not None and found.status == "fail", dodge


def test_a_tie_that_moved_away_training_there_and_a_place_one_is_bound_to(catalog: Any) -> None:
    moved = "My parents used to live in Minneapolis but they moved to Arizona in 2020."
    assert _check("why_region", moved, catalog, "ties").status == "fail"
    trained = (
        "I have no family in Georgia, but I did my whole clinical training at Grady and I have "
        "worked at a free clinic in Atlanta every Saturday since 2023. I want to stay."
    )
    assert _check("why_region", trained, catalog, "ties").status == "pass"
    bound = (
        "Yes. I have a daughter in high school in Omaha and custody arrangements that keep me in "
        "Nebraska until 2031."
    )
    stay = _check("will_you_stay", bound, catalog, "plan_to_stay")
    assert stay.status == "pass" and "keep me in" in stay.matches
    assert "a daughter" in _check("will_you_stay", bound, catalog, "ties").matches
