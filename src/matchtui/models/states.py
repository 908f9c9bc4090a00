"""US states: postal codes, names and the written abbreviations an import may carry."""

from __future__ import annotations

from pydantic import Field

from matchtui.models.base import Sourced, Strict


class State(Sourced):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str


class StateAlias(Sourced):
    alias: str = Field(min_length=2)
    code: str = Field(pattern=r"^[A-Z]{2}$")


class StatesFile(Strict):
    states: list[State] = Field(min_length=1)
    aliases: list[StateAlias] = []

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
