"""Proof said not to be there proves nothing.

Found answering "You graduated some years ago. Why should we believe you are clinically ready?"
as a returner: "I have not seen patients since 2019." passed Recent readiness ("seen patients"),
as did "I have had no clinical work since 2020", "I never passed Step 3" and "I have been away
from clinical work since 2019"; "I never rotated in Ohio" counted as local activity. A
readiness or local-activity phrase a few words after a negation in its clause now counts for
nothing (lexicon.toml [proof_negators]); one after a clause break still counts."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice
from matchtui.models.practice import CheckResult


def _check(question: str, answer: str, check: str, catalog: Catalog) -> CheckResult:
    feedback = practice.analyse(question, answer, None, catalog)
    return next(c for c in feedback.checks if c.id == check)


NEGATED = [
    "I have not seen patients since 2019.",
    "I haven't worked with patients for five years.",
    "I have had no clinical work since 2020.",
    "I did not do any observership in 2024.",
    "I have not taken Step 3 yet.",
    "I never passed Step 3.",
    "Since 2020 I have had no patient contact at all.",
    "I have been away from clinical work since 2019.",
    # a plan is not yet proof
    "I plan to start an observership in Ohio in January 2027.",
    "I hope to see patients again in 2027.",
]

KEPT = [
    "I had not worked for years, but since 2024 I see patients every week.",
    "Not only have I passed Step 3, I also work in a clinic in Dayton since 2024.",
    "Since 2024 I have seen patients every week with no break.",
    "I have worked as a scribe since 2023, not as a volunteer.",
]


@pytest.mark.parametrize("answer", NEGATED)
def test_proof_said_not_to_be_there_is_no_readiness(catalog: Catalog, answer: str) -> None:
    check = _check("years_out_ready", answer, "readiness", catalog)
    assert check.status == "fail", (check.detail, check.matches)


@pytest.mark.parametrize("answer", KEPT)
def test_proof_after_a_clause_break_or_before_a_negation_counts(
    catalog: Catalog, answer: str
) -> None:
    check = _check("years_out_ready", answer, "readiness", catalog)
    assert check.status != "fail", (check.detail, check.matches)


def test_a_rotation_never_done_is_no_local_activity(catalog: Catalog) -> None:
    answer = "I never rotated in Ohio. My parents live in Dayton and I plan to stay there."
    check = _check("why_region", answer, "local_activity", catalog)
    assert check.status == "fail", (check.detail, check.matches)
    done = "I rotated in Dayton in 2024. My parents live in Dayton and I plan to stay there."
    assert _check("why_region", done, "local_activity", catalog).status != "fail"
    planned = "I plan to do an away rotation in Dayton next spring. My parents live in Dayton."
    assert _check("connect_region", planned, "local_activity", catalog).status == "fail"


def test_the_list_is_an_assumption_and_optional(catalog: Catalog) -> None:
    import tomllib

    from matchtui.engine import text
    from matchtui.locations import bundled_data_dir
    from matchtui.models.lexicon import LexiconFile, lexicon

    found = lexicon(catalog).proof_negators
    assert found is not None and found.note and found.reliability == "assumption"
    with open(bundled_data_dir() / "lexicon.toml", "rb") as handle:
        data = tomllib.load(handle)
    del data["proof_negators"]
    older = LexiconFile.model_validate(data)  # a data folder written before the list loads
    assert older.proof_negators is None
    groups = {kind: text.compiled(catalog).story_groups(kind) for kind in ("why_now", "plan_b")}
    assert any("proof_negators" in names for names in groups.values())
