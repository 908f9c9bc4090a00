"""Calibration: the default model reproduces the published aggregates it can be held to, within
5 percentage points. One test per anchor in data/mix.toml ([[anchors]]).

How each anchor is run (engine.mix.anchor_value):
* the applicant is a final-year student of the anchor's degree (no re-entry risk: risk tier
  "not_applicable", factor 1.0), with no ties listed;
* for each of the anchor's specialties the applicant takes the preset the app recommends for that
  profile and specialty (its mix, list length, target-region share) and uses every program signal
  the specialty offers, unless the anchor fixes applications or signals;
* P(match) is averaged over the specialties, weighted by the 2025 PGY-1 positions applicants of
  that degree filled (filled positions x their share, specialties.toml fill figures).
"""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.engine.mix import anchor_estimate, anchor_profile, anchor_value, anchor_weight
from matchtui.models.mix import Anchor, mix_data


def anchor(catalog: Any, anchor_id: str) -> Anchor:
    found = [a for a in mix_data(catalog).anchors if a.id == anchor_id]
    assert len(found) == 1, f"anchor {anchor_id} is not in mix.toml"
    return found[0]


def check(catalog: Any, anchor_id: str) -> float:
    record = anchor(catalog, anchor_id)
    value = anchor_value(record, catalog)
    assert abs(value - record.target_pct) <= record.tolerance_pp == 5.0, (
        f"{record.description}: model {value:.1f}% vs published {record.target_pct}%"
    )
    return value


def test_every_anchor_has_its_own_test(catalog: Any) -> None:
    assert [a.id for a in mix_data(catalog).anchors] == [
        "us_md_seniors",
        "non_us_img",
        "apply_smart_em",
    ]


def test_us_md_senior_pgy1_match_rate(catalog: Any) -> None:
    """93.5% of US MD seniors matched to PGY-1 in 2025 (AMA report of NRMP data).

    Profile: US MD M4, target region = home region (ties factor applies). Mix: the recommended
    preset per specialty (standard 20/45/35 x 40 applications for open specialties, competitive
    25/45/30 x 60, very competitive 30/45/25 x 90), all signals, over the eleven largest
    categorical specialties weighted by US MD senior fills.
    """
    record = anchor(catalog, "us_md_seniors")
    assert record.degree == "us_md" and record.ties
    value = check(catalog, "us_md_seniors")
    assert 88.5 <= value <= 98.5


def test_non_us_img_pgy1_match_rate(catalog: Any) -> None:
    """58% of non-US-citizen IMGs matched to PGY-1 in 2025 (AMA report of NRMP data).

    Profile: non-US IMG in the final year, needs a visa, no tie to the target region. Mix: the IMG
    preset (10/30/60, 100 applications, 30% in the target region), all signals, over nine
    specialties weighted by non-US IMG fills.
    """
    record = anchor(catalog, "non_us_img")
    assert record.degree == "non_us_img" and not record.ties
    profile = anchor_profile(record, catalog, "internal_medicine")
    assert profile.is_img and profile.applicant.visa == "needs_sponsorship"
    estimate = anchor_estimate(record, catalog, "internal_medicine")
    assert estimate.preset.id == "img" and estimate.total == 100
    check(catalog, "non_us_img")


def test_apply_smart_emergency_medicine_case(catalog: Any) -> None:
    """AAMC Apply Smart (ERAS 2010-2015): a US MD applicant to emergency medicine with Step 1 of
    234 or more had about an 80% chance of matching at about 18 applications.

    Profile: US MD M4, target region = home region. Mix: the recommended standard preset
    (20/45/35, 50% in region) but 18 applications and no signals (there were none then). The
    model has no Step score input: the case stands for a typical, not a weak, US MD applicant.
    """
    record = anchor(catalog, "apply_smart_em")
    estimate = anchor_estimate(record, catalog, "emergency_medicine")
    assert estimate.total == 18 and estimate.signals_used == 0
    assert estimate.shares.as_tuple() == (20, 45, 35)
    check(catalog, "apply_smart_em")


def test_anchor_weights_come_from_the_fill_figures(catalog: Any) -> None:
    record = anchor(catalog, "us_md_seniors")
    im = catalog.specialties["internal_medicine"].fill
    assert anchor_weight(record, catalog, "internal_medicine") == pytest.approx(
        im.filled * im.us_md_pct / 100
    )
    for specialty in record.specialties:
        assert anchor_weight(record, catalog, specialty) > 0


def test_orthopaedic_interviews_sit_near_the_survey_means(catalog: Any) -> None:
    """A check beside the anchors: with the very-competitive preset (90 applications, all 30
    signals) a US MD orthopaedic applicant expects about the 11-12 invitations the JBJS Open
    Access 2023 survey reported (9 from signalled programs, 2 from the rest)."""
    record = anchor(catalog, "us_md_seniors")
    estimate = anchor_estimate(record, catalog, "orthopaedic_surgery")
    assert estimate.total == 90 and estimate.signals_used == 30
    assert 9.0 <= estimate.expected_interviews <= 14.0
