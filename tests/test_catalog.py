from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import CATALOG_FILES, Catalog
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir
from matchtui.models.base import Sourced

FILE_NAMES = [entry.name for entry in CATALOG_FILES]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def problems_for(folder: Path) -> list[Any]:
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    return caught.value.problems


def test_bundled_catalog_loads(catalog: Catalog) -> None:
    assert set(catalog.origins) == set(FILE_NAMES)
    assert {"northeast", "midwest", "south", "west"} <= set(catalog.regions)
    required = {
        "internal_medicine",
        "family_medicine",
        "pediatrics",
        "psychiatry",
        "emergency_medicine",
        "anesthesiology",
        "general_surgery",
        "obgyn",
        "neurology",
        "dermatology",
        "orthopaedic_surgery",
        "otolaryngology",
        "plastic_surgery",
        "neurological_surgery",
        "diagnostic_radiology",
        "pathology",
        "pmr",
    }
    assert required <= set(catalog.specialties)


def test_every_state_is_in_exactly_one_region(catalog: Catalog) -> None:
    states = [s for region in catalog.regions.values() for s in region.states]
    assert len(states) == len(set(states)) == 51  # 50 states and DC
    assert catalog.region_of_state["IL"] == "midwest"
    assert catalog.region_of_state["TX"] == "south"


def test_specialty_figures_from_the_published_tables(catalog: Catalog) -> None:
    im = catalog.specialties["internal_medicine"]
    assert im.step2_means is not None and (im.step2_means.matched, im.step2_means.unmatched) == (
        251,
        234,
    )
    assert im.fill is not None and im.fill.fill_rate_pct == pytest.approx(96.7)
    assert im.reentry_feasibility is not None and im.reentry_feasibility.score == 80
    derm = catalog.specialties["dermatology"]
    assert derm.step2_distribution is not None
    assert (derm.step2_distribution.min, derm.step2_distribution.max) == (240, 270)
    assert derm.step2_distribution.reliability == "illustrative"


def _sourced_records(value: Any) -> list[Sourced]:
    from pydantic import BaseModel

    found: list[Sourced] = []
    if isinstance(value, Sourced):
        found.append(value)
    if isinstance(value, BaseModel):
        for field in type(value).model_fields:
            found.extend(_sourced_records(getattr(value, field)))
    elif isinstance(value, list | tuple):
        for item in value:
            found.extend(_sourced_records(item))
    elif isinstance(value, dict):
        for item in value.values():
            found.extend(_sourced_records(item))
    return found


def test_every_sourced_record_names_a_known_source(catalog: Catalog) -> None:
    records = [r for name in FILE_NAMES for r in _sourced_records(catalog._files[name])]
    assert len(records) > 50
    assert all(r.source in catalog.sources for r in records)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_unknown_top_level_key_is_reported_with_file_line_and_key(
    data_copy: Path, name: str
) -> None:
    path = data_copy / name
    path.write_text("bogus_key = 1\n" + path.read_text())
    problems = problems_for(data_copy)
    assert any(
        p.file == path and p.key == "bogus_key" and p.line == 1 and "unknown key" in p.message
        for p in problems
    ), problems


@pytest.mark.parametrize("name", FILE_NAMES)
def test_syntax_error_is_reported_with_line(data_copy: Path, name: str) -> None:
    path = data_copy / name
    lines = path.read_text().splitlines()
    lines.insert(3, "this is = = not toml")
    path.write_text("\n".join(lines) + "\n")
    problems = problems_for(data_copy)
    assert [(p.file, p.line) for p in problems] == [(path, 4)]
    assert "not valid TOML" in problems[0].message


@pytest.mark.parametrize("name", [n for n in FILE_NAMES if n != "sources.toml"])
def test_unknown_source_id_is_reported_with_key_path_and_line(data_copy: Path, name: str) -> None:
    path = data_copy / name
    text = path.read_text()
    match = re.search(r'^(\s*source\s*=\s*)"([a-z0-9_]+)"', text, re.M)
    assert match, f"{name} should carry sources"
    line = text[: match.start()].count("\n") + 1
    path.write_text(
        text[: match.start()] + match.group(1) + '"no_such_source"' + text[match.end() :]
    )
    problems = problems_for(data_copy)
    hit = [p for p in problems if "no_such_source" in p.message]
    assert len(hit) == 1 and hit[0].file == path and hit[0].line == line
    assert hit[0].key.endswith("source")


def test_every_problem_in_every_file_is_reported_at_once(data_copy: Path) -> None:
    for name in ("regions.toml", "fees.toml"):
        path = data_copy / name
        path.write_text("extra = true\n" + path.read_text())
    problems = problems_for(data_copy)
    assert {p.file.name for p in problems} == {"regions.toml", "fees.toml"}


def test_wrong_type_names_the_nested_key(data_copy: Path) -> None:
    path = data_copy / "fees.toml"
    text = path.read_text()
    path.write_text(re.sub(r"^default_season\s*=.*$", 'default_season = "soon"', text, flags=re.M))
    problems = problems_for(data_copy)
    assert problems[0].key == "default_season" and problems[0].line is not None


def test_partial_data_folder_falls_back_to_bundled_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(bundled_data_dir() / "fees.toml", folder / "fees.toml")
    catalog = Catalog.load(folder)
    assert catalog.origins["fees.toml"] == folder / "fees.toml"
    assert catalog.origins["regions.toml"] == bundled_data_dir() / "regions.toml"


def test_missing_folder_is_a_problem(tmp_path: Path) -> None:
    problems = problems_for(tmp_path / "nope")
    assert "not found" in problems[0].message


def test_lazy_catalog_validates_each_file_on_first_use(data_copy: Path) -> None:
    fees = data_copy / "fees.toml"
    fees.write_text("bogus_key = 1\n" + fees.read_text())
    catalog = Catalog.load(data_copy, lazy=True)
    assert "internal_medicine" in catalog.specialties  # untouched files work
    with pytest.raises(FileProblems) as caught:
        _ = catalog.fees
    assert caught.value.problems[0].file == fees and caught.value.problems[0].key == "bogus_key"
    with pytest.raises(FileProblems):  # and it keeps refusing, never caching a bad file
        _ = catalog.fees


def test_lazy_catalog_checks_source_ids_of_the_file_it_loads(data_copy: Path) -> None:
    regions = data_copy / "regions.toml"
    regions.write_text(
        regions.read_text().replace('source = "us_census_regions"', 'source = "nowhere"', 1)
    )
    catalog = Catalog.load(data_copy, lazy=True)
    with pytest.raises(FileProblems, match="nowhere"):
        _ = catalog.regions
