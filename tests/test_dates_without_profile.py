"""`matchtui dates` with no profile names the Match the app shows.

Found by an auditor: on a folder with no profile, `matchtui dates` on 20 Feb 2027 said "The
2028 Match" (the next one open to newcomers) and left out the rank-list deadline eleven days
away, while the app on the same folder showed the 2027 Match: the app opens on a copy of the
demo profile, whose Match is 2027. Now the command takes the Match the app would (the saved
profile's, else the demo's, without writing anything) and says it is the demo's.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.calendar import default_match_year, next_deadline
from matchtui.locations import demo_profile_path
from matchtui.models.profile import Profile
from matchtui.tomlio import load_model

TODAY = dt.date(2027, 2, 20)


def test_no_profile_gives_the_demos_match_as_the_app_does(
    home: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_year = load_model(demo_profile_path(), Profile).cycle_year
    assert demo_year != default_match_year(catalog, TODAY)  # the day the two disagreed
    deadline = next_deadline(catalog, demo_year, TODAY)
    assert deadline is not None
    assert main(["--today", TODAY.isoformat(), "dates"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"The {demo_year} Match, as of 20 Feb 2027")
    assert "demo profile" in out.splitlines()[1]
    assert f"Next deadline: {deadline.label}" in out
    assert not (home / "profile.toml").exists()  # nothing written
    assert main(["--today", TODAY.isoformat(), "dates", "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert data["match_year"] == demo_year and "demo profile" in data["match_year_note"]
    # once the app (or any command) has copied the demo in, the saved profile decides
    assert main(["--today", TODAY.isoformat(), "assess", "--json"]) == 0
    capsys.readouterr()
    assert main(["--today", TODAY.isoformat(), "dates", "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["match_year"] == demo_year and saved["match_year_note"] == ""
