"""One place that ties a data folder and a home folder together, for the CLI and the TUI alike.

Constructing a Workspace is cheap (no pydantic, no files read): the catalog and the store are
built on first use, so the app can draw its first frame before any data is loaded.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from matchtui.locations import demo_profile_path, resolve_data_dir, resolve_home

if TYPE_CHECKING:
    from matchtui.catalog import Catalog
    from matchtui.models.plan import PlanFile
    from matchtui.models.profile import Profile
    from matchtui.models.programs import ProgramList
    from matchtui.store import Store

__all__ = ["Workspace", "demo_profile_path"]


@dataclass
class Workspace:
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
        from matchtui.store import Store

        return Store(self.home)

    def load_profile(self, path: Path | None = None) -> Profile:
        """The profile at `path` (default: the home folder's, seeded from the demo on first run).

        Raises FileProblems naming the file, line and field for syntax, schema or an unknown
        region/specialty id.
        """
        from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile
        from matchtui.store import PROFILE

        if path is None:
            self.store.ensure_profile(demo_profile_path())
            path = self.store.path(PROFILE)
            profile = self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION)
        else:  # a file named on the command line: older versions migrate the same way
            from matchtui.store import Store

            profile = Store(path.parent).load(path.name, Profile, kind=PROFILE)
        self.check_profile(profile, path)
        return profile

    def check_profile(self, profile: Profile, path: Path) -> None:
        """Raise FileProblems (with lines from `path`) if the profile names unknown ids."""
        from matchtui.engine.refs import profile_ref_problems
        from matchtui.errors import FileProblems, Problem
        from matchtui.tomlio import format_loc, key_lines, line_of, read_toml

        found = list(profile_ref_problems(profile, self.catalog))
        if found:
            try:
                lines = key_lines(read_toml(path)[1])
            except FileProblems:
                lines = {}
            raise FileProblems(
                [Problem(path, format_loc(loc), msg, line_of(lines, loc)) for loc, msg in found]
            )

    def new_profile(self, today: dt.date, *, force: bool = False) -> tuple[Path, Path | None]:
        """Start a blank profile.toml. The current file, if any, is first copied aside (as
        profile.toml.kept-YYYYmmdd-HHMMSS); the bundled demo is never touched.

        Returns (the new file, the copy kept aside or None). Raises FileExistsError when the
        current profile is the applicant's own (not the demo) and `force` is not given.
        """
        from matchtui.errors import FileProblems
        from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile, blank_profile
        from matchtui.store import PROFILE

        path = self.store.path(PROFILE)
        kept: Path | None = None
        if path.exists():
            try:
                own = not self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION).demo
            except FileProblems:
                own = False  # a file that does not load is kept aside, never lost
            if own and not force:
                raise FileExistsError(path)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = path.with_name(f"{PROFILE}.kept-{stamp}")
            shutil.copy2(path, kept)
            os.chmod(kept, 0o600)
        from matchtui.engine.calendar import default_match_year

        first = next(iter(self.catalog.regions))
        year = default_match_year(self.catalog, today)
        return self.store.save(PROFILE, blank_profile(today, first, year)), kept

    def save_profile(self, profile: Profile) -> Path:
        from matchtui.store import PROFILE

        return self.store.save(PROFILE, profile)

    def load_plan(self) -> PlanFile:
        """plan.toml, or an empty plan when there is none yet (a bad file raises)."""
        from matchtui.models.plan import PlanFile
        from matchtui.store import PLAN

        return self.store.load_or(PLAN, PlanFile, PlanFile)

    def save_plan(self, plan: PlanFile) -> Path:
        from matchtui.store import PLAN

        return self.store.save(PLAN, plan)

    def load_programs(self) -> ProgramList:
        """programs.toml (migrated to the current schema), or an empty list when there is none."""
        from matchtui.models.programs import ProgramList
        from matchtui.store import PROGRAMS

        return self.store.load_or(PROGRAMS, ProgramList, ProgramList)

    def save_programs(self, programs: ProgramList) -> Path:
        from matchtui.store import PROGRAMS

        return self.store.save(PROGRAMS, programs)

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
