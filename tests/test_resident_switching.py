"""A resident changing specialty tells a why-now story in a resident's words.

Before: "In my CA-1 year I realised I missed continuity with patients. I talked to my program
director in January 2025 and I am applying to internal medicine this cycle with her support."
was generic: "CA-1" read as the acronym "CA" and the number 1, and "this cycle" was not why
now."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.text import Analysed, compiled, judge_story

STORY = (
    "In my CA-1 year I realised I missed continuity with patients. I talked to my program "
    "director in January 2025 and I am applying to internal medicine this cycle with her "
    "support."
)


def test_a_residents_why_now_story_is_concrete(catalog: Catalog) -> None:
    verdict = judge_story("why_now", STORY, catalog)
    assert verdict.quality == "concrete", verdict.reason
    assert "why_now" in verdict.signals and "readiness" in verdict.signals
    assert "'CA-1'" in verdict.reason


def test_a_training_year_is_one_detail_and_acronyms_stay(catalog: Catalog) -> None:
    comp = compiled(catalog)
    assert Analysed("In my CA-2 year I moved.", comp).specific_sentences() == {0: ["CA-2"]}
    found = Analysed("I work in the ICU with the PGY-2 at UCSF.", comp).specific_sentences()
    assert found == {0: ["ICU", "PGY-2", "UCSF"]}


def test_a_word_in_capitals_after_a_number_is_no_acronym(catalog: Catalog) -> None:
    """An answer typed in capitals counted "WAS" of "MY STEP 2 WAS 236" as a detail."""
    comp = compiled(catalog)
    found = Analysed("MY STEP 2 WAS 236.", comp).specific_sentences()
    assert "WAS" not in found[0]
    assert Analysed("I spent 3 months in the ICU.", comp).specific_sentences()[0][-1] == "ICU"
