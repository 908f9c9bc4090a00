"""Issue 12: the Workspace is the one guarded door to the applicant's files.

Each test names the numbered item of issue 12 it covers (item1 ... item9); every one failed
before the fix. The two-writer tests interleave saves from two Workspaces (and from the app and
a CLI process) on each file kind: no write is lost and every conflict is surfaced.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.cli import main
from matchtui.errors import Conflict, FileProblems
from matchtui.models.plan import PlanFile, TimelineState
from matchtui.models.practice import Attempt
from matchtui.models.profile import Profile
from matchtui.models.programs import Program, ProgramList
from matchtui.store import PLAN, PRACTICE, PROFILE, PROGRAMS
from matchtui.workspace import Workspace, demo_profile_path

DEMO = demo_profile_path().read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 23)
CSV_HEAD = "name,state,specialty,tier\n"


def fresh(catalog: Any) -> Workspace:
    """Another Workspace on the same home (as a second app or CLI would have)."""
    ws = Workspace.from_options()
    ws.__dict__["catalog"] = catalog
    return ws


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def attempt(n: int) -> Attempt:
    return Attempt(
        question="why_region",
        time=dt.datetime(2026, 11, 1, 9, 0) + dt.timedelta(minutes=n),
        score=50 + n % 40,
        text=f"answer number {n}",
    )


def program(name: str, state: str = "WI") -> Program:
    return Program.model_validate(
        {"name": name, "state": state, "specialty": "internal_medicine", "tier": "community"}
    )


def others(home: Path, label: str) -> list[Path]:
    return sorted(home.glob(f"*.{label}-*"))


# --- item 1: a profile with an unknown id is set aside, not lost ---------------------------------
def test_item1_unknown_id_profile_survives_two_saves(home: Path, workspace: Workspace) -> None:
    home.mkdir(mode=0o700)
    typo = DEMO.replace('home_region = "midwest"', 'home_region = "midwset"')
    (home / PROFILE).write_text(typo)
    with pytest.raises(FileProblems, match="home_region"):
        workspace.load_profile()
    demo = Profile.model_validate(tomllib.loads(DEMO))
    workspace.save_profile(demo)
    workspace.save_profile(demo)
    kept = others(home, "broken")
    assert len(kept) == 1 and kept[0].read_text() == typo
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    # .bak holds only versions that loaded: never the typo'd file
    assert "midwset" not in (home / f"{PROFILE}.bak").read_text()


def test_item1_a_store_that_never_loaded_checks_ids_before_saving(
    home: Path, workspace: Workspace
) -> None:
    home.mkdir(mode=0o700)
    typo = DEMO.replace('home_region = "midwest"', 'home_region = "midwset"')
    (home / PROFILE).write_text(typo)
    workspace.save_profile(Profile.model_validate(tomllib.loads(DEMO)))
    assert [p.read_text() for p in others(home, "broken")] == [typo]
    assert not (home / f"{PROFILE}.bak").exists()


# --- item 2: concurrent writers ------------------------------------------------------------------
def test_item2_plan_saved_by_two_workspaces_conflicts(
    home: Path, workspace: Workspace, catalog: Any
) -> None:
    other = fresh(catalog)
    mine, theirs = workspace.load_plan(), other.load_plan()
    other.save_plan(theirs.model_copy(update={"timeline": TimelineState(start_month="2026-12")}))
    changed = mine.model_copy(update={"timeline": TimelineState(start_month="2027-01")})
    with pytest.raises(Conflict) as caught:
        workspace.save_plan(changed)
    assert caught.value.path == home / PLAN and "created" in caught.value.changed
    assert not caught.value.mergeable
    on_disk = other.load_plan()
    assert on_disk.timeline is not None and on_disk.timeline.start_month == "2026-12"
    # keep mine: the other version is kept as a dated copy, created exclusively
    workspace.save_plan(changed, keep_mine=True)
    [copy] = others(home, "other")
    assert re.fullmatch(r"plan\.toml\.other-\d{8}-\d{6}-[0-9a-f]{8}", copy.name)
    assert "2026-12" in copy.read_text() and "2027-01" in (home / PLAN).read_text()


def test_item2_plan_conflict_after_the_other_saved_twice(
    home: Path, workspace: Workspace, catalog: Any
) -> None:
    workspace.save_plan(PlanFile())
    other = fresh(catalog)
    workspace.load_plan()
    other.load_plan()
    for month in ("2026-10", "2026-11"):
        other.save_plan(PlanFile(timeline=TimelineState(start_month=month)))
        with pytest.raises(Conflict, match="modified"):
            workspace.save_plan(PlanFile(timeline=TimelineState(start_month="2027-02")))
    # reload, then save: nothing lost, no conflict
    reloaded = workspace.reload_plan()
    assert reloaded.timeline is not None and reloaded.timeline.start_month == "2026-11"
    workspace.save_plan(reloaded)


def test_item2_practice_attempts_from_two_workspaces_all_survive(
    home: Path, workspace: Workspace, catalog: Any
) -> None:
    other = fresh(catalog)
    mine, theirs = workspace.load_practice(), other.load_practice()
    for n in range(3):
        theirs.attempts.append(attempt(100 + n))
        theirs = other.save_practice(theirs).model
        mine.attempts.append(attempt(n))
        saved = workspace.save_practice(mine)
        assert saved.merged  # the other's attempt was kept, not overwritten
        mine = saved.model
    on_disk = fresh(catalog).load_practice()
    assert sorted(a.text for a in on_disk.attempts) == sorted(
        [f"answer number {n}" for n in (0, 1, 2, 100, 101, 102)]
    )


def test_item2_app_list_edit_after_cli_import_is_a_conflict_that_merges(
    home: Path, workspace: Workspace, catalog: Any, tmp_path: Path
) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text(CSV_HEAD + "First Program,WI,internal_medicine,community\n")
    assert main(["programs", "import", str(csv)]) == 0
    listed = workspace.load_programs()  # the app's copy
    csv.write_text(CSV_HEAD + "Second Program,IA,internal_medicine,academic\n")
    assert main(["programs", "import", str(csv)]) == 0  # meanwhile, the CLI adds one
    edited = ProgramList(programs=[*listed.programs, program("Edited In App", "MN")])
    with pytest.raises(Conflict) as caught:
        workspace.save_programs(edited)
    assert caught.value.mergeable
    saved = workspace.save_programs(edited, merge=True)
    names = [p.name for p in fresh(catalog).load_programs().programs]
    assert sorted(names) == ["Edited In App", "First Program", "Second Program"]
    assert saved.merged and [p.name for p in saved.model.programs] == names


def test_item2_program_edit_that_is_not_an_append_is_not_merged(
    home: Path, workspace: Workspace, catalog: Any
) -> None:
    workspace.save_programs(ProgramList(programs=[program("A"), program("B")]))
    other = fresh(catalog)
    mine = workspace.load_programs()
    other.load_programs()
    other.save_programs(ProgramList(programs=[program("A")]))  # the other deleted B
    with pytest.raises(Conflict) as caught:
        workspace.save_programs(mine, merge=True)
    assert not caught.value.mergeable


def test_item2_profile_edited_in_an_editor_is_never_overwritten(
    home: Path, workspace: Workspace
) -> None:
    profile = workspace.load_profile()
    edited = DEMO.replace('name = "Avery Lindqvist"', 'name = "Edited In Vim"')
    (home / PROFILE).write_text(edited)
    for _ in range(2):
        with pytest.raises(Conflict):
            workspace.save_profile(profile)
    assert (home / PROFILE).read_text() == edited
    workspace.save_profile(profile, keep_mine=True)
    assert [p.read_text() for p in others(home, "other")] == [edited]


def test_item2_cli_imports_racing_each_other_lose_nothing(home: Path, tmp_path: Path) -> None:
    """Four CLI processes import at once: the lock serialises the read-modify-writes."""
    files = []
    for n in range(4):
        path = tmp_path / f"list{n}.csv"
        rows = "".join(f"Program {n}-{i},WI,internal_medicine,community\n" for i in range(5))
        path.write_text(CSV_HEAD + rows)
        files.append(path)
    env = {**os.environ, "MATCHTUI_HOME": str(home)}
    code = "import sys; from matchtui.cli import main; sys.exit(main(sys.argv[1:]))"
    children = [
        subprocess.Popen([sys.executable, "-c", code, "programs", "import", str(f)], env=env)
        for f in files
    ]
    assert [c.wait(timeout=120) for c in children] == [0, 0, 0, 0]
    data = tomllib.loads((home / PROGRAMS).read_text())
    assert len(data["programs"]) == 20


def test_item2_practice_appends_from_processes_lose_nothing(home: Path) -> None:
    """Three processes append attempts through Workspace.add_attempt at the same time."""
    writer = (
        "import sys, datetime as dt\n"
        "from matchtui.workspace import Workspace\n"
        "from matchtui.models.practice import Attempt\n"
        "ws = Workspace.from_options()\n"
        "for i in range(8):\n"
        "    ws.add_attempt(Attempt(question='why_region', time=dt.datetime(2026, 1, 1),\n"
        "                           score=50, text=f'{sys.argv[1]}-{i}'))\n"
    )
    env = {**os.environ, "MATCHTUI_HOME": str(home)}
    children = [subprocess.Popen([sys.executable, "-c", writer, name], env=env) for name in "abc"]
    assert [c.wait(timeout=120) for c in children] == [0, 0, 0]
    log = tomllib.loads((home / PRACTICE).read_text())
    assert sorted(a["text"] for a in log["attempts"]) == sorted(
        f"{n}-{i}" for n in "abc" for i in range(8)
    )


async def test_item2_app_and_cli_conflict_dialog_merges(
    home: Path, workspace: Workspace, tmp_path: Path
) -> None:
    """The app holds the program list; a CLI process imports; an edit in the app shows the
    conflict dialog, and Merge keeps both."""
    from matchtui.widgets.conflict import ConflictDialog
    from matchtui.widgets.program_table import ProgramTable

    csv = tmp_path / "a.csv"
    csv.write_text(CSV_HEAD + "App Program,WI,internal_medicine,community\n")
    assert main(["programs", "import", str(csv)]) == 0
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        csv.write_text(CSV_HEAD + "Cli Program,IA,internal_medicine,academic\n")
        env = {**os.environ, "MATCHTUI_HOME": str(home)}
        done = subprocess.run(
            [sys.executable, "-m", "matchtui", "programs", "import", str(csv)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        table = app.screen.query_one("#programs-table", ProgramTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("s")  # cycle the status: the app saves its list
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.conflict.mergeable
        await pilot.click("#conflict-merge")
        await pilot.pause()
    data = tomllib.loads((home / PROGRAMS).read_text())
    names = sorted(p["name"] for p in data["programs"])
    assert names == ["App Program", "Cli Program"]
    assert next(p for p in data["programs"] if p["name"] == "App Program")["status"] != "planned"


# --- item 3: .bak is only ever a copy of a file that loaded -------------------------------------
def test_item3_saving_over_a_truncated_file_keeps_a_good_backup(
    home: Path, workspace: Workspace, catalog: Any
) -> None:
    v1 = Profile.model_validate(tomllib.loads(DEMO))
    v2 = v1.model_copy(deep=True)
    v2.applicant.name = "Version Two"
    workspace.save_profile(v1)
    workspace.save_profile(v2)
    (home / PROFILE).write_bytes(b"")  # a crashed editor
    app_side = fresh(catalog)
    with pytest.raises(FileProblems):
        app_side.load_profile()
    app_side.save_profile(v1)
    backup = tomllib.loads((home / f"{PROFILE}.bak").read_text())
    assert backup["applicant"]["name"] == "Avery Lindqvist"  # v1: a version that loaded
    assert [p.read_bytes() for p in others(home, "broken")] == [b""]


# --- item 4: an attempt whose save failed keeps the pane unsaved --------------------------------
async def test_item4_failed_practice_save_keeps_quit_asking(
    workspace: Workspace, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import OptionList

    from matchtui.widgets.confirm import Confirm, QuitDialog
    from matchtui.widgets.practice_answer import real_answer

    def full_disk(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device", str(home / PRACTICE))

    app = MatchApp(workspace, first_pane="practice", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one("#questions", OptionList)
        listing.highlighted = listing.get_option_index("why_region")
        await pilot.pause()
        area = await real_answer(screen)
        area.focus()
        await pilot.press("I")
        area.insert(" grew up in Madison and want to go back.")
        await pilot.pause()
        monkeypatch.setattr(workspace, "save_practice", full_disk)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "practice" in app.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, (Confirm, QuitDialog))  # quit asks first
        await pilot.press("escape")
        await pilot.pause()
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # try again: now it saves
        await pilot.pause()
        assert "practice" not in app.unsaved
    saved = tomllib.loads((home / PRACTICE).read_text())
    assert [a["text"] for a in saved["attempts"]] == ["I grew up in Madison and want to go back."]


# --- item 6: past the 20,000-program limit ------------------------------------------------------
def _full_list(home: Path, workspace: Workspace) -> None:
    programs = [
        Program.model_construct(
            name=f"Program {i}",
            city="",
            state="WI",
            specialty="internal_medicine",
            tier="community",
            signal=False,
            status="planned",
            notes="",
        )
        for i in range(20_000)
    ]
    rows = "".join(
        f'[[programs]]\nname = "{p.name}"\nstate = "WI"\nspecialty = "internal_medicine"\n'
        'tier = "community"\n'
        for p in programs
    )
    home.mkdir(mode=0o700, exist_ok=True)
    (home / PROGRAMS).write_text("schema_version = 1\n" + rows)
    assert len(workspace.load_programs().programs) == 20_000


def test_item6_cli_import_past_the_limit_is_one_line_exit_2(
    home: Path, workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _full_list(home, workspace)
    csv = tmp_path / "more.csv"
    csv.write_text(CSV_HEAD + "One Too Many,IA,internal_medicine,academic\n")
    before = (home / PROGRAMS).read_bytes()
    code, out, err = run_main(["programs", "import", str(csv)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "20,001" in err and "20,000" in err and str(home / PROGRAMS) in err
    assert (home / PROGRAMS).read_bytes() == before


async def test_item6_app_import_past_the_limit_is_a_message_not_a_crash(
    home: Path, workspace: Workspace, tmp_path: Path
) -> None:
    from textual.widgets import Input

    _full_list(home, workspace)
    csv = tmp_path / "more.csv"
    csv.write_text(CSV_HEAD + "One Too Many,IA,internal_medicine,academic\n")
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        field = app.screen.query_one("#import-path", Input)
        field.value = str(csv)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#import-result").render())
        assert "Nothing imported" in message and "20,000" in message
        assert app.is_running


# --- item 7: no link is followed on write -------------------------------------------------------
def test_item7_symlinked_profile_is_refused_and_the_target_untouched(
    home: Path, workspace: Workspace, tmp_path: Path
) -> None:
    home.mkdir(mode=0o700)
    target = tmp_path / "elsewhere.toml"
    target.write_text(DEMO)
    target.chmod(0o644)
    (home / PROFILE).symlink_to(target)
    profile = workspace.load_profile()
    with pytest.raises(FileProblems, match="symbolic link") as caught:
        workspace.save_profile(profile)
    assert str(home / PROFILE) in caught.value.summary()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() == DEMO
    assert not (home / f"{PROFILE}.bak").exists()


def test_item7_set_aside_names_are_unpredictable_and_never_follow_a_planted_link(
    home: Path, workspace: Workspace, tmp_path: Path
) -> None:
    home.mkdir(mode=0o700)
    (home / PLAN).write_text("this is not TOML [")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    now = dt.datetime.now()
    for seconds in range(0, 5):  # plant links at every predictable name for the next seconds
        stamp = (now + dt.timedelta(seconds=seconds)).strftime("%Y%m%d-%H%M%S")
        (home / f"{PLAN}.broken-{stamp}").symlink_to(victim)
    with pytest.raises(FileProblems):
        workspace.load_plan()
    workspace.save_plan(PlanFile())
    assert victim.read_text() == "precious"
    [kept] = [p for p in others(home, "broken") if not p.is_symlink()]
    assert re.fullmatch(r"plan\.toml\.broken-\d{8}-\d{6}-[0-9a-f]{8}", kept.name)
    assert kept.read_text() == "this is not TOML ["


def test_backup_is_a_copy_never_a_link(home: Path, workspace: Workspace) -> None:
    workspace.save_plan(PlanFile())
    workspace.save_plan(PlanFile(timeline=TimelineState(start_month="2026-12")))
    bak = home / f"{PLAN}.bak"
    assert not bak.is_symlink() and bak.stat().st_nlink == 1
    assert stat.S_IMODE(bak.stat().st_mode) == 0o600


# --- item 8: an existing home folder keeps its mode ---------------------------------------------
def test_item8_existing_home_mode_is_never_changed_and_a_warning_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    csv = tmp_path / "one.csv"
    csv.write_text(CSV_HEAD + "First Program,WI,internal_medicine,community\n")
    code, _, err = run_main(["--home", str(shared), "programs", "import", str(csv)], capsys)
    assert code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert "warning" in err and "other users" in err and str(shared) in err


def test_new_home_is_created_0700(tmp_path: Path, workspace: Workspace) -> None:
    os.umask(0o022)
    new = tmp_path / "new-home"
    code = main(["--home", str(new), "programs", "import", str(tmp_path / "missing.csv")])
    assert code == 2
    csv = tmp_path / "one.csv"
    csv.write_text(CSV_HEAD + "First Program,WI,internal_medicine,community\n")
    assert main(["--home", str(new), "programs", "import", str(csv)]) == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o700


# --- item 9: --profile F checks schema_version --------------------------------------------------
@pytest.mark.parametrize("version", ["999", "-5", "true"])
def test_item9_profile_option_checks_schema_version(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(re.sub(r"schema_version = \d+", f"schema_version = {version}", DEMO))
    code, out, err = run_main(["assess", "--profile", str(path)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert str(path) in err and "schema_version" in err


# --- errors never lose the file name; the app never dies on a save ------------------------------
def test_item11_full_disk_during_import_names_the_file(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text(CSV_HEAD + "First Program,WI,internal_medicine,community\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run_main(["programs", "import", str(csv)], capsys)
    assert code == 2 and err.count("\n") == 1, err
    assert "No space left on device" in err and str(home / PROGRAMS) in err
    assert not list(home.glob(".programs.toml.*.tmp"))
