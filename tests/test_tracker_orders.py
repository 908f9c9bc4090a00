"""The Applications pane's cached orders (engine.tracker.Orders) give exactly what a full
recomputation (engine.tracker.visible) gives, before and after programs change one at a time."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from matchtui.engine.tracker import ALL, SORT_KEYS, Filters, Orders, visible
from matchtui.models.programs import PROGRAM_STATUSES, SIGNAL_KINDS, Program

STATES = ("NY", "CA", "TX", "OH", "IL", "MA")
REGIONS = {"NY": "northeast", "MA": "northeast", "CA": "west", "TX": "south", "OH": "midwest"}
SPECIALTIES = ("internal_medicine", "family_medicine", "psychiatry")
TIERS = ("academic", "mid_tier", "community")
NAMES = ("Alpha", "beta", "Gamma", "alpha", "Delta", "delta", "Echo")  # ties on purpose


def random_program(rng: random.Random) -> Program:
    status = rng.choice(PROGRAM_STATUSES)
    data: dict[str, Any] = {
        "name": rng.choice(NAMES) + ("" if rng.random() < 0.5 else f" {rng.randrange(5)}"),
        "state": rng.choice(STATES),
        "specialty": rng.choice(SPECIALTIES),
        "tier": rng.choice(TIERS),
        "signal": rng.choice(SIGNAL_KINDS),
        "status": status,
    }
    if rng.random() < 0.7:  # some stages undated
        data["applied_on"] = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randrange(20))
        data["invited_on"] = dt.date(2026, 10, 1) + dt.timedelta(days=rng.randrange(20))
        data["interview_on"] = data["interviewed_on"] = dt.date(2026, 11, rng.randrange(1, 28))
        data["rejected_on"] = data["withdrawn_on"] = data["ranked_on"] = dt.date(2026, 11, 29)
    return Program.model_validate(data)


def random_filters(rng: random.Random) -> Filters:
    def pick(values: tuple[str, ...]) -> str:
        return ALL if rng.random() < 0.5 else rng.choice(values)

    return Filters(
        stage=pick(PROGRAM_STATUSES),
        specialty=pick(SPECIALTIES),
        region=pick(("northeast", "west", "south", "midwest", "")),
        signal=pick(SIGNAL_KINDS),
        tier=pick(TIERS),
        sort=rng.choice(SORT_KEYS),
        reverse=rng.random() < 0.5,
    )


def test_cached_orders_equal_a_full_recomputation_as_programs_change() -> None:
    rng = random.Random(15)
    programs = [random_program(rng) for _ in range(300)]
    orders = Orders(programs)
    for sort in SORT_KEYS:
        for reverse in (False, True):
            filters = Filters(sort=sort, reverse=reverse)
            assert orders.visible(filters, REGIONS) == visible(programs, filters, REGIONS)
    for _ in range(200):
        index = rng.randrange(len(programs))
        programs[index] = random_program(rng)
        orders.changed(index)
        for _ in range(3):
            filters = random_filters(rng)
            assert orders.visible(filters, REGIONS) == visible(programs, filters, REGIONS)
    for sort in SORT_KEYS:  # every order, not just the ones the filters happened to use
        assert orders.order(sort) == visible(programs, Filters(sort=sort), REGIONS)


def test_orders_prepared_ahead_stay_right_and_a_returned_list_is_the_callers() -> None:
    rng = random.Random(16)
    programs = [random_program(rng) for _ in range(50)]
    orders = Orders(programs).prepare()
    rows = orders.visible(Filters(), REGIONS)
    rows.clear()  # the caller's own list: the cached order is untouched
    assert orders.visible(Filters(), REGIONS) == visible(programs, Filters(), REGIONS)
    programs[0] = programs[0].model_copy(update={"name": "Zulu", "status": "applied"})
    orders.changed(0)
    for sort in SORT_KEYS:
        filters = Filters(sort=sort, stage="applied")
        assert orders.visible(filters, REGIONS) == visible(programs, filters, REGIONS)


def test_an_empty_list() -> None:
    assert Orders([]).prepare().visible(Filters(stage="applied"), REGIONS) == []


def test_orders_computed_over_a_copy_are_adopted_when_the_list_is_the_same() -> None:
    rng = random.Random(17)
    programs = [random_program(rng) for _ in range(80)]
    orders = Orders(programs)
    orders.order("name")
    orders.adopt(Orders(list(programs)).prepare())
    programs[3] = random_program(rng)
    orders.changed(3)  # every adopted order moves the program too
    for sort in SORT_KEYS:
        filters = Filters(sort=sort, reverse=True)
        assert orders.visible(filters, REGIONS) == visible(programs, filters, REGIONS)
