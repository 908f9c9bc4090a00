"""One place that ties a data folder and a home folder together, for the CLI and the TUI alike.

It is also the one door to the applicant's files: screens and commands load and save profile,
plan, programs, practice log and exported reports through it, never directly (see store.py for
what every save checks).

Constructing a Workspace is cheap (no pydantic, no files read): the catalog and the store are
built on first use, so the app can draw its first frame before any data is loaded.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from matchtui.locations import demo_profile_path, resolve_data_dir, resolve_home

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.plan import PlanFile
    from matchtui.models.practice import Attempt, PracticeLog
    from matchtui.models.profile import Profile
    from matchtui.models.programs import Program, ProgramList
    from matchtui.store import Saved, Store

__all__ = ["Workspace", "demo_profile_path"]


@dataclass
class Workspace:
    """A data folder and a home folder: the catalog, and the one door to the files."""

    home: Path
    data_dir: Path
    # lazy: validate each reference file when first used (the CLI pays only for what it reads);
    # otherwise validate them all at once on first access (the app, so problems show up front).
    lazy_catalog: bool = False

    @classmethod
    def from_options(
        cls,
        home: str | os.PathLike[str] | None = None,
        data: str | os.PathLike[str] | None = None,
        *,
        lazy_catalog: bool = False,
    ) -> Workspace:
        return cls(resolve_home(home), resolve_data_dir(data), lazy_catalog)

    @cached_property
    def catalog(self) -> Catalog:
        from matchtui.catalog import Catalog

        # The app's full load reuses the validated catalog kept in the home folder while the
        # data files are unchanged (matchtui.catalog: the validated-catalog cache).
        return Catalog.load(self.data_dir, lazy=self.lazy_catalog, cache_dir=self.home)

    @cached_property
    def store(self) -> Store:
        from matchtui.store import PROFILE, PROGRAMS, Store

        store = Store(self.home)
        # A profile naming an unknown region or specialty did not load either: it is set aside
        # before a save writes over it, like a file with a syntax error.
        store.checks[PROFILE] = lambda profile: self.check_profile(profile, store.path(PROFILE))
        # So is a program list holding what an import refuses (engine.programs.list_problems).
        store.checks[PROGRAMS] = lambda programs: self.check_programs(
            programs, store.path(PROGRAMS), store.notes
        )
        return store

    # -- the profile ---------------------------------------------------------------------
    def load_profile(self, path: Path | None = None) -> Profile:
        """The profile at `path` (default: the home folder's, seeded from the demo on first run).

        Raises FileProblems naming the file, line and field for syntax, schema (including a
        schema_version this matchtui cannot read), size, or an unknown region/specialty id.
        """
        from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile
        from matchtui.store import PROFILE

        if path is None:
            self.store.ensure_profile(demo_profile_path())
            return self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION)
        profile = self.store.load_file(path, PROFILE, Profile, PROFILE_SCHEMA_VERSION)
        self.check_profile(profile, path)
        return profile

    def saved_or_demo_profile(self) -> tuple[Profile, bool]:
        """The profile the app opens on, and whether it is the demo's: the saved one (as
        `load_profile` reads it: FileProblems when it does not load), or with none yet the demo
        profile, which the app copies in on its first run (nothing is written here)."""
        from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile
        from matchtui.store import PROFILE
        from matchtui.tomlio import load_model

        if self.store.exists(PROFILE):
            return self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION), False
        return load_model(demo_profile_path(), Profile), True

    def check_profile(self, profile: Profile, path: Path) -> None:
        """Raise FileProblems (with lines from `path`) if the profile names unknown ids. A
        target region left out beside Census divisions is first filled in from them."""
        from matchtui.engine.refs import profile_ref_problems, settle_targets
        from matchtui.errors import FileProblems, Problem
        from matchtui.tomlio import format_loc, key_lines, line_of, read_toml

        settle_targets(profile, self.catalog)
        found = list(profile_ref_problems(profile, self.catalog))
        if found:
            try:
                lines = key_lines(read_toml(path)[1])
            except FileProblems:
                lines = {}
            raise FileProblems(
                [Problem(path, format_loc(loc), msg, line_of(lines, loc)) for loc, msg in found]
            )

    def check_programs(self, programs: ProgramList, path: Path, notes: list[str]) -> None:
        """Raise FileProblems (with lines from `path`) if the program list holds what an import
        refuses: a specialty or state the reference data does not know, a program listed
        twice. An NRMP code two programs share is added to `notes` (a warning) instead."""
        from matchtui.engine.programs import list_problems
        from matchtui.errors import FileProblems, Problem
        from matchtui.limits import MAX_PROGRAMS_BYTES
        from matchtui.tomlio import format_loc, key_lines, line_of, read_toml

        found: list[dict[tuple[str | int, ...], int]] = []

        def lines() -> dict[tuple[str | int, ...], int]:
            if not found:  # read only when there is something to point at
                try:
                    found.append(key_lines(read_toml(path, MAX_PROGRAMS_BYTES)[1]))
                except FileProblems:
                    found.append({})
            return found[0]

        def where(index: int) -> str:
            line = line_of(lines(), ("programs", index))
            return f"line {line}" if line else f"programs[{index}]"

        errors, warnings = list_problems(programs.programs, self.catalog, where)
        for loc, message in warnings:
            note = str(Problem(path, format_loc(loc), message, line_of(lines(), loc)))
            if note not in notes:
                notes.append(note)
        if errors:
            raise FileProblems(
                [Problem(path, format_loc(loc), msg, line_of(lines(), loc)) for loc, msg in errors]
            )

    def new_profile(self, today: dt.date, *, force: bool = False) -> tuple[Path, Path | None]:
        """Start a blank profile.toml. The current file, if any, is first copied aside (as
        profile.toml.kept-DATE-RANDOM); the bundled demo is never touched.

        Returns (the new file, the copy kept aside or None). Raises FileExistsError when the
        current profile is the applicant's own (not the demo) and `force` is not given.
        """
        from matchtui.errors import FileProblems
        from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile, blank_profile
        from matchtui.store import PROFILE
        from matchtui.tomlio import dated_copy

        path = self.store.path(PROFILE)
        kept: Path | None = None
        if path.exists():
            try:
                own = not self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION).demo
            except FileProblems:
                own = False  # a file that does not load is kept aside, never lost
            if own and not force:
                raise FileExistsError(path)
            kept = dated_copy(path, "kept")  # exclusive, unpredictable name, no link followed
        from matchtui.engine.calendar import default_match_year

        first = next(iter(self.catalog.regions))
        year = default_match_year(self.catalog, today)
        self.store.forget(PROFILE)  # replacing it on purpose: no conflict with what was read
        return self.store.write(PROFILE, blank_profile(today, first, year)).path, kept

    def save_profile(self, profile: Profile, *, keep_mine: bool = False) -> Path:
        from matchtui.store import PROFILE

        return self.store.write(PROFILE, profile, keep_mine=keep_mine).path

    def reload_profile(self) -> Profile:
        """The profile as it is on disk now (after a conflict: "reload")."""
        from matchtui.store import PROFILE

        self.store.forget(PROFILE)
        return self.load_profile()

    # -- the plan ------------------------------------------------------------------------
    def load_plan(self) -> PlanFile:
        """plan.toml, or an empty plan when there is none yet (a bad file raises)."""
        from matchtui.models.plan import PlanFile
        from matchtui.store import PLAN

        # The empty plan is all defaults: made without validating (nothing to check), so a
        # command without a plan does not build the plan's validators (~3 ms); the same model.
        return self.store.load_or(PLAN, PlanFile, PlanFile.model_construct)

    def save_plan(self, plan: PlanFile, *, keep_mine: bool = False) -> Path:
        from matchtui.store import PLAN

        return self.store.write(PLAN, plan, keep_mine=keep_mine).path

    def reload_plan(self) -> PlanFile:
        from matchtui.store import PLAN

        self.store.forget(PLAN)
        return self.load_plan()

    # -- the program list ----------------------------------------------------------------
    def load_programs(self) -> ProgramList:
        """programs.toml, or an empty list when there is none yet (a bad file raises)."""
        from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
        from matchtui.store import PROGRAMS

        if not self.store.exists(PROGRAMS):
            # all defaults, made without validating (as the empty plan above)
            return self.store.load_or(PROGRAMS, ProgramList, ProgramList.empty)
        return self.store.load(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)

    def load_programs_warm(self) -> ProgramList | None:
        """programs.toml if it is validated in memory already (see `Store.load_warm`), else
        None (also when there is none)."""
        from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
        from matchtui.store import PROGRAMS

        return self.store.load_warm(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)

    def peek_programs_warm(self) -> ProgramList | None:
        """programs.toml's validated content if it is in memory for the bytes on disk now (a
        list of its own, the records shared), an empty list when there is no file, else None
        (not read yet, changed since, or it does not load). Records nothing (`Store.peek_warm`):
        for work done ahead in a background thread (`PaneScreen.warm_data`)."""
        from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
        from matchtui.store import PROGRAMS

        if not self.store.exists(PROGRAMS):
            return ProgramList.empty()  # as load_programs reads it
        return self.store.peek_warm(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)

    def warm_programs(self) -> bool:
        """Validate programs.toml ahead of the panes that read it (see `Store.warm`); False
        when there is none or it does not load."""
        from matchtui.models.programs import PROGRAMS_SCHEMA_VERSION, ProgramList
        from matchtui.store import PROGRAMS

        return self.store.warm(PROGRAMS, ProgramList, PROGRAMS_SCHEMA_VERSION)

    def save_programs(
        self, programs: ProgramList, *, merge: bool = False, keep_mine: bool = False
    ) -> Saved[ProgramList]:
        from matchtui.store import PROGRAMS

        self._check_program_count(len(programs.programs))
        return self.store.write(PROGRAMS, programs, merge=merge, keep_mine=keep_mine)

    def programs_changed_elsewhere(self) -> bool:
        """programs.toml was changed by another window or command since it was last read or
        written here (see `Store.changed_elsewhere`)."""
        from matchtui.store import PROGRAMS

        return self.store.changed_elsewhere(PROGRAMS)

    def reload_programs(self) -> ProgramList:
        from matchtui.store import PROGRAMS

        self.store.forget(PROGRAMS)
        return self.load_programs()

    def import_programs(
        self, incoming: list[Program], *, replace: bool = False
    ) -> tuple[Saved[ProgramList], list[Program]]:
        """Add `incoming` to programs.toml as it is on disk now (read, merge and write under the
        file's lock, so a concurrent import or edit is never lost). Returns what was saved and
        the programs left out because the list already had them."""
        from matchtui.engine.programs import merge
        from matchtui.store import PROGRAMS

        with self.store.locked(PROGRAMS):
            existing = self.load_programs()
            keys = {p.key for p in existing.programs} if not replace else set()
            fresh = {p.key for p in incoming} - keys
            self._check_program_count(len(keys) + len(fresh))
            merged, duplicates = merge(existing, incoming, replace=replace)
            self._check_codes(merged.programs, len(incoming) - len(duplicates))
            saved = self.store.write(PROGRAMS, merged)
        return saved, duplicates

    def _check_codes(self, programs: list[Program], added: int) -> None:
        """No NRMP code given by an import (the last `added` programs) to a program that
        another one holds (the caller checked the file against the list as it read it: this
        catches one saved meanwhile). Codes the list itself repeats are left to its look-ups."""
        from matchtui.engine.programs import code_taken
        from matchtui.errors import FileProblems, Problem
        from matchtui.store import PROGRAMS

        split = len(programs) - added
        first: dict[str, Program] = {}
        for program in programs[:split]:
            if program.nrmp_code:
                first.setdefault(program.nrmp_code, program)
        for program in programs[split:]:
            code = program.nrmp_code
            if not code:
                continue
            held = first.setdefault(code, program)
            if held is not program:
                raise FileProblems(
                    [
                        Problem(
                            self.store.path(PROGRAMS),
                            "programs",
                            f"{program.name}: {code_taken(program, held, 'on the list')} "
                            "(nothing was saved)",
                        )
                    ]
                )

    def _check_program_count(self, count: int) -> None:
        from matchtui.errors import FileProblems, Problem
        from matchtui.limits import MAX_PROGRAMS
        from matchtui.store import PROGRAMS

        if count > MAX_PROGRAMS:
            raise FileProblems(
                [
                    Problem(
                        self.store.path(PROGRAMS),
                        "programs",
                        f"the list would hold {count:,} programs; the limit is "
                        f"{MAX_PROGRAMS:,} (nothing was saved)",
                    )
                ]
            )

    # -- the practice log ----------------------------------------------------------------
    def load_practice(self) -> PracticeLog:
        """practice.toml, or an empty log when there is none yet (a bad file raises)."""
        from matchtui.models.practice import PRACTICE_SCHEMA_VERSION, PracticeLog
        from matchtui.store import PRACTICE

        if not self.store.exists(PRACTICE):
            return self.store.load_or(PRACTICE, PracticeLog, PracticeLog)
        return self.store.load(PRACTICE, PracticeLog, PRACTICE_SCHEMA_VERSION)

    def save_practice(self, log: PracticeLog, *, keep_mine: bool = False) -> Saved[PracticeLog]:
        """Save the log; attempts another writer added meanwhile are kept (an exact merge:
        attempts are only ever appended). The saved log is in the result's `model`."""
        from matchtui.store import PRACTICE

        return self.store.write(PRACTICE, log, merge=True, keep_mine=keep_mine)

    def add_attempt(self, attempt: Attempt) -> Saved[PracticeLog]:
        """Append one attempt to practice.toml as it is on disk now (under its lock)."""
        from matchtui.errors import FileProblems
        from matchtui.models.practice import PracticeLog
        from matchtui.store import PRACTICE

        with self.store.locked(PRACTICE):
            try:
                log = self.load_practice()
            except FileProblems:
                if not self.store.is_broken(PRACTICE):
                    raise
                log = PracticeLog()  # the bad file is set aside by the save, never lost
            log = log.model_copy(update={"attempts": [*log.attempts, attempt]})
            return self.store.write(PRACTICE, log)

    # -- exported documents --------------------------------------------------------------
    def export(self, path: Path, text: str) -> Path:
        """Write an exported document (a report) atomically, 0600, never through a link."""
        from matchtui.tomlio import atomic_write

        atomic_write(path, text, backup=False, mode=0o600)
        return path

    # -- settings.toml: small app preferences (the theme); never worth an error -------------
    SETTINGS = "settings.toml"

    def load_settings(self) -> dict[str, str]:
        """The saved preferences as strings; {} when the file is missing or unreadable (a bad
        settings file must never stop the app: it is rewritten on the next change)."""
        import tomllib

        try:
            data = tomllib.loads((self.home / self.SETTINGS).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def save_settings(self, settings: dict[str, str]) -> None:
        """Write the preferences atomically, readable by the owner only (0600)."""
        import tomli_w

        from matchtui.tomlio import atomic_write

        self.store.ensure_home()
        atomic_write(self.home / self.SETTINGS, tomli_w.dumps(settings), backup=False, mode=0o600)
