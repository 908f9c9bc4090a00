"""programs.toml: the applicant's own list of programs and where each one stands in the season.

Schema 2 (the applications tracker) adds the NRMP program code, the track, the kind of ERAS
signal sent, a dated record of each stage, the applicant's own costs per program and a wider
`status`. `migrate_1_to_2` turns a schema-1 file into a schema-2 one, keeping every value.
"""

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import Field

from matchtui.models.base import Tier, UserFile, UserText, empty_list

PROGRAMS_SCHEMA_VERSION = 2

# Stages of a season, in the order a program usually passes through them. `thanked` is a
# thank-you note or letter of intent sent; `scheduled` means an interview date is booked.
ProgramStatus = Literal[
    "planned",
    "applied",
    "invited",
    "scheduled",
    "interviewed",
    "thanked",
    "second_look",
    "ranked",
    "rejected",
    "withdrawn",
]
PROGRAM_STATUSES: tuple[ProgramStatus, ...] = get_args(ProgramStatus)
STAGE_LABELS: dict[str, str] = {
    "planned": "Planned",
    "applied": "Applied",
    "invited": "Invited",
    "scheduled": "Scheduled",
    "interviewed": "Interviewed",
    "thanked": "Thank-you sent",
    "second_look": "Second look",
    "ranked": "Ranked",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
}
# The same in at most 11 cells, for a table's stage column (Applications).
STAGE_SHORT_LABELS: dict[str, str] = {**STAGE_LABELS, "thanked": "Thanked"}
# Statuses that no longer count towards the list (actual vs target).
INACTIVE_STATUSES: frozenset[str] = frozenset({"withdrawn"})

Track = Literal["categorical", "preliminary", "advanced", "transitional", "reserved"]
TRACKS: tuple[Track, ...] = get_args(Track)
SignalKind = Literal["none", "signal", "gold", "silver"]
SIGNAL_LABELS: dict[str, str] = {
    "none": "No signal",
    "signal": "Signal",
    "gold": "Gold",
    "silver": "Silver",
}
SIGNAL_KINDS: tuple[SignalKind, ...] = get_args(SignalKind)
InterviewFormat = Literal["virtual", "in_person"]
INTERVIEW_FORMATS: tuple[InterviewFormat, ...] = get_args(InterviewFormat)
CostKind = Literal["travel", "lodging", "other"]
COST_KINDS: tuple[CostKind, ...] = get_args(CostKind)

# 4-digit institution, 3-digit specialty, track letter, check digit (e.g. 1234140C0).
NRMP_CODE_PATTERN = r"^[0-9]{7}[A-Z][0-9]$"

# The columns an import or export file may carry, in this order.
PROGRAM_COLUMNS: tuple[str, ...] = (
    "name",
    "city",
    "state",
    "specialty",
    "tier",
    "nrmp_code",
    "track",
    "signal",
    "yog_limit_years",
    "visa_sponsor",
    "status",
    "applied_on",
    "invited_on",
    "respond_by",
    "interview_on",
    "interview_format",
    "interviewed_on",
    "thank_you_on",
    "second_look_on",
    "rejected_on",
    "withdrawn_on",
    "ranked_on",
    "travel_usd",
    "lodging_usd",
    "other_usd",
    "notes",
)
# Other names a spreadsheet gives a column, read as the column they mean on import ("Program
# Name", "Interview Date"); headers are compared in lower case, spaces and dashes as "_". A date
# column may also be named "<x>_date" or "date_<x>" for "<x>_on" ("applied_date").
COLUMN_ALIASES: dict[str, str] = {
    "program": "name",
    "program_name": "name",
    "programme": "name",
    "programme_name": "name",
    "stage": "status",
    "program_code": "nrmp_code",
    "nrmp_program_code": "nrmp_code",
    "nrmp": "nrmp_code",
    "visa": "visa_sponsor",
    "sponsors_visa": "visa_sponsor",
    "visa_sponsorship": "visa_sponsor",
    "invite_date": "invited_on",
    "invitation_date": "invited_on",
    "format": "interview_format",
    "note": "notes",
    "comments": "notes",
    "travel": "travel_usd",
    "lodging": "lodging_usd",
}
# The cost columns: each kind's total (an import makes one entry of it, dated with the
# interview; an export writes each kind's sum, so the entries' own notes and dates stay in
# programs.toml only).
COST_COLUMNS: dict[str, str] = {
    "travel_usd": "travel",
    "lodging_usd": "lodging",
    "other_usd": "other",
}
REQUIRED_COLUMNS: tuple[str, ...] = ("name", "state", "specialty", "tier")
DATE_FIELDS: tuple[str, ...] = (
    "applied_on",
    "invited_on",
    "respond_by",
    "interview_on",
    "interviewed_on",
    "thank_you_on",
    "second_look_on",
    "rejected_on",
    "withdrawn_on",
    "ranked_on",
)
# The dates that may lie ahead of today: an interview booked, a deadline to answer by. Every
# other date records something done (an import with one in the future is refused).
AHEAD_DATES: frozenset[str] = frozenset({"interview_on", "respond_by"})


