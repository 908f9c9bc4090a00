"""A row with a known city and no state is told where that city is.

Found importing a spreadsheet whose state column was blank for some rows: "state: required, but
empty" left the applicant to look up each city. The message now names the state of a city the
reference list holds ("Chicago is in IL"), or each state of a shared name; the row is still
refused, as the state decides the program's region."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main


def test_an_empty_state_beside_a_known_city_names_its_state(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "name,city,state,specialty,tier\n"
        "Lake IM,Chicago,,internal_medicine,academic\n"
        "Rose IM,Portland,,internal_medicine,community\n"
        "Hill IM,Smallville,,internal_medicine,community\n",
        encoding="utf-8",
    )
    assert main(["programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: state: required, but empty (Chicago is in IL)" in err
    assert f"{path}:3: state: required, but empty (cities named Portland are in OR and ME)" in err
    assert f"{path}:4: state: required, but empty\n" in err  # a city the list does not hold
    assert not (home / "programs.toml").exists()


def test_states_of_city(catalog: Catalog) -> None:
    assert catalog.states_of_city("chicago") == ("IL",)
    assert catalog.states_of_city("Saint Louis") == ("MO",)  # another spelling
    assert catalog.states_of_city("Atlantis") == ()
