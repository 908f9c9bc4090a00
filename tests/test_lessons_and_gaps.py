"""Answers written as applicants write them, each misread by the analyser before this test.

Found trying the practice pane with new answers: an exam failure told with "I tried to study
around the night job, which did not work ... What I learned is to ask for help early" failed
Ownership; "the test was not fair in some ways" passed No blaming; a caregiver's "took a leave
to become his caregiver, which was the right call for my family" failed Ownership, as did "I
know a four-year gap is long"; "so I ask my intern at sign-out what they want to own" and "I
have closed it with work I can show you" did not look ahead; a clinical-trial sub-investigator
"spent the year" with no readiness shown."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import TargetRegion


def status(
    catalog: Catalog,
    question_id: str,
    answer: str,
    check: str,
    target: TargetRegion | None = None,
) -> str | None:
    return analyse(question_id, answer, None, catalog, target=target).status(check)


EXAM = (
    "I failed Step 1 the first time. Honestly I was working nights at my family's restaurant "
    "and I tried to study around that, which did not work. After the fail I sat down with my "
    "dean, quit the night job for three months and took practice tests every week. I passed and "
    "scored 238 on Step 2 CK on the first try. What I learned is to ask for help early, and I "
    "still use that weekly schedule on rotations."
)


def test_a_lesson_and_an_approach_that_failed_are_ownership(catalog: Catalog) -> None:
    assert status(catalog, "exam_failure", EXAM, "ownership") == "pass"
    assert status(catalog, "exam_failure", EXAM, "no_blame") == "pass"


def test_without_them_ownership_still_fails(catalog: Catalog) -> None:
    plain = (
        "Step 1 came in my third year. The score was below the pass mark in 2021. The retake "
        "in 2022 was a pass with a wide margin. Step 2 CK followed at 238."
    )
    assert status(catalog, "exam_failure", plain, "ownership") == "fail"


@pytest.mark.parametrize(
    ("answer", "blamed"),
    [
        ("I passed in the end. The test was not fair in some ways.", "fail"),
        ("I passed in the end. The questions weren't fair at all.", "fail"),
        # a duty to others is not blame
        ("It was not fair to my team that I left early, so I stayed late.", "pass"),
        ("It wasn't fair for my patients either, so I changed how I studied.", "pass"),
    ],
)
def test_an_exam_called_not_fair_is_blame(catalog: Catalog, answer: str, blamed: str) -> None:
    assert status(catalog, "exam_failure", answer, "no_blame") == blamed


CAREGIVER = (
    "In 2019 my father had a stroke and I was the only one of his children near him in Ohio. I "
    "finished my intern year and then took a leave to become his caregiver, which was the right "
    "call for my family. For three years I worked part time as a medical scribe in an urgent "
    "care. Last spring I passed Step 3. I am ready to finish what I started."
)


def test_a_leave_taken_is_ownership(catalog: Catalog) -> None:
    assert status(catalog, "why_left_medicine", CAREGIVER, "ownership") == "pass"


GAP = (
    "I graduated in 2018 and raised my two children from 2020 to 2023. In January 2024 I started "
    "as a research coordinator at Emory and in May I passed Step 3. I know a four-year gap is "
    "long, and I have closed it with work I can show you."
)


def test_a_gap_named_as_ones_own_and_closed(catalog: Catalog) -> None:
    assert status(catalog, "explain_gap", GAP, "ownership") == "pass"
    assert status(catalog, "explain_gap", GAP, "forward_close") == "pass"


def test_knowing_something_else_is_not_ownership(catalog: Catalog) -> None:
    other = (
        "I graduated in 2018. In January 2024 I started as a research coordinator at Emory. I "
        "know the hospital well and I passed Step 3 in May."
    )
    assert status(catalog, "explain_gap", other, "ownership") == "fail"


def test_a_habit_kept_now_looks_ahead(catalog: Catalog) -> None:
    answer = (
        "My weakness is delegating. As a second-year resident I took back tasks from interns, "
        "and one night in March I had twelve admissions half finished. I still catch myself "
        "wanting to take over, so I ask my intern at sign-out what they want to own that night."
    )
    assert status(catalog, "greatest_weakness", answer, "forward_close") == "pass"


@pytest.mark.parametrize(
    "line",
    [
        "I spent the year as a sub-investigator on a hepatitis C study at Mount Sinai.",
        "I have a new letter from my current attending at the VA.",
    ],
)
def test_recent_clinical_posts_are_readiness(catalog: Catalog, line: str) -> None:
    answer = f"I applied to only twelve programs in 2023. That was my mistake. {line}"
    assert status(catalog, "why_unmatched", answer, "readiness") == "pass"


def test_what_a_step_makes_possible_looks_ahead(catalog: Catalog) -> None:
    """Found answering "Where do you stand with Step 3?": "I passed Step 3 in August 2026 ...
    It also means I can focus fully on patients in my intern year." did not look ahead."""
    answer = (
        "I passed Step 3 in August 2026 on my first attempt with a 226. I took it after my "
        "observership so programs would see a recent exam. It also means I can focus fully on "
        "patients in my intern year."
    )
    assert status(catalog, "step3_status", answer, "forward_close") == "pass"
    past = answer.replace("It also means I can focus", "It also meant I could focus")
    assert status(catalog, "step3_status", past, "forward_close") == "fail"


