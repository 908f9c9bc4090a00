"""A name with capitals inside it is quoted whole, and a word of how sure or how often never
begins a name.

Before: "working at ProMedica as a patient care tech" quoted "Pro", and "Maybe Texas, maybe
Georgia." quoted "Maybe Texas"."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


def _matches(catalog: Catalog, question: str, answer: str) -> list[str]:
    feedback = analyse(question, answer, None, catalog)
    return next(c for c in feedback.checks if c.id == "specifics").matches


def test_a_name_with_inner_capitals_is_whole(catalog: Catalog) -> None:
    answer = (
        "I grew up in Toledo. I spent every summer working at ProMedica as a patient care tech, "
        "and my mentor at McLaren Flint wrote one of my letters."
    )
    found = _matches(catalog, "why_region", answer)
    assert "ProMedica" in found and "Pro" not in found
    assert "McLaren Flint" in found


def test_a_hedge_does_not_begin_a_name(catalog: Catalog) -> None:
    found = _matches(catalog, "will_you_stay", "I am not sure yet. Maybe Texas, maybe Georgia.")
    assert "Texas" in found and "Maybe Texas" not in found
