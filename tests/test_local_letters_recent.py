"""A letter from the target region counts for the back-home rating only while it is recent, by
the Letters check's own window (readiness.toml [letters] window_months): one recency rule.

Found in audit E (e4): "Back home to the Midwest: VERY HIGH" rested on "Letters from the
Midwest: 1", a letter written 50 months ago, while the Letters check beside it counted only the
letters of the last 18 months (and the article asks for letters from the last 12-18 months).
Without that letter the rating was HIGH and the in-region estimate 28% instead of 36%."""

from __future__ import annotations

from typing import Any

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess, rules_of
from tests.test_assess_engine import CONCRETE_STORY, make


def returner(catalog: Catalog, midwest_letter_months: int) -> Any:
    """A returner with strong ties, a rotation done and a concrete story, whose only letter
    from the Midwest is `midwest_letter_months` old (two recent ones from the South)."""
    south = {"specialty": "internal_medicine", "region": "south", "saw_real_work": True}
    profile = make(
        applicant__current_region="south",
        ties=[{"kind": "family", "region": "midwest"}, {"kind": "grew_up", "region": "midwest"}],
        rotations=[{"region": "midwest", "status": "done"}],
        narrative__why_home=CONCRETE_STORY,
        letters=[
            {**south, "months_ago": 3},
            {**south, "months_ago": 6},
            {
                "specialty": "internal_medicine",
                "region": "midwest",
                "months_ago": midwest_letter_months,
                "saw_real_work": True,
            },
        ],
    )
    return assess(profile, catalog)


def window(catalog: Catalog) -> int:
    return rules_of(catalog).readiness.letters.window_months


def test_a_letter_within_the_window_counts_as_local(catalog: Catalog) -> None:
    result = returner(catalog, window(catalog))
    assert result.back_home.local_letters == 1
    assert result.back_home.likelihood == "very_high"
    assert result.letters.recent == 3


def test_a_stale_local_letter_does_not_count_and_is_named(catalog: Catalog) -> None:
    months = window(catalog) + 1
    result = returner(catalog, months)
    bh = result.back_home
    assert bh.local_letters == 0
    assert bh.scenario != "ties_away_letters" and bh.likelihood == "high"
    assert result.letters.recent == 2  # the Letters check leaves out the same letter
    line = next(r for r in bh.reasons if r.startswith("Letters from the Midwest"))
    assert line.startswith("Letters from the Midwest: 0 (at least 1 wanted); 1 listed")
    assert f"written {months} months ago" in line
    assert f"past the {window(catalog)} months the Letters check counts" in line
    # the finding behind any action says the same, not "0 letters from the Midwest"
    action = result.action("local_letters")
    assert action is not None
    assert action.finding == (
        f"0 recent letters from the Midwest (1 older than {window(catalog)} months)"
    )


def test_the_50_month_letter_of_the_audit(catalog: Catalog) -> None:
    result = returner(catalog, 50)
    assert result.back_home.likelihood == "high"
    assert any("written 50 months ago" in r for r in result.back_home.reasons)
