from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from matchtui.errors import FileProblems
from matchtui.models.profile import Profile
from matchtui.store import PROFILE, Store
from matchtui.tomlio import key_lines


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_profile_round_trips(home: Path, demo_profile: Profile) -> None:
    store = Store(home)
    store.save(PROFILE, demo_profile)
    assert store.load(PROFILE, Profile) == demo_profile
    # a second round trip through text is stable too
    first = store.path(PROFILE).read_text()
    store.save(PROFILE, store.load(PROFILE, Profile))
    assert store.path(PROFILE).read_text() == first


def test_save_creates_private_folder_and_file_and_keeps_backup(
    home: Path, demo_profile: Profile
) -> None:
    store = Store(home)
    store.save(PROFILE, demo_profile)
    assert mode_of(home) == 0o700
    assert mode_of(store.path(PROFILE)) == 0o600
    changed = demo_profile.model_copy(update={"cycle_year": demo_profile.cycle_year + 1})
    store.save(PROFILE, changed)
    backup = home / "profile.toml.bak"
    assert backup.exists() and mode_of(backup) == 0o600
    assert store.load(PROFILE, Profile) == changed
    assert f"cycle_year = {demo_profile.cycle_year}" in backup.read_text()
    assert not [p for p in home.iterdir() if p.name.endswith(".tmp")]


def test_none_values_are_omitted(home: Path, demo_profile: Profile) -> None:
    store = Store(home)
    profile = demo_profile.model_copy(deep=True)
    profile.exams.step2_score = None
    store.save(PROFILE, profile)
    text = store.path(PROFILE).read_text()
    assert "step2_score" not in text and "schema_version = 1" in text


def test_bad_file_error_names_file_line_and_field(home: Path, demo_profile: Profile) -> None:
    store = Store(home)
    store.save(PROFILE, demo_profile)
    path = store.path(PROFILE)
    text = path.read_text().replace("months_last_24 = ", "months_last_24 = 1")  # e.g. 18 -> 118
    path.write_text(text)
    with pytest.raises(FileProblems) as caught:
        store.load(PROFILE, Profile)
    problem = caught.value.problems[0]
    assert problem.file == path and problem.key == "clinical.months_last_24"
    assert problem.line == key_lines(text)[("clinical", "months_last_24")]
    assert path.read_text() == text  # loading never rewrites


def test_saving_over_a_broken_file_sets_it_aside(home: Path, demo_profile: Profile) -> None:
    store = Store(home)
    store.ensure_home()
    path = store.path(PROFILE)
    path.write_text("not = [valid\n")
    store.save(PROFILE, demo_profile)
    kept = [p for p in home.iterdir() if p.name.startswith("profile.toml.broken-")]
    assert len(kept) == 1 and kept[0].read_text() == "not = [valid\n"


def test_old_schema_version_migrates_and_newer_is_refused(
    home: Path, demo_profile: Profile
) -> None:
    store = Store(home)
    store.save(PROFILE, demo_profile)
    path = store.path(PROFILE)
    text = path.read_text()
    path.write_text(text.replace("schema_version = 1\n", ""))  # a version-0 file
    assert store.load(PROFILE, Profile) == demo_profile
    path.write_text(text.replace("schema_version = 1", "schema_version = 9"))
    with pytest.raises(FileProblems, match="newer matchtui"):
        store.load(PROFILE, Profile)


def test_unknown_region_in_profile_names_the_field(workspace: Any, demo_profile: Profile) -> None:
    workspace.save_profile(demo_profile)
    path = workspace.store.path(PROFILE)
    path.write_text(path.read_text().replace('region = "midwest"', 'region = "atlantis"', 1))
    with pytest.raises(FileProblems) as caught:
        workspace.load_profile()
    problem = caught.value.problems[0]
    assert "atlantis" in problem.message and problem.line is not None


def test_first_run_copies_demo_profile(workspace: Any, home: Path) -> None:
    assert not home.exists()
    profile = workspace.load_profile()
    assert (home / PROFILE).exists() and profile.is_reentry and profile.is_returner


def test_invalid_utf8_names_the_line(home: Path) -> None:
    store = Store(home)
    store.ensure_home()
    store.path(PROFILE).write_bytes(b"cycle_year = 2027\n\xff\xfe = 1\n")
    with pytest.raises(FileProblems) as caught:
        store.load(PROFILE, Profile)
    assert caught.value.problems[0].line == 2


def test_umask_does_not_widen_permissions(home: Path, demo_profile: Profile) -> None:
    old = os.umask(0)
    try:
        Store(home).save(PROFILE, demo_profile)
    finally:
        os.umask(old)
    assert mode_of(home / PROFILE) == 0o600 and mode_of(home) == 0o700


def _programs(workspace: Any, count: int) -> Any:
    from bench.programs_fixture import make_programs

    return make_programs(workspace.catalog, count)


def test_program_list_parse_cache_follows_the_file(workspace: Any, home: Path) -> None:
    from matchtui.models.programs import ProgramList
    from matchtui.store import PROGRAMS

    store = workspace.store
    programs = _programs(workspace, 3)
    store.save(PROGRAMS, programs)
    cache = home / ".programs.toml.cache.json"
    assert cache.exists() and mode_of(cache) == 0o600
    assert store.load(PROGRAMS, ProgramList) == programs
    # A hand edit makes the cache stale: the edit is what loads.
    path = store.path(PROGRAMS)
    first = programs.programs[0].name
    path.write_text(path.read_text().replace(first, "Edited By Hand"))
    assert store.load(PROGRAMS, ProgramList).programs[0].name == "Edited By Hand"
    # A damaged cache is ignored.
    cache.write_text("{not json")
    assert store.load(PROGRAMS, ProgramList).programs[0].name == "Edited By Hand"


def test_program_list_errors_still_name_the_line_with_a_warm_cache(workspace: Any) -> None:
    from matchtui.models.programs import ProgramList
    from matchtui.store import PROGRAMS

    store = workspace.store
    store.save(PROGRAMS, _programs(workspace, 3))
    path = store.path(PROGRAMS)
    text = path.read_text()
    broken = text.replace('tier = "', 'tier = "royal_', 1)
    path.write_text(broken)
    with pytest.raises(FileProblems) as caught:
        store.load(PROGRAMS, ProgramList)
    problem = caught.value.problems[0]
    assert problem.key == "programs[0].tier"
    assert problem.line == key_lines(broken)[("programs", 0, "tier")]