def test_a_ranking_of_specialties_is_ones_own_choice(catalog: Catalog) -> None:
    """Found answering "What is your backup specialty?": "My first choice is emergency medicine
    and my second is family medicine. I applied to both because ..." failed Ownership and found
    no concrete detail in "urgent care" or "letters from family physicians"."""
    answer = (
        "My first choice is emergency medicine and my second is family medicine. I applied to "
        "both because I enjoy broad, undifferentiated patients, and family medicine lets me do "
        "urgent care. I have letters from family physicians as well."
    )
    assert status(catalog, "fallback_specialty", answer, "ownership") == "pass"
    assert status(catalog, "fallback_specialty", answer, "specifics") == "pass"


def test_causes_owned_and_a_fault_being_worked_on(catalog: Catalog) -> None:
    """Found answering "What has changed since then?": "a therapist helped me see that two
    unmatched cycles were about a narrow list and a weak Step 2" failed Ownership; and "How would
    your colleagues describe you?" ending "I talk too fast on rounds, which I am working on by
    pausing after each problem" did not look ahead."""
    changed = (
        "I stopped treating medicine as something I had failed at: a therapist helped me see "
        "that two unmatched cycles were about a narrow list and a weak Step 2. Since March 2025 "
        "I have worked as a medical assistant in Phoenix. I am applying to family medicine."
    )
    assert status(catalog, "what_changed", changed, "ownership") == "pass"
    colleagues = (
        "My co-residents would say I stay to finish a discharge summary so the night team does "
        "not inherit it. They would also say I talk too fast on rounds, which I am working on by "
        "pausing after each problem."
    )
    assert status(catalog, "colleagues_describe", colleagues, "forward_close") == "pass"
    learning = (
        "My weakness is public speaking. I read my slides word for word. I am learning to look up."
    )
    assert status(catalog, "greatest_weakness", learning, "forward_close") == "pass"


def test_a_fault_named_through_a_letter_writer(catalog: Catalog) -> None:
    """Found answering "What would your letter writers say you need to improve?": "Dr. Patel
    would say I need to commit to a plan sooner ... She would also say I am still slower than I
    want to be on notes." failed Ownership, and "Dr. Patel" was no concrete detail."""
    answer = (
        "Dr. Patel would say I need to commit to a plan sooner. On her service in 2025 I listed "
        "every diagnosis before picking one. She would also say I am still slower than I want "
        "to be on notes."
    )
    assert status(catalog, "letter_writers_improve", answer, "ownership") == "pass"
    assert status(catalog, "letter_writers_improve", answer, "specifics") == "pass"


def test_a_prelim_year_and_a_course_finished_are_parts_of_the_story(catalog: Catalog) -> None:
    """Found answering "So... what happened?": "in SOAP I took a preliminary surgery year in
    Newark" was no part of the story (why you stepped away: the year a Match left you in), and
    "My youngest started school ... I also finished a refresher course" was no change."""
    prelim = (
        "In 2023 I applied only to general surgery and did not match, and in SOAP I took a "
        "preliminary surgery year in Newark. During that year I realised I loved the clinic "
        "more than the operating room. Now I am applying to family medicine."
    )
    assert status(catalog, "what_happened", prelim, "arc") == "pass"
    home = (
        "I stayed home with my two children from 2020. My youngest started school in September "
        "and I finished a refresher course at Drexel in the spring. Now I am ready."
    )
    arc = analyse("why_now", home, None, catalog).check("arc")
    assert arc is not None
    assert "what changed" not in arc.detail.split("Missing:")[-1]
    assert "why you stepped away" not in arc.detail.split("Missing:")[-1]


