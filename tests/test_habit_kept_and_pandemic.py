"""A habit kept closes an answer looking ahead, the pandemic is a time anyone can place, and
owning a home or missing the bedside is no part of a mistake owned.

Before: "It has taught me patience with people who are learning, which I use when I explain a
diagnosis." did not look ahead, and "during the pandemic" was no concrete detail."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine import text as text_module
from tests.test_lessons_and_gaps import status

ANSWER = (
    "Something not on my application is that I taught myself to rebuild bicycles during the "
    "pandemic and now run a free repair afternoon for kids in my neighbourhood once a month. It "
    "has taught me patience with people who are learning, which I use when I explain a "
    "diagnosis."
)


def test_a_habit_kept_looks_ahead(catalog: Catalog) -> None:
    assert status(catalog, "not_on_application", ANSWER, "forward_close") == "pass"
    # a tool used is no habit carried forward
    plain = "I rebuild bicycles on weekends. I use a torque wrench for every bolt."
    assert status(catalog, "not_on_application", plain, "forward_close") == "fail"


def test_the_pandemic_is_a_time_one_can_place(catalog: Catalog) -> None:
    analysed = text_module.Analysed(ANSWER, text_module.compiled(catalog))
    assert "during the pandemic" in analysed.specific_sentences().get(0, [])


def test_owning_a_home_or_missing_the_bedside_is_no_part_owned(catalog: Catalog) -> None:
    """Before: "My husband and I own our home in Evanston" was one's own part ("I own"), and so
    was "what I missed most was being the one at the bedside" ("I missed")."""
    home = (
        "My husband and I own our home in Evanston, his job is here, and our son starts school "
        "in the fall."
    )
    assert status(catalog, "wont_leave_again", home, "ownership") == "fail"
    longing = (
        "After she died I worked as a clinical trial coordinator in Chicago and found that what "
        "I missed most was being the one at the bedside."
    )
    assert status(catalog, "why_left_medicine", longing, "ownership") == "fail"
    owned = "I own that mistake: I missed the potassium of 6.1 on my own patient."
    assert status(catalog, "mistake", owned, "ownership") == "pass"
