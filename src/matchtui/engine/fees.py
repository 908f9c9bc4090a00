"""ERAS application fees from a fee schedule (the schedule itself is data)."""

from __future__ import annotations

from collections.abc import Iterable

from matchtui.models.reference import FeeSchedule


def fee_for_count(schedule: FeeSchedule, programs: int) -> int:
    """Fee in dollars for `programs` applications within one specialty."""
    total = 0
    for tier in schedule.tiers:
        if programs < tier.first:
            break
        top = programs if tier.last is None else min(programs, tier.last)
        if tier.flat is not None:
            total += tier.flat
        else:
            assert tier.each is not None
            total += tier.each * (top - tier.first + 1)
    return total


def eras_fee(schedule: FeeSchedule, counts_by_specialty: Iterable[int]) -> int:
    """Fee for a whole list; the tiers restart for each specialty when the schedule says so."""
    counts = [c for c in counts_by_specialty if c > 0]
    if schedule.resets_per_specialty:
        return sum(fee_for_count(schedule, c) for c in counts)
    return fee_for_count(schedule, sum(counts))
