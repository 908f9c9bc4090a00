"""US states: postal codes, names and the written abbreviations an import may carry; and the
cities a story may name, each with the states a city of that name lies in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from matchtui.models.base import Sourced, Strict

StateCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class State(Sourced):
    code: StateCode
    name: str
    # False for a US territory in none of the four census regions (Puerto Rico): a program
    # there is a valid one, in no region.
    census_region: bool = True
    note: str = ""


class StateAlias(Sourced):
    alias: str = Field(min_length=2)
    code: StateCode


class Cities(Sourced):
    """Cities as a story writes them ("St. Louis", and other spellings: "Saint Louis"), under
    the states they lie in: one state, or each state of a name cities share across states."""

    states: list[StateCode] = Field(min_length=1)
    names: list[Annotated[str, Field(min_length=2)]] = Field(min_length=1)


class Abroad(Sourced):
    """Places outside the United States as a story writes them (countries, and the parts of
    the world medical schools abroad are named by): a tie or a rotation there is none in any
    US region."""

    names: list[Annotated[str, Field(min_length=2)]] = Field(min_length=1)


class StatesFile(Strict):
    states: list[State] = Field(min_length=1)
    aliases: list[StateAlias] = []
    cities: list[Cities] = []
    # A city name right after one of these words is a person's name ("my wife Charlotte").
    person_before: list[str] = []
    # A region's name right before one of these words is part of an institution's name
    # ("Northeast Regional Medical Center", "South Shore Hospital"), not the region.
    institution_after: list[str] = []
    abroad: list[Abroad] = []
    # City names that, typed in lower case, are more often a word ("in providence").
    words_in_lower_case: list[str] = []

    def check_refs(self, catalog: object) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Each city record's states are states of this file; a place outside the census
        regions is in none of regions.toml's regions."""
        known = {state.code for state in self.states}
        for i, city in enumerate(self.cities):
            for j, code in enumerate(city.states):
                if code not in known:
                    yield ("cities", i, "states", j), f"unknown state code {code!r}"
        regions: dict[str, str] = getattr(catalog, "region_of_state", {})
        for i, state in enumerate(self.states):
            if not state.census_region and state.code in regions:
                yield (
                    ("states", i, "census_region"),
                    f"{state.code} is marked outside the census regions, but regions.toml puts "
                    f"it in {regions[state.code]!r}",
                )

    def without_region(self) -> dict[str, str]:
        """Postal code -> name of each place listed outside the census regions."""
        return {s.code: s.name for s in self.states if not s.census_region}

    def lookup(self) -> dict[str, str]:
        """Every accepted spelling, folded (see fold), -> postal code."""
        table: dict[str, str] = {}
        for state in self.states:
            table[fold(state.code)] = state.code
            table[fold(state.name)] = state.code
        for alias in self.aliases:
            table.setdefault(fold(alias.alias), alias.code)
        return table


def fold(text: str) -> str:
    """Case, dots, commas and spaces do not matter: "N.Y." == "ny", "New  York" == "newyork"."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
