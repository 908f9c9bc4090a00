"""'I hope to' is a plan, not a hedge.

Found practising as a graduate not in training: a close of "I hope to bring that same
steadiness to your team from day one." was credited as looking ahead ("hope to", [forward]) and
flagged in the same breath as a hedge where the answer should be firm ("I hope", [hedges]). The
hedge now leaves out "I hope to"; "I hope I can" is still a hedge."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine import practice

START = (
    "I left clinical work in 2021 to care for my father, and I own that the gap is long. Since "
    "March I have completed 120 hours of observership at Mercy Clinic and passed Step 3 in May. "
)


def _checks(answer: str, catalog: Catalog) -> dict[str, tuple[str, list[str]]]:
    feedback = practice.analyse("explain_gap", answer, None, catalog)
    return {check.id: (check.status, check.matches) for check in feedback.checks}


def test_a_plan_is_not_flagged_as_the_hedge_it_is_credited_against(catalog: Catalog) -> None:
    checks = _checks(START + "I hope to bring that same steadiness to your team.", catalog)
    assert checks["forward_close"][0] == "pass" and "hope to" in checks["forward_close"][1]
    assert checks["fillers_hedges"] == ("pass", [])


def test_i_hope_i_can_is_still_a_hedge(catalog: Catalog) -> None:
    checks = _checks(
        START + "I hope I can bring that steadiness to your team from day one.", catalog
    )
    assert checks["fillers_hedges"][0] == "warn"
    assert [m.lower() for m in checks["fillers_hedges"][1]] == ["i hope"]
