"""Find the reference data folder and load it into one validated Catalog.

Every file is validated with its own pydantic model; all problems in all files are collected
and reported together (file, line where possible, key path). Cross-references (source ids,
region ids, specialty ids) are checked once everything has loaded.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import sys
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

from matchtui.errors import FileProblems, Problem
from matchtui.limits import MAX_DATA_FILE_BYTES
from matchtui.locations import bundled_data_dir, resolve_data_dir
from matchtui.models.reference import (
    Division,
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


class CatalogFile(NamedTuple):
    """One reference file: its name in the data folder and the model that validates it,
    given as "module:Class" so a model module is imported only when its file is loaded;
    `derive`, "module:function", what the file is completed with once validated and checked
    (it is called with the catalog, which holds the file meanwhile, and the file's content,
    and returns the content to keep, cached with the rest).
    (A named tuple: made in ~0.1 ms at import, where a frozen dataclass takes ~0.5.)"""

    name: str
    model_path: str
    derive: str = ""

    @property
    def model(self) -> type[BaseModel]:
        module, _, attr = self.model_path.partition(":")
        found: type[BaseModel] = getattr(importlib.import_module(module), attr)
        return found


# The reference files, in load order. Read typed content with catalog.get(name, Model).
CATALOG_FILES: tuple[CatalogFile, ...] = (
    CatalogFile("sources.toml", "matchtui.models.reference:SourcesFile"),
    CatalogFile("regions.toml", "matchtui.models.reference:RegionsFile"),
    CatalogFile("states.toml", "matchtui.models.states:StatesFile"),
    CatalogFile("specialties.toml", "matchtui.models.reference:SpecialtiesFile"),
    CatalogFile("fees.toml", "matchtui.models.reference:FeesFile"),
    # reality check (risk, back home, archetypes, letters, actions)
    CatalogFile("risk.toml", "matchtui.models.risk_rules:RiskFile"),
    CatalogFile("back_home.toml", "matchtui.models.risk_rules:BackHomeFile"),
    CatalogFile("archetypes.toml", "matchtui.models.rules:ArchetypesFile"),
    CatalogFile("readiness.toml", "matchtui.models.risk_rules:ReadinessFile"),
    CatalogFile("actions.toml", "matchtui.models.rules:ActionsFile"),
    # specialties charts
    CatalogFile("figures.toml", "matchtui.models.figures:FiguresFile"),
    # program mix
    # its fitted constants kept answerable to the anchors of the data read
    CatalogFile("mix.toml", "matchtui.models.mix:MixFile", "matchtui.engine.calibrate:current_fit"),
    CatalogFile("curves.toml", "matchtui.models.mix:CurvesFile"),
    # interview practice
    CatalogFile("questions.toml", "matchtui.models.questions:QuestionsFile"),
    CatalogFile("lexicon.toml", "matchtui.models.lexicon:LexiconFile"),
    # plan
    CatalogFile("timeline.toml", "matchtui.models.plan_data:TimelineFile"),
    CatalogFile("steps.toml", "matchtui.models.plan_data:StepsFile"),
    CatalogFile("dates.toml", "matchtui.models.calendar:DatesFile"),
    # rank list
    CatalogFile("ranklist.toml", "matchtui.models.ranklist:RanklistFile"),
)

# A program in a place outside the four census regions (Puerto Rico, a US territory: states.toml
# census_region = false) is in no region: its region id is "", outside every region and never the
# target one; filters and tallies name it so.
NO_REGION = ""
NO_REGION_NAME = "No census region"
NO_REGION_SHORT = "No region"  # a filter's option and a narrow column (no wider than "Northeast")


class Catalog:
    """All reference data, validated.

    `Catalog.load(folder)` validates every file up front and reports every problem at once
    (the app and `data check` use it). `Catalog.load(folder, lazy=True)` validates each file
    on first use instead, so a command pays only for the files it reads.
    """

    def __init__(self, folder: Path, origins: dict[str, Path]) -> None:
        self.folder = folder
        self.origins = origins  # file name -> the path it is read from
        self._files: dict[str, BaseModel] = {}
        self._entries = {entry.name: entry for entry in CATALOG_FILES}
        # The validated-catalog cache: each file's content pickled on its own and unpickled on
        # first use, so a pane or a command pays only for the models of the files it reads.
        self._cache_dir: Path | None = None
        self._cache_key: bytes | None = None
        self._cache_read = False
        self._pickled: dict[str, bytes] = {}  # name -> pickled content, as cached
        self._unsaved = False  # files validated since the cache was read

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        folder: str | os.PathLike[str] | None = None,
        *,
        lazy: bool = False,
        cache_dir: Path | None = None,
    ) -> Catalog:
        """Open the data in `folder` (files it lacks come from the bundled data).

        With `cache_dir`, the validated catalog is kept there and reused while every data file
        (and matchtui's model code) is byte for byte the same: the files are validated once per
        content, not on every start (~150 ms -> ~5 ms). Each file is unpickled when it is first
        read, so its model module is imported only then. Lazy, a file the cache lacks is
        validated on first use and kept for `save_cache`; the full load completes the cache.

        Raises FileProblems listing every problem in every file (lazy: in each file, when used).
        """
        root = resolve_data_dir(folder)
        bundled = bundled_data_dir()
        if not root.is_dir():
            raise FileProblems([Problem(root, "", "data folder not found")])
        origins: dict[str, Path] = {}
        for entry in CATALOG_FILES:
            path = root / entry.name
            if not path.exists() and root != bundled:
                path = bundled / entry.name
            origins[entry.name] = path
        catalog = cls(root, origins)
        catalog._cache_dir = cache_dir
        if lazy:
            return catalog
        catalog._read_cache()
        if set(catalog._pickled) != set(catalog._entries):  # no cache, or a partial one
            catalog.load_all()
            catalog.save_cache()
        return catalog

    def load_all(self) -> None:
        """Validate every file; raise FileProblems with every problem found in all of them."""
        texts: dict[str, str] = {}
        problems: list[Problem] = []
        for name in self._entries:
            if name in self._files or name in self._pickled:
                continue
            try:
                self._files[name], texts[name] = self._read(name)
            except FileProblems as exc:
                problems.extend(exc.problems)
        if problems:
            raise FileProblems(problems)
        for name in texts:  # a file from the cache was cross-checked when it was cached
            problems.extend(self._cross_check(name, texts[name]))
        if problems:
            raise FileProblems(problems)
        for name in texts:
            self._derive(name)
            self._remember(name)

    # -- the validated-catalog cache ---------------------------------------------------------
    CACHE_NAME = ".catalog.cache.pickle"

    def _cache_key_of(self) -> bytes | None:
        """A digest of everything the validated result depends on: each data file's bytes and
        path, and the code that validates them (matchtui's model modules, tomlio and this file, by
        size and mtime; pydantic and Python versions). None if a file cannot be read."""
        import hashlib

        import pydantic

        from matchtui import __version__

        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"{__version__}|{pydantic.VERSION}|{sys.version}".encode())
        here = Path(__file__).resolve().parent
        try:
            code_files = [
                Path(__file__).resolve(),
                here / "tomlio.py",
                *(here / "models").glob("*.py"),
            ]
            for code in sorted(code_files):
                stat = code.stat()
                digest.update(f"{code}|{stat.st_size}|{stat.st_mtime_ns}".encode())
            for name, path in self.origins.items():
                digest.update(f"{name}|{path}|".encode())
                digest.update(path.read_bytes())
        except OSError:
            return None
        return digest.digest()

    def _read_cache(self) -> None:
        """Take the cached files (name -> pickled content) if the cache is ours and current;
        nothing on any doubt. Read once, on the first need."""
        if self._cache_read or self._cache_dir is None:
            return
        self._cache_read = True
        self._cache_key = key = self._cache_key_of()
        if key is None:
            return
        try:
            with open(self._cache_dir / self.CACHE_NAME, "rb") as handle:
                stat = os.fstat(handle.fileno())
                # Only a file this user wrote and nobody else can change (pickle runs code).
                if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
                    return
                if handle.read(len(key)) != key:
                    return
                files = pickle.load(handle)
        except Exception:  # a missing, stale or damaged cache: validate instead
            return
        if isinstance(files, dict):
            self._pickled = {
                name: value
                for name, value in files.items()
                if name in self._entries and isinstance(value, bytes)
            }

    def _unpickle(self, name: str) -> BaseModel | None:
        """One file's content from the cache, or None if it is not there or not what the file's
        model says (the file is then validated from its text instead)."""
        self._read_cache()
        payload = self._pickled.get(name)
        if payload is None:
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # a damaged entry: validate the file instead
            value = None
        if not isinstance(value, self._entries[name].model):
            del self._pickled[name]
            return None
        return value

    def _remember(self, name: str) -> None:
        """Keep a file just validated and cross-checked for the cache."""
        if self._cache_dir is None or self._cache_key is None:
            return
        try:
            self._pickled[name] = pickle.dumps(self._files[name], protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # caching is an optimisation only
            return
        self._unsaved = True

    def save_cache(self) -> None:
        """Write the files validated since the cache was read (best effort, atomic, 0600: a
        cache that cannot be written is just skipped). A command calls this once it succeeded,
        so a failed command leaves the home folder as it was."""
        if not self._unsaved or self._cache_dir is None or self._cache_key is None:
            return
        import tempfile

        self._unsaved = False
        tmp: str | None = None
        try:
            payload = self._cache_key + pickle.dumps(
                self._pickled, protocol=pickle.HIGHEST_PROTOCOL
            )
            self._cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".catalog.", suffix=".tmp", dir=self._cache_dir)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self._cache_dir / self.CACHE_NAME)
            tmp = None
        except Exception:  # caching is an optimisation only
            pass
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _read(self, name: str) -> tuple[BaseModel, str]:
        path = self.origins[name]
        data, text = read_toml(path, MAX_DATA_FILE_BYTES)
        return load_model(path, self._entries[name].model, data, text), text

    def _cross_check(self, name: str, text: str | None) -> Iterator[Problem]:
        path = self.origins[name]
        model = self._files[name]
        source_ids = set(self.sources)
        found: list[tuple[tuple[str | int, ...], str]] = [
            ((*loc, "source"), f"unknown source id {source!r} (not in sources.toml)")
            for loc, source in _source_refs(model)
            if source not in source_ids
        ]
        found.extend(_duplicate_ids(model))
        check = getattr(model, "check_refs", None)
        if callable(check):
            found.extend(check(self))
        if not found:
            return
        # Line numbers are worked out only when there is something to point at.
        lines = key_lines(text if text is not None else read_toml(path, MAX_DATA_FILE_BYTES)[1])
        for loc, message in found:
            yield Problem(path, format_loc(loc), message, line_of(lines, loc))

    def get(self, name: str, model: type[F]) -> F:
        """The validated content of one file, typed (loaded and checked on first use)."""
        value = self._files.get(name)
        if value is None and (value := self._unpickle(name)) is not None:
            self._files[name] = value  # validated and cross-checked when it was cached
        if value is None:
            value, text = self._read(name)
            self._files[name] = value
            try:
                problems = list(self._cross_check(name, text))
            except BaseException:
                del self._files[name]
                raise
            if problems:
                del self._files[name]
                raise FileProblems(problems)
            value = self._derive(name)
            self._remember(name)
        assert isinstance(value, model)
        return value

    def _derive(self, name: str) -> BaseModel:
        """The file's content completed by its entry's `derive` (kept in place of the file)."""
        value = self._files[name]
        derive = self._entries[name].derive
        if derive:
            module, _, attr = derive.partition(":")
            value = self._files[name] = getattr(importlib.import_module(module), attr)(self, value)
        return value

    # -- typed access ----------------------------------------------------------------------
    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.get("sources.toml", SourcesFile).sources}

    @cached_property
    def regions(self) -> dict[str, Region]:
        return {r.id: r for r in self.get("regions.toml", RegionsFile).regions}

    @cached_property
    def divisions(self) -> dict[str, Division]:
        return {d.id: d for d in self.get("regions.toml", RegionsFile).divisions}

    def region_of(self, place_id: str) -> str:
        """The region id of a region or division id (an unknown id is returned as it is)."""
        division = self.divisions.get(place_id)
        return division.region if division is not None else place_id

    @cached_property
    def specialties(self) -> dict[str, Specialty]:
        return {s.id: s for s in self.get("specialties.toml", SpecialtiesFile).specialties}

    @cached_property
    def specialty_words(self) -> dict[str, tuple[str, str]]:
        """Each specialty id with its name and short name: what "did you mean" matches."""
        return {s.id: (s.name, s.short) for s in self.specialties.values()}

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

    @cached_property
    def states_without_region(self) -> dict[str, str]:
        """Postal code -> name of the places states.toml lists outside the four census regions
        (Puerto Rico): a program there is valid, in no region."""
        from matchtui.models.states import StatesFile

        without = self.get("states.toml", StatesFile).without_region()
        return {code: name for code, name in without.items() if code not in self.region_of_state}

    def state_region_label(self, code: str, *, short: bool = False) -> str:
        """The region of a program's state as shown beside it: 'Midwest', or for Puerto Rico
        (or a code the data does not know) 'no census region' ('no region' when `short`)."""
        region = self.region_of_state.get(code)
        if region:
            return self.region_name(region)
        return (NO_REGION_SHORT if short else NO_REGION_NAME).lower()

    def region_choices(self, *, short: bool = False) -> dict[str, str]:
        """Region id -> name for the filters (`short`) and tallies of programs: the census
        regions, and NO_REGION ("") as 'No census region' ('No region') when states.toml lists
        a place outside them (Puerto Rico)."""
        names = {r.id: r.name for r in self.regions.values()}
        if self.states_without_region:
            names[NO_REGION] = NO_REGION_SHORT if short else NO_REGION_NAME
        return names

    def state_named(self, text: str) -> str | None:
        """The postal code of the US state or territory `text` names, written as a code, a full
        name or a common abbreviation ("OH", "Ohio", "Calif.", "Puerto Rico"), if the regions
        hold it or states.toml lists it outside them; else None."""
        from matchtui.models.states import fold

        upper = text.upper()
        known = upper in self.region_of_state or upper in self.states_without_region
        return upper if known else self._state_spellings.get(fold(text))

    @cached_property
    def _state_spellings(self) -> dict[str, str]:
        """Every accepted spelling of a state the regions hold or of a place listed outside
        them, folded, -> postal code (built once: an import of thousands of rows looks up each
        row's state)."""
        from matchtui.models.states import StatesFile

        spellings = self.get("states.toml", StatesFile).lookup()
        regions, without = self.region_of_state, self.states_without_region
        return {k: code for k, code in spellings.items() if code in regions or code in without}

    def states_of_city(self, text: str) -> tuple[str, ...]:
        """The postal codes of the cities named `text` that states.toml lists ("Chicago" ->
        ("IL",), "Portland" -> ("OR", "ME")); none for a city it does not list."""
        from matchtui.models.states import fold

        return self._city_states.get(fold(text), ())

    @cached_property
    def _city_states(self) -> dict[str, tuple[str, ...]]:
        from matchtui.models.states import StatesFile, fold

        return {
            fold(name): tuple(record.states)
            for record in self.get("states.toml", StatesFile).cities
            for name in record.names
        }

    @cached_property
    def division_of_state(self) -> dict[str, str]:
        """state -> census division id (ERAS geography)."""
        return {state: d.id for d in self.divisions.values() for state in d.states}

    def specialty_name(self, specialty_id: str) -> str:
        found = self.specialties.get(specialty_id)
        return found.name if found else specialty_id

    def region_name(self, region_id: str) -> str:
        found = self.regions.get(region_id) or self.divisions.get(region_id)
        if found is not None:
            return found.name
        from matchtui.models.base import ABROAD
        from matchtui.models.profile import ABROAD_NAME

        return ABROAD_NAME if region_id == ABROAD else region_id

    def cite(self, source_id: str) -> str:
        """Short citation: publisher, title and year."""
        source = self.sources.get(source_id)
        if source is None:
            return source_id
        year = f", {source.year}" if source.year else ""
        return f"{source.publisher}: {source.title}{year}"

    def summary(self) -> str:
        names = [name for name in self._entries if name in self._files or name in self._pickled]
        counts = ", ".join(f"{name} ok" for name in names)
        return f"{len(names)} files valid in {self.folder} ({counts})"


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
