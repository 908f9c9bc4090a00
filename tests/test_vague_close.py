"""A close that looks ahead at nothing it names ("I'm working on it.", "I will do my best.")
is a weak close, not a pass: the lexicon's `vague_forward`. A close that names the step, the
time, or holds any concrete detail still passes, whatever vague words it also holds."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.practice import analyse
from tests.test_care_given_and_denials import result_of

_WEAKNESS = "My weakness is presenting on rounds: I rush. "


@pytest.mark.parametrize(
    ("close", "quoted"),
    [
        ("I'm working on it.", "working on it"),
        ("I am working on that.", "working on that"),
        ("I will do my best.", "do my best"),
        ("I'll keep trying.", "keep trying"),
        ("I am going to keep working hard.", "keep working hard"),
        ("I will continue to improve.", "continue to improve"),
    ],
)
def test_a_look_ahead_that_names_no_step_is_a_weak_close(
    catalog: Any, close: str, quoted: str
) -> None:
    result = result_of("greatest_weakness", _WEAKNESS + close, catalog, "forward_close")
    assert result.status == "warn"
    assert f'"{quoted}"' in result.detail
    assert "names no step" in result.detail


@pytest.mark.parametrize(
    "close",
    [
        # the step named beside the vague words
        "I will apply broadly and do my best.",
        # a detail in the close: how, when
        "I'm working on it with a three-line summary I write before rounds since June.",
        "I'm working on it every Tuesday with my mentor, Dr. Alvarez.",
        "As an intern I will do my best on every presentation in 2027.",
        # a plan to stay is a plan
        "I will do my best to stay in Oregon long term.",
        # a plain plan
        "I will write a three-line summary before every presentation.",
    ],
)
def test_a_close_that_names_its_step_still_looks_ahead(catalog: Any, close: str) -> None:
    result = result_of("greatest_weakness", _WEAKNESS + close, catalog, "forward_close")
    assert result.status == "pass", result.detail


def test_the_vague_words_do_not_count_in_the_middle_of_an_answer(catalog: Any) -> None:
    """Only the last sentence is read for a vague close: an earlier "I'm working on it" before a
    close that names a step changes nothing."""
    text = _WEAKNESS + "I'm working on it. Next month I will present twice a week to my senior."
    assert result_of("greatest_weakness", text, catalog, "forward_close").status == "pass"


def test_a_data_folder_without_the_list_reads_such_a_close_as_before(tmp_path: Any) -> None:
    """`vague_forward` is optional: a lexicon written before it still loads, and "I'm working
    on it." then looks ahead as it always did."""
    import shutil

    from matchtui.locations import bundled_data_dir

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    lexicon = data / "lexicon.toml"
    text = lexicon.read_text(encoding="utf-8")
    start = text.index("[vague_forward]")
    end = text.index("[regret]")
    lexicon.write_text(text[:start] + text[end:], encoding="utf-8")
    old = Catalog.load(data)
    result = analyse("greatest_weakness", _WEAKNESS + "I'm working on it.", None, old)
    assert result.check("forward_close").status == "pass"
