"""A chance that is small is still a chance: the estimate never reports one as 0.0 (and so
"0%") unless it is nil. Found in the Mix pane as a graduate eleven years out with no recent
clinical work: "P(>=5) 0%" down to "P(>=20) 0%" with 80 applications, each a real if tiny
chance; P(K >= k) was worked out as 1 minus the sum below k, which loses anything under about
1e-16, and then rounded to six decimals."""

from __future__ import annotations

import tomllib
from typing import Any

from matchtui.commands.mix import render_text
from matchtui.engine.mix import at_least_of, estimate, pmf_of_probabilities, recommended_mix
from matchtui.engine.wording import percent, stored_chance
from matchtui.models.profile import Profile

GHOST = """
schema_version = 2
cycle_year = 2027
[applicant]
name = "Ghost"
situation = "not_in_training"
degree = "us_do"
graduation_year = 2016
home_region = "midwest"
lives_in = "midwest"
[exams]
step1 = "pass"
step2_score = 215
step3 = "not_taken"
[[history.cycles]]
year = 2016
specialty = "psychiatry"
outcome = "unmatched"
[[history.cycles]]
year = 2017
specialty = "psychiatry"
outcome = "unmatched"
[targets]
specialties = ["psychiatry"]
region = "midwest"
[clinical]
role = "none"
months_last_24 = 0
months_since_last = 90
"""


def test_a_tail_of_tiny_chances_keeps_its_size() -> None:
    pmf = pmf_of_probabilities([0.00025] * 80, 40)
    tails = at_least_of(pmf, [1, 5, 8, 20, 39])
    assert all(tails[k] > 0 for k in (1, 5, 8, 20, 39))
    assert tails[1] > tails[5] > tails[8] > tails[20] > tails[39]
    assert at_least_of(pmf_of_probabilities([0.5] * 3, 10), [4]) == {4: 0.0}  # none past 3


def test_a_stored_chance_is_nil_only_when_it_is() -> None:
    assert stored_chance(0.0) == 0.0
    assert stored_chance(0.1234567) == 0.123457
    assert 0 < stored_chance(2.3e-11) < 1e-10
    assert percent(stored_chance(2.3e-11)) == "<1%"


def test_the_estimate_shows_no_chance_as_nil_that_is_not(catalog: Any) -> None:
    profile = Profile.model_validate(tomllib.loads(GHOST))
    mix = recommended_mix(profile, catalog)
    result = estimate(profile, catalog, mix)
    assert result.total >= 20
    assert all(p > 0 for p in result.p_interviews_at_least.values())
    line = next(x for x in render_text(result, "Midwest").splitlines() if "P(>=" in x)
    assert "0%" not in line.replace("<1%", "")
