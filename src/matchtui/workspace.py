"""One place that ties a data folder and a home folder together, for the CLI and the TUI alike."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from matchtui.catalog import Catalog, bundled_data_dir, resolve_data_dir
from matchtui.errors import FileProblems, Problem
from matchtui.models.plan import PlanFile
from matchtui.models.profile import PROFILE_SCHEMA_VERSION, Profile
from matchtui.store import PLAN, PROFILE, Store, resolve_home
from matchtui.tomlio import format_loc, key_lines, line_of, load_model, read_toml


def demo_profile_path() -> Path:
    return bundled_data_dir() / "demo" / "profile.toml"


@dataclass
class Workspace:
    home: Path
    data_dir: Path

    @classmethod
    def from_options(
        cls, home: str | os.PathLike[str] | None = None, data: str | os.PathLike[str] | None = None
    ) -> Workspace:
        return cls(home=resolve_home(home), data_dir=resolve_data_dir(data))

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog.load(self.data_dir)

    @cached_property
    def store(self) -> Store:
        return Store(self.home)

    def load_profile(self, path: Path | None = None) -> Profile:
        """The profile at `path` (default: the home folder's, seeded from the demo on first run).

        Raises FileProblems naming the file, line and field for syntax, schema or an unknown
        region/specialty id.
        """
        if path is None:
            self.store.ensure_profile(demo_profile_path())
            path = self.store.path(PROFILE)
            profile = self.store.load(PROFILE, Profile, PROFILE_SCHEMA_VERSION)
        else:
            profile = load_model(path, Profile)
        self.check_profile(profile, path)
        return profile

    def check_profile(self, profile: Profile, path: Path) -> None:
        from matchtui.engine.refs import profile_ref_problems

        found = list(profile_ref_problems(profile, self.catalog))
        if found:
            try:
                lines = key_lines(read_toml(path)[1])
            except FileProblems:
                lines = {}
            raise FileProblems(
                [Problem(path, format_loc(loc), msg, line_of(lines, loc)) for loc, msg in found]
            )

    def save_profile(self, profile: Profile) -> Path:
        return self.store.save(PROFILE, profile)

    def load_plan(self) -> PlanFile:
        """plan.toml, or an empty plan when there is none yet (a bad file raises)."""
        return self.store.load_or(PLAN, PlanFile, PlanFile)

    def save_plan(self, plan: PlanFile) -> Path:
        return self.store.save(PLAN, plan)
