"""A text is read for its phrases once: padding is found from its sentences and words alone, so
the phrase lists are matched in the text as written (no padding) or with the padding left out,
never in both (the analyser's 2 ms budget for a 300-word answer)."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine import text as text_module
from matchtui.engine.practice import analyse


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def _count_scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    scan = text_module.PhraseIndex.scan

    def counted(self, text, tokens, sentence_starts=()):  # type: ignore[no-untyped-def]
        calls.append(len(tokens))
        return scan(self, text, tokens, sentence_starts)

    monkeypatch.setattr(text_module.PhraseIndex, "scan", counted)
    return calls


PLAIN = (
    "I went unmatched in 2021 after applying only to academic surgery programs. Since then I "
    "have worked as a research coordinator in Madison and passed Step 3 in 2024."
)


def test_an_answer_without_padding_is_read_once(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_scans(monkeypatch)
    feedback = analyse("what_happened", PLAIN, None, catalog)
    assert len(calls) == 1
    assert feedback.score > 0


def test_a_padded_answer_is_read_once_without_its_padding(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    padded = PLAIN + " " + PLAIN  # the second copy repeats the first, sentence for sentence
    calls = _count_scans(monkeypatch)
    analysed, padding, words = text_module.read_without_padding(
        padded, text_module.compiled(catalog)
    )
    assert len(calls) == 1
    assert [p.kind for p in padding] == ["repeat", "repeat"]
    assert words == text_module.count_words(PLAIN)
    # what was read is the text without its padding: the repeat's places are not hits
    second = len(PLAIN) + 1
    assert all(
        hit.start < second for name in ("what_happened", "readiness") for hit in analysed.hits(name)
    )
    assert analysed.hits("readiness")  # and the first copy is read
