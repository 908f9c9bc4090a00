"""The applicant's own files: where they live, loading with clear errors, atomic saves.

Files live in one folder (--home / MATCHTUI_HOME, else the platform's user data folder),
created 0700, files 0600. A file that fails to load is never overwritten by a load; before a
save replaces a file that did not load, the broken file is kept aside under a dated name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from matchtui.errors import FileProblems, Problem
from matchtui.filenames import PLAN, PRACTICE, PROFILE, PROGRAMS  # the names live there
from matchtui.tomlio import (
    atomic_write,
    dump_model,
    key_lines,
    line_of,
    load_model,
    parse_toml,
    read_bytes,
    read_toml,
    without_none,
)

M = TypeVar("M", bound=BaseModel)

__all__ = ["PLAN", "PRACTICE", "PROFILE", "PROGRAMS", "Store"]

# Files large enough that TOML parsing dominates a load (a 5,000-program list is ~1 MB and takes
# ~180 ms in tomllib). Their parsed data is kept beside them as .NAME.cache.json, keyed by the
# file's SHA-256: a changed or hand-edited file is simply parsed again.
PARSE_CACHED = frozenset({PROGRAMS})

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# file name -> {from_version: function returning the data at from_version + 1}
MIGRATIONS: dict[str, dict[int, Migration]] = {}


def _stamp_version(data: dict[str, Any]) -> dict[str, Any]:
    # Files written by hand before schema_version existed are version 0: same keys, no stamp.
    return {**data, "schema_version": 1}


for _name in (PROFILE, PROGRAMS, PLAN, PRACTICE):
    MIGRATIONS[_name] = {0: _stamp_version}


def _profile_v1(data: dict[str, Any]) -> dict[str, Any]:
    from matchtui.models.profile import migrate_v1

    return migrate_v1(data)


MIGRATIONS[PROFILE][1] = _profile_v1


def _programs_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    # The applications tracker (schema 2); the migration lives beside the model.
    from matchtui.models.programs import migrate_1_to_2

    return migrate_1_to_2(data)


MIGRATIONS[PROGRAMS][1] = _programs_1_to_2


class Store:
    """Load and save the applicant's files in one folder."""

    def __init__(self, home: Path) -> None:
        self.home = home

    def path(self, name: str) -> Path:
        return self.home / name

    def ensure_home(self) -> None:
        """Create the folder readable by its owner only."""
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.home, 0o700)

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def load(
        self, name: str, model: type[M], current_version: int | None = None, kind: str = ""
    ) -> M:
        """Read and validate one file, migrating an older schema_version; FileProblems if bad.

        The current version defaults to the model's own `schema_version` default. `kind` names
        the file whose migrations apply when the file has another name (e.g. --profile F).
        """
        if current_version is None:
            field = model.model_fields.get("schema_version")
            default = field.default if field is not None else 1
            current_version = default if isinstance(default, int) else 1
        path = self.path(name)
        data, text = self._read(name)
        version = data.get("schema_version", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise FileProblems(
                [
                    Problem(
                        path,
                        "schema_version",
                        "must be a whole number",
                        line_of(key_lines(text), ("schema_version",)),
                    )
                ]
            )
        if version > current_version:
            raise FileProblems(
                [
                    Problem(
                        path,
                        "schema_version",
                        f"version {version} was written by a newer matchtui (this one reads up to "
                        f"{current_version})",
                        line_of(key_lines(text), ("schema_version",)),
                    )
                ]
            )
        steps = MIGRATIONS.get(kind or name, {})
        while version < current_version:
            if version not in steps:
                raise FileProblems(
                    [Problem(path, "schema_version", f"no migration from version {version}")]
                )
            data = steps[version](data)
            version = data["schema_version"]
        return load_model(path, model, data, text)

    def _read(self, name: str) -> tuple[dict[str, Any], str]:
        """Parse a file, through the parse cache for the files that have one."""
        path = self.path(name)
        if name not in PARSE_CACHED:
            return read_toml(path)
        raw = read_bytes(path)
        digest = hashlib.sha256(raw).hexdigest()
        try:
            cached = json.loads(self._cache_path(name).read_text(encoding="utf-8"))
            if cached.get("sha256") == digest and isinstance(cached.get("data"), dict):
                return cached["data"], raw.decode("utf-8")
        except (OSError, ValueError, UnicodeDecodeError):
            pass  # no cache, or a stale or damaged one: parse the TOML
        data, text = parse_toml(path, raw)
        self._write_cache(name, digest, data)
        return data, text

    def _cache_path(self, name: str) -> Path:
        return self.home / f".{name}.cache.json"

    def _write_cache(self, name: str, digest: str, data: dict[str, Any]) -> None:
        # Best effort: the TOML stays the truth, a cache that cannot be written is just skipped.
        try:
            payload = json.dumps({"sha256": digest, "data": data}, ensure_ascii=False)
            atomic_write(self._cache_path(name), payload, backup=False)
        except (OSError, TypeError, ValueError):
            pass

    def load_or(self, name: str, model: type[M], default: Callable[[], M]) -> M:
        """Like load, but a missing file gives `default()` (a bad file still raises)."""
        if not self.path(name).exists():
            return default()
        return self.load(name, model)

    def save(self, name: str, model: BaseModel) -> Path:
        """Atomically write `model` to the file, keeping the previous version as NAME.bak."""
        self.ensure_home()
        path = self.path(name)
        text = dump_model(model)
        if path.exists() and not self._loads_cleanly(name, type(model)):
            self.set_aside(path)
        atomic_write(path, text)
        if name in PARSE_CACHED:
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            self._write_cache(name, digest, without_none(model.model_dump(mode="json")))
        return path

    def _loads_cleanly(self, name: str, model: type[BaseModel]) -> bool:
        # Through load(), so a big file is read via its parse cache and an old schema_version
        # that migrates counts as loading.
        try:
            self.load(name, model)
        except FileProblems:
            return False
        return True

    @staticmethod
    def set_aside(path: Path) -> Path:
        """Copy a file that did not load to NAME.broken-YYYYmmdd-HHMMSS so a save never loses it."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.broken-{stamp}")
        shutil.copy2(path, target)
        os.chmod(target, 0o600)
        return target

    # -- the profile ---------------------------------------------------------------------
    def ensure_profile(self, demo: Path) -> bool:
        """First run: copy the demo profile in so the first screen is never empty.

        Returns True when it copied. Never touches an existing file.
        """
        path = self.path(PROFILE)
        if path.exists():
            return False
        try:
            self.ensure_home()
            atomic_write(path, demo.read_text(encoding="utf-8"), backup=False)
        except OSError as exc:  # e.g. --home names a file, or a folder that cannot be written
            raise FileProblems(
                [Problem(self.home, "", f"cannot hold your files ({exc.strerror or exc})")]
            ) from None
        return True
