"""The validated program-list cache (.programs.toml.cache.pickle, store.ValidatedCache): a re-read
of unchanged bytes unpickles instead of validating; any change to the file, a damaged or foreign
cache, or another folder's cache is never served."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from matchtui.errors import FileProblems
from matchtui.models.programs import CostEntry, ProgramList
from matchtui.store import PROGRAMS, Store, ValidatedCache

CACHE = ".programs.toml.cache.pickle"


def _programs(catalog: Any, count: int) -> ProgramList:
    from bench.programs_fixture import make_programs

    return make_programs(catalog, count)


def _varied(catalog: Any) -> ProgramList:
    """Every kind of field: dates, costs, None, non-ASCII text."""
    base = _programs(catalog, 4)
    first = base.programs[0].model_copy(
        update={
            "name": "Hôpital Saint-Élise 東京",
            "applied_on": dt.date(2026, 9, 20),
            "interview_on": dt.date(2026, 11, 2),
            "interview_format": "virtual",
            "costs": [CostEntry(kind="travel", usd=123.45, date=dt.date(2026, 11, 1), note="✈")],
            "notes": "line one\nline two",
        }
    )
    return base.model_copy(update={"programs": [first, *base.programs[1:]]})


class _Parsed(Exception):
    pass


def _fresh_load(home: Path) -> ProgramList:
    """A load by a new store (a new process: nothing in memory)."""
    return Store(home).load(PROGRAMS, ProgramList)


def test_unchanged_file_is_a_hit(home: Path, catalog: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    programs = _varied(catalog)
    Store(home).save(PROGRAMS, programs)
    assert (home / CACHE).exists()
    assert os.stat(home / CACHE).st_mode & 0o777 == 0o600
    expected = _fresh_load(home)  # the cache written by the save
    monkeypatch.setattr("matchtui.store.parse_toml", _refuse)
    assert _fresh_load(home) == expected == programs


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise _Parsed


def test_cached_content_equals_validating_the_text(home: Path, catalog: Any) -> None:
    """What a save caches is exactly what validating the written text gives."""
    programs = _varied(catalog)
    Store(home).save(PROGRAMS, programs)
    cached = _fresh_load(home)
    (home / CACHE).unlink()
    validated = _fresh_load(home)
    assert cached == validated
    assert [p.model_dump() for p in cached.programs] == [p.model_dump() for p in validated.programs]


def test_a_long_list_comes_back_whole_and_in_order(home: Path, catalog: Any) -> None:
    count = ValidatedCache.CHUNK * 2 + 7
    programs = _programs(catalog, count)
    Store(home).save(PROGRAMS, programs)
    (home / CACHE).unlink()
    first = _fresh_load(home)  # a miss: validated, then cached
    assert (home / CACHE).exists()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("matchtui.store.parse_toml", _refuse)
        again = _fresh_load(home)
    assert again == first == programs
    assert len(again.programs) == count


def test_any_byte_change_misses_even_same_size_and_mtime(home: Path, catalog: Any) -> None:
    programs = _programs(catalog, 5)
    store = Store(home)
    store.save(PROGRAMS, programs)
    assert store.load(PROGRAMS, ProgramList) == programs  # remembered in memory too
    path = home / "programs.toml"
    info = path.stat()
    text = path.read_text()
    name = programs.programs[2].name
    edited = name[:-1] + ("X" if name[-1] != "X" else "Y")  # same length
    path.write_text(text.replace(name, edited, 1))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    # The same store (memory) and a new one (disk cache) both read the edit.
    assert store.load(PROGRAMS, ProgramList).programs[2].name == edited
    assert _fresh_load(home).programs[2].name == edited


def test_change_by_another_writer_misses(home: Path, catalog: Any) -> None:
    """Another window or a CLI import (another Store) changes the list: the edit is read."""
    programs = _programs(catalog, 5)
    mine = Store(home)
    mine.save(PROGRAMS, programs)
    mine.load(PROGRAMS, ProgramList)
    other = Store(home)
    fewer = programs.model_copy(update={"programs": programs.programs[:3]})
    other.load(PROGRAMS, ProgramList)
    other.save(PROGRAMS, fewer)
    assert mine.load(PROGRAMS, ProgramList) == fewer


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "empty", "header only", "wrong list", "group writable"],
)
def test_a_damaged_or_untrusted_cache_is_ignored_and_rebuilt(
    home: Path, catalog: Any, damage: str
) -> None:
    programs = _programs(catalog, ValidatedCache.CHUNK + 3)
    Store(home).save(PROGRAMS, programs)
    cache = home / CACHE
    good = cache.read_bytes()
    header = len(ValidatedCache.MAGIC) + 32
    if damage == "garbage":
        cache.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "truncated":
        cache.write_bytes(good[: len(good) // 2])
    elif damage == "empty":
        cache.write_bytes(b"")
    elif damage == "header only":
        cache.write_bytes(good[:header])
    elif damage == "wrong list":
        import pickle

        shell_bytes, _pieces = pickle.loads(good[header:])
        body = pickle.dumps((shell_bytes, [pickle.dumps(["not a program"])]))
        cache.write_bytes(good[:header] + body)
    else:
        os.chmod(cache, 0o666)
    assert _fresh_load(home) == programs
    # Rebuilt: a fresh read is now a hit again.
    assert os.stat(cache).st_mode & 0o777 == 0o600
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("matchtui.store.parse_toml", _refuse)
        assert _fresh_load(home) == programs


def test_another_folders_cache_is_never_served(tmp_path: Path, catalog: Any) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    programs = _programs(catalog, 4)
    Store(one).save(PROGRAMS, programs)
    # The same bytes in the second folder, and the first folder's cache copied beside them.
    two.mkdir(mode=0o700)
    shutil.copy(one / "programs.toml", two / "programs.toml")
    shutil.copy(one / CACHE, two / CACHE)
    with pytest.MonkeyPatch.context() as patch, pytest.raises(_Parsed):
        patch.setattr("matchtui.store.parse_toml", _refuse)
        _fresh_load(two)  # a miss: read from its own text
    # A different list in the second folder with the first's cache: the second's list.
    other = programs.model_copy(update={"programs": programs.programs[:2]})
    Store(two).save(PROGRAMS, other)
    shutil.copy(one / CACHE, two / CACHE)
    assert _fresh_load(two) == other
    assert _fresh_load(one) == programs


def test_a_bad_file_still_fails_with_a_cache_of_its_good_version(home: Path, catalog: Any) -> None:
    Store(home).save(PROGRAMS, _programs(catalog, 3))
    path = home / "programs.toml"
    path.write_text(path.read_text().replace('tier = "', 'tier = "royal_', 1))
    with pytest.raises(FileProblems):
        _fresh_load(home)


def test_each_load_gets_a_list_of_its_own(home: Path, catalog: Any) -> None:
    """Panes replace records in their list in place: another pane's load must not see that."""
    programs = _programs(catalog, 3)
    store = Store(home)
    store.save(PROGRAMS, programs)
    one = store.load(PROGRAMS, ProgramList)
    one.programs[0] = one.programs[1]
    two = store.load(PROGRAMS, ProgramList)
    assert two.programs is not one.programs
    assert two == programs


