"""A letter written abroad is not the letter from someone who supervised real work.

Found in audit E (e2 with her Amman letters 6 months old): a non-US IMG whose only US letter is
from an observership (the writer did not see her real work) was rated "Letters: ready ... 2
recent from someone who supervised your real work" on two letters written in Amman. The re-entry
article asks for current letters "from people in US healthcare" (article 003, l.117). Such
letters still count as recent and by specialty; the setting is data (readiness.toml [letters]
real_work_abroad_counts, with the rule's source and reliability)."""

from __future__ import annotations

from typing import Any

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess, rules_of
from tests.test_assess_engine import make

AMMAN = {"specialty": "pediatrics", "region": "abroad", "months_ago": 6, "saw_real_work": True}
OBSERVERSHIP = {
    "specialty": "family_medicine",
    "region": "midwest",
    "months_ago": 5,
    "saw_real_work": False,
}


def e2_like(letters: list[dict[str, Any]]) -> Any:
    return make(
        applicant__degree="non_us_img",
        targets__specialties=["family_medicine"],
        letters=letters,
    )


def test_letters_from_abroad_do_not_vouch_for_real_work(catalog: Catalog) -> None:
    result = assess(e2_like([OBSERVERSHIP, AMMAN, AMMAN]), catalog)
    letters = result.letters
    assert (letters.recent, letters.in_specialty, letters.saw_real_work) == (3, 3, 0)
    assert letters.verdict == "short"
    assert "written outside the US" in letters.reasons[2]
    assert "someone in US healthcare" in letters.reasons[2]
    # the next steps ask for the missing letter, for the reason given
    assert any(
        a.finding_id == "letters.short_real_work" and "written outside the US" in a.finding
        for a in result.actions
    )


def test_a_us_letter_from_real_work_makes_them_ready(catalog: Catalog) -> None:
    supervised = {**OBSERVERSHIP, "saw_real_work": True}
    letters = assess(e2_like([supervised, AMMAN, AMMAN]), catalog).letters
    assert letters.verdict == "ready" and letters.saw_real_work == 1
    assert letters.reasons[2].startswith("1 recent from someone who supervised your real work")


def test_the_setting_is_data(catalog: Catalog) -> None:
    rule = rules_of(catalog).readiness.letters
    assert rule.real_work_abroad_counts is False
    assert rule.source in catalog.sources and rule.reliability
