"""Programs in Puerto Rico: the Match has residency programs there (NRMP state-level results), but
an import refused every such row ("'PR' is not a US state code we know": 106 of a 5,000-row
file), as states.toml and regions.toml had no PR. Puerto Rico is a US territory in none of the
four census regions: it is now a valid state code (USPS Pub 28) with no region, and what counts
programs by region (tracker filters and yields, the list against the target, the Mix list
estimate and its filters, the details) shows it outside every region, named 'No census region'."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.engine.mix import estimate
from matchtui.engine.programs import compare, new_program, parse_csv, region_of
from matchtui.engine.refs import profile_ref_problems
from matchtui.engine.tracker import Filters, Orders, visible, yields
from matchtui.models.plan import MixPlan
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.cycle_select import CycleSelect
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.tracker_views import yields_text

HEADER = "name,city,state,specialty,tier,status,applied_on\n"
ROWS = (
    "Island University IM,San Juan,PR,internal_medicine,academic,applied,2026-09-24\n"
    "Ponce Community IM,Ponce,Puerto Rico,internal_medicine,community,applied,2026-09-24\n"
    "Lakeshore IM,Milwaukee,WI,internal_medicine,community,applied,2026-09-24\n"
)


def programs_of(catalog: Catalog) -> list[Program]:
    result = parse_csv(HEADER + ROWS, catalog)
    assert result.clean, result.problems
    return list(result.programs)


# --- the code and the import ---------------------------------------------------------------


def test_pr_is_a_state_code_in_no_census_region(catalog: Catalog) -> None:
    assert catalog.state_named("PR") == "PR"
    assert catalog.state_named("puerto rico") == "PR"
    assert catalog.states_without_region == {"PR": "Puerto Rico"}
    assert "PR" not in catalog.region_of_state  # the four regions are the Census Bureau's
    states = [s for region in catalog.regions.values() for s in region.states]
    assert len(states) == 51


def test_an_import_with_puerto_rico_rows_reads_every_row(catalog: Catalog) -> None:
    island, ponce, lake = programs_of(catalog)
    assert (island.state, ponce.state, lake.state) == ("PR", "PR", "WI")
    assert (region_of(island, catalog), region_of(lake, catalog)) == ("", "midwest")
    assert catalog.state_region_label("PR") == "no census region"
    assert catalog.state_region_label("PR", short=True) == "no region"
    assert catalog.state_region_label("WI") == "Midwest"
    # a program typed in by hand takes it too
    typed = new_program(
        {"name": "Bayamon FM", "state": "PR", "specialty": "family_medicine", "tier": "community"},
        catalog,
        [],
    )
    assert typed.state == "PR"


def test_a_state_nobody_lists_is_still_refused(catalog: Catalog) -> None:
    result = parse_csv(HEADER + "Nowhere IM,X,ZZ,internal_medicine,community,planned,\n", catalog)
    assert [p.message for p in result.problems] == ["state: 'ZZ' is not a US state code we know"]


def test_cli_imports_the_puerto_rico_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    assert main(["--today", "2026-12-05", "programs", "import", str(path)]) == 0
    assert "imported 3 programs" in capsys.readouterr().out
    assert main(["--today", "2026-12-05", "programs", "list", "--json"]) == 0
    rows = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert rows["Island University IM"]["state"] == "PR"
    assert rows["Island University IM"]["region"] == ""  # in no census region
    assert rows["Lakeshore IM"]["region"] == "midwest"
    assert main(["--today", "2026-12-05", "programs", "summary", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["yield_by_region"][""] == {"applied": 2, "invited": 0, "rate": 0.0}
    assert summary["yield_by_region"]["midwest"]["applied"] == 1


# --- what counts programs by region --------------------------------------------------------


def test_tracker_filters_and_yields_put_puerto_rico_outside_every_region(
    catalog: Catalog,
) -> None:
    programs = programs_of(catalog)
    regions = catalog.region_of_state
    for region in catalog.regions:
        shown = visible(programs, Filters(region=region), regions)
        assert all(programs[i].state != "PR" for i in shown)
    assert visible(programs, Filters(region=""), regions) == [0, 1]  # "No census region"
    assert Orders(programs).visible(Filters(region=""), regions) == [0, 1]
    assert visible(programs, Filters(), regions) == [0, 2, 1]  # all, by name
    got = yields(programs, regions, "midwest")
    assert (got.in_target.applied, got.outside_target.applied) == (1, 2)
    assert got.by_region[""].applied == 2
    text = yields_text(got, catalog.region_choices(), {}).plain
    assert "No census region" in text and "?" not in text
    assert catalog.region_choices(short=True)[""] == "No region"


def test_the_list_against_the_target_counts_puerto_rico_out_of_region(
    catalog: Catalog, demo_profile: Profile
) -> None:
    programs = ProgramList(programs=programs_of(catalog))
    target = demo_profile.model_copy(
        update={"targets": demo_profile.targets.model_copy(update={"region": "midwest"})}
    )
    mix = MixPlan(
        specialty="internal_medicine",
        applications=10,
        academic_pct=10,
        mid_tier_pct=20,
        community_pct=70,
        region_share_pct=80,
        signals_used=0,
    )
    comparison = compare(programs, estimate(target, catalog, mix, programs), target, catalog)
    assert (comparison.actual_total, comparison.actual_in_region) == (3, 1)


def test_the_mix_list_filter_and_column_name_no_region(catalog: Catalog) -> None:
    from matchtui.widgets.mix_programs import Filters as MixFilters
    from matchtui.widgets.mix_programs import ListIndex

    programs = ProgramList(programs=programs_of(catalog))
    index = ListIndex(programs, catalog)
    assert [i for i, _ in index.visible(MixFilters(region=""))] == [0, 1]
    assert [i for i, _ in index.visible(MixFilters(region="midwest"))] == [2]


def test_a_profile_region_of_pr_is_explained_not_a_crash(
    catalog: Catalog, demo_profile: Profile
) -> None:
    target = demo_profile.model_copy(
        update={"targets": demo_profile.targets.model_copy(update={"region": "PR"})}
    )
    problems = dict(profile_ref_problems(target, catalog))
    assert "Puerto Rico is in no census region" in problems[("targets", "region")]


# --- the pane ------------------------------------------------------------------------------


async def test_the_applications_pane_filters_and_details_puerto_rico(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=programs_of(workspace.catalog)))
    app = MatchApp(workspace, first_pane="applications", today=dt.date(2026, 11, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#apps-table", ProgramTable)
        select = screen.query_one("#filter-region", CycleSelect)
        assert ("No region", "") in select.options
        select.value = ""
        await pilot.pause()
        assert table.row_count == 2
        assert {screen.programs.programs[i].state for i in screen.shown} == {"PR"}
        await pilot.press("enter")
        await pilot.pause()
        detail = " ".join(str(s.content) for s in app.screen.query("Static"))
        assert "San Juan, PR (no census region)" in detail


def test_a_place_outside_the_regions_that_a_region_lists_is_a_data_problem(
    tmp_path: Path,
) -> None:
    import shutil

    from matchtui.catalog import bundled_data_dir
    from matchtui.errors import FileProblems

    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    regions = (folder / "regions.toml").read_text(encoding="utf-8")
    (folder / "regions.toml").write_text(
        regions.replace('"AR", "LA", "OK", "TX",\n]', '"AR", "LA", "OK", "TX", "PR",\n]', 1),
        encoding="utf-8",
    )
    with pytest.raises(FileProblems) as caught:
        Catalog.load(folder)
    assert "PR is marked outside the census regions" in str(caught.value.problems)
