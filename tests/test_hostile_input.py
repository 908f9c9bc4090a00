"""Issue 12: hostile or unlucky input never crashes matchtui and never runs away.

Items 5, 10 and 11 of issue 12 (each test names its item); every one failed before the fix.
The hostile-input set (huge, deep, long-int, binary) runs over every file matchtui reads; with
MATCHTUI_LONG=1 it runs larger variants of each.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.catalog import Catalog
from matchtui.cli import main
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir, demo_profile_path
from matchtui.safetext import one_line, safe_text
from matchtui.workspace import Workspace
from tests.conftest import LONG

DEMO = demo_profile_path().read_text(encoding="utf-8")
LONG_INT = "9" * 5_000
CSV_HEAD = "name,state,specialty,tier\n"


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def one_error(code: int, out: str, err: str, *names: str) -> None:
    assert code == 2, (code, err[:300])
    assert out == "" and err.count("\n") == 1 and err.startswith("matchtui: error: "), err[:300]
    for name in names:
        assert name in err, (name, err[:300])


def seed(home: Path, text: str = DEMO) -> Path:
    home.mkdir(mode=0o700, exist_ok=True)
    (home / "profile.toml").write_text(text, encoding="utf-8")
    return home / "profile.toml"


# --- item 5: an integer of more than 4,300 digits -------------------------------------------------
@pytest.mark.parametrize("argv", [["assess"], ["mix"], ["report"]])
def test_item5_long_integer_in_the_profile_is_exit_2(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed(home, DEMO.replace("step2_score = 238", f"step2_score = {LONG_INT}"))
    code, out, err = run_main(argv, capsys)
    one_error(code, out, err, str(path), "4,000 digits")


def test_item5_long_integer_in_an_import_and_a_data_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = tmp_path / "list.toml"
    toml.write_text(f'[[programs]]\nname = "A"\nyog_limit_years = {LONG_INT}\n')
    code, out, err = run_main(["programs", "import", str(toml)], capsys)
    one_error(code, out, err, str(toml), "4,000 digits")
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    with (data / "fees.toml").open("a") as handle:
        handle.write(f"\nhuge = {LONG_INT}\n")
    code, out, err = run_main(["data", "check", str(data)], capsys)
    assert code == 2 and "fees.toml" in err and "4,000 digits" in err, err[:300]


async def test_item5_long_integer_in_home_files_does_not_crash_the_app(
    home: Path, workspace: Workspace
) -> None:
    seed(home, DEMO.replace("step2_score = 238", f"step2_score = {LONG_INT}"))
    (home / "practice.toml").write_text(f"schema_version = {LONG_INT}\n")
    app = MatchApp(workspace, first_pane="profile")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "profile.toml" in app.load_errors
        assert "4,000 digits" in app.load_errors["profile.toml"]
        await pilot.press("f5")
        await pilot.pause()
        assert app.is_running and app.screen.log_problem  # type: ignore[attr-defined]


def test_item5_internal_error_is_one_line_and_a_private_log_without_locals(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import matchtui.commands.assess as assess

    def boom(args: Any, workspace: Any) -> int:
        private = "SECRET-PROFILE-TEXT"  # a local the traceback must not show
        raise RuntimeError(private[:0] + "boom")

    seed(home)
    monkeypatch.setattr(assess, "run", boom)
    code, out, err = run_main(["assess"], capsys)
    log = home / "matchtui-error.log"
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert "RuntimeError" in err and str(log) in err and "Traceback" not in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text()
    assert "Traceback" in text and "RuntimeError: boom" in text
    assert "SECRET-PROFILE-TEXT" not in text.replace('private = "SECRET-PROFILE-TEXT"', "")


# --- item 10: size, depth and length caps -------------------------------------------------------
def test_item10_a_huge_profile_is_refused_quickly(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed(home, DEMO + "\n# padding\n" + ("# " + "x" * 98 + "\n") * 30_000)  # ~3 MB
    started = time.perf_counter()
    code, out, err = run_main(["assess"], capsys)
    assert time.perf_counter() - started < 5
    one_error(code, out, err, str(path), "2 MB")


def test_item10_a_dotted_key_100000_deep_is_refused_quickly(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed(home, DEMO + "\n" + ".".join(["a"] * 100_000) + " = 1\n")
    started = time.perf_counter()
    code, out, err = run_main(["assess"], capsys)
    assert time.perf_counter() - started < 5
    one_error(code, out, err, str(path), "nested too deeply")


def test_item10_practice_answer_over_the_app_cap_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("I grew up in Madison. " * 2_500)  # 55,000 characters
    code, out, err = run_main(
        ["practice", "--question", "why_region", "--answer-file", str(answer)], capsys
    )
    one_error(code, out, err, str(answer), "50,000 characters")
    answer.write_bytes(b"word " * 2_000_000)  # 10 MB
    code, out, err = run_main(
        ["practice", "--question", "why_region", "--answer-file", str(answer)], capsys
    )
    one_error(code, out, err, str(answer), "1 MB")


# --- item 11: booleans, BOM, bidi controls, a rule's key ----------------------------------------
def test_item11_a_boolean_is_never_a_score(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = seed(home, DEMO.replace("step2_score = 238", "step2_score = true"))
    code, out, err = run_main(["assess"], capsys)
    one_error(code, out, err, str(path), "step2_score", "not true or false")


def test_item11_a_byte_order_mark_is_tolerated(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(home)
    (home / "profile.toml").write_bytes(b"\xef\xbb\xbf" + DEMO.encode())
    code, out, err = run_main(["assess"], capsys)
    assert code == 0, err
    other = tmp_path / "bom.toml"
    other.write_bytes(b"\xef\xbb\xbf" + DEMO.encode())
    code, out, err = run_main(["assess", "--profile", str(other)], capsys)
    assert code == 0 and out, err


@pytest.mark.parametrize(
    "char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"]
)
def test_item11_bidi_controls_are_neutralised(
    char: str, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert char not in safe_text(f"a{char}b") and char not in one_line(f"a{char}b")
    seed(home, DEMO.replace("Avery Lindqvist", f"Avery{char}Lindqvist"))
    code, out, err = run_main(["report", "--format", "text"], capsys)
    assert code == 0, err
    assert char not in out and "Avery\ufffdLindqvist" in out


def test_item11_curves_without_bands_names_the_key_and_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    text = (data / "curves.toml").read_text()
    first = next(line for line in text.splitlines() if line.startswith("bands = "))
    (data / "curves.toml").write_text(text.replace(first + "\n", "", 1))
    from matchtui.models.mix import CurvesFile

    with pytest.raises(FileProblems) as caught:
        Catalog.load(data, lazy=True).get("curves.toml", CurvesFile)
    problem = caught.value.problems[0]
    assert problem.key == "curves" and problem.line is not None


# --- the hostile-input set ----------------------------------------------------------------------
SIZES = [3, 25] if LONG else [3]  # megabytes of a "huge" file
DEPTHS = [100, 10_000, 1_000_000] if LONG else [100, 100_000]
DIGITS = [4_500, 100_000, 5_000_000] if LONG else [5_000]


def hostile() -> list[tuple[str, bytes]]:
    cases: list[tuple[str, bytes]] = []
    for mb in SIZES:
        cases.append((f"huge-{mb}MB", b'note = "' + b"x" * (mb * 1024 * 1024) + b'"\n'))
    for depth in DEPTHS:
        cases.append((f"deep-array-{depth}", b"a = " + b"[" * depth + b"]" * depth + b"\n"))
        cases.append((f"deep-table-{depth}", b"a = " + b"{b = " * depth + b"1" + b"}" * depth))
        cases.append((f"deep-key-{depth}", b".".join([b"k"] * depth) + b" = 1\n"))
    for digits in DIGITS:
        cases.append((f"long-int-{digits}", b"n = " + b"7" * digits + b"\n"))
        cases.append((f"long-int-underscores-{digits}", b"n = 1" + b"_1" * digits + b"\n"))
    cases.append(("binary", bytes(range(256)) * 64))
    cases.append(("nul", b"a = 1\n\x00\x00\n"))
    cases.append(("bom-only", b"\xef\xbb\xbf"))
    return cases


CASES = hostile()


@pytest.mark.parametrize("name", ["profile.toml", "plan.toml", "programs.toml", "practice.toml"])
@pytest.mark.parametrize(("label", "blob"), CASES, ids=[c[0] for c in CASES])
def test_hostile_user_files_fail_cleanly_and_quickly(
    name: str, label: str, blob: bytes, home: Path, catalog: Any
) -> None:
    home.mkdir(mode=0o700, exist_ok=True)
    (home / name).write_bytes(blob)
    ws = Workspace.from_options()
    ws.__dict__["catalog"] = catalog
    load = {
        "profile.toml": ws.load_profile,
        "plan.toml": ws.load_plan,
        "programs.toml": ws.load_programs,
        "practice.toml": ws.load_practice,
    }[name]
    started = time.perf_counter()
    try:
        load()
    except FileProblems as exc:
        problem = exc.problems[0]
    else:
        # only a file that is empty TOML may load (an empty plan, list or log)
        assert label == "bom-only" and name != "profile.toml"
        return
    assert time.perf_counter() - started < 10, label
    assert problem.file.name == name and (problem.key or problem.line or "MB" in problem.message)


@pytest.mark.parametrize(("label", "blob"), CASES, ids=[c[0] for c in CASES])
def test_hostile_import_and_answer_files_fail_cleanly(
    label: str, blob: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix in (".toml", ".csv"):
        path = tmp_path / f"import{suffix}"
        path.write_bytes(blob)
        code, out, err = run_main(["programs", "import", str(path)], capsys)
        assert code == 2 and out == "" and err.count("\n") == 1, (label, suffix, err[:300])
    answer = tmp_path / "answer.txt"
    answer.write_bytes(blob)
    code, _, err = run_main(
        ["practice", "--question", "why_region", "--answer-file", str(answer)], capsys
    )
    assert code in (0, 2), (label, err[:300])
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.parametrize(("label", "blob"), CASES, ids=[c[0] for c in CASES])
def test_hostile_data_files_fail_cleanly(label: str, blob: bytes, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    (data / "mix.toml").write_bytes(blob)
    from matchtui.models.mix import MixFile

    with pytest.raises(FileProblems) as caught:
        Catalog.load(data, lazy=True).get("mix.toml", MixFile)
    assert caught.value.problems[0].file.name == "mix.toml"


def test_the_answer_cap_is_one_constant() -> None:
    from matchtui import limits
    from matchtui.models import practice

    assert practice.MAX_ANSWER_CHARS is limits.MAX_ANSWER_CHARS
    assert os.path.basename(limits.__file__) == "limits.py"


def test_item5_app_internal_error_prints_one_line_and_no_locals(
    home: Path, workspace: Workspace, capfd: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    from matchtui.app import run_app

    def boom(self: MatchApp) -> None:
        private = "SECRET-PROFILE-TEXT"  # a local Rich would list beside the traceback
        raise RuntimeError("boom" + private[:0])

    seed(home)
    monkeypatch.setattr(MatchApp, "_load_and_open", boom)
    assert run_app(workspace, headless=True) == 1
    out, err = capfd.readouterr()
    log = home / "matchtui-error.log"
    assert "SECRET-PROFILE-TEXT" not in out + err and "Traceback" not in out + err
    assert err.strip().splitlines()[-1] == (
        f"matchtui: internal error: the app stopped (details in {log})"
    )
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and "RuntimeError" in log.read_text()
