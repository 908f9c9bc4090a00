"""Find the reference data folder and load it into one validated Catalog.

Every file is validated with its own pydantic model; all problems in all files are collected
and reported together (file, line where possible, key path). Cross-references (source ids,
region ids, specialty ids) are checked once everything has loaded.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from matchtui.errors import FileProblems, Problem
from matchtui.locations import bundled_data_dir, resolve_data_dir
from matchtui.models.reference import (
    FeeSchedule,
    FeesFile,
    Region,
    RegionsFile,
    Source,
    SourcesFile,
    SpecialtiesFile,
    Specialty,
)
from matchtui.tomlio import format_loc, key_lines, line_of, load_model, read_toml

F = TypeVar("F", bound=BaseModel)


@dataclass(frozen=True)
class CatalogFile:
    """One reference file: its name in the data folder and the model that validates it,
    given as "module:Class" so a model module is imported only when its file is loaded."""

    name: str
    model_path: str

    @property
    def model(self) -> type[BaseModel]:
        module, _, attr = self.model_path.partition(":")
        found: type[BaseModel] = getattr(importlib.import_module(module), attr)
        return found


# The reference files, in load order. Read typed content with catalog.get(name, Model).
CATALOG_FILES: tuple[CatalogFile, ...] = (
    CatalogFile("sources.toml", "matchtui.models.reference:SourcesFile"),
    CatalogFile("regions.toml", "matchtui.models.reference:RegionsFile"),
    CatalogFile("specialties.toml", "matchtui.models.reference:SpecialtiesFile"),
    CatalogFile("fees.toml", "matchtui.models.reference:FeesFile"),
    # reality check (risk, back home, archetypes, letters, actions)
    # specialties charts
    # program mix
    # interview practice
    # plan
)


class Catalog:
    """All reference data, validated. Build with `Catalog.load(folder)`."""

    def __init__(self, folder: Path, files: dict[str, BaseModel], origins: dict[str, Path]) -> None:
        self.folder = folder
        self._files = files
        self.origins = origins  # file name -> the path it was actually read from

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: str | os.PathLike[str] | None = None) -> Catalog:
        """Load every reference file from `folder` (files it lacks come from the bundled data).

        Raises FileProblems listing every problem in every file.
        """
        root = resolve_data_dir(folder)
        bundled = bundled_data_dir()
        if not root.is_dir():
            raise FileProblems([Problem(root, "", "data folder not found")])
        files: dict[str, BaseModel] = {}
        origins: dict[str, Path] = {}
        texts: dict[str, str] = {}
        problems: list[Problem] = []
        for entry in CATALOG_FILES:
            path = root / entry.name
            if not path.exists() and root != bundled:
                path = bundled / entry.name
            origins[entry.name] = path
            try:
                data, text = read_toml(path)
                texts[entry.name] = text
                files[entry.name] = load_model(path, entry.model, data, text)
            except FileProblems as exc:
                problems.extend(exc.problems)
        if problems:
            raise FileProblems(problems)
        catalog = cls(root, files, origins)
        problems.extend(catalog._cross_check(texts))
        if problems:
            raise FileProblems(problems)
        return catalog

    def _cross_check(self, texts: dict[str, str]) -> Iterator[Problem]:
        source_ids = set(self.sources)
        for name, model in self._files.items():
            path = self.origins[name]
            lines = key_lines(texts.get(name, ""))
            for loc, source in _source_refs(model):
                if source not in source_ids:
                    yield Problem(
                        path,
                        format_loc((*loc, "source")),
                        f"unknown source id {source!r} (not in sources.toml)",
                        line_of(lines, (*loc, "source")),
                    )
            for loc, message in _duplicate_ids(model):
                yield Problem(path, format_loc(loc), message, line_of(lines, loc))
            check = getattr(model, "check_refs", None)
            if callable(check):
                for loc, message in check(self):
                    yield Problem(path, format_loc(loc), message, line_of(lines, loc))

    def get(self, name: str, model: type[F]) -> F:
        """The validated content of one file, typed."""
        value = self._files[name]
        assert isinstance(value, model)
        return value

    # -- typed access ----------------------------------------------------------------------
    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.get("sources.toml", SourcesFile).sources}

    @cached_property
    def regions(self) -> dict[str, Region]:
        return {r.id: r for r in self.get("regions.toml", RegionsFile).regions}

    @cached_property
    def specialties(self) -> dict[str, Specialty]:
        return {s.id: s for s in self.get("specialties.toml", SpecialtiesFile).specialties}

    @property
    def fees(self) -> FeesFile:
        return self.get("fees.toml", FeesFile)

    def fee_schedule(self, season: int | None = None) -> FeeSchedule:
        wanted = season or self.fees.default_season
        for schedule in self.fees.schedules:
            if schedule.season == wanted:
                return schedule
        raise KeyError(f"no ERAS fee schedule for season {wanted}")

    @cached_property
    def region_of_state(self) -> dict[str, str]:
        return {state: region.id for region in self.regions.values() for state in region.states}

    def specialty_name(self, specialty_id: str) -> str:
        found = self.specialties.get(specialty_id)
        return found.name if found else specialty_id

    def region_name(self, region_id: str) -> str:
        found = self.regions.get(region_id)
        return found.name if found else region_id

    def cite(self, source_id: str) -> str:
        """Short citation: publisher, title and year."""
        source = self.sources.get(source_id)
        if source is None:
            return source_id
        year = f", {source.year}" if source.year else ""
        return f"{source.publisher}: {source.title}{year}"

    def summary(self) -> str:
        counts = ", ".join(f"{name} ok" for name in self._files)
        return f"{len(self._files)} files valid in {self.folder} ({counts})"


def _source_refs(
    value: Any, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every (key path, source id) in a model tree."""
    if isinstance(value, BaseModel):
        source = getattr(value, "source", None)
        if isinstance(source, str) and "source" in type(value).model_fields:
            yield loc, source
        for field in type(value).model_fields:
            yield from _source_refs(getattr(value, field), (*loc, field))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _source_refs(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _source_refs(item, (*loc, str(key)))


def _duplicate_ids(model: BaseModel) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Top-level lists of records with `id` must not repeat an id."""
    for field in type(model).model_fields:
        items = getattr(model, field)
        if not isinstance(items, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(items):
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str):
                if item_id in seen:
                    yield (field, index, "id"), f"duplicate id {item_id!r}"
                seen.add(item_id)
