"""Bad input at every entry point: one clear line and exit 2 at the CLI, a message in the app, and
nothing lost.

Every CLI command gets each kind of bad input (a broken profile, bad option values, an unknown
question, an unreadable answer, a CSV with bad rows, an existing -o file, a broken --data folder,
a --home that cannot hold files). Each must exit 2 with exactly one line on stderr naming the file
(and the line and field where there is one), print nothing on stdout and no traceback, and leave
every file byte for byte as it was. In the app, a broken file in the home folder is named in a
notification, the app keeps working, and the file is unchanged when the app exits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.locations import bundled_data_dir
from matchtui.workspace import demo_profile_path

TODAY = dt.date(2026, 11, 23)
DEMO = demo_profile_path().read_text(encoding="utf-8")
PRACTICE = ("practice", "--question", "tell_me_about_yourself")
GOOD_CSV = "name,state,specialty,tier\nLakeside Medical Center,WI,internal_medicine,community\n"
ANSWER = (
    "I grew up in Madison and my parents still live there. I worked as a research coordinator "
    "in a cardiometabolic clinic for eighteen months and passed Step 3 in 2024."
)


# --- helpers -------------------------------------------------------------------------------------
def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def tree(*roots: Path) -> dict[str, str]:
    """Every file and folder under `roots`: path -> sha256 of its bytes ("dir" for folders).

    The store's validated caches (.NAME.cache.pickle, keyed by the file's hash), the validated
    reference data (.catalog.cache.pickle) and the store's empty lock files (.NAME.lock) are
    not the user's files and are left out."""
    found: dict[str, str] = {}
    for root in roots:
        if root.is_file():
            found[str(root)] = hashlib.sha256(root.read_bytes()).hexdigest()
            continue
        for path in sorted(root.rglob("*")):
            if path.name.endswith((".cache.pickle", ".lock")):
                continue
            if path.is_dir():
                found[str(path)] = "dir"
            elif path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """matchtui.cli.main in-process: (exit code, stdout, stderr)."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits by itself for usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code: int, out: str, err: str, *names: str) -> None:
    assert code == 2, (code, err)
    assert out == "", out
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("matchtui: error: "), err
    assert "Traceback" not in err
    for name in names:
        assert name in err, (name, err)


@pytest.fixture
def seeded(home: Path) -> Path:
    """A home folder that already holds the demo profile (not a first run), 0700 like the app's."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (home / "profile.toml").write_text(DEMO, encoding="utf-8")
    return home