def test_an_old_schema_file_is_cached_migrated(home: Path, catalog: Any) -> None:
    programs = _programs(catalog, 2)
    Store(home).save(PROGRAMS, programs)
    path = home / "programs.toml"
    text = path.read_text().replace("schema_version = 2", "schema_version = 1")
    text = text.replace('signal = "none"', "signal = false").replace('status = "invited"', "")
    assert "schema_version = 1" in text
    path.write_text(text)
    first = _fresh_load(home)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("matchtui.store.parse_toml", _refuse)
        assert _fresh_load(home) == first
    assert first.schema_version == 2


def test_exact_merge_still_keeps_another_writers_additions(home: Path, catalog: Any) -> None:
    """The merge base is the model read (cached or validated), not its raw data."""
    programs = _programs(catalog, 6)
    Store(home).save(PROGRAMS, programs.model_copy(update={"programs": programs.programs[:4]}))
    mine, theirs = Store(home), Store(home)
    base = mine.load(PROGRAMS, ProgramList)
    theirs.load(PROGRAMS, ProgramList)
    theirs.save(PROGRAMS, programs)  # added two
    first = base.programs[0].model_copy(update={"status": "applied"})
    changed = base.model_copy(update={"programs": [first, *base.programs[1:]]})
    saved = mine.write(PROGRAMS, changed, merge=True)
    assert saved.merged
    assert len(saved.model.programs) == 6
    assert saved.model.programs[0].status == "applied"


