"""Published figures for scale where a couple or a SOAP plan reads its own: the couples of the
2026 Match and the positions that Match's SOAP offered and filled (FIGURES.md, third-party).

Found reading a couples list's odds (64% that neither partner matches) with nothing to read it
against, and a SOAP kit that listed rounds and limits but not how few places SOAP has; both
figures sat in FIGURES.md unused."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from matchtui.catalog import Catalog, bundled_data_dir
from matchtui.cli import main
from matchtui.engine.ranklist import Tracker, couples_yardstick, ranklist_data, soap_kit
from matchtui.errors import FileProblems
from tests.test_couples_warnings import PAIRS, tracked


def test_the_soap_kit_says_how_many_places_soap_had(catalog: Catalog) -> None:
    kit = soap_kit(catalog, Tracker.of([]), 2027)
    facts = {what: (value, reliability) for what, value, reliability in kit.facts}
    assert facts["Places"] == (
        "2,632 of the 2,851 positions offered were filled in the 2026 SOAP",
        "third_party",
    )
    assert "nrmp_2026_results_notes" in kit.sources


def test_a_couples_simulation_shows_the_published_rate(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tracked(home)
    path = tmp_path / "couple.toml"
    path.write_text(PAIRS, encoding="utf-8")
    assert main(["ranklist", "simulate", "--couple", str(path)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("For scale:"))
    assert line.startswith(
        "For scale: 1,258 couples took part in the 2026 Match and their match rate was 93.0% "
        "(third-party, nrmp_2026_results_notes)."
    )
    assert out.index("Neither:") < out.index("For scale:") < out.index("warning:")
    assert main(["ranklist", "simulate", "--couple", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == line


def _without(folder: Path, *tables: str) -> None:
    """ranklist.toml in `folder` with the named tables (and their keys) taken out."""
    path = folder / "ranklist.toml"
    text = path.read_text(encoding="utf-8")
    for table in tables:
        text = re.sub(rf"\n\[{re.escape(table)}\]\n(?:[^\[\n][^\n]*\n|\n)*", "\n", text)
    path.write_text(text, encoding="utf-8")


def test_a_data_folder_without_them_still_loads(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    _without(folder, "soap.positions", "couples_outcome")
    catalog = Catalog.load(folder)
    assert couples_yardstick(ranklist_data(catalog)) is None
    kit = soap_kit(catalog, Tracker.of([]), 2027)
    assert "Places" not in {what for what, _, _ in kit.facts}


def test_more_filled_than_offered_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    path = folder / "ranklist.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("filled = 2632", "filled = 3000"),
        encoding="utf-8",
    )
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    message = str(caught.value)
    assert "ranklist.toml" in message and "soap.positions.filled" in message
    assert "3000 filled is more than the 2851 offered" in message
