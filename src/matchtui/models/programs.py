"""programs.toml: the applicant's own list of programs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from matchtui.models.base import UserFile, UserText
from matchtui.models.mix import Tier

PROGRAMS_SCHEMA_VERSION = 1

ProgramStatus = Literal["planned", "applied", "interview", "rejected", "ranked", "withdrawn"]
PROGRAM_STATUSES: tuple[ProgramStatus, ...] = (
    "planned",
    "applied",
    "interview",
    "rejected",
    "ranked",
    "withdrawn",
)
# Statuses that no longer count towards the list (actual vs target).
INACTIVE_STATUSES: frozenset[str] = frozenset({"withdrawn"})

# The columns an import file may carry, in this order.
PROGRAM_COLUMNS: tuple[str, ...] = (
    "name",
    "city",
    "state",
    "specialty",
    "tier",
    "signal",
    "yog_limit_years",
    "visa_sponsor",
    "status",
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("name", "state", "specialty", "tier")


class Program(UserFile):
    name: UserText = Field(min_length=1, max_length=200)
    city: UserText = Field(default="", max_length=100)
    state: str = Field(pattern=r"^[A-Z]{2}$")
    specialty: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    tier: Tier
    signal: bool = False
    # The program's stated limit on years since graduation (None: no stated limit).
    yog_limit_years: int | None = Field(default=None, ge=0, le=60)
    visa_sponsor: bool | None = None
    status: ProgramStatus = "planned"
    notes: UserText = Field(default="", max_length=2000)

    @property
    def active(self) -> bool:
        return self.status not in INACTIVE_STATUSES

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity for duplicate detection: name, state and specialty, case-insensitive."""
        return (" ".join(self.name.lower().split()), self.state, self.specialty)


class ProgramList(UserFile):
    schema_version: int = PROGRAMS_SCHEMA_VERSION
    programs: list[Program] = Field(default_factory=list, max_length=20_000)
