"""Fuzz every loader: mutated valid files, wrong types, huge values, deep nesting, bad UTF-8,
empty files. The promise: no unhandled exception, and every error names the file and the key
(or, for a file that is not TOML at all, the line).

Quick in CI; MATCHTUI_LONG=1 runs the long mode (100,000 inputs across the loaders).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchtui.catalog import CATALOG_FILES, Catalog
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir, demo_profile_path
from tests.conftest import LONG

# Loaders fuzzed below: one per catalog file plus the user's files.
USER_LOADERS = ["profile.toml", "plan.toml", "programs.toml", "practice.toml"]
TARGETS = len(CATALOG_FILES) + len(USER_LOADERS) + 1  # + the CSV import
EXAMPLES = (100_000 // TARGETS + 1) if LONG else 60

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

SCALARS = st.sampled_from(
    [
        '"text"',
        "''",
        "0",
        "-1",
        "1e309",
        "nan",
        "inf",
        "99999999999999999999999999999",
        "-9223372036854775808",
        "true",
        "[]",
        "{}",
        "[1, 'a', {}]",
        "1979-05-27",
        "07:32:00",
        '"[bold red]markup[/]"',
        '"\\u001b[31mred"',
        "{ a = { b = { c = 1 } } }",
    ]
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """A valid file, changed in one to three ways."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["drop", "dup", "retype", "rename", "bytes", "truncate", "empty", "deep", "huge"]
            )
        )
        index = draw(st.integers(0, max(0, len(lines) - 1))) if lines else 0
        if kind == "drop" and lines:
            del lines[index]
        elif kind == "dup" and lines:
            lines.insert(index, lines[index])
        elif kind == "retype" and lines and "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {draw(SCALARS)}"
        elif kind == "rename" and lines and "=" in lines[index]:
            value = lines[index].split("=", 1)[1]
            name = draw(st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
            lines[index] = f"{name} ={value}"
        elif kind == "bytes":
            blob = draw(st.binary(min_size=1, max_size=8))
            joined = "\n".join(lines).encode()
            at = draw(st.integers(0, len(joined)))
            return joined[:at] + blob + joined[at:]
        elif kind == "truncate":
            joined = "\n".join(lines)
            return joined[: draw(st.integers(0, len(joined)))].encode()
        elif kind == "empty":
            return b""
        elif kind == "deep":
            depth = draw(st.sampled_from([50, 500, 5000]))
            lines.insert(index, "deep = " + "[" * depth + "]" * depth)
        elif kind == "huge":
            lines.insert(index, 'huge = "' + "x" * draw(st.sampled_from([10, 100_000])) + '"')
    return ("\n".join(lines) + "\n").encode()


def assert_clean_failure(load: Callable[[], Any], path: Path) -> None:
    try:
        load()
    except FileProblems as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file.name == path.name, problem
            assert problem.key or problem.line, f"problem names neither key nor line: {problem}"
            assert problem.message


@pytest.mark.parametrize("name", [entry.name for entry in CATALOG_FILES])
def test_catalog_file_loaders_never_crash(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    original = (folder / name).read_text()
    entry = next(e for e in CATALOG_FILES if e.name == name)

    @FUZZ
    @given(mutated(original))
    def run(blob: bytes) -> None:
        (folder / name).write_bytes(blob)
        catalog = Catalog.load(folder, lazy=True)
        assert_clean_failure(lambda: catalog.get(name, entry.model), folder / name)

    run()


def _seed_user_file(name: str, workspace: Any) -> Callable[[], Any]:
    """Write a valid example of the user file `name`; return the function that loads it."""
    store = workspace.store
    if name == "profile.toml":
        store.ensure_home()
        store.path(name).write_text(demo_profile_path().read_text())
        return workspace.load_profile  # type: ignore[no-any-return]
    if name == "plan.toml":
        from matchtui.models.plan import MixPlan, PlanFile, TimelineState

        store.save(
            name,
            PlanFile(
                mix=MixPlan(
                    specialty="internal_medicine",
                    applications=60,
                    academic_pct=5,
                    mid_tier_pct=25,
                    community_pct=70,
                    region_share_pct=40,
                ),
                timeline=TimelineState(start_month="2026-12"),
            ),
        )
        return workspace.load_plan  # type: ignore[no-any-return]
    if name == "programs.toml":
        from bench.programs_fixture import make_programs
        from matchtui.models.programs import ProgramList

        store.save(name, make_programs(workspace.catalog, 6))
        return lambda: store.load(name, ProgramList)
    import datetime as dt

    from matchtui.models.practice import Attempt, AttemptCheck, PracticeLog, load_log

    attempt = Attempt(
        question="why_now",
        time=dt.datetime(2026, 11, 23, 10, 0),
        seconds=31.5,
        words=11,
        score=64,
        checks=[AttemptCheck(id="readiness", status="pass")],
        text="I passed Step 3 in 2024 and I am ready now.",
    )
    store.save(name, PracticeLog(attempts=[attempt, attempt]))
    return lambda: load_log(store)


@pytest.mark.parametrize("name", USER_LOADERS)
def test_user_file_loaders_never_crash(name: str, workspace: Any) -> None:
    store = workspace.store
    load = _seed_user_file(name, workspace)
    original = store.path(name).read_text()

    @FUZZ
    @given(mutated(original))
    def run(blob: bytes) -> None:
        store.path(name).write_bytes(blob)
        assert_clean_failure(load, store.path(name))
        assert store.path(name).read_bytes() == blob  # a load never rewrites the file

    run()


CSV = (
    "name,city,state,specialty,tier,signal,yog_limit_years,visa_sponsor,status,notes\n"
    "Lakeside Medical Center,Toledo,OH,internal_medicine,community,no,5,yes,planned,\n"
    '"[bold]Saint X[/]",Peoria,IL,internal_medicine,mid_tier,yes,,no,applied,a note\n'
    "River Valley,Dayton,OH,family_medicine,academic,,10,,planned,\n"
)


@FUZZ
@given(st.one_of(mutated(CSV), st.binary(max_size=300)))
def test_csv_import_never_crashes(catalog: Any, blob: bytes) -> None:
    import tempfile

    from matchtui.engine.programs import read_import

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(blob)
        result = read_import(path, catalog)
    for problem in result.problems:
        assert problem.message
        assert problem.line is not None or problem.row is None
