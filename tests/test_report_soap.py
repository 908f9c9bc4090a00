"""The report's estimate carries the chance of a position including SOAP, as `matchtui mix`
and the Mix pane's "With SOAP" row do with every estimate.

Found in audit C (a US-citizen IMG in psychiatry, mix saved from F4): `matchtui mix` showed
"Chance of a position including SOAP: 28-51% (point 37%)", and the report of the same saved
mix listed P(match) and the target-region figure but had no SOAP row at all. The report now
shows that figure, named and rounded as the CLI does (one engine function, placed_figure), with
the note the pane shows beside it for one in a residency now.
"""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.engine.wording import percent, percent_span
from matchtui.models.plan import PlanFile
from matchtui.models.profile import Profile
from tests.test_in_training_fallback import resident

TODAY = "2026-11-23"
NAME = "Chance of a position including SOAP"


def _save(workspace: Any, profile: Profile, catalog: Catalog) -> Any:
    """The profile with a saved mix (as F4, p, ctrl+s leave it): its estimate."""
    mix = recommended_mix(profile, catalog).model_copy(
        update={"applications": 64, "academic_pct": 10, "mid_tier_pct": 30, "community_pct": 60}
    )
    workspace.save_profile(profile)
    workspace.save_plan(PlanFile(mix=mix))
    return estimate(profile, catalog, mix)


def _cli_line(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--today", TODAY, "mix"]) == 0
    out = capsys.readouterr().out
    return next(line for line in out.splitlines() if line.startswith(f"{NAME}: "))


def test_the_report_shows_the_soap_figure_as_the_cli_does(
    workspace: Any, demo_profile: Profile, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _save(workspace, demo_profile, catalog)
    line = _cli_line(capsys)
    figures = line.removeprefix(f"{NAME}: ")
    # the CLI's figures are the estimate's: range first, then the point
    low, high = found.p_placed_with_soap_range
    assert figures == f"{percent_span(low, high)} (point {percent(found.p_placed_with_soap)})"
    assert found.p_placed_with_soap > found.p_match  # SOAP adds to the match, never less

    assert main(["--today", TODAY, "report"]) == 0
    md = capsys.readouterr().out
    assert f"| {NAME} | {figures} |" in md.splitlines()
    assert main(["--today", TODAY, "report", "--format", "text"]) == 0
    text = capsys.readouterr().out
    row = next(x for x in text.splitlines() if x.startswith(NAME))
    assert row.split() == [*NAME.split(), *figures.split()]
    # in the estimate's section, after the chance of matching
    mix_part = text.split("3. Program mix")[1].split("4. Interview practice")[0]
    assert mix_part.index("P(match), estimated") < mix_part.index(NAME)


def test_the_report_says_what_the_soap_figure_means_for_a_resident(
    workspace: Any, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = resident()
    found = _save(workspace, profile, catalog)
    assert found.placed_note  # mix.toml [in_training]: the current program is the fallback
    line = _cli_line(capsys)
    assert main(["--today", TODAY, "report", "--format", "text"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert " ".join(line.removeprefix(f"{NAME}: ").split()) in text
    assert " ".join(found.placed_note.split()) in text
