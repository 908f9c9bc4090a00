"""The Reality check reads the profile's stories again on every run, so their verdicts (and the
places a story names) are kept per catalog: the same text gives the same verdict without being
read again, an edited text is read afresh, and a caller cannot change what is kept."""

from __future__ import annotations

from typing import Any

from matchtui.engine.text import _MEMO_SIZE, judge_story, places_named

GENERIC = "I want to be closer to my family and I like the area a lot."
CONCRETE = (
    "I grew up in Madison, Wisconsin, and my parents still live there. Since 2023 I have "
    "worked as a research coordinator at a clinic in Milwaukee."
)


def test_the_same_story_is_judged_once_and_an_edited_one_afresh(catalog: Any) -> None:
    first = judge_story("why_home", GENERIC, catalog)
    assert judge_story("why_home", GENERIC, catalog) is first  # kept
    edited = judge_story("why_home", CONCRETE, catalog)
    assert edited.quality == "concrete" and first.quality != "concrete"
    assert judge_story("why_home", GENERIC, catalog) == first
    # the kind is part of the key: the same text read as another story is judged as that one
    assert judge_story("plan_b", GENERIC, catalog).kind == "plan_b"


def test_only_the_last_few_texts_are_kept(catalog: Any) -> None:
    first = judge_story("why_now", "text 0", catalog)
    for n in range(1, _MEMO_SIZE + 2):
        judge_story("why_now", f"text {n}", catalog)
    again = judge_story("why_now", "text 0", catalog)
    assert again == first and again is not first  # pushed out, judged again, the same verdict


def test_places_named_gives_a_list_of_its_own_to_each_caller(catalog: Any) -> None:
    named = places_named(CONCRETE, catalog)
    assert [p.written for p in named] == ["Wisconsin", "Milwaukee"]
    named.clear()
    assert [p.written for p in places_named(CONCRETE, catalog)] == ["Wisconsin", "Milwaukee"]
