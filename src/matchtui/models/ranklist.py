"""The rank list workbench: the reference rules (data/ranklist.toml), the applicant's rank list
and couples files (the CLI's contract), and the working list saved in plan.toml.

A rank list file::

    [[ranks]]
    program = "Name or NRMP code"   # resolved against the tracker when present
    chance = 0.4                    # optional, 0..1: the applicant's own estimate

A couples file::

    [[pairs]]
    a = "Program or no_match"
    b = "Program or no_match"
    a_chance = 0.5                  # optional; ignored for no_match
    b_chance = 0.4
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from matchtui.models.base import Sourced, Strict, UserFile, UserText, empty_list
from matchtui.models.programs import NRMP_CODE_PATTERN

# The working list saved in plan.toml lives in rank_state.py (plan.toml loads without the rest).
from matchtui.models.rank_state import CRITERIA as CRITERIA
from matchtui.models.rank_state import CRITERION_LABELS as CRITERION_LABELS
from matchtui.models.rank_state import Criterion as Criterion
from matchtui.models.rank_state import PairEntry as PairEntry
from matchtui.models.rank_state import RankItem as RankItem
from matchtui.models.rank_state import RanklistState as RanklistState
from matchtui.models.rank_state import program_ref

# NRMP program codes: seven digits, a letter, a digit (e.g. 1234140C0). The tracker's
NRMP_CODE = re.compile(NRMP_CODE_PATTERN)
# What a couples file writes for "this partner goes unmatched on this pair".
NO_MATCH = "no_match"

Track = Literal["categorical", "preliminary", "advanced", "transitional", "reserved"]


# --- reference data -------------------------------------------------------------------------------


class Figure(Sourced):
    value: float
    note: str = ""


class Rules(Strict):
    max_ranks: Figure
    codes_included: Figure
    extra_code_fee_usd: Figure
    supplemental_codes_included: Figure
    no_match_code: Figure
    one_rank_per_program: Figure


class RuleText(Sourced):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str


class Chances(Strict):
    academic: Figure
    mid_tier: Figure
    community: Figure
    unknown: Figure
    no_interview: Figure


class WarningLimits(Strict):
    short_list_ranks: Figure
    high_p_unmatched: Figure


class CouplesMethod(Strict):
    exact_max_programs: Figure
    samples: Figure
    seed: Figure


class SoapText(Sourced):
    text: str


class SoapPreferred(Sourced):
    tracks: list[str]
    specialties: list[str]
    note: str = ""


class SoapDocuments(Sourced):
    items: list[str] = Field(min_length=1)
    note: str = ""


class SoapPositions(Sourced):
    """How many positions one Match's SOAP offered and filled (published counts)."""

    match_year: int = Field(ge=2000, le=2100)
    offered: int = Field(gt=0)
    filled: int = Field(ge=0)
    note: str = ""

    @field_validator("filled")
    @classmethod
    def _not_more_than_offered(cls, value: int, info: ValidationInfo) -> int:
        offered = info.data.get("offered")
        if offered is not None and value > offered:
            raise ValueError(f"{value} filled is more than the {offered} offered")
        return value


class Soap(Strict):
    days: SoapText
    application_limit: Figure
    offer_rounds: Figure
    offer_window_hours: Figure
    preferred: SoapPreferred
    documents: SoapDocuments
    # Optional so a data folder written before it still loads (the kit then leaves it out).
    positions: SoapPositions | None = None


class CouplesOutcome(Sourced):
    """How the couples in one Match fared (published), shown beside a couple's own odds."""

    match_year: int = Field(ge=2000, le=2100)
    couples: int = Field(gt=0)
    matched_pct: float = Field(ge=0, le=100)
    note: str = ""


class RanklistFile(Strict):
    rules: Rules
    couples_rules: list[RuleText] = Field(min_length=1)
    chances: Chances
    warnings: WarningLimits
    couples_method: CouplesMethod
    soap: Soap
    couples_outcome: CouplesOutcome | None = None


# --- the applicant's files (CLI) ------------------------------------------------------------------


class RankEntry(UserFile):
    program: UserText = Field(max_length=200)
    chance: float | None = Field(default=None, ge=0, le=1)

    _clean = field_validator("program")(program_ref)


class RankFile(UserFile):
    ranks: list[RankEntry] = Field(default_factory=empty_list)


class CouplesFile(UserFile):
    pairs: list[PairEntry] = Field(default_factory=empty_list)
