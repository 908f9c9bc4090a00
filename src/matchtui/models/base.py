"""Shared bases: strict models (unknown keys are errors) and the provenance every figure carries."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from matchtui.safetext import safe_text

Reliability = Literal["primary", "secondary", "third_party", "illustrative", "assumption"]
# How each reliability reads on screen and in the CLI's text output (JSON keeps the ids).
RELIABILITY_LABELS: dict[str, str] = {
    "primary": "primary",
    "secondary": "secondary",
    "third_party": "third-party",
    "illustrative": "illustrative",
    "assumption": "assumption",
}

# Reliabilities that mean "not a published figure": a screen showing one says "illustrative".
SOFT_RELIABILITY: frozenset[str] = frozenset({"illustrative", "assumption"})

# Free text the applicant typed or imported (names, notes, answers): control characters such as
# ESC are turned into U+FFFD on load, so no file can send escape sequences to a terminal.
UserText = Annotated[str, AfterValidator(safe_text)]


class Strict(BaseModel):
    """Base for every file model: unknown keys are rejected, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Sourced(Strict):
    """A record that carries a figure: where it comes from and how far to trust it."""

    source: str
    reliability: Reliability

    @property
    def is_soft(self) -> bool:
        """True when this figure is illustrative or an assumption rather than published."""
        return self.reliability in SOFT_RELIABILITY


class UserFile(BaseModel):
    """Base for the applicant's files: strict, but mutable so forms can edit copies."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)
