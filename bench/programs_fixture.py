"""A large, realistic program list for benchmarks (deterministic)."""

from __future__ import annotations

import random

from matchtui.catalog import Catalog
from matchtui.models.programs import Program, ProgramList
from matchtui.store import PROGRAMS, Store

TIERS = ("academic", "mid_tier", "community")
# Six statuses, as in schema 1, so the random sequence (and every benchmark list) stays the same.
STATUSES = ("planned", "applied", "invited", "rejected", "ranked", "withdrawn")


def make_programs(catalog: Catalog, count: int, seed: int = 7) -> ProgramList:
    rng = random.Random(seed)
    states = sorted(catalog.region_of_state)
    specialties = ["internal_medicine", "family_medicine", "psychiatry", "pediatrics"]
    programs = [
        Program(
            name=f"Program {i:05d} {rng.choice(['General', 'Regional', 'University', 'Memorial'])}",
            city=f"City {i % 300}",
            state=rng.choice(states),
            specialty=rng.choice(specialties),
            tier=rng.choice(TIERS),  # type: ignore[arg-type]
            signal="signal" if rng.random() < 0.05 else "none",
            yog_limit_years=rng.choice([None, None, 3, 5, 10]),
            visa_sponsor=rng.choice([None, True, False]),
            status=rng.choice(STATUSES),  # type: ignore[arg-type]
            notes="",
        )
        for i in range(count)
    ]
    return ProgramList(programs=programs)


def write_programs(store: Store, catalog: Catalog, count: int) -> None:
    store.save(PROGRAMS, make_programs(catalog, count))