def test_stock_praise_of_self_and_program_as_imgs_often_write_it(catalog: Catalog) -> None:
    """Found answering "Tell me about yourself." as an IMG might: "I am very hard working and
    sincere ... passionate about medicine since childhood. I will give my best to your esteemed
    program." flagged only "passionate about"; and "worked as a houseman for two years" (a
    Malaysian junior post) showed no clinical readiness."""
    answer = (
        "Sir, I am very hard working and sincere. I have done my housemanship in Malaysia and "
        "worked as a houseman for two years in a government hospital in Penang. I am passionate "
        "about medicine since childhood. I will give my best to your esteemed program."
    )
    stock = analyse("tell_me_about_yourself", answer, None, catalog).check("stock")
    assert stock is not None and stock.status == "fail"
    for phrase in ("hard working", "since childhood", "give my best"):
        assert phrase in stock.detail
    found = analyse("img_us_practice", answer, None, catalog).check("readiness")
    assert found is not None and "houseman" in found.detail


def test_a_habit_named_as_ones_own_fault_is_ownership(catalog: Catalog) -> None:
    """Found answering "What would your letter writers say you still need to work on?": "I
    still defer too quickly to seniors", followed by what the applicant does about it, named no
    part of their own."""
    answer = (
        "Dr. Okafor, who supervised me for four months on the inpatient service in 2025, told me "
        "directly that my presentations ran long. Since then I have practised a two-minute format "
        "with the chief resident each week. Dr. Lin would say I still defer too quickly to seniors "
        "when I disagree about a plan, and I now state my reasoning first."
    )
    found = analyse("letter_writers_improve", answer, None, catalog).check("ownership")
    assert found is not None and found.status == "pass"
    assert "I still defer too" in found.detail
    # Someone else's habit is not the applicant's part.
    other = "The attending said the residents defer too quickly and their notes ran long."
    assert status(catalog, "letter_writers_improve", other, "ownership") == "fail"


def test_each_side_of_a_contrast_is_read_against_its_own_places(catalog: Catalog) -> None:
    """Found answering "Why this region?" for the Midwest: "I grew up in Chicago but did medical
    school in Arizona" quoted "medical school in" as a tie to the Midwest, and "my parents are
    in Atlanta, but I also applied to a few programs in the Midwest" counted the parents as one:
    a sentence naming places on both sides was read as a whole."""
    midwest = TargetRegion("midwest", "the Midwest")
    answer = "I grew up in Chicago but did medical school in Arizona. I want to stay in Illinois."
    ties = analyse("why_region", answer, None, catalog, target=midwest).check("ties")
    assert ties is not None and ties.status == "pass"
    assert '"grew up"' in ties.detail and "medical school in" not in ties.detail
    away = (
        "I am applying mainly in the South because my parents are in Atlanta, but I also applied "
        "to a few programs in the Midwest."
    )
    assert status(catalog, "other_regions", away, "ties", midwest) == "fail"
    # A side that names no place is read with the whole sentence's: "there" is Arizona.
    there = "I did medical school in Arizona, but my parents live there now."
    assert status(catalog, "why_region", there, "ties", midwest) == "fail"
    northeast = TargetRegion("northeast", "the Northeast")
    home = "I went to medical school in Texas, but my mother still lives in Worcester."
    ties = analyse("why_region", home, None, catalog, target=northeast).check("ties")
    assert ties is not None and ties.status == "pass"
    assert "my mother" in ties.detail and "medical school in" not in ties.detail


def test_no_move_after_this_one_is_a_plan_to_stay(catalog: Catalog) -> None:
    """Found answering "How do we know you will stay here after residency?": "My children are in
    school in Birmingham and my wife works at UAB, so we are not moving again" said no plan to
    stay."""
    south = TargetRegion("south", "the South")
    answer = (
        "My children are in school in Birmingham and my wife works at UAB, so we are not moving "
        "again."
    )
    assert status(catalog, "will_you_stay", answer, "plan_to_stay", south) == "pass"
    elsewhere = "My wife works at UAB, but we are not moving to Alabama."
    assert status(catalog, "will_you_stay", elsewhere, "plan_to_stay", south) == "fail"


def test_a_poor_habit_of_ones_own_is_ownership_and_bad_luck_is_not(catalog: Catalog) -> None:
    """Found answering "Tell us about your Step 2 score": "I had poor test-taking habits then"
    owned the score, and the check said no sentence named the applicant's part."""
    owned = (
        "My Step 2 CK score of 214 is below the average for internal medicine. I had poor "
        "test-taking habits then. I passed Step 3 in 2025 with a 226 after changing how I study."
    )
    assert status(catalog, "low_score", owned, "ownership") == "pass"
    luck = "My Step 2 CK score of 214 is low. I had bad luck on the day of the exam in 2019."
    assert status(catalog, "low_score", luck, "ownership") == "fail"


