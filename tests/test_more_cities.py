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


@pytest.mark.parametrize("name", ["Birmingham", "Portland", "Columbus", "Springfield", "Albany"])
def test_names_shared_across_regions_or_countries_place_nothing(
    catalog: Catalog, name: str
) -> None:
    assert places_named(f"I did my residency in {name} until last year.", catalog) == []
