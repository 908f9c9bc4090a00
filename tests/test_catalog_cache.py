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


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Catalog, name: str) -> None:
        raise AssertionError(f"{name} validated although the cache had it")

    monkeypatch.setattr(Catalog, "_read", refuse)


def test_a_lazy_catalog_takes_files_from_the_cache(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydantic import BaseModel

    cache = tmp_path / "home"
    full = Catalog.load(data_copy, cache_dir=cache)  # the app's start writes every file
    _no_reading(monkeypatch)
    lazy = Catalog.load(data_copy, lazy=True, cache_dir=cache)
    assert lazy.specialties == full.specialties
    assert lazy.get("risk.toml", BaseModel) == full.get("risk.toml", BaseModel)


def test_files_a_lazy_catalog_validated_are_cached_once_saved(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydantic import BaseModel

    cache = tmp_path / "home"
    first = Catalog.load(data_copy, lazy=True, cache_dir=cache)
    specialties, regions = first.specialties, first.regions  # not in load order
    assert not (cache / Catalog.CACHE_NAME).exists()  # nothing written before save_cache
    first.save_cache()
    assert (cache / Catalog.CACHE_NAME).stat().st_mode & 0o777 == 0o600
    with pytest.MonkeyPatch.context() as patch:
        _no_reading(patch)
        assert Catalog.load(data_copy, lazy=True, cache_dir=cache).regions == regions
        assert Catalog.load(data_copy, lazy=True, cache_dir=cache).specialties == specialties
    # A file the cache lacks is validated (and cross-checked) as before.
    assert Catalog.load(data_copy, lazy=True, cache_dir=cache).fees.schedules
    # The full load completes a partial cache: validates what is missing, reuses the rest.
    read: list[str] = []
    original = Catalog._read

    def counting(self: Catalog, name: str) -> tuple[BaseModel, str]:
        read.append(name)
        return original(self, name)

    monkeypatch.setattr(Catalog, "_read", counting)
    full = Catalog.load(data_copy, cache_dir=cache)
    assert "regions.toml" not in read and "specialties.toml" not in read and "risk.toml" in read
    assert full.regions == regions
    assert full.summary() == Catalog.load(data_copy).summary()  # files listed in load order
    read.clear()
    Catalog.load(data_copy, cache_dir=cache).summary()  # ... and the completed cache is whole
    assert read == []


def test_a_lazy_catalog_sees_a_changed_file(data_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "home"
    Catalog.load(data_copy, cache_dir=cache)
    (data_copy / "regions.toml").write_text("schema_version = 1\nregions = 'none'\n")
    with pytest.raises(FileProblems) as caught:
        _ = Catalog.load(data_copy, lazy=True, cache_dir=cache).regions
    assert "regions.toml" in caught.value.summary()


def test_a_command_reuses_what_the_one_before_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from matchtui.cli import main

    home = tmp_path / "home"
    assert main(["--home", str(home), "assess", "--json"]) == 0
    first = capsys.readouterr().out
    assert (home / Catalog.CACHE_NAME).exists()
    _no_reading(monkeypatch)
    assert main(["--home", str(home), "assess", "--json"]) == 0
    assert capsys.readouterr().out == first


def test_a_failed_command_writes_no_cache(tmp_path: Path) -> None:
    from matchtui.cli import main

    home = tmp_path / "home"
    home.mkdir()
    demo = (bundled_data_dir() / "demo" / "profile.toml").read_text(encoding="utf-8")
    bad_ref = demo.replace('home_region = "midwest"', 'home_region = "atlantis"')
    assert bad_ref != demo
    (home / "profile.toml").write_text(bad_ref, encoding="utf-8")
    assert main(["--home", str(home), "assess"]) == 2  # read the regions, then refused
    assert not (home / Catalog.CACHE_NAME).exists()
