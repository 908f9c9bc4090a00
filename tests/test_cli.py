from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.locations import bundled_data_dir

NO_TEXTUAL = (
    "import sys, runpy\n"
    "sys.argv = ['matchtui'] + sys.argv[1:]\n"
    "from matchtui.cli import main\n"
    "code = main()\n"
    "loaded = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    "assert not loaded, 'textual imported'\n"
    "raise SystemExit(code)\n"
)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_TEXTUAL, "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("matchtui ")


def test_paths_lists_home_and_data_without_textual(home: Path) -> None:
    result = run_cli("paths", home=home)
    assert result.returncode == 0, result.stderr
    assert str(home) in result.stdout and str(bundled_data_dir()) in result.stdout
    assert "profile.toml" in result.stdout


def test_data_check_ok_without_textual(home: Path) -> None:
    result = run_cli("data", "check", home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "valid" in result.stdout


def test_data_check_reports_each_problem_and_exits_2(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    regions = folder / "regions.toml"
    regions.write_text("colour = 1\n" + regions.read_text())
    fees = folder / "fees.toml"
    fees.write_text(fees.read_text().replace("default_season = 2026", "default_season = 'x'"))
    result = run_cli("data", "check", str(folder), home=home)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any(f"{regions}:1: [colour] unknown key" == line for line in lines), lines
    assert any(line.startswith(f"{fees}:") and "[default_season]" in line for line in lines)
    assert lines[-1].startswith("matchtui: 2 problems")


def test_usage_error_is_one_line_exit_2(home: Path) -> None:
    result = run_cli("mix", "--apps", "500", home=home)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "outside 1-200" in result.stderr


def test_unknown_command_exit_2(home: Path) -> None:
    result = run_cli("frobnicate", home=home)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_bad_data_dir_env_is_one_line(home: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "matchtui",
            "--home",
            str(home),
            "--data",
            str(tmp_path / "x"),
            "data",
            "check",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "data folder not found" in result.stderr


def test_json_flag_is_accepted_by_paths_commands() -> None:
    # guard for the parser shape the later commands rely on
    from matchtui.cli import build_parser

    args = build_parser().parse_args(["mix", "--mix", "5,25,70", "--json"])
    assert args.mix == (5, 25, 70) and args.json
    assert json.dumps(args.mix)


def test_data_list_without_what_names_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    """`matchtui data list` said 'the following arguments are required: what' and no more."""
    with pytest.raises(SystemExit) as exit_:
        main(["data", "list"])
    assert exit_.value.code == 2
    assert "required: WHAT (see matchtui data list --help)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["data", "list", "--help"])
    assert "specialties, questions, regions or divisions" in capsys.readouterr().out
