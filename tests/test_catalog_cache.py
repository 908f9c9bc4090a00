"""The validated catalog is cached per data-folder content: a start with unchanged files does
not validate again, any change to any file (or a damaged, foreign or missing cache) means a
full validation, and bad data is reported as before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from matchtui.catalog import Catalog
from matchtui.errors import FileProblems
from matchtui.locations import bundled_data_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Catalog) -> None:
        raise AssertionError("validated although the cache was current")

    monkeypatch.setattr(Catalog, "load_all", refuse)


def test_unchanged_data_is_validated_once(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "home"
    first = Catalog.load(data_copy, cache_dir=cache)
    path = cache / Catalog.CACHE_NAME
    assert path.stat().st_mode & 0o777 == 0o600
    _no_validation(monkeypatch)
    second = Catalog.load(data_copy, cache_dir=cache)
    assert second.specialties == first.specialties
    assert second.sources == first.sources
    assert second.summary() == first.summary()


def test_a_changed_file_is_validated_again(data_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    sources = data_copy / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    stat = sources.stat()
    # Same size and modification time, different content: still noticed.
    at = text.index("#") + 2  # a letter in the first comment
    changed = text[:at] + ("X" if text[at] != "X" else "Y") + text[at + 1 :]
    assert len(changed.encode()) == len(text.encode()) and changed != text
    sources.write_text(changed, encoding="utf-8")
    os.utime(sources, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    calls: list[int] = []
    original = Catalog.load_all

    def counting(self: Catalog) -> None:
        calls.append(1)
        original(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Catalog, "load_all", counting)
        Catalog.load(data_copy, cache_dir=cache)
    assert calls == [1]


def test_bad_data_is_reported_even_with_a_cache_of_the_good_data(
    data_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    (data_copy / "regions.toml").write_text("schema_version = 1\nregions = 'none'\n")
    with pytest.raises(FileProblems) as caught:
        Catalog.load(data_copy, cache_dir=cache)
    assert "regions.toml" in caught.value.summary()


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x00" * 40])
def test_a_damaged_cache_falls_back_to_validation(
    data_copy: Path, tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    path = cache / Catalog.CACHE_NAME
    key = path.read_bytes()[:20]
    path.write_bytes(key + damage)  # the right key, then no valid pickle
    catalog = Catalog.load(data_copy, cache_dir=cache)
    assert "internal_medicine" in catalog.specialties
    # ... and the cache is written afresh.
    Catalog.load(data_copy, cache_dir=cache)
    assert len(path.read_bytes()) > 1000


def test_a_cache_others_can_write_is_not_trusted(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    os.chmod(cache / Catalog.CACHE_NAME, 0o666)
    calls: list[int] = []
    original = Catalog.load_all

    def counting(self: Catalog) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(Catalog, "load_all", counting)
    Catalog.load(data_copy, cache_dir=cache)
    assert calls == [1]


def test_an_unwritable_cache_folder_is_no_error(data_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    catalog = Catalog.load(data_copy, cache_dir=blocker / "sub")
    assert "internal_medicine" in catalog.specialties


def test_a_cached_file_is_unpickled_only_when_read(data_copy: Path, tmp_path: Path) -> None:
    """Start-up reads a few files: the others' model modules must not be imported for it."""
    import subprocess
    import sys

    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from matchtui.catalog import Catalog\n"
        f"c = Catalog.load({str(data_copy)!r}, cache_dir=Path({str(cache)!r}))\n"
        "assert 'internal_medicine' in c.specialties\n"
        "print(sorted(m for m in sys.modules if m.startswith('matchtui.models.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "matchtui.models.reference" in out
    for unread in ("matchtui.models.mix", "matchtui.models.ranklist", "matchtui.models.figures"):
        assert unread not in out


def test_a_damaged_entry_is_validated_from_its_file(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    path = cache / Catalog.CACHE_NAME
    raw = path.read_bytes()
    key, files = raw[:20], pickle.loads(raw[20:])
    files["specialties.toml"] = b"not a pickle"
    files["regions.toml"] = pickle.dumps({"not": "a RegionsFile"})
    path.write_bytes(key + pickle.dumps(files))
    _no_validation(monkeypatch)  # the cache as a whole is current: no full validation
    catalog = Catalog.load(data_copy, cache_dir=cache)
    assert "internal_medicine" in catalog.specialties  # read from its file instead
    assert catalog.regions  # a wrong type in the cache is not trusted either
    assert "specialties.toml ok" in catalog.summary()
