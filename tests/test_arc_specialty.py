"""The specialty one did not match in is not "why this specialty".

Found writing a returner's answer that never says why now: "I did not match in general surgery
in 2020 ... I realised I missed patient care" was told all four parts of the story are there,
because the specialty named in what happened counted as why this specialty. A specialty named
in a sentence about what happened no longer does; named elsewhere, it still does."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse

BEFORE = (
    "I did not match in general surgery in 2020. Looking back, my list was too short. After "
    "that I left medicine and worked as a data analyst for three years, because I was "
    "exhausted. During that time I realised I wanted patient care more than anything else."
)


def arc(text: str, catalog: Catalog) -> tuple[str, list[str]]:
    check = {c.id: c for c in analyse("what_happened", text, None, catalog).checks}["arc"]
    return check.status, check.matches


def test_the_specialty_of_what_happened_is_not_why_now(catalog: Catalog) -> None:
    status, parts = arc(BEFORE, catalog)
    assert status == "warn" and "why now and why this specialty" not in parts


def test_a_specialty_named_later_is_why_this_specialty(catalog: Catalog) -> None:
    text = BEFORE + " Internal medicine is where I want to spend my career."
    status, parts = arc(text, catalog)
    assert status == "pass" and "why now and why this specialty" in parts


def test_going_back_to_finish_the_training_is_why_now(catalog: Catalog) -> None:
    """Found when the specialty of what happened stopped counting: "I left my residency in
    2018 after my PGY-1 year in pediatrics ... I will finish the training I started" lost its
    last part, though finishing what was started is why now."""
    text = (
        "I left my residency in 2018 after my PGY-1 year in pediatrics to care for my mother. "
        "I stepped away for four years and worked as a health coach. Looking back, I should "
        "have asked for a leave. Over the past 18 months I have seen patients every week as a "
        "research coordinator. I passed Step 3 in 2024, and I will finish the training I "
        "started."
    )
    status, parts = arc(text, catalog)
    assert status == "pass" and "why now and why this specialty" in parts
