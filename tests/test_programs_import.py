"""The applicant's program list: CSV/TOML import with line-numbered errors, --skip-bad, merging,
regions from states, and the comparison with the target mix."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.cli import main
from matchtui.engine.mix import estimate
from matchtui.engine.programs import compare, merge, parse_csv, parse_toml, read_import, region_of
from matchtui.models.plan import MixPlan
from matchtui.models.programs import Program, ProgramList

HEADER = "name,city,state,specialty,tier,signal,yog_limit_years,visa_sponsor,status,notes\n"

GOOD_CSV = HEADER + (
    "[bold]x[/],Madison,WI,internal_medicine,community,yes,,no,planned,\n"
    "Lakeshore Community IM,Milwaukee,WI,internal_medicine,community,no,3,no,applied,\n"
    "Prairie University IM,Iowa City,IA,Internal Medicine,academic,no,,yes,planned,\n"
    "Gulf Regional,Houston,TX,IM,mid-tier,no,,,interview,\n"
    "Great Lakes Health,Chicago,IL,internal_medicine,mid_tier,yes,10,,planned,"
    '"a note, with a comma"\n'
)

BAD_CSV = HEADER + (
    "Good One,Madison,WI,internal_medicine,community,yes,,no,planned,\n"  # line 2
    "Bad State,Nowhere,ZZ,internal_medicine,community,no,,,planned,\n"  # line 3
    "Bad Tier,Madison,WI,internal_medicine,elite,no,,,planned,\n"  # line 4
    "\n"  # line 5: blank, skipped
    ",Madison,WI,internal_medicine,community,no,,,planned,\n"  # line 6
    "Bad Years,Madison,WI,internal_medicine,community,no,three,,planned,\n"  # line 7
    'Multi "line",Madison,WI,internal_medicine,community,no,,,planned,"first\nsecond"\n'  # 8-9
    "Bad Specialty,Madison,WI,astrology,community,no,,,planned,\n"  # line 10
    "Too,Few,Fields\n"  # line 11
    "Good One,Madison,WI,internal_medicine,community,no,,,planned,\n"  # line 12: duplicate
)


def small_mix() -> MixPlan:
    """Ten applications at 10/20/70 with 40% in the target region."""
    return MixPlan(
        specialty="internal_medicine",
        applications=10,
        academic_pct=10,
        mid_tier_pct=20,
        community_pct=70,
        region_share_pct=40,
    )


def test_good_csv_parses_every_row(catalog: Any) -> None:
    result = parse_csv(GOOD_CSV, catalog)
    assert result.clean and not result.fatal
    names = [p.name for p in result.programs]
    assert names[0] == "[bold]x[/]"
    gulf = result.programs[3]
    assert (gulf.tier, gulf.specialty, gulf.status) == (
        "mid_tier",
        "internal_medicine",
        "invited",  # schema 1 status "interview" is now "invited"
    )
    prairie = result.programs[2]
    assert prairie.specialty == "internal_medicine" and prairie.visa_sponsor is True
    assert result.programs[1].yog_limit_years == 3
    assert result.programs[4].notes == "a note, with a comma"
    assert result.lines == [2, 3, 4, 5, 6]


def test_bad_csv_reports_each_row_with_its_line(catalog: Any) -> None:
    result = parse_csv(BAD_CSV, catalog)
    assert not result.fatal
    found = {p.line: p.message for p in result.problems}
    assert set(found) == {3, 4, 6, 7, 10, 11, 12}
    assert "state" in found[3] and "ZZ" in found[3]
    assert "tier" in found[4] and "elite" in found[4]
    assert "name" in found[6] and "required" in found[6]
    assert "yog_limit_years" in found[7]
    assert "specialty" in found[10]
    assert "3 fields" in found[11]
    assert "same program as line 2" in found[12]
    assert [p.name for p in result.programs] == ['Multi "line"', "Good One"][::-1]


def test_header_problems_stop_the_whole_file(catalog: Any) -> None:
    result = parse_csv(
        "name,state,specialty,tier,rating\nA,WI,internal_medicine,community,5\n", catalog
    )
    assert result.fatal and result.problems[0].line == 1
    assert "rating" in result.problems[0].message
    missing = parse_csv("name,state\nA,WI\n", catalog)
    assert missing.fatal and "specialty" in missing.problems[0].message
    assert parse_csv("", catalog).fatal


def test_toml_import_with_line_numbers(catalog: Any) -> None:
    text = (
        "[[programs]]\n"  # line 1
        'name = "Lakeshore"\nstate = "WI"\nspecialty = "internal_medicine"\ntier = "community"\n'
        "signal = true\nyog_limit_years = 5\n"
        "\n[[programs]]\n"  # line 9
        'name = "Nowhere"\nstate = "ZZ"\nspecialty = "internal_medicine"\ntier = "community"\n'
        "\n[[programs]]\n"  # line 15
        'name = "Odd"\nstate = "WI"\nspecialty = "internal_medicine"\ntier = "community"\n'
        'colour = "blue"\n'  # line 20
    )
    result = parse_toml(text, catalog)
    assert [p.name for p in result.programs] == ["Lakeshore"]
    assert result.programs[0].signal and result.programs[0].yog_limit_years == 5
    found = {p.line: p.message for p in result.problems}
    assert set(found) == {9, 20}
    assert "ZZ" in found[9] and "colour" in found[20]


def test_toml_syntax_error_is_fatal_with_line(catalog: Any) -> None:
    result = parse_toml("[[programs]]\nname = = 1\n", catalog)
    assert result.fatal and result.problems[0].line == 2


def test_read_import_picks_the_parser_by_suffix(catalog: Any, tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(GOOD_CSV)
    assert read_import(path, catalog).fatal
    missing = read_import(tmp_path / "none.csv", catalog)
    assert missing.fatal and "not found" in missing.problems[0].message
    binary = tmp_path / "bin.csv"
    binary.write_bytes(HEADER.encode() + b"\xff\xfe\n")
    assert read_import(binary, catalog).problems[0].line == 2


def test_merge_skips_programs_already_listed(catalog: Any) -> None:
    programs = parse_csv(GOOD_CSV, catalog).programs
    first, duplicates = merge(ProgramList(), programs[:3])
    assert len(first.programs) == 3 and not duplicates
    second, duplicates = merge(first, programs)
    assert len(second.programs) == 5 and len(duplicates) == 3
    replaced, _ = merge(second, programs[:1], replace=True)
    assert [p.name for p in replaced.programs] == ["[bold]x[/]"]


def test_region_comes_from_the_state(catalog: Any) -> None:
    program = Program(name="A", state="TX", specialty="internal_medicine", tier="community")
    assert region_of(program, catalog) == "south"


# --- comparison with the target ------------------------------------------------------------------
def test_actual_vs_target_and_what_to_change(catalog: Any, demo_profile: Any) -> None:
    programs = ProgramList(programs=parse_csv(GOOD_CSV, catalog).programs)
    mix = MixPlan(
        specialty="internal_medicine",
        applications=10,
        academic_pct=10,
        mid_tier_pct=20,
        community_pct=70,
        region_share_pct=80,
        signals_used=0,
    )
    result = estimate(demo_profile, catalog, mix, programs, risk_tier="low")
    comparison = compare(programs, result, demo_profile, catalog)
    rows = {row.tier: (row.target, row.actual, row.delta) for row in comparison.tiers}
    assert rows == {"academic": (1, 1, 0), "mid_tier": (2, 2, 0), "community": (7, 2, 5)}
    assert (comparison.target_in_region, comparison.actual_in_region) == (8, 4)
    advice = " | ".join(comparison.advice)
    assert "Add 5 community programs" in advice
    assert "Add 4 programs in the Midwest" in advice
    assert "years-since-graduation limit" in advice  # Lakeshore takes graduates up to 3 years out


def test_too_many_programs_means_drop(catalog: Any, demo_profile: Any) -> None:
    programs = ProgramList(
        programs=[
            Program(name=f"A{i}", state="WI", specialty="internal_medicine", tier="academic")
            for i in range(6)
        ]
    )
    mix = small_mix()
    comparison = compare(
        programs, estimate(demo_profile, catalog, mix, risk_tier="low"), demo_profile, catalog
    )
    assert "Drop 5 academic programs" in " | ".join(comparison.advice)


def test_empty_list_says_how_to_import(catalog: Any, demo_profile: Any) -> None:
    mix = small_mix()
    comparison = compare(
        ProgramList(), estimate(demo_profile, catalog, mix, risk_tier="low"), demo_profile, catalog
    )
    assert comparison.actual_total == 0
    assert "matchtui programs import" in comparison.advice[0]


# --- the CLI -------------------------------------------------------------------------------------
def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_rejects_a_bad_csv_with_line_numbers_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    path = write(tmp_path, "bad.csv", BAD_CSV)
    assert main(["programs", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: state" in err
    assert f"{path}:4: tier" in err
    assert f"{path}:11:" in err
    assert "nothing imported" in err
    assert not (home / "programs.toml").exists()


def test_cli_skip_bad_imports_the_good_rows_and_lists_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    path = write(tmp_path, "bad.csv", BAD_CSV)
    assert main(["programs", "import", str(path), "--skip-bad"]) == 0
    captured = capsys.readouterr()
    assert "imported 2 programs" in captured.out and "7 bad rows skipped" in captured.out
    assert f"{path}:10: specialty" in captured.err
    saved = tomllib.loads((home / "programs.toml").read_text())
    assert saved["schema_version"] == 2
    assert [p["name"] for p in saved["programs"]] == ["Good One", 'Multi "line"']
    assert (home / "programs.toml").stat().st_mode & 0o777 == 0o600


def test_cli_import_adds_then_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    good = write(tmp_path, "good.csv", GOOD_CSV)
    assert main(["programs", "import", str(good)]) == 0
    assert main(["programs", "import", str(good)]) == 0
    out = capsys.readouterr().out
    assert "5 already on the list" in out
    one = write(
        tmp_path,
        "one.toml",
        '[[programs]]\nname = "Solo"\nstate = "OR"\n'
        'specialty = "family_medicine"\ntier = "community"\n',
    )
    assert main(["programs", "import", str(one), "--replace"]) == 0
    saved = tomllib.loads((home / "programs.toml").read_text())
    assert [p["name"] for p in saved["programs"]] == ["Solo"]


def test_cli_fatal_file_problems_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "odd.csv", "who,where\nA,B\n")
    assert main(["programs", "import", str(path), "--skip-bad"]) == 2
    assert f"{path}:1: header" in capsys.readouterr().err
    assert main(["programs", "import", str(tmp_path / "missing.csv")]) == 2


def test_cli_never_overwrites_a_broken_programs_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    broken = home / "programs.toml"
    broken.write_text("schema_version = 1\nprograms = 'oops'\n")
    path = write(tmp_path, "good.csv", GOOD_CSV)
    assert main(["programs", "import", str(path)]) == 2
    assert "programs.toml" in capsys.readouterr().err
    assert broken.read_text() == "schema_version = 1\nprograms = 'oops'\n"


def test_a_spreadsheets_own_column_names_and_us_dates_are_read(catalog: Any) -> None:
    """A list kept in a spreadsheet, with "Program Name", "Interview Date" and a US date
    ("12/15/2026"), was refused whole: unknown columns, then "not a date". The file's one date
    that can be read only month first tells how to read "9/3/2026"."""
    text = (
        "Program Name,State,Specialty,Tier,Stage,Interview Date,Date Applied,Comments\n"
        "Emory University Psychiatry,GA,psychiatry,academic,invited,12/15/2026,9/3/2026,met PD\n"
        "Augusta University Psychiatry,GA,psychiatry,mid_tier,applied,,2026-09-04,\n"
    )
    result = parse_csv(text, catalog)
    assert result.problems == []
    emory, augusta = result.programs
    assert (emory.name, emory.status, emory.notes) == (
        "Emory University Psychiatry",
        "invited",
        "met PD",
    )
    assert (str(emory.interview_on), str(emory.applied_on)) == ("2026-12-15", "2026-09-03")
    assert str(augusta.applied_on) == "2026-09-04"


def test_a_date_either_order_could_mean_is_asked_for_in_full(catalog: Any) -> None:
    text = (
        "name,state,specialty,tier,applied_on\nAkron IM,OH,internal_medicine,community,05/12/2026\n"
    )
    (problem,) = parse_csv(text, catalog).problems
    assert problem.message == (
        "applied_on: '05/12/2026' could be 2026-05-12 or 2026-12-05 (write it as YYYY-MM-DD)"
    )
    day_first = text + "Dayton IM,OH,internal_medicine,community,15/12/2026\n"
    assert [str(p.applied_on) for p in parse_csv(day_first, catalog).programs] == [
        "2026-12-05",
        "2026-12-15",
    ]
    twice = text.replace("05/12/2026", "07/07/2026")
    assert str(parse_csv(twice, catalog).programs[0].applied_on) == "2026-07-07"


def test_an_unknown_column_names_the_one_meant(catalog: Any) -> None:
    text = "name,state,specialty,tier,intervew_on\nAkron IM,OH,internal_medicine,community,\n"
    (problem,) = parse_csv(text, catalog).problems
    assert "unknown column(s) 'intervew_on' (did you mean interview_on or interviewed_on?)" in (
        problem.message
    )


def test_an_import_can_come_from_standard_input(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`matchtui programs import -` was refused: "give a .csv or .toml file"."""
    import io
    import sys

    csv_text = "name,state,specialty,tier\nAkron IM,OH,internal_medicine,community\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(csv_text))
    assert main(["programs", "import", "-"]) == 0
    toml_text = (
        '[[programs]]\nname = "Dayton IM"\nstate = "OH"\n'
        'specialty = "internal_medicine"\ntier = "community"\n'
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(toml_text))
    assert main(["programs", "import", "-"]) == 0
    assert [p.name for p in workspace.load_programs().programs] == ["Akron IM", "Dayton IM"]
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("name,state\nX,OH\n"))
    assert main(["programs", "import", "-"]) == 2
    assert capsys.readouterr().err.startswith("matchtui: error: <standard input>:1: header:")
