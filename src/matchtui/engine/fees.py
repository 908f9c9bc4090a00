"""Application fees: ERAS from a fee schedule (the schedule itself is data); specialties that
apply through another service (specialties.toml `application`) get that service named, no fee."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from matchtui.models.reference import (
    APPLICATION_SERVICE_NAMES,
    FeeSchedule,
    FeesFile,
    Specialty,
)


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


def fee_season(fees: FeesFile, match_year: int) -> int:
    """The ERAS season feeding a Match year (an AAMC season is named for the Match it feeds),
    or the default schedule's when that season's fees are not in the data."""
    seasons = {s.season for s in fees.schedules}
    return match_year if match_year in seasons else fees.default_season


def stand_in_note(season: int, match_year: int | None) -> str:
    """'no schedule for 2027 yet' when the data holds no schedule for the Match the fees are
    for and another season's stands in; '' when the season is the Match's own."""
    late = match_year is not None and season != match_year
    return f"no schedule for {match_year} yet" if late else ""


def season_label(season: int, match_year: int | None) -> str:
    """'2026 season', or '2026 season (no schedule for 2027 yet)' when the data holds no
    schedule for the Match the fees are for and the default one stands in."""
    note = stand_in_note(season, match_year)
    return f"{season} season" + (f" ({note})" if note else "")


class FeeQuote(NamedTuple):
    """The application fee for one specialty's list: the service it goes through and the ERAS
    fee, or None when the specialty does not apply through ERAS (no fee is invented for it)."""

    service: str  # eras | residencycas | plastics
    service_name: str
    fee_usd: int | None


def application_fee(specialty: Specialty, schedule: FeeSchedule, programs: int) -> FeeQuote:
    """The fee for `programs` applications in `specialty`: ERAS from the schedule; any other
    service is named, with no fee."""
    service = specialty.application_service
    name = APPLICATION_SERVICE_NAMES[service]
    if service != "eras":
        return FeeQuote(service, name, None)
    return FeeQuote(service, name, eras_fee(schedule, [programs]))


def extra_codes(codes: int, included: int) -> int:
    """The unique program codes on a primary rank list beyond those NRMP's registration fee
    covers."""
    return max(0, codes - included)


def extra_codes_fee(codes: int, included: int, per_code: int) -> int:
    """NRMP's fee for a primary rank list of `codes` unique program codes, beyond the
    registration: each code past the `included` ones costs `per_code` (fees.toml [nrmp]). The
    one rule the Rank list pane, `matchtui ranklist`, the Costs view and `programs summary`
    all count by."""
    return extra_codes(codes, included) * per_code
