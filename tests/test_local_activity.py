"""A trip to a city is no local activity.

Found trying the why-region questions as a returner: "My family and I visited Seattle every
summer." passed Local activity as "Repeated local activity" ("visited" with "every"), so a
tourist's answer scored as one that showed rotations or work there. "visited" now counts only
with a program or a place of work in the next few words of its sentence (lexicon.toml
[local_activity], the `before_any` condition)."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import practice, text
from matchtui.models.practice import CheckResult

TRIPS = {
    "city": "My family and I visited Seattle every summer. I plan to stay in Washington.",
    "beaches": "I visited the beaches twice a year. I plan to stay in California.",
    "next_sentence": "I visited Austin again. The program there is great. I plan to stay.",
}

VISITS = {
    "program": "I visited the program in March. I plan to stay in Ohio for good.",
    "clinic": "I visited your family medicine clinic twice last year. I plan to stay.",
    "lab": "I visited Dr Shah's lab in 2024. I plan to stay in Ohio for good.",
    "programs": "I visited programs across Ohio every month. I plan to stay.",
}


def _activity(answer: str, catalog: Catalog) -> CheckResult:
    feedback = practice.analyse("why_region", answer, None, catalog)
    return next(check for check in feedback.checks if check.id == "local_activity")


@pytest.mark.parametrize("answer", TRIPS.values(), ids=TRIPS.keys())
def test_a_trip_is_no_local_activity(catalog: Catalog, answer: str) -> None:
    check = _activity(answer, catalog)
    assert check.status == "fail", check.detail
    assert "visited" not in check.matches


@pytest.mark.parametrize("answer", VISITS.values(), ids=VISITS.keys())
def test_a_visit_to_a_program_or_a_workplace_counts(catalog: Catalog, answer: str) -> None:
    check = _activity(answer, catalog)
    assert check.status in ("pass", "warn"), check.detail
    assert "visited" in check.matches


def test_before_any_looks_four_words_ahead_within_the_sentence() -> None:
    from matchtui.models.lexicon import PhraseEntry

    matcher = text.Matcher([PhraseEntry(phrase="visited", before_any=["clinic"])])
    assert [h.found for h in matcher.find("We visited the new rural health clinic.")] == []
    assert [h.found for h in matcher.find("We visited the rural health clinic.")] == ["visited"]
    assert matcher.find("We visited Reno. The clinic is new.") == []


KEEPING_UP = {
    "grand rounds": (
        "Since January I have attended the monthly grand rounds in Sacramento.",
        "grand rounds",
    ),
    "coordinators": (
        "I emailed three program coordinators in Oregon in 2025.",
        "program coordinators",
    ),
    "letters": ("Two physicians in Davis are writing my letters this fall.", "writing my letters"),
}


@pytest.mark.parametrize(("sentence", "phrase"), KEEPING_UP.values(), ids=KEEPING_UP.keys())
def test_keeping_up_with_the_regions_programs_counts(
    catalog: Catalog, sentence: str, phrase: str
) -> None:
    check = _activity(f"{sentence} I plan to stay in California for good.", catalog)
    assert check.status in ("pass", "warn"), check.detail
    assert phrase in check.matches
