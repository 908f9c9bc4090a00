"""Shared bases: strict models (unknown keys are errors) and the provenance every figure carries."""

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, field_validator

from matchtui.safetext import safe_text

Reliability = Literal["primary", "secondary", "third_party", "illustrative", "assumption"]
# A program's tier (mix.py's estimate and programs.py's list both use it; kept here so the
# program list does not import the mix model).
Tier = Literal["academic", "mid_tier", "community"]
# How each reliability reads on screen and in the CLI's text output (JSON keeps the ids).
RELIABILITY_LABELS: dict[str, str] = {
    "primary": "primary",
    "secondary": "secondary",
    "third_party": "third-party",
    "illustrative": "illustrative",
    "assumption": "assumption",
}

# Where an applicant is from, lives or studies, or a place a story names, may be outside the US
# (many IMGs apply from their own country): not a census region, so never a target, a tie's or a
# rotation's region (models.profile; engine.text's places abroad).
ABROAD = "abroad"

# Reliabilities that mean "not a published figure": a screen showing one says "illustrative".
SOFT_RELIABILITY: frozenset[str] = frozenset({"illustrative", "assumption"})

# Free text the applicant typed or imported (names, notes, answers): control characters such as
# ESC are turned into U+FFFD on load, so no file can send escape sequences to a terminal.
UserText = Annotated[str, AfterValidator(safe_text)]


# Field defaults: `Field(default_factory=empty_list)` means the same as `default_factory=list`,
# but pydantic inspects a factory's signature when it builds a model's validator, and for the
# built-in `list`/`dict` that costs ~15 times more than for a plain function (~5 ms a command).
def empty_list() -> list[Any]:
    """A new empty list (a field default)."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict (a field default)."""
    return {}


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


def _numeric(annotation: Any) -> bool:
    """True for int, float and their Optional / Annotated forms (bool excluded)."""
    if annotation in (int, float):
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        return _numeric(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return bool(args) and bool not in args and all(_numeric(a) for a in args)
    return False


class UserFile(BaseModel):
    """Base for the applicant's files: strict, but mutable so forms can edit copies.

    A number is never read from true/false (pydantic would take `step2_score = true` as 1)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_boolean_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, bool) and info.field_name is not None:
            field = cls.model_fields.get(info.field_name)
            if field is not None and _numeric(field.annotation):
                raise ValueError("must be a number, not true or false")
        return value
