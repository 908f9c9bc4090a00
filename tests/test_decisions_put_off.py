"""A decision put off is no close, and excuses and a colleague judged are blame.

Before: "We will see how it goes." closed a will-you-stay answer as looking ahead; "I plan to
take it sometime in the future when I have more time" had no hedge; a lateness put on the bus
and "A nurse on my team was always rude to me and would not follow my orders" passed No
blame."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_lessons_and_gaps import status


def test_we_will_see_is_no_close(catalog: Catalog) -> None:
    answer = (
        "I would probably stay in California if I find a good job there, but it depends on "
        "where my husband gets work. We will see how it goes."
    )
    feedback = analyse("will_you_stay", answer, None, catalog)
    assert feedback.status("forward_close") != "pass"
    assert "We will see" in feedback.hedges
    # a plan said with "we will" still looks ahead
    plan = "My husband has a job offer in Sacramento. We will buy a house near his parents."
    assert status(catalog, "will_you_stay", plan, "forward_close") == "pass"


def test_a_date_left_open_is_a_hedge(catalog: Catalog) -> None:
    answer = "I have not taken Step 3 yet. I plan to take it sometime in the future."
    assert "sometime in" in analyse("step3_status", answer, None, catalog).hedges
    sometimes = "I sometimes study at night. I plan to take Step 3 in March 2027."
    assert analyse("step3_status", sometimes, None, catalog).hedges == []


def test_an_excuse_and_a_colleague_judged_are_blame(catalog: Catalog) -> None:
    late = (
        "I can't really think of a major mistake. Maybe once I was a little late to rounds but "
        "it was because the bus was late."
    )
    assert status(catalog, "mistake", late, "no_blame") == "fail"
    rude = (
        "A nurse on my team was always rude to me and would not follow my orders. I reported "
        "her to the manager and she was moved to another unit."
    )
    assert status(catalog, "conflict_colleague", rude, "no_blame") == "fail"


def test_lapses_of_ones_own_are_owned(catalog: Catalog) -> None:
    """A dismissed resident's "I was late to sign-out several times and I did not respond to
    two pages on a night shift. Those were my failures." failed Ownership."""
    answer = (
        "In 2020 I was dismissed from my residency in Michigan after a professionalism review. "
        "I was late to sign-out several times and I did not respond to two pages on a night "
        "shift. Those were my failures."
    )
    assert status(catalog, "what_happened", answer, "ownership") == "pass"
    denied = "In 2020 I was dismissed from my residency in Michigan. It was not my failure."
    assert status(catalog, "what_happened", denied, "ownership") == "fail"
