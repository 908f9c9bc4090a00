"""An IMG's four-part story, a fault worked on with a coach, and a new application as a close.

Found answering "Why did you leave medicine?" as an Egyptian graduate: "In 2019 my visa was
expired and I had to go back to Egypt ... In 2024 I got my green card through my wife and come
back to New Jersey" was read as having only "why now": the visa lost, the return home and the
green card were not read. A surgeon dismissed in PGY-2 who "worked with a coach for a year" was
told the story lacked what changed."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.engine.text import judge_story

VISA = (
    "In 2019 my visa was expired and I had to go back to Egypt. There I worked in my father's "
    "clinic in Alexandria for 4 years as a general physician. In 2024 I got my green card "
    "through my wife and come back to New Jersey. I am doing observership in Newark Beth Israel "
    "since January and I passed Step 3 on 2025. I am ready for start residency."
)
COACH = (
    "In 2020 I matched into general surgery in New York. Halfway through PGY-2 I was dismissed "
    "for professionalism issues: I was late to sign-out several times. It was my fault. I "
    "worked with a coach for a year and I have worked as a surgical assistant since 2023 with "
    "no issues. I want to finish training in family medicine."
)


def arc(question: str, answer: str, catalog: Catalog) -> tuple[str, str]:
    check = analyse(question, answer, None, catalog).check("arc")
    assert check is not None
    return check.status, check.detail


def test_a_visa_lost_and_a_green_card_won_tell_the_story(catalog: Catalog) -> None:
    assert arc("why_left_medicine", VISA, catalog) == ("pass", "All four parts are there.")


def test_a_coach_is_what_changed(catalog: Catalog) -> None:
    assert arc("what_happened", COACH, catalog)[0] == "pass"


def test_without_them_the_parts_are_still_missing(catalog: Catalog) -> None:
    plain = "I worked in Alexandria for 4 years. I passed Step 3 in 2025. I am ready."
    status, detail = arc("why_left_medicine", plain, catalog)
    # a Step 3 passed is what changed and "ready" why now; what happened is still missing
    assert status != "pass" and "what happened" in detail


def test_the_new_application_closes_looking_ahead(catalog: Catalog) -> None:
    """Found in the same round: "This year I applied in September to 110 family medicine
    programs, with letters from the FM clinic where I work in Reno." failed Forward close."""
    answer = (
        "I applied to 45 programs in emergency medicine only. Looking back my list was too "
        "narrow. This year I applied in September to 110 family medicine programs, with letters "
        "from the FM clinic where I work in Reno."
    )
    check = analyse("why_unmatched", answer, None, catalog).check("forward_close")
    assert check is not None and check.status == "pass"


def test_a_condition_on_this_cycle_is_not_the_signal(catalog: Catalog) -> None:
    """ "If this cycle ends without a match I will ..." looks ahead by its "I will", not by
    "this cycle" (found in the demo profile's plan B, which began to quote "this cycle")."""
    verdict = judge_story(
        "plan_b", "If this cycle ends without a match I will enter SOAP.", catalog
    )
    assert "this cycle" not in verdict.concrete and "I will" in verdict.concrete


def test_a_visa_barrier_is_what_happened(catalog: Catalog) -> None:
    """Found answering "Why now?": "Before that, I could not apply to most programs because
    they don't sponsor H-1B." was not read as what happened."""
    answer = (
        "I'm applying now because my visa situation is finally resolved: I got my green card in "
        "August 2026. Before that, I could not apply to most programs because they don't "
        "sponsor H-1B. Since 2024 I have worked as a research fellow at Johns Hopkins and I see "
        "patients in the lupus clinic every week."
    )
    detail = arc("why_now", answer, catalog)[1]
    assert "what happened" not in detail.split("Missing")[-1], detail
