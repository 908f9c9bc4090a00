"""With a plan B written, the parallel-plan action asks for its first step, not for a plan B.

Found as a US-citizen IMG past two cycles whose plan B reads "If I do not match I will apply to
physician assistant programs in Texas.": the Cycles check said "a plan B is written" and the next
action, a few lines down, "Write down the non-residency path you will take if this cycle fails"."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import make

PAST_LIMIT = {"history__cycles_applied": 2, "history__last_outcome": "unmatched"}


def action(catalog: Catalog, plan_b: str) -> object:
    result = assess(make(narrative__plan_b=plan_b, **PAST_LIMIT), catalog)
    return result.action("parallel_plan")


def test_a_written_plan_b_is_taken_forward(catalog: Catalog) -> None:
    found = action(
        catalog, "If I do not match I will apply to physician assistant programs in Texas."
    )
    assert found is not None
    assert found.title == "Start on your plan B now"  # type: ignore[attr-defined]
    assert found.text.startswith("Your plan B is written")  # type: ignore[attr-defined]
    assert "Write down" not in found.text  # type: ignore[attr-defined]


def test_without_one_it_is_asked_for(catalog: Catalog) -> None:
    found = action(catalog, "")
    assert found is not None
    assert found.text.startswith("Write down the non-residency path")  # type: ignore[attr-defined]
