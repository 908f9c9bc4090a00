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
    assert "step2_score" not in text and "schema_version = 2" in text


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


# A profile as matchtui wrote it at schema version 1 (every field set, none at its default).
V1_PROFILE = """schema_version = 1
cycle_year = 2027

[applicant]
name = "Old File"
stage = "resident"
student_year = "m4"
degree = "us_do"
graduation_year = 2024
visa = "needs_sponsorship"
home_region = "west"
current_region = "south"
region_decided = "residency_late"

[exams]
step1 = "pass"
step1_attempts = 2
step2_score = 231
step2_attempts = 1
step3 = "passed"
step3_year = 2025
total_failures = 1

[history]
cycles_applied = 2
last_outcome = "matched_prelim"
soap = true

[targets]
specialties = ["internal_medicine", "family_medicine"]
region = "west"

[clinical]
role = "transitional"
months_last_24 = 20
months_since_last = 0

[[ties]]
kind = "family"
region = "west"
note = "Parents in Boise"

[[rotations]]
region = "west"
status = "done"
specialty = "internal_medicine"
place = "County hospital"

[[letters]]
specialty = "internal_medicine"
region = "west"
months_ago = 4
saw_real_work = true
author = "Dr. A"

[narrative]
why_home = "home story"
why_now = "now story"
plan_b = "plan b story"
"""


def _check_v1_values_kept(profile: Profile) -> None:
    a = profile.applicant
    assert profile.schema_version == 2 and profile.cycle_year == 2027
    assert (a.name, a.situation, a.stage, a.student_year, a.degree) == (
        "Old File",
        "in_training",
        "resident",
        "m4",
        "us_do",
    )
    assert (a.graduation_year, a.visa, a.home_region) == (2024, "needs_sponsorship", "west")
    assert (a.lives_in, a.training_region, a.current_region) == ("south", "south", "south")
    assert a.region_decided == "residency_late"
    e = profile.exams
    assert (e.step1, e.step1_attempts, e.step2_score, e.step2_attempts) == ("pass", 2, 231, 1)
    assert (e.step3, e.step3_year, e.total_failures) == ("passed", 2025, 1)
    cycles = profile.history.cycles
    assert profile.cycles_attempted == 2 and len(cycles) == 2
    assert cycles[0].outcome == "unmatched" and not cycles[0].soap
    assert (cycles[1].outcome, cycles[1].preliminary, cycles[1].soap) == ("matched", True, True)
    assert profile.targets.specialties == ["internal_medicine", "family_medicine"]
    assert profile.targets.region == "west"
    c = profile.clinical
    assert (c.role, c.months_last_24, c.months_since_last) == ("transitional", 20, 0)
    assert profile.ties[0].model_dump() == {
        "kind": "family",
        "region": "west",
        "note": "Parents in Boise",
    }
    r = profile.rotations[0]
    assert (r.region, r.status, r.specialty, r.place) == (
        "west",
        "done",
        "internal_medicine",
        "County hospital",
    )
    letter = profile.letters[0]
    assert (
        letter.specialty,
        letter.region,
        letter.months_ago,
        letter.saw_real_work,
        letter.author,
    ) == (
        "internal_medicine",
        "west",
        4,
        True,
        "Dr. A",
    )
    n = profile.narrative
    assert (n.why_home, n.why_now, n.plan_b) == ("home story", "now story", "plan b story")


def test_version_1_profile_migrates_with_every_value_kept(home: Path) -> None:
    store = Store(home)
    store.ensure_home()
    store.path(PROFILE).write_text(V1_PROFILE)
    _check_v1_values_kept(store.load(PROFILE, Profile))
    assert store.path(PROFILE).read_text() == V1_PROFILE  # loading never rewrites


def test_version_0_profile_migrates_with_every_value_kept(home: Path) -> None:
    store = Store(home)
    store.ensure_home()
    store.path(PROFILE).write_text(V1_PROFILE.replace("schema_version = 1\n", ""))
    _check_v1_values_kept(store.load(PROFILE, Profile))


@pytest.mark.parametrize(
    ("stage", "situation", "training"),
    [("student", "in_school", "south"), ("graduate", "not_in_training", None)],
)
def test_version_1_stages_map_to_situations(
    home: Path, stage: str, situation: str, training: str | None
) -> None:
    store = Store(home)
    store.ensure_home()
    text = V1_PROFILE.replace('stage = "resident"', f'stage = "{stage}"')
    text = text.replace('region_decided = "residency_late"', 'region_decided = "not_applicable"')
    text = text.replace("graduation_year = 2024", "graduation_year = 2027")
    store.path(PROFILE).write_text(text)
    profile = store.load(PROFILE, Profile)
    assert profile.applicant.situation == situation
    assert profile.applicant.training_region == training
    assert profile.applicant.lives_in == "south" and profile.applicant.region_decided is None


def test_saving_keeps_the_current_version_and_newer_is_refused(
    home: Path, demo_profile: Profile
) -> None:
    store = Store(home)
    store.save(PROFILE, demo_profile)
    path = store.path(PROFILE)
    text = path.read_text()
    assert "schema_version = 2" in text
    store.save(PROFILE, demo_profile)  # a file that loads is never set aside
    assert not [p for p in home.iterdir() if ".broken-" in p.name]
    assert store.load(PROFILE, Profile) == demo_profile
    path.write_text(text.replace("schema_version = 2", "schema_version = 9"))
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
    cache = home / ".programs.toml.cache.pickle"
    assert cache.exists() and mode_of(cache) == 0o600
    assert store.load(PROGRAMS, ProgramList) == programs
    # A hand edit makes the cache stale: the edit is what loads.
    path = store.path(PROGRAMS)
    first = programs.programs[0].name
    path.write_text(path.read_text().replace(first, "Edited By Hand"))
    assert store.load(PROGRAMS, ProgramList).programs[0].name == "Edited By Hand"
    # A damaged cache is ignored.
    cache.write_bytes(b"not a pickle")
    assert Store(home).load(PROGRAMS, ProgramList).programs[0].name == "Edited By Hand"


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


def test_a_version_1_file_given_with_profile_migrates_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from matchtui.cli import main

    path = tmp_path / "old.toml"
    path.write_text(V1_PROFILE)
    assert main(["assess", "--profile", str(path), "--json"]) == 0
    assert '"returner": true' in capsys.readouterr().out
    assert path.read_text() == V1_PROFILE
