"""Praise that would fit any program is stock praise, as self-praise is.

Found writing a why-this-program answer made only of a great reputation, a strong focus on
education, supportive faculty, a diverse patient population and a collegial atmosphere: it was
told only that one sentence carries detail, and nothing named the praise as what any applicant
says of any program. Such praise with nothing beside it that shows it now fails Own words
(lexicon.toml [stock_phrases]); with a detail beside it, it is a claim backed up."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse

GENERIC = (
    "Your program has a great reputation and a strong focus on education. The faculty are "
    "supportive and I like the diverse patient population and the collegial atmosphere. I would "
    "be honored to be part of it."
)


def test_praise_any_program_would_get_is_stock(catalog: Catalog) -> None:
    feedback = analyse("why_program", GENERIC, None, catalog)
    stock = {c.id: c for c in feedback.checks}["stock"]
    assert stock.status == "fail"
    assert "great reputation" in stock.matches and "diverse patient population" in stock.matches
    assert stock.detail.startswith("Stock praise with nothing that shows it")


def test_praise_with_a_detail_beside_it_is_not(catalog: Catalog) -> None:
    text = (
        "Your rural track has a great reputation: two of its graduates run the hospitalist "
        "service in Marshfield, where I rotated in 2025."
    )
    checks = {c.id: c for c in analyse("why_program", text, None, catalog).checks}
    assert "stock" not in checks
