"""Being from a place is a tie: "I am a Chicago native" named none.

Found writing why-region answers: "I am a Chicago native" and "a native of Ohio" failed Concrete
ties, though they say where the applicant was born and raised. "native" now names a tie, but
not as a native speaker or Native American (lexicon.toml [ties])."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse


def ties(text: str, catalog: Catalog) -> str:
    return {c.id: c for c in analyse("why_region", text, None, catalog).checks}["ties"].status


@pytest.mark.parametrize("text", ["I am a Chicago native.", "I am a native of Ohio."])
def test_a_native_has_a_tie(catalog: Catalog, text: str) -> None:
    assert ties(text, catalog) == "pass"


@pytest.mark.parametrize(
    "text",
    ["I am a native Spanish speaker.", "I worked with Native American communities for a year."],
)
def test_a_native_speaker_names_no_tie(catalog: Catalog, text: str) -> None:
    assert ties(text, catalog) == "fail"
