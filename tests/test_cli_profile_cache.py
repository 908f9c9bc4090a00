"""The validated profile kept beside profile.toml (.profile.toml.cache.pickle, store.ValidatedCache,
as the program list): a command reads an unchanged profile without parsing it or building its
validator, and any change to the file, however small, is read from its text again. The mix
verdict is keyed by the pickled profile, so a profile read from the cache needs no serializer."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matchtui.cli import main
from matchtui.locations import bundled_data_dir
from matchtui.models.profile import Profile
from matchtui.store import PROFILE, Store
from matchtui.workspace import Workspace

CACHE = ".profile.toml.cache.pickle"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_a_command_keeps_the_validated_profile_and_reads_it_back_the_same(home: Path) -> None:
    first = _run("--home", str(home), "assess", "--json")
    assert first[0] == 0
    assert (home / CACHE).is_file()
    assert (home / CACHE).stat().st_mode & 0o777 == 0o600
    from_text = Workspace.from_options(home).store  # a fresh store: nothing in memory
    from_text.cache.path(PROFILE).unlink()
    workspace = Workspace.from_options(home)
    validated = workspace.load_profile()  # from the text (the cache was removed)
    cached = Workspace.from_options(home).load_profile()  # from the cache it rewrote
    assert (home / CACHE).is_file()
    assert cached == validated
    assert cached.model_dump(mode="json") == validated.model_dump(mode="json")
    assert _run("--home", str(home), "assess", "--json") == first
    assert (
        _run("--home", str(home), "mix", "--json")[1]
        == _run("--home", str(home), "mix", "--json")[1]
    )


def test_an_edited_profile_is_read_from_its_text_again(home: Path) -> None:
    assert _run("--home", str(home), "assess", "--json")[0] == 0
    path = home / "profile.toml"
    text = path.read_text()
    stamp = path.stat().st_mtime_ns
    # Same size and time, different content: only the bytes can tell.
    assert "step2_score = 238" in text
    path.write_text(text.replace("step2_score = 238", "step2_score = 250"))
    os.utime(path, ns=(stamp, stamp))
    profile = Workspace.from_options(home).load_profile()
    assert profile.exams.step2_score == 250
    path.write_text(text.replace("step2_score = 238", 'step2_score = "x"'))
    code, out, err = _run("--home", str(home), "assess", "--json")
    assert (code, out) == (2, "")
    assert "step2_score" in err


def test_a_cached_profile_is_still_checked_against_the_reference_data(
    home: Path, tmp_path: Path
) -> None:
    """The cache keeps what validation gave; the check against the data folder (unknown
    specialty or region ids) runs on every read, so other data cannot slip past it."""
    assert _run("--home", str(home), "assess", "--json")[0] == 0
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    profile = Workspace.from_options(home).load_profile()
    target = profile.targets.specialties[0]
    specialties = data / "specialties.toml"
    specialties.write_text(specialties.read_text().replace(f'"{target}"', '"renamed_x"'))
    code, out, err = _run("--home", str(home), "--data", str(data), "assess", "--json")
    assert (code, out) == (2, "")
    assert target in err


def test_mix_reads_a_cached_profile_without_building_its_validator(home: Path) -> None:
    probe = (
        "import sys\n"
        "from matchtui.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "from matchtui.models.profile import Profile\n"
        "from matchtui import safetext\n"
        "print('TEXT', bool(safetext._compiled), file=sys.stderr)\n"
        "print('BUILT', Profile.__pydantic_complete__, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    args = [sys.executable, "-c", probe, "--home", str(home), "mix", "--json"]
    runs = [subprocess.run(args, capture_output=True, text=True, timeout=60) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[1].stderr
    built = [r.stderr.split("BUILT ")[1].strip() for r in runs]
    assert built == ["True", "False"]  # validated from the text, then read from the cache
    # No text validated, no error printed: the control-character patterns were never compiled.
    assert "TEXT False" in runs[1].stderr
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)
    assert runs[0].stdout == runs[1].stdout


def test_the_mix_verdict_follows_the_profile_content(home: Path, catalog: object) -> None:
    """Keyed by the pickled profile: an unpickled copy shares the verdict; a changed profile
    gets its own (never a stale one)."""
    from matchtui.engine.mix import verdict_for

    assert _run("--home", str(home), "assess", "--json")[0] == 0
    validated = Store(home).load_file(home / "profile.toml", PROFILE, Profile)
    cached = Workspace.from_options(home).load_profile()
    assert verdict_for(cached, catalog) == verdict_for(validated, catalog)  # type: ignore[arg-type]
    away = cached.model_copy(
        update={"ties": [], "rotations": [], "letters": [], "narrative": type(cached.narrative)()}
    )
    before = verdict_for(cached, catalog)  # type: ignore[arg-type]
    after = verdict_for(away, catalog)  # type: ignore[arg-type]
    assert (before.back_home, after.back_home) == ("high", "very_low")
    assert verdict_for(cached, catalog) == before  # type: ignore[arg-type]


@pytest.mark.parametrize("command", ["assess", "mix"])
def test_a_profile_given_with_profile_is_never_cached(
    command: str, home: Path, tmp_path: Path
) -> None:
    own = tmp_path / "mine.toml"
    shutil.copy(bundled_data_dir() / "demo" / "profile.toml", own)
    assert _run("--home", str(home), command, "--profile", str(own), "--json")[0] == 0
    assert not (tmp_path / f".{own.name}.cache.pickle").exists()


def test_a_profile_read_again_in_the_same_session_is_a_copy_of_its_own(home: Path) -> None:
    """The store remembers the last profile it read (an unchanged file is not even unpickled
    again); each read gets its own copy, so an edit made to one never shows in the next."""
    workspace = Workspace.from_options(home)
    first = workspace.load_profile()
    first.exams.step2_score = 201  # a form editing the profile it was given
    again = workspace.reload_profile()
    assert again.exams.step2_score == 238
    assert again is not first
    third = workspace.reload_profile()
    again.exams.step2_score = 202
    assert third.exams.step2_score == 238
