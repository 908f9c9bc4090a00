"""Medical-school and hospital towns that name one place only are placed in their states
(states.toml [[cities]]): "I did my residency in Worcester" named no place, so a tie or local
activity there could not be read against the target region, nor a program's state hinted."""

from __future__ import annotations

import pytest

from matchtui.catalog import Catalog
from matchtui.engine.text import places_named


@pytest.mark.parametrize(
    ("city", "region", "state"),
    [
        ("Worcester", "northeast", "MA"),
        ("Hershey", "northeast", "PA"),
        ("Harrisburg", "northeast", "PA"),
        ("Ithaca", "northeast", "NY"),
        ("Toledo", "midwest", "OH"),
        ("Eau Claire", "midwest", "WI"),
        ("Saginaw", "midwest", "MI"),
        ("Joplin", "midwest", "MO"),
        ("Asheville", "south", "NC"),
    ],
)
def test_the_town_is_placed(catalog: Catalog, city: str, region: str, state: str) -> None:
    found = places_named(f"I did my residency in {city} until last year.", catalog)
    assert [(p.written, p.region) for p in found] == [(city, region)]
    assert catalog.states_of_city(city) == (state,)


def test_a_name_shared_with_a_city_abroad_places_nothing(catalog: Catalog) -> None:
    assert places_named("I did my residency in Birmingham until last year.", catalog) == []


@pytest.mark.parametrize(
    ("name", "regions"),
    [
        ("Portland", {"northeast", "west"}),
        ("Columbus", {"midwest", "south"}),
        ("Springfield", {"northeast", "midwest"}),
        ("Albany", {"northeast", "south"}),
    ],
)
def test_a_name_shared_across_regions_may_be_in_any_of_them(
    catalog: Catalog, name: str, regions: set[str]
) -> None:
    """Read for one of its regions it counts there; for any other it is somewhere else."""
    (found,) = places_named(f"I did my residency in {name} until last year.", catalog)
    assert found.written == name
    assert {r for r in ("northeast", "midwest", "south", "west") if found.is_in(r)} == regions