def test_where_one_will_live_is_a_plan_to_stay(catalog: Catalog) -> None:
    """Found answering "Why train here when you trained elsewhere?": "I want to train in Texas
    because that is where I will live" said nothing of a plan to stay."""
    south = TargetRegion("south", "the South")
    answer = (
        "My brother is a pharmacist in Houston. I want to train in Texas because that is where I "
        "will live and where my support is."
    )
    assert status(catalog, "trained_elsewhere", answer, "plan_to_stay", south) == "pass"
    assert status(catalog, "trained_elsewhere", answer, "plan_to_stay") == "pass"


def test_an_externship_there_is_local_activity(catalog: Catalog) -> None:
    """Found answering "Why the Midwest?": "I did my externship at a Toledo hospital in 2025",
    the US clinical experience most IMGs and returners have, was no activity in the region."""
    midwest = TargetRegion("midwest", "the Midwest")
    answer = (
        "I grew up in Toledo and my parents still live there. I did my externship at a Toledo "
        "hospital in 2025. We plan to stay in Ohio for good."
    )
    assert status(catalog, "why_region", answer, "local_activity", midwest) == "warn"
    twice = answer.replace("in 2025.", "in 2025 and a second externship in Columbus in 2026.")
    assert status(catalog, "why_region", twice, "local_activity", midwest) == "pass"


def test_a_plan_to_stay_made_to_depend_on_something_is_a_hedge(catalog: Catalog) -> None:
    """Found answering "Will you stay after residency?": "I will try to stay if there are good
    jobs, but I am open to moving" passed as a plan to stay."""
    northeast = TargetRegion("northeast", "the Northeast")
    for answer in (
        "I will try to stay if there are good jobs, but I am open to moving.",
        "I would stay in Rhode Island, but it depends on where my husband finds work.",
    ):
        assert status(catalog, "will_you_stay", answer, "plan_to_stay", northeast) == "warn"
    firm = "My parents live in Providence and I will stay in Rhode Island after residency."
    assert status(catalog, "will_you_stay", firm, "plan_to_stay", northeast) == "pass"


def test_faults_told_plainly_are_ownership(catalog: Catalog) -> None:
    """Found in a corpus of returners' strong answers, each failing Ownership: a fault named as
    one's own call, a lack named in plain words, a stay let run on, and the first application's
    gaps said as one's own."""
    cases = [
        (
            "why_unmatched",
            "I sent it in October, six weeks after ERAS opened. And I ranked only the four "
            "programs that interviewed me. Both were my calls.",
        ),
        (
            "greatest_weakness",
            "I am not good at saying no. During my research year I agreed to three projects at "
            "once and delivered the third one a month late.",
        ),
        (
            "explain_gap",
            "From 2019 to 2023 I worked as a software engineer in Austin. I stayed longer than I "
            "planned because I was good at it.",
        ),
        (
            "different_this_time",
            "My first application had no US letters and no US clinical experience. Since then I "
            "have done a five-month externship in Philadelphia.",
        ),
    ]
    for question, answer in cases:
        assert status(catalog, question, answer, "ownership") == "pass", answer
    # Someone else's call is not one's own
    assert (
        status(catalog, "why_unmatched", "The attending returned my call in 2024.", "ownership")
        == "fail"
    )


def test_practice_stopped_to_look_after_children_is_a_step_away(catalog: Catalog) -> None:
    """Found answering "Why did you leave medicine?": "I stopped practising in 2018 to look
    after my two children" named no part of the four-part story."""
    answer = (
        "I stopped practising in 2018 to look after my two children while my wife finished her "
        "fellowship in Seattle. I kept my license active and have been back in clinic as an "
        "observer since March 2025."
    )
    arc = analyse("why_left_medicine", answer, None, catalog).check("arc")
    assert arc is not None and arc.status == "warn"
    assert "why you stepped away, what changed" in arc.detail


def test_no_wish_to_move_again_is_a_plan_to_stay(catalog: Catalog) -> None:
    """Found answering "Why the Northeast?": "My wife is a teacher in Worcester ... I am not
    looking to move again" said nothing of a plan to stay; a move there refused is no plan."""
    northeast = TargetRegion("northeast", "the Northeast")
    answer = "My wife is a teacher in Worcester. I am not looking to move again."
    assert status(catalog, "why_region", answer, "plan_to_stay", northeast) == "pass"
    away = "My wife is a teacher in Worcester. I don't want to move away from her family."
    assert status(catalog, "why_region", away, "plan_to_stay", northeast) == "pass"
    refused = "My wife is a teacher in Chicago. I am not looking to move to Boston."
    assert status(catalog, "why_region", refused, "plan_to_stay", northeast) != "pass"
