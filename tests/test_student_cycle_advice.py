"""A first cycle's advice is written for the applicant's situation.

Found reading the report of a third-year student aiming at the 2028 Match: its Cycles section
said "Make it count: recent clinical work, Step 3 done, ..." (the returner's list: Step 3 comes
after graduation) and offered "a non-residency plan B". A student is now told about clerkship
letters and Match Week; a resident that finishing the residency they hold is the fallback; a
graduate out of training reads the returner's advice as before."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.engine.plan import plan_for
from matchtui.errors import FileProblems
from matchtui.models.profile import Profile
from tests.test_plan_engine import edit

TODAY = dt.date(2026, 12, 4)


def advice(profile: Profile, catalog: Catalog) -> str:
    return plan_for(profile, catalog, None, TODAY).cycles.advice_text


def test_a_student_is_not_asked_for_step_3(demo_profile: Profile, catalog: Catalog) -> None:
    student = edit(
        demo_profile,
        applicant={"situation": "in_school", "graduation_year": 2028},
        cycle_year=2028,
        history={"cycles": []},
    )
    text = advice(student, catalog)
    assert "Step 3" not in text and "clerkships" in text and "SOAP" in text


def test_a_resident_falls_back_on_the_residency_they_hold(
    demo_profile: Profile, catalog: Catalog
) -> None:
    resident = edit(
        demo_profile,
        applicant={"situation": "in_training", "training_region": "south"},
        history={"cycles": []},
    )
    text = advice(resident, catalog)
    assert "finishing the residency you hold" in text and "program director" in text


def test_a_returner_reads_the_returners_advice(demo_profile: Profile, catalog: Catalog) -> None:
    returner = edit(demo_profile, history={"cycles": []})
    assert returner.applicant.situation == "not_in_training"
    assert "Step 3 done" in advice(returner, catalog)


def test_a_situation_left_without_advice_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    steps = folder / "steps.toml"
    steps.write_text(
        steps.read_text(encoding="utf-8").replace(
            'situations = ["in_training"]', 'situations = ["in_school"]'
        )
    )
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    found = {(p.file.name, p.message) for p in caught.value.problems}
    assert found == {
        ("steps.toml", "cycle verdict 'first' needs exactly one entry for 'in_school' (found 2)"),
        ("steps.toml", "cycle verdict 'first' needs exactly one entry for 'in_training' (found 0)"),
    }
