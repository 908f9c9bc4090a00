"""An observership where a graduate lives, in the target region, is presence there.

Found as a non-US IMG graduate living in the Northeast, four months into an observership at a
Worcester hospital: the Reality check said "Rotation or clinical work in the Northeast: none",
though its own advice to graduates with none is "a clinical job, a research post or a recurring
observership where its physicians see your work". back_home.toml [away] `local_roles` now holds
the observership (it still rates only middle for the clinical gap), and a graduate's scenario
names clinical work in the region, not an away rotation."""

from __future__ import annotations

from typing import Any

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from matchtui.models.profile import Profile
from tests.test_assess_engine import make

PARTNER = [{"kind": "partner", "region": "midwest"}]


def observer(**changes: Any) -> Profile:
    base: dict[str, Any] = {
        "ties": PARTNER,
        "clinical__role": "observership",
        "clinical__months_last_24": 4,
        "clinical__months_since_last": 0,
    }
    return make(**{**base, **changes})


def test_an_observership_where_you_live_counts_as_presence(catalog: Catalog) -> None:
    result = assess(observer(), catalog)
    bh = result.back_home
    assert "Rotation or clinical work in the Midwest: yes (observership, where you live)" in (
        bh.reasons
    )
    assert bh.scenario == "ties_away_letters"
    assert bh.scenario_label == "Strong ties, clinical work in the region and letters from there"
    assert bh.reasons[0].startswith("Scenario: Strong ties, clinical work in the region")
    assert "away_rotation" not in [a.id for a in result.actions]
    # The clinical gap still rates it no better than middle.
    gap = next(f for f in result.risk.factors if f.id == "clinical_gap")
    assert gap.level == "middle"


def test_an_observership_elsewhere_or_long_over_is_not(catalog: Catalog) -> None:
    away = assess(observer(applicant__current_region="south"), catalog).back_home
    assert "Rotation or clinical work in the Midwest: none" in away.reasons
    over = assess(observer(clinical__months_since_last=12), catalog).back_home
    assert "Rotation or clinical work in the Midwest: none" in over.reasons


def test_a_student_keeps_the_away_rotation_wording(catalog: Catalog) -> None:
    student = make(
        applicant__stage="student",
        applicant__graduation_year=2027,
        applicant__current_region="south",
        ties=PARTNER,
        rotations=[{"region": "midwest", "status": "done"}],
    )
    bh = assess(student, catalog).back_home
    assert bh.scenario == "ties_away_letters"
    assert bh.scenario_label == "Strong ties, an away rotation and letters from the region"
