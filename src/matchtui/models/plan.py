"""plan.toml: the applicant's saved program mix (sliders) and plan checklist state.

Two panes write this file: the program-mix pane owns `mix`, the plan pane owns `timeline`.
Each saves the whole file with its own section replaced, so neither loses the other's work.
"""

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from matchtui.models.base import UserFile, UserText, empty_dict
from matchtui.models.rank_state import RanklistState

PLAN_SCHEMA_VERSION = 1

ItemStatus = Literal["todo", "doing", "done"]


class MixPlan(UserFile):
    specialty: str
    applications: int = Field(ge=1, le=200)
    academic_pct: int = Field(ge=0, le=100)
    mid_tier_pct: int = Field(ge=0, le=100)
    community_pct: int = Field(ge=0, le=100)
    region_share_pct: int = Field(ge=0, le=100)
    signals_used: int = Field(default=0, ge=0, le=100)
    saved_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _sums_to_100(self) -> "MixPlan":
        if self.academic_pct + self.mid_tier_pct + self.community_pct != 100:
            raise ValueError("academic_pct + mid_tier_pct + community_pct must be 100")
        return self


class ItemState(UserFile):
    status: ItemStatus = "todo"
    note: UserText = Field(default="", max_length=2000)


class TimelineState(UserFile):
    # YYYY-MM, only when the applicant pinned it; without it the start follows the Match year.
    start_month: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    # Written (true) with a pinned start_month. Files from before it saved start_month with the
    # first status change, pinned or not: engine.plan.migrate_plan reads those.
    pinned: bool | None = None
    items: dict[str, ItemState] = Field(default_factory=empty_dict)


class PlanFile(UserFile):
    schema_version: int = PLAN_SCHEMA_VERSION
    mix: MixPlan | None = None
    timeline: TimelineState | None = None
    ranklist: RanklistState | None = None  # the rank list pane (F8) owns this section
