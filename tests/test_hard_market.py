"""A specialty among the tightest in one of the most sought-after markets is named as such.

The match-back-home article says going back to California, New York City or Seattle for
dermatology, orthopaedics, ENT, plastics or integrated vascular surgery is hard from anywhere:
the market, not the region, is the problem. The Reality check said nothing of it; it now names
the market the applicant's why-home story or tie notes name, and the list is to be broadened
(back_home.toml [hard_market])."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import returner

SAN_DIEGO = (
    "I grew up in San Diego and my parents still live there. I plan to settle near them for "
    "good and build my practice in Southern California."
)


def west(**changes: Any) -> Any:
    return returner(
        targets__region="west",
        targets__divisions=["pacific"],
        applicant__home_region="west",
        **changes,
    )


def test_dermatology_in_southern_california_is_a_hard_market(catalog: Catalog) -> None:
    # with internal medicine second: not all top-heavy, so no prestige gambler to say it first
    profile = west(
        targets__specialties=["dermatology", "internal_medicine"], narrative__why_home=SAN_DIEGO
    )
    result = assess(profile, catalog)
    assert result.archetype("prestige_gambler") is None
    assert result.back_home.hard_market == "Southern California"
    line = next(r for r in result.back_home.reasons if r.startswith("Dermatology in "))
    assert "Southern California" in line and "ties or not" in line
    broaden = next(a for a in result.actions if a.id == "broaden_list")
    assert broaden.finding.startswith("Dermatology in Southern California")


def test_a_tie_note_can_name_the_market(catalog: Catalog) -> None:
    tie = {"kind": "family", "region": "northeast", "note": "My parents live in Brooklyn."}
    result = assess(
        returner(
            targets__region="northeast",
            targets__divisions=["middle_atlantic"],
            targets__specialties=["orthopaedic_surgery"],
            ties=[tie],
        ),
        catalog,
    )
    assert result.back_home.hard_market == "New York City"


@pytest.mark.parametrize(
    ("specialties", "region"),
    [
        (["internal_medicine"], "west"),  # not among the tightest
        (["dermatology"], "midwest"),  # the market named lies outside the target region
    ],
)
def test_no_hard_market_otherwise(catalog: Catalog, specialties: list[str], region: str) -> None:
    result = assess(
        returner(
            targets__region=region,
            targets__divisions=[],
            targets__specialties=specialties,
            narrative__why_home=SAN_DIEGO,
        ),
        catalog,
    )
    assert result.back_home.hard_market == ""
    assert not any(" in Southern California: " in r for r in result.back_home.reasons)


def test_an_unknown_specialty_in_the_rule_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from matchtui.cli import main
    from matchtui.locations import bundled_data_dir

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    path = data / "back_home.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"plastic_surgery", ', '"plastics", '), encoding="utf-8")
    assert main(["--data", str(data), "data", "check"]) != 0
    err = capsys.readouterr().err
    assert "back_home.toml" in err and "hard_market.specialties[3]" in err and "plastics" in err
