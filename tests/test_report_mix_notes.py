"""The report's Program mix section says what its figures rest on, as the pane and `matchtui
mix` do: whether they are calibrated (and to what), why the range is wide, and why the
in-region figure can read higher than the back-home rating. It printed the figures alone."""

from __future__ import annotations

import datetime as dt

from matchtui.catalog import Catalog
from matchtui.engine.mix import recommended_mix
from matchtui.engine.report import build_report, to_text
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from tests.test_mix_region_note import ghost


def mix_text(profile: Profile, catalog: Catalog) -> str:
    plan = PlanFile(mix=recommended_mix(profile, catalog))
    report = build_report(profile, catalog, today=dt.date(2026, 11, 30), plan=plan, practice=None)
    text = to_text(report)
    return text[text.index("Program mix") : text.index("Interview practice")]


def test_the_calibration_and_range_notes_are_in_the_report(
    demo_profile: Profile, catalog: Catalog
) -> None:
    text = " ".join(mix_text(demo_profile, catalog).split())
    assert "Calibrated. Anchored to the 2025 match rate of US MD prior graduates (45.9%)" in text


def test_the_region_note_is_in_the_report(catalog: Catalog) -> None:
    text = " ".join(mix_text(ghost(), catalog).split())
    assert "Calibrated. Anchored to the 2025 match rate of US MD seniors" in text
    assert "The Reality check rates matching in the West very low" in text
