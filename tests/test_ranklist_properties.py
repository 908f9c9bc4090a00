"""Property tests (hypothesis) for the rank list odds, as issue 17 lists them: per-rank
probabilities and P(unmatched) sum to 1; adding a program at the end never raises P(unmatched);
moving a program up never lowers its own P(match here); couples probabilities sum to 1 and the
exact enumeration agrees with a direct computation on small cases (Monte Carlo within its error).
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from matchtui.engine.ranklist import (
    CouplePair,
    Side,
    couples_exact,
    couples_lines,
    couples_monte_carlo,
    couples_odds,
    odds,
    ranklist_data,
)

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
EPSILON = 1e-9

chance = st.floats(0.0, 1.0, allow_nan=False)
chances = st.lists(chance, min_size=0, max_size=40)


@SETTINGS
@given(chances)
def test_per_rank_and_unmatched_sum_to_one(cs: list[float]) -> None:
    here, unmatched = odds(cs)
    assert len(here) == len(cs)
    assert all(-EPSILON <= p <= 1 + EPSILON for p in here)
    assert math.isclose(sum(here) + unmatched, 1.0, abs_tol=1e-9)


@SETTINGS
@given(chances, chance)
def test_adding_a_program_at_the_end_never_raises_unmatched(cs: list[float], extra: float) -> None:
    assert odds([*cs, extra])[1] <= odds(cs)[1] + EPSILON


@SETTINGS
@given(st.lists(chance, min_size=2, max_size=30), st.data())
def test_moving_a_program_up_never_lowers_its_own_chance_here(
    cs: list[float], data: st.DataObject
) -> None:
    index = data.draw(st.integers(1, len(cs) - 1))
    to = data.draw(st.integers(0, index - 1))
    before = odds(cs)[0][index]
    moved = list(cs)
    item = moved.pop(index)
    moved.insert(to, item)
    assert odds(moved)[0][to] >= before - EPSILON


def test_worked_example() -> None:
    here, unmatched = odds([0.3, 0.2, 0.5])
    assert [round(p, 6) for p in here] == [0.3, 0.14, 0.28]
    assert math.isclose(unmatched, 0.28)


# --- couples --------------------------------------------------------------------------------------

PROGRAMS_A = ("A1", "A2", "A3", "A4")
PROGRAMS_B = ("B1", "B2", "B3", "B4")


@st.composite
def couple_lists(draw: st.DrawFn, size: int = 4) -> list[CouplePair]:
    a_chances = {p: draw(chance) for p in PROGRAMS_A[:size]}
    b_chances = {p: draw(chance) for p in PROGRAMS_B[:size]}
    n = draw(st.integers(1, 10))
    pairs = []
    for _ in range(n):
        a = draw(st.sampled_from([None, *PROGRAMS_A[:size]]))
        b = draw(st.sampled_from([*PROGRAMS_B[:size]] if a is None else [None, *PROGRAMS_B[:size]]))
        pairs.append(
            CouplePair(
                Side(a and f"a:{a}", a or "no_match", a_chances[a] if a else 1.0, None),
                Side(b and f"b:{b}", b or "no_match", b_chances[b] if b else 1.0, None),
            )
        )
    return pairs


def brute_force(pairs: list[CouplePair]) -> list[float]:
    """A second, independent way: walk every world, find the first pair that works."""
    keys = sorted({s.key for p in pairs for s in (p.a, p.b) if s.key})
    chance_of = {s.key: s.chance for p in pairs for s in (p.a, p.b) if s.key}
    out = [0.0] * 4
    for world in itertools.product((0, 1), repeat=len(keys)):
        took = dict(zip(keys, world, strict=True))
        w = math.prod(chance_of[k] if took[k] else 1 - chance_of[k] for k in keys)
        result = 3
        for p in pairs:
            if (p.a.key is None or took[p.a.key]) and (p.b.key is None or took[p.b.key]):
                result = 0 if p.a.key and p.b.key else (1 if p.a.key else 2)
                break
        out[result] += w
    return out


@SETTINGS
@given(couple_lists())
def test_couples_exact_sums_to_one_and_matches_brute_force(pairs: list[CouplePair]) -> None:
    result = couples_exact(pairs)
    total = result.p_both + result.p_only_a + result.p_only_b + result.p_neither
    assert math.isclose(total, 1.0, abs_tol=1e-9)
    expected = brute_force(pairs)
    got = [result.p_both, result.p_only_a, result.p_only_b, result.p_neither]
    assert all(math.isclose(g, e, abs_tol=1e-9) for g, e in zip(got, expected, strict=True))
    assert result.method == "exact" and result.error == 0.0


@settings(max_examples=15, deadline=None)
@given(couple_lists())
def test_monte_carlo_within_its_error_of_exact(pairs: list[CouplePair]) -> None:
    exact = couples_exact(pairs)
    mc = couples_monte_carlo(pairs, samples=4000, seed=3)
    assert math.isclose(mc.p_both + mc.p_only_a + mc.p_only_b + mc.p_neither, 1.0, abs_tol=1e-9)
    # 5 standard errors (the reported error is the largest of the four), plus one draw's worth.
    slack = 5 * max(mc.error, math.sqrt(0.25 / 4000) / 10) + 1 / 4000
    for e, m in (
        (exact.p_both, mc.p_both),
        (exact.p_only_a, mc.p_only_a),
        (exact.p_only_b, mc.p_only_b),
        (exact.p_neither, mc.p_neither),
    ):
        assert abs(e - m) <= slack


def test_large_couples_lists_use_seeded_monte_carlo(catalog: Any) -> None:
    data = ranklist_data(catalog)
    limit = int(data.couples_method.exact_max_programs.value)
    pairs = [
        CouplePair(Side(f"a:{i}", f"A{i}", 0.2, None), Side(f"b:{i}", f"B{i}", 0.3, None))
        for i in range(limit)  # 2 x limit distinct chances: over the exact limit
    ]
    first = couples_odds(pairs, data)
    again = couples_odds(pairs, data)
    assert first.method == "monte_carlo"
    assert first == again  # seeded: the same lists give the same numbers
    assert 0 < first.error < 0.01
    total = first.p_both + first.p_only_a + first.p_only_b + first.p_neither
    assert math.isclose(total, 1.0, abs_tol=1e-9)
    # Independent pairs: P(no pair works) = prod(1 - 0.2 x 0.3)
    assert abs(first.p_neither - (1 - 0.06) ** limit) <= 5 * first.error


def shown_figures(odds: Any) -> list[int]:
    """The four outcomes as `couples_lines` shows them, in points ("<1%" is no point)."""
    out = []
    for line in couples_lines(odds)[:4]:
        text = line.split()[-1]
        out.append(0 if text == "<1%" else 100 if text == ">99%" else int(text.removesuffix("%")))
    return out


@SETTINGS
@given(couple_lists())
@example(  # partner A at 3%, B at 50%: 1.5 + 1.5 + 0 + 97 read 2 + 2 + 0 + 97 = 101
    [
        CouplePair(Side("a:A1", "A1", 0.03, None), Side("b:B1", "B1", 0.5, None)),
        CouplePair(Side("a:A1", "A1", 0.03, None), Side(None, "no_match", 1.0, None)),
    ]
)
@example(  # only B, certain: its terms summed to 1.0000000000000002 (found by Hypothesis)
    [
        CouplePair(Side(None, "no_match", 1.0, None), Side("b:B1", "B1", 0.2, None)),
        CouplePair(Side(None, "no_match", 1.0, None), Side("b:B2", "B2", 0.9, None)),
        CouplePair(Side(None, "no_match", 1.0, None), Side("b:B3", "B3", 1.0, None)),
    ]
)
def test_couples_shown_figures_add_to_100_each_within_a_point(pairs: list[CouplePair]) -> None:
    """Each outcome was rounded on its own: shown as whole percents the four could add to 99
    or 101. Split once by largest remainder, they add to 100, each within a point of its exact
    value, and one that is neither nil nor certain never reads as either."""
    for result in (couples_exact(pairs), couples_monte_carlo(pairs, samples=500, seed=5)):
        exact = [result.p_both, result.p_only_a, result.p_only_b, result.p_neither]
        shown = shown_figures(result)
        assert sum(shown) == 100, (shown, exact)
        assert all(abs(s - 100 * e) < 1 + EPSILON for s, e in zip(shown, exact, strict=True))
        texts = [line.split()[-1] for line in couples_lines(result)[:4]]
        assert all(t != "0%" or e == 0 for t, e in zip(texts, exact, strict=True))
        assert all(t != "100%" or e == 1 for t, e in zip(texts, exact, strict=True))
