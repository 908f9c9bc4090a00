"""The applicant's own files: where they live, loading with clear errors, guarded saves.

Files live in one folder (--home / MATCHTUI_HOME, else the platform's user data folder),
created 0700 when new (an existing folder's mode is never changed), files 0600. Every save:

- holds an advisory lock on .NAME.lock for the read-modify-write, so the CLI and the app
  cooperate;
- compares the file on disk with the fingerprint (mtime, size, SHA-256) taken when it was read,
  and raises Conflict rather than overwrite a change made since, unless the change only added
  records (practice attempts, programs) and the caller asked for the exact merge;
- sets a file that did not load (syntax, schema, unknown id) aside as NAME.broken-DATE-RANDOM
  before writing over it, and keeps NAME.bak only as a copy of a file that loaded;
- never writes through a symbolic link.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import pickle
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel

from matchtui.errors import Conflict, FileProblems, Problem
from matchtui.filenames import PLAN as PLAN  # the names live there (re-exported)
from matchtui.filenames import PRACTICE as PRACTICE
from matchtui.filenames import PROFILE as PROFILE
from matchtui.filenames import PROGRAMS as PROGRAMS
from matchtui.limits import MAX_PROGRAMS_BYTES, MAX_USER_FILE_BYTES
from matchtui.tomlio import (
    atomic_write,
    dated_copy,
    dump_data,
    key_lines,
    line_of,
    load_model,
    parse_toml,
    read_with_stat,
    refuse_link,
    without_none,
)

M = TypeVar("M", bound=BaseModel)


# Files large enough that reading them dominates a pane's first visit (20,000 programs: ~0.3 s
# of validation, ~0.7 s of TOML parsing), and the profile, which every command and the app's
# start read (parsing it and building its validator is ~8 ms of `matchtui assess`). What a load
# of one validated is kept beside it as .NAME.cache.pickle, keyed by the file's exact bytes
# (SHA-256), its path, the model and the code that validates it (see ValidatedCache): any change
# to the file, however made, misses and is read from its text again.
VALIDATED_CACHED = frozenset({PROGRAMS, PROFILE})

# Files whose records are only ever added by other writers: a save onto a version that only
# appended to this list can keep both exactly (file name -> the list's key).
APPEND_ONLY = {PRACTICE: "attempts", PROGRAMS: "programs"}

# The most bytes read from each file.
READ_LIMITS = {PROGRAMS: MAX_PROGRAMS_BYTES}

LOCK_WAIT_SECONDS = 10.0

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


def model_version(model: type[BaseModel]) -> int:
    """The schema_version a model writes (its field's default; 1 for a model without one)."""
    field = model.model_fields.get("schema_version")
    default = field.default if field is not None else 1
    return default if isinstance(default, int) and not isinstance(default, bool) else 1


class Fingerprint(NamedTuple):
    """What a file was when read: a later save compares the file on disk against it. (Named
    tuples here: every command imports this module, and a frozen dataclass costs ~0.7 ms of
    code generation to define, a named tuple ~0.1.)"""

    mtime_ns: int
    size: int
    sha256: str  # empty when the file was too large to read

    def same_content(self, other: Fingerprint | None) -> bool:
        if other is None:
            return False
        if self.sha256 and other.sha256:
            return self.sha256 == other.sha256
        return (self.mtime_ns, self.size) == (other.mtime_ns, other.size)


@dataclass
class _Seen:
    fingerprint: Fingerprint | None  # None: there was no file
    data: dict[str, Any] | None  # what a missing file counts as ({}); None when it did not load
    broken: bool = False  # it did not load, for whatever reason
    # What a file that loaded (or was written) held: the base of an exact merge. The model,
    # not its data: the panes hold the same (immutable) records, so this costs little memory;
    # its list is its own (a caller may append to or replace records in the list it got).
    model: BaseModel | None = None


class Saved(NamedTuple, Generic[M]):
    path: Path
    model: M  # what was written: the caller's model, or the exact merge of it
    merged: bool = False  # True when another writer's additions were kept too
    kept: Path | None = None  # where the other version went ("keep mine")
    set_aside: Path | None = None  # where a file that did not load went


def _describe(before: Fingerprint | None, after: Fingerprint | None) -> str:
    if before is None:
        return "it was created by something else"
    if after is None:
        return "it was deleted"
    when = time.strftime("%H:%M:%S", time.localtime(after.mtime_ns / 1e9))
    return f"modified at {when}, {before.size:,} -> {after.size:,} bytes"


class Store:
    """Load and save the applicant's files in one folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._seen: dict[str, _Seen] = {}
        self._versions: dict[str, int] = {}
        self._locks: dict[str, tuple[int, int]] = {}  # name -> (fd, depth)
        # Extra checks a file must pass to count as loaded (the profile's ids, from Workspace).
        self.checks: dict[str, Callable[[Any], None]] = {}
        # (file, sha256) of contents that passed their check: the cache keeps what passed (the
        # check's changes included), and the same content against the same reference data
        # passes again, so a repeat read from memory does not walk a 20,000-program list anew.
        self._passed: set[tuple[str, str]] = set()
        self.notes: list[str] = []  # warnings for the user (the CLI prints them, the app shows)
        self._home_checked = False
        self.cache = ValidatedCache(home)

    def path(self, name: str) -> Path:
        return self.home / name

    def ensure_home(self) -> None:
        """Create the folder readable by its owner only; an existing folder is left as it is."""
        if self.home.is_dir():
            if not self._home_checked:
                self._home_checked = True
                if (warning := self.home_warning()) is not None:
                    self.notes.append(warning)
            return
        if not self.home.parent.is_dir():
            self.home.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(self.home, 0o700)
        except FileExistsError:
            return  # made by someone else meanwhile (or a file): its mode is not ours to change
        os.chmod(self.home, 0o700)  # the folder we just made: the umask may have kept bits off

    def home_warning(self) -> str | None:
        """A warning when others can read or enter the home folder (its mode is never changed)."""
        try:
            mode = self.home.stat().st_mode
        except OSError:
            return None
        if mode & 0o077:
            return (
                f"{self.home} can be read by other users (mode {mode & 0o777:o}); "
                f"consider chmod 700 {self.home}"
            )
        return None

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def is_broken(self, name: str) -> bool:
        """True when the last load of `name` failed (it will be set aside before a save)."""
        seen = self._seen.get(name)
        return seen is not None and seen.broken

    def mark_broken(self, name: str) -> None:
        """Remember that `name` did not pass a check made outside the store."""
        seen = self._seen.get(name)
        if seen is not None:
            seen.broken = True
        else:
            self._seen[name] = _Seen(self.fingerprint(name), None, broken=True)

    def fingerprint(self, name: str) -> Fingerprint | None:
        """The file as it is on disk now (None when there is none)."""
        path = self.path(name)
        try:
            raw, info = read_with_stat(path, READ_LIMITS.get(name, MAX_USER_FILE_BYTES))
        except FileProblems:
            try:
                info = path.stat()
            except OSError:
                return None
            return Fingerprint(info.st_mtime_ns, info.st_size, "")
        return Fingerprint(info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest())

    def load(self, name: str, model: type[M], current_version: int | None = None) -> M:
        """Read and validate one file, migrating an older schema_version; FileProblems if bad.

        Remembers the file's fingerprint (for the conflict check on save) and whether it loaded.
        """
        if current_version is None:
            current_version = model_version(model)
        self._versions[name] = current_version
        try:
            loaded, fingerprint = self._load(name, model, current_version)
        except _Failed as failed:
            self._seen[name] = _Seen(
                failed.fingerprint, None, broken=failed.fingerprint is not None
            )
            raise failed.problems from None
        return self._read_as(name, loaded, fingerprint)

    def _read_as(self, name: str, loaded: M, fingerprint: Fingerprint) -> M:
        """Remember `loaded` as what this store read of `name` (the conflict check's base)."""
        self._seen[name] = _Seen(fingerprint, None, model=_own_list(name, loaded))
        return loaded

    def warm(self, name: str, model: type[M], current_version: int | None = None) -> bool:
        """Read and validate `name` into the in-memory cache (and its pickle, on a miss)
        without remembering it as loaded: the next `load` of the same bytes then only reads,
        hashes and copies a list. For a background thread at idle; False if it did not load.
        The conflict check is untouched (only `load` and `write` record what was seen)."""
        if current_version is None:
            current_version = model_version(model)
        try:
            self._load(name, model, current_version)
        except _Failed:
            return False  # the pane's own load reports it, naming the file
        return True

    def load_file(
        self, path: Path, name: str, model: type[M], current_version: int | None = None
    ) -> M:
        """A file outside the home folder read as `name` would be (a --profile file): the same
        size cap, shape checks, schema_version check and validation; nothing remembered."""
        if current_version is None:
            current_version = model_version(model)
        data, text = parse_toml(
            path, read_with_stat(path, READ_LIMITS.get(name, MAX_USER_FILE_BYTES))[0]
        )
        return self._validate(name, path, model, current_version, data, text, checks=False)

    def load_warm(self, name: str, model: type[M], current_version: int | None = None) -> M | None:
        """`load`, when the file's bytes are those already validated in memory (by `warm`, or
        another pane's read): no parsing and no unpickling, only reading, hashing and copying a
        list, quick enough for the event loop. None when they are not (or the file does not
        load): the caller then reads it as usual."""
        if current_version is None:
            current_version = model_version(model)
        try:
            loaded, fingerprint = self._load(name, model, current_version, memory_only=True)
        except (_Failed, _Cold):
            return None
        self._versions[name] = current_version
        return self._read_as(name, loaded, fingerprint)

    def peek_warm(self, name: str, model: type[M], current_version: int | None = None) -> M | None:
        """What `load_warm` returns, remembering nothing: for work done ahead in a background
        thread, which must not move the conflict check's base (only the panes' reads do)."""
        if current_version is None:
            current_version = model_version(model)
        try:
            return self._load(name, model, current_version, memory_only=True)[0]
        except (_Failed, _Cold):
            return None

    def _load(
        self, name: str, model: type[M], current_version: int, *, memory_only: bool = False
    ) -> tuple[M, Fingerprint]:
        """(the validated content, its fingerprint); `memory_only`: raise _Cold unless the
        content is in memory already."""
        path = self.path(name)
        try:
            raw, info = read_with_stat(path, READ_LIMITS.get(name, MAX_USER_FILE_BYTES))
        except FileProblems as exc:
            raise _Failed(exc, self.fingerprint(name)) from None
        fingerprint = Fingerprint(info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest())
        cached = name in VALIDATED_CACHED
        try:
            hit = (
                self.cache.get(name, fingerprint.sha256, model, current_version, memory_only)
                if cached
                else None
            )
            passed = (name, fingerprint.sha256)
            if hit is not None:
                if (check := self.checks.get(name)) is not None and passed not in self._passed:
                    check(hit)
                    self._passed.add(passed)
                return hit, fingerprint
            if memory_only:
                raise _Cold
            data, text = parse_toml(path, raw)
            checked = self._validate(name, path, model, current_version, data, text)
        except FileProblems as exc:
            raise _Failed(exc, fingerprint) from None
        self._passed.add(passed)  # (its check ran in _validate)
        if cached:
            self.cache.put(name, fingerprint.sha256, checked, current_version)
        return checked, fingerprint

    def _validate(
        self,
        name: str,
        path: Path,
        model: type[M],
        current_version: int,
        data: dict[str, Any],
        text: str,
        *,
        checks: bool = True,
    ) -> M:
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
        steps = MIGRATIONS.get(name, {})
        while version < current_version:
            if version not in steps:
                raise FileProblems(
                    [Problem(path, "schema_version", f"no migration from version {version}")]
                )
            data = steps[version](data)
            version = data["schema_version"]
        loaded = load_model(path, model, data, text)
        if checks and (check := self.checks.get(name)) is not None:
            check(loaded)
        return loaded

    def load_or(self, name: str, model: type[M], default: Callable[[], M]) -> M:
        """Like load, but a missing file gives `default()` (a bad file still raises)."""
        if not self.path(name).exists():
            self._seen[name] = _Seen(None, {})
            return default()
        return self.load(name, model)

    # -- locking -------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Hold the advisory lock on .NAME.lock (re-entrant within this Store)."""
        held = self._locks.get(name)
        if held is not None:
            self._locks[name] = (held[0], held[1] + 1)
            try:
                yield
            finally:
                fd, depth = self._locks[name]
                self._locks[name] = (fd, depth - 1)
            return
        import fcntl

        self.ensure_home()
        lock_path = self.home / f".{name}.lock"
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(lock_path, flags, 0o600)
        except OSError as exc:
            raise FileProblems(
                [Problem(lock_path, "", f"cannot open the lock file: {exc.strerror or exc}")]
            ) from None
        try:
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                        raise
                    if time.monotonic() > deadline:
                        raise FileProblems(
                            [
                                Problem(
                                    self.path(name),
                                    "",
                                    f"another matchtui has been saving it for over "
                                    f"{LOCK_WAIT_SECONDS:.0f} s; try again",
                                )
                            ]
                        ) from None
                    time.sleep(0.02)
            self._locks[name] = (fd, 1)
            try:
                yield
            finally:
                del self._locks[name]
        finally:
            os.close(fd)  # closing releases the lock

    # -- saving --------------------------------------------------------------------------
    def save(self, name: str, model: BaseModel, *, merge: bool = False) -> Path:
        """Write `model` to the file, keeping the previous good version as NAME.bak.

        Raises Conflict when the file changed since this Store read it (unless `merge` and the
        change only added records), FileProblems for a symbolic link.
        """
        return self.write(name, model, merge=merge).path

    def write(
        self, name: str, model: M, *, merge: bool = False, keep_mine: bool = False
    ) -> Saved[M]:
        """save(), returning what was written. `keep_mine` overwrites a changed file after
        copying it to NAME.other-DATE-RANDOM; `merge` keeps another writer's added records."""
        self.ensure_home()
        path = self.path(name)
        with self.locked(name):
            refuse_link(path)
            seen = self._seen.get(name)
            on_disk = self.fingerprint(name)
            kept: Path | None = None
            merged = False
            if seen is not None and not _same(seen.fingerprint, on_disk):
                exact = self._exact_merge(name, seen, model)
                if merge and exact is not None:
                    model, merged = exact, True
                    broken = False
                elif keep_mine:
                    kept = dated_copy(path, "other") if on_disk is not None else None
                    broken = on_disk is not None and not self._loads_cleanly(name, type(model))
                else:
                    raise Conflict(
                        path, _describe(seen.fingerprint, on_disk), mergeable=bool(exact)
                    )
            elif seen is not None:
                broken = seen.broken and on_disk is not None
            else:
                broken = on_disk is not None and not self._loads_cleanly(name, type(model))
            aside = dated_copy(path, "broken") if broken and kept is None else None
            data = without_none(_dump(name, model))  # dumped once
            text = dump_data(data)
            atomic_write(path, text, backup=not broken)
            encoded = text.encode("utf-8")
            digest = hashlib.sha256(encoded).hexdigest()
            info = os.stat(path)
            self._seen[name] = _Seen(
                Fingerprint(info.st_mtime_ns, len(encoded), digest),
                None,
                model=_own_list(name, model),
            )
            if name in VALIDATED_CACHED:  # what the next read of these exact bytes gives
                version = self._versions.get(name, model_version(type(model)))
                self.cache.put(name, digest, model, version, loaded=False)
        return Saved(path, model, merged, kept, aside)

    def changed_elsewhere(self, name: str) -> bool:
        """Whether the file on disk is not the one this Store last read or wrote (its time or
        size differ: a stat, no read). False when it has not been read yet."""
        seen = self._seen.get(name)
        if seen is None:
            return False
        try:
            info = self.path(name).stat()
        except OSError:
            return seen.fingerprint is not None
        if seen.fingerprint is None:
            return True
        return (info.st_mtime_ns, info.st_size) != (
            seen.fingerprint.mtime_ns,
            seen.fingerprint.size,
        )

    def forget(self, name: str) -> None:
        """Drop what was remembered about `name` (after a reload the next load records afresh)."""
        self._seen.pop(name, None)

    def _exact_merge(self, name: str, seen: _Seen, mine: M) -> M | None:
        """`mine` plus the records another writer appended, when that is all it did."""
        key = APPEND_ONLY.get(name)
        if key is None:
            return None
        model = type(mine)
        base_data = seen.data if seen.fingerprint is not None else {}
        if seen.fingerprint is not None and isinstance(seen.model, model):
            base_data = None
        elif base_data is None:  # the version read did not load: nothing to merge against
            return None
        try:
            disk, _ = self._load(name, model, self._versions.get(name, model_version(model)))
            base = seen.model if base_data is None else model.model_validate(base_data)
        except (_Failed, ValueError):
            return None
        assert isinstance(base, model)
        theirs = without_none(disk.model_dump(mode="json"))
        before = without_none(base.model_dump(mode="json"))
        ours = without_none(mine.model_dump(mode="json"))
        their_list, base_list = theirs.pop(key, []), before.pop(key, [])
        our_list = ours.pop(key, [])
        if theirs != before:
            return None  # the other writer changed something besides the list
        # Every record read must still be there (in any order: an earlier merge may have
        # interleaved them); what is left is what the other writer added.
        remaining = Counter(_record_key(r) for r in their_list)
        remaining.subtract(_record_key(r) for r in base_list)
        if any(count < 0 for count in remaining.values()):
            return None  # the other writer removed or edited a record: not a pure append
        ours_keys = {_record_key(r) for r in our_list}
        added = []
        for record in their_list:
            k = _record_key(record)
            if remaining[k] > 0:
                remaining[k] -= 1
                if k not in ours_keys:
                    added.append(record)
        try:
            merged = model.model_validate({**ours, key: [*our_list, *added]})
        except ValueError:
            return None
        if (check := self.checks.get(name)) is not None:
            try:
                check(merged)
            except FileProblems:  # together they would not load (one program added by both)
                return None
        return merged

    def _loads_cleanly(self, name: str, model: type[BaseModel]) -> bool:
        try:
            self._load(name, model, self._versions.get(name, model_version(model)))
        except _Failed:
            return False
        return True

    def set_aside(self, path: Path) -> Path:
        """Copy a file that did not load to NAME.broken-DATE-RANDOM so a save never loses it."""
        return dated_copy(path, "broken")

    # -- the profile ---------------------------------------------------------------------
    def ensure_profile(self, demo: Path) -> bool:
        """First run: copy the demo profile in so the first screen is never empty.

        Returns True when it copied. Never touches an existing file.
        """
        path = self.path(PROFILE)
        if path.exists() or path.is_symlink():
            return False
        try:
            self.ensure_home()
            atomic_write(path, demo.read_text(encoding="utf-8"), backup=False)
        except OSError as exc:  # e.g. --home names a file, or a folder that cannot be written
            raise FileProblems(
                [Problem(self.home, "", f"cannot hold your files ({exc.strerror or exc})")]
            ) from None
        return True


class ValidatedCache:
    """Validated files kept beside them (.NAME.cache.pickle), so a re-read of an unchanged file
    unpickles instead of parsing and validating (20,000 programs: ~0.1 s instead of ~1 s).

    An entry is keyed by a digest of the file's exact bytes, its path (another folder's cache is
    never served), the model and its schema version, and the code that validates (matchtui's
    models, this module, tomlio and safetext by size and mtime; the matchtui, pydantic and
    Python versions). Any change to the file (an edit, another window, a CLI import, even of the
    same size and time) gives another digest: a miss, read from the text and cached again. A
    cache that is missing, stale, damaged, not this user's own or writable by others is ignored
    (pickle runs code) and rewritten on the next load. Writes are atomic, 0600, best effort.

    The model's big list (APPEND_ONLY's key) is pickled in pieces of CHUNK records: unpickling
    one holds the interpreter a few milliseconds, so a read in a worker thread never stalls the
    event loop for long. The last load is also kept in memory: a second pane reading the same
    bytes shares its (immutable) records and gets a list of its own.
    """

    SUFFIX = ".cache.pickle"
    MAGIC = b"matchtui validated 1\n"
    CHUNK = 500

    def __init__(self, home: Path) -> None:
        self.home = home
        self._memory: dict[str, tuple[bytes, BaseModel]] = {}  # name -> (key, model)

    def path(self, name: str) -> Path:
        return self.home / f".{name}{self.SUFFIX}"

    def key(self, name: str, digest: str, model: type[BaseModel], version: int) -> bytes:
        where = os.path.abspath(self.home / name)
        kind = f"{model.__module__}.{model.__qualname__}"
        mark = hashlib.blake2b(_code_stamp(), digest_size=32)
        mark.update(f"{where}\0{kind}\0{version}\0{digest}".encode())
        return mark.digest()

    def get(
        self, name: str, digest: str, model: type[M], version: int, memory_only: bool = False
    ) -> M | None:
        """The validated content of the file whose bytes hash to `digest`, or None
        (`memory_only`: only if it is in memory)."""
        key = self.key(name, digest, model, version)
        remembered = self._memory.get(name)
        if remembered is not None and remembered[0] == key and isinstance(remembered[1], model):
            return _private(name, remembered[1])
        if memory_only:
            return None
        try:
            found = self._read(name, key, model)
        except Exception:  # a damaged or foreign cache: read the file instead
            found = None
        if found is not None:
            self._memory[name] = (key, found)
            return _private(name, found)
        return None

    def _read(self, name: str, key: bytes, model: type[M]) -> M | None:
        with open(self.path(name), "rb") as handle:
            info = os.fstat(handle.fileno())
            # Only a file this user wrote and nobody else can change (pickle runs code).
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            if handle.read(len(self.MAGIC) + len(key)) != self.MAGIC + key:
                return None
            shell_bytes, pieces = pickle.loads(handle.read())
        shell = pickle.loads(shell_bytes)
        if not isinstance(shell, model) or not isinstance(pieces, list):
            return None
        field = APPEND_ONLY.get(name)
        if field is None:
            return shell
        kind = _item_type(model, field)
        records: list[Any] = []
        for piece in pieces:
            part = pickle.loads(piece)
            if not isinstance(part, list) or (
                kind is not None and not all(isinstance(r, kind) for r in part)
            ):
                return None
            records.extend(part)
        return shell.model_copy(update={field: records})

    def put(
        self, name: str, digest: str, content: BaseModel, version: int, *, loaded: bool = True
    ) -> None:
        """Keep `content` as what the file whose bytes hash to `digest` validates to; in memory
        too when it was `loaded` (a save is remembered on disk only: the next start's state)."""
        key = self.key(name, digest, type(content), version)
        if loaded:  # a copy: the caller may replace records in its list in place
            self._memory[name] = (key, _private(name, content))
        field = APPEND_ONLY.get(name)
        tmp: str | None = None
        try:
            records: list[Any] = list(getattr(content, field)) if field is not None else []
            shell = content.model_copy(update={field: []}) if field is not None else content
            pieces = [
                pickle.dumps(records[i : i + self.CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                for i in range(0, len(records), self.CHUNK)
            ]
            body = pickle.dumps(
                (pickle.dumps(shell, protocol=pickle.HIGHEST_PROTOCOL), pieces),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            import tempfile

            self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.home)
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(self.MAGIC + key + body)
            os.replace(tmp, self.path(name))
            tmp = None
        except Exception:  # caching is an optimisation only: the TOML stays the truth
            pass
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def _dump(name: str, model: BaseModel) -> dict[str, Any]:
    """model.model_dump(mode="json"), the big list a record at a time: one dump of 20,000
    programs holds the interpreter ~0.1 s (the event loop stalls while a worker saves); a
    record's dump is a few microseconds, and the result is the same."""
    field = APPEND_ONLY.get(name)
    if field is None or field not in type(model).model_fields:
        return model.model_dump(mode="json")
    data = model.model_copy(update={field: []}).model_dump(mode="json")
    data[field] = [record.model_dump(mode="json") for record in getattr(model, field)]
    return data


def _own_list(name: str, content: M) -> M:
    """`content` with a list of its own (a pane may replace records in its list in place)."""
    field = APPEND_ONLY.get(name)
    if field is None:
        return content
    return content.model_copy(update={field: list(getattr(content, field))})


def _private(name: str, content: M) -> M:
    """`content` for one holder of a cached file: a list of its own (its records are shared), or
    for the profile, whose forms may edit it in place, a deep copy."""
    if name in APPEND_ONLY:
        return _own_list(name, content)
    return content.model_copy(deep=True)


def _item_type(model: type[BaseModel], field: str) -> type | None:
    import typing

    info = model.model_fields.get(field)
    args = typing.get_args(info.annotation) if info is not None else ()
    return args[0] if len(args) == 1 and isinstance(args[0], type) else None


_CODE_STAMP: bytes | None = None


def _code_stamp() -> bytes:
    """What validation depends on besides the file: the code's files and versions (once)."""
    global _CODE_STAMP
    if _CODE_STAMP is None:
        import sys

        import pydantic

        from matchtui import __version__

        here = Path(__file__).resolve().parent
        parts = [f"{__version__}|{pydantic.VERSION}|{sys.version}"]
        code = [here / "store.py", here / "tomlio.py", here / "safetext.py"]
        for path in sorted([*code, *(here / "models").glob("*.py")]):
            try:
                info = path.stat()
            except OSError:
                parts.append(f"{path}|missing")
                continue
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}")
        _CODE_STAMP = "\n".join(parts).encode()
    return _CODE_STAMP


def _record_key(record: Any) -> str:
    return json.dumps(record, sort_keys=True, default=str)


def _same(before: Fingerprint | None, after: Fingerprint | None) -> bool:
    if before is None or after is None:
        return before is after
    return before.same_content(after)


class _Failed(Exception):
    """A load that failed, with the fingerprint of what was read (None: no file)."""

    def __init__(self, problems: FileProblems, fingerprint: Fingerprint | None) -> None:
        super().__init__(problems.summary())
        self.problems = problems
        self.fingerprint = fingerprint


class _Cold(Exception):
    """`Store.load_warm`: the content is not in memory."""
