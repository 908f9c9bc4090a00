"""The Reality check's rules are data: an advisor edits a TOML threshold and the verdict moves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.engine.assess import assess
from matchtui.errors import FileProblems
from matchtui.models.profile import Profile


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text()
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, pattern
    path.write_text(new)


def test_editing_the_years_threshold_moves_the_demo_verdict(
    data_copy: Path, demo_profile: Profile, catalog: Catalog
) -> None:
    before = assess(demo_profile, catalog)
    assert before.factor("years_since_graduation").level == "higher"  # type: ignore[union-attr]
    assert before.risk.tier == "moderate"
    edit(data_copy / "risk.toml", r"^higher_min = 5", "higher_min = 7")
    after = assess(demo_profile, Catalog.load(data_copy))
    factor = after.factor("years_since_graduation")
    assert factor is not None and factor.level == "middle"
    assert "7+" in factor.reason
    assert after.risk.tier == "low"
    assert after.action("apply_broadly_community") is None


def test_counting_planned_rotations_moves_back_home(data_copy: Path, demo_profile: Profile) -> None:
    edit(data_copy / "back_home.toml", r"^count_planned = false", "count_planned = true")
    result = assess(demo_profile, Catalog.load(data_copy))
    assert result.back_home.likelihood == "very_high"


def test_action_order_follows_the_file(data_copy: Path, demo_profile: Profile) -> None:
    path = data_copy / "actions.toml"
    text = path.read_text()
    blocks = text.split("[[actions]]")
    soap = next(b for b in blocks if 'id = "soap_ready"' in b)
    blocks.remove(soap)
    blocks.insert(1, soap)
    path.write_text("[[actions]]".join(blocks))
    result = assess(demo_profile, Catalog.load(data_copy))
    assert result.actions[0].id == "soap_ready"


def test_action_text_is_data(data_copy: Path, demo_profile: Profile) -> None:
    edit(
        data_copy / "actions.toml",
        r'^text = "Have documents.*$',
        'text = "Keep a SOAP folder for {region}."',
    )
    result = assess(demo_profile, Catalog.load(data_copy))
    action = result.action("soap_ready")
    assert action is not None and action.text == "Keep a SOAP folder for the Midwest."


def problems(folder: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    return [str(p) for p in caught.value.problems]


def test_unknown_specialty_in_risk_lists_is_reported(data_copy: Path) -> None:
    edit(data_copy / "risk.toml", r'^higher = \["dermatology"', 'higher = ["dermatolgy"')
    found = problems(data_copy)
    assert any("risk.toml" in p and "specialty_target.higher[0]" in p for p in found), found


def test_unknown_finding_and_missing_action_are_reported(data_copy: Path) -> None:
    path = data_copy / "actions.toml"
    edit(path, r'^when = \["history.unmatched"', 'when = ["history.unmached"')
    edit(path, r'^id = "visa_programs"', 'id = "visa_programmes"')
    found = problems(data_copy)
    assert any("unknown finding 'history.unmached'" in p for p in found), found
    assert any("'visa_programs' is missing" in p for p in found), found


def test_unknown_finding_in_unless_is_reported(data_copy: Path) -> None:
    edit(
        data_copy / "actions.toml", r'^unless = \["exams.step1_open"', 'unless = ["exams.step1_opn"'
    )
    found = problems(data_copy)
    assert any("unknown finding 'exams.step1_opn'" in p and "unless" in p for p in found), found


def test_inverted_thresholds_are_rejected_with_line(data_copy: Path) -> None:
    edit(data_copy / "risk.toml", r"^higher_min = 5", "higher_min = 2")
    found = problems(data_copy)
    assert any("risk.toml" in p and "higher_min must be greater" in p for p in found), found


def test_assumed_must_name_real_keys(data_copy: Path) -> None:
    edit(data_copy / "readiness.toml", r'^assumed = \["plan_b_min_words"\]', 'assumed = ["nope"]')
    found = problems(data_copy)
    assert any("readiness.toml" in p and "nope" in p for p in found), found


def test_back_home_needs_a_fallback_scenario(data_copy: Path) -> None:
    path = data_copy / "back_home.toml"
    text = path.read_text()
    path.write_text(text[: text.rindex("[[scenarios]]")])
    found = problems(data_copy)
    assert any("fallback" in p for p in found), found
