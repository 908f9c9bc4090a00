"""The estimate's earlier-cycles line says what it counts, in words the Reality check agrees with.

Found in audit E (e8): a preliminary year matched in 2020, then unmatched in 2021. The Mix
listed "Earlier unmatched cycles ... 2 cycles: -0.40" while the Reality check said "Went
unmatched before (1 cycle)". The estimate counts failed attempts (History.serious: unmatched,
or a preliminary year only), as mix.toml's note says ("each earlier unsuccessful cycle"), so the
count stays and the line is labelled for it and split into its two kinds."""

from __future__ import annotations

from typing import Any

from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, inputs_of
from matchtui.models.profile import Cycle, History
from tests.test_mix_engine import plan


def prelim_then_unmatched(profile: Any) -> Any:
    history = History(
        cycles=[
            Cycle(year=2020, specialty="general_surgery", outcome="matched", preliminary=True),
            Cycle(year=2021, specialty="general_surgery", outcome="unmatched"),
        ]
    )
    return profile.model_copy(update={"history": history})


def cycles_line(profile: Any, catalog: Any) -> Any:
    result = estimate(profile, catalog, plan(), risk_tier="high")
    found = [a for a in result.assumptions if "cycle" in a.name.lower()]
    assert len(found) == 1
    return found[0]


def test_a_preliminary_year_is_not_called_unmatched(demo_profile: Any, catalog: Any) -> None:
    profile = prelim_then_unmatched(demo_profile)
    assert inputs_of(profile, catalog).prior_cycles == 2  # the count itself is unchanged
    line = cycles_line(profile, catalog)
    assert "unmatched" not in line.name.lower()
    assert "without a lasting position" in line.name
    assert str(line.value).startswith(
        "2 cycles (1 unmatched, 1 ending in a preliminary year only): "
    )
    reality = assess(profile, catalog)
    reasons = [a.finding for a in reality.actions]
    assert "Went unmatched before (1 cycle)" in reasons


def test_unmatched_cycles_alone_are_not_split(demo_profile: Any, catalog: Any) -> None:
    history = History(cycles=[Cycle(year=2024, outcome="unmatched")])
    line = cycles_line(demo_profile.model_copy(update={"history": history}), catalog)
    assert str(line.value).startswith("1 cycle: ")
