"""Leaving to raise children is a reason for stepping away; what the application lacked, said
as one's own, is ownership.

Found answering "Why now?" as a returner: "I left after my intern year in 2019 to raise my
children." was not read as why the applicant stepped away (the story "lacked" it). Answering
"Why do you think you did not match?": "... and i didnt have any research" named no part of
the applicant's own."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


def test_leaving_to_raise_children_is_stepping_away(catalog: Catalog) -> None:
    answer = (
        "My youngest started kindergarten this fall and I finished a refresher course in June. "
        "I left after my intern year in 2019 to raise my children. I am ready to finish family "
        "medicine training."
    )
    check = analyse("why_now", answer, None, catalog).check("arc")
    assert check is not None and "why you stepped away" not in check.detail.split("Missing")[-1]


def test_an_application_that_lacked_research_is_owned(catalog: Catalog) -> None:
    answer = (
        "I applied to 60 programs in OB-GYN and got 3 interviews. My Step 2 was 224 and I didn't "
        "have any research. This year I am applying to 120 family medicine programs."
    )
    assert status(catalog, "why_unmatched", answer, "ownership") == "pass"


def test_what_a_program_lacked_is_not(catalog: Catalog) -> None:
    answer = (
        "I applied to 60 programs in OB-GYN and got 3 interviews. The hospital had no research "
        "office. This year I am applying to 120 family medicine programs."
    )
    assert status(catalog, "why_unmatched", answer, "ownership") == "fail"


def test_a_parents_illness_handed_on_tells_the_story(catalog: Catalog) -> None:
    """Found answering "Why now?": "My mother's dementia is now managed by a full-time
    caregiver ... I left neurology residency in 2021 to care for her" was read as lacking what
    happened and what changed."""
    answer = (
        "My mother's dementia is now managed by a full-time caregiver, so I am free to train "
        "again. I have spent the past year as a clinical assistant at a memory clinic in Boston. "
        "I left neurology residency in 2021 to care for her, and I am now applying to neurology "
        "again."
    )
    check = analyse("why_now", answer, None, catalog).check("arc")
    assert check is not None and check.status == "pass", check.detail