# --- the cases -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One bad input: files to write (name -> text or bytes), the argv ({d} is the folder the
    files are in), and what the one error line must name (formatted the same way)."""

    id: str
    argv: tuple[str, ...]
    names: tuple[str, ...]
    files: tuple[tuple[str, str | bytes], ...] = ()


def _profile(old: str, new: str) -> str:
    assert old in DEMO
    return DEMO.replace(old, new, 1)


WRONG_TYPE = _profile("cycle_year = 2027", 'cycle_year = "soon"')
UNKNOWN_KEY = _profile("[exams]\n", "[exams]\ncolour = 1\n")
BAD_REF = _profile('region = "midwest"\n\n[clinical]', 'region = "atlantis"\n\n[clinical]')
INVALID_TOML = _profile("cycle_year = 2027", "cycle_year = ")
HUGE = _profile("cycle_year = 2027", "cycle_year = 100000000000000000000000000000")
DEEP = "schema_version = 1\nx = " + "[" * 3000 + "]" * 3000 + "\n"
BAD_UTF8 = DEMO.encode("utf-8").replace(b"Avery", b"Av\xff\xfery", 1)

PROFILE_FILES: tuple[tuple[str, str | bytes, tuple[str, ...]], ...] = (
    # name, content, what the line names (besides the file)
    ("wrong_type.toml", WRONG_TYPE, (f":{line_of(WRONG_TYPE, 'cycle_year')}:", "[cycle_year]")),
    ("unknown_key.toml", UNKNOWN_KEY, (f":{line_of(UNKNOWN_KEY, 'colour')}:", "colour")),
    ("bad_ref.toml", BAD_REF, (f":{line_of(BAD_REF, 'atlantis')}:", "targets.region")),
    ("invalid.toml", INVALID_TOML, (f":{line_of(INVALID_TOML, 'cycle_year')}:", "TOML")),
    ("huge.toml", HUGE, ("[cycle_year]",)),
    ("deep.toml", DEEP, ("nested too deeply",)),
    ("empty.toml", "", ("required key is missing",)),
    ("bad_utf8.toml", BAD_UTF8, (f":{line_of(DEMO, 'Avery')}:", "UTF-8")),
)


def _profile_cases() -> list[Case]:
    cases = []
    for command in ("assess", "mix", "report"):
        for name, content, names in PROFILE_FILES:
            cases.append(
                Case(
                    f"{command}-{name.removesuffix('.toml')}",
                    (command, "--profile", f"{{d}}/{name}"),
                    (f"{{d}}/{name}", *names),
                    ((name, content),),
                )
            )
        cases.append(
            Case(
                f"{command}-missing-profile",
                (command, "--profile", "{d}/nowhere.toml"),
                ("{d}/nowhere.toml", "not found"),
            )
        )
        cases.append(
            Case(f"{command}-profile-is-a-folder", (command, "--profile", "{d}"), ("{d}",))
        )
    cases.append(  # with --json too: the error is still one line and stdout stays empty
        Case(
            "assess-json-wrong-type",
            ("assess", "--json", "--profile", "{d}/p.toml"),
            ("{d}/p.toml", "[cycle_year]"),
            (("p.toml", WRONG_TYPE),),
        )
    )
    return cases


OPTION_CASES = [
    Case("mix-shares-sum", ("mix", "--mix", "50,50,50"), ("--mix", "sum to 150")),
    Case("mix-two-shares", ("mix", "--mix", "50,50"), ("--mix",)),
    Case("mix-share-word", ("mix", "--mix", "a,b,c"), ("--mix",)),
    Case("mix-apps-zero", ("mix", "--apps", "0"), ("--apps", "outside 1-200")),
    Case("mix-apps-word", ("mix", "--apps", "many"), ("--apps", "'many'")),
    Case("mix-region-101", ("mix", "--region-share", "101"), ("--region-share", "0-100")),
    Case("mix-region-negative", ("mix", "--region-share", "-5"), ("--region-share",)),
    Case("mix-unknown-specialty", ("mix", "--specialty", "nope"), ("--specialty", "'nope'")),
    Case("mix-signals-too-many", ("mix", "--signals", "999"), ("--signals", "999")),
    Case("mix-signals-negative", ("mix", "--signals", "-1"), ("--signals",)),
    Case("report-format", ("report", "--format", "pdf"), ("--format", "pdf")),
    Case("unknown-command", ("frobnicate",), ("frobnicate",)),
    Case("programs-no-action", ("programs",), ("ACTION",)),
    Case(
        "practice-seconds",
        (*PRACTICE, "--answer-file", "{d}/a.txt", "--seconds", "-1"),
        ("--seconds",),
        (("a.txt", ANSWER),),
    ),
    Case(
        "practice-no-question",
        ("practice", "--answer-file", "{d}/a.txt"),
        ("--question",),
        (("a.txt", ANSWER),),
    ),
]

PRACTICE_CASES = [
    Case(
        "practice-unknown-question",
        ("practice", "--question", "nope", "--answer-file", "{d}/a.txt"),
        ("'nope'", "question"),
        (("a.txt", ANSWER),),
    ),
    Case(
        "practice-missing-answer",
        ("practice", "--question", "tell_me_about_yourself", "--answer-file", "{d}/none.txt"),
        ("{d}/none.txt", "not found"),
    ),
    Case(
        "practice-answer-is-a-folder",
        ("practice", "--question", "tell_me_about_yourself", "--answer-file", "{d}"),
        ("{d}", "folder"),
    ),
    Case(
        "practice-answer-bad-utf8",
        ("practice", "--question", "tell_me_about_yourself", "--answer-file", "{d}/a.txt"),
        ("{d}/a.txt:2:", "UTF-8"),
        (("a.txt", b"First line.\nSecond \xff line.\n"),),
    ),
    Case(
        "practice-answer-empty",
        ("practice", "--question", "tell_me_about_yourself", "--answer-file", "{d}/a.txt"),
        ("{d}/a.txt", "empty"),
        (("a.txt", "  \n\n"),),
    ),
]

REPORT_CASES = [
    Case(
        "report-output-exists",
        ("report", "-o", "{d}/report.md"),
        ("{d}/report.md", "--force"),
        (("report.md", "my notes, not to be lost\n"),),
    ),
    Case(
        "report-output-exists-text",
        ("report", "--format", "text", "--output", "{d}/r.txt"),
        ("{d}/r.txt", "--force"),
        (("r.txt", b"\x00\x01 binary"),),
    ),
    Case("report-output-folder", ("report", "-o", "{d}"), ("{d}", "folder")),
    Case("report-output-no-folder", ("report", "-o", "{d}/no/r.md"), ("{d}/no",)),
]

BAD_CSV_ROW = GOOD_CSV + "Gulf Regional,TX,internal_medicine,elite\n"
IMPORT_CASES = [
    Case(
        "import-one-bad-row",
        ("programs", "import", "{d}/list.csv"),
        ("{d}/list.csv:3:", "tier", "'elite'", "--skip-bad"),
        (("list.csv", BAD_CSV_ROW),),
    ),
    Case(
        "import-bad-state",
        ("programs", "import", "{d}/list.csv"),
        ("{d}/list.csv:2:", "state", "'ZZ'"),
        (("list.csv", GOOD_CSV.replace(",WI,", ",ZZ,")),),
    ),
    Case(
        "import-bad-header",
        ("programs", "import", "{d}/list.csv"),
        ("{d}/list.csv:1:", "header", "'where'"),
        (("list.csv", "name,where\nA,B\n"),),
    ),
    Case(
        "import-bad-header-skip-bad",
        ("programs", "import", "--skip-bad", "{d}/list.csv"),
        ("{d}/list.csv:1:", "header"),
        (("list.csv", "name,where\nA,B\n"),),
    ),
    Case(
        "import-empty",
        ("programs", "import", "{d}/list.csv"),
        ("{d}/list.csv", "empty"),
        (("list.csv", ""),),
    ),
    Case(
        "import-bad-utf8",
        ("programs", "import", "{d}/list.csv"),
        ("{d}/list.csv:2:", "UTF-8"),
        (("list.csv", GOOD_CSV.encode().replace(b"Lakeside", b"Lake\xffside")),),
    ),
    Case(
        "import-missing",
        ("programs", "import", "{d}/none.csv"),
        ("{d}/none.csv", "not found"),
    ),
    Case(
        "import-wrong-kind",
        ("programs", "import", "{d}/list.txt"),
        ("{d}/list.txt",),
        (("list.txt", GOOD_CSV),),
    ),
    Case(
        "import-bad-toml",
        ("programs", "import", "{d}/list.toml"),
        ("{d}/list.toml:2:",),
        (("list.toml", '[[programs]]\nname = "A\nstate = "WI"\n'),),
    ),
    Case(
        "import-toml-wrong-type",
        ("programs", "import", "{d}/list.toml"),
        ("{d}/list.toml", "programs"),
        (("list.toml", 'programs = "all of them"\n'),),
    ),
]


def _broken_data(folder: Path) -> None:
    """A copy of the reference data whose sources.toml (which every command reads) is broken."""
    shutil.copytree(bundled_data_dir(), folder)
    sources = folder / "sources.toml"
    sources.write_text("colour = 1\n" + sources.read_text(encoding="utf-8"), encoding="utf-8")


DATA_CASES = [
    # (id, argv after the global options, names); the data folder is {d}/data, sources.toml broken
    ("data-check", ("data", "check", "{d}/data"), ("{d}/data/sources.toml:1:", "[colour]")),
    ("data-assess", ("--data", "{d}/data", "assess"), ("{d}/data/sources.toml:1:", "[colour]")),
    ("data-mix", ("--data", "{d}/data", "mix"), ("{d}/data/sources.toml:1:", "[colour]")),
    ("data-report", ("--data", "{d}/data", "report"), ("{d}/data/sources.toml:1:", "[colour]")),
    (
        "data-practice",
        ("--data", "{d}/data", *PRACTICE, "--answer-file", "{d}/a.txt"),
        ("{d}/data/sources.toml:1:", "[colour]"),
    ),
    ("data-check-missing", ("data", "check", "{d}/nothing"), ("{d}/nothing", "not found")),
    ("data-missing", ("--data", "{d}/nothing", "assess"), ("{d}/nothing", "not found")),
    ("data-is-a-file", ("--data", "{d}/a.txt", "mix"), ("{d}/a.txt",)),
]

ALL_CASES = _profile_cases() + OPTION_CASES + PRACTICE_CASES + REPORT_CASES + IMPORT_CASES


def _write(folder: Path, files: tuple[tuple[str, str | bytes], ...]) -> None:
    for name, content in files:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_cli_bad_input_is_one_line_exit_2_and_nothing_changes(
    case: Case, seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, case.files)
    before = tree(seeded, folder)
    argv = [part.format(d=folder) for part in case.argv]
    code, out, err = run_main(["--home", str(seeded), *argv], capsys)
    assert_one_line(code, out, err, *(name.format(d=folder) for name in case.names))
    assert tree(seeded, folder) == before


@pytest.mark.parametrize("argv,names", [c[1:] for c in DATA_CASES], ids=[c[0] for c in DATA_CASES])
def test_cli_broken_data_folder_is_one_line_exit_2(
    argv: tuple[str, ...],
    names: tuple[str, ...],
    seeded: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _broken_data(folder / "data")
    (folder / "a.txt").write_text(ANSWER, encoding="utf-8")
    before = tree(seeded, folder)
    code, out, err = run_main(["--home", str(seeded), *(a.format(d=folder) for a in argv)], capsys)
    assert_one_line(code, out, err, *(name.format(d=folder) for name in names))
    assert tree(seeded, folder) == before


def test_data_check_lists_every_problem_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Validating a folder is a report: several problems are one line each plus a count (exit 2).
    data = tmp_path / "data"
    _broken_data(data)
    regions = data / "regions.toml"
    regions.write_bytes(b"\xff" + regions.read_bytes())
    before = tree(data)
    code, out, err = run_main(["data", "check", str(data)], capsys)
    assert code == 2 and out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert sorted(lines[:-1]) == sorted(
        [f"{data / 'sources.toml'}:1: [colour] unknown key", f"{regions}:1: not valid UTF-8 text"]
    )
    assert lines[-1] == f"matchtui: 2 problems in {data}"
    assert tree(data) == before


def test_import_with_several_bad_rows_lists_each_and_imports_nothing(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Several bad rows are listed one line each (file:line: column: problem) so all can be fixed
    # at once, then one summary line; nothing is imported.
    csv = tmp_path / "list.csv"
    csv.write_text(BAD_CSV_ROW + "Nowhere General,ZZ,internal_medicine,community\n")
    before = tree(seeded, csv)
    code, out, err = run_main(["programs", "import", str(csv)], capsys)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.splitlines() == [
        f"{csv}:3: tier: 'elite' is not one of academic, mid_tier, community",
        f"{csv}:4: state: 'ZZ' is not a US state code we know",
        f"matchtui: error: 2 bad rows in {csv}; nothing imported (fix them, or use --skip-bad "
        "to import the good rows)",
    ]
    assert tree(seeded, csv) == before


# --- broken files in the home folder --------------------------------------------------------------
HOME_BROKEN: dict[str, tuple[str | bytes, tuple[str, ...]]] = {
    # file -> (content, what the line names besides the file)
    "profile.toml": (UNKNOWN_KEY, (f":{line_of(UNKNOWN_KEY, 'colour')}:", "colour")),
    "plan.toml": ("schema_version = 1\nmix = 3\n", (":2:", "[mix]")),
    "programs.toml": (b'schema_version = 1\nprograms = "\xff"\n', (":2:", "UTF-8")),
    "practice.toml": ("schema_version = 9\nattempts = []\n", (":1:", "newer matchtui")),
}


@pytest.mark.parametrize(
    "argv,broken",
    [
        (("assess",), "profile.toml"),
        (("mix",), "profile.toml"),
        (("report",), "profile.toml"),
        (("mix",), "plan.toml"),
        (("programs", "import", "{d}/list.csv"), "programs.toml"),
    ],
    ids=["assess-profile", "mix-profile", "report-profile", "mix-plan", "import-programs"],
)
def test_cli_broken_home_file_is_one_line_exit_2_and_kept(
    argv: tuple[str, ...],
    broken: str,
    seeded: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content, names = HOME_BROKEN[broken]
    _write(seeded, ((broken, content),))
    (tmp_path / "list.csv").write_text(GOOD_CSV)
    before = tree(seeded, tmp_path / "list.csv")
    argv = tuple(a.format(d=tmp_path) for a in argv)
    code, out, err = run_main(["--home", str(seeded), *argv], capsys)
    assert_one_line(code, out, err, str(seeded / broken), *names)
    assert tree(seeded, tmp_path / "list.csv") == before


def test_cli_reads_around_broken_side_files_and_names_each(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # plan.toml, programs.toml and practice.toml are extras for assess and report: a broken one
    # is left out with a note naming it (exit 0), and never rewritten.
    for name in ("plan.toml", "programs.toml", "practice.toml"):
        _write(seeded, ((name, HOME_BROKEN[name][0]),))
    before = tree(seeded)
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert code == 0 and out
    plan = seeded / "plan.toml"
    assert err.splitlines() == [
        f"matchtui: note: program mix ignored: {plan}:2: [mix] Input should be a valid "
        "dictionary or instance of MixPlan"
    ]
    code, out, err = run_main(["--home", str(seeded), "report", "--format", "text"], capsys)
    assert code == 0 and out
    notes = err.splitlines()
    assert len(notes) == 3 and all(line.startswith("matchtui: note: ") for line in notes)
    for name in ("plan.toml", "programs.toml", "practice.toml"):
        assert any(str(seeded / name) in line for line in notes), name
        assert f"{name} could not be read" in out
    assert tree(seeded) == before


def test_cli_home_that_is_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine\n")
    for argv in (["assess"], ["mix"], ["report"]):
        code, out, err = run_main(["--home", str(not_a_folder), *argv], capsys)
        assert_one_line(code, out, err, str(not_a_folder))
    (tmp_path / "list.csv").write_text(GOOD_CSV)
    code, out, err = run_main(
        ["--home", str(not_a_folder), "programs", "import", str(tmp_path / "list.csv")], capsys
    )
    assert_one_line(code, out, err, str(not_a_folder))
    assert not_a_folder.read_text() == "mine\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes files whatever their mode")
def test_cli_unreadable_files_are_one_line(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    answer.chmod(0)
    profile = tmp_path / "p.toml"
    profile.write_text(DEMO)
    profile.chmod(0)
    try:
        code, out, err = run_main(
            ["practice", "--question", "tell_me_about_yourself", "--answer-file", str(answer)],
            capsys,
        )
        assert_one_line(code, out, err, str(answer), "cannot read")
        code, out, err = run_main(["assess", "--profile", str(profile)], capsys)
        assert_one_line(code, out, err, str(profile), "cannot read")
    finally:
        answer.chmod(0o600)
        profile.chmod(0o600)


# A few cases again as a real process: the exit code, the streams and no traceback are what a
# shell script sees.
PROCESS_CASES = [
    c
    for c in ALL_CASES
    if c.id
    in {
        "assess-bad_utf8",
        "mix-invalid",
        "report-output-exists",
        "practice-unknown-question",
        "import-one-bad-row",
        "mix-shares-sum",
    }
]


@pytest.mark.parametrize("case", PROCESS_CASES, ids=[c.id for c in PROCESS_CASES])
def test_cli_process_bad_input_exit_2_one_line(case: Case, seeded: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, case.files)
    before = tree(seeded, folder)
    result = subprocess.run(
        [sys.executable, "-m", "matchtui", "--home", str(seeded)]
        + [part.format(d=folder) for part in case.argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MATCHTUI_DEBUG": ""},
    )
    assert_one_line(
        result.returncode,
        result.stdout,
        result.stderr,
        *(name.format(d=folder) for name in case.names),
    )
    assert tree(seeded, folder) == before


# --- the app --------------------------------------------------------------------------------------
APP_CASES: dict[str, tuple[str, str | bytes, tuple[str, ...]]] = {
    # file -> (pane that reads it, content, what the message names besides the file)
    "profile.toml": ("profile", BAD_UTF8, ("UTF-8",)),
    "plan.toml": ("plan", "schema_version = 1\nmix = 3\n", ("[mix]",)),
    "practice.toml": ("practice", "schema_version = 1\nattempts = [\n", ("TOML",)),
    "programs.toml": ("mix", "schema_version = 1\ncolour = 'blue'\n", ("[colour]",)),
}


def toasts(app: Any) -> str:
    from textual.widgets._toast import Toast

    return "\n".join(toast.render().plain for toast in app.screen.query(Toast))


async def _open(workspace: Any, pane: str, keys: tuple[str, ...] = ()) -> str:
    """Open the app on `pane`, press `keys` (pane keys: each pane must open), quit; returns
    every notification seen on the way."""
    app = MatchApp(workspace, first_pane=pane, today=TODAY)
    seen: list[str] = []
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running
        seen.append(toasts(app))
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running
            seen.append(toasts(app))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running and app.return_code in (None, 0)
    return "\n".join(seen)


@pytest.mark.parametrize("name", list(APP_CASES))
async def test_app_names_a_broken_home_file_and_keeps_it(
    name: str, workspace: Any, seeded: Path
) -> None:
    pane, content, names = APP_CASES[name]
    _write(seeded, ((name, content),))
    before = tree(seeded)
    message = await _open(workspace, pane)
    assert str(seeded / name) in message, message
    for part in names:
        assert part in message, (part, message)
    assert tree(seeded) == before


async def test_app_with_every_home_file_broken_opens_and_changes_nothing(
    workspace: Any, seeded: Path
) -> None:
    for name, (_, content, _) in APP_CASES.items():
        _write(seeded, ((name, content),))
    before = tree(seeded)
    message = await _open(workspace, "mix", ("f1", "f2", "f3", "f5", "f6"))
    for name in APP_CASES:
        assert str(seeded / name) in message, name
    assert tree(seeded) == before


async def test_app_saving_over_a_broken_file_keeps_the_original_aside(
    workspace: Any, seeded: Path, tmp_path: Path
) -> None:
    from textual import events
    from textual.widgets import Input

    from matchtui.models.practice import PracticeLog
    from matchtui.store import Store
    from matchtui.widgets.practice_answer import real_answer

    broken_practice = b"schema_version = 1\nattempts = [\n"
    broken_programs = b"schema_version = 1\ncolour = 'blue'\n"
    _write(seeded, (("practice.toml", broken_practice), ("programs.toml", broken_programs)))
    csv = tmp_path / "list.csv"
    csv.write_text(GOOD_CSV)
    app = MatchApp(workspace, first_pane="practice", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert (await real_answer(app.screen)).has_focus  # the editor, once it is in place
        app.post_message(events.Paste(ANSWER))
        await pilot.pause()
        await pilot.press("ctrl+s")  # a new attempt: practice.toml is written anew
        await pilot.pause()
        # The program list did not load: importing into it is refused, the file is kept.
        await pilot.press("f4", "l")
        await pilot.pause()
        field = app.screen.query_one("#import-path", Input)
        field.value = str(csv)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        result = str(app.screen.query_one("#import-result").render())
        assert "programs.toml did not load" in result and "nothing was imported" in result
    assert (seeded / "programs.toml").read_bytes() == broken_programs
    aside = sorted(seeded.glob("practice.toml.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == broken_practice
    log = Store(seeded).load("practice.toml", PracticeLog)
    assert [a.text for a in log.attempts] == [ANSWER]


def test_a_row_with_several_slips_names_each_and_suggests_the_choice_meant(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row named only its first bad cell, so each fix revealed the next; a misspelt tier,
    signal or stage said what it takes but not which one was meant, as a state or a
    specialty does."""
    csv = tmp_path / "list.csv"
    csv.write_text(
        "name,state,specialty,tier,signal,status,applied_on\n"
        "Toledo FM,OH,family_med,communty,gld,aplied,2026-09-40\n"
    )
    code, out, err = run_main(["programs", "import", str(csv)], capsys)
    assert code == 2 and out == ""
    line = err.splitlines()[0]
    assert f"{csv}:2: specialty: 'family_med' is not a specialty id" in line
    assert "(did you mean family_medicine?)" in line
    assert (
        "; tier: 'communty' is not one of academic, mid_tier, community (did you mean community?)"
        in line
    )
    assert "; signal: 'gld' is not one of" in line and "(did you mean gold?)" in line
    assert "; status: 'aplied' is not one of" in line and "(did you mean applied?)" in line
    assert "; applied_on: '2026-09-40' is not a date (write it as YYYY-MM-DD)" in line


