"""The story verdict's quotes drop a phrase that is a run of a longer one ('Clinic' of 'Mayo
Clinic'). Done pair by pair it took ~1.7 ms of a 300-word answer's 2.8 ms analysis
(`bench.bench_engine`); gathered as runs it must drop exactly the same terms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from matchtui.engine.text import _without_parts


def pairwise(terms: list[str]) -> list[str]:
    """The pair-by-pair reading, as it was."""
    words = [tuple(t.lower().split()) for t in terms]

    def inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
        n = len(part)
        return n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))

    return [t for t, w in zip(terms, words, strict=True) if not any(inside(w, o) for o in words)]


WORD = st.sampled_from(["Mayo", "Clinic", "clinic", "Step", "3", "free", "Rochester", "2025"])
TERM = st.lists(WORD, max_size=4).map(" ".join)


@given(st.lists(TERM, max_size=12))
def test_runs_drop_what_pairs_dropped(terms: list[str]) -> None:
    assert _without_parts(terms) == pairwise(terms)


def test_a_part_of_a_longer_detail_is_dropped() -> None:
    assert _without_parts(["Mayo Clinic", "Clinic", "Rochester", "clinic"]) == [
        "Mayo Clinic",
        "Rochester",
    ]
