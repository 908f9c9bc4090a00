"""A check that appears only when it flags something never raises an answer's score.

Found writing a weak "Why this specialty?" answer: "Dermatology is a very interesting field and
I have always been fascinated by the skin." scored 37 once that stock praise was flagged, and 33
with a plain sentence in its place: the Own words warning, worth half its weight, was averaged
in as one more check and lifted an answer scoring under half."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from matchtui.models.lexicon import lexicon

REST = (
    " It combines medicine and surgery and has a good work-life balance. I think I would really "
    "enjoy it and be good at it."
)
STOCK = "Dermatology is a very interesting field and I have always been fascinated by the skin."
PLAIN = "Dermatology is a field of medicine and I have read a lot about the skin and the hair."


def score(
    catalog: Catalog, answer: str, question_id: str = "why_specialty"
) -> tuple[int, set[str]]:
    feedback = analyse(question_id, answer, None, catalog)
    return feedback.score, {c.id for c in feedback.checks}


def test_stock_praise_flagged_does_not_lift_a_weak_answer(catalog: Catalog) -> None:
    flagged, checks = score(catalog, STOCK + REST)
    plain, plain_checks = score(catalog, PLAIN + REST)
    assert "stock" in checks and "stock" not in plain_checks
    assert flagged <= plain


@functools.cache
def _bundled() -> Catalog:
    """The bundled data, read once for all the examples (a fixture is not shared with them)."""
    return Catalog.load()


LINES = [
    "I am a hard worker and a team player.",
    "I am passionate about helping people.",
    "Your program has a great reputation.",
    "In 2024 I worked as a scribe at Mercy Hospital in Des Moines.",
    "I will bring that habit to your night float.",
    "I think it went well.",
    "I did not match in 2023 because my list was too short.",
    "Since then I have seen patients every week.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=6))
def test_a_flag_only_check_never_lifts_the_score(lines: list[str]) -> None:
    """For any mix of sentences, the score is at most what the usual checks alone give: the
    Own words and Real content checks, which appear only to flag, can only lower it."""
    catalog = _bundled()
    feedback = analyse("tell_me_about_yourself", " ".join(lines), None, catalog)
    values = lexicon(catalog).thresholds.status_values
    usual = [c for c in feedback.checks if c.id not in ("stock", "substance") and c.status != "n/a"]
    weight = sum(c.weight for c in usual)
    if not weight:
        return
    ceiling = round(100 * sum(c.weight * values[c.status] for c in usual) / weight)
    assert feedback.score <= ceiling
