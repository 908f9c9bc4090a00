"""Proof that ended is no proof; proof said never to have ended is.

Found writing a returner's gap answers: "I stopped seeing patients in 2019 to care for my
mother" and "I quit clinical work in 2020" were told they point at readiness (only the date was
missing), while "I have not stopped seeing patients since 2023" lost the proof its negation
undid; later, "I missed patient care" pointed at readiness too. A verb of stopping or missing
now undoes a readiness or local-activity phrase as a negation does, and two of them before one
phrase cancel (lexicon.toml [proof_negators]), each within reach of the next ("I never missed
a shift in urgent care")."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse

ENDED = {
    "stopped": "I stopped seeing patients in 2019 to care for my mother.",
    "quit": "I quit clinical work in 2020.",
    "gave_up": "In 2021 I gave up volunteering at the free clinic.",
    "no_longer": "I no longer see patients, and have not since 2020.",
    "missed": "During that time I realised I missed patient care.",
}

KEPT = {
    "not_stopped": "I have not stopped seeing patients since 2023: I work weekly at a free clinic.",
    "never_stopped": "I never stopped seeing patients; since 2023 I volunteer weekly.",
    "did_not_quit": "I did not quit clinical work: since 2023 I work urgent care shifts weekly.",
    "stopped_then": "I stopped teaching in 2023, but since then I see patients at a clinic weekly.",
    # the nearer negation within reach of the proof, the farther within reach of it
    "never_missed": "I never missed a shift in urgent care this year.",
    # a visit, not an end
    "stop_by": "Since 2024 I stop by the free clinic every Saturday to see patients.",
}


def readiness(text: str, catalog: Catalog) -> str:
    feedback = analyse("explain_gap", text, None, catalog)
    return {c.id: c for c in feedback.checks}["readiness"].status


@pytest.mark.parametrize("sentence", ENDED.values(), ids=ENDED.keys())
def test_proof_that_ended_is_no_proof(catalog: Catalog, sentence: str) -> None:
    assert readiness(sentence, catalog) == "fail"


@pytest.mark.parametrize("sentence", KEPT.values(), ids=KEPT.keys())
def test_proof_that_never_ended_counts(catalog: Catalog, sentence: str) -> None:
    assert readiness(sentence, catalog) == "pass"


def test_local_activity_that_never_stopped_counts(catalog: Catalog) -> None:
    text = (
        "I never stopped volunteering at the free clinic in Milwaukee. I rotated at a "
        "community hospital there in 2024."
    )
    feedback = analyse("why_region", text, None, catalog)
    assert {c.id: c for c in feedback.checks}["local_activity"].status == "pass"
    ended = "I stopped volunteering at the free clinic in Milwaukee in 2019."
    feedback = analyse("why_region", ended, None, catalog)
    assert {c.id: c for c in feedback.checks}["local_activity"].status == "fail"