def test_warm_fills_memory_so_the_next_load_neither_parses_nor_unpickles(
    home: Path, catalog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Store.warm` (the app's idle read after start-up) leaves the validated list in memory:
    the first pane that loads it afterwards reads, hashes and copies a list, nothing more."""
    programs = _programs(catalog, ValidatedCache.CHUNK + 3)
    Store(home).save(PROGRAMS, programs)
    store = Store(home)
    assert store.warm(PROGRAMS, ProgramList)
    monkeypatch.setattr("matchtui.store.parse_toml", _refuse)
    monkeypatch.setattr(ValidatedCache, "_read", _refuse)
    loaded = store.load(PROGRAMS, ProgramList)
    assert loaded == programs
    assert store.load(PROGRAMS, ProgramList).programs is not loaded.programs  # a list each


def test_warm_does_not_count_as_seen_so_a_change_after_the_read_still_conflicts(
    home: Path, catalog: Any
) -> None:
    """A warm-up after another writer changed the file must not make the pane's next save
    overwrite that change: the conflict check compares with what the pane read, not with
    what was warmed."""
    from matchtui.errors import Conflict

    programs = _programs(catalog, 5)
    mine = Store(home)
    mine.save(PROGRAMS, programs)
    mine.load(PROGRAMS, ProgramList)
    other = Store(home)
    other.load(PROGRAMS, ProgramList)
    other.save(PROGRAMS, programs.model_copy(update={"programs": programs.programs[:3]}))
    assert mine.warm(PROGRAMS, ProgramList)
    with pytest.raises(Conflict):
        mine.save(PROGRAMS, programs)


def test_warm_of_a_bad_file_is_false_and_the_load_still_names_the_problem(
    home: Path, catalog: Any
) -> None:
    store = Store(home)
    store.ensure_home()
    (home / "programs.toml").write_text('schema_version = 1\n[[programs]]\nname = ""\n')
    assert store.warm(PROGRAMS, ProgramList) is False
    with pytest.raises(FileProblems) as problems:
        store.load(PROGRAMS, ProgramList)
    assert "programs.toml" in problems.value.summary()


def test_load_warm_serves_only_what_is_in_memory_and_counts_as_read(
    home: Path, catalog: Any
) -> None:
    """`Store.load_warm` (a pane's read on the event loop): None until the bytes on disk are
    the ones validated in memory; then the list, remembered as read for the conflict check."""
    from matchtui.errors import Conflict

    programs = _programs(catalog, 5)
    Store(home).save(PROGRAMS, programs)
    store = Store(home)
    assert store.load_warm(PROGRAMS, ProgramList) is None  # nothing in memory: not read here
    assert store.warm(PROGRAMS, ProgramList)
    loaded = store.load_warm(PROGRAMS, ProgramList)
    assert loaded == programs
    other = Store(home)
    other.load(PROGRAMS, ProgramList)
    other.save(PROGRAMS, programs.model_copy(update={"programs": programs.programs[:3]}))
    assert store.load_warm(PROGRAMS, ProgramList) is None  # changed on disk: a usual read
    with pytest.raises(Conflict):  # what this store read is the five, not the three
        store.save(PROGRAMS, programs)