@pytest.mark.parametrize(
    ("name", "text", "argv", "named"),
    [
        (
            "profile.toml",
            _profile("[exams]\nstep1 =", "[exams]\nstep2score = 240\nstep1 ="),
            ("assess",),
            "[exams.step2score] unknown key; did you mean step2_score?",
        ),
        (
            "profile.toml",
            _profile('kind = "family"', 'kind = "family"\nnotes = "x"'),
            ("assess",),
            "[ties[0].notes] unknown key; did you mean note?",
        ),
        (
            "plan.toml",
            'schema_version = 1\n[timeline.items.reality_sheet]\nstatuss = "done"\n',
            ("mix",),
            "[timeline.items.reality_sheet.statuss] unknown key; did you mean status?",
        ),
        (
            "couples.toml",
            '[[pairs]]\na = "Lake IM"\nb = "no_match"\nchance_a = 0.5\n',
            ("ranklist", "check", "{d}/couples.toml"),
            "[pairs[0].chance_a] unknown key; did you mean a_chance?",
        ),
    ],
    ids=["profile-key", "profile-table-list", "plan-table-of-tables", "couples-reordered"],
)
def test_an_unknown_key_names_the_key_meant(
    seeded: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    argv: tuple[str, ...],
    named: str,
) -> None:
    """'[pairs[0].chance_a] unknown key' left the applicant to find the right spelling in the
    README (it is a_chance); a key is now matched against the keys its table takes."""
    (seeded / name).write_text(text, encoding="utf-8")
    code, _, err = run_main([a.format(d=seeded) for a in argv], capsys)
    assert code == 2
    assert named in err, err


