"""The training posts of the UK and Ireland and observing in a hospital are clinical readiness,
and their titles are checkable detail.

Before: "2023 to now: clinical fellow in acute medicine at St James's, Leeds" and "I am working as
observer in hospital since 2023" showed no recent clinical work, and "my registrar" was no
detail."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


def test_a_clinical_fellow_post_is_readiness(catalog: Catalog) -> None:
    answer = (
        "I graduated in Manchester in 2019. From 2021 to 2023 I stayed home with my twins. "
        "Since 2023 I have been a clinical fellow in acute medicine in Leeds."
    )
    assert status(catalog, "explain_gap", answer, "readiness") == "pass"


def test_observing_in_a_hospital_is_readiness(catalog: Catalog) -> None:
    answer = (
        "I am working as observer in hospital since 2023 and before I was taking care of my "
        "mother. Now she is better and I am ready to start residency."
    )
    assert status(catalog, "explain_gap", answer, "readiness") == "pass"


def test_a_registrar_is_detail(catalog: Catalog) -> None:
    answer = (
        "My registrar asked me why I had not checked the INR. I restarted warfarin on a patient "
        "whose INR was high, and I told the consultant that morning."
    )
    feedback = analyse("mistake", answer, None, catalog)
    check = next(c for c in feedback.checks if c.id == "specifics")
    assert "registrar" in check.matches and "consultant" in check.matches


def test_a_delay_owned_in_part_is_ones_own_part(catalog: Catalog) -> None:
    """Before: "I did not, partly because I waited three weeks before contacting programs
    myself" named no part of one's own."""
    answer = (
        "I was a PGY-1 at Hahnemann in Philadelphia when the hospital closed in 2019. Most of my "
        "class found new positions, but I did not, partly because I waited three weeks before "
        "contacting programs myself."
    )
    assert status(catalog, "what_happened", answer, "ownership") == "pass"
    waited = "I waited three weeks before contacting programs myself, and none had a place."
    assert status(catalog, "what_happened", waited, "ownership") == "pass"
    visa = "My visa was delayed in 2022, so I waited for it at home in Lahore."
    assert status(catalog, "what_happened", visa, "ownership") == "fail"
