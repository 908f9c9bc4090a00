"""The rank list workbench's working list, saved in plan.toml: the ranked programs, the
applicant's criteria weights and hard stops, and a couple's pairs (models/ranklist.py holds the
reference rules and the CLI's rank list files, and re-exports these)."""

from typing import Literal

from pydantic import Field, field_validator

from matchtui.models.base import UserFile, UserText, empty_dict, empty_list

Criterion = Literal["location", "feel", "training", "life"]
CRITERIA: tuple[Criterion, ...] = ("location", "feel", "training", "life")
CRITERION_LABELS: dict[str, str] = {
    "location": "Location & ties",
    "feel": "Program feel",
    "training": "Training",
    "life": "Life",
}


def program_ref(value: str) -> str:
    """A program name or NRMP code as given, its spaces made single."""
    value = " ".join(value.split())
    if not value:
        raise ValueError("a program name or NRMP code is needed")
    return value


class PairEntry(UserFile):
    """One rank of a couple's list: a program (or the No-Match code, `no_match`) for each
    partner; a is the applicant, b the partner."""

    a: UserText = Field(max_length=200)
    b: UserText = Field(max_length=200)
    a_chance: float | None = Field(default=None, ge=0, le=1)
    b_chance: float | None = Field(default=None, ge=0, le=1)

    _clean = field_validator("a", "b")(program_ref)


class RankItem(UserFile):
    program: UserText = Field(min_length=1, max_length=200)  # a tracker name or an NRMP code
    chance: float | None = Field(default=None, ge=0, le=1)
    scores: dict[Criterion, int] = Field(default_factory=empty_dict)  # 0..5 per criterion

    @field_validator("scores")
    @classmethod
    def _scores_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for key, score in value.items():
            if not 0 <= score <= 5:
                raise ValueError(f"score for {key} must be 0-5")
        return value


class RanklistState(UserFile):
    """The applicant's working rank list, criteria weights (0-5) and hard stops."""

    # As many as the tracker holds (models/programs.py): the list starts as its interviewed
    # programs, and a longer list could not be saved (a change to it crashed the pane).
    items: list[RankItem] = Field(default_factory=empty_list, max_length=20_000)
    weights: dict[Criterion, int] = Field(default_factory=lambda: dict.fromkeys(CRITERIA, 3))
    hard_stops: list[UserText] = Field(default_factory=empty_list, max_length=1000)
    # A couple's pairs (the Couples tab), as many as the list may hold: the couples rules
    # refuse more than NRMP allows, and the list still loads to be shortened.
    pairs: list[PairEntry] = Field(default_factory=empty_list, max_length=20_000)

    @field_validator("weights")
    @classmethod
    def _weights_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for key, weight in value.items():
            if not 0 <= weight <= 5:
                raise ValueError(f"weight for {key} must be 0-5")
        return value
