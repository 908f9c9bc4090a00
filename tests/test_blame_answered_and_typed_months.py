"""Someone else's blame answered by owning the error is no blame; a study approach owned, a
weakness named as one's own, a month typed in lower case and services counted are read.

Before: "My attending said the nurse should have caught it, but the error was mine" was blame;
"the reason was my own approach: I ... did almost no practice questions" named no part of one's
own; "i take to long on notes" was no weakness owned and "in july" no detail; "two services" and
"my prelim year" were no detail."""

from __future__ import annotations

from matchtui.catalog import Catalog
from tests.test_lessons_and_gaps import status


def test_blame_answered_by_owning_the_error_is_not_blame(catalog: Catalog) -> None:
    answer = (
        "My attending said the nurse should have caught it, but the error was mine: I ordered "
        "the wrong dose of enoxaparin for a patient with kidney failure in 2024. I told the "
        "patient and my senior the same day, and since then I check the creatinine clearance "
        "before every anticoagulant order."
    )
    assert status(catalog, "mistake", answer, "no_blame") == "pass"
    assert status(catalog, "mistake", answer, "ownership") == "pass"
    blamed = "My attending said the nurse should have caught it. The order went through."
    assert status(catalog, "mistake", blamed, "no_blame") == "fail"


def test_a_study_approach_owned_is_ones_own_part(catalog: Catalog) -> None:
    answer = (
        "I failed Step 1 in 2020, and the reason was my own approach: I read review books cover "
        "to cover and did almost no practice questions. For the retake I did two question banks "
        "and a practice exam every Saturday."
    )
    assert status(catalog, "exam_failure", answer, "ownership") == "pass"


def test_a_typed_weakness_with_a_month_in_lower_case(catalog: Catalog) -> None:
    answer = (
        "sometimes i take to long on notes because i want to include everything and my senior "
        "told me in july that my notes are to long. so i started using a template and i write "
        "the assessment first"
    )
    assert status(catalog, "greatest_weakness", answer, "ownership") == "pass"
    assert status(catalog, "greatest_weakness", answer, "specifics") != "fail"
    # "may" is a month only where a word makes it one
    modal = "i may take too long on notes. i may need a template."
    assert status(catalog, "greatest_weakness", modal, "specifics") == "fail"


def test_services_counted_and_a_prelim_year_are_detail(catalog: Catalog) -> None:
    answer = (
        "In my prelim year a co-intern kept leaving her pages unanswered at sign-out. When I "
        "finally asked her, she was covering two services that month."
    )
    assert status(catalog, "conflict_colleague", answer, "specifics") == "pass"