class CostEntry(UserFile):
    """One of the applicant's own expenses for a program (travel, lodging or other)."""

    kind: CostKind = "other"
    usd: float = Field(ge=0, le=1_000_000)
    date: dt.date | None = None
    note: UserText = Field(default="", max_length=200)


class Program(UserFile):
    name: UserText = Field(min_length=1, max_length=200)
    city: UserText = Field(default="", max_length=100)
    state: str = Field(pattern=r"^[A-Z]{2}$")
    specialty: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    tier: Tier
    nrmp_code: str | None = Field(default=None, pattern=NRMP_CODE_PATTERN)
    track: Track = "categorical"
    signal: SignalKind = "none"
    # The program's stated limit on years since graduation (None: no stated limit).
    yog_limit_years: int | None = Field(default=None, ge=0, le=60)
    visa_sponsor: bool | None = None
    status: ProgramStatus = "planned"
    applied_on: dt.date | None = None
    invited_on: dt.date | None = None
    respond_by: dt.date | None = None
    interview_on: dt.date | None = None
    interview_format: InterviewFormat | None = None
    interviewed_on: dt.date | None = None
    thank_you_on: dt.date | None = None
    second_look_on: dt.date | None = None
    rejected_on: dt.date | None = None
    withdrawn_on: dt.date | None = None
    ranked_on: dt.date | None = None
    notes: UserText = Field(default="", max_length=2000)
    costs: list[CostEntry] = Field(default_factory=empty_list, max_length=200)

    @property
    def active(self) -> bool:
        return self.status not in INACTIVE_STATUSES

    @property
    def signalled(self) -> bool:
        return self.signal != "none"

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity for duplicate detection: name, state and specialty, case-insensitive."""
        return (" ".join(self.name.lower().split()), self.state, self.specialty)

    def cost_usd(self, kind: str | None = None) -> float:
        return sum(c.usd for c in self.costs if kind is None or c.kind == kind)


class ProgramList(UserFile):
    schema_version: int = PROGRAMS_SCHEMA_VERSION
    programs: list[Program] = Field(default_factory=empty_list, max_length=20_000)

    @classmethod
    def empty(cls) -> "ProgramList":
        """No programs, made without validating: the first `ProgramList()` of a session builds
        the model's validator (~15-45 ms), which a pane's first visit with no list paid."""
        return cls.model_construct()


# Schema 1 statuses that do not exist any more, and what they became.
_OLD_STATUS = {"interview": "invited"}


def migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """A schema-1 programs.toml as schema 2: signal yes/no -> "signal"/"none", status
    "interview" -> "invited" (the old file did not say whether the interview had happened);
    every other value is kept as it was."""
    programs = []
    for entry in data.get("programs", []):
        if isinstance(entry, dict):
            entry = dict(entry)
            if isinstance(entry.get("signal"), bool):
                entry["signal"] = "signal" if entry["signal"] else "none"
            status = entry.get("status")
            if isinstance(status, str) and status in _OLD_STATUS:
                entry["status"] = _OLD_STATUS[status]
        programs.append(entry)
    out = {**data, "schema_version": 2}
    if "programs" in data:
        out["programs"] = programs
    return out
