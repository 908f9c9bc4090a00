"""A story's verdict quotes a phrase once, not again as a part of a longer one.

Found writing a plan B as a graduate out of training: "...keep my research coordinator job at
Mayo Clinic..." was "concrete (names 'I will', 'research coordinator', 'Mayo Clinic',
'Clinic')": 'Clinic' (readiness) is a word of 'Mayo Clinic' (a place), quoted twice."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine import text

PLAN_B = (
    "If I do not match, I will apply through SOAP to preliminary medicine positions and keep "
    "my research coordinator job at Mayo Clinic while I reapply."
)


def test_a_word_of_a_longer_quote_is_not_quoted_again(catalog: Catalog) -> None:
    verdict = text.judge_story("plan_b", PLAN_B, catalog)
    assert verdict.quality == "concrete"
    assert "'Clinic'" not in verdict.reason
    # and not when the longer phrase is itself left out of the first few quoted: SOAP (an
    # acronym counts as a name) and the role come first among the specifics, then Mayo Clinic
    assert verdict.reason.startswith("concrete (26 words; names 'I will', 'SOAP'")


def test_parts_are_whole_words_only() -> None:
    terms = ["Mayo Clinic", "Clinic", "clinic in", "Step 3", "Step", "Ste", "I will"]
    assert text._without_parts(terms) == ["Mayo Clinic", "clinic in", "Step 3", "Ste", "I will"]
