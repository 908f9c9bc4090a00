"""Checks a profile against the catalog: region and specialty ids must exist, and a COMLEX
Level 2-CE score must lie in the range readiness.toml [comlex] gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from matchtui.catalog import Catalog
from matchtui.models.base import ABROAD
from matchtui.models.profile import MAX_DIVISIONS, Profile
from matchtui.suggest import did_you_mean

Loc = tuple[str | int, ...]


def settle_targets(profile: Profile, catalog: Catalog) -> None:
    """Places as ERAS names them, read as the regions the analysis uses; filled in place as the
    profile loads, before its ids are checked:
    - a profile that names Census divisions and no target region aims at the first division's
      region (ERAS takes divisions or a region);
    - a division id where a region is asked ("pacific" for a tie, or as the target) is read as
      its region; as the target, it is also one of the divisions (when there is room).
    Anything unknown is left for the check to name."""
    divisions = catalog.divisions
    targets = profile.targets
    if not targets.region and targets.divisions:
        found = divisions.get(targets.divisions[0])
        if found is not None:
            targets.region = found.region
    if targets.region in divisions:
        division = targets.region
        targets.region = divisions[division].region
        if division not in targets.divisions and len(targets.divisions) < MAX_DIVISIONS:
            targets.divisions = [division, *targets.divisions]
    places: list[tuple[Any, str]] = [
        (profile.applicant, field) for field in ("home_region", "lives_in", "training_region")
    ]
    places += [(item, "region") for item in (*profile.ties, *profile.rotations, *profile.letters)]
    for holder, field in places:
        value = getattr(holder, field)
        if value in divisions:
            setattr(holder, field, divisions[value].region)


def profile_ref_problems(profile: Profile, catalog: Catalog) -> Iterator[tuple[Loc, str]]:
    """Each (key path, message) where the profile names a region or specialty the catalog lacks,
    or holds a COMLEX score off its scale."""
    if profile.exams.level2_score is not None:  # (the range is read only for a score to check)
        from matchtui.engine.exams import level2_problem

        if (problem := level2_problem(profile.exams, catalog)) is not None:
            yield ("exams", "level2_score"), problem
    regions, specialties = catalog.regions, catalog.specialties

    def region(loc: Loc, value: str, abroad: bool = False) -> Iterator[tuple[Loc, str]]:
        if value not in regions and not (abroad and value == ABROAD):
            known = [*regions, *([ABROAD] if abroad else [])]
            code = catalog.state_named(value)
            state = catalog.region_of_state.get(code) if code else None
            if state:
                hint = f": {value} is a state in the {state} region; did you mean {state}?"
            elif code:  # Puerto Rico: a place the Match has programs in, in no census region
                name = catalog.states_without_region.get(code, code)
                hint = f": {name} is in no census region, so it cannot be one"
            else:
                hint = did_you_mean(value, known)
            yield loc, f"unknown region {value!r}{hint} (one of: {', '.join(known)})"

    def specialty(loc: Loc, value: str | None) -> Iterator[tuple[Loc, str]]:
        if value is not None and value not in specialties:
            words = catalog.specialty_words
            hint = did_you_mean(value, words, "matchtui data list specialties")
            yield loc, f"unknown specialty {value!r}{hint}"

    # where they are from, live and study, and where a letter was written, may be outside the
    # US; what they aim at, a tie and a rotation may not
    a = profile.applicant
    yield from region(("applicant", "home_region"), a.home_region, abroad=True)
    yield from region(("applicant", "lives_in"), a.lives_in, abroad=True)
    if a.training_region is not None:
        yield from region(("applicant", "training_region"), a.training_region, abroad=True)
    if profile.targets.region:
        yield from region(("targets", "region"), profile.targets.region)
    elif not profile.targets.divisions:
        yield ("targets", "region"), "name a target region, or up to three Census divisions"
    divisions = catalog.divisions
    for i, division in enumerate(profile.targets.divisions):
        if division not in divisions:  # any region's: ERAS takes divisions anywhere
            yield (
                ("targets", "divisions", i),
                f"unknown division {division!r}{did_you_mean(division, list(divisions))} "
                f"(one of: {', '.join(divisions)})",
            )
    for i, cycle in enumerate(profile.history.cycles):
        yield from specialty(("history", "cycles", i, "specialty"), cycle.specialty)
    for i, target in enumerate(profile.targets.specialties):
        yield from specialty(("targets", "specialties", i), target)
    for i, tie in enumerate(profile.ties):
        yield from region(("ties", i, "region"), tie.region)
    for i, rotation in enumerate(profile.rotations):
        yield from region(("rotations", i, "region"), rotation.region)
        yield from specialty(("rotations", i, "specialty"), rotation.specialty)
    for i, letter in enumerate(profile.letters):
        yield from region(("letters", i, "region"), letter.region, abroad=True)
        yield from specialty(("letters", i, "specialty"), letter.specialty)