def _two_slips(seeded: Path) -> Path:
    """The demo profile made a resident's with two slips: no training region, and Step 3's
    status in capitals."""
    text = demo_profile_path().read_text(encoding="utf-8")
    text = text.replace('situation = "not_in_training"', 'situation = "in_training"')
    text = text.replace('step3 = "passed"', 'step3 = "Passed"')
    path = seeded / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_line_places_every_problem_in_the_file(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line said only "(and 1 more)": the applicant fixed one problem, ran again and met
    the next. The line still names the first in full, then where each other one is; a slip in a
    fixed choice names the choice meant."""
    path = _two_slips(seeded)
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert_one_line(code, out, err, f"{path}:13: [applicant.training_region] needed while in")
    assert err.rstrip().endswith("(and 1 more: [exams.step3] on line 29)"), err
    (seeded / "profile.toml").write_text(
        DEMO.replace('step3 = "passed"', 'step3 = "Passed"'), encoding="utf-8"
    )
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert_one_line(code, out, err)
    assert err.rstrip().endswith(
        "[exams.step3] Input should be 'not_taken', 'scheduled' or 'passed'; did you mean passed?"
    ), err


def test_a_long_list_of_problems_names_the_first_few(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = "".join(f"colour_{n} = 1\n" for n in range(6))
    (seeded / "profile.toml").write_text(keys + DEMO, encoding="utf-8")
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert_one_line(code, out, err, "[colour_0] unknown key")
    assert err.rstrip().endswith(
        "(and 5 more: [colour_1] on line 2, [colour_2] on line 3, [colour_3] on line 4, ...)"
    ), err


async def test_app_lists_every_problem_of_a_file_it_cannot_load(
    workspace: Any, seeded: Path
) -> None:
    path = _two_slips(seeded)
    message = await _open(workspace, "reality")
    assert f"{path}:13: [applicant.training_region] needed while in training" in message
    assert "[exams.step3] Input should be" in message and "did you mean passed?" in message
    assert "more" not in message
    assert "Showing the demo profile; your file was not changed." in message


def test_a_chance_written_as_a_percentage_says_how_to_write_it(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rank list's 'chance = 35' was told only 'Input should be less than or equal to 1'."""
    ranks = tmp_path / "ranks.toml"
    ranks.write_text(
        '[[ranks]]\nprogram = "Emory Psychiatry"\nchance = 0.2\n'
        '[[ranks]]\nprogram = "Augusta Psychiatry"\nchance = 35\n',
        encoding="utf-8",
    )
    code, out, err = run_main(["--home", str(seeded), "ranklist", "check", str(ranks)], capsys)
    assert_one_line(
        code,
        out,
        err,
        f"{ranks}:6: [ranks[1].chance] Input should be less than or equal to 1; it is a share "
        "from 0 to 1: 35% is written 0.35",
    )
    ranks.write_text('[[ranks]]\nprogram = "Emory Psychiatry"\nchance = "35%"\n', encoding="utf-8")
    code, out, err = run_main(["--home", str(seeded), "ranklist", "check", str(ranks)], capsys)
    assert_one_line(code, out, err, "[ranks[0].chance] Input should be a valid number")
    assert err.rstrip().endswith("a share is a number from 0 to 1: 35% is written 0.35"), err
    ranks.write_text('[[ranks]]\nprogram = "Emory Psychiatry"\nchance = 250\n', encoding="utf-8")
    code, out, err = run_main(["--home", str(seeded), "ranklist", "check", str(ranks)], capsys)
    assert_one_line(code, out, err, "[ranks[0].chance] Input should be less than or equal to 1")
    assert "share" not in err


def test_a_graduation_after_the_match_names_the_line_and_field(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A graduate whose graduation year came after the Match year was told so with the file
    only: no line, no field (a rule over the whole profile)."""
    path = seeded / "profile.toml"
    path.write_text(
        DEMO.replace("graduation_year = 2021", "graduation_year = 2029"), encoding="utf-8"
    )
    line = DEMO.splitlines().index("graduation_year = 2021") + 1
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert_one_line(
        code,
        out,
        err,
        f"{path}:{line}: [applicant.graduation_year] 2029 is after the 2027 Match (cycle_year), "
        "but the situation says you have already graduated",
    )


def test_one_item_where_a_list_is_wanted_is_told_the_brackets(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """specialties = "family_medicine" was told only 'Input should be a valid list'."""
    line = next(x for x in DEMO.splitlines() if x.startswith("specialties = "))
    (seeded / "profile.toml").write_text(
        DEMO.replace(line, 'specialties = "family_medicine"'), encoding="utf-8"
    )
    code, out, err = run_main(["--home", str(seeded), "assess"], capsys)
    assert_one_line(code, out, err, "[targets.specialties] Input should be a valid list")
    assert err.rstrip().endswith('write it in brackets, as a list: ["family_medicine"]'), err
